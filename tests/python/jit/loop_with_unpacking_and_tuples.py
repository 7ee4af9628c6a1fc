pts = [(i, i * 2, i % 7) for i in range(3000)]
sx = sy = sz = 0
for x, y, z in pts:
    sx += x
    sy += y
    sz += z
print(sx, sy, sz)
a, b = 0, 1
for _ in range(1000):
    a, b = b, (a + b) % 1000003
print(a, b)

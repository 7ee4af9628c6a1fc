n = -(2 ** 63) + 500
for i in range(1000):
    n -= 1
print(n)
m = -1
for i in range(70):
    m *= 2
print(m, -m)
v = 1
for i in range(100):
    v = -v * 7
print(v)

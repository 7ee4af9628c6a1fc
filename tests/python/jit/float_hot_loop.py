x = 0.0
dx = 0.001
s = 0.0
for i in range(20000):
    s += x * x * dx
    x += dx
print(s, x)
a, b = 1.0, 0.0
for i in range(10000):
    a, b = a * 0.9999 + b * 0.0001, b * 0.9999 + a * 0.0001
print(a, b, a + b)

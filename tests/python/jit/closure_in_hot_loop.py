def make(k):
    def f(x):
        return x * k
    return f
fs = [make(k) for k in range(10)]
total = 0
for i in range(5000):
    total += fs[i % 10](i)
print(total)
def counter():
    c = 0
    def inc():
        nonlocal c
        c += 1
        return c
    return inc
inc = counter()
for _ in range(7777):
    inc()
print(inc())

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(22))
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print([depth(i) for i in (10, 100, 500, 900)])
def tak(x, y, z):
    if y < x:
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
    return z
print(tak(12, 8, 4))

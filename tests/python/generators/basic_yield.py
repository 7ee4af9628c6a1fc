def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
g = count_up(3)
print(type(g).__name__, next(g), next(g), next(g), next(g, "end"))
print(list(count_up(5)), sum(count_up(101)), list(count_up(0)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])

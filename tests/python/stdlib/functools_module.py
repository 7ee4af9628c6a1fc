import functools
print(functools.reduce(lambda a, b: a * b, range(1, 8)), functools.reduce(lambda a, b: a + b, [], 0))
p = functools.partial(int, base=2)
print(p("1011"), p.func is int, p.keywords)
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(100), fib.cache_info().hits > 0)
@functools.cache
def sq(x):
    print("computing", x)
    return x * x
print(sq(4), sq(4), sq(5))
class P:
    def __init__(self, v):
        self.v = v
    @functools.cached_property
    def expensive(self):
        print("computed once")
        return self.v * 100
o = P(3)
print(o.expensive, o.expensive)

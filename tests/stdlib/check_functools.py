"""Kiln's functools against CPython's."""

import functools as ref
import operator

from _load import check, finish, load, outcome

collections = load("collections")
ft = load("functools", {"collections": collections})

check("reduce", ft.reduce(operator.add, [1, 2, 3, 4]), 10)
check("reduce init", ft.reduce(operator.sub, [1, 2], 10), 7)
check("reduce empty", outcome(ft.reduce, operator.add, []), outcome(ref.reduce, operator.add, []))
check("reduce empty init", ft.reduce(operator.add, [], 5), 5)


def f(a, b, c=3, *, d=4):
    """doc of f"""
    return (a, b, c, d)


p1 = ft.partial(f, 1, d=9); p2 = ref.partial(f, 1, d=9)
check("partial call", p1(2), p2(2))
check("partial override", p1(2, d=0), p2(2, d=0))
check("partial attrs", (p1.func, p1.args, p1.keywords), (p2.func, p2.args, p2.keywords))
check("partial repr", repr(p1), repr(p2))
pp1 = ft.partial(p1, 5); pp2 = ref.partial(p2, 5)
check("partial nested", (pp1.func, pp1.args, pp1.keywords, pp1()), (pp2.func, pp2.args, pp2.keywords, pp2()))
check("partial not callable", outcome(ft.partial, 3), outcome(ref.partial, 3))


def deco(mod):
    def decorator(fn):
        @mod.wraps(fn)
        def wrapper(*a, **k):
            return fn(*a, **k)
        return wrapper
    return decorator


w1 = deco(ft)(f); w2 = deco(ref)(f)
check("wraps", (w1.__name__, w1.__doc__, w1.__qualname__, w1.__module__, w1.__wrapped__ is f, w1(1, 2)),
      (w2.__name__, w2.__doc__, w2.__qualname__, w2.__module__, w2.__wrapped__ is f, w2(1, 2)))


def make_fib(mod, **kw):
    calls = []

    @mod.lru_cache(**kw)
    def fib(n):
        calls.append(n)
        return n if n < 2 else fib(n - 1) + fib(n - 2)
    return fib, calls


for kw in ({}, {"maxsize": None}, {"maxsize": 2}, {"maxsize": 0}, {"maxsize": 3, "typed": True}):
    f1, c1 = make_fib(ft, **kw); f2, c2 = make_fib(ref, **kw)
    check("lru %r" % kw, [f1(n) for n in (10, 5, 12, 3, 10)], [f2(n) for n in (10, 5, 12, 3, 10)])
    check("lru calls %r" % kw, c1, c2)
    check("lru info %r" % kw, tuple(f1.cache_info()), tuple(f2.cache_info()))
    check("lru info repr", repr(f1.cache_info()), repr(f2.cache_info()))
    f1.cache_clear(); f2.cache_clear()
    check("lru clear", tuple(f1.cache_info()), tuple(f2.cache_info()))
    check("lru name", f1.__name__, "fib")


def g(x, y=1):
    return (x, y)


g1 = ft.lru_cache(g); g2 = ref.lru_cache(g)
for args, kw in (((1,), {}), ((1,), {"y": 1}), ((1, 1), {}), ((1,), {}), ((1.0,), {}), (("a",), {})):
    g1(*args, **kw); g2(*args, **kw)
check("lru keys", tuple(g1.cache_info()), tuple(g2.cache_info()))
c1 = ft.cache(g); c2 = ref.cache(g)
c1(1); c1(1); c2(1); c2(1)
check("cache", tuple(c1.cache_info()), tuple(c2.cache_info()))
check("lru bad", outcome(ft.lru_cache, "x"), outcome(ref.lru_cache, "x"))


class Meth:
    def __init__(self):
        self.n = 0

    @ft.lru_cache(maxsize=None)
    def sq(self, x):
        self.n += 1
        return x * x


m = Meth()
check("lru method", (m.sq(3), m.sq(3), m.n), (9, 9, 1))


def make_ordered(mod, root):
    ns = {"__init__": lambda self, v: setattr(self, "v", v),
          "__eq__": lambda self, o: self.v == o.v if isinstance(o, type(self)) else NotImplemented,
          "__hash__": None}
    ops = {"__lt__": lambda s, o: s.v < o.v, "__le__": lambda s, o: s.v <= o.v,
           "__gt__": lambda s, o: s.v > o.v, "__ge__": lambda s, o: s.v >= o.v}
    ns[root] = ops[root]
    return mod.total_ordering(type("T", (), ns))


for root in ("__lt__", "__le__", "__gt__", "__ge__"):
    T1 = make_ordered(ft, root); T2 = make_ordered(ref, root)
    res1 = []; res2 = []
    for a in range(3):
        for b in range(3):
            res1.append((T1(a) < T1(b), T1(a) <= T1(b), T1(a) > T1(b), T1(a) >= T1(b)))
            res2.append((T2(a) < T2(b), T2(a) <= T2(b), T2(a) > T2(b), T2(a) >= T2(b)))
    check("total_ordering " + root, res1, res2)
check("total_ordering none", outcome(ft.total_ordering, type("N", (), {})),
      outcome(ref.total_ordering, type("N", (), {})))

words = ["banana", "Apple", "cherry", "apple", "date"]


def cmp(a, b):
    return (a.lower() > b.lower()) - (a.lower() < b.lower())


check("cmp_to_key", sorted(words, key=ft.cmp_to_key(cmp)), sorted(words, key=ref.cmp_to_key(cmp)))


class CP:
    count = 0

    @ft.cached_property
    def value(self):
        CP.count += 1
        return 42


cp = CP()
check("cached_property", (cp.value, cp.value, CP.count, cp.__dict__), (42, 42, 1, {"value": 42}))


@ft.singledispatch
def show(x):
    return "obj"


@show.register(int)
def _(x):
    return "int"


@show.register
def _(x: list):
    return "list"


check("singledispatch", [show(1), show(True), show([]), show("s")], ["int", "int", "list", "obj"])
finish("functools")

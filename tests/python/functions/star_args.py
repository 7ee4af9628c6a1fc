def f(*args, **kwargs):
    return args, sorted(kwargs.items())
print(f(), f(1, 2), f(a=1), f(1, *[2, 3], b=4, **{"c": 5}))
def g(a, b, *rest, z=0, **kw):
    return a, b, rest, z, kw
print(g(1, 2), g(1, 2, 3, 4, z=5, w=6), g(*range(5)), g(**{"a": 1, "b": 2}))
args = (1, 2)
kw = {"z": 9}
print(g(*args, *args, **kw), max(*[3, 9, 2]), print(*[1, 2, 3], sep="-"))

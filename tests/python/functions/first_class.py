def apply(f, *args):
    return f(*args)
def square(x):
    return x * x
fs = [square, abs, str, len]
print([apply(f, -3) if f is not len else apply(f, "abc") for f in fs])
print(list(map(square, range(5))), square.__name__, callable(square), callable(5))
registry = {}
def register(fn):
    registry[fn.__name__] = fn
    return fn
@register
def alpha():
    return "A"
@register
def beta():
    return "B"
print(sorted(registry), [registry[k]() for k in sorted(registry)])

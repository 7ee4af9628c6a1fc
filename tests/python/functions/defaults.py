def f(a, b=2, c=[]):
    c.append(a)
    return a + b, c
print(f(1), f(2, 3), f(3, c=[9]), f(4))
def g(x, y=None):
    if y is None:
        y = []
    y.append(x)
    return y
print(g(1), g(2), g(3, [0]))
print(f.__defaults__[0], f.__name__, g.__defaults__)

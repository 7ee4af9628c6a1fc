sq = lambda x: x * x
add = lambda a, b=1: a + b
print(sq(7), add(1), add(1, 2), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, x=2))
ops = {"+": lambda a, b: a + b, "*": lambda a, b: a * b, "-": lambda a, b: a - b}
print([ops[o](6, 3) for o in "+*-"])
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, add)(3), sorted([-3, 1, -2], key=lambda v: abs(v)))
print((lambda n: (lambda f: f(f, n))(lambda f, k: 1 if k == 0 else k * f(f, k - 1)))(10))

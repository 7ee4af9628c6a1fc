def show(a, b, c=3, *rest, d, e=5, **kw):
    return f"a={a} b={b} c={c} rest={rest} d={d} e={e} kw={kw}"
print(show(1, 2, d=4))
print(show(1, 2, 30, 40, 50, d=4, z=26, y=25))
print(show(b=2, a=1, d=0, e=9))
print(show(*"xy", **{"d": "D", "extra": True}))

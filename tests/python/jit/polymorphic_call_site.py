class A:
    def val(self):
        return 1
class B:
    def val(self):
        return 2.5
class C:
    def val(self):
        return "c"
def total(objs):
    n, f, s = 0, 0.0, ""
    for o in objs:
        v = o.val()
        if isinstance(v, int):
            n += v
        elif isinstance(v, float):
            f += v
        else:
            s += v
    return n, f, len(s)
objs = [A()] * 1000 + [A(), B()] * 500 + [A(), B(), C()] * 300
print(total(objs))
def call(f, x):
    return f(x)
fs = [abs, str, len, lambda v: v * 2, float]
res = []
for i in range(500):
    res.append(call(fs[i % 5], -i if i % 5 != 2 else "x" * (i % 7)))
print(res[:10], res[-5:])

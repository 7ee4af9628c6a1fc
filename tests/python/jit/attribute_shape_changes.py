class P:
    pass
objs = []
for i in range(1000):
    p = P()
    p.x = i
    if i % 3 == 0:
        p.y = i * 2
    if i % 5 == 0:
        p.z = "five"
    objs.append(p)
s = 0
for p in objs:
    s += p.x
    if hasattr(p, "y"):
        s += p.y
    s += len(getattr(p, "z", ""))
print(s)
for i, p in enumerate(objs):
    if i == 900:
        P.x = "class level"
        del p.x
print(objs[900].x, objs[901].x)

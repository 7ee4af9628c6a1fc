classes = []
for n in range(12):
    classes.append(type("C%d" % n, (), {"v": n, "get": lambda self, n=n: n * 10}))
objs = [classes[i % 12]() for i in range(2400)]
s = 0
for o in objs:
    s += o.v + o.get()
print(s)

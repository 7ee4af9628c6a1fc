x = 5
del x
try:
    x
except NameError as e:
    print("NameError:", e)
l = list(range(10))
del l[0], l[-1]
del l[2:4]
print(l)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
class O:
    pass
o = O()
o.attr = 1
del o.attr
print(hasattr(o, "attr"))
a, b = 1, 2
del a, b
print("a" in dir(), "b" in dir())

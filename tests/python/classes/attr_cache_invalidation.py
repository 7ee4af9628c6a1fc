# Attribute reads and writes in a loop stay right when classes and
# instances change under them (inline caches must notice).
class P:
    def __init__(self, x):
        self.x = x

def read_all(ps):
    return [p.x for p in ps]

def write_all(ps, v):
    for p in ps:
        p.x = v

ps = [P(i) for i in range(5)]
for _ in range(3):
    print(read_all(ps))
write_all(ps, 7)
print(read_all(ps))
# A data descriptor added to the class takes over reads and writes.
P.x = property(lambda self: "prop", lambda self, v: print("set", v))
print(read_all(ps))
write_all(ps[:2], 9)
del P.x
print(read_all(ps))
# A class-level __setattr__ hooks writes.
def hook(self, name, value):
    print("hook", name, value)
    object.__setattr__(self, name, value)
P.__setattr__ = hook
write_all(ps[:1], 3)
del P.__setattr__
write_all(ps, 4)
print(read_all(ps))
# Instances with different attribute orders (different maps) share a site.
class Q:
    pass
a, b = Q(), Q()
a.x, a.y = 1, 2
b.y, b.x = 3, 4
for _ in range(3):
    print(read_all([a, b, a]))
# Deleting an attribute, and __dict__ access, are seen.
del b.x
try:
    read_all([a, b])
except AttributeError as e:
    print("AttributeError", e)
a.__dict__["x"] = 42
print(read_all([a]))
a.__dict__.pop("x")
try:
    print(read_all([a]))
except AttributeError as e:
    print("AttributeError", e)
# __getattribute__ defined later on a subclass.
class R(P):
    pass
rs = [R(1), R(2)]
print(read_all(rs))
R.__getattribute__ = lambda self, name: "intercepted " + name
print(read_all(rs))

# LOAD_METHOD call sites keep working when what they looked up changes.


class A:
    def f(self):
        return "A.f"


class B(A):
    pass


class C(B):
    pass


def call_f(o):
    return o.f()


# A method shadowed later by an instance attribute.
c = C()
print(call_f(c), call_f(c))
c.f = lambda: "instance f"
print(call_f(c))
del c.f
print(call_f(c))

# A method replaced on the class after the cache is filled.
b = B()
print(call_f(b))
A.f = lambda self: "new A.f"
print(call_f(b), call_f(c))

# A method added to a base, overriding the grandparent's.
B.f = lambda self: "B.f"
print(call_f(b), call_f(c))
del B.f
print(call_f(b), call_f(c))

# __getattribute__ defined later.
def ga(self, name):
    if name == "f":
        return lambda: "from __getattribute__"
    return object.__getattribute__(self, name)


print(call_f(c))
C.__getattribute__ = ga
print(call_f(c), call_f(b))
del C.__getattribute__
print(call_f(c))


# Instances with different maps at one call site.
class P:
    def g(self):
        return "P.g"


def call_g(o):
    return o.g()


ps = [P() for _ in range(4)]
ps[1].x = 1
ps[2].y = 2
ps[3].x = 1
ps[3].g = lambda: "ps[3] own g"
for p in ps * 2:
    print(call_g(p))


# One call site seeing different classes.
class Q:
    def g(self):
        return "Q.g"


class R(P):
    def g(self):
        return "R.g " + P.g(self)


for o in [P(), Q(), R(), P(), R(), Q()]:
    print(call_g(o))

# __class__ assignment.
o = P()
print(call_g(o))
o.__class__ = Q
print(call_g(o))
o.__class__ = R
print(call_g(o))

# setattr with a name built at run time, then a literal-name lookup.
o = P()
print(call_g(o))
setattr(o, "".join(["g"]), lambda: "setattr g")
print(call_g(o))


# A dict subclass instance gaining an attribute that shadows a method.
class D(dict):
    def keys(self):
        return ["D.keys"]


def call_keys(d):
    return list(d.keys())


d = D(a=1)
print(call_keys(d), call_keys({"z": 0}))
d.keys = lambda: ["own keys"]
print(call_keys(d))

# An instance switched to dict mode through __dict__.
o = P()
print(call_g(o))
o.__dict__["g"] = lambda: "via __dict__"
print(call_g(o))
o.__dict__.clear()
print(call_g(o))
o.__dict__.update(g=lambda: "updated")
print(call_g(o))

# Methods of builtin types at a shared call site.
def call_append(x, v):
    x.append(v)
    return x


print(call_append([], 1))


class L(list):
    pass


lst = L()
print(call_append(lst, 2))
L.append = lambda self, v: list.append(self, v * 10)
print(call_append(lst, 3))
lst.append = lambda v: print("own append", v)
print(call_append(lst, 4))

# Classes created in a loop, each with its own method.
def make(i):
    class K:
        def g(self):
            return i

    return K()


print([call_g(make(i)) for i in range(5)])

# Many calls in a loop while the class changes part way.
total = 0
for i in range(300):
    if i == 150:
        P.g = lambda self: 1000
    v = call_g(P())
    total += v if isinstance(v, int) else 1
print(total)

# complex(): numbers, two arguments (possibly complex), keywords,
# __complex__/__float__/__index__ objects; attributes, methods, equality,
# hashing; subclasses of complex.
import math


def show(label, v):
    if isinstance(v, complex):
        print(label, type(v).__name__, repr(v), repr(v.real), repr(v.imag))
    else:
        print(label, type(v).__name__, repr(v))


class F:
    def __float__(self):
        return 2.5


class I:
    def __index__(self):
        return 7


class C:
    def __complex__(self):
        return 3 + 4j


class Both:
    def __complex__(self):
        return 1j

    def __float__(self):
        return 9.0


show("empty", complex())
show("int", complex(5))
show("neg int", complex(-5))
show("bool", complex(True, False))
show("float", complex(2.5))
show("neg zero", complex(-0.0))
show("neg zero2", complex(-0.0, -0.0))
show("two", complex(3, 4))
show("two floats", complex(1.5, -2.5))
show("cc", complex(1j, 1j))
show("cc2", complex(1 + 2j, 3 + 4j))
show("c real", complex(1 + 2j))
show("c imag", complex(0, 1 + 2j))
show("infs", complex(complex(float("inf"), 0), complex(0, float("inf"))))
show("F", complex(F()))
show("I", complex(I()))
show("C", complex(C()))
show("Both", complex(Both()))
show("F I", complex(F(), I()))
show("C 1", complex(C(), 1))
show("kw", complex(real=1, imag=2))
show("kw imag", complex(imag=2))
show("kw real", complex(real=-3.5))
show("kw c", complex(imag=1j))
show("big", complex(2 ** 60, -(2 ** 62)))
z = 1 + 2j
print(complex(z) is z, type(complex(z)).__name__)

# attributes and methods
z = complex(2, -3)
show("real", z.real)
show("imag", z.imag)
show("conj", z.conjugate())
show("conj0", complex(1, 0.0).conjugate())
show("__complex__", z.__complex__())
print(z.__complex__() is z)
show("getnewargs", z.__getnewargs__())
show("format", z.__format__(".1f"))
show("int real", (5).real)
show("int imag", (5).imag)
show("float conj", (2.5).conjugate())
print(isinstance(1j, complex), issubclass(complex, object), type(1j) is complex, complex.__name__)

# equality with every numeric type, hashing consistent with it
pairs = [(2 + 0j, 2), (2 + 0j, 2.0), (2 + 1j, 2), (2 + 0j, True), (1 + 0j, True), (0j, 0),
         (0j, -0.0), (complex(2 ** 53 + 1, 0), 2 ** 53 + 1), (complex(2 ** 53, 0), 2 ** 53 + 1),
         (complex(1e300, 0), 10 ** 300), (complex(float("nan")), float("nan")),
         (1j, "1j"), (1j, None), (1j, [1j]), (1 + 1j, 1 + 1j), (1 + 1j, 1 - 1j)]
for a, b in pairs:
    print(repr(a), repr(b), a == b, b == a, a != b, b != a)
for v in [0j, 1j, -1j, 1 + 1j, complex(-1, 0), complex(0, -1), complex(1.5, 2.5), complex(2, 0),
          complex(-2.5, 0), complex(1e300, -1e300), complex(float("inf"), 1), complex(1, float("-inf")),
          complex(2 ** 61, 0), complex(0.1, 0.2)]:
    print(repr(v), hash(v), hash(v) == hash(v.real) if v.imag == 0 else "")
d = {1j: "a", 1: "b", complex(1, 0): "c", 1.0: "d", 0j: "e", False: "f"}
print(d)
print({0j, 0, 0.0, False, 1j, 1j * 1})
print(1j in [1, 2, 1j], 2 + 0j in {2}, [1j, 2j].index(2j), (1j, 2j).count(1j))

# truth
for v in [0j, complex(0, -0.0), complex(-0.0, 0), 1j, complex(float("nan"), 0), 1e-320j]:
    print(repr(v), bool(v), not v, "yes" if v else "no")


class Sub(complex):
    pass


class Sub2(complex):
    def __add__(self, other):
        return "Sub2 add"

    def __neg__(self):
        return "Sub2 neg"

    def __abs__(self):
        return "Sub2 abs"


class Sub3(complex):
    def __new__(cls, re, im=0.0):
        return complex.__new__(cls, re * 2, im)


s = Sub(1, 2)
show("sub", s)
show("sub str", Sub("3+4j"))
show("sub kw", Sub(real=1, imag=2))
show("sub empty", Sub())
show("sub add", s + 1)
show("sub radd", 1 + s)
show("sub mul", s * s)
show("sub div", s / 2)
show("sub pow", s ** 2)
show("sub neg", -s)
show("sub pos", +s)
show("sub abs", abs(Sub(3, 4)))
show("sub conj", s.conjugate())
show("sub complex", complex(s))
show("sub real", s.real)
print(s == 1 + 2j, 1 + 2j == s, s != 1 + 2j, hash(s) == hash(1 + 2j), bool(Sub()), isinstance(s, complex))
show("sub2 add", Sub2(1) + 1)
show("sub2 radd", 1 + Sub2(1))
show("sub2 neg", -Sub2(1))
show("sub2 abs", abs(Sub2(1)))
show("sub3", Sub3(1, 5))
show("sub3 kw", Sub3(2, im=1))
print(repr(Sub(1, 2) * Sub(0, 1)), format(Sub(1, 2), "+.2f"))
print(math.isclose(abs(3 + 4j), 5.0), math.hypot(3, 4) == abs(3 + 4j))

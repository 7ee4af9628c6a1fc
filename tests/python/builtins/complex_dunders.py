# The explicit special methods of complex (z.__add__(w), complex.__repr__
# from a subclass, NotImplemented for other types) and how subclasses that
# override some of them take part in the operators.
def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, type(r).__name__, repr(r))


z = 1 + 2j
t("add", lambda: z.__add__(1))
t("add str", lambda: z.__add__("a"))
t("radd", lambda: z.__radd__(1.5))
t("sub", lambda: z.__sub__(1j))
t("rsub", lambda: z.__rsub__(1))
t("mul", lambda: z.__mul__(2j))
t("rmul", lambda: z.__rmul__(3))
t("truediv", lambda: z.__truediv__(0.5))
t("rtruediv", lambda: z.__rtruediv__(1))
t("truediv0", lambda: z.__truediv__(0))
t("pow", lambda: z.__pow__(2))
t("pow none", lambda: z.__pow__(2, None))
t("pow mod", lambda: z.__pow__(2, 3))
t("rpow", lambda: z.__rpow__(2))
t("neg", lambda: z.__neg__())
t("pos", lambda: z.__pos__())
t("abs", lambda: z.__abs__())
t("bool", lambda: (0j).__bool__())
t("hash", lambda: z.__hash__() == hash(z))
t("repr", lambda: z.__repr__())
t("str", lambda: z.__str__())
t("eq", lambda: z.__eq__(1 + 2j))
t("eq int", lambda: (2 + 0j).__eq__(2))
t("eq str", lambda: z.__eq__("z"))
t("ne", lambda: z.__ne__(1))
t("lt", lambda: z.__lt__(1j))
t("ge", lambda: z.__ge__(1))
t("floordiv", lambda: z.__floordiv__(1))
t("unbound", lambda: complex.__add__(1j, 2))
t("unbound bad", lambda: complex.__add__(1, 2j))
t("unbound repr", lambda: complex.__repr__(3j))


class Tagged(complex):
    def __repr__(self):
        return "Tagged" + complex.__repr__(self)

    def __add__(self, other):
        return Tagged(super().__add__(other))

    __radd__ = __add__


class Mirror(complex):
    def __rsub__(self, other):
        return "Mirror rsub"

    def __rtruediv__(self, other):
        return NotImplemented


t("tagged", lambda: Tagged(1, 1))
t("tagged str", lambda: str(Tagged(1, 1)))
t("tagged add", lambda: Tagged(1, 1) + 1)
t("tagged radd", lambda: 2 + Tagged(1, 1))
t("tagged cradd", lambda: 2j + Tagged(1, 1))
t("tagged sub", lambda: Tagged(1, 1) - 1)
t("tagged list", lambda: [Tagged(0, 1)])
t("mirror rsub", lambda: 1j - Mirror(1))
t("mirror rsub int", lambda: 5 - Mirror(1))
t("mirror sub", lambda: Mirror(1) - 1j)
t("mirror rdiv", lambda: 1 / Mirror(2))
t("mirror rdiv c", lambda: 1j / Mirror(2))
t("mirror eq", lambda: Mirror(1) == 1)
t("mirror hash", lambda: hash(Mirror(1)) == hash(1))
t("mirror in dict", lambda: {1: "one"}[Mirror(1)])


class Num:
    def __init__(self, v):
        self.v = v

    def __radd__(self, other):
        return ("Num radd", other)

    def __rmul__(self, other):
        return NotImplemented

    def __complex__(self):
        return complex(self.v, -self.v)


t("num radd", lambda: 1j + Num(2))
t("num rmul", lambda: 1j * Num(2))
t("num complex", lambda: complex(Num(2)))
t("num complex add", lambda: complex(Num(2)) + 1)

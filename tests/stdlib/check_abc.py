"""Kiln's abc and collections.abc against CPython's."""

import abc as rabc
import collections.abc as rcabc

from _load import check, finish, load, outcome

abc = load("abc")
cabc = load("collections.abc", {"abc": abc})


def make(mod):
    class Shape(mod.ABC):
        @mod.abstractmethod
        def area(self):
            pass

        @mod.abstractmethod
        def name(self):
            pass

        def describe(self):
            return self.name() + ":" + str(self.area())

    class Half(Shape):
        def area(self):
            return 1

    class Square(Half):
        def name(self):
            return "sq"

    class One(mod.ABC):
        @mod.abstractmethod
        def m(self):
            pass

    class Meta(metaclass=mod.ABCMeta):
        @property
        @mod.abstractmethod
        def p(self):
            pass

    return Shape, Half, Square, One, Meta


mine_classes = make(abc)
ref_classes = make(rabc)
for c1, c2 in zip(mine_classes, ref_classes):
    check("abstracts " + c1.__name__, sorted(c1.__abstractmethods__), sorted(c2.__abstractmethods__))
    r1 = outcome(c1); r2 = outcome(c2)
    check("instantiate " + c1.__name__, r1[0] + (r1[2] if r1[0] == "raise" else ""),
          r2[0] + (r2[2] if r2[0] == "raise" else ""))
check("describe", mine_classes[2]().describe(), "sq:1")
check("metaclass", type(mine_classes[0]) is abc.ABCMeta, True)


class Plain:
    pass


Shape = mine_classes[0]
check("not instance", isinstance(Plain(), Shape), False)
Shape.register(Plain)
check("registered instance", isinstance(Plain(), Shape), True)
check("registered subclass", issubclass(Plain, Shape), True)
check("real subclass", issubclass(mine_classes[2], Shape), True)
check("issubclass non-class", outcome(issubclass, 3, Shape)[:2], outcome(issubclass, 3, ref_classes[0])[:2])


class WithIter:
    def __iter__(self):
        return iter([])


class WithLen:
    def __len__(self):
        return 0


class NoHash:
    __hash__ = None


def gen():
    yield 1


samples = [1, 1.5, "s", b"b", [1], (1,), {1: 2}, {1}, frozenset(), range(3), iter([1]), gen(),
           WithIter(), WithLen(), NoHash(), len, lambda: 0, None, bytearray(b"x"), {}.keys(),
           {}.items(), {}.values()]
names = ["Hashable", "Iterable", "Iterator", "Generator", "Reversible", "Sized", "Container",
         "Collection", "Callable", "Set", "MutableSet", "Mapping", "MutableMapping", "Sequence",
         "MutableSequence", "ByteString", "KeysView", "ItemsView", "ValuesView"]
for name in names:
    for s in samples:
        check("isinstance(%r, %s)" % (type(s).__name__, name), isinstance(s, getattr(cabc, name)),
              isinstance(s, getattr(rcabc, name)))


def make_mapping(mod):
    class M(mod.MutableMapping):
        def __init__(self):
            self.d = {}

        def __getitem__(self, k):
            return self.d[k]

        def __setitem__(self, k, v):
            self.d[k] = v

        def __delitem__(self, k):
            del self.d[k]

        def __iter__(self):
            return iter(self.d)

        def __len__(self):
            return len(self.d)
    return M


M1 = make_mapping(cabc); M2 = make_mapping(rcabc)
m1 = M1(); m2 = M2()
for m in (m1, m2):
    m.update({"a": 1, "b": 2}, c=3)
    m.setdefault("d", 4)
    m.pop("a")
check("mapping mixins", (dict(m1.items()), list(m1.keys()), list(m1.values()), m1.get("zz", 9), "b" in m1),
      (dict(m2.items()), list(m2.keys()), list(m2.values()), m2.get("zz", 9), "b" in m2))
check("mapping popitem", m1.popitem(), m2.popitem())
check("mapping eq", m1 == {"c": 3, "d": 4}, m2 == {"c": 3, "d": 4})
check("mapping missing abstract", outcome(lambda: cabc.Mapping())[0], "raise")


def make_seq(mod):
    class S(mod.Sequence):
        def __init__(self, n):
            self.n = n

        def __getitem__(self, i):
            if i >= self.n:
                raise IndexError(i)
            return i * i

        def __len__(self):
            return self.n
    return S


S1 = make_seq(cabc)(5); S2 = make_seq(rcabc)(5)
check("seq mixins", (list(S1), 9 in S1, list(reversed(S1)), S1.index(4), S1.count(1)),
      (list(S2), 9 in S2, list(reversed(S2)), S2.index(4), S2.count(1)))
finish("abc")

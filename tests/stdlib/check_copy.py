"""Kiln's copy module against CPython's."""

import collections
import copy as ref

from _load import check, finish, load

mine = load("copy")


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


class WithCopy:
    def __init__(self):
        self.log = []

    def __copy__(self):
        r = WithCopy()
        r.log = ["copied"]
        return r

    def __deepcopy__(self, memo):
        r = WithCopy()
        r.log = ["deep"]
        return r


class MyList(list):
    pass


class MyDict(dict):
    pass


class State:
    def __init__(self):
        self.a = 1

    def __getstate__(self):
        return {"a": self.a + 100}

    def __setstate__(self, st):
        self.a = st["a"] * 2


NT = collections.namedtuple("NT", "a b")

objs = [1, 2.5, "s", None, (1, [2]), [1, [2, 3]], {"k": [1]}, {1, 2}, frozenset([3]), b"x",
        bytearray(b"ab"), Point(1, [2]), MyList([1, [2]]), MyDict(a=[1]), NT(1, [2]),
        collections.OrderedDict(a=[1]), collections.deque([1, [2]]), range(3), int, len]


def shape(v):
    return (type(v).__name__, repr(v))


for o in objs:
    c1 = mine.copy(o); c2 = ref.copy(o)
    check("copy %r" % (o,), shape(c1), shape(c2))
    check("copy identity %r" % (o,), c1 is o, c2 is o)
    d1 = mine.deepcopy(o); d2 = ref.deepcopy(o)
    check("deepcopy %r" % (o,), shape(d1), shape(d2))
    check("deepcopy identity %r" % (o,), d1 is o, d2 is o)

p = Point(1, [2])
check("copy shares", mine.copy(p).y is p.y, True)
check("deepcopy copies", mine.deepcopy(p).y is p.y, False)
check("custom copy", mine.copy(WithCopy()).log, ["copied"])
check("custom deepcopy", mine.deepcopy(WithCopy()).log, ["deep"])
check("state copy", mine.copy(State()).a, ref.copy(State()).a)
check("state deepcopy", mine.deepcopy(State()).a, ref.deepcopy(State()).a)
shared = [1]
pair = [shared, shared]
dp = mine.deepcopy(pair)
check("shared kept", dp[0] is dp[1] and dp[0] is not shared, True)
cyc = [1]
cyc.append(cyc)
dc = mine.deepcopy(cyc)
check("cycle", dc[1] is dc and dc is not cyc, True)
dd = collections.defaultdict(list, a=[1])
check("defaultdict deepcopy", repr(mine.deepcopy(dd)), repr(ref.deepcopy(dd)))
t = (1, 2)
check("tuple atomic deep", mine.deepcopy(t) is t, True)
finish("copy")

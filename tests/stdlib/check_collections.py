"""Kiln's collections against CPython's: behaviour, reprs and errors."""

import collections as ref
import random

from _load import check, finish, load, outcome

mine = load("collections")
rng = random.Random(3)

# deque: random operation sequences, compared step by step.
for trial in range(60):
    maxlen = rng.choice([None, None, 0, 1, 3, 8])
    d1 = mine.deque(range(rng.randrange(6)), maxlen)
    d2 = ref.deque(range(len(d1) if maxlen is None else min(maxlen, len(d1))), maxlen)
    d2 = ref.deque(list(range(rng.randrange(1))) and [], maxlen)
    d1 = mine.deque([], maxlen)
    for step in range(80):
        opname = rng.choice(["append", "appendleft", "pop", "popleft", "extend", "extendleft",
                             "rotate", "getitem", "setitem", "delitem", "index", "count",
                             "insert", "remove", "reverse", "clear", "contains"])
        v = rng.randrange(10)
        if opname in ("append", "appendleft", "count", "remove"):
            args = (v,)
        elif opname in ("extend", "extendleft"):
            args = ([rng.randrange(10) for _ in range(rng.randrange(4))],)
        elif opname == "rotate":
            args = (rng.randrange(-5, 6),)
        elif opname in ("getitem", "delitem"):
            args = (rng.randrange(-6, 6),)
        elif opname == "setitem":
            args = (rng.randrange(-6, 6), v)
        elif opname == "index":
            args = (v,)
        elif opname == "insert":
            args = (rng.randrange(-6, 6), v)
        else:
            args = ()
        if opname == "getitem":
            r1 = outcome(lambda d: d[args[0]], d1); r2 = outcome(lambda d: d[args[0]], d2)
        elif opname == "setitem":
            def f(d):
                d[args[0]] = args[1]
            r1 = outcome(f, d1); r2 = outcome(f, d2)
        elif opname == "delitem":
            def g(d):
                del d[args[0]]
            r1 = outcome(g, d1); r2 = outcome(g, d2)
        elif opname == "contains":
            r1 = v in d1; r2 = v in d2
        else:
            r1 = outcome(getattr(d1, opname), *args); r2 = outcome(getattr(d2, opname), *args)
        check("deque %s%r" % (opname, args), r1, r2)
        check("deque state", list(d1), list(d2))
        check("deque repr", repr(d1), repr(d2))
        check("deque len", len(d1), len(d2))
        check("deque reversed", list(reversed(d1)), list(reversed(d2)))
check("deque maxlen", mine.deque([1, 2, 3], 2).maxlen, 2)
check("deque bad maxlen", outcome(mine.deque, [], -1), outcome(ref.deque, [], -1))
check("deque eq", mine.deque([1, 2]) == mine.deque([1, 2]), True)
check("deque lt", mine.deque([1, 2]) < mine.deque([1, 3]), True)
check("deque add", list(mine.deque([1]) + mine.deque([2])), [1, 2])
check("deque mul", list(mine.deque([1, 2]) * 2), [1, 2, 1, 2])
check("deque slice", outcome(lambda: mine.deque([1])[0:1]), outcome(lambda: ref.deque([1])[0:1]))
check("deque index start", mine.deque("abcab").index("a", 1), ref.deque("abcab").index("a", 1))
check("deque pop empty", outcome(mine.deque().pop), outcome(ref.deque().pop))
check("deque empty repr", repr(mine.deque()), repr(ref.deque()))
check("deque maxlen repr", repr(mine.deque([1, 2], maxlen=5)), repr(ref.deque([1, 2], maxlen=5)))
q = mine.deque()
for i in range(1000):
    q.append(i)
    if i % 3 == 0:
        q.popleft()
check("deque queue", list(q), list(range(334, 1000)))

# defaultdict
dd1 = mine.defaultdict(list); dd2 = ref.defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd1[k].append(v); dd2[k].append(v)
check("defaultdict", dict(dd1), dict(dd2))
check("defaultdict repr", repr(dd1), repr(dd2))
check("defaultdict none", outcome(lambda: mine.defaultdict()["x"]), outcome(lambda: ref.defaultdict()["x"]))
check("defaultdict int repr", repr(mine.defaultdict(int, {1: 2})), repr(ref.defaultdict(int, {1: 2})))
check("defaultdict isdict", isinstance(dd1, dict), True)
check("defaultdict get", dd1.get("zz"), None)
check("defaultdict copy", repr(dd1.copy()), repr(dd2.copy()))
check("defaultdict bad", outcome(mine.defaultdict, 5), outcome(ref.defaultdict, 5))

# namedtuple
P1 = mine.namedtuple("Point", "x y"); P2 = ref.namedtuple("Point", "x y")
p1 = P1(1, y=2); p2 = P2(1, y=2)
check("nt repr", repr(p1), repr(p2))
check("nt eq tuple", p1 == (1, 2), True)
check("nt fields", (p1.x, p1.y, p1[0], p1[-1]), (p2.x, p2.y, p2[0], p2[-1]))
check("nt _fields", P1._fields, P2._fields)
check("nt _asdict", p1._asdict(), p2._asdict())
check("nt _replace", repr(p1._replace(x=5)), repr(p2._replace(x=5)))
check("nt _replace bad", outcome(p1._replace, z=1), outcome(p2._replace, z=1))
check("nt _make", repr(P1._make([3, 4])), repr(P2._make([3, 4])))
check("nt _make bad", outcome(P1._make, [3]), outcome(P2._make, [3]))
check("nt isinstance", isinstance(p1, tuple), True)
check("nt unpack", tuple(p1), (1, 2))
check("nt hash", hash(p1), hash((1, 2)))
check("nt doc", P1.__doc__, P2.__doc__)
check("nt name", P1.__name__, P2.__name__)
check("nt setattr", outcome(setattr, p1, "x", 3)[:2], outcome(setattr, p2, "x", 3)[:2])
for args, kw in (((1,), {}), ((1, 2, 3), {}), ((), {}), ((1,), {"x": 2}), ((1, 2), {"z": 3})):
    check("nt err %r %r" % (args, kw), outcome(P1, *args, **kw), outcome(P2, *args, **kw))
Q1 = mine.namedtuple("Q", ["a", "b", "c"], defaults=[10, 20]); Q2 = ref.namedtuple("Q", ["a", "b", "c"], defaults=[10, 20])
check("nt defaults", repr(Q1(1)), repr(Q2(1)))
check("nt _field_defaults", Q1._field_defaults, Q2._field_defaults)
for args in ((), (1, 2, 3, 4)):
    check("nt default err %r" % (args,), outcome(Q1, *args), outcome(Q2, *args))
R1 = mine.namedtuple("R", "a b c d"); R2 = ref.namedtuple("R", "a b c d")
check("nt missing 3", outcome(R1, 1), outcome(R2, 1))
check("nt missing 4", outcome(R1), outcome(R2))
for bad in ("x 1y", "x class", "x _y", "x x", ("a", "def")):
    check("nt bad %r" % (bad,), outcome(mine.namedtuple, "T", bad), outcome(ref.namedtuple, "T", bad))
check("nt rename", mine.namedtuple("T", "a def a _b", rename=True)._fields,
      ref.namedtuple("T", "a def a _b", rename=True)._fields)
check("nt module", P1.__module__, __name__)
E1 = mine.namedtuple("E", ""); E2 = ref.namedtuple("E", "")
check("nt empty", repr(E1()), repr(E2()))
check("nt empty err", outcome(E1, 1), outcome(E2, 1))


class Sub(P1):
    def norm(self):
        return self.x * self.x + self.y * self.y


check("nt subclass", (Sub(3, 4).norm(), repr(Sub(3, 4))), (25, "Sub(x=3, y=4)"))

# OrderedDict
o1 = mine.OrderedDict([("a", 1), ("b", 2), ("c", 3)])
o2 = ref.OrderedDict([("a", 1), ("b", 2), ("c", 3)])
o1.move_to_end("a"); o2.move_to_end("a")
check("od move", list(o1.items()), list(o2.items()))
o1.move_to_end("c", last=False); o2.move_to_end("c", last=False)
check("od move first", list(o1.items()), list(o2.items()))
check("od repr", repr(o1), repr(o2))
check("od empty repr", repr(mine.OrderedDict()), repr(ref.OrderedDict()))
check("od popitem", o1.popitem(), o2.popitem())
check("od popitem first", o1.popitem(last=False), o2.popitem(last=False))
check("od move missing", outcome(o1.move_to_end, "zz"), outcome(o2.move_to_end, "zz"))
check("od popitem empty", outcome(mine.OrderedDict().popitem), outcome(ref.OrderedDict().popitem))
a1 = mine.OrderedDict([(1, 1), (2, 2)]); b1 = mine.OrderedDict([(2, 2), (1, 1)])
check("od eq order", (a1 == b1, a1 == {2: 2, 1: 1}, a1 != b1), (False, True, True))
check("od reversed", list(reversed(a1)), [2, 1])

# Counter
text = "the quick brown fox jumps over the lazy dog and the cat"
c1 = mine.Counter(text.split()); c2 = ref.Counter(text.split())
check("counter", dict(c1), dict(c2))
check("counter most_common", c1.most_common(), c2.most_common())
check("counter most_common 3", c1.most_common(3), c2.most_common(3))
check("counter repr", repr(c1), repr(c2))
check("counter missing", c1["zzz"], 0)
cl1 = mine.Counter("abracadabra"); cl2 = ref.Counter("abracadabra")
check("counter letters repr", repr(cl1), repr(cl2))
check("counter elements", list(cl1.elements()), list(cl2.elements()))
cl1.update("aaz"); cl2.update("aaz")
check("counter update", repr(cl1), repr(cl2))
cl1.update({"q": 3}); cl2.update({"q": 3})
check("counter update map", repr(cl1), repr(cl2))
cl1.subtract("aaaaaaaaaq"); cl2.subtract("aaaaaaaaaq")
check("counter subtract", repr(cl1), repr(cl2))
x1 = mine.Counter(a=3, b=1, c=-2); y1 = mine.Counter(a=1, b=2, d=4)
x2 = ref.Counter(a=3, b=1, c=-2); y2 = ref.Counter(a=1, b=2, d=4)
for name, f in (("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("|", lambda a, b: a | b),
                ("&", lambda a, b: a & b), ("pos", lambda a, b: +a), ("neg", lambda a, b: -a)):
    check("counter " + name, repr(f(x1, y1)), repr(f(x2, y2)))
for name, f in (("==", lambda a, b: a == b), ("<=", lambda a, b: a <= b), ("<", lambda a, b: a < b),
                (">=", lambda a, b: a >= b)):
    check("counter cmp " + name, f(x1, y1), f(x2, y2))
    check("counter cmp self " + name, f(x1, x1), f(x2, x2))
check("counter eq zero", mine.Counter(a=1, b=0) == mine.Counter(a=1), ref.Counter(a=1, b=0) == ref.Counter(a=1))
for name, f in (("+=", "__iadd__"), ("-=", "__isub__"), ("|=", "__ior__"), ("&=", "__iand__")):
    a1 = mine.Counter(a=3, b=1, c=-2); a2 = ref.Counter(a=3, b=1, c=-2)
    getattr(a1, f)(y1); getattr(a2, f)(y2)
    check("counter " + name, repr(a1), repr(a2))
check("counter total", mine.Counter("aab").total(), 3)
check("counter fromkeys", outcome(mine.Counter.fromkeys, "ab"), outcome(ref.Counter.fromkeys, "ab"))
check("counter empty repr", repr(mine.Counter()), repr(ref.Counter()))
del c1["nothere"]

# ChainMap
cm1 = mine.ChainMap({"a": 1}, {"a": 2, "b": 3}); cm2 = ref.ChainMap({"a": 1}, {"a": 2, "b": 3})
check("chainmap get", (cm1["a"], cm1["b"], len(cm1), list(cm1)), (cm2["a"], cm2["b"], len(cm2), list(cm2)))
cm1["c"] = 5; cm2["c"] = 5
check("chainmap repr", repr(cm1), repr(cm2))
check("chainmap missing", outcome(lambda: cm1["zz"]), outcome(lambda: cm2["zz"]))
finish("collections")

"""Kiln's bisect, heapq, operator and keyword modules against CPython's."""

import bisect as rbisect
import heapq as rheapq
import keyword as rkeyword
import operator as rop
import random

from _load import check, finish, load, outcome

bisect = load("bisect")
heapq = load("heapq")
op = load("operator")
keyword = load("keyword")

rng = random.Random(7)

# bisect
for trial in range(200):
    a = sorted(rng.randrange(20) for _ in range(rng.randrange(15)))
    x = rng.randrange(-2, 22)
    lo = rng.randrange(0, len(a) + 1)
    hi = rng.randrange(lo, len(a) + 1)
    for f in ("bisect_left", "bisect_right", "bisect"):
        check(f, getattr(bisect, f)(a, x), getattr(rbisect, f)(a, x))
        check(f + " lohi", getattr(bisect, f)(a, x, lo, hi), getattr(rbisect, f)(a, x, lo, hi))
        check(f + " key", getattr(bisect, f)(a, -x, key=lambda v: -v),
              getattr(rbisect, f)(a, -x, key=lambda v: -v))
    for f in ("insort_left", "insort_right", "insort"):
        b1 = [(v, 0) for v in a]; b2 = list(b1)
        getattr(bisect, f)(b1, (x, 1), key=lambda p: p[0])
        getattr(rbisect, f)(b2, (x, 1), key=lambda p: p[0])
        check(f, b1, b2)
check("bisect lo<0", outcome(bisect.bisect_left, [1], 1, -1), outcome(rbisect.bisect_left, [1], 1, -1))

# heapq: exact layouts
for trial in range(100):
    data = [rng.randrange(50) for _ in range(rng.randrange(40))]
    h1 = list(data); h2 = list(data)
    heapq.heapify(h1); rheapq.heapify(h2)
    check("heapify", h1, h2)
    for v in data[:10]:
        heapq.heappush(h1, v); rheapq.heappush(h2, v)
    check("push", h1, h2)
    if h1:
        check("replace", heapq.heapreplace(h1, 25), rheapq.heapreplace(h2, 25))
    check("pushpop", heapq.heappushpop(h1, 13), rheapq.heappushpop(h2, 13))
    out1 = []; out2 = []
    while h1:
        out1.append(heapq.heappop(h1)); out2.append(rheapq.heappop(h2))
        check("pop layout", h1, h2)
    check("pop order", out1, out2)
    pairs = [(rng.randrange(5), i) for i in range(len(data))]
    for n in (0, 1, 3, 100):
        check("nlargest", heapq.nlargest(n, pairs, key=lambda p: p[0]),
              rheapq.nlargest(n, pairs, key=lambda p: p[0]))
        check("nsmallest", heapq.nsmallest(n, pairs, key=lambda p: p[0]),
              rheapq.nsmallest(n, pairs, key=lambda p: p[0]))
    ins = [sorted((rng.randrange(10), k, i) for i in range(rng.randrange(6))) for k in range(4)]
    check("merge", list(heapq.merge(*ins)), list(rheapq.merge(*ins)))
    check("merge key", list(heapq.merge(*ins, key=lambda t: t[0])),
          list(rheapq.merge(*ins, key=lambda t: t[0])))
    rins = [sorted(i, key=lambda t: t[0], reverse=True) for i in ins]
    check("merge rev", list(heapq.merge(*rins, key=lambda t: t[0], reverse=True)),
          list(rheapq.merge(*rins, key=lambda t: t[0], reverse=True)))
check("pop empty", outcome(heapq.heappop, [])[:2], outcome(rheapq.heappop, [])[:2])

# operator
vals = [0, 1, -3, 7, 2.5, True]
for name in ("add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "eq", "ne", "lt", "le",
             "gt", "ge", "is_", "is_not", "and_", "or_", "xor", "lshift", "rshift", "iadd",
             "isub", "imul", "itruediv", "ifloordiv", "imod", "ipow", "iand", "ior", "ixor",
             "ilshift", "irshift", "__add__", "__mul__", "__lt__"):
    for a in vals:
        for b in vals:
            check("%s(%r,%r)" % (name, a, b), outcome(getattr(op, name), a, b)[:2],
                  outcome(getattr(rop, name), a, b)[:2])
for name in ("neg", "pos", "abs", "not_", "truth", "inv", "invert", "index"):
    for a in vals + ["s"]:
        check("%s(%r)" % (name, a), outcome(getattr(op, name), a)[:2], outcome(getattr(rop, name), a)[:2])
check("concat", op.concat([1], [2]), rop.concat([1], [2]))
check("concat err", outcome(op.concat, 1, 2), outcome(rop.concat, 1, 2))
l1 = [1]; l2 = [1]
check("iconcat", op.iconcat(l1, [2]) is l1, rop.iconcat(l2, [2]) is l2)
check("contains", op.contains([1, 2], 2), rop.contains([1, 2], 2))
d = {}
op.setitem(d, "a", 1); check("setitem", d, {"a": 1})
check("getitem", op.getitem(d, "a"), 1)
op.delitem(d, "a"); check("delitem", d, {})
check("countOf", op.countOf([1, 2, 1], 1), rop.countOf([1, 2, 1], 1))
check("indexOf", outcome(op.indexOf, [1, 2], 3), outcome(rop.indexOf, [1, 2], 3))
check("length_hint", op.length_hint(iter([1, 2, 3])), rop.length_hint(iter([1, 2, 3])))
rows = [(3, "c", 1), (1, "a", 2), (2, "b", 0)]
check("itemgetter", sorted(rows, key=op.itemgetter(2)), sorted(rows, key=rop.itemgetter(2)))
check("itemgetter multi", op.itemgetter(0, 2)(rows[0]), rop.itemgetter(0, 2)(rows[0]))
check("itemgetter repr", repr(op.itemgetter(1, "x")), repr(rop.itemgetter(1, "x")))
check("attrgetter", op.attrgetter("real", "imag.real")(3 + 4j), rop.attrgetter("real", "imag.real")(3 + 4j))
check("attrgetter repr", repr(op.attrgetter("a.b")), repr(rop.attrgetter("a.b")))
check("methodcaller", op.methodcaller("split", ",", maxsplit=1)("a,b,c"),
      rop.methodcaller("split", ",", maxsplit=1)("a,b,c"))
check("methodcaller repr", repr(op.methodcaller("f", 1, k=2)), repr(rop.methodcaller("f", 1, k=2)))

# keyword
check("kwlist", keyword.kwlist, rkeyword.kwlist)
check("softkwlist", keyword.softkwlist, rkeyword.softkwlist)
for w in ("if", "match", "foo", "None", 3):
    check("iskeyword %r" % (w,), keyword.iskeyword(w), rkeyword.iskeyword(w))
    check("issoft %r" % (w,), keyword.issoftkeyword(w), rkeyword.issoftkeyword(w))
finish("small modules")

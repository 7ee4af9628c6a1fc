"""Kiln's array module against CPython's."""

import array as ref
import math
import random

from _load import check, finish, load, outcome

mine = load("array")
rng = random.Random(5)

check("typecodes", mine.typecodes, ref.typecodes)


def same(a1, a2):
    return (repr(a1), a1.tolist(), len(a1), a1.itemsize, a1.typecode, a1.tobytes()) == \
        (repr(a2), a2.tolist(), len(a2), a2.itemsize, a2.typecode, a2.tobytes())


floats = [0.0, -0.0, 1.0, -2.5, 0.1, 1e-310, 5e-324, 1e-40, 1e-46, 3.4028235e38, 3.5e38, 1e300,
          float("inf"), float("-inf"), math.pi, 123456.789, 2.0 ** -126, 2.0 ** -149 * 1.5]
ints = [0, 1, -1, 127, 128, -128, -129, 255, 256, 32767, 32768, -32769, 65535, 65536, 2 ** 31 - 1,
        2 ** 31, -2 ** 31 - 1, 2 ** 32 - 1, 2 ** 32, 2 ** 63 - 1, 2 ** 63, -2 ** 63 - 1, 2 ** 64 - 1,
        2 ** 64, True]
for tc in "bBhHiIlLqQfd":
    values = floats if tc in "fd" else ints
    for v in values:
        r1 = outcome(mine.array, tc, [v]); r2 = outcome(ref.array, tc, [v])
        if r1[0] == "ok" and r2[0] == "ok":
            check("store %s %r" % (tc, v), same(r1[1], r2[1]), True)
            a1 = mine.array(tc); a1.frombytes(r2[1].tobytes())
            check("frombytes %s %r" % (tc, v), a1.tolist(), r2[1].tolist())
        else:
            check("store %s %r" % (tc, v), r1, r2)
    for bad in ("x", None, 1.5 if tc not in "fd" else "1"):
        check("bad %s %r" % (tc, bad), outcome(mine.array, tc, [bad]), outcome(ref.array, tc, [bad]))
check("bad typecode", outcome(mine.array, "z"), outcome(ref.array, "z"))
check("nan bytes", mine.array("d", [float("nan")]).tobytes(), ref.array("d", [float("nan")]).tobytes())
check("nan f bytes", mine.array("f", [float("nan")]).tobytes(), ref.array("f", [float("nan")]).tobytes())
check("u", repr(mine.array("u", "abc")), repr(ref.array("u", "abc")))
check("u bytes", mine.array("u", "h\u00e9").tobytes(), ref.array("u", "h\u00e9").tobytes())
check("from bytes", repr(mine.array("b", b"\x01\xff")), repr(ref.array("b", b"\x01\xff")))
check("from range", repr(mine.array("d", range(4))), repr(ref.array("d", range(4))))
check("str init", outcome(mine.array, "d", "ab"), outcome(ref.array, "d", "ab"))

for trial in range(40):
    tc = rng.choice("dif")
    init = [rng.randrange(-50, 50) for _ in range(rng.randrange(8))]
    a1 = mine.array(tc, init); a2 = ref.array(tc, init)
    for step in range(30):
        op = rng.choice(["append", "extend", "getitem", "setitem", "slice", "setslice", "pop", "insert",
                         "remove", "index", "count", "reverse", "mul", "add", "delitem", "contains"])
        v = rng.randrange(-5, 5)
        if op == "append":
            f = lambda a: a.append(v)
        elif op == "extend":
            f = lambda a: a.extend([v, v + 1])
        elif op == "getitem":
            f = lambda a: a[v]
        elif op == "setitem":
            f = lambda a: a.__setitem__(v, 7)
        elif op == "slice":
            f = lambda a: repr(a[v:])
        elif op == "setslice":
            f = lambda a: a.__setitem__(slice(0, 2), type(a)(tc, [9]))
        elif op == "pop":
            f = lambda a: a.pop()
        elif op == "insert":
            f = lambda a: a.insert(v, 3)
        elif op == "remove":
            f = lambda a: a.remove(v)
        elif op == "index":
            f = lambda a: a.index(v)
        elif op == "count":
            f = lambda a: a.count(v)
        elif op == "reverse":
            f = lambda a: a.reverse()
        elif op == "mul":
            f = lambda a: repr(a * 2)
        elif op == "add":
            f = lambda a: repr(a + a)
        elif op == "delitem":
            f = lambda a: a.__delitem__(v)
        else:
            f = lambda a: v in a
        check("array %s %s %d" % (tc, op, v), outcome(f, a1), outcome(f, a2))
        check("array state", same(a1, a2), True)
check("slice assign list", outcome(mine.array("d", [1]).__setitem__, slice(0, 1), [1.0]),
      outcome(ref.array("d", [1]).__setitem__, slice(0, 1), [1.0]))
check("extend kind", outcome(mine.array("d").extend, mine.array("i")),
      outcome(ref.array("d").extend, ref.array("i")))
check("pop empty", outcome(mine.array("d").pop), outcome(ref.array("d").pop))
check("eq", mine.array("d", [1, 2]) == mine.array("i", [1, 2]), ref.array("d", [1, 2]) == ref.array("i", [1, 2]))
a1 = mine.array("i", [1, 2, 300]); a2 = ref.array("i", [1, 2, 300])
a1.byteswap(); a2.byteswap()
check("byteswap", a1.tolist(), a2.tolist())
z1 = mine.array("d", [0.0]) * 5
check("scimark style", (len(z1), z1[4], repr(z1)), (5, 0.0, repr(ref.array("d", [0.0]) * 5)))
finish("array")

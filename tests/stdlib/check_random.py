"""Kiln's random module against CPython's: sequences must be identical."""

import random as ref
import time

from _load import check, finish, load, outcome

mine = load("random")

SEEDS = [0, 1, 2, 42, 12345, -7, 2 ** 32, 2 ** 32 - 1, 2 ** 100 + 12345, 3 ** 200,
         "", "hello", "kiln \u00e9\u4e2d", b"bytes seed", bytearray(b"ba"), 1.5, -2.25,
         True]

for s in SEEDS:
    r = ref.Random(s)
    m = mine.Random(s)
    check("state %r" % (s,), m.getstate(), r.getstate())
    check("random %r" % (s,), [m.random() for _ in range(1500)], [r.random() for _ in range(1500)])
    for k in (0, 1, 5, 31, 32, 33, 64, 65, 100, 1000):
        check("bits %r %d" % (s, k), m.getrandbits(k), r.getrandbits(k))
    check("randrange", [m.randrange(10) for _ in range(300)], [r.randrange(10) for _ in range(300)])
    check("randrange3", [m.randrange(-5, 100, 7) for _ in range(100)],
          [r.randrange(-5, 100, 7) for _ in range(100)])
    check("randrange neg", [m.randrange(50, -50, -3) for _ in range(100)],
          [r.randrange(50, -50, -3) for _ in range(100)])
    check("randint", [m.randint(1, 6) for _ in range(300)], [r.randint(1, 6) for _ in range(300)])
    check("randint big", [m.randint(0, 10 ** 30) for _ in range(30)],
          [r.randint(0, 10 ** 30) for _ in range(30)])
    check("choice", [m.choice("abcdefg") for _ in range(100)], [r.choice("abcdefg") for _ in range(100)])
    a = list(range(50)); b = list(range(50))
    m.shuffle(a); r.shuffle(b)
    check("shuffle", a, b)
    for n, k in ((10, 3), (10, 10), (30, 5), (1000, 7), (1000, 300), (100000, 50)):
        check("sample %d %d" % (n, k), m.sample(range(n), k), r.sample(range(n), k))
    check("sample counts", m.sample(["a", "b", "c"], 5, counts=[3, 2, 4]),
          r.sample(["a", "b", "c"], 5, counts=[3, 2, 4]))
    check("choices", m.choices("xyz", k=20), r.choices("xyz", k=20))
    check("choices w", m.choices("xyz", [1, 5, 2], k=20), r.choices("xyz", [1, 5, 2], k=20))
    check("choices cw", m.choices("xyz", cum_weights=[1, 2, 10], k=20),
          r.choices("xyz", cum_weights=[1, 2, 10], k=20))
    check("uniform", [m.uniform(-3, 8) for _ in range(50)], [r.uniform(-3, 8) for _ in range(50)])
    check("gauss", [m.gauss(1, 2) for _ in range(51)], [r.gauss(1, 2) for _ in range(51)])
    check("normal", [m.normalvariate(1, 2) for _ in range(50)], [r.normalvariate(1, 2) for _ in range(50)])
    check("expo", [m.expovariate(1.5) for _ in range(50)], [r.expovariate(1.5) for _ in range(50)])
    check("tri", [m.triangular(0, 10, 3) for _ in range(50)], [r.triangular(0, 10, 3) for _ in range(50)])
    check("lognorm", [m.lognormvariate(0, 1) for _ in range(50)], [r.lognormvariate(0, 1) for _ in range(50)])
    for alpha in (0.5, 1.0, 2.5):
        check("gamma", [m.gammavariate(alpha, 2.0) for _ in range(50)],
              [r.gammavariate(alpha, 2.0) for _ in range(50)])
    check("beta", [m.betavariate(2, 3) for _ in range(50)], [r.betavariate(2, 3) for _ in range(50)])
    check("vonmises", [m.vonmisesvariate(1, 4) for _ in range(50)], [r.vonmisesvariate(1, 4) for _ in range(50)])
    check("pareto", [m.paretovariate(3) for _ in range(50)], [r.paretovariate(3) for _ in range(50)])
    check("weibull", [m.weibullvariate(1, 2) for _ in range(50)], [r.weibullvariate(1, 2) for _ in range(50)])
    check("randbytes", m.randbytes(13), r.randbytes(13))
    check("end state", m.getstate(), r.getstate())

# getstate/setstate round trip, including a state taken from CPython.
r = ref.Random(99)
m = mine.Random(5)
r.random()
m.setstate(r.getstate())
check("setstate from ref", [m.random() for _ in range(700)], [r.random() for _ in range(700)])
st = m.getstate()
x = [m.random() for _ in range(10)]
m.setstate(st)
check("setstate round trip", [m.random() for _ in range(10)], x)

# module-level functions
ref.seed(2024)
mine.seed(2024)
check("module random", [mine.random() for _ in range(20)], [ref.random() for _ in range(20)])
check("module randint", [mine.randint(0, 99) for _ in range(20)], [ref.randint(0, 99) for _ in range(20)])
l1 = list("abcdefghij"); l2 = list("abcdefghij")
mine.shuffle(l1); ref.shuffle(l2)
check("module shuffle", l1, l2)

# errors
for args in ((0,), (5, 5), (1, 10, 0), (10, 1), ()):
    check("randrange err %r" % (args,), outcome(mine.randrange, *args)[:2], outcome(ref.randrange, *args)[:2])
check("choice empty", outcome(mine.choice, []), outcome(ref.choice, []))
check("sample too big", outcome(mine.sample, [1, 2], 3), outcome(ref.sample, [1, 2], 3))
check("sample set", outcome(mine.sample, {1, 2}, 1), outcome(ref.sample, {1, 2}, 1))
check("bits neg", outcome(mine.getrandbits, -1), outcome(ref.getrandbits, -1))

# unseeded generators differ from each other
check("unseeded", mine.Random().random() != mine.Random().random(), True)

t = time.perf_counter()
g = mine.Random(1)
for _ in range(200000):
    g.random()
print("random() x200000: %.3fs" % (time.perf_counter() - t))
finish("random")

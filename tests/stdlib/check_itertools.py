"""Kiln's itertools against CPython's: identical outputs and consumption."""

import itertools as ref
import operator

from _load import check, finish, load, outcome

mine = load("itertools")


def take(it, n):
    return list(ref.islice(it, n))


check("count", take(mine.count(), 5), take(ref.count(), 5))
check("count step", take(mine.count(2.5, -0.5), 6), take(ref.count(2.5, -0.5), 6))
for args in ((), (5,), (1, 2), (0.5,), (1, 1.0)):
    c1 = mine.count(*args); c2 = ref.count(*args)
    check("count repr %r" % (args,), repr(c1), repr(c2))
    next(c1); next(c2)
    check("count repr after", repr(c1), repr(c2))
check("cycle", take(mine.cycle("abc"), 10), take(ref.cycle("abc"), 10))
check("cycle empty", list(mine.cycle([])), [])
check("repeat", list(mine.repeat(7, 3)), list(ref.repeat(7, 3)))
check("repeat neg", list(mine.repeat(7, -1)), list(ref.repeat(7, -1)))
check("repeat inf", take(mine.repeat("x"), 4), take(ref.repeat("x"), 4))
check("repeat repr", repr(mine.repeat(1, 3)), repr(ref.repeat(1, 3)))
check("repeat repr2", repr(mine.repeat("a")), repr(ref.repeat("a")))
check("repeat hint", operator.length_hint(mine.repeat(1, 5)), 5)
data = [3, 1, 4, 1, 5, 9, 2, 6]
check("accumulate", list(mine.accumulate(data)), list(ref.accumulate(data)))
check("accumulate max", list(mine.accumulate(data, max)), list(ref.accumulate(data, max)))
check("accumulate init", list(mine.accumulate(data, operator.mul, initial=2)),
      list(ref.accumulate(data, operator.mul, initial=2)))
check("accumulate empty", list(mine.accumulate([], initial=1)), list(ref.accumulate([], initial=1)))
check("chain", list(mine.chain("ab", [1, 2], (), "c")), list(ref.chain("ab", [1, 2], (), "c")))
check("chain.from_iterable", list(mine.chain.from_iterable(["ab", "cd", ""])),
      list(ref.chain.from_iterable(["ab", "cd", ""])))
check("compress", list(mine.compress("ABCDEF", [1, 0, 1, 0, 1, 1])),
      list(ref.compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
check("dropwhile", list(mine.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])),
      list(ref.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
check("takewhile", list(mine.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])),
      list(ref.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
check("filterfalse", list(mine.filterfalse(lambda x: x % 2, range(10))),
      list(ref.filterfalse(lambda x: x % 2, range(10))))
check("filterfalse None", list(mine.filterfalse(None, [0, 1, "", "a", None])),
      list(ref.filterfalse(None, [0, 1, "", "a", None])))


def groups(mod, s, key=None):
    return [(k, list(g)) for k, g in mod.groupby(s, key)]


for s in ("AAAABBBCCDAABBB", "", "A", "ABAB"):
    check("groupby %r" % s, groups(mine, s), groups(ref, s))
check("groupby key", groups(mine, range(20), lambda x: x // 3), groups(ref, range(20), lambda x: x // 3))
# Groups already passed are emptied; partially consumed groups are skipped.
g1 = mine.groupby("aaabbbcc"); g2 = ref.groupby("aaabbbcc")
k1, grp1 = next(g1); k2, grp2 = next(g2)
check("group partial", next(grp1), next(grp2))
ka, ga = next(g1); kb, gb = next(g2)
check("group after advance", (k1, ka, list(grp1), list(ga)), (k2, kb, list(grp2), list(gb)))
check("groupby rest", [(k, list(g)) for k, g in g1], [(k, list(g)) for k, g in g2])
saved1 = [g for k, g in mine.groupby("aabb")]
saved2 = [g for k, g in ref.groupby("aabb")]
check("stale groups", [list(g) for g in saved1], [list(g) for g in saved2])

for args in ((5,), (2, 8), (2, None), (1, 10, 3), (0, 0), (5, 2), (None, 4, 2), (None,), (3, None, 2)):
    check("islice %r" % (args,), list(mine.islice(range(10), *args)), list(ref.islice(range(10), *args)))
    it1 = iter(range(10)); it2 = iter(range(10))
    list(mine.islice(it1, *args)); list(ref.islice(it2, *args))
    check("islice consumption %r" % (args,), list(it1), list(it2))
for args in ((-1,), (1, -1), (0, 5, 0), ("a",), (1, 2, -1)):
    check("islice err %r" % (args,), outcome(mine.islice, range(3), *args),
          outcome(ref.islice, range(3), *args))
check("starmap", list(mine.starmap(pow, [(2, 5), (3, 2)])), list(ref.starmap(pow, [(2, 5), (3, 2)])))
a, b, c = mine.tee(iter(range(5)), 3)
check("tee", (next(a), list(b), list(a), list(c)), (0, [0, 1, 2, 3, 4], [1, 2, 3, 4], [0, 1, 2, 3, 4]))
check("tee0", mine.tee([1], 0), ())
check("zip_longest", list(mine.zip_longest("ABCD", "xy", [1], fillvalue="-")),
      list(ref.zip_longest("ABCD", "xy", [1], fillvalue="-")))
check("zip_longest none", list(mine.zip_longest()), list(ref.zip_longest()))
check("zip_longest empty", list(mine.zip_longest([], [])), list(ref.zip_longest([], [])))
for pools, rep in (((), 1), (("ab", "xyz"), 1), (("ab",), 3), ((range(3), "", "ab"), 1), (("ab", [0, 1]), 2),
                   (("ab",), 0)):
    check("product %r %d" % (pools, rep), list(mine.product(*pools, repeat=rep)),
          list(ref.product(*pools, repeat=rep)))
for s in ("", "a", "abc", "abcd", range(6)):
    for r in (None, 0, 1, 2, 3, 4, 7):
        check("permutations %r %r" % (s, r), list(mine.permutations(s, r)), list(ref.permutations(s, r)))
        if r is not None:
            check("combinations %r %r" % (s, r), list(mine.combinations(s, r)), list(ref.combinations(s, r)))
            check("cwr %r %r" % (s, r), list(mine.combinations_with_replacement(s, r)),
                  list(ref.combinations_with_replacement(s, r)))
check("pairwise", list(mine.pairwise("abcd")), list(ref.pairwise("abcd")))
check("pairwise short", list(mine.pairwise("a")), list(ref.pairwise("a")))
check("eager iter error", outcome(mine.chain.from_iterable, 5)[0], outcome(ref.chain.from_iterable, 5)[0])
check("eager cycle", outcome(mine.cycle, 5)[:2], outcome(ref.cycle, 5)[:2])
check("perm neg", outcome(mine.permutations, "ab", -1), outcome(ref.permutations, "ab", -1))
finish("itertools")

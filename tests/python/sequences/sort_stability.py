recs = [(i % 3, i) for i in range(15)]
print(sorted(recs, key=lambda r: r[0]))
recs.sort(key=lambda r: r[0], reverse=True)
print(recs)
import functools
def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: cmp(b, a))))

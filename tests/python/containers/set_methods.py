s = {3, 1, 2}
s.add(4); s.add(1)
print(sorted(s), len(s), 2 in s, 9 in s)
s.discard(9); s.remove(3)
print(sorted(s))
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print(a.issubset({1, 2, 3, 4, 5}), a.issuperset({1}), a.isdisjoint({7}), {1, 2} < {1, 2, 3}, {1} <= {1})
c = a.copy(); c.update([10, 11]); c -= {1}; c |= {0}; c &= {0, 2, 10}
print(sorted(c), sorted(a))
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)

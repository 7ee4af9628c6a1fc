f = frozenset([1, 2, 3])
g = frozenset({2, 3, 4})
print(sorted(f | g), sorted(f & g), type(f | g).__name__, f == {1, 2, 3}, hash(f) == hash(frozenset([3, 2, 1])))
d = {f: "set-key", frozenset(): "empty"}
print(d[frozenset([3, 1, 2])], d[frozenset()])
print(sorted({frozenset([1]), frozenset([1]), frozenset([2])}, key=sorted))
print(len(f), 2 in f, sorted(f.union([9])), f.issubset(g | f))
try:
    f.add(5)
except AttributeError as e:
    print("AttributeError:", e)

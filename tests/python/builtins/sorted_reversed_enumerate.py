print(sorted([3, 1, 2]), sorted("cba"), sorted((1, 3, 2), reverse=True), sorted({3, 1}), sorted({"b": 1, "a": 2}))
print(list(reversed([1, 2, 3])), list(reversed(range(5))), list(enumerate("ab", start=1)))

print([1, [2, [3, []]]], (1,), (), {}, set(), frozenset(), {1: {2: 3}})
print([None, True, 1.0, "s", b"b", (1, 2)])
print(repr([["a"], ("b",)]), str(["a"]), repr({"k": "v'q"}))
print({"a": [1, 2], "b": (3,), "c": {"d": None}})
x = []
x.append(x)
print(x)
d = {}
d["self"] = d
print(d)

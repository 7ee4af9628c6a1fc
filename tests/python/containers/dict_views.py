d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
d["d"] = 4
print(list(k), list(v), list(it), len(k))
print(k & {"a", "z"}, sorted(k | {"z"}), sorted(k - {"a"}), ("a", 1) in it, 2 in v)
for key, val in sorted(d.items(), key=lambda p: -p[1]):
    print(key, val)
try:
    for key in d:
        d["new"] = 1
except RuntimeError as e:
    print("RuntimeError:", e)

d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("a", 9), d.setdefault("e", 5), d)
print(d.pop("b"), d.pop("zz", "none"), d)
d.update({"a": 10, "f": 6}, g=7)
print(d, d.popitem(), d)
print(dict.fromkeys("xyz", 0), dict(a=1, b=2), dict([("k", "v")]), dict(zip("ab", [1, 2])))
c = d.copy(); c.clear(); print(c, len(d), "a" in d, "q" not in d)
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)

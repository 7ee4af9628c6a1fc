def size(x):
    if isinstance(x, (list, tuple)):
        return sum(size(e) for e in x)
    if isinstance(x, dict):
        return sum(size(v) for v in x.values())
    if isinstance(x, str):
        return len(x)
    return 1
data = [1, "abc", [2, (3, "de")], {"k": [4, 5.5, "fgh"]}] * 200
print(size(data))

print(len("abc"), len([1, 2]), len({1: 2}), len(set()), len(range(10, 0, -3)), len(b"xy"), len((1,)))
print(hash(1) == hash(1.0), hash("a") == hash("a"), hash((1, 2)) == hash((1, 2)), hash(-1) == -2, hash(-2))
a = object()
print(id(a) == id(a), id(a) != id(object()), isinstance(hash(a), int))

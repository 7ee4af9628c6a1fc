a = [1, 2, 3]
b = [1, 2, 3]
print(a == b, a is b, a != b, (1, [2]) == (1, [2]))
print({1: [1]} == {1: [1]}, {1, 2} == {2, 1}, [1, 2] == (1, 2), "1" == 1)
print(None is None, [] == [], () == (), {} == {}, set() == frozenset())
print(float("nan") in [float("nan")], 1 in [1.0], [0.0] == [-0.0])
n = float("nan")
print(n in [n], [n] == [n], (n,) == (n,))

print(list(map(str, [1, 2, 3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6, 7])))
print(list(filter(lambda x: x % 2, range(10))), list(filter(None, [0, "", "x", [], [0]])))
print(list(zip([1, 2, 3], "ab")), list(zip(range(3), range(10, 13), "xyz")))
m = map(int, "123")
print(next(m), list(m), list(m))
print(list(zip(*[(1, "a"), (2, "b")])))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)

names = ["a", "b", "c"]
print(list(enumerate(names)), list(enumerate(names, 10)))
print(list(zip(names, range(5))), list(zip()), list(zip("ab", "cd", "ef")))
print(dict(zip(names, map(str.upper, names))))
pairs = [(1, "x"), (2, "y")]
nums, letters = zip(*pairs)
print(nums, letters)
for i, (n, l) in enumerate(pairs):
    print(i, n, l)

print(list(reversed([1, 2, 3])), list(reversed((1, 2))), "".join(reversed("abc")))
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
print(list(iter(range(3))), list(map(lambda x: x * 2, [1, 2])), list(filter(None, [0, 1, "", "a"])))

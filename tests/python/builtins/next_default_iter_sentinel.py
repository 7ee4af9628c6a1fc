gen = (i for i in range(2))
print(next(gen), next(gen), next(gen, "exhausted"), next(gen, None))
data = iter([3, 2, 1, 0, 5])
print(list(iter(lambda: next(data), 0)))

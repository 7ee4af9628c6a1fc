rows = [[r * 3 + c for c in range(3)] for r in range(4)]
print(sum(sum(r) for r in rows), [sum(col) for col in zip(*rows)])
print(sorted((v for r in rows for v in r if v % 2), reverse=True))
print(dict((k, [v for v in range(k)]) for k in range(4)))
print(list(zip(*[iter(range(9))] * 3)))

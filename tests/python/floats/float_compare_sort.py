vals = [3.5, -1.25, 2, 0.0, -0.0, 10 ** 3, 1e-3, 7]
print(sorted(vals))
print(sorted(vals, reverse=True))
print(max(vals), min(vals))
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15)
print(hash(1.5) == hash(1.5), hash(2.0) == hash(2))

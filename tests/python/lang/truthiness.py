vals = [0, 1, -1, 0.0, "", "a", [], [0], (), {}, {0: 0}, set(), None, True, False, range(0), range(1)]
print([bool(v) for v in vals])
print([v for v in vals if v])
print(not [], not [1], 0 and 1, 1 and 0, [] or {}, "x" and "y")

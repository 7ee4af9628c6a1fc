print(int(3.7), int(-3.7), float(2), round(2.675, 2), abs(-2.5), 7 // 2, -7 // 2, 7 % -3)
print(max(1, 2.5), min(-1, -1.5), sum([1, 2.5]), 0.1 + 0.2, 1e3 == 1000, int("0") == 0.0)
print(divmod(-7.5, 2), pow(-8, 1 / 3) if False else "skip", float("-inf") < 0)

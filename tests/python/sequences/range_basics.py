print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0)), list(range(5, 2)))
r = range(3, 30, 4)
print(r, len(r), r[0], r[-1], r[2:4], 7 in r, 8 in r, r.index(11), r.count(15))
print(list(reversed(range(4))), sum(range(101)), range(0, 10, 2) == range(0, 9, 2), max(range(7)))
print(range(10 ** 20)[-1], len(range(0, 10 ** 18, 3)))
try:
    range(1, 5, 0)
except ValueError as e:
    print("ValueError:", e)

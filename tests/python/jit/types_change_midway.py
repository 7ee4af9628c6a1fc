def accumulate(values):
    acc = values[0]
    for v in values[1:]:
        acc = acc + v
    return acc
print(accumulate(list(range(1000))))
print(accumulate([1] * 500 + [0.5] * 500))
print(accumulate(["a"] * 3 + ["b"] * 3))
print(accumulate([[1]] * 4))
vals = list(range(600)) + [1.5] * 10 + [10 ** 30] * 3
s = 0
for v in vals:
    s += v
print(s)

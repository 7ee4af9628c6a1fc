d = {}
for k in [5, 3, 9, 1, 7]:
    d[k] = k * k
print(d)
del d[3]
d[3] = 0
print(d, list(d))
d[5] = "updated"
print(d)
e = {**d, 100: "x", 1: "one"}
print(e)
print(d | {0: 0}, {1: 1} == {1: 1.0}, list(reversed(d)))

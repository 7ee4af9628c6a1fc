t = (1, 2, 3, 2)
print(t, t[1], t[-1], t[1:3], t.count(2), t.index(3), len(t), t + (4,), t * 2)
print((1,) == (1,), (1, 2) < (1, 3), () < (0,), tuple([1, 2]), tuple("ab"))
a, b, c, d = t
print(a, b, c, d)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], hash((1, 2)) == hash((1, 2)))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)

a, b = 1, 2
a, b = b, a
print(a, b)
(x, y), z = (3, 4), 5
print(x, y, z)
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
head, *rest = [1]
print(head, rest)
for i, (k, v) in enumerate({"p": 1, "q": 2}.items()):
    print(i, k, v)
print([*range(3), *"ab"], {**{"a": 1}, "b": 2}, (*[1, 2], 3), {*[1, 1, 2]} == {1, 2})
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    p, q, r = [1, 2]
except ValueError as e:
    print("ValueError:", e)

def f(a, b):
    return a + b
for args, kw in [((1,), {}), ((1, 2, 3), {}), ((1,), {"c": 2}), ((1,), {"a": 2}), ((), {})]:
    try:
        f(*args, **kw)
    except TypeError as e:
        print("TypeError:", e)
try:
    n = 5
    n()
except TypeError as e:
    print("TypeError:", e)
try:
    len()
except TypeError as e:
    print("TypeError:", e)

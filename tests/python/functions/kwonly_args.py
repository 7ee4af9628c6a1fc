def f(a, *, key, flag=False):
    return (a, key, flag)
print(f(1, key=2), f(1, flag=True, key="k"))
def pos(a, b, /, c, *, d):
    return a + b + c + d
print(pos(1, 2, 3, d=4), pos(1, 2, c=3, d=4))
for call in [lambda: f(1, 2), lambda: f(1), lambda: pos(a=1, b=2, c=3, d=4), lambda: f(1, key=1, other=3)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

def v(x):
    print("eval", x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1 != 2, 1 < 2 > 0)
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
x = 5
print(0 <= x < 10, 0 < x <= 4, "a" < "b" < "c", 1 < 2.5 < 3)
print(1 in [1] in [[1]], None is not None)

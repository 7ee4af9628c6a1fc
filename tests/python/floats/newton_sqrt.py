def newton(x):
    g = x / 2.0
    for _ in range(30):
        g = (g + x / g) / 2.0
    return g
for x in [2.0, 10.0, 0.25, 1e10, 12345.678]:
    print(x, newton(x), newton(x) ** 2)

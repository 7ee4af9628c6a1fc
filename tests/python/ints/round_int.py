for n in [1234, 1250, 1350, -1250, 15, 25, 35, -35]:
    print(n, round(n, -1), round(n, -2), round(n))
print(round(2 ** 70 + 555, -3))

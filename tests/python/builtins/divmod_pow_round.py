print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(2 ** 80, 7))
print(pow(2, 8), pow(2, -2), pow(7, 3, 5), pow(2.5, 2), round(3.14159, 3), round(-2.5), round(7))

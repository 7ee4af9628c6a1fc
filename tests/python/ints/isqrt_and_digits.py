import math
for n in [0, 1, 15, 16, 17, 10 ** 20, 2 ** 101]:
    r = math.isqrt(n)
    print(n, r, r * r <= n < (r + 1) * (r + 1))
n = 7 ** 50
digits = []
while n:
    n, d = divmod(n, 10)
    digits.append(d)
print(digits[::-1][:10], len(digits))

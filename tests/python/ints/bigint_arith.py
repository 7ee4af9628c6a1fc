# Arithmetic across the machine-word boundary.
m = 2 ** 63 - 1
print(m, m + 1, -m - 1, -m - 2)
print((m + 1) * (m + 1))
print((m + 1) - 1 == m, type(m + 1).__name__)
x = 1
for i in range(1, 40):
    x *= i
print(x)
print(x // (2 ** 70), x % 1000000007)
print(-x // 7, -x % 7)
print(abs(-x) == x, -(-x) == x)
print(2 ** 64 - 2 ** 64, (2 ** 64) // (2 ** 32))

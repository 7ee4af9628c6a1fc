i = 0
a = 0
while i < 100000:
    a += i & 7
    i += 1
print(a)
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print(steps)

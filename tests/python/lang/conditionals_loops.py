for n in [0, 5, 15, -3]:
    if n < 0:
        print(n, "negative")
    elif n == 0:
        print(n, "zero")
    elif n < 10:
        print(n, "small")
    else:
        print(n, "large")
for i in range(5):
    if i == 3:
        break
else:
    print("no break")
for i in range(2):
    pass
else:
    print("loop finished", i)
n = 0
while n < 10:
    n += 3
    if n == 6:
        continue
    print("n", n)
else:
    print("while done")
print("yes" if n > 5 else "no", n and "truthy", 0 or "fallback", None or 0 or [])

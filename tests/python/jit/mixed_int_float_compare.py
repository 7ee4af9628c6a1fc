hits = 0
for i in range(5000):
    x = i / 3
    if x == int(x):
        hits += 1
    if i > 2.5 * 1000:
        hits += 0.5
print(hits)
v = 0
for i in range(3000):
    v = v + (1 if i % 2 else 1.0)
print(v, type(v).__name__)

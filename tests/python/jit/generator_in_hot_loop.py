def gen(n):
    for i in range(n):
        yield i * 2
total = 0
for k in range(100):
    for v in gen(100):
        total += v
print(total)
print(sum(x for x in range(20000) if x % 3 == 0))

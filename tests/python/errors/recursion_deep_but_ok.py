def count(n):
    return 0 if n == 0 else 1 + count(n - 1)
print(count(900))
def build(n):
    return [] if n == 0 else [build(n - 1)]
x = build(500)
d = 0
while x:
    x = x[0]
    d += 1
print(d)

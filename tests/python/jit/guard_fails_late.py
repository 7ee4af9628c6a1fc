def f(n):
    total = 0
    for i in range(n):
        if i < 4990:
            total += i
        else:
            total += i * 1.5
    return total
print(f(5000))
def g(items):
    out = 0
    for x in items:
        if x is None:
            out -= 1000
        else:
            out += x
    return out
print(g(list(range(3000)) + [None] + list(range(10))))
def late_exc(n):
    s = 0
    for i in range(n):
        try:
            s += 100 // (n - 1 - i)
        except ZeroDivisionError:
            s = -s
    return s
print(late_exc(2000))

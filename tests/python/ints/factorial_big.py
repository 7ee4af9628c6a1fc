def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
f = fact(100)
print(f)
print(len(str(f)), sum(int(c) for c in str(f)))
print(fact(25) // fact(23), fact(30) % (10 ** 9 + 7))

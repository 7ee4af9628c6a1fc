log = []
def src():
    for i in range(5):
        log.append(i)
        yield i
g = (x * 2 for x in src())
print(log)
print(next(g), log)
print(list(g), log)
print(sum(x * x for x in range(10)), any(x > 3 for x in range(5)), all(x < 3 for x in range(5)))
print(max((len(w), w) for w in "a quick brown fox".split()))

it = iter("abc")
print(next(it), list(it), next(it, None))
def counter():
    counter.n += 1
    return counter.n
counter.n = 0
print(list(iter(counter, 4)))
print(callable(len), callable("s"), callable(str), callable(lambda: 1), callable(None))

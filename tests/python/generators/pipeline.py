def numbers():
    n = 0
    while True:
        yield n
        n += 1
def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x
def squares(it):
    for x in it:
        yield x * x
def take(n, it):
    for _ in range(n):
        yield next(it)
print(list(take(10, squares(evens(numbers())))))
import itertools
print(list(itertools.islice(squares(numbers()), 3, 8)))

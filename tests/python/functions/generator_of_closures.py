def make_multipliers():
    return [lambda x, n=n: x * n for n in range(1, 6)]
print([m(2) for m in make_multipliers()])
def accumulator():
    total = []
    def add(x):
        total.append(x)
        return sum(total)
    return add
acc = accumulator()
print([acc(i) for i in range(6)])

def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received
g = echo()
print(next(g), g.send("a"), g.send("b"), g.send("c"))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)
def averager():
    total, n, avg = 0.0, 0, None
    while True:
        v = yield avg
        total += v
        n += 1
        avg = total / n
a = averager()
next(a)
print([a.send(v) for v in [10, 20, 60, 10]])

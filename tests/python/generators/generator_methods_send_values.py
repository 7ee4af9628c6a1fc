def acc():
    total = 0
    while True:
        cmd = yield total
        if cmd == "reset":
            total = 0
        elif isinstance(cmd, int):
            total += cmd
g = acc()
print(next(g), g.send(5), g.send(7), g.send("reset"), g.send(3), next(g))
def delegator():
    result = yield from acc_limited()
    yield "delegate got " + str(result)
def acc_limited():
    t = 0
    for _ in range(3):
        t += yield t
    return t
d = delegator()
print(next(d), d.send(1), d.send(2), d.send(3))

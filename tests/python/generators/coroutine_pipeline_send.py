def coroutine(fn):
    def start(*a):
        g = fn(*a)
        next(g)
        return g
    return start
@coroutine
def printer(prefix):
    while True:
        item = yield
        print(prefix, item)
@coroutine
def filt(pred, target):
    while True:
        item = yield
        if pred(item):
            target.send(item)
@coroutine
def mapper(fn, target):
    while True:
        target.send(fn((yield)))
p = mapper(lambda x: x * 10, filt(lambda x: x % 20 == 0, printer(">>")))
for i in range(7):
    p.send(i)

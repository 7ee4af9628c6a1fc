import types
@types.coroutine
def suspend(value):
    got = yield value
    return got
async def worker(name, n):
    total = 0
    for i in range(n):
        got = await suspend(f"{name}:{i}")
        total += got
    return total
c = worker("w", 3)
print(c.send(None))
print(c.send(10))
print(c.send(20))
try:
    c.send(30)
except StopIteration as e:
    print("result", e.value)
async def chain():
    a = await worker("a", 1)
    b = await worker("b", 2)
    return a + b
c2 = chain()
out = [c2.send(None)]
try:
    v = 1
    while True:
        out.append(c2.send(v))
        v += 1
except StopIteration as e:
    print(out, e.value)

# Async generators: __anext__/asend/athrow/aclose awaitables, await inside
# the generator, values sent in, the running/reuse checks, and the type
# names. Every generator is finished before the end (no finalizers).
import types


@types.coroutine
def suspend(tag):
    got = yield tag
    return got


def step(aw, v=None):
    try:
        return ("yield", aw.send(v))
    except StopIteration as e:
        return ("stop", e.value)
    except BaseException as e:
        return (type(e).__name__, str(e))


def throw(aw, e):
    try:
        return ("yield", aw.throw(e))
    except StopIteration as e:
        return ("stop", e.value)
    except BaseException as e:
        return (type(e).__name__, str(e))


async def gen():
    try:
        x = yield 1
        print("got", x)
        y = await suspend("susp")
        print("await got", y)
        yield 2
    finally:
        print("fin")


g = gen()
print(type(g), type(g).__name__, g.__name__, g.__qualname__)
print(type(g.__anext__()).__name__, type(g.aclose()).__name__, type(g.athrow(ValueError)).__name__)
print(g.__aiter__() is g, g.ag_running, g.ag_await)
a = g.asend(None)
print(step(a))
print(step(a))
b = g.asend("X")
print(step(b))
print(g.ag_running, type(g.ag_await).__name__)
print(step(b, "Y"))
print(step(g.__anext__()))
print(step(g.__anext__()))
print(g.ag_frame)

print("-- just started")
g = gen()
print(step(g.asend(5)))
g = gen()
print(step(g.aclose()))
print(step(g.__anext__()))

print("-- athrow")
g = gen()
print(step(g.__anext__()))
t = g.athrow(ValueError("boom"))
print(step(t))
print(step(t))
print(step(g.__anext__()))
print(step(g.athrow(ValueError)))
print(step(g.aclose()))


async def catcher():
    try:
        yield 1
    except ValueError as e:
        print("caught", e)
        yield 99
    yield 100


g = catcher()
print(step(g.__anext__()))
print(step(g.athrow(ValueError("v"))))
print(throw(g.__anext__(), KeyError("k")))
print(step(g.__anext__()))

print("-- aclose")


async def ignorer():
    try:
        yield 1
    except GeneratorExit:
        print("ignoring exit")
        yield 2
    print("not reached")
    yield 3


g = ignorer()
print(step(g.__anext__()))
print(step(g.aclose()))
print(step(g.aclose()))


async def closer():
    try:
        yield 1
    finally:
        print("cleanup")
        await suspend("closing")
        print("cleaned")


g = closer()
print(step(g.__anext__()))
c = g.aclose()
print(step(c))
print(step(c))
print(step(g.__anext__()))

print("-- stop conversions")


async def raises_sai():
    raise StopAsyncIteration
    yield


async def raises_si():
    raise StopIteration
    yield


print(step(raises_sai().__anext__()))
print(step(raises_si().__anext__()))

print("-- running and reuse")
g = gen()
a1 = g.__anext__()
print(step(a1))
a2 = g.__anext__()
print(step(a2))
print(step(g.__anext__()))
print(step(g.aclose()))
print(step(g.athrow(KeyError)))
print(step(a1))
print(step(a2, "resumed"))
print(step(g.__anext__()))
print(step(g.__anext__()))

print("-- anext with a default")


async def one():
    yield "only"


g = one()
print(step(anext(g, "dflt")))
print(step(anext(g, "dflt")))
print(step(anext(g)))


async def pauses():
    await suspend("s1")
    yield "a"


g = pauses()
a = anext(g, 7)
print(type(a).__name__)
print(step(a))
print(step(a, "in"))
print(step(anext(g, 7)))

print("-- driving with async for")


async def countdown(n):
    while n:
        got = await suspend(n)
        yield n, got
        n -= 1


async def consume():
    out = []
    async for item in countdown(3):
        out.append(item)
    agen = countdown(2)
    out.append(await agen.__anext__())
    out.append(await anext(agen))
    out.append(await anext(agen, "end"))
    return out


c = consume()
r = None
while True:
    try:
        y = c.send(r)
    except StopIteration as e:
        print(e.value)
        break
    r = y * 10

# Async comprehensions: `async for` in list/set/dict comprehensions and
# generator expressions, `await` inside comprehensions, nesting, and
# conditions; driven by a tiny trampoline.
import types


@types.coroutine
def suspend(tag):
    got = yield tag
    return got


async def agen(n, pause=False):
    for i in range(n):
        if pause:
            await suspend(("agen", i))
        yield i


async def double(x):
    await suspend(("double", x))
    return 2 * x


def run(coro):
    sent = None
    while True:
        try:
            y = coro.send(sent)
        except StopIteration as e:
            return e.value
        print("  suspended:", y)
        sent = None


async def comprehensions():
    a = [x async for x in agen(4)]
    b = {x % 2 async for x in agen(5)}
    c = {x: x * x async for x in agen(3) if x}
    d = [await double(x) for x in range(3)]
    e = [x + y async for x in agen(2) for y in [10, 20]]
    f = [(x, y) for x in range(2) async for y in agen(2)]
    g = [x async for x in agen(6) if x % 2 if x > 1]
    return a, sorted(b), c, d, e, f, g


print(run(comprehensions()))


async def with_pauses():
    return [x * 10 async for x in agen(3, pause=True)]


print(run(with_pauses()))


async def nested():
    inner = [[y async for y in agen(x)] for x in range(3)]
    awaited = [[await double(y) for y in range(x)] for x in range(3)]
    return inner, awaited


print(run(nested()))


async def genexp():
    ge = (x * 3 async for x in agen(4))
    print(type(ge).__name__)
    out = []
    async for v in ge:
        out.append(v)
    ge2 = (await double(x) for x in range(2))
    print(type(ge2).__name__)
    out.append([v async for v in ge2])
    return out


print(run(genexp()))


def sync_function_makes_async_genexp():
    return (x async for x in agen(2))


g = sync_function_makes_async_genexp()
print(type(g).__name__)


async def drain(ag):
    return [v async for v in ag]


print(run(drain(g)))


async def scoping():
    x = "outer"
    r = [x async for x in agen(2)]
    return r, x


print(run(scoping()))


async def errors_inside():
    class Boom:
        def __aiter__(self):
            return self

        async def __anext__(self):
            raise KeyError("from anext")

    try:
        [v async for v in Boom()]
    except KeyError as e:
        print("caught", e)
    try:
        [v async for v in 5]
    except TypeError as e:
        print("caught", e)
    return "ok"


print(run(errors_inside()))

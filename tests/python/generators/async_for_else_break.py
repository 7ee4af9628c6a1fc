# async for: else, break, continue, return from inside, nesting, and the
# loop variable after the loop; driven by hand with send(None).
import types


@types.coroutine
def suspend(tag):
    got = yield tag
    return got


class Counter:
    def __init__(self, n, pause=False):
        self.i = 0
        self.n = n
        self.pause = pause

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.pause:
            await suspend(("tick", self.i))
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


def run(coro):
    """A tiny trampoline: prints what the coroutine suspends with."""
    sent = None
    while True:
        try:
            y = coro.send(sent)
        except StopIteration as e:
            return e.value
        print("  suspended:", y)
        sent = y


async def loops():
    out = []
    async for v in Counter(3):
        out.append(v)
    else:
        out.append("else")
    async for v in Counter(5):
        if v == 2:
            continue
        if v == 4:
            break
        out.append(v)
    else:
        out.append("not reached")
    out.append(("after", v))
    async for v in Counter(0):
        out.append("never")
    else:
        out.append("empty else")
    return out


print(run(loops()))


async def nested():
    pairs = []
    async for a in Counter(2):
        async for b in Counter(3):
            if b == 3:
                break
            pairs.append((a, b))
    return pairs


print(run(nested()))


async def early_return():
    async for v in Counter(10):
        if v == 3:
            return v * 100
    return -1


print(run(early_return()))


async def with_pauses():
    total = 0
    async for v in Counter(2, pause=True):
        total += v
    return total


print(run(with_pauses()))


async def in_try():
    seen = []
    try:
        async for v in Counter(4):
            seen.append(v)
            if v == 2:
                raise ValueError("stop at 2")
    except ValueError as e:
        seen.append(str(e))
    finally:
        seen.append("finally")
    for_each = []
    async for v in Counter(3):
        try:
            if v == 2:
                continue
            for_each.append(v)
        finally:
            for_each.append("f")
    return seen, for_each


print(run(in_try()))


async def unpack_target():
    class Pairs:
        def __init__(self):
            self.k = 0

        def __aiter__(self):
            return self

        async def __anext__(self):
            self.k += 1
            if self.k > 3:
                raise StopAsyncIteration
            return self.k, self.k * self.k

    d = {}
    async for k, sq in Pairs():
        d[k] = sq
    return d


print(run(unpack_target()))

# async with: __aenter__/__aexit__ awaited, the bound value, exception
# suppression by a true __aexit__ result, several items, break/continue/
# return through the block, and awaits that really suspend.
import types


@types.coroutine
def suspend(tag):
    got = yield tag
    return got


class Manager:
    def __init__(self, name, suppress=False, pause=False):
        self.name = name
        self.suppress = suppress
        self.pause = pause

    async def __aenter__(self):
        if self.pause:
            await suspend(("enter", self.name))
        print("enter", self.name)
        return self.name.upper()

    async def __aexit__(self, typ, val, tb):
        if self.pause:
            await suspend(("exit", self.name))
        print("exit", self.name, typ.__name__ if typ else None, val)
        return self.suppress


def run(coro):
    sent = None
    while True:
        try:
            y = coro.send(sent)
        except StopIteration as e:
            return e.value
        print("  suspended:", y)
        sent = y


async def basic():
    async with Manager("a") as v:
        print("body", v)
    async with Manager("b", pause=True):
        print("body b")
    return "done"


print(run(basic()))


async def suppressing():
    async with Manager("s", suppress=True):
        raise KeyError("swallowed")
    print("after suppressed")
    try:
        async with Manager("p"):
            raise ValueError("propagates")
    except ValueError as e:
        print("caught", e)
    return "ok"


print(run(suppressing()))


async def several():
    async with Manager("x") as x, Manager("y", pause=True) as y:
        print("inner", x, y)
        return x + y


print(run(several()))


async def loop_exits():
    for i in range(4):
        async with Manager(f"m{i}"):
            if i == 1:
                continue
            if i == 2:
                break
            print("work", i)
    return i


print(run(loop_exits()))


class Tracker:
    def __init__(self):
        self.log = []

    async def __aenter__(self):
        self.log.append("in")
        return self

    async def __aexit__(self, *exc):
        self.log.append(("out", exc[0] is None))
        return False


async def nested_try():
    t = Tracker()
    try:
        async with t:
            try:
                async with t:
                    raise RuntimeError("deep")
            finally:
                t.log.append("finally")
    except RuntimeError as e:
        t.log.append(str(e))
    return t.log


print(run(nested_try()))


async def exit_result_truthiness():
    class M:
        def __init__(self, r):
            self.r = r

        async def __aenter__(self):
            return None

        async def __aexit__(self, *a):
            return self.r

    results = []
    for r in [0, 1, "", "yes", [], [0], None]:
        try:
            async with M(r):
                raise IndexError
            results.append(("suppressed", r))
        except IndexError:
            results.append(("raised", r))
    return results


print(run(exit_result_truthiness()))

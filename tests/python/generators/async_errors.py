# TypeErrors of the async protocols, with CPython's wording, and an
# uncaught error at the end (exit code and last stderr line).
import types


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
    except BaseException as e:
        return f"{type(e).__name__}: {e}"


async def for_int():
    async for x in 1:
        pass


class NoAnext:
    def __aiter__(self):
        return 5


async def for_no_anext():
    async for x in NoAnext():
        pass


class BadAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 5


async def for_bad_anext():
    async for x in BadAnext():
        pass


async def with_int():
    async with 1:
        pass


class SyncEnter:
    def __aenter__(self):
        return 1

    def __aexit__(self, *a):
        return 1


async def with_sync_enter():
    async with SyncEnter():
        pass


class SyncExit:
    async def __aenter__(self):
        return 1

    def __aexit__(self, *a):
        return 1


async def with_sync_exit():
    async with SyncExit():
        pass


class OnlyEnter:
    async def __aenter__(self):
        return 1


async def with_only_enter():
    async with OnlyEnter():
        pass


class OnlyExit:
    async def __aexit__(self, *a):
        return 1


async def with_only_exit():
    async with OnlyExit():
        pass


async def await_int():
    await 3


async def ag():
    yield 1


async def await_agen():
    await ag()


for f in [for_int, for_no_anext, for_bad_anext, with_int, with_sync_enter,
          with_sync_exit, with_only_enter, with_only_exit, await_int, await_agen]:
    print(f.__name__, "->", run(f()))

for args in [(1,), (1, 2), ()]:
    try:
        aiter(*args)
    except TypeError as e:
        print("aiter", e)
for args in [(1,), (1, 2), (), (1, 2, 3)]:
    try:
        anext(*args)
    except TypeError as e:
        print("anext", e)
print(anext(BadAnext()))
print(run(anext(BadAnext(), 0)))

try:
    for x in ag():
        pass
except TypeError as e:
    print(e)
try:
    next(ag())
except TypeError as e:
    print(e)
try:
    aiter(NoAnext())
except TypeError as e:
    print(e)


try:
    type(ag()).asend(5, 1)
except TypeError as e:
    print(e)
print(type(aiter(ag())).__name__)
import types
print(types.AsyncGeneratorType)


class Stops:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise ValueError("bad step")


async def main():
    async for x in Stops():
        pass


main().send(None)

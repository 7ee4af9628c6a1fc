class Ticker:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n
async def consume():
    out = []
    async for v in Ticker(4):
        out.append(v)
    it = aiter(Ticker(2))
    out.append(await anext(it))
    return out
c = consume()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)

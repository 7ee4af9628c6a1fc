# SyntaxErrors of async constructs, compiled with compile() and printed;
# async_return_value.py has one in the program itself.
sources = [
    "def f():\n    async for x in y: pass\n",
    "def f():\n    async with y: pass\n",
    "async for x in y: pass\n",
    "def f():\n    return [x async for x in y]\n",
    "def f():\n    return [await x for x in y]\n",
    "def f():\n    return [[x async for x in y] for z in w]\n",
    "def f():\n    return (x async for x in y)\n",
    "async def f():\n    return [[x async for x in y] for z in w]\n",
    "async def f():\n    yield 1\n    return 2\n",
    "async def f():\n    yield 1\n    return\n",
    "async def f():\n    yield from x\n",
    "def f():\n    await x\n",
    "async def f():\n    return lambda: await x\n",
]
for src in sources:
    try:
        compile(src, "<src>", "exec")
        print("ok")
    except SyntaxError as e:
        print("SyntaxError:", e.args[0], e.args[1][1])

def gen():
    yield 1
    raise IndexError("gen broke")
for v in gen():
    print(v)

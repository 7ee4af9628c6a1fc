def gen():
    yield 1
g = gen()
print(list(g), list(g))
def return_in_gen():
    yield 1
    return 5
r = return_in_gen()
next(r)
try:
    next(r)
except StopIteration as e:
    print("value", e.value)
def gen_exc():
    yield 1
    raise StopIteration
try:
    list(gen_exc())
except RuntimeError as e:
    print("RuntimeError:", e)

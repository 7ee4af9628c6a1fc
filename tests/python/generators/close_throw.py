def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught inside", e)
        yield "recovered"
    finally:
        print("cleanup")
x = g()
print(next(x))
print(x.throw(ValueError("boom")))
x.close()
y = g()
print(next(y))
y.close()
print("closed")
z = g()
try:
    z.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e)
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
s = stubborn(); next(s); s.close()

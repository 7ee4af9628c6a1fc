class Res:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.suppress
with Res("a") as r:
    print("body", r.name)
with Res("b", suppress=True):
    raise ValueError("swallowed")
print("after b")
try:
    with Res("c"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))
with Res("x") as x, Res("y") as y:
    print("nested", x.name, y.name)
def f():
    with Res("ret"):
        return "returned"
print(f())

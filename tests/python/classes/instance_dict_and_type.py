class C:
    cls_attr = 1
    def __init__(self):
        self.inst = 2
c = C()
print(c.__dict__, C.__name__, type(c) is C, type(C).__name__, c.__class__.__name__)
c.__dict__["dyn"] = 3
print(c.dyn, sorted(k for k in vars(c)))
setattr(c, "other", 4)
delattr(c, "inst")
print(vars(c), getattr(c, "cls_attr"))
T = type("T", (C,), {"extra": lambda self: "extra!"})
t = T()
print(t.extra(), t.inst, isinstance(t, C), T.__name__)

def f(a, b=2):
    c = a + b
    return sorted(locals().items())
print(f(1))
class K:
    attr = 1
    def m(self):
        pass
print([n for n in dir(K) if not n.startswith("__")], "attr" in vars(K))
o = K()
o.x = 5
print(vars(o), "f" in globals(), "__name__" in dir())

def f(a, b=3, *args, c, d=4, **kw):
    "docstring here"
    return a
f.custom = "attr"
print(f.__name__, f.__doc__, f.custom, f.__defaults__, f.__kwdefaults__)
print(f.__qualname__, f.__module__)
class K:
    def m(self):
        pass
print(K.m.__qualname__, K().m.__name__)

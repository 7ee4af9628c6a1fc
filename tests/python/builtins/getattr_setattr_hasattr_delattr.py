class O:
    x = 1
o = O()
setattr(o, "y", 2)
print(getattr(o, "x"), getattr(o, "y"), getattr(o, "z", "default"), hasattr(o, "y"), hasattr(o, "z"))
delattr(o, "y")
print(hasattr(o, "y"))
try:
    getattr(o, "z")
except AttributeError as e:
    print("AttributeError:", e)
print(getattr([], "append").__name__, getattr("abc", "upper")())

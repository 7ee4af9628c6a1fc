try:
    import no_such_module_xyz
except ImportError as e:
    print(type(e).__name__, e)
try:
    from shapes import NoSuchName
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    from shapes.nope import x
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
print(issubclass(ModuleNotFoundError, ImportError))

a = None
print(a is None, a is not None, type(None).__name__)
x = [1]
y = x
print(x is y, x is [1][:], id(x) == id(y))
print(True is True, (1 == 1) is True, type(...).__name__, ... is Ellipsis)
print(NotImplemented.__class__.__name__ if hasattr(NotImplemented, "__class__") else "")

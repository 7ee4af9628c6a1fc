m = __import__("math")
print(m.sqrt(9), m.__name__)
import builtins
print(builtins.len("abc"), builtins.abs is abs, hasattr(builtins, "print"))
def len(x):
    return "shadowed"
print(len([1, 2]), builtins.len([1, 2]))
del len
print(len([1, 2]))

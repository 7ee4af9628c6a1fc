print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance("s", (int, str)))
print(issubclass(bool, int), issubclass(int, object), issubclass(float, (int, str)), issubclass(type, object))
print(type(1), type("s"), type([]), type(None), type(type), type(len), type(lambda: 0).__name__)
print(type(1) is int, type(1.0) == float, int.__name__, type({}).__name__, type(range(1)).__name__)
class A: pass
class B(A): pass
print(isinstance(B(), A), issubclass(B, A), type(B()) is A, type(A).__name__)

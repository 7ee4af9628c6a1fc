def f(x: int, y: "str" = "s") -> list:
    return [x, y]
print(f(1), f.__annotations__)
v: int = 5
w: list[int]
print(v, __annotations__)
class C:
    a: int = 1
    b: str
print(C.a, C.__annotations__, hasattr(C, "b"))

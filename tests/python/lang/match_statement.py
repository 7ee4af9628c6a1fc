def describe(x):
    match x:
        case 0:
            return "zero"
        case int() if x < 0:
            return "negative int"
        case int() | float():
            return "number"
        case [a, b]:
            return f"pair {a},{b}"
        case [first, *rest]:
            return f"seq starting {first} with {len(rest)} more"
        case {"type": "point", "x": px, "y": py}:
            return f"point at {px},{py}"
        case str() as s:
            return "string " + s
        case _:
            return "unknown"
for v in [0, -4, 3.5, [1, 2], [1, 2, 3], {"type": "point", "x": 1, "y": 2}, "hi", None]:
    print(describe(v))
class P:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
match P(1, 2):
    case P(0, _):
        print("on y axis")
    case P(x, y):
        print("P", x, y)

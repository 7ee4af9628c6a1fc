# More positional sub-patterns than __match_args__ names is a TypeError
# raised when the case is tried, not at compile time.
class Vec:
    __match_args__ = ("x",)

    def __init__(self, x, y):
        self.x, self.y = x, y


def shape(v):
    match v:
        case Vec(0):
            return "zero x"
        case Vec(x, y):
            return f"{x},{y}"


print(shape(Vec(0, 1)))
print("next one fails")
print(shape(Vec(2, 3)))
print("never printed")

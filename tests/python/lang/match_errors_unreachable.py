# A capture pattern in a case that is not the last makes the remaining
# cases unreachable: a SyntaxError at compile time, so nothing is printed.
print("never printed")


def f(command):
    match command:
        case ["go", direction]:
            return direction
        case other:
            return other
        case ["look"]:
            return "looking"

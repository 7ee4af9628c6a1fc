# Literal and value patterns: numbers (negative too), strings, bytes,
# None/True/False by identity, dotted names, and what == means.
import enum


def lit(x):
    match x:
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case -2.5:
            return "minus two and a half"
        case 10_000_000_000_000_000_000:
            return "big"
        case -0x10:
            return "minus sixteen"
        case "":
            return "empty str"
        case "hello" "world":
            return "concatenated"
        case b"raw":
            return "bytes"
        case "\N{GREEK SMALL LETTER ALPHA}":
            return "alpha"
        case _:
            return f"no literal for {x!r}"


for v in [None, True, False, 0, 0.0, -0.0, 1, 1.0, -1, -1.0, 1.5, -2.5, 10**19, 10**22, -16, -16.0,
          "", "helloworld", b"raw", bytearray(b"raw"), "raw", "α", 2, [], ()]:
    print(repr(v), "->", lit(v))

# True/False/None use identity: 1 does not match True, 0 not False.
for v in [1, 0, True, False, 1.0]:
    match v:
        case True:
            print(repr(v), "is True")
        case False:
            print(repr(v), "is False")
        case _:
            print(repr(v), "is neither")

# But a literal 1 matches True by equality.
match True:
    case 1:
        print("True == 1")


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


class Consts:
    LIMIT = 100
    NAME = "kiln"

    class Nested:
        DEEP = (1, 2)


def value(x):
    match x:
        case Color.RED:
            return "red"
        case Color.GREEN | Color.BLUE:
            return "green or blue"
        case Consts.LIMIT:
            return "limit"
        case Consts.NAME:
            return "name"
        case Consts.Nested.DEEP:
            return "deep tuple"
        case _:
            return "no value"


for v in [Color.RED, Color.BLUE, 1, 100, 100.0, "kiln", (1, 2), [1, 2]]:
    print(repr(v), "->", value(v))

# Value patterns read the attribute at match time.
Consts.LIMIT = 5
print("after change:", value(5), value(100))

# Equality is the subject's == (with reflection).
class Loose:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other or (isinstance(other, str) and other == str(self.v))


match Loose(7):
    case 1:
        print("no")
    case "7":
        print("Loose(7) == '7'")

class Rich:
    def __eq__(self, other):
        return [1]  # truthy, not a bool


match Rich():
    case 3:
        print("truthy __eq__ result counts as a match")

class Falsy:
    def __eq__(self, other):
        return NotImplemented


match Falsy():
    case 3:
        print("no")
    case _:
        print("NotImplemented both ways falls back to identity: no match")

# Floats: nan never matches, infinities do.
nan = float("nan")
inf = float("inf")
match nan:
    case 1e400:
        print("no")
    case _:
        print("nan matches nothing")
match inf:
    case 1e400:
        print("inf matches 1e400")
match -inf:
    case -1e400:
        print("-inf matches -1e400")

# Strings of different kinds.
for s in ["a\tb", "a\\tb", r"a\tb", "ключ", "x" * 3]:
    match s:
        case "a\tb":
            print("tab")
        case r"a\tb":
            print("raw backslash")
        case "ключ":
            print("cyrillic")
        case "xxx":
            print("xxx")

# A literal in a mapping value and a sequence element.
match {"n": -3, "items": [None, True, 0.5]}:
    case {"n": -3, "items": [None, True, 0.5]}:
        print("nested literals")

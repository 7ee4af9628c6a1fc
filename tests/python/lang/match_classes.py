# Class patterns: __match_args__, keyword attributes, the builtins that
# match themselves, isinstance semantics, dataclasses and namedtuples.
from dataclasses import dataclass
from collections import namedtuple
from abc import ABC


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x=x, y=y) if x == y:
            return f"diagonal {x}"
        case Point(x, y=yy):
            return f"somewhere {x},{yy}"
        case _:
            return "not a point"


for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 7), (1, 2), None]:
    print(where(p))


# Subclasses match; __match_args__ is inherited or overridden.
class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


match Point3(1, 2, 3):
    case Point3(a, b, c):
        print("point3", a, b, c)
match Point3(1, 2, 3):
    case Point(a, b):
        print("as a point", a, b)


# Keyword-only class patterns need no __match_args__; missing
# attributes make the match fail, other exceptions propagate.
class Bag:
    def __init__(self, **kw):
        self.__dict__.update(kw)


def bag(b):
    match b:
        case Bag(color="red", size=s):
            return f"red bag size {s}"
        case Bag(color=c, missing=m):
            return f"never {m}"
        case Bag(color=c):
            return f"{c} bag"
        case Bag():
            return "a bag"


print(bag(Bag(color="red", size=3)), bag(Bag(color="blue")), bag(Bag()), bag(Bag(color="red")))


class Prop:
    @property
    def boom(self):
        raise KeyError("boom")

    @property
    def absent(self):
        raise AttributeError("absent")


match Prop():
    case Prop(absent=1):
        print("no")
    case Prop():
        print("AttributeError from a property means no match")
try:
    match Prop():
        case Prop(boom=1):
            print("no")
except KeyError as e:
    print("KeyError propagates", e)


# The self-matching builtins take one positional sub-pattern: the subject.
def builtin(x):
    match x:
        case bool(b):
            return f"bool {b}"
        case int(i) if i < 0:
            return f"negative int {i}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s!r}"
        case bytes(b):
            return f"bytes {b!r}"
        case bytearray(b):
            return f"bytearray {b!r}"
        case list([a, *_]):
            return f"list starting {a}"
        case list(l):
            return f"list {l}"
        case tuple((a, b)):
            return f"pair {a} {b}"
        case tuple(t):
            return f"tuple {t}"
        case dict({"k": v}):
            return f"dict with k={v}"
        case dict(d):
            return f"dict {d}"
        case set(s):
            return f"set {sorted(s)}"
        case frozenset(s):
            return f"frozenset {sorted(s)}"
        case _:
            return "other"


for v in [True, False, -3, 7, 2.5, "s", b"b", bytearray(b"ba"), [9, 8], [], (1, 2), (1, 2, 3),
          {"k": 1}, {}, {3, 1}, frozenset({2}), None, 1j if False else object]:
    print(builtin(v))


class MyInt(int):
    pass


class MyStr(str):
    __match_args__ = ("upper_form",)

    @property
    def upper_form(self):
        return self.upper()


match MyInt(5):
    case int(x):
        print("subclass of int matches itself:", x, type(x).__name__)
match MyStr("abc"):
    case MyStr(u):
        print("__match_args__ overrides self-matching:", u)
match MyStr("abc"):
    case str(s):
        print("str pattern on MyStr:", s)


# Class patterns use isinstance(), so ABCs and __instancecheck__ work.
class Duck(ABC):
    pass


class Mallard:
    sound = "quack"


Duck.register(Mallard)
match Mallard():
    case Duck(sound=s):
        print("duck says", s)


class AlwaysMeta(type):
    def __instancecheck__(cls, inst):
        return True


class Anything(metaclass=AlwaysMeta):
    pass


match 42:
    case Anything(real=r):
        print("instancecheck says yes; real =", r)


# dataclasses and namedtuples set __match_args__.
@dataclass
class Card:
    rank: int
    suit: str
    face_up: bool = False


for c in [Card(12, "hearts"), Card(1, "spades", True), Card(7, "clubs")]:
    match c:
        case Card(1, suit, True):
            print("ace up of", suit)
        case Card(rank, "hearts"):
            print("heart", rank)
        case Card(rank=r, suit=s):
            print("card", r, s)

Pair = namedtuple("Pair", "left right")
match Pair(1, [2, 3]):
    case Pair(l, [r1, r2]):
        print("pair", l, r1, r2)
match Pair(1, 2):
    case (a, b):
        print("a namedtuple is a sequence", a, b)

# Dotted class names.
import collections
match collections.OrderedDict(a=1):
    case collections.OrderedDict(items=it):
        print("ordered", list(it()))


class Outer:
    class Inner:
        __match_args__ = ("v",)

        def __init__(self, v):
            self.v = v


match Outer.Inner(8):
    case Outer.Inner(v):
        print("inner", v)

# __match_args__ may be given positionally and repeated by keyword: error.
try:
    match Point(1, 2):
        case Point(a, x=b):
            print("no")
except TypeError as e:
    print("TypeError:", e)

# Positional patterns beyond __match_args__.
try:
    match Point(1, 2):
        case Point(1, 2, 3):
            print("no")
except TypeError as e:
    print("TypeError:", e)

# Not a class at all.
try:
    match 1:
        case where():
            print("no")
except TypeError as e:
    print("TypeError:", e)

# __match_args__ must be a tuple of strings.
class BadArgs:
    __match_args__ = ["x"]
    x = 1


class BadElem:
    __match_args__ = ("x", 2)
    x = 1


for cls in (BadArgs, BadElem):
    try:
        match cls():
            case BadArgs(a) | BadElem(_, a):
                print("no")
    except TypeError as e:
        print("TypeError:", e)

# A failed isinstance check does not look at __match_args__ at all.
match 3:
    case BadArgs(a):
        print("no")
    case _:
        print("not an instance: no error")

# dataclasses leave keyword-only fields out of __match_args__, and
# match_args=False leaves it out altogether.
from dataclasses import field


@dataclass
class Opt:
    a: int
    b: int = field(default=0, kw_only=True)
    c: int = 3


@dataclass(kw_only=True)
class AllKw:
    k: int


@dataclass(match_args=False)
class NoArgs:
    v: int


print(Opt.__match_args__, AllKw.__match_args__, hasattr(NoArgs, "__match_args__"))
match Opt(1, b=2):
    case Opt(a, c, b=b):
        print("opt", a, b, c)
for subject, label in ((AllKw(k=1), "AllKw"), (NoArgs(2), "NoArgs")):
    try:
        match subject:
            case AllKw(k) | NoArgs(k):
                print("no")
    except TypeError as e:
        print(label, "TypeError:", e)

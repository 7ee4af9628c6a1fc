# Sequence patterns: which subjects count as sequences, lengths, stars.
from collections import deque, UserList
from collections.abc import Sequence, MutableSequence


def shape(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one {a!r}"
        case [a, b]:
            return f"two {a!r} {b!r}"
        case [a, b, *rest] if len(rest) > 2:
            return f"long {a!r} {b!r} +{len(rest)}"
        case [first, *middle, last]:
            return f"first {first!r} middle {middle!r} last {last!r}"
        case _:
            return "not a sequence"


subjects = [
    [], (), [1], (1,), [1, 2], (1, 2), [1, 2, 3], (1, 2, 3, 4, 5, 6),
    range(0), range(3), range(10), "", "ab", b"ab", bytearray(b"ab"),
    {1: 2}, {1, 2}, frozenset(), 42, None, 1.5,
    deque([1, 2, 3]), UserList([7, 8]),
]
for s in subjects:
    print(type(s).__name__, shape(s))


class MyList(list):
    pass


class Mixin:
    pass


class MixedList(Mixin, list):
    pass


class MyStr(str):
    pass


for s in [MyList([1, 2]), MixedList([5]), MyStr("xy")]:
    print(type(s).__name__, shape(s))


# A subclass of collections.abc.Sequence is a sequence; __len__ and
# __getitem__ calls are observable.
class Seq(Sequence):
    def __init__(self, *items):
        self.items = items

    def __len__(self):
        print("  len")
        return len(self.items)

    def __getitem__(self, i):
        print("  getitem", i)
        return self.items[i]


print(shape(Seq(1, 2)))
print(shape(Seq(1, 2, 3, 4, 5)))
print(shape(Seq()))


# Registered classes count too (and their subclasses); other classes not.
class Plain:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        if i < 2:
            return i
        raise IndexError(i)


print("plain", shape(Plain()))
Sequence.register(Plain)
print("registered", shape(Plain()))


class SubPlain(Plain):
    pass


print("registered subclass", shape(SubPlain()))


class Later:
    def __len__(self):
        return 1

    def __getitem__(self, i):
        if i < 1:
            return "only"
        raise IndexError(i)


class LaterChild(Later):
    pass


MutableSequence.register(Later)
print("child of later registered", shape(LaterChild()))


# Star wildcards index instead of unpacking.
def ends(x):
    match x:
        case [a, *_, b]:
            return (a, b)
        case [a, *_]:
            return (a,)
        case [*_]:
            return "empty-ish"


print(ends([1, 2, 3, 4]), ends([9]), ends([]), ends(range(5, 50)))
print(ends(Seq(10, 20, 30)))


# Nested sequences, tuples inside lists, parenthesised groups.
def nested(x):
    match x:
        case [(a, b), [c, [d]]]:
            return a + b + c + d
        case ((a, b), *rest):
            return ("pairs", a, b, rest)
        case [[[]]]:
            return "deep empty"
        case _:
            return None


print(nested([(1, 2), [3, [4]]]))
print(nested(([5, 6], 7, 8)))
print(nested([[[]]]))
print(nested([[[1]]]))


# Star captures are lists, even from tuples and ranges.
match (1, 2, 3, 4):
    case (1, *mid, 4):
        print("mid", mid, type(mid).__name__)
match range(4):
    case [*all_of_it]:
        print("range star", all_of_it)
match "abc":
    case [*chars]:
        print("str is not a sequence", chars)
    case str(s):
        print("str matched by class pattern", s)

# Patterns with literals inside.
for cmd in [["go", "north"], ["go", "up", "fast"], ["look"], ["drop", 1, 2, 3], ("quit",)]:
    match cmd:
        case ["go", direction]:
            print("going", direction)
        case ["go", direction, speed]:
            print("going", direction, speed)
        case ["look" | "examine"]:
            print("looking")
        case ["drop", *objects]:
            print("dropping", objects)
        case ["quit"]:
            print("bye")

# An iterator is not a sequence, and a failed length check does not
# consume anything.
it = iter([1, 2])
match it:
    case [a, b]:
        print("iterator matched?!")
    case _:
        print("iterator left alone", list(it))

# Many elements, and star in different positions.
big = list(range(20))
match big:
    case [0, 1, 2, *rest, 18, 19]:
        print("big", len(rest), rest[0], rest[-1])
match big:
    case [*head, 19]:
        print("head", len(head))
match big:
    case [0, *tail]:
        print("tail", len(tail))

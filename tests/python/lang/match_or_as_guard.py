# Or-patterns, as-patterns, guards, and when names get bound.


def classify(x):
    match x:
        case 0 | 1 | 2:
            return "small"
        case int(n) | float(n) if n < 0:
            return f"negative {n}"
        case [x1, y1] | (x1, y1, _):
            return f"two-ish {x1} {y1}"
        case {"a": v} | {"b": v} | {"c": [v]}:
            return f"keyed {v}"
        case str() | bytes() as text:
            return f"text {text!r}"
        case (1 | 2 | 3) as digit:
            return "unreachable"
        case _:
            return "other"


for v in [0, 2, 3, -1, -2.5, [1, 2], (3, 4, 5), {"b": 9}, {"c": [7]}, {"c": 7}, "s", b"b", None]:
    print(repr(v), "->", classify(v))


# Alternatives binding the same names in different orders.
def swap(x):
    match x:
        case (a, b, "ab") | (b, a, "ba"):
            return (a, b)


print(swap((1, 2, "ab")), swap((1, 2, "ba")), swap((1, 2, "xx")))


def three(x):
    match x:
        case [a, b, c, 0] | [c, a, b, 1] | [b, c, a, 2]:
            return (a, b, c)


print(three([1, 2, 3, 0]), three([1, 2, 3, 1]), three([1, 2, 3, 2]))


# Nested as-patterns and or-patterns inside sequences and classes.
class Node:
    __match_args__ = ("left", "right")

    def __init__(self, left, right):
        self.left = left
        self.right = right


def tree(t):
    match t:
        case Node(Node() as l, Node() as r):
            return f"both inner ({tree(l)}, {tree(r)})"
        case Node(int(v) | str(v), None) as leaf:
            return f"leaf {v} of {type(leaf).__name__}"
        case Node(l, r):
            return f"mixed {tree(l)} / {tree(r)}"
        case None:
            return "nil"
        case other:
            return f"value {other}"


print(tree(Node(Node(1, None), Node("x", None))))
print(tree(Node(Node(1, None), 5)))
print(tree(Node(3, 4)))

# Guards see the captured names; a failing guard leaves them bound.
def guard(x):
    match x:
        case [a, b] if a > b:
            return f"desc {a} {b}"
        case [a, b] if (s := a + b) > 10:
            return f"big sum {s}"
        case [a, b]:
            return f"plain {a} {b} (s is {'bound' if 's' in dir() else 'unbound'})"


print(guard([3, 1]), guard([5, 6]), guard([1, 2]))

# A guard is evaluated only after a successful pattern; side effects in
# order.
log = []


def check(tag, result):
    log.append(tag)
    return result


match 5:
    case 1 if check("g1", True):
        pass
    case int() if check("g2", False):
        pass
    case int(n) if check("g3", True):
        log.append(f"body {n}")
print(log)

# A failed pattern binds nothing at all (captures are stored at the end).
match [1, 2, 3]:
    case [p, q] if True:
        pass
    case [x9, 99, z9]:
        pass
    case _:
        pass
for name in ["p", "q", "x9", "z9"]:
    print(name, name in globals())

# But a successful pattern with a failing guard leaves its names bound.
match (10, 20):
    case (g1, g2) if g1 > g2:
        print("no")
    case _:
        print("after failed guard", g1, g2)

# Bindings in a function stay local, in a class body go to the namespace.
class Holder:
    match {"name": "holder", "size": 3}:
        case {"name": name, **rest}:
            pass


print(Holder.name, Holder.rest)


def closure():
    match [1, [2, 3]]:
        case [a, [b, *c]]:
            pass
    return lambda: (a, b, c)


print(closure()())


def nonlocal_bind():
    value = "before"

    def inner():
        nonlocal value
        match "after":
            case str() as value:
                pass
    inner()
    return value


print(nonlocal_bind())

gv = "old"


def global_bind():
    global gv
    match "new":
        case gv:
            pass


global_bind()
print(gv)

# The subject is evaluated exactly once.
calls = 0


def subject():
    global calls
    calls += 1
    return [calls, "x"]


match subject():
    case [0, _]:
        pass
    case [2, _]:
        pass
    case [1, "y"]:
        pass
    case [n, "x"]:
        print("subject evaluated", calls, "time(s); n =", n)

# Wildcards and captures as last cases; a default with a guard.
for v in [1, 2, 3]:
    match v:
        case 1:
            print("one")
        case _ if v == 2:
            print("two via guarded wildcard")
        case _:
            print("default")

# match in a generator and in a loop with break/continue/return.
def gen(items):
    for it in items:
        match it:
            case "stop":
                return
            case "skip":
                continue
            case ("yield", v):
                yield v
            case other:
                yield f"other {other}"


print(list(gen([("yield", 1), "skip", 5, ("yield", 2), "stop", ("yield", 3)])))

for i in range(10):
    match i:
        case 3:
            break
        case x if x % 2:
            continue
    print("loop", i)

# Exceptions raised inside a pattern (in __eq__) propagate from match.
class Angry:
    def __eq__(self, other):
        raise RuntimeError("no comparisons")


try:
    match Angry():
        case 1:
            pass
except RuntimeError as e:
    print("RuntimeError", e)

# Value patterns compare with ==, the subject on the left.
class Eq:
    def __eq__(self, other):
        print("  Eq.__eq__ with", other)
        return other == "magic"


match Eq():
    case "plain":
        print("no")
    case "magic":
        print("matched by __eq__")

# Deep nesting of or and as.
match [1, [2, [3, [4]]]]:
    case [1, [2, [3, [(4 | 5) as d] as inner] as mid] as top] as whole:
        print(d, inner, mid, top, whole)

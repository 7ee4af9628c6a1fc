# Mapping patterns: dicts and other mappings, key lookup with get(),
# **rest, non-literal keys.
from collections import defaultdict, OrderedDict, Counter, ChainMap, UserDict
from collections.abc import Mapping


def describe(x):
    match x:
        case {}:
            # Only reached for mappings whose other cases did not come first.
            pass
    match x:
        case {"kind": "circle", "r": r}:
            return f"circle r={r}"
        case {"kind": "rect", "w": w, "h": h, **extra}:
            return f"rect {w}x{h} extra={extra}"
        case {"kind": kind, **rest} if not rest:
            return f"bare {kind}"
        case {"kind": kind}:
            return f"other kind {kind}"
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"


for subject in [
    {"kind": "circle", "r": 2},
    {"kind": "circle", "r": 2, "color": "red"},
    {"kind": "rect", "w": 3, "h": 4},
    {"kind": "rect", "w": 3, "h": 4, "z": 1, "name": "box"},
    {"kind": "rect", "w": 3},
    {"kind": "dot"},
    {"kind": "dot", "x": 1},
    {},
    {"r": 1},
    [("kind", "circle")],
    "kind",
    None,
    OrderedDict(kind="circle", r=9),
    Counter(kind=3),
]:
    print(describe(subject))

# Keys of any hashable literal kind, and value patterns as keys.
class K:
    A = "a"
    ONE = 1


def keys(x):
    match x:
        case {1: one, "1": s, b"1": b, None: n, False: f}:
            return ("all", one, s, b, n, f)
        case {K.A: a, K.ONE: o}:
            return ("values", a, o)
        case {-1: neg, 2.5: f}:
            return ("numbers", neg, f)
        case {0: zero}:
            return ("zero", zero)


print(keys({1: "i", "1": "s", b"1": "b", None: "n", False: "f"}))
print(keys({True: "i", "1": "s", b"1": "b", None: "n", 0: "f"}))  # equal keys
print(keys({"a": 1, 1: 2}))
print(keys({-1: "m", 2.5: "f"}))
print(keys({0.0: "float zero"}))
print(keys({False: "false is zero"}))

# defaultdict: lookups never call __missing__ (the dict does not grow).
dd = defaultdict(list)
dd["x"] = 1
match dd:
    case {"y": y}:
        print("y?", y)
    case {"x": x}:
        print("x", x, "keys", sorted(dd))


class Missing(dict):
    def __missing__(self, key):
        print("  missing called for", key)
        return "made up"


m = Missing(a=1)
match m:
    case {"b": b}:
        print("b", b)
    case {"a": a}:
        print("a", a, "subscript still works:", m["zz"])


# A mapping's own get() is what is called.
class Loud(dict):
    def get(self, key, default=None):
        print("  get", key)
        return super().get(key, default)


match Loud(p=1, q=2):
    case {"p": 1, "q": q, "r": r}:
        print("r", r)
    case {"p": p, "q": q}:
        print("p q", p, q)


# collections.abc.Mapping subclasses are mappings; their get() comes from
# the mixin and calls __getitem__.
class Frozen(Mapping):
    def __init__(self, **kw):
        self._d = kw

    def __getitem__(self, k):
        return self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


match Frozen(name="n", size=3):
    case {"name": name, **others}:
        print("frozen", name, others, type(others).__name__)

print(describe(ChainMap({"kind": "circle"}, {"r": 5})))
print(describe(UserDict(kind="dot")))


# Registered mappings.
class Reg:
    def __init__(self, d):
        self.d = d

    def get(self, k, default=None):
        return self.d.get(k, default)

    def __len__(self):
        return len(self.d)

    def keys(self):
        return self.d.keys()

    def __getitem__(self, k):
        return self.d[k]


print("unregistered:", describe(Reg({"kind": "circle", "r": 1})))
Mapping.register(Reg)
print("registered:", describe(Reg({"kind": "circle", "r": 1})))
print("registered rest:", describe(Reg({"kind": "rect", "w": 1, "h": 2, "q": 3})))

# **rest is a new dict (a copy), in insertion order.
orig = {"a": 1, "b": 2, "c": 3}
match orig:
    case {"b": _, **rest}:
        rest["new"] = True
        print(rest, orig)

# Nested mappings and sequences.
config = {"server": {"host": "h", "ports": [80, 443]}, "debug": False}
match config:
    case {"server": {"host": str(host), "ports": [first, *more]}, "debug": False}:
        print("host", host, "first", first, "more", more)

# Duplicate keys that only show up at run time are a ValueError.
class Dup:
    X = "k"
    Y = "k"


try:
    match {"k": 1, "j": 2}:
        case {Dup.X: a, Dup.Y: b}:
            print("no")
except ValueError as e:
    print("ValueError:", e)

# A length check comes first: a mapping with too few items fails fast.
class Counting(dict):
    def get(self, key, default=None):
        print("  get called")
        return super().get(key, default)

    def __len__(self):
        print("  len called")
        return super().__len__()


match Counting(a=1):
    case {"a": 1, "b": 2}:
        print("no")
    case {"a": 1}:
        print("yes")

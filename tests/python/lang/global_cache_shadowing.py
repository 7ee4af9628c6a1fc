# Global and builtin name loads stay right when the dicts behind a cached
# load change: builtins shadowed and unshadowed, builtins replaced,
# globals() writes, deletion, and exec'd code with other globals.
import builtins


def use_len(xs):
    return len(xs)


def loop_len(n):
    total = 0
    for i in range(n):
        total += len([0] * i)
    return total


for _ in range(3):
    print(use_len([1, 2, 3]), loop_len(5))

len = lambda xs: -1
print(use_len([1, 2, 3]), loop_len(5))
del len
print(use_len([1, 2, 3]), loop_len(5))

# Replacing the builtin itself.
orig_len = builtins.len
builtins.len = lambda xs: 100
print(use_len([1, 2, 3]))
builtins.len = orig_len
print(use_len([1, 2, 3]))

# A global that shadows a builtin beats a replaced builtin.
len = lambda xs: "global"
builtins.len = lambda xs: "builtin"
print(use_len([]))
del len
print(use_len([]))
builtins.len = orig_len
print(use_len([]))

# A new builtin appears.
def get_extra():
    return extra_name


try:
    get_extra()
except NameError as e:
    print("NameError", e)
builtins.extra_name = "from builtins"
print(get_extra())
extra_name = "from globals"
print(get_extra())
del extra_name
print(get_extra())
del builtins.extra_name
try:
    get_extra()
except NameError as e:
    print("NameError", e)

# globals() writes and deletes.
counter = 1


def read_counter():
    return counter


for _ in range(3):
    read_counter()
globals()["counter"] = 2
print(read_counter())
globals().update(counter=3)
print(read_counter())
globals().pop("counter")
try:
    read_counter()
except NameError as e:
    print("NameError", e)
globals().setdefault("counter", 4)
print(read_counter())
g = globals()
g["counter"] = 5
print(read_counter())

# del of a global a cached site used.
value = "v"


def read_value():
    return value


for _ in range(3):
    print(read_value())
del value
for _ in range(2):
    try:
        read_value()
    except NameError as e:
        print("NameError", e)
value = "back"
print(read_value())

# One code object, different globals dicts: functions made by exec.
src = "def f():\n    return who\n"
fs = []
for i in range(3):
    ns = {"who": "ns%d" % i}
    exec(src, ns)
    fs.append((ns, ns["f"]))
for _ in range(2):
    print([f() for _, f in fs])
fs[1][0]["who"] = "changed"
print([f() for _, f in fs])
del fs[2][0]["who"]
try:
    fs[2][1]()
except NameError as e:
    print("NameError", e)
fs[0][0].clear()
try:
    fs[0][1]()
except NameError as e:
    print("NameError", e)
print(fs[1][1]())

# exec'd code whose globals lack a name falls back to builtins.
ns = {}
exec("def g():\n    return len('abc')\n", ns)
print(ns["g"]())
ns["len"] = lambda s: "ns len"
print(ns["g"]())
ns.popitem()
print(ns["g"]())

# exec into the module's own globals.
exec("counter = 'exec'")
print(read_counter())

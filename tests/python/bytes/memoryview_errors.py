# memoryview errors: read-only memory, bad keys and values, mismatched
# slice assignment, hashing writable views, constructor arguments and
# use after release; ends with an uncaught error.
def t(label, f):
    try:
        r = f()
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


ba = bytearray(b"hello")
m = memoryview(ba)
ro = memoryview(b"abc")


def setter(view, key, value):
    def f():
        view[key] = value
        return bytes(ba)
    return f


def deleter(view, key):
    def f():
        del view[key]
    return f


t("index 5", lambda: m[5])
t("index -6", lambda: m[-6])
t("str key", lambda: m["a"])
t("float key", lambda: m[1.0])
t("set 256", setter(m, 0, 256))
t("set -1", setter(m, 0, -1))
t("set str", setter(m, 0, "a"))
t("set bytes", setter(m, 0, b"a"))
t("set out of range", setter(m, 9, 1))
t("set str key", setter(m, "k", 1))
t("slice longer", setter(m, slice(0, 2), b"HEL"))
t("slice shorter", setter(m, slice(0, 2), b"H"))
t("slice int", setter(m, slice(0, 2), 5))
t("slice list", setter(m, slice(0, 2), [1, 2]))
t("strided ok", setter(m, slice(None, None, 2), b"ABC"))
t("strided bad", setter(m, slice(None, None, 2), b"AB"))
t("read-only item", setter(ro, 0, 1))
t("read-only slice", setter(ro, slice(0, 1), b"x"))
t("del item", deleter(m, 0))
t("del read-only", deleter(ro, 0))
t("hash writable", lambda: hash(m))
t("order", lambda: ro < ro)
t("concat", lambda: memoryview(b"ab") + b"c")
t("no count", lambda: ro.count)

t("int arg", lambda: memoryview(5))
t("str arg", lambda: memoryview("abc"))
t("list arg", lambda: memoryview([1, 2]))
t("no arg", lambda: memoryview())
t("two args", lambda: memoryview(b"a", b"b"))
t("hex sep", lambda: ro.hex("::"))

x = memoryview(b"xyz")
x.release()
for label, f in [
    ("len", lambda: len(x)),
    ("item", lambda: x[0]),
    ("slice", lambda: x[0:1]),
    ("tobytes", lambda: x.tobytes()),
    ("tolist", lambda: x.tolist()),
    ("hex", lambda: x.hex()),
    ("readonly", lambda: x.readonly),
    ("nbytes", lambda: x.nbytes),
    ("obj", lambda: x.obj),
    ("bytes", lambda: bytes(x)),
    ("list", lambda: list(x)),
    ("bool", lambda: bool(x)),
    ("hash", lambda: hash(x)),
    ("memoryview", lambda: memoryview(x)),
    ("enter", lambda: x.__enter__()),
]:
    t("released " + label, f)

with memoryview(bytearray(b"ab")) as w:
    pass
w[0] = 1

#!/usr/bin/env python3
"""Fill fuzz/corpus/ with seed inputs for the fuzz targets.

compile: every program under tests/python/ plus a few handwritten sources
         (deep nesting, error shapes) and the regression inputs kept in
         crates/python/tests/fuzz_regressions/.
format:  handwritten format specs, %-format strings and number strings, in
         the target's layout: one op byte, a little-endian u64, then text.
"""
import pathlib
import struct

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = HERE / "corpus"


def write(target, name, data):
    d = CORPUS / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data)


def seed_compile():
    for p in sorted((ROOT / "tests" / "python").rglob("*.py")):
        rel = p.relative_to(ROOT / "tests" / "python")
        write("compile", "t_" + "_".join(rel.parts), p.read_bytes()[:4096])
    regress = ROOT / "crates" / "python" / "tests" / "fuzz_regressions"
    if regress.is_dir():
        for p in sorted(regress.iterdir()):
            write("compile", "r_" + p.name, p.read_bytes())
    hand = [
        "(" * 50 + ")" * 50,
        "x = [1, 2}\n",
        "class A\n    pass\n",
        "f(x for x in y, 1)\n",
        "print((1, 2)\nprint(3)\n",
        "-" * 100 + "1\n",
        "a" + ".b" * 100 + "\n",
        "def f():\n  def g():\n    nonlocal x\n",
        "async def f():\n    [x async for x in y]\n    await z\n",
        "f'{x!r:>{w}}' f'{{}}' b'\\x00'\n",
        "match x:\n    case [1, *r] | {'k': _} if r: pass\n    case C(a=1): pass\n",
        "try:\n    pass\nexcept* E as e:\n    pass\n",
        "lambda *a, b=1, **k: (yield)\n",
        "with (a as b, c as d):\n    del b, d\n",
    ]
    for i, s in enumerate(hand):
        write("compile", f"h_{i}", s.encode())


def seed_format():
    def rec(op, value, text):
        return bytes([op]) + struct.pack("<Q", value & (2**64 - 1)) + text.encode()

    specs = ["", ">10", "<+#012,.3", "^=_x", "*^20", "0=8,d", "+.2e", "#o", "#X",
             "c", "n", "_b", ",", "z.1f", ".0%", "-<5s", ".3s", "\x00>3", "é<4"]
    for i, s in enumerate(specs):
        write("format", f"int_{i}", rec(0, -1234567, s))
        write("format", f"big_{i}", rec(1, 7, s))
        write("format", f"float_{i}", rec(2, struct.unpack("<Q", struct.pack("<d", -1234.5678))[0], s + "g"))
        write("format", f"str_{i}", rec(3, 0, s))
    percents = ["%d %r %s", "%(a)s %(bb)d", "%-*.*f", "%#x %o %c", "%5.2e%%", "%(", "%.*s",
                "%+ 0#10.3g", "%c%c", "%ld %hi %Lu"]
    for i, s in enumerate(percents):
        write("format", f"pct_{i}", rec(4, 0x4010000000000007, s))
        write("format", f"pctmap_{i}", rec(5, 3, s))
    numbers = ["0x_1f", "  -0b101 ", "1_000", "0o777", "٣٤", "1e5", "  +.5e-3 ", "inf",
               "-nan", "1__0", "9" * 50]
    for i, s in enumerate(numbers):
        write("format", f"int_parse_{i}", rec(6, 0, s))
        write("format", f"float_parse_{i}", rec(7, 0, s))
    for i, f in enumerate([0.1, 1e16, 5e-324, 1.7976931348623157e308, -0.0, 2.5, 1e22]):
        bits = struct.unpack("<Q", struct.pack("<d", f))[0]
        write("format", f"repr_{i}", rec(8, bits, "x"))
        write("format", f"round_{i}", rec(9, bits, ""))


if __name__ == "__main__":
    seed_compile()
    seed_format()
    for t in ("compile", "format"):
        print(t, len(list((CORPUS / t).iterdir())), "seeds")

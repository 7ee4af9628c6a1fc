"""Kiln's io.StringIO / BytesIO against CPython's."""

import io as ref
import random

from _load import check, finish, load, outcome

mine = load("io")
rng = random.Random(11)

for trial in range(150):
    init = rng.choice(["", "abc", "line1\nline2\n\nlast", "x\r\ny\rz"])
    newline = rng.choice(["\n", "\n", None, "", "\r\n"])
    s1 = mine.StringIO(init, newline); s2 = ref.StringIO(init, newline)
    for step in range(25):
        op = rng.choice(["write", "write", "read", "readline", "seek", "tell", "getvalue",
                         "truncate", "readlines", "iter"])
        if op == "write":
            args = (rng.choice(["hi", "a\nb", "\n", "", "long text here\n"]),)
        elif op in ("read", "readline"):
            args = (rng.choice([-1, 0, 1, 3, 100, None]),)
        elif op == "seek":
            args = (rng.choice([0, 2, 5, 40]),)
        elif op == "truncate":
            args = (rng.choice([None, 0, 3, 50]),)
        else:
            args = ()
        if op == "iter":
            r1 = list(s1); r2 = list(s2)
        else:
            r1 = outcome(getattr(s1, op), *args); r2 = outcome(getattr(s2, op), *args)
        check("stringio %r %s%r" % (newline, op, args), r1, r2)
        check("stringio tell", s1.tell(), s2.tell())
check("write non-str", outcome(mine.StringIO().write, 5), outcome(ref.StringIO().write, 5))
check("init non-str", outcome(mine.StringIO, 5), outcome(ref.StringIO, 5))
s = mine.StringIO()
s.close()
check("closed", (s.closed, outcome(s.write, "x")), (True, outcome(ref.StringIO().write, 5)[:1] and
      ("raise", "ValueError", "I/O operation on closed file.")))
check("cur seek", outcome(mine.StringIO("ab").seek, 1, 1)[:2], outcome(ref.StringIO("ab").seek, 1, 1)[:2])
with mine.StringIO() as f:
    print("printed", 1, file=f)
    check("print to", f.getvalue(), "printed 1\n")

for trial in range(60):
    b1 = mine.BytesIO(b"abc\ndef"); b2 = ref.BytesIO(b"abc\ndef")
    for step in range(20):
        op = rng.choice(["write", "read", "readline", "seek", "tell", "getvalue", "truncate"])
        if op == "write":
            args = (rng.choice([b"xy", b"\n", b"", b"0123456789"]),)
        elif op in ("read", "readline"):
            args = (rng.choice([-1, 0, 2, 50]),)
        elif op == "seek":
            args = (rng.choice([0, 3, 20]), rng.choice([0, 0, 1, 2]))
        elif op == "truncate":
            args = (rng.choice([None, 2]),)
        else:
            args = ()
        check("bytesio %s%r" % (op, args), outcome(getattr(b1, op), *args), outcome(getattr(b2, op), *args))
finish("io")

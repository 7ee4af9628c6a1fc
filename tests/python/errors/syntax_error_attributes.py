# SyntaxError's location attributes and str(), from compile(), exec() and
# from the constructor.

def show(src, filename="dir/m.py"):
    try:
        compile(src, filename, "exec")
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset, repr(e.text), e.filename)
        print("  str:", str(e))
        print("  args[0]:", e.args[0], "details:", len(e.args[1]))
        print("  print_file_and_line:", e.print_file_and_line)
    else:
        print("compiled", repr(src))

show("x = (1,")
show("x = (1,\n")
show("a b\n")
show("def f(:\n pass\n")
show("1 = 2\n")
show("if x:\npass\n")
show("x=1\n    y=2\n")
show("x=1\n\ty=2\n")
show("f(**x, *y)", "plain.py")
show("x = 1\n")

try:
    exec("for in range(3): pass")
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset, e.filename, str(e))

e = SyntaxError("bad", ("pkg/f.py", 3, 4, "abc\n", 3, 6))
print(e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
print(str(e), e.args)
print(repr(SyntaxError("bad", ("f.py", 3, 4, "abc\n"))))
print(SyntaxError("bad", ("f.py", 3, 4, "abc\n")).end_lineno)

e = SyntaxError("only")
print(e.msg, e.filename, e.lineno, e.offset, e.text, str(e))
print(str(SyntaxError("no line", ("f.py", None, None, None))))
print(str(SyntaxError("no file", (None, 7, None, None))))
print(str(SyntaxError()), SyntaxError().msg)

class MyError(SyntaxError):
    pass

try:
    raise MyError("mine", ("x/y.py", 9, 1, "z\n"))
except SyntaxError as e:
    print(type(e).__name__, e.lineno, str(e), isinstance(e, MyError))

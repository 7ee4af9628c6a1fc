# A SyntaxError from exec() that nobody catches: the traceback, then the
# location, the source line and the caret.

def run(src):
    exec(src)

print("before")
run("x = 1\ny = (2 +\n3 ++ )\n")

print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("[i for i in range(3)]"))
ns = {}
exec("def f(a):\n    return a + 1\nresult = f(41)", ns)
print(ns["result"], ns["f"](1))
code = compile("y = 5\nz = y * y", "<string>", "exec")
g = {}
exec(code, g)
print(g["z"])

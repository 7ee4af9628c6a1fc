x = "global"
r = [x for x in range(3)]
print(r, x)
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(C.doubled)
n = 5
print([n * i for i in range(3)], [[n + j for j in range(i)] for i in range(3)])

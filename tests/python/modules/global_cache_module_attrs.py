# A module's functions see its globals rebound from outside, via setattr
# on the module, its __dict__, or `del`, even after they ran (and cached).
import gcache_mod.consts as m

for _ in range(3):
    print(m.get_x(), m.scaled(4))
m.x = 2
print(m.get_x(), m.scaled(4))
m.__dict__["x"] = 3
print(m.get_x(), m.scaled(4))
setattr(m, "x", 4)
print(m.get_x())
del m.x
try:
    m.get_x()
except NameError as e:
    print("NameError", e)
m.x = 5
print(m.get_x())

for _ in range(2):
    try:
        m.maybe_missing()
    except NameError as e:
        print("NameError", e)
m.missing_name = "now here"
print(m.maybe_missing())
del m.missing_name
try:
    m.maybe_missing()
except NameError as e:
    print("NameError", e)

# Same name in the importing module does not leak into the module's view.
x = "main"
print(m.get_x(), x)

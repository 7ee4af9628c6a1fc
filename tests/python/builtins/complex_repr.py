# repr/str/format of complex numbers: float repr rules for each part, the
# real part left out when it is +0.0, signs of zeros, nan/inf, exponents.
nan = float("nan")
inf = float("inf")
parts = [0.0, -0.0, 1.0, -1.0, 2.5, 1e16, 1e-5, 1e300, 123456789.125, 0.1, nan, -nan, inf, -inf,
         1e22, 5e-324, 100.0]
for re in parts:
    for im in parts:
        z = complex(re, im)
        print(repr(z), str(z), format(z), f"{z}")
print(2j, -2j, 1e3j, 2.5j, 1e300j, 0j, -0j, -(0j), 1 + 0j, (1 + 2j), [1j, -1j], (1j,), {1j: 2j})
print(repr(1e16j), repr(1e15j), repr(0.0001j), repr(0.00001j))

specs = ["", "#", ".2", ".0", "#.0", ".2f", ".0f", "#.0f", ".3e", "E", "g", "G", ".3g", "#g", "n",
         "+", " ", "-", "+.2f", " .1e", "10", "<30", ">30", "^30", "*^30.2f", "_<25", ",", ",.2f",
         "_.3f", "z.1f", "z", "+g", "30.3", "f", "F", "e"]
values = [1 + 2j, -1.5 - 2.25j, 1234567.5j, complex(-0.0, 1234567.5), 1e20j, complex(-0.0, -0.0),
          complex(nan, inf), complex(-inf, -nan), complex(0.5, -0.0), 3.0 + 0j, 1e-7 + 1e7j]
for sp in specs:
    print(repr(sp), [format(v, sp) for v in values])
print("%s %r" % (1j, 1 - 1j), "{} {!r} {:.2f} {:>12}".format(1j, 2 + 3j, 1.5j, -1j))
print(f"{1+2j:>12.3f}|{3j!r}|{-1j}|{complex(1, -0.0)!s}")

class C(complex):
    pass

c = C(1, 2)
print(repr(c), str(c), format(c, ".1f"), type(c).__name__)

class R(complex):
    def __repr__(self):
        return "R!"

print(repr(R(1, 2)), str(R(1, 2)), [R(3)])

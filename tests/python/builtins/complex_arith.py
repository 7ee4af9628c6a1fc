# Complex arithmetic: + - * / ** with int/float/complex on both sides,
# CPython's algorithms (signs of zeros, division scaling, integer powers).
nan = float("nan")
inf = float("inf")


def show(label, v):
    if isinstance(v, complex):
        h = "-" if v != v else hash(v)  # NaN hashes are per object
        print(label, repr(v), repr(v.real), repr(v.imag), h)
    else:
        print(label, repr(v))


vals = [0j, 1j, -1j, 1 + 2j, -3.5 + 0.25j, complex(-0.0, -0.0), complex(0.0, -0.0),
        complex(-0.0, 0.0), 2, -7, 0, 1.5, -0.0, True, 10**15]
for a in vals:
    for b in vals:
        if not (isinstance(a, complex) or isinstance(b, complex)):
            continue
        show("add", a + b)
        show("sub", a - b)
        show("mul", a * b)
        try:
            show("div", a / b)
        except ZeroDivisionError as e:
            print("div ZeroDivisionError", e)

z = 1.1 + 0.3j
for n in [0, 1, 2, 3, 7, 50, 100, 101, -1, -3, -100, -101, 2.0, 0.5, -0.5, 200, 1e-3]:
    show("pow %r" % (n,), z ** n)
show("powc", (1 + 1j) ** (1 + 1j))
show("int**c", 2 ** (1 + 1j))
show("float**c", 2.5 ** 1j)
show("j**j", 1j ** 1j)
show("j**2", 1j ** 2)
show("j**3", 1j ** 3)
show("j**-1", 1j ** -1)
show("0j**0", 0j ** 0)
show("0j**0j", 0j ** 0j)
show("0j**2", 0j ** 2)
show("0j**2.5", 0j ** 2.5)
show("big**2", (1e200 + 1e200j) ** 2)
show("inf**2", complex(inf, 0) ** 2)
show("c3**101", complex(3, 0) ** complex(101, 0))
show("c3**100", complex(3, 0) ** complex(100, 0))
show("neg**half", (-1 + 0j) ** 0.5)
show("4**halfj", 4 ** 0.5j)
show("pow()", pow(1 + 2j, 2))
show("pow(None)", pow(1 + 2j, 3, None))

# division corner cases
show("d1", (1 + 2j) / (3 + 4j))
show("d2", (1 + 2j) / 3)
show("d3", 3 / (1 + 2j))
show("d4", 1e300j / 1e-300j)
show("d5", (1 + 2j) / complex(nan, 0))
show("d6", (1 + 2j) / complex(0, 2))
show("d7", (1 + 2j) / complex(inf, 1))
show("d8", (1e308 + 1e308j) / (1e308 + 1e308j))
show("d9", complex(1, 1) / complex(1e-320, 1e-320))
show("d10", 1 / complex(-0.0, 1))
show("d11", -1.5 / 1j)

# unary, abs, bool
for v in [0j, 1j, -1j, complex(-0.0, 0.0), complex(0.0, -0.0), 3 + 4j, complex(nan, 1),
          complex(inf, nan), complex(1e308, 1e308) / 2]:
    show("neg", -v)
    show("pos", +v)
    try:
        show("abs", abs(v))
    except OverflowError as e:
        print("abs OverflowError", e)
    print("bool", bool(v))
show("abs5", abs(-3 - 4j))
show("abs_big", abs(1e300 + 1e300j))

# augmented assignment and mixed accumulation
x = 1 + 2j
x += 1
x *= 2j
x /= 2
x **= 2
x -= 1j
show("aug", x)
show("sum", sum([1j, 2, 3.5, -1 - 1j]))
acc = 0j
for k in range(1, 20):
    acc = acc * (0.5 + 0.5j) + k
show("acc", acc)

# negative float base to a fractional power is complex
show("p1", (-8) ** (1 / 3))
show("p2", pow(-8, 1 / 3))
show("p3", (-2.0) ** -0.5)
show("p4", (-1) ** 0.5)
show("p5", (-1e300) ** 0.5)
show("p6", (-2) ** float("inf"))
show("p7", (-0.5) ** float("inf"))
show("p8", (-1) ** float("inf"))
show("p9", float("-inf") ** 0.5)
show("p10", float("-inf") ** -0.5)
show("p11", (-2.0) ** 2.0)
show("p12", (-2) ** -2)

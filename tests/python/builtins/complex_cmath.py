# cmath: special values (infinities, NaNs, signed zeros) of sqrt/exp/log/
# log10/rect/polar/phase, argument conversion, errors, and a sweep of
# pseudo-random values through cmath and the complex operators.
import cmath
inf = float("inf"); nan = float("nan")
vals = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, inf, -inf, nan]
for name in ["sqrt", "exp", "log", "log10"]:
    f = getattr(cmath, name)
    for a in vals:
        row = []
        for b in vals:
            try:
                row.append(repr(f(complex(a, b))))
            except Exception as e:
                row.append(type(e).__name__[:5])
        print(name, a, row)
for a in vals:
    row = []
    for b in vals:
        try: row.append(repr(cmath.rect(a, b)))
        except Exception as e: row.append(type(e).__name__[:5])
    print("rect", a, row)
for a in vals:
    row = []
    for b in vals:
        try: row.append(repr(cmath.polar(complex(a, b))) + repr(cmath.phase(complex(a,b))))
        except Exception as e: row.append(type(e).__name__[:5])
    print("polar", a, row)
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
class C:
    def __complex__(self): return 1j
class F:
    def __float__(self): return 4.0
class I:
    def __index__(self): return 9
t(lambda: cmath.sqrt("1"))
t(lambda: cmath.sqrt(None))
t(lambda: cmath.sqrt(C()))
t(lambda: cmath.sqrt(F()))
t(lambda: cmath.sqrt(I()))
t(lambda: cmath.sqrt(-4))
t(lambda: cmath.sqrt(10**400))
t(lambda: cmath.sqrt())
t(lambda: cmath.sqrt(1, 2))
t(lambda: cmath.exp(1000))
t(lambda: cmath.exp(complex(709.9, 1)))
t(lambda: cmath.log(0))
t(lambda: cmath.log(8, 2))
t(lambda: cmath.log(8, 1))
t(lambda: cmath.log(1j, 1j))
t(lambda: cmath.log(1e-320))
t(lambda: cmath.log(complex(1e308, 1e308)))
t(lambda: cmath.log(complex(0.9, 0.5)))
t(lambda: cmath.log10(100))
t(lambda: cmath.log(1, 2, 3))
t(lambda: cmath.polar(complex(1e308, 1e308)))
t(lambda: cmath.rect(1, "a"))
t(lambda: cmath.rect(2, cmath.pi / 2))
t(lambda: cmath.isclose(1j, 1j + 1e-10))
t(lambda: cmath.isclose(1j, 1.0001j, rel_tol=1e-3))
t(lambda: cmath.isclose(1j, 1j + 1e-10, rel_tol=-1))
t(lambda: cmath.isclose(1j, 1j, 1e-3))
t(lambda: cmath.isclose(complex(float('inf'), 1), complex(float('inf'), 1)))
t(lambda: cmath.isclose(complex(float('inf'), 1), complex(float('inf'), 2)))
t(lambda: cmath.isclose(0, 1e-10, abs_tol=1e-9))
t(lambda: cmath.isclose(1, 2, foo=1))
t(lambda: (cmath.isnan(complex(1, float('nan'))), cmath.isinf(complex(float('inf'), float('nan'))), cmath.isfinite(1j), cmath.isfinite(complex(float('nan'), 0))))
t(lambda: (cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj))
t(lambda: cmath.sqrt(complex(1e-310, 1e-310)))
t(lambda: cmath.sqrt(complex(1e308, 1e308)))
t(lambda: cmath.sqrt(complex(-1e308, 1e-308)))
t(lambda: cmath.phase(-1))
t(lambda: cmath.phase(complex(-1, -0.0)))
t(lambda: cmath.exp(1j * cmath.pi))
t(lambda: cmath.rect(1))
t(lambda: cmath.phase())
t(lambda: cmath.polar(1, 2))
t(lambda: cmath.isnan())
t(lambda: cmath.exp(x=1))
t(lambda: cmath.log())
t(lambda: cmath.log(x=8, base=2))
t(lambda: cmath.log(8, base=2))
t(lambda: cmath.sqrt(True))
t(lambda: cmath.isclose(1j))
t(lambda: cmath.isclose(1j, 2j, abs_tol="x"))
seed = 12345
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return seed
def val():
    r = rnd()
    m = (r >> 11) / (1 << 53)
    e = (r & 0x7ff) % 40 - 20
    kind = r % 7
    if kind == 0: e = (r & 0x7ff) - 1024 if (r & 0x7ff) < 2000 else 300
    s = -1 if (r >> 5) & 1 else 1
    return s * m * 10.0 ** (e % 300 if kind == 0 else e)
out = []
for i in range(400):
    a = complex(val(), val()); b = complex(val(), val())
    for f in (cmath.sqrt, cmath.exp, cmath.log, cmath.log10, cmath.polar):
        try: out.append(repr(f(a)))
        except Exception as e: out.append(type(e).__name__)
    for op in (lambda: a / b, lambda: a * b, lambda: a ** b, lambda: a ** 3, lambda: a ** -7, lambda: abs(a), lambda: cmath.rect(a.real, a.imag), lambda: cmath.log(a, b), lambda: hash(a), lambda: format(a, '.5g'), lambda: complex(repr(a)) == a):
        try: out.append(repr(op()))
        except Exception as e: out.append(type(e).__name__)
print(len(out))
print("\n".join(out))

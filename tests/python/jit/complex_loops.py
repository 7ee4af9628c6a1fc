# Hot loops over complex numbers (traced and compiled by the JIT): a
# Mandelbrot set, a polynomial evaluated by Horner's rule, powers and
# mixed int/float/complex accumulation with data-dependent branches.
def mandel(w, h, limit):
    rows = []
    for y in range(h):
        row = []
        for x in range(w):
            c = complex(-2.0 + 3.0 * x / w, -1.2 + 2.4 * y / h)
            z = 0j
            n = 0
            while n < limit and abs(z) <= 2.0:
                z = z * z + c
                n += 1
            row.append("#" if n == limit else " .:-=+*%@"[n % 9])
        rows.append("".join(row))
    return rows


for r in mandel(60, 24, 60):
    print(r)


def horner(coeffs, z):
    acc = 0j
    for c in coeffs:
        acc = acc * z + c
    return acc


coeffs = [1, -2.5, 3j, 0.5 - 1j, 7, -1j]
total = 0j
for k in range(2000):
    z = complex(k % 7 - 3, (k % 5) * 0.25)
    v = horner(coeffs, z)
    if abs(v) > 50:
        total += v / 1000
    elif v.imag < 0:
        total -= v.conjugate()
    else:
        total += 1
print(repr(total))

acc = 1 + 0j
mix = 0
for i in range(1, 3000):
    w = (1 + 1j) ** (i % 9) / (i % 4 + 1j)
    acc = acc * 0.999 + w * 1e-3
    if i % 3 == 0:
        mix = mix + i
    elif i % 3 == 1:
        mix = mix + 0.5
    else:
        mix = mix + 1j
print(repr(acc), repr(mix), hash(acc) == hash(complex(acc.real, acc.imag)))

vals = [complex(i, -i) for i in range(500)]
s = sum(vals)
p = 1 + 0j
for v in vals[1:40]:
    p *= v / abs(v)
print(repr(s), repr(p), len({v for v in vals}), max(vals, key=abs))

from fractions import Fraction
def det(m):
    m = [[Fraction(x) for x in row] for row in m]
    n, d = len(m), Fraction(1)
    for c in range(n):
        p = next((r for r in range(c, n) if m[r][c] != 0), None)
        if p is None:
            return Fraction(0)
        if p != c:
            m[c], m[p] = m[p], m[c]
            d = -d
        d *= m[c][c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            for k in range(c, n):
                m[r][k] -= f * m[c][k]
    return d
print(det([[1, 2], [3, 4]]), det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]), det([[1, 2], [2, 4]]))
hilbert = [[Fraction(1, i + j + 1) for j in range(5)] for i in range(5)]
print(det(hilbert), float(det(hilbert)))
print(Fraction(3, 4) + Fraction(1, 6), Fraction("0.125"), Fraction(1, 3) * 3 == 1)

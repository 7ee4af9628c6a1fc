# Floor division and modulo follow the sign of the divisor.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (0, -5), (1, 3), (-1, 3), (6, 3), (-6, 3)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b))
    assert (a // b) * b + a % b == a
big = 10 ** 30 + 7
for b in (3, -3, 10 ** 15, -(10 ** 15)):
    print(big // b, big % b, (-big) // b, (-big) % b)

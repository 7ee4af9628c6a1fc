# complex with the library: copy, operator, itertools, fractions, sum().
import copy, operator, fractions, itertools
print(copy.copy(1j), copy.deepcopy([1j, 2+3j]), operator.add(1j, 2), operator.mul(2j, 2j), operator.truediv(1, 2j), operator.pow(1j, 2), operator.neg(1j), operator.abs(3+4j))
print(list(itertools.accumulate([1j, 2, 3j])))
print(fractions.Fraction(1, 2) + 1j)
print(1j * fractions.Fraction(1, 2))
print(fractions.Fraction(1, 2) == complex(0.5, 0))
print(sum([1j] * 10, 0j), sum(1j for _ in range(3)))
F = fractions.Fraction
print(F(1, 2) - 1j, 1j - F(1, 2), F(3, 4) * 2j, 2j * F(3, 4), F(1, 2) / 1j, 1j / F(1, 2), F(1, 4) ** 0.5j)
print(F(1, 2) == 0.5 + 0j, 0.5 + 0j == F(1, 2), F(1, 2) == 0.5 + 1j, F(1, 2) != 0.5 + 1j, F(2) == 2 + 0j)

import math
print(math.floor(3.7), math.ceil(3.2), math.floor(-3.7), math.trunc(3.9), math.gcd(48, 18), math.isqrt(99))
print(math.sqrt(16), math.pow(2, 0.5), math.exp(0), math.log(math.e), math.log(100, 10), math.log1p(0))
print(math.inf, -math.inf, math.isnan(math.nan), math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1))
print(math.factorial(10), math.comb(52, 5), math.perm(10, 3), math.fsum([0.1] * 10), math.dist([0, 0], [3, 4]))
print(math.sin(math.pi / 2), round(math.cos(math.pi), 10), math.atan(1) * 4 == math.pi, math.asin(1), math.acos(1))
print(math.sinh(1), math.cosh(1), math.tanh(0.5), math.erf(0.5), math.gamma(5), math.lgamma(10))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)

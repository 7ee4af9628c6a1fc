import math
print(math.sqrt(2), math.exp(1), math.log(10), math.log(8, 2), math.log10(1000), math.log2(1024))
print(math.sin(0.5), math.cos(0.5), math.tan(0.5), math.atan2(1, -1), math.hypot(3, 4))
print(math.pi, math.e, math.tau, math.degrees(math.pi), math.radians(180))
print(math.pow(2, 10), math.fabs(-3), math.copysign(3, -0.0), math.fmod(-7, 3))
print(math.factorial(20), math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]))
print(math.modf(3.75), math.frexp(8.0), math.ldexp(0.5, 4))

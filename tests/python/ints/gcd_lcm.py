import math
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
pairs = [(12, 18), (17, 5), (0, 9), (-12, 18), (2 ** 64, 2 ** 40 * 3), (123456789, 987654321)]
for a, b in pairs:
    print(a, b, gcd(a, b), math.gcd(a, b), math.lcm(a, b))

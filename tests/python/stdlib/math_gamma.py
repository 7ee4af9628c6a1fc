# gamma and lgamma agree with CPython to the last digit (CPython computes
# them with its own Lanczos approximation, not the C library's).
import math
xs = [0.5, 1.5, 2.5, 3.3, 7.25, 17.85420996178493, 18.468408577163956, 25.5, 100.1,
      141.5, 171.2, -0.5, -1.5, -2.25, -10.1, -150.3, -199.9, 1e-21, -1e-21]
for x in xs:
    print(x, math.gamma(x), math.lgamma(x))
print(math.gamma(5), math.gamma(23), math.lgamma(1), math.lgamma(2), math.lgamma(1e300))
print(math.gamma(math.inf), math.lgamma(-math.inf), math.gamma(math.nan), math.gamma(-210.5))
for f, x in [(math.gamma, 0), (math.gamma, -3), (math.lgamma, 0), (math.lgamma, -2.0),
             (math.gamma, -math.inf), (math.gamma, 172), (math.gamma, 1e-320)]:
    try:
        print(f(x))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
# Shortest float reprs pick the even digit on an exact tie.
print(234477805999924.125, 234477805999924.375, 1367866322474964.25)

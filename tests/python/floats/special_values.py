inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, repr(inf), float("-inf"), float("Infinity"))
print(inf > 1e308, -inf < -1e308, nan == nan, nan != nan, inf == inf)
print(inf + 1, inf - inf, inf * 0, -inf * -1)
import math
print(math.isinf(inf), math.isnan(nan), math.isfinite(1.0), math.isfinite(inf))
print(1e308 * 10, -1e308 * 10)

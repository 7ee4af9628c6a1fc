s = 0.0
for i in range(1, 1001):
    s += 1.0 / i
print(s)
t = 0.0
for i in range(10):
    t += 0.1
print(t, t == 1.0, abs(t - 1.0) < 1e-9)
import math
print(math.fsum([0.1] * 10), sum([0.1] * 10))

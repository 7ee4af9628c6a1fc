FACTOR = 2
def scale(v):
    return v * FACTOR
out = 0
for i in range(4000):
    out += scale(i)
    if i == 3000:
        FACTOR = 0.5
print(out)
import math
acc = 0.0
for i in range(2000):
    acc += math.sqrt(i)
    if i == 1000:
        math.sqrt = lambda v: 0.0
print(acc)

# 100 million short-lived objects (instances plus their int boxes): peak
# RSS must stay small. Measure with:
#   /usr/bin/time -v target/release/kiln --jit off bench/rss_objects.py

class P:
    def __init__(self, v):
        self.v = v
t = 0
for i in range(100_000_000):
    p = P(i)
    t += p.v & 1
print(t)

l = []
for i in range(10000):
    l.append(i * i % 97)
print(len(l), sum(l), l[-5:])
d = {}
for i in range(5000):
    d[i % 100] = d.get(i % 100, 0) + i
print(len(d), d[0], d[99], sum(d.values()))
s = set()
for i in range(5000):
    s.add(i * 7 % 1000)
print(len(s), min(s), max(s))

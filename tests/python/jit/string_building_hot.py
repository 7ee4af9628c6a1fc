s = ""
for i in range(3000):
    s += chr(97 + i % 26)
print(len(s), s[-10:], s.count("z"))
parts = []
for i in range(2000):
    parts.append(str(i))
j = ",".join(parts)
print(len(j), j[:20], hash(j) == hash(",".join(parts)))

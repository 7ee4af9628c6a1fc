parts = []
for i in range(200):
    parts.append(chr(ord("a") + i % 26))
s = "".join(parts)
print(len(s), s[:30], s.count("a"))
acc = ""
for w in ["alpha", "beta", "gamma"] * 3:
    acc += w[0].upper() + w[1:] + " "
print(acc.rstrip())

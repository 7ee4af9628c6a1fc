s = "mississippi"
counts = {}
for ch in s:
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(list(s), tuple("ab"), set("aab") == {"a", "b"}, sorted(set(s)))
print([c for c in s if c in "sp"], list(enumerate("abc")), list(reversed("abc")))

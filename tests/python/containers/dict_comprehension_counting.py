text = "it was the best of times it was the worst of times"
freq = {}
for w in text.split():
    freq[w] = freq.get(w, 0) + 1
inv = {}
for w, c in freq.items():
    inv.setdefault(c, []).append(w)
print(freq)
print(inv)
print({k: v for k, v in freq.items() if v > 1})
print(max(freq, key=freq.get), sorted(freq, key=lambda w: (freq[w], w))[:3])

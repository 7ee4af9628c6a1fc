d = {}
words = "the cat sat on the mat with the hat".split()
for w in words:
    d[w] = d.get(w, 0) + 1
print(d)
print(sorted(d.items(), key=lambda kv: (-kv[1], kv[0])))
print("cat" in d, "dog" in d, hash("abc") == hash("ab" + "c"))

words = "to be or not to be that is the question".split()
u = set(words)
print(len(u), sorted(u), sorted(u, key=lambda w: (len(w), w)), sorted(u, key=lambda w: (-len(w), w)))
print(sorted(set("hello") & set("world")), "be" in u)

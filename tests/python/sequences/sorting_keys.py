people = [("ann", 31), ("bob", 25), ("cy", 31), ("dee", 19), ("ed", 25)]
print(sorted(people))
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
words = ["banana", "Pie", "apple", "cherry", "fig", "Date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
l = [5, 2, 8, 1]
l.sort(reverse=True)
print(l, sorted("hello"), sorted({3: 1, 1: 2}), sorted([]))

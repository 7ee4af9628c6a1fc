l = [3, 1, 4, 1, 5, 9, 2, 6]
l.append(5); print(l)
l.extend([3, 5]); print(l)
l.insert(0, 0); l.insert(100, 99); l.insert(-1, 98); print(l)
print(l.pop(), l.pop(0), l.pop(2), l)
l.remove(1); print(l, l.index(5), l.index(5, 5), l.count(5))
l.reverse(); print(l)
l.sort(); print(l)
c = l.copy(); c.clear(); print(c, l[:3])
try:
    l.remove(42)
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)

from array import array
a = array("i", [1, 2, 3])
a.append(4)
a.extend([5, 6])
print(a, a[0], a[-1], len(a), sum(a), a.tolist(), a.typecode, a.itemsize)
d = array("d", [1.5, 2.5])
d[0] = 9.25
print(d, d.tolist(), array("b", b"\x01\x02"), a[1:3])
try:
    a.append(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    array("b", [200])
except OverflowError as e:
    print("OverflowError:", e)

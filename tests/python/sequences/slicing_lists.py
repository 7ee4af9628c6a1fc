l = list(range(10))
print(l[2:5], l[:3], l[7:], l[-3:], l[::3], l[::-1], l[8:2:-2], l[-1:-4:-1], l[5:5], l[20:30])
s = slice(1, 8, 2)
print(l[s], s.start, s.stop, s.step, s.indices(5))
l2 = l[:]
l2[2:5] = []
print(l2)
l2[1:1] = [100, 200]
print(l2)
l2[::2] = [0] * len(l2[::2])
print(l2)
try:
    l2[::2] = [1]
except ValueError as e:
    print("ValueError:", e)

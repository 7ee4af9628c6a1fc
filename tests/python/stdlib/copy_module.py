import copy
a = [[1, 2], {"k": [3]}]
s = copy.copy(a)
d = copy.deepcopy(a)
a[0].append(9)
a[1]["k"].append(4)
print(a, s, d, s[0] is a[0], d[0] is a[0])
class N:
    def __init__(self):
        self.kids = []
n = N(); n.kids.append(N())
m = copy.deepcopy(n)
print(len(m.kids), m.kids[0] is n.kids[0])

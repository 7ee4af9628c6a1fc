l = [1]
l += [2, 3]
l *= 2
print(l)
s = "ab"
s += "c"
s *= 2
print(s)
t = (1,)
t += (2,)
print(t)
d = {"a": 1}
d |= {"b": 2}
print(d)
st = {1}
st |= {2}; st &= {2, 3}; st ^= {5}
print(sorted(st))
class Box:
    def __init__(self):
        self.v = [0]
b = Box()
b.v[0] += 5
b.v += [1]
print(b.v)

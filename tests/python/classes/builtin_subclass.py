class MyList(list):
    def total(self):
        return sum(self)
class MyDict(dict):
    def __missing__(self, k):
        return k * 2
class Upper(str):
    def shout(self):
        return self.upper() + "!"
m = MyList([1, 2, 3])
m.append(4)
print(m, m.total(), len(m), isinstance(m, list), type(m).__name__)
d = MyDict(a=1)
print(d["a"], d["zz"], d)
u = Upper("hey")
print(u.shout(), u + "x", len(u))

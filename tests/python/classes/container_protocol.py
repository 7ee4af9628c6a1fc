class Bag:
    def __init__(self):
        self.items = {}
    def __getitem__(self, k):
        return self.items[k]
    def __setitem__(self, k, v):
        self.items[k] = v
    def __delitem__(self, k):
        del self.items[k]
    def __len__(self):
        return len(self.items)
    def __contains__(self, k):
        return k in self.items
    def __iter__(self):
        return iter(sorted(self.items))
    def __bool__(self):
        return bool(self.items)
b = Bag()
print(bool(b), len(b))
b["x"] = 1; b["a"] = 2; b["m"] = 3
del b["m"]
print(b["x"], len(b), "a" in b, "m" in b, list(b), bool(b))
try:
    b["nope"]
except KeyError as e:
    print("KeyError:", e)
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq(), [x for x in Seq()])

class C:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
c = C(7)
m = c.get
print(m(), C.get(c), m.__self__ is c, m.__func__ is C.get)
fs = [C(i).get for i in range(3)]
print([f() for f in fs])
c.get = lambda: "instance override"
print(c.get(), C.get(c))

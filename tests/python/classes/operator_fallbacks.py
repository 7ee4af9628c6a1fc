class A:
    def __add__(self, o):
        return NotImplemented
    def __eq__(self, o):
        return NotImplemented
class B:
    def __radd__(self, o):
        return "B.radd"
    def __eq__(self, o):
        return "B.eq"
print(A() + B(), A() == B())
try:
    A() + A()
except TypeError as e:
    print("TypeError:", e)
print(A() == A(), A() != A())
class N:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
print(N(2) > N(1), sorted([N(3), N(1)], key=lambda n: n.v)[0].v)
try:
    N(1) <= N(2)
except TypeError as e:
    print("TypeError:", e)

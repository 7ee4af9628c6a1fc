class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
p = Point(3, 4)
q = p.moved(1, 1)
print(p.x, p.y, p.norm2(), q.x, q.y, Point.dims, p.dims, type(p).__name__, isinstance(p, Point))
p.z = 10
print(p.z, hasattr(p, "z"), hasattr(q, "z"), getattr(q, "z", "none"), sorted(vars(p)))
Point.dims = 3
print(p.dims, q.dims)
p.dims = 9
print(p.dims, q.dims, Point.dims)

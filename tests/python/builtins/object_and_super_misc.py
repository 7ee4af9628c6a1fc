o = object()
print(type(o).__name__, isinstance(o, object), o == o, o != object())
class A:
    def hi(self):
        return "A"
class B(A):
    def hi(self):
        return "B" + super(B, self).hi()
print(B().hi(), super(B, B()).hi())
print(object.__name__, A.__base__.__name__, B.__base__.__name__)

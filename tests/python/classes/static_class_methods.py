class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
    @classmethod
    def make(cls):
        return cls()
    @classmethod
    def count(cls):
        return cls.instances
    @staticmethod
    def helper(x, y):
        return x * y
class Sub(Counter):
    pass
Counter(); Counter.make(); s = Sub.make()
print(Counter.count(), Sub.count(), type(s).__name__, Counter.helper(3, 4), s.helper(2, 5))
print(isinstance(Counter.__dict__["helper"], staticmethod), isinstance(Counter.__dict__["make"], classmethod))

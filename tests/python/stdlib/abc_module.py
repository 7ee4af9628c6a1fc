import abc
class Base(abc.ABC):
    @abc.abstractmethod
    def run(self):
        pass
    @property
    @abc.abstractmethod
    def name(self):
        pass
class Impl(Base):
    def run(self):
        return "running"
    @property
    def name(self):
        return "impl"
class Half(Base):
    def run(self):
        return "half"
print(Impl().run(), Impl().name, isinstance(Impl(), Base))
try:
    Half()
except TypeError as e:
    print("TypeError:", e)
class Meta(metaclass=abc.ABCMeta):
    pass
Meta.register(int)
print(isinstance(5, Meta), issubclass(str, Meta))

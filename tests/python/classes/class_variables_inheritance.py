class Base:
    registry = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Base.registry.append(cls.__name__)
class One(Base):
    pass
class Two(Base):
    pass
class Three(One):
    pass
print(Base.registry)
class Cfg:
    level = 1
class Child(Cfg):
    pass
Child.level = 5
print(Cfg.level, Child.level)
del Child.level
print(Child.level)

class C:
    def _get(self):
        return 42
    answer = property(_get, doc="the answer")
    def cm(cls):
        return cls.__name__
    cm = classmethod(cm)
    def sm(x):
        return x * 2
    sm = staticmethod(sm)
print(C().answer, C.cm(), C().cm(), C.sm(4), C().sm(5), C.answer.__doc__, type(C.answer).__name__)

class MyError(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
        self.msg = msg
    def __str__(self):
        return f"[{self.code}] {self.msg}"
class SubError(MyError):
    pass
try:
    raise SubError(42, "bad thing")
except MyError as e:
    print(e, e.args, e.code, type(e).__name__, isinstance(e, Exception))
e = ValueError("a", 1)
print(e.args, str(e), repr(e), str(ValueError()), repr(ValueError("x")), str(KeyError("k")))
class Plain(Exception):
    pass
print(repr(Plain()), str(Plain("m")), Plain("m").args)

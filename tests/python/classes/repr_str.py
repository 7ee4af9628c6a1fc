class Both:
    def __repr__(self):
        return "Both<repr>"
    def __str__(self):
        return "Both<str>"
class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"
class Neither:
    pass
b, r = Both(), ReprOnly()
print(b, r, [b, r], str(b), repr(b), f"{b} {b!r}", "%s %r" % (b, b))
print(str(r), (r,), {"k": b})
n = repr(Neither())
print(n.startswith("<__main__.Neither object at 0x"), n.endswith(">"))

print(str(42), str(-3.5), str(None), str(True), str([1, "a"]), str((1,)), str({"k": [1]}))
print(repr("x"), repr(42), ascii("héllo"), ascii("☃"), repr(b"x"))
print(str(b"abc", "ascii"), str(), str(""), int(str(123)) + 1)
print("%s|%r|%a" % ("é", "é", "é"))

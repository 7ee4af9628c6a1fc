print(repr("a'b"), repr(1.5), repr([1, "x"]), str(1.5), ascii("ü"), format(3.5, "06.2f"), format("x", ">3"))
print(repr(None), repr(True), repr(b"\x00"), repr(range(1, 5)), repr(range(3)), repr(slice(1, 2)))

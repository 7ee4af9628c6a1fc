print(int(), float(), str(), bool(), list(), tuple(), dict(), set(), frozenset(), bytes())
print(int("10", 2), float("3"), str(3), bool("0"), list("ab"), tuple([1]), dict(a=1), set([1, 1]), frozenset("a"))
print(complex(1, 2) if False else (1, 2), bytes([1]), bytearray(2))

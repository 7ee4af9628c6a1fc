print(True + 1, False - 1, True * False, True / 2, True // 1, -True, ~True, ~False)
print(True & False, True | False, True ^ True, type(True & False).__name__, type(True + 0).__name__)
print(sum([True, True, False, True]), int(True) == 1)
print(bool(0), bool(-1), bool(2 ** 100), bool(0.0), str(True), repr(False))

print(hash(0), hash(1), hash(-1), hash(2 ** 61 - 1), hash(2 ** 61), hash(10 ** 20) == hash(10 ** 20 % (2 ** 61 - 1)))
print(hash(1.0), hash(0.5), hash(-0.0), hash(True), hash(False), hash(()) == hash(()))
print(hash(float("inf")), hash(float("-inf")))

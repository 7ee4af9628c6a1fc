# Allocations far beyond any machine's memory raise MemoryError and the
# program goes on.
for make in (lambda: bytes(10**13), lambda: bytearray(10**13), lambda: [0] * 10**13,
             lambda: "ab" * 10**13, lambda: list(range(10**13))):
    try:
        make()
        print("allocated?")
    except MemoryError:
        print("MemoryError")
print("still running", len(bytes(10)))
try:
    b"xy" * (10 ** 13)
except MemoryError as e:
    print("bytes repetition:", repr(e), e.args)
print(b"" * 10 ** 15, bytearray(b"ab") * 2)

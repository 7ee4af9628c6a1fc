# Fills a dict with fresh lists until memory runs out (run under an
# address-space limit): a MemoryError to catch; then again, uncaught.
def grow():
    d = {}
    i = 0
    while True:
        d[i] = [i]
        i += 1


try:
    grow()
except MemoryError as e:
    print("caught", repr(e), True)
print("after", sum(range(10)))
grow()

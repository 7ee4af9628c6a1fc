# Doubles a string until memory runs out (run under an address-space
# limit): a MemoryError to catch; then again, uncaught: a traceback ending
# in MemoryError and exit status 1.
s = "ab"
try:
    while True:
        s = s + s
except MemoryError as e:
    print("caught", repr(e), len(s) > 10 ** 6)
s = None
print("after", sum(range(10)))
t = "xy"
while True:
    t = t + t

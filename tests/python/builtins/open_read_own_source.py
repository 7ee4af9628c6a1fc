with open(__file__) as f:
    lines = f.read().splitlines()
print(len(lines), lines[0])
with open(__file__, "rb") as f:
    head = f.read(10)
print(head, type(head).__name__)
f = open(__file__)
first = f.readline()
print(repr(first), f.closed)
f.close()
print(f.closed)

def parse(s):
    try:
        return int(s)
    except ValueError:
        return -1
vals = [str(i) if i % 10 else "x" + str(i) for i in range(5000)]
print(sum(parse(v) for v in vals))
caught = 0
for i in range(3000):
    try:
        if i % 1000 == 999:
            raise KeyError(i)
    except KeyError as e:
        caught += e.args[0]
print(caught)

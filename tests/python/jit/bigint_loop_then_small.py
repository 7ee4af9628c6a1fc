def run(start):
    x = start
    acc = 0
    for i in range(1500):
        x = (x * 31 + 7) % (2 ** 127 - 1) if x > 2 ** 40 else x * 31 + 7
        acc ^= x & 0xFFFF
    return acc, x % 1000
print(run(1), run(2 ** 100), run(5))

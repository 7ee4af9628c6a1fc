# A hot loop whose accumulator leaves the machine-word range part-way through.
x = 1
for i in range(200):
    x = x * 3 + i
    if i % 40 == 0:
        print(i, x)
print(x, x.bit_length())
y = 2 ** 62
total = 0
for i in range(3000):
    total += y
print(total, total // y)
z = 9223372036854775807 - 1000
for i in range(2000):
    z += 1
print(z, type(z).__name__)

a, b = 0, 1
for i in range(300):
    a, b = b, a + b
print(a)
print(a % 1000, a.bit_length(), len(str(a)))

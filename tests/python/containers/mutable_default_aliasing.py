a = [[]] * 3
a[0].append(1)
print(a)
b = [[] for _ in range(3)]
b[0].append(1)
print(b)
x = [1, 2]
y = x
z = x[:]
x.append(3)
print(x, y, z, x is y, x is z, x == z + [3])

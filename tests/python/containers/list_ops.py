a = [1, 2, 3]
b = a
b += [4]
print(a, a is b, a + [5], a * 2, [0] * 3, len(a), 3 in a, 7 not in a)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1, 2] == [1, 2], [[1]] == [[1]])
m = [[0] * 3 for _ in range(3)]
m[1][1] = 5
print(m, [row[:] for row in m] == m)
a[1:3] = ["x", "y", "z"]
print(a)
del a[::2]
print(a)
a[len(a):] = [7, 8]
print(a, list(range(3)) + list("ab"))

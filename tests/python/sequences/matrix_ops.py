def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
a = [[1, 2], [3, 4]]
b = [[5, 6], [7, 8]]
print(matmul(a, b))
t = list(map(list, zip(*a)))
print(t)
i = [[1 if r == c else 0 for c in range(3)] for r in range(3)]
print(i, matmul(i, i) == i)
p = a
for _ in range(10):
    p = matmul(p, a)
print(p)

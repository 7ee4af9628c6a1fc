count = 0
for i in range(200):
    for j in range(200):
        if (i * j) % 7 == 0:
            count += 1
        elif (i + j) % 11 == 0:
            count -= 1
print(count)
grid = [[(i * 31 + j * 17) % 10 for j in range(50)] for i in range(50)]
best = 0
for i in range(1, 49):
    for j in range(1, 49):
        s = grid[i - 1][j] + grid[i + 1][j] + grid[i][j - 1] + grid[i][j + 1]
        if s > best:
            best = s
print(best)

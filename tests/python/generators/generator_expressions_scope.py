x = 10
g = (x + i for i in range(3))
x = 100
print(list(g))
def make():
    y = 1
    return (y + i for i in range(3))
print(list(make()))
nested = [[i * j for j in range(3)] for i in range(3)]
print(nested, list(a for row in nested for a in row if a))

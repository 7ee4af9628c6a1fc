data = [3, 8, 1, 9, 4]
print([y for x in data if (y := x * 2) > 6])
total = 0
print([total := total + x for x in data], total)
if (n := len(data)) > 3:
    print("long list", n)
while (chunk := data[:2]):
    data = data[2:]
    print(chunk)

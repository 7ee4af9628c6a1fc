l = [1, 2, 3]
print(l[-3], l[-1])
for i in [3, -4, 100]:
    try:
        l[i]
    except IndexError as e:
        print("IndexError:", e)
try:
    l[1.0]
except TypeError as e:
    print("TypeError:", e)
try:
    (1, 2)[5]
except IndexError as e:
    print("IndexError:", e)
try:
    l[3] = 0
except IndexError as e:
    print("IndexError:", e)

print(7 / 2, -7 / 2, 1 / 3, 2 / 3, 10 / 5, 0 / 7)
print(10 ** 20 / 3, 2 ** 70 / 2 ** 69)
print(1 / 7 * 7, 22 / 7)
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(1 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(5 % 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

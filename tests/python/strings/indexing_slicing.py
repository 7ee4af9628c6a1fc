s = "Hello, World"
print(s[0], s[-1], s[3:8], s[:5], s[7:], s[::2], s[::-1], s[-5:-1], s[100:], s[2:100])
print(len(s), s[1:10:3], s[10:1:-2], s[:-100], s[-100:3])
try:
    s[50]
except IndexError as e:
    print("IndexError:", e)
try:
    s[0] = "h"
except TypeError as e:
    print("TypeError:", e)

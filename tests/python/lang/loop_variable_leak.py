for i in range(3):
    pass
print(i)
for j in []:
    pass
try:
    print(j)
except NameError as e:
    print("NameError:", e)
k = 0
while k < 3:
    k += 1
print(k)

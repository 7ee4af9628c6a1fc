l = []
for i in range(1000):
    l.append(i)
    if i % 3 == 0:
        l.pop(0)
print(len(l), l[:5], l[-5:], sum(l))
l2 = [0]
while len(l2) < 100:
    l2 = l2 + l2
print(len(l2))
l3 = list(range(20))
while l3:
    del l3[len(l3) // 2]
    if len(l3) % 5 == 0:
        print(l3)

class K:
    def f(self):
        return 1
k = K()
t = 0
for i in range(3000):
    t += k.f()
    if i == 1500:
        K.f = lambda self: 1000
print(t)
def helper():
    return 1
s = 0
for i in range(3000):
    s += helper()
    if i == 2000:
        def helper():
            return -1
print(s)

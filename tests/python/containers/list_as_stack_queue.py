stack = []
for i in range(5):
    stack.append(i * i)
out = []
while stack:
    out.append(stack.pop())
print(out)
from collections import deque
q = deque()
for i in range(5):
    q.append(i)
q.appendleft(-1)
print(q, q.popleft(), q.pop(), list(q), len(q))
q.rotate(2); print(q)
q.extendleft([10, 11]); print(q, q[0], q[-1])
d2 = deque([1, 2, 3], maxlen=3); d2.append(4); print(d2)

class Node:
    __slots__ = ("key", "val", "prev", "next")
    def __init__(self, key=None, val=None):
        self.key, self.val, self.prev, self.next = key, val, None, None
class LRU:
    def __init__(self, cap):
        self.cap = cap
        self.map = {}
        self.head, self.tail = Node(), Node()
        self.head.next, self.tail.prev = self.tail, self.head
        self.hits = self.misses = 0
    def _unlink(self, n):
        n.prev.next, n.next.prev = n.next, n.prev
    def _push(self, n):
        n.next, n.prev = self.head.next, self.head
        self.head.next.prev = n
        self.head.next = n
    def get(self, k):
        n = self.map.get(k)
        if n is None:
            self.misses += 1
            return None
        self.hits += 1
        self._unlink(n)
        self._push(n)
        return n.val
    def put(self, k, v):
        if k in self.map:
            n = self.map[k]
            n.val = v
            self._unlink(n)
            self._push(n)
            return
        if len(self.map) >= self.cap:
            old = self.tail.prev
            self._unlink(old)
            del self.map[old.key]
        n = Node(k, v)
        self.map[k] = n
        self._push(n)
    def keys(self):
        out, n = [], self.head.next
        while n is not self.tail:
            out.append(n.key)
            n = n.next
        return out
import random
rng = random.Random(5)
c = LRU(8)
for i in range(2000):
    k = int(rng.expovariate(0.1))
    if c.get(k) is None:
        c.put(k, k * k)
print(c.hits, c.misses, c.keys())

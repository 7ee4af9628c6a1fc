# Links millions of small instances until memory runs out (run under an
# address-space limit): a MemoryError to catch; then again, uncaught.
class Node:
    def __init__(self, nxt):
        self.nxt = nxt


def grow():
    n = None
    while True:
        n = Node(n)


try:
    grow()
except MemoryError as e:
    print("caught", repr(e), True)
print("after", sum(range(10)))
grow()

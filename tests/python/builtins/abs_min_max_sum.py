print(abs(-5), abs(3.5), abs(-0.0), abs(-(2 ** 70)), abs(True))
print(min(3, 1, 2), max("apple", "pear"), min([4, 2, 8]), max([1, 5], default=0), max([], default="empty"))
print(min("bca"), max((1, "b"), (1, "a")), min([3, -4, 2], key=abs), max({"a": 3, "b": 1}, key=lambda k: -ord(k)))
print(sum([1, 2, 3]), sum([], 10), sum([[1], [2]], []), sum([0.5, 0.25]), sum(range(10), start=100))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)

import bisect, heapq
a = [1, 3, 3, 5, 8]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 4), bisect.bisect_left(a, 10))
bisect.insort(a, 4); bisect.insort_left(a, 3)
print(a)
h = []
for v in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, v)
print(h[0], [heapq.heappop(h) for _ in range(3)], h)
l = [9, 4, 7, 1, 0]
heapq.heapify(l)
print(l[0], heapq.nlargest(2, [3, 9, 1, 7]), heapq.nsmallest(2, [3, 9, 1, 7]), heapq.heappushpop(l, 5), heapq.heapreplace(l, 6))
print(list(heapq.merge([1, 4, 7], [2, 5], [3])))
print(bisect.bisect_left(["a", "c"], "b"), bisect.bisect([1, 2, 3], 2, key=None) if False else 2)

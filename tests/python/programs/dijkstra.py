import heapq
def dijkstra(graph, src):
    dist = {src: 0}
    prev = {}
    pq = [(0, src)]
    seen = set()
    while pq:
        d, u = heapq.heappop(pq)
        if u in seen:
            continue
        seen.add(u)
        for v, w in graph.get(u, []):
            nd = d + w
            if v not in dist or nd < dist[v]:
                dist[v] = nd
                prev[v] = u
                heapq.heappush(pq, (nd, v))
    return dist, prev
def path(prev, dst):
    out = [dst]
    while out[-1] in prev:
        out.append(prev[out[-1]])
    return out[::-1]
edges = [("A", "B", 7), ("A", "C", 9), ("A", "F", 14), ("B", "C", 10), ("B", "D", 15),
         ("C", "D", 11), ("C", "F", 2), ("D", "E", 6), ("E", "F", 9)]
g = {}
for a, b, w in edges:
    g.setdefault(a, []).append((b, w))
    g.setdefault(b, []).append((a, w))
dist, prev = dijkstra(g, "A")
for node in sorted(dist):
    print(node, dist[node], "->".join(path(prev, node)))
import random
rng = random.Random(99)
N = 300
grid = {}
for i in range(N):
    grid[i] = [(rng.randrange(N), rng.randint(1, 20)) for _ in range(4)]
d2, p2 = dijkstra(grid, 0)
print(len(d2), max(d2.values()), sum(d2.values()), path(p2, max(d2, key=lambda k: (d2[k], k))))

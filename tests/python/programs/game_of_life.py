def step(live):
    counts = {}
    for (x, y) in live:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    k = (x + dx, y + dy)
                    counts[k] = counts.get(k, 0) + 1
    return {c for c, n in counts.items() if n == 3 or (n == 2 and c in live)}
def show(live, w, h):
    for y in range(h):
        print("".join("#" if (x, y) in live else "." for x in range(w)))
glider = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
g = glider
for gen in range(8):
    g = step(g)
show(g, 8, 8)
print(sorted(g))
rpent = {(1, 0), (2, 0), (0, 1), (1, 1), (1, 2)}
r = {(x + 20, y + 20) for x, y in rpent}
sizes = []
for i in range(60):
    r = step(r)
    sizes.append(len(r))
print(sizes[::6], len(r))

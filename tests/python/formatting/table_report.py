rows = [("apples", 3, 0.5), ("bananas", 12, 0.25), ("cherries", 100, 0.1)]
print(f"{'item':<10}{'qty':>5}{'price':>8}{'total':>9}")
total = 0
for name, q, p in rows:
    t = q * p
    total += t
    print(f"{name:<10}{q:>5d}{p:>8.2f}{t:>9.2f}")
print("-" * 32)
print(f"{'TOTAL':<10}{'':>5}{'':>8}{total:>9.2f}")
print("%-10s%5d" % ("count", len(rows)))

name, n, x = "World", 42, 3.14159
print(f"Hello, {name}!", f"{n} {n + 1} {n * 2}", f"{x:.2f}", f"{name!r}", f"{{braces}}")
print(f"{n:>6}|{n:<6}|{n:^6}|{n:06}|{n:x}|{n:#o}|{n:,}")
items = [1, 2, 3]
print(f"{len(items)} items: {items} sum={sum(items)} {items[0]}")
d = {"a": 1}
print(f"{d['a']} {'nested ' + name} {x if n > 1 else 0}")
print(f"{x=}" if False else f"x is {x}", f"{n=}", f"{n * 2 = }")

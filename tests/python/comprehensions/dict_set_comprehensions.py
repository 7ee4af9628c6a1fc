words = ["apple", "bob", "cat", "apple", "dodo"]
print({w: len(w) for w in words})
print(sorted({len(w) for w in words}), {w[0] for w in words} == set("abcd"))
print({k: v for k, v in zip("abc", range(3)) if v})
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv, {i: i * i for i in range(5)})

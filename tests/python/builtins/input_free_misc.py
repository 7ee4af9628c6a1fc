print(divmod(7, 2), abs(-7), round(7.5), pow(3, 4), max(1, 2), min(1, 2))
print(sum(map(int, "12345")), list(map(len, ["a", "bb"])), sorted(set("banana")))
print(any(map(str.isdigit, "ab1")), all(map(str.isalpha, "abc")))
print(type(print).__name__, print.__name__, len.__name__)

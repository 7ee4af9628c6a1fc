print(all([]), any([]), all([1, 2]), any([0, 0, 3]), all([1, 0]), any(x > 5 for x in range(3)))
print(all("abc"), any(""), all([[], [1]]), any([None, {}, ()]))

print(float("1.5"), float("  -2.25 "), float("1e3"), float("inf"), float(".5"), float("5."))
print(float(7), float(True), float("1_000.5"), float("-0"))
for bad in ["", "abc", "1.2.3", "1e"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (2.0).is_integer(), (2.5).is_integer())
print((255.5).hex(), float.fromhex("0x1.8p1"))

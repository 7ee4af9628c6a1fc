print(int("42"), int("-17"), int("  8  "), int("+3"))
print(int("ff", 16), int("0xff", 16), int("0o17", 0), int("0b101", 0), int("z", 36))
print(int("1_000_000"), int(3.9), int(-3.9), int(True), int(1e20))
print(int("123456789012345678901234567890"))
for bad in ["", "abc", "1.5", "0x", "--1"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    int("9", 8)
except ValueError as e:
    print(e)

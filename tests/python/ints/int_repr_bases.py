for n in [0, 1, -1, 255, -255, 2 ** 65, 12345]:
    print(repr(n), str(n), hex(n), oct(n), bin(n))
print(format(255, "x"), format(255, "X"), format(255, "o"), format(255, "b"), format(255, "#x"))
print(format(1234567, ","), format(1234567, "_"), format(-42, "+d"), format(42, " d"))
print(format(42, "08d"), format(-42, "08d"), format(42, "<8d") + "|", format(42, "^8d") + "|")

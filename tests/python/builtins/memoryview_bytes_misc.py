b = b"abcdef"
print(len(b), b[2:4], bytes(b[::2]), list(b[:2]), b.upper(), b.count(b"a"))
print(bytearray(b).hex(), bytes.fromhex("ff00"), int.from_bytes(b[:2], "little"))

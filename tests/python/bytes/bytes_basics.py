b = b"hello world"
print(b, len(b), b[0], b[-1], b[1:5], b[::-1], list(b[:3]))
print(b.upper(), b.split(), b.replace(b"o", b"0"), b.find(b"wor"), b.count(b"l"))
print(b + b"!", b * 2, b"x" in b, b"wor" in b, 104 in b)
print(bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes("é", "utf-8"))
print(b.decode(), b"\xc3\xa9".decode("utf-8"), b.hex(), bytes.fromhex("41 42 43"))
print(b.startswith(b"he"), b.strip(b"hd"), b"a,b".split(b","), b"-".join([b"a", b"b"]))

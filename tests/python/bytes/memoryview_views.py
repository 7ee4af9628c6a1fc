# memoryview over bytes and bytearray: indexing, slices that share the
# buffer (writes through them change the bytearray), attributes,
# conversions, comparisons, hashing, iteration and the context manager.
ba = bytearray(b"hello world")
m = memoryview(ba)
ro = memoryview(b"abcdef")

print(len(m), m[0], m[-1], m[True], m[4])
print(m[1:4].tobytes(), m[::2].tobytes(), m[::-1].tobytes(), m[5:1].tobytes())
print(type(m[1:4]).__name__, m[1:4].obj is ba, len(m[::3]))

m[0] = 72
print(ba)
m[0:2] = b"HE"
print(ba)
m[::2] = b"abcdef"
print(ba)
m[1:3] = bytearray(b"zz")
m[3:5] = memoryview(b"qq")
print(ba)

# A view of a view of a view writes through to the bytearray.
sub = m[2:8]
subsub = sub[1:3]
subsub[0] = ord("!")
print(ba, subsub.obj is ba, subsub.tobytes(), sub[1:5:2].tobytes())

print(m.readonly, ro.readonly, m.nbytes, m[2:5].nbytes, m.itemsize, m.format, m.ndim)
print(m.shape, m.strides, m[::2].strides, m.contiguous, m[::2].contiguous, m.suboffsets)
print(m.obj is ba, ro.obj)

print(m.tolist())
print(m[::3].tolist(), ro.tolist())
print(ro.hex(), ro.hex(":"), ro.hex("-", 2), ro.hex("-", -4), ro[:5].hex(" ", 2))
print(bytes(m[1:3]), bytearray(m[1:3]), list(ro), [x for x in ro[::2]])
print(tuple(ro[:2]), sum(ro), max(ro), sorted(ro[:3], reverse=True))
print(98 in ro, 120 in ro)

print(ro == b"abcdef", ro == bytearray(b"abcdef"), ro == memoryview(b"abcdef"))
print(ro == "abcdef", ro != b"x", b"abcdef" == ro, ro[1:3] == b"bc", ro == [97, 98])
print(m == ba, m[::2] == ba[::2])
print(hash(ro) == hash(b"abcdef"), hash(ro[::2]) == hash(b"ace"))
print({ro: 1}[b"abcdef"])

print(memoryview(m).obj is ba, memoryview(m) is m, memoryview(m).tobytes() == m.tobytes())
print(memoryview(object=b"kw").tobytes())
print(type(m), repr(m).startswith("<memory at 0x"))
print(bool(memoryview(b"")), bool(ro), len(memoryview(bytearray())))

print(b"".join([memoryview(b"ab"), b"c"]), b"ab" + memoryview(b"cd"))
acc = bytearray(b"x")
acc += memoryview(b"yz")
acc.extend(memoryview(b"!!"))
print(acc)

ro2 = m.toreadonly()
print(ro2.readonly, ro2.tobytes() == m.tobytes())

it = iter(memoryview(b"\x01\x02\x03"))
print(type(it).__name__, next(it), list(it))

with memoryview(b"ctx") as c:
    print(c.tobytes(), c.__enter__() is c)
print(repr(c).startswith("<released memory at 0x"))

v = memoryview(b"xyz")
v.release()
v.release()
print(v == v, v == b"xyz")

# Huge steps and starts leave at most one item.
big = memoryview(b"abcdef")
print(big[::2**62][::4].tobytes(), big[::-2**62].tobytes(), big[2**62:].tobytes())

ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba[0] = 65
print(ba, len(ba), ba[1], bytes(ba))
ba += b"!"
del ba[1]
print(ba, ba.pop(), ba, ba.decode())
ba.reverse()
print(ba, ba.upper(), bytearray(4), bytearray([1, 2, 3]))
print(ba == bytearray(ba), ba == bytes(ba), b"abc" < b"abd")

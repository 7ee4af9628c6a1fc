print(b"\x00\x01\x7f\x80\xff", b"'", b'"', b"'\"", b"\t\n\r\\")
print(repr(bytes(range(0, 256, 37))))
print([hex(x) for x in b"\x10\x20"], b"ab"[0] == ord("a"))
try:
    b"abc"[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    b"x" + "y"
except TypeError as e:
    print("TypeError:", e)

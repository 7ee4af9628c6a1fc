print(chr(65), chr(0x263A), ord("A"), ord("☺"), [chr(c) for c in range(97, 102)])
print(bin(10), bin(-10), hex(255), hex(-255), oct(64), oct(-8), bin(0), hex(2 ** 64))
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError:", e)

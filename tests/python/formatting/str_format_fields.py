class P:
    def __init__(self):
        self.x = 1
        self.y = [5, 6]
p = P()
print("{0.x} {0.y[1]} {p.x}".format(p, p=p))
print("{:s}".format("txt"), "{:d}".format(12), "{:5.1f}|".format(2.25), "{:<5}|{:>5}".format(1, 2))
print("{0:{1}}|".format("ab", 6), "{:=+8}".format(-12), "{:=08}".format(-12))
print("{:c}".format(9731), "{:n}".format(1234), "{:X}".format(48879))
try:
    "{:d}".format("s")
except ValueError as e:
    print("ValueError:", e)
try:
    "{} {1}".format(1, 2)
except ValueError as e:
    print("ValueError:", e)

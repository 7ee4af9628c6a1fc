class I:
    def __index__(self):
        return 2
class L:
    def __len__(self):
        return 0
class Neg:
    def __len__(self):
        return -1
print([10, 20, 30][I()], "abc"[I()], bin(I()), bool(L()), not L())
try:
    len(Neg())
except ValueError as e:
    print("ValueError:", e)
class Conv:
    def __int__(self):
        return 7
    def __float__(self):
        return 2.5
    def __str__(self):
        return "conv"
print(int(Conv()), float(Conv()), str(Conv()))

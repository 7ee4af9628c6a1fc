print(format(42), format(42, ""), format("s", "<3") + "|", format(3.0), format(True), format(None))
print(format(1234.5678, ".1f"), format(-0.0, ".1f"), format(1e-3, ".0e"), format(255, "08b"))
print(format(0.5, ".0%"), format(12, "c"), format(-12, "x"), format(2 ** 70, ",d"))
class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        if spec == "usd":
            return "$%.2f" % self.v
        return format(self.v, spec)
m = Money(3.5)
print(format(m, "usd"), f"{m:usd}", "{:usd}".format(m), f"{m:.3f}")

# Literal keys of a mapping pattern must differ (by ==): 1 and 1.0 clash.
print("never printed")

match {1: "a"}:
    case {1: a, "one": b, 1.0: c}:
        pass

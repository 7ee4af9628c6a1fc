# A literal pattern `a + b` must be a real number plus an imaginary one.
print("never printed")

match 3:
    case 1 + 2:
        pass

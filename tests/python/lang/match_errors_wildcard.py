# A wildcard alternative that is not the last makes the rest unreachable.
print("never printed")

match 3:
    case 1 | _ | 2:
        pass

# A name may be bound only once in a pattern.
print("never printed")

match {"x": 1, "y": 2}:
    case {"x": v, "y": [v, *_]}:
        pass

# In a class pattern, keyword sub-patterns come after the positional ones.
print("never printed")


class P:
    __match_args__ = ("x", "y")


match P():
    case P(x=0, 1):
        pass

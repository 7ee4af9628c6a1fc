try:
    "abc" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    "abc" * "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "{0}".format()
except IndexError as e:
    print("IndexError:", e)
try:
    "abc".foo()
except AttributeError as e:
    print("AttributeError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)

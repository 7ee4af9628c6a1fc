def inner():
    raise ValueError("inner problem")
def middle():
    try:
        inner()
    except ValueError:
        print("middle saw it")
        raise
try:
    middle()
except ValueError as e:
    print("outer got", e)
try:
    try:
        raise TypeError("t")
    except TypeError as e:
        err = e
    raise err
except TypeError as e:
    print("re-raised stored", e)

try:
    try:
        raise KeyError("first")
    except KeyError:
        raise ValueError("second")
except ValueError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)
def cleanup_fails():
    try:
        raise ValueError("a")
    finally:
        print("finally raising")
        raise TypeError("b")
try:
    cleanup_fails()
except TypeError as e:
    print("got", e, "context", e.__context__)

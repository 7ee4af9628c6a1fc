def check(x):
    try:
        assert x > 0, "must be positive"
        assert isinstance(x, int)
        return "ok"
    except AssertionError as e:
        return "AssertionError: " + str(e)
print(check(5), check(-1), check(2.5))

try:
    int("not a number")
except ValueError as e:
    raise RuntimeError("conversion failed") from e

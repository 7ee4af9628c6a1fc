# repr gives the shortest string that round-trips.
vals = [0.1, 0.2, 0.1 + 0.2, 1.0, -0.0, 1 / 3, 2 / 3, 100.0, 1e16, 1e15, 123456789.123,
        1e-5, 0.0001, 1e22, 1e-7, 5e-324, 1.7976931348623157e308, 3.14159, 2.5, 1e100]
for v in vals:
    print(repr(v), str(v))

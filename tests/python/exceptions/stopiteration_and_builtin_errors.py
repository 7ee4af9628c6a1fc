errs = []
for fn in [lambda: next(iter([])), lambda: [].index(0), lambda: int(None), lambda: None + 1,
           lambda: "a" < 1, lambda: {}.pop("k"), lambda: (1, 2).x, lambda: chr(-1), lambda: [1] * "a"]:
    try:
        fn()
    except Exception as e:
        errs.append((type(e).__name__, str(e)))
for e in errs:
    print(e)

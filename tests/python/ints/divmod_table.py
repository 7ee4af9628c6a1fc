for a in range(-6, 7, 3):
    row = []
    for b in (-4, -3, 3, 4):
        q, r = divmod(a, b)
        row.append("%d/%d=(%d,%d)" % (a, b, q, r))
    print(" ".join(row))

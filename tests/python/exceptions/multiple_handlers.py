def classify(v):
    try:
        if v == 0:
            return 1 / v
        if v == 1:
            return [][1]
        if v == 2:
            return {}["x"]
        if v == 3:
            return int("z")
        if v == 4:
            raise RuntimeError("rt")
        return "ok"
    except (IndexError, KeyError) as e:
        return "lookup:" + type(e).__name__
    except ZeroDivisionError as e:
        return "zero:" + str(e)
    except Exception as e:
        return "other:" + type(e).__name__ + ":" + str(e)
print([classify(v) for v in range(6)])

x = 1


def get_x():
    return x


def scaled(n):
    total = 0
    for i in range(n):
        total += x * i
    return total


def maybe_missing():
    return missing_name

def none_fn():
    pass
def multi():
    return 1, "two", [3]
def early(x):
    if x > 0:
        return "pos"
    elif x < 0:
        return "neg"
print(none_fn(), multi(), early(5), early(-5), early(0))
a, b, c = multi()
print(a, b, c)
def loop_return(items):
    for i in items:
        if i % 7 == 0:
            return i
    return None
print(loop_return(range(1, 20)), loop_return([1, 2]))

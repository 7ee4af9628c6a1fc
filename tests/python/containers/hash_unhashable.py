for v in [[1], {1: 2}, {1}]:
    try:
        hash(v)
    except TypeError as e:
        print("TypeError:", e)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
try:
    {[]}
except TypeError as e:
    print("TypeError:", e)
print(hash((1, "a")) == hash((1, "a")), {(1, 2): "ok"}[(1, 2)])

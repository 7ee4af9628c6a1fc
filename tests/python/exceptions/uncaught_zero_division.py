def compute(a, b):
    return a / b
print("before")
compute(1, 0)
print("never")

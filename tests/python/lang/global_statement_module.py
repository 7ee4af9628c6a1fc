counter = 0
def bump():
    global counter
    counter += 1
    return counter
for _ in range(5):
    bump()
print(counter)
def define_new():
    global brand_new
    brand_new = "created in function"
define_new()
print(brand_new)
print(globals()["counter"], "bump" in globals())

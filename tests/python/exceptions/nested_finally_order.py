def f():
    try:
        try:
            raise ValueError("v")
        finally:
            print("inner finally")
    except ValueError:
        print("handled")
    finally:
        print("outer finally")
f()
def gen_cleanup():
    for i in range(3):
        try:
            if i == 2:
                break
        finally:
            print("cleanup", i)
gen_cleanup()
def loop():
    while True:
        try:
            return "from loop"
        finally:
            print("loop finally")
print(loop())

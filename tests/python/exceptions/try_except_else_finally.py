def f(x):
    log = []
    try:
        log.append("try")
        r = 10 // x
    except ZeroDivisionError:
        log.append("except")
        r = None
    else:
        log.append("else")
    finally:
        log.append("finally")
    return r, log
print(f(2), f(0))
def g():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(g())
def h():
    try:
        return "try"
    finally:
        return "finally wins"
print(h())
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("fin", i)

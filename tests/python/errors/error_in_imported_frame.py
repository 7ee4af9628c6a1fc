def level3():
    return {}["deep"]
def level2():
    return level3()
def level1():
    try:
        return level2()
    finally:
        print("unwinding level1")
level1()

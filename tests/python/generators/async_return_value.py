# A SyntaxError in the program itself: return with a value in an async
# generator (nothing runs).
print("never printed")


async def bad():
    yield 1
    return 2

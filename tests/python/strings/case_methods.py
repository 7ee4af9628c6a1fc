for s in ["hello world", "Hello World", "HELLO", "hELLO wORLD", "123abc", "", "ß straße", "o'neil mc-donald"]:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())

for exc in [ZeroDivisionError, KeyError, IndexError, ValueError, TypeError, FileNotFoundError,
            UnicodeDecodeError, RecursionError, StopIteration, KeyboardInterrupt, NotImplementedError]:
    print(exc.__name__, [c.__name__ for c in exc.__mro__])
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(bool, int))
try:
    {}["k"]
except LookupError as e:
    print("caught as LookupError", type(e).__name__)

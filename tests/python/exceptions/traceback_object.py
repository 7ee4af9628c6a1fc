import sys
try:
    1 / 0
except ZeroDivisionError:
    et, ev, tb = sys.exc_info()
    print(et.__name__, ev, tb is not None, tb.tb_lineno)
print(sys.exc_info())
e = ValueError("v")
print(e.__traceback__)
try:
    raise e
except ValueError as caught:
    print(caught is e, caught.__traceback__ is not None)

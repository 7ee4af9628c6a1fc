"""Module docstring."""
def f():
    """Function docstring."""
    pass
class C:
    """Class docstring."""
    ...
print(__doc__, f.__doc__, C.__doc__, f(), ...)
def g():
    ...
print(g(), type(g()).__name__)

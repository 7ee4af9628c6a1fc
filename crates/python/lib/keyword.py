"""Python 3.11's keywords and soft keywords."""

__all__ = ["iskeyword", "issoftkeyword", "kwlist", "softkwlist"]

kwlist = [
    "False", "None", "True", "and", "as", "assert", "async", "await",
    "break", "class", "continue", "def", "del", "elif", "else", "except",
    "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
    "while", "with", "yield",
]

softkwlist = ["_", "case", "match"]

_kwset = frozenset(kwlist)
_softset = frozenset(softkwlist)


def iskeyword(s):
    """True if s is a Python keyword."""
    try:
        return s in _kwset
    except TypeError:
        return False


def issoftkeyword(s):
    """True if s is a soft keyword."""
    try:
        return s in _softset
    except TypeError:
        return False

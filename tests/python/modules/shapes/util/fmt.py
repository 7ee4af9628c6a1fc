from ..base import Shape
def describe(s):
    assert isinstance(s, Shape)
    return f"<{s!r}>"

from contextlib import contextmanager
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("a") as t:
    print("inside", t)
with tag("outer"), tag("inner") as i:
    print("nested", i)
try:
    with tag("err"):
        raise ValueError("inside with")
except ValueError as e:
    print("caught", e)
from contextlib import suppress
with suppress(KeyError):
    {}["x"]
print("suppressed")

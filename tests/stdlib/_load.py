"""Load one of Kiln's library modules under CPython for differential checks.

`load("random")` imports crates/python/lib/random.py as a module named
"kiln_random" so that it can be compared with CPython's own module.  The
library directory is appended to sys.path so private helpers (such as
_sha512) resolve; CPython's modules keep precedence for public names.
"""

import importlib.util
import os
import sys

LIB = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   "..", "..", "crates", "python", "lib")
LIB = os.path.normpath(LIB)
if LIB not in sys.path:
    sys.path.append(LIB)

_failures = []


def load(name, deps=None):
    """Import lib/<name>.py as kiln_<name>; `deps` maps module names to the
    modules its own imports should get (e.g. {"abc": load("abc")})."""
    parts = name.split(".")
    path = os.path.join(LIB, *parts) + ".py"
    is_pkg = False
    if not os.path.exists(path):
        path = os.path.join(LIB, *parts, "__init__.py")
        is_pkg = True
    modname = "kiln_" + name.replace(".", "_")
    spec = importlib.util.spec_from_file_location(
        modname, path,
        submodule_search_locations=[os.path.dirname(path)] if is_pkg else None)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[modname] = mod
    saved = {}
    for dep, depmod in (deps or {}).items():
        saved[dep] = sys.modules.get(dep)
        sys.modules[dep] = depmod
    try:
        spec.loader.exec_module(mod)
    finally:
        for dep, old in saved.items():
            if old is None:
                del sys.modules[dep]
            else:
                sys.modules[dep] = old
    return mod


def check(label, got, want):
    if got == want and type(got) is type(want):
        return True
    _failures.append(label)
    print("FAIL", label, "\n  got: ", repr(got)[:300], "\n  want:", repr(want)[:300])
    return False


def outcome(func, *args, **kwargs):
    """Result of a call, or (exception type name, message) if it raised."""
    try:
        return ("ok", func(*args, **kwargs))
    except Exception as e:  # noqa: BLE001 - the exception is the result
        return ("raise", type(e).__name__, str(e))


def finish(name):
    if _failures:
        print("FAIL", name, len(_failures), "failures")
        sys.exit(1)
    print("OK", name)

"""importlib: import_module (and reload, which re-runs a module's code)."""

import sys

__all__ = ["import_module", "reload", "invalidate_caches"]


def import_module(name, package=None):
    if name.startswith("."):
        if not package:
            raise TypeError("the 'package' argument is required to perform a relative "
                            "import for %r" % name)
        level = len(name) - len(name.lstrip("."))
        base = package.rsplit(".", level - 1)[0] if level > 1 else package
        name = base + "." + name[level:] if name[level:] else base
    __import__(name)
    return sys.modules[name]


def invalidate_caches():
    pass


def reload(module):
    name = module.__name__
    del sys.modules[name]
    new = import_module(name)
    module.__dict__.update(new.__dict__)
    sys.modules[name] = module
    return module

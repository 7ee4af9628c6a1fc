"""types: names for built-in types, SimpleNamespace, and coroutine()."""

import sys

__all__ = ["FunctionType", "LambdaType", "MethodType", "BuiltinFunctionType",
           "BuiltinMethodType", "GeneratorType", "CoroutineType", "AsyncGeneratorType", "ModuleType",
           "NoneType", "EllipsisType", "NotImplementedType", "CodeType",
           "SimpleNamespace", "coroutine", "new_class", "MappingProxyType", "GenericAlias"]


def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)


def _g():
    yield 1


GeneratorType = type(_g())


async def _c():
    pass


_co = _c()
CoroutineType = type(_co)
_co.close()
del _co


async def _ag():
    yield


AsyncGeneratorType = type(_ag())
ModuleType = type(sys)
NoneType = type(None)
EllipsisType = type(...)
NotImplementedType = type(NotImplemented)
MappingProxyType = dict


def _type_repr(t):
    if t is ...:
        return "..."
    if isinstance(t, type) and not isinstance(t, GenericAlias):
        if t.__module__ == "builtins":
            return t.__qualname__
        return t.__module__ + "." + t.__qualname__
    return repr(t)


class GenericAlias:
    """`list[int]`: a builtin type with type arguments (for annotations)."""

    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args if isinstance(args, tuple) else (args,)

    def __repr__(self):
        if not self.__args__:
            return _type_repr(self.__origin__) + "[()]"
        return _type_repr(self.__origin__) + "[" + ", ".join(_type_repr(a) for a in self.__args__) + "]"

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __getitem__(self, item):
        return GenericAlias(self.__origin__, item)


class SimpleNamespace:
    def __init__(self, mapping_or_iterable=(), /, **kwargs):
        for k, v in dict(mapping_or_iterable).items():
            setattr(self, k, v)
        for k, v in kwargs.items():
            setattr(self, k, v)

    def __repr__(self):
        items = ("%s=%r" % (k, v) for k, v in self.__dict__.items())
        return "%s(%s)" % ("namespace" if type(self) is SimpleNamespace else type(self).__name__,
                           ", ".join(items))

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented


def coroutine(func):
    """Make a generator function awaitable (generators already are here)."""
    if not callable(func):
        raise TypeError("types.coroutine() expects a callable")
    return func


def new_class(name, bases=(), kwds=None, exec_body=None):
    ns = {}
    if exec_body is not None:
        exec_body(ns)
    meta = (kwds or {}).get("metaclass", type)
    return meta(name, bases, ns)

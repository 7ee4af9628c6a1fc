"""Names for type hints: Any, Optional, Union, List, Dict, TypeVar, Generic...

Kiln does not check types; this module gives annotations the objects
they name so that typed programs import and run.  Subscripting builds a
`_GenericAlias` that remembers its origin and arguments (for get_origin,
get_args, repr and equality) and can be called or used as a base class
when its origin can.  isinstance() works with unsubscripted aliases
(isinstance(x, List) checks list) and with @runtime_checkable protocols.
Generic[T] and Protocol[T] return the class itself, so `class C(Generic[T])`
needs no special class-creation support.
"""

import collections as _collections
import collections.abc as _abc
import contextlib as _contextlib
import sys as _sys
from abc import ABCMeta as _ABCMeta, abstractmethod

__all__ = [
    "Annotated", "Any", "Callable", "ClassVar", "Concatenate", "Final", "ForwardRef",
    "Generic", "Literal", "Optional", "ParamSpec", "Protocol", "Tuple", "Type", "TypeVar",
    "TypeVarTuple", "Union", "AbstractSet", "ByteString", "Container", "ContextManager",
    "Hashable", "ItemsView", "Iterable", "Iterator", "KeysView", "Mapping", "MappingView",
    "MutableMapping", "MutableSequence", "MutableSet", "Sequence", "Sized", "ValuesView",
    "Awaitable", "AsyncIterator", "AsyncIterable", "Coroutine", "Collection", "AsyncGenerator",
    "AsyncContextManager", "Reversible", "SupportsAbs", "SupportsBytes", "SupportsComplex",
    "SupportsFloat", "SupportsIndex", "SupportsInt", "SupportsRound", "ChainMap", "Counter",
    "Deque", "Dict", "DefaultDict", "List", "OrderedDict", "Set", "FrozenSet", "NamedTuple",
    "TypedDict", "Generator", "BinaryIO", "IO", "Match", "Pattern", "TextIO", "AnyStr",
    "assert_type", "assert_never", "cast", "clear_overloads", "dataclass_transform", "final",
    "get_args", "get_origin", "get_overloads", "get_type_hints", "is_typeddict", "LiteralString",
    "Never", "NewType", "no_type_check", "no_type_check_decorator", "NoReturn", "NotRequired",
    "overload", "ParamSpecArgs", "ParamSpecKwargs", "Required", "reveal_type",
    "runtime_checkable", "Self", "Text", "TYPE_CHECKING", "TypeAlias", "TypeGuard", "Unpack",
]

TYPE_CHECKING = False
_NoneType = type(None)


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return obj.__module__ + "." + obj.__qualname__
    if obj is ...:
        return "..."
    if obj is None:
        return "None"
    if isinstance(obj, list):
        return "[" + ", ".join([_type_repr(a) for a in obj]) + "]"
    if isinstance(obj, tuple) and not obj:
        return "()"
    if type(obj).__name__ == "function":
        return obj.__name__
    return repr(obj)


def _type_check(arg):
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


def _collect_parameters(args):
    params = []
    for a in args:
        if isinstance(a, (TypeVar, ParamSpec, TypeVarTuple)):
            if a not in params:
                params.append(a)
        elif isinstance(a, list):
            for p in _collect_parameters(a):
                if p not in params:
                    params.append(p)
        else:
            for p in getattr(a, "__parameters__", ()) if isinstance(a, _GenericAlias) else ():
                if p not in params:
                    params.append(p)
    return tuple(params)


def _substitute(arg, mapping):
    if isinstance(arg, (TypeVar, ParamSpec, TypeVarTuple)):
        return mapping.get(arg, arg)
    if isinstance(arg, list):
        return [_substitute(a, mapping) for a in arg]
    if isinstance(arg, _GenericAlias) and arg.__parameters__:
        return arg._with_args(tuple([_substitute(a, mapping) for a in arg.__args__]))
    return arg


class _Final:
    """Base of the module's special objects (they are not meant to be subclassed)."""

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _GenericAlias(_Final):
    """X[args]: an alias that remembers its origin class and its arguments."""

    def __init__(self, origin, args, name=None, inst=True, special=None):
        self.__origin__ = origin
        self.__args__ = args
        self._name = name
        self._inst = inst
        self._special = special
        self.__parameters__ = _collect_parameters(args)

    def _with_args(self, args):
        return _GenericAlias(self.__origin__, args, self._name, self._inst, self._special)

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if not self.__parameters__:
            raise TypeError(repr(self) + " is not a generic class")
        if len(params) != len(self.__parameters__):
            raise TypeError("Too " + ("many" if len(params) > len(self.__parameters__) else "few")
                            + " arguments for " + repr(self))
        mapping = dict(zip(self.__parameters__, [_type_check(p) for p in params]))
        return self._with_args(tuple([_substitute(a, mapping) for a in self.__args__]))

    def __repr__(self):
        if self._special is not None:
            head = "typing." + self._special
        elif self._name is not None:
            head = "typing." + self._name
        else:
            head = _type_repr(self.__origin__)
        if self._name == "Callable" and len(self.__args__) == 2 and \
                (isinstance(self.__args__[0], list) or self.__args__[0] is ...):
            return head + "[" + _type_repr(self.__args__[0]) + ", " + _type_repr(self.__args__[1]) + "]"
        if self._special == "Literal":
            return head + "[" + ", ".join([repr(a) for a in self.__args__]) + "]"
        if not self.__args__:
            return head + "[()]"
        return head + "[" + ", ".join([_type_repr(a) for a in self.__args__]) + "]"

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__ and self.__args__ == other.__args__
                and self._special == other._special)

    def __hash__(self):
        return hash((self.__origin__, self._special, _hashable(self.__args__)))

    def __call__(self, *args, **kwargs):
        if not self._inst or not callable(self.__origin__):
            raise TypeError("Type " + str(self._name) + " cannot be instantiated; use "
                            + getattr(self.__origin__, "__name__", "its origin") + "() instead")
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        if isinstance(self.__origin__, type):
            return (self.__origin__,)
        return ()

    def __instancecheck__(self, obj):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __getattr__(self, attr):
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)


def _hashable(args):
    out = []
    for a in args:
        out.append(tuple(a) if isinstance(a, list) else a)
    return tuple(out)


class _SpecialGenericAlias(_Final):
    """An unsubscripted alias of a class: List, Dict, Iterable, ..."""

    def __init__(self, origin, name, inst=True):
        self.__origin__ = origin
        self._name = name
        self.__name__ = name
        self._inst = inst

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == "Callable" and len(params) == 2:
            argtypes, result = params
            if isinstance(argtypes, list):
                argtypes = [_type_check(a) for a in argtypes]
            return _GenericAlias(self.__origin__, (argtypes, _type_check(result)),
                                 self._name, self._inst)
        return _GenericAlias(self.__origin__, tuple([_type_check(p) for p in params]),
                             self._name, self._inst)

    def __repr__(self):
        return "typing." + self._name

    def __call__(self, *args, **kwargs):
        if not self._inst or not callable(self.__origin__):
            raise TypeError("Type " + self._name + " cannot be instantiated; use "
                            + getattr(self.__origin__, "__name__", "its origin") + "() instead")
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__origin__)


class _SpecialForm(_Final):
    """Any, Union, Optional, ClassVar, Final, Literal, ...: named forms."""

    def __init__(self, name, getitem=None, doc=None):
        self._name = name
        self.__name__ = name
        self._getitem = getitem
        self.__doc__ = doc

    def __getitem__(self, params):
        if self._getitem is None:
            raise TypeError("typing." + self._name + " is not subscriptable")
        return self._getitem(self, params)

    def __repr__(self):
        return "typing." + self._name

    def __call__(self, *args, **kwds):
        raise TypeError("Cannot instantiate " + repr(self))

    def __instancecheck__(self, obj):
        raise TypeError(repr(self) + " cannot be used with isinstance()")

    def __subclasscheck__(self, cls):
        raise TypeError(repr(self) + " cannot be used with issubclass()")

    def __mro_entries__(self, bases):
        if self._name == "Any":
            return (object,)
        raise TypeError("Cannot subclass " + repr(self))


def _union_getitem(self, params):
    if params == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(params, tuple):
        params = (params,)
    flat = []
    for p in params:
        p = _type_check(p)
        if isinstance(p, _GenericAlias) and p._special == "Union":
            items = p.__args__
        elif type(p).__name__ == "UnionType" and hasattr(p, "__args__"):
            items = p.__args__
        else:
            items = (p,)
        for item in items:
            if item not in flat:
                flat.append(item)
    if len(flat) == 1:
        return flat[0]
    alias = _GenericAlias(Union, tuple(flat), special="Union")
    if len(flat) == 2 and _NoneType in flat:
        alias._special_repr = "Optional"
    return alias


def _optional_getitem(self, param):
    return Union[param, None]


def _single_getitem(self, param):
    if isinstance(param, tuple):
        if len(param) != 1 and self._name not in ("Concatenate",):
            raise TypeError(repr(self) + " accepts only single type.")
        args = param
    else:
        args = (param,)
    return _GenericAlias(self, tuple([_type_check(a) for a in args]), special=self._name)


def _literal_getitem(self, params):
    if not isinstance(params, tuple):
        params = (params,)
    return _GenericAlias(self, params, special="Literal")


def _annotated_getitem(self, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError("Annotated[...] should be used with at least two arguments "
                        "(a type and an annotation).")
    alias = _GenericAlias(_type_check(params[0]), (_type_check(params[0]),) + params[1:],
                          special="Annotated")
    alias.__metadata__ = params[1:]
    return alias


Any = _SpecialForm("Any", doc="Special type indicating an unconstrained type.")
NoReturn = _SpecialForm("NoReturn")
Never = _SpecialForm("Never")
Self = _SpecialForm("Self")
LiteralString = _SpecialForm("LiteralString")
TypeAlias = _SpecialForm("TypeAlias")
Union = _SpecialForm("Union", _union_getitem)
Optional = _SpecialForm("Optional", _optional_getitem)
ClassVar = _SpecialForm("ClassVar", _single_getitem)
Final = _SpecialForm("Final", _single_getitem)
TypeGuard = _SpecialForm("TypeGuard", _single_getitem)
Required = _SpecialForm("Required", _single_getitem)
NotRequired = _SpecialForm("NotRequired", _single_getitem)
Unpack = _SpecialForm("Unpack", _single_getitem)
Concatenate = _SpecialForm("Concatenate", _single_getitem)
Literal = _SpecialForm("Literal", _literal_getitem)
Annotated = _SpecialForm("Annotated", _annotated_getitem)


# Union aliases of two types one of which is None print as Optional[X].
_plain_alias_repr = _GenericAlias.__repr__


def _alias_repr(self):
    if self._special == "Union" and getattr(self, "_special_repr", None) == "Optional":
        other = self.__args__[0] if self.__args__[1] is _NoneType else self.__args__[1]
        return "typing.Optional[" + _type_repr(other) + "]"
    return _plain_alias_repr(self)


_GenericAlias.__repr__ = _alias_repr


class ForwardRef(_Final):
    """A type written as a string, evaluated later (by get_type_hints)."""

    def __init__(self, arg, is_argument=True, module=None):
        if not isinstance(arg, str):
            raise TypeError("Forward reference must be a string -- got " + repr(arg))
        self.__forward_arg__ = arg
        self.__forward_module__ = module

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)

    def __repr__(self):
        return "ForwardRef(" + repr(self.__forward_arg__) + ")"


def _caller_module(depth=2):
    try:
        return _sys._getframe(depth).f_globals.get("__name__", "__main__")
    except (AttributeError, ValueError):
        return None


class TypeVar(_Final):
    """TypeVar('T', *constraints, bound=None, covariant=False, contravariant=False)."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        if constraints and bound is not None:
            raise TypeError("Constraints cannot be combined with bound=...")
        self.__name__ = name
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__constraints__ = tuple([_type_check(c) for c in constraints])
        self.__bound__ = _type_check(bound) if bound is not None else None
        module = _caller_module()
        if module is not None and module != "typing":
            self.__module__ = module

    def __repr__(self):
        if self.__covariant__:
            prefix = "+"
        elif self.__contravariant__:
            prefix = "-"
        else:
            prefix = "~"
        return prefix + self.__name__


class ParamSpecArgs(_Final):
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return self.__origin__.__name__ + ".args"


class ParamSpecKwargs(_Final):
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return self.__origin__.__name__ + ".kwargs"


class ParamSpec(_Final):
    """ParamSpec('P'): the parameters of a callable, for Callable[P, R]."""

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__bound__ = bound
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)

    def __repr__(self):
        return "~" + self.__name__


class TypeVarTuple(_Final):
    """TypeVarTuple('Ts'): a variadic type variable."""

    def __init__(self, name):
        self.__name__ = name

    def __iter__(self):
        yield Unpack[self]

    def __repr__(self):
        return self.__name__


AnyStr = TypeVar("AnyStr", bytes, str)
Text = str


class Generic:
    """Base for generic classes: `class Box(Generic[T])`; Box[int] is Box."""

    def __class_getitem__(cls, params):
        return cls


_SPECIAL_PROTOCOL_NAMES = frozenset([
    "__abstractmethods__", "__annotations__", "__dict__", "__doc__", "__init__", "__module__",
    "__new__", "__slots__", "__subclasshook__", "__weakref__", "__class_getitem__",
    "__qualname__", "__parameters__", "__orig_bases__", "__init_subclass__", "__orig_class__",
    "_is_protocol", "_is_runtime_protocol", "_is_protocol_root", "_abc_registry", "_abc_cache",
    "_abc_negative_cache", "_abc_negative_cache_version", "__match_args__", "__protocol_attrs__",
])


def _protocol_attrs(cls):
    attrs = []
    for base in cls.__mro__[:-1]:
        if base.__name__ in ("Protocol", "Generic"):
            continue
        if not base.__dict__.get("_is_protocol", False):
            continue
        names = list(base.__dict__.keys()) + list(base.__dict__.get("__annotations__", {}).keys())
        for name in names:
            if not name.startswith("_abc_") and name not in _SPECIAL_PROTOCOL_NAMES:
                if name not in attrs:
                    attrs.append(name)
    return attrs


class _ProtocolMeta(_ABCMeta):
    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        is_protocol = False
        for b in bases:
            if b.__dict__.get("_is_protocol_root", False):
                is_protocol = True
        cls._is_protocol = is_protocol
        if "_is_runtime_protocol" not in namespace:
            cls._is_runtime_protocol = False
        return cls

    def __call__(cls, *args, **kwargs):
        if cls.__dict__.get("_is_protocol", False):
            raise TypeError("Protocols cannot be instantiated")
        return super().__call__(*args, **kwargs)

    def __instancecheck__(cls, instance):
        if cls.__dict__.get("_is_protocol", False):
            if not cls._is_runtime_protocol:
                raise TypeError("Instance and class checks can only be used with "
                                "@runtime_checkable protocols")
            if _ABCMeta.__instancecheck__(cls, instance):
                return True
            for attr in _protocol_attrs(cls):
                if not hasattr(instance, attr):
                    return False
                if callable(getattr(cls, attr, None)) and getattr(instance, attr) is None:
                    return False
            return True
        return _ABCMeta.__instancecheck__(cls, instance)

    def __subclasscheck__(cls, other):
        if cls.__dict__.get("_is_protocol", False):
            if not cls._is_runtime_protocol:
                raise TypeError("Instance and class checks can only be used with "
                                "@runtime_checkable protocols")
            if _ABCMeta.__subclasscheck__(cls, other):
                return True
            for attr in _protocol_attrs(cls):
                found = False
                for base in getattr(other, "__mro__", ()):
                    if attr in base.__dict__:
                        found = base.__dict__[attr] is not None
                        break
                if not found:
                    return False
            return True
        return _ABCMeta.__subclasscheck__(cls, other)


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base for structural types: classes with the listed members conform."""
    _is_protocol_root = True

    def __class_getitem__(cls, params):
        return cls


def runtime_checkable(cls):
    """Allow isinstance()/issubclass() checks against a protocol class."""
    if not cls.__dict__.get("_is_protocol", False):
        raise TypeError("@runtime_checkable can be only applied to protocol classes, got "
                        + repr(cls))
    cls._is_runtime_protocol = True
    return cls


@runtime_checkable
class SupportsInt(Protocol):
    @abstractmethod
    def __int__(self):
        pass


@runtime_checkable
class SupportsFloat(Protocol):
    @abstractmethod
    def __float__(self):
        pass


@runtime_checkable
class SupportsComplex(Protocol):
    @abstractmethod
    def __complex__(self):
        pass


@runtime_checkable
class SupportsBytes(Protocol):
    @abstractmethod
    def __bytes__(self):
        pass


@runtime_checkable
class SupportsIndex(Protocol):
    @abstractmethod
    def __index__(self):
        pass


@runtime_checkable
class SupportsAbs(Protocol):
    @abstractmethod
    def __abs__(self):
        pass


@runtime_checkable
class SupportsRound(Protocol):
    @abstractmethod
    def __round__(self, ndigits=0):
        pass


# Aliases of concrete and abstract classes.
List = _SpecialGenericAlias(list, "List", inst=False)
Dict = _SpecialGenericAlias(dict, "Dict", inst=False)
Set = _SpecialGenericAlias(set, "Set", inst=False)
FrozenSet = _SpecialGenericAlias(frozenset, "FrozenSet", inst=False)
Tuple = _SpecialGenericAlias(tuple, "Tuple", inst=False)
Type = _SpecialGenericAlias(type, "Type", inst=False)
Deque = _SpecialGenericAlias(_collections.deque, "Deque")
DefaultDict = _SpecialGenericAlias(_collections.defaultdict, "DefaultDict")
OrderedDict = _SpecialGenericAlias(_collections.OrderedDict, "OrderedDict")
Counter = _SpecialGenericAlias(_collections.Counter, "Counter")
ChainMap = _SpecialGenericAlias(_collections.ChainMap, "ChainMap")
Callable = _SpecialGenericAlias(_abc.Callable, "Callable")
Hashable = _SpecialGenericAlias(_abc.Hashable, "Hashable")
Sized = _SpecialGenericAlias(_abc.Sized, "Sized")
Awaitable = _SpecialGenericAlias(_abc.Awaitable, "Awaitable")
Coroutine = _SpecialGenericAlias(_abc.Coroutine, "Coroutine")
AsyncIterable = _SpecialGenericAlias(_abc.AsyncIterable, "AsyncIterable")
AsyncIterator = _SpecialGenericAlias(_abc.AsyncIterator, "AsyncIterator")
AsyncGenerator = _SpecialGenericAlias(_abc.AsyncGenerator, "AsyncGenerator")
Iterable = _SpecialGenericAlias(_abc.Iterable, "Iterable")
Iterator = _SpecialGenericAlias(_abc.Iterator, "Iterator")
Reversible = _SpecialGenericAlias(_abc.Reversible, "Reversible")
Generator = _SpecialGenericAlias(_abc.Generator, "Generator")
Container = _SpecialGenericAlias(_abc.Container, "Container")
Collection = _SpecialGenericAlias(_abc.Collection, "Collection")
AbstractSet = _SpecialGenericAlias(_abc.Set, "AbstractSet")
MutableSet = _SpecialGenericAlias(_abc.MutableSet, "MutableSet")
Mapping = _SpecialGenericAlias(_abc.Mapping, "Mapping")
MutableMapping = _SpecialGenericAlias(_abc.MutableMapping, "MutableMapping")
Sequence = _SpecialGenericAlias(_abc.Sequence, "Sequence")
MutableSequence = _SpecialGenericAlias(_abc.MutableSequence, "MutableSequence")
ByteString = _SpecialGenericAlias(_abc.ByteString, "ByteString")
MappingView = _SpecialGenericAlias(_abc.MappingView, "MappingView")
KeysView = _SpecialGenericAlias(_abc.KeysView, "KeysView")
ItemsView = _SpecialGenericAlias(_abc.ItemsView, "ItemsView")
ValuesView = _SpecialGenericAlias(_abc.ValuesView, "ValuesView")
ContextManager = _SpecialGenericAlias(_contextlib.AbstractContextManager, "ContextManager")
AsyncContextManager = _SpecialGenericAlias(object, "AsyncContextManager", inst=False)


class _PatternPlaceholder:
    """Stands for re.Pattern / re.Match (Kiln has no re module yet)."""


Pattern = _SpecialGenericAlias(_PatternPlaceholder, "Pattern", inst=False)
Match = _SpecialGenericAlias(_PatternPlaceholder, "Match", inst=False)


class IO(Generic):
    """Generic base of file-like objects (for annotations)."""
    mode = "r"
    name = ""
    closed = False


class TextIO(IO):
    pass


class BinaryIO(IO):
    pass


# -- NamedTuple and TypedDict -------------------------------------------------------

_NAMEDTUPLE_PROHIBITED = frozenset(["__new__", "__init__", "__slots__", "__getnewargs__",
                                    "_fields", "_field_defaults", "_make", "_replace",
                                    "_asdict", "_source"])
_NAMEDTUPLE_SKIP = frozenset(["__module__", "__qualname__", "__annotations__", "__doc__",
                              "_is_named_tuple_root"])


def _make_namedtuple(name, fields, defaults, module):
    names = [n for n, t in fields]
    nt = _collections.namedtuple(name, names, defaults=defaults, module=module)
    nt.__annotations__ = dict(fields)
    return nt


class _NamedTupleMeta(type):
    def __new__(mcls, typename, bases, ns):
        if ns.get("_is_named_tuple_root", False):
            return type.__new__(mcls, typename, bases, ns)
        types = ns.get("__annotations__", {})
        defaults = []
        default_names = []
        for field_name in types:
            if field_name in ns:
                defaults.append(ns[field_name])
                default_names.append(field_name)
            elif defaults:
                raise TypeError("Non-default namedtuple field " + field_name
                                + " cannot follow default field"
                                + ("s " if len(default_names) > 1 else " ")
                                + ", ".join(default_names))
        nt = _make_namedtuple(typename, list(types.items()), defaults, ns.get("__module__"))
        for key, value in ns.items():
            if key in _NAMEDTUPLE_PROHIBITED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key not in _NAMEDTUPLE_SKIP and key not in nt._fields:
                setattr(nt, key, value)
        if "__doc__" in ns and ns["__doc__"] is not None:
            nt.__doc__ = ns["__doc__"]
        return nt

    def __call__(cls, typename=None, fields=None, /, **kwargs):
        if cls.__dict__.get("_is_named_tuple_root", False):
            if fields is None:
                fields = list(kwargs.items())
            return _make_namedtuple(typename, list(fields), None, _caller_module())
        return type.__call__(cls, typename, fields, **kwargs)


class NamedTuple(metaclass=_NamedTupleMeta):
    """Typed namedtuple: class P(NamedTuple): x: int; y: int = 0."""
    _is_named_tuple_root = True


class _TypedDictMeta(type):
    def __new__(mcls, name, bases, ns, total=True):
        if ns.get("_is_typed_dict_root", False):
            return type.__new__(mcls, name, bases, ns)
        annotations = {}
        for base in bases:
            annotations.update(base.__dict__.get("__annotations__", {}))
        annotations.update(ns.get("__annotations__", {}))
        body = {k: v for k, v in ns.items() if k != "__annotations__"}
        body["__annotations__"] = annotations
        body["__total__"] = total
        return type.__new__(mcls, name, (dict,), body)

    def __call__(cls, *args, **kwargs):
        if cls.__dict__.get("_is_typed_dict_root", False):
            name = args[0]
            fields = args[1] if len(args) > 1 else kwargs
            return _TypedDictMeta.__new__(_TypedDictMeta, name, (TypedDict,),
                                          {"__annotations__": dict(fields),
                                           "__module__": _caller_module()})
        return dict(*args, **kwargs)

    def __instancecheck__(cls, obj):
        raise TypeError("TypedDict does not support instance and class checks")

    def __subclasscheck__(cls, other):
        raise TypeError("TypedDict does not support instance and class checks")


class TypedDict(metaclass=_TypedDictMeta):
    """A dict with a fixed set of typed keys (instances are plain dicts)."""
    _is_typed_dict_root = True


def is_typeddict(tp):
    return isinstance(type(tp), type) and type(tp) is _TypedDictMeta


class NewType(_Final):
    """NewType('UserId', int): a distinct name for a type; calling it returns its argument."""

    def __init__(self, name, tp):
        self.__name__ = name
        self.__qualname__ = name
        self.__supertype__ = tp
        module = _caller_module()
        self.__module__ = module if module is not None else "typing"

    def __call__(self, x):
        return x

    def __repr__(self):
        return self.__module__ + "." + self.__qualname__

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass an instance of NewType. Perhaps you were looking for: "
                        + self.__name__ + " = NewType(" + repr(self.__name__) + ", ...)")


# -- functions ------------------------------------------------------------------------

def cast(typ, val):
    """Tell the type checker val has type typ; returns val unchanged."""
    return val


def assert_type(val, typ, /):
    return val


def assert_never(arg, /):
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + "..."
    raise AssertionError("Expected code to be unreachable, but got: " + value)


def reveal_type(obj, /):
    print("Runtime type is " + repr(type(obj).__name__), file=_sys.stderr)
    return obj


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        "You should not call an overloaded function. A series of @overload-decorated "
        "functions outside a stub module should always be followed by an implementation "
        "that is not @overload-ed.")


def overload(func):
    """Mark an overload signature; the undecorated definition that follows is used."""
    return _overload_dummy


def get_overloads(func):
    return []


def clear_overloads():
    pass


def final(f):
    """Mark a method or class final (no effect at run time)."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    return arg


def no_type_check_decorator(decorator):
    return decorator


def dataclass_transform(**kwargs):
    def decorator(cls_or_fn):
        return cls_or_fn
    return decorator


def get_origin(tp):
    """The unsubscripted form of tp: get_origin(List[int]) is list."""
    if isinstance(tp, _GenericAlias):
        if tp._special == "Annotated":
            return Annotated
        return tp.__origin__
    if isinstance(tp, _SpecialGenericAlias):
        return tp.__origin__
    if isinstance(tp, (ParamSpecArgs, ParamSpecKwargs)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if type(tp).__name__ in ("GenericAlias", "UnionType"):
        return getattr(tp, "__origin__", None) or (Union if type(tp).__name__ == "UnionType" else None)
    return None


def get_args(tp):
    """The arguments of a subscripted type: get_args(Dict[str, int]) == (str, int)."""
    if isinstance(tp, _GenericAlias):
        if tp._special == "Annotated":
            return (tp.__origin__,) + tp.__metadata__
        return tuple(tp.__args__)
    if type(tp).__name__ in ("GenericAlias", "UnionType"):
        return tuple(getattr(tp, "__args__", ()))
    return ()


def _eval_hint(value, globalns, localns):
    if value is None:
        return _NoneType
    if isinstance(value, ForwardRef):
        value = value.__forward_arg__
    if isinstance(value, str):
        return eval(value, globalns, localns)
    return value


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a class, module or function, with strings evaluated."""
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get("__annotations__", {})
            if globalns is None:
                module = _sys.modules.get(base.__module__)
                base_globals = getattr(module, "__dict__", {})
            else:
                base_globals = globalns
            for name, value in ann.items():
                hints[name] = _eval_hint(value, base_globals, localns if localns is not None
                                         else dict(base.__dict__))
        return hints
    ann = getattr(obj, "__annotations__", None)
    if ann is None:
        return hints
    if globalns is None:
        globalns = getattr(obj, "__globals__", None)
        if globalns is None:
            globalns = getattr(obj, "__dict__", {})
    for name, value in ann.items():
        hints[name] = _eval_hint(value, globalns, localns)
    return hints

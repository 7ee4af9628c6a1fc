"""dataclasses: the @dataclass decorator and field().

Generated methods are closures over the field list (no source code is
generated and exec'd): __init__, __repr__, __eq__, the ordering methods
with order=True, __hash__ and a __setattr__/__delattr__ guard with
frozen=True.  Fields come from the class's own __annotations__ in order,
after the fields of dataclass bases.
"""

__all__ = ["dataclass", "field", "Field", "fields", "asdict", "astuple",
           "FrozenInstanceError", "MISSING", "replace", "is_dataclass"]


class _MissingType:
    def __repr__(self):
        return "MISSING"


MISSING = _MissingType()


class FrozenInstanceError(AttributeError):
    pass


class Field:
    __slots__ = ("name", "type", "default", "default_factory", "init", "repr",
                 "hash", "compare", "kw_only")

    def __init__(self, default, default_factory, init, repr, hash, compare, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.kw_only = kw_only

    def __repr__(self):
        return "Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,hash=%r,compare=%r)" % (
            self.name, self.type, self.default, self.default_factory, self.init,
            self.repr, self.hash, self.compare)


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, kw_only)


_FIELDS = "__dataclass_fields__"


def fields(obj):
    try:
        fs = getattr(obj, _FIELDS)
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(fs.values())


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def _collect(cls, kw_only=False):
    fs = {}
    for b in cls.__mro__[-1:0:-1]:
        base_fields = b.__dict__.get(_FIELDS)
        if base_fields:
            for f in base_fields.values():
                fs[f.name] = f
    anns = cls.__dict__.get("__annotations__", {})
    for name, tp in anns.items():
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = tp
        if f.kw_only is MISSING:
            f.kw_only = kw_only
        if isinstance(f.default, (list, dict, set)):
            raise ValueError("mutable default %s for field %s is not allowed: use default_factory"
                             % (type(f.default), name))
        fs[name] = f
        # Class attributes keep plain defaults; Field objects are removed.
        if isinstance(default, Field):
            if f.default is MISSING:
                try:
                    delattr(cls, name)
                except AttributeError:
                    pass
            else:
                setattr(cls, name, f.default)
    return fs


def _make_init(fs, frozen, qualname):
    params = [f for f in fs if f.init]
    seen_default = False
    for f in params:
        if f.kw_only:
            continue
        has_default = f.default is not MISSING or f.default_factory is not MISSING
        if has_default:
            seen_default = True
        elif seen_default:
            raise TypeError("non-default argument %r follows default argument" % f.name)
    positional = [f for f in params if not f.kw_only]
    kwonly = [f for f in params if f.kw_only]

    def __init__(self, *args, **kwargs):
        if len(args) > len(positional):
            takes = len(positional) + 1
            raise TypeError("%s.__init__() takes %d positional argument%s but %d were given"
                            % (qualname, takes, "" if takes == 1 else "s", len(args) + 1))
        values = {}
        for f, a in zip(positional, args):
            values[f.name] = a
        for k, v in kwargs.items():
            if k in values:
                raise TypeError("__init__() got multiple values for argument %r" % k)
            if not any(f.name == k for f in params):
                raise TypeError("__init__() got an unexpected keyword argument %r" % k)
            values[k] = v
        missing = []
        for f in params:
            if f.name not in values:
                if f.default is not MISSING:
                    values[f.name] = f.default
                elif f.default_factory is not MISSING:
                    values[f.name] = f.default_factory()
                else:
                    missing.append(f.name)
        if missing:
            if len(missing) == 1:
                raise TypeError("__init__() missing 1 required positional argument: %r" % missing[0])
            names = ", ".join(repr(m) for m in missing[:-1]) + " and " + repr(missing[-1])
            raise TypeError("__init__() missing %d required positional arguments: %s"
                            % (len(missing), names))
        for f in fs:
            if not f.init:
                if f.default is not MISSING:
                    values[f.name] = f.default
                elif f.default_factory is not MISSING:
                    values[f.name] = f.default_factory()
                else:
                    continue
            if frozen:
                object.__setattr__(self, f.name, values[f.name])
            else:
                setattr(self, f.name, values[f.name])
        post = getattr(self, "__post_init__", None)
        if post is not None:
            post()
    return __init__


def _tuple_of(self, fs):
    return tuple(getattr(self, f.name) for f in fs)


def _process(cls, init, repr, eq, order, unsafe_hash, frozen, match_args=True,
             kw_only=False):
    fs_map = _collect(cls, kw_only)
    setattr(cls, _FIELDS, fs_map)
    fs = list(fs_map.values())
    cmp_fields = [f for f in fs if f.compare]

    if init and "__init__" not in cls.__dict__:
        cls.__init__ = _make_init(fs, frozen, cls.__qualname__)
    if repr and "__repr__" not in cls.__dict__:
        rfs = [f for f in fs if f.repr]

        def __repr__(self):
            inner = ", ".join("%s=%r" % (f.name, getattr(self, f.name)) for f in rfs)
            return type(self).__qualname__ + "(" + inner + ")"
        cls.__repr__ = __repr__
    if eq and "__eq__" not in cls.__dict__:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return _tuple_of(self, cmp_fields) == _tuple_of(other, cmp_fields)
            return NotImplemented
        cls.__eq__ = __eq__
    if order:
        def make(op):
            def method(self, other):
                if other.__class__ is self.__class__:
                    return op(_tuple_of(self, cmp_fields), _tuple_of(other, cmp_fields))
                return NotImplemented
            return method
        for name, op in (("__lt__", lambda a, b: a < b), ("__le__", lambda a, b: a <= b),
                         ("__gt__", lambda a, b: a > b), ("__ge__", lambda a, b: a >= b)):
            if name in cls.__dict__:
                raise TypeError("Cannot overwrite attribute %s in class %s. Consider using functools.total_ordering"
                                % (name, cls.__name__))
            setattr(cls, name, make(op))
    hash_fields = [f for f in fs if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash or (eq and frozen):
        def __hash__(self):
            return hash(_tuple_of(self, hash_fields))
        cls.__hash__ = __hash__
    elif eq and "__hash__" not in cls.__dict__:
        cls.__hash__ = None
    if frozen:
        def __setattr__(self, name, value):
            if name in fs_map:
                raise FrozenInstanceError("cannot assign to field %r" % name)
            object.__setattr__(self, name, value)

        def __delattr__(self, name):
            if name in fs_map:
                raise FrozenInstanceError("cannot delete field %r" % name)
            object.__delattr__(self, name)
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__
    if match_args and "__match_args__" not in cls.__dict__:
        cls.__match_args__ = tuple(f.name for f in fs if f.init and not f.kw_only)
    return cls


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True, kw_only=False,
              slots=False):
    if order and not eq:
        raise ValueError("eq must be true if order is true")

    def wrap(c):
        return _process(c, init, repr, eq, order, unsafe_hash, frozen, match_args,
                        kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict(obj, dict_factory)


def _asdict(obj, dict_factory):
    if is_dataclass(obj) and not isinstance(obj, type):
        return dict_factory([(f.name, _asdict(getattr(obj, f.name), dict_factory)) for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict(k, dict_factory), _asdict(v, dict_factory)) for k, v in obj.items())
    return obj


def astuple(obj, *, tuple_factory=tuple):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("astuple() should be called on dataclass instances")
    return tuple_factory(getattr(obj, f.name) for f in fields(obj))


def replace(obj, **changes):
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)

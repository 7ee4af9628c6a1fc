"""enum: Enum, IntEnum, Flag, IntFlag, auto and unique.

EnumMeta turns the plain attributes of a class body (not dunder names, not
descriptors such as functions) into the members: instances of the class
with `_name_` and `_value_`, created once when the class is made and found
again by value (`Color(1)`) or by name (`Color["RED"]`).
"""

__all__ = ["Enum", "IntEnum", "Flag", "IntFlag", "auto", "unique", "EnumMeta", "EnumType"]


class auto:
    """Placeholder value: replaced by the next value when the class is made."""
    _counter = 0

    def __init__(self):
        auto._counter += 1
        self._order = auto._counter
        self.value = None

    def __repr__(self):
        return "auto()"


def _is_descriptor(obj):
    return (hasattr(obj, "__get__") or hasattr(obj, "__set__") or hasattr(obj, "__delete__"))


def _is_member_name(name, value):
    if name.startswith("__") and name.endswith("__"):
        return False
    if name.startswith("_") and name.endswith("_") and len(name) > 2:
        return False
    if _is_descriptor(value) and not isinstance(value, auto):
        return False
    return True


class EnumMeta(type):
    def __new__(mcls, name, bases, ns, **kw):
        members = []
        for key in list(ns.keys()):
            value = ns[key]
            if _is_member_name(key, value):
                members.append((key, value))
        plain = {k: v for k, v in ns.items() if not any(k == m for m, _ in members)}
        cls = super().__new__(mcls, name, bases, plain)
        cls._member_names_ = []
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        base_values = []
        for b in cls.__mro__[1:]:
            if isinstance(b, EnumMeta) and b._member_names_:
                raise TypeError("%s: cannot extend enumeration %r" % (name, b.__name__))
        for key, value in members:
            if isinstance(value, auto):
                value = cls._generate_next_value_(key, 1, len(cls._member_names_), base_values)
            base_values.append(value)
            if value in cls._value2member_map_ if _hashable(value) else False:
                # An alias of an existing member.
                member = cls._value2member_map_[value]
                cls._member_map_[key] = member
                type.__setattr__(cls, key, member)
                continue
            member = cls._new_member_(value)
            member._name_ = key
            member._value_ = value
            cls._member_names_.append(key)
            cls._member_map_[key] = member
            if _hashable(value):
                cls._value2member_map_[value] = member
            type.__setattr__(cls, key, member)
        return cls

    def _new_member_(cls, value):
        base = None
        for b in cls.__mro__[1:]:
            if not isinstance(b, EnumMeta) and b is not object:
                base = b
                break
        if base is None:
            member = object.__new__(cls)
        else:
            args = value if isinstance(value, tuple) and base is not tuple else (value,)
            member = base.__new__(cls, *args)
        init = cls.__dict__.get("__init__")
        if init is not None:
            init(member, *(value if isinstance(value, tuple) else (value,)))
        return member

    def __call__(cls, value, *args, **kw):
        if args or kw or not cls._member_names_:
            return type.__call__(cls, value, *args, **kw)
        if isinstance(value, cls):
            return value
        try:
            if _hashable(value) and value in cls._value2member_map_:
                return cls._value2member_map_[value]
        except TypeError:
            pass
        for m in cls._member_map_.values():
            if m._value_ == value:
                return m
        r = cls._missing_(value)
        if r is not None:
            return r
        raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[n] for n in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[n] for n in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, member):
        if isinstance(member, cls):
            return True
        return any(m._value_ == member for m in cls._member_map_.values())

    def __repr__(cls):
        return "<enum %r>" % cls.__name__

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError("cannot reassign member %r" % name)
        type.__setattr__(cls, name, value)


EnumType = EnumMeta


def _hashable(v):
    try:
        hash(v)
        return True
    except TypeError:
        return False


class Enum(metaclass=EnumMeta):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for v in reversed(last_values):
            if isinstance(v, int):
                return v + 1
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return "<%s.%s: %r>" % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (type(self).__name__, self._name_)

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return type(self), (self._value_,)

    def __eq__(self, other):
        return self is other

    def __ne__(self, other):
        return self is not other


class IntEnum(int, Enum):
    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)

    def __eq__(self, other):
        return int(self) == other

    def __ne__(self, other):
        return int(self) != other

    def __hash__(self):
        return hash(self._value_)

    def __lt__(self, other):
        return int(self) < other


class Flag(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return 1
        high = max(v for v in last_values if isinstance(v, int))
        return 1 << high.bit_length()

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            return None
        member = object.__new__(cls)
        member._value_ = value
        names = [m._name_ for m in cls if m._value_ & value == m._value_ and m._value_]
        member._name_ = "|".join(names) if names else None
        return member

    def __or__(self, other):
        return type(self)(self._value_ | other._value_)

    def __and__(self, other):
        return type(self)(self._value_ & other._value_)

    def __xor__(self, other):
        return type(self)(self._value_ ^ other._value_)

    def __contains__(self, other):
        return other._value_ & self._value_ == other._value_

    def __bool__(self):
        return bool(self._value_)

    def __eq__(self, other):
        return type(other) is type(self) and other._value_ == self._value_

    def __hash__(self):
        return hash(self._value_)


class IntFlag(int, Flag):
    pass


def unique(enumeration):
    seen = {}
    for name, member in enumeration.__members__.items():
        if name != member._name_:
            raise ValueError("duplicate values found in %r: %s -> %s" % (enumeration, name, member._name_))
    return enumeration

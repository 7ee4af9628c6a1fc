"""Container types: deque, defaultdict, namedtuple, OrderedDict, Counter, ChainMap.

deque keeps its items in two Python lists: `_left` holds the left part in
reverse order (the leftmost item is `_left[-1]`) and `_right` the right
part in order, so the items are reversed(_left) + _right.  Appends and
pops at either end are list appends/pops; when the end being popped is
empty, half of the other list is moved over (amortized O(1)).

namedtuple builds a tuple subclass with type(); fields are read-only
properties reading the tuple slot.  OrderedDict relies on dicts keeping
insertion order and only adds the order-aware operations.
"""

import sys as _sys
from itertools import chain as _chain, repeat as _repeat, starmap as _starmap
from keyword import iskeyword as _iskeyword

__all__ = ["ChainMap", "Counter", "OrderedDict", "UserDict", "UserList",
           "defaultdict", "deque", "namedtuple"]


# -- deque ------------------------------------------------------------------------

class deque:
    """deque([iterable[, maxlen]]): a double-ended queue, optionally bounded."""

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._maxlen = maxlen
        self._left = []
        self._right = []
        if iterable is not None:
            self.extend(iterable)

    @property
    def maxlen(self):
        """Maximum size of the deque, or None if unbounded."""
        return self._maxlen

    def __len__(self):
        return len(self._left) + len(self._right)

    def __bool__(self):
        return bool(self._left) or bool(self._right)

    def append(self, x):
        """Add x to the right end."""
        self._right.append(x)
        m = self._maxlen
        if m is not None and len(self._left) + len(self._right) > m:
            self.popleft()

    def appendleft(self, x):
        """Add x to the left end."""
        self._left.append(x)
        m = self._maxlen
        if m is not None and len(self._left) + len(self._right) > m:
            self.pop()

    def pop(self):
        """Remove and return the rightmost item."""
        right = self._right
        if right:
            return right.pop()
        left = self._left
        if not left:
            raise IndexError("pop from an empty deque")
        k = (len(left) + 1) // 2
        moved = left[:k]
        moved.reverse()
        self._right = moved
        del left[:k]
        return moved.pop()

    def popleft(self):
        """Remove and return the leftmost item."""
        left = self._left
        if left:
            return left.pop()
        right = self._right
        if not right:
            raise IndexError("pop from an empty deque")
        k = (len(right) + 1) // 2
        moved = right[:k]
        moved.reverse()
        self._left = moved
        del right[:k]
        return moved.pop()

    def extend(self, iterable):
        """Append every item of iterable on the right."""
        if iterable is self:
            iterable = list(iterable)
        if self._maxlen is None:
            self._right.extend(iterable)
        else:
            for x in iterable:
                self.append(x)

    def extendleft(self, iterable):
        """Append every item of iterable on the left (so they end up reversed)."""
        if iterable is self:
            iterable = list(iterable)
        if self._maxlen is None:
            self._left.extend(iterable)
        else:
            for x in iterable:
                self.appendleft(x)

    def clear(self):
        """Remove every item."""
        self._left = []
        self._right = []

    def _items(self):
        items = self._left[::-1]
        items.extend(self._right)
        return items

    def _set_items(self, items):
        self._left = []
        self._right = items

    def rotate(self, n=1):
        """Rotate n steps to the right (to the left if n is negative)."""
        length = len(self)
        if length <= 1:
            return
        n %= length
        if not n:
            return
        items = self._items()
        self._set_items(items[-n:] + items[:-n])

    def reverse(self):
        """Reverse the items in place."""
        self._left, self._right = self._right, self._left

    def copy(self):
        """A shallow copy."""
        return type(self)(self, self._maxlen)

    __copy__ = copy

    def count(self, x):
        """Number of items equal to x."""
        n = 0
        for item in self:
            if item is x or item == x:
                n += 1
        return n

    def index(self, x, start=0, stop=None):
        """Index of the first item equal to x in [start, stop)."""
        items = self._items()
        length = len(items)
        if stop is None:
            stop = length
        if start < 0:
            start = max(start + length, 0)
        if stop < 0:
            stop += length
        for i in range(start, min(stop, length)):
            item = items[i]
            if item is x or item == x:
                return i
        raise ValueError(repr(x) + " is not in deque")

    def insert(self, i, x):
        """Insert x before position i."""
        if self._maxlen is not None and len(self) >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        items = self._items()
        items.insert(i, x)
        self._set_items(items)

    def remove(self, value):
        """Remove the first item equal to value."""
        items = self._items()
        for i in range(len(items)):
            item = items[i]
            if item is value or item == value:
                del items[i]
                self._set_items(items)
                return
        raise ValueError(repr(value) + " is not in deque")

    def _position(self, index):
        if not isinstance(index, int):
            if hasattr(index, "__index__"):
                index = index.__index__()
            else:
                raise TypeError("sequence index must be integer, not '"
                                + type(index).__name__ + "'")
        length = len(self._left) + len(self._right)
        if index < 0:
            index += length
        if index < 0 or index >= length:
            raise IndexError("deque index out of range")
        return index

    def __getitem__(self, index):
        i = self._position(index)
        nl = len(self._left)
        if i < nl:
            return self._left[nl - 1 - i]
        return self._right[i - nl]

    def __setitem__(self, index, value):
        i = self._position(index)
        nl = len(self._left)
        if i < nl:
            self._left[nl - 1 - i] = value
        else:
            self._right[i - nl] = value

    def __delitem__(self, index):
        i = self._position(index)
        nl = len(self._left)
        if i < nl:
            del self._left[nl - 1 - i]
        else:
            del self._right[i - nl]

    def __contains__(self, x):
        for item in self._left:
            if item is x or item == x:
                return True
        for item in self._right:
            if item is x or item == x:
                return True
        return False

    def __iter__(self):
        left = self._left
        for i in range(len(left) - 1, -1, -1):
            yield left[i]
        for item in self._right:
            yield item

    def __reversed__(self):
        right = self._right
        for i in range(len(right) - 1, -1, -1):
            yield right[i]
        for item in self._left:
            yield item

    def __repr__(self):
        body = repr(self._items())
        if self._maxlen is None:
            return type(self).__name__ + "(" + body + ")"
        return type(self).__name__ + "(" + body + ", maxlen=" + str(self._maxlen) + ")"

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() == other._items()

    def __ne__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() != other._items()

    def __lt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() < other._items()

    def __le__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() <= other._items()

    def __gt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() > other._items()

    def __ge__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() >= other._items()

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "' + type(other).__name__
                            + '") to deque')
        result = self.copy()
        result.extend(other)
        return result

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        result = type(self)((), self._maxlen)
        result.extend(self._items() * n)
        return result

    __rmul__ = __mul__

    def __imul__(self, n):
        items = self._items() * n
        self.clear()
        self.extend(items)
        return self


# -- defaultdict --------------------------------------------------------------

class defaultdict(dict):
    """defaultdict(default_factory=None, ...): missing keys get default_factory()."""

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        dict.__init__(self, *args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        factory = self.default_factory
        if factory is None:
            raise KeyError(key)
        value = factory()
        self[key] = value
        return value

    def __repr__(self):
        return (type(self).__name__ + "(" + repr(self.default_factory) + ", "
                + dict.__repr__(self) + ")")

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new

    def __reduce__(self):
        return (type(self), (self.default_factory,), None, None, iter(self.items()))


# -- namedtuple ------------------------------------------------------------------

def _field_property(index, doc):
    def get(self):
        return tuple.__getitem__(self, index)
    return property(get, doc=doc)


def _join_names(names):
    quoted = ["'" + n + "'" for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return quoted[0] + " and " + quoted[1]
    return ", ".join(quoted[:-1]) + ", and " + quoted[-1]


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """A tuple subclass named typename whose items are also attributes."""
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    field_names = [str(x) for x in field_names]
    typename = str(typename)
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or _iskeyword(name) or name.startswith("_")
                    or name in seen):
                field_names[index] = "_" + str(index)
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError("Type names and field names must be strings")
        if not name.isidentifier():
            raise ValueError("Type names and field names must be valid identifiers: "
                             + repr(name))
        if _iskeyword(name):
            raise ValueError("Type names and field names cannot be a keyword: " + repr(name))
    seen = set()
    for name in field_names:
        if name.startswith("_") and not rename:
            raise ValueError("Field names cannot start with an underscore: " + repr(name))
        if name in seen:
            raise ValueError("Encountered duplicate field name: " + repr(name))
        seen.add(name)

    fields = tuple(field_names)
    nfields = len(fields)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > nfields:
            raise TypeError("Got more default values than field names")
        field_defaults = dict(zip(fields[nfields - len(defaults):], defaults))
    nrequired = nfields - len(field_defaults)
    positions = {name: i for i, name in enumerate(fields)}
    new_name = typename + ".__new__()"

    def __new__(_cls, *args, **kwargs):
        if not kwargs and len(args) == nfields:
            return tuple.__new__(_cls, args)
        if len(args) > nfields:
            if nrequired == nfields:
                takes = str(nfields + 1)
            else:
                takes = "from " + str(nrequired + 1) + " to " + str(nfields + 1)
            raise TypeError(new_name + " takes " + takes + " positional argument"
                            + ("" if nfields == 0 and nrequired == nfields else "s")
                            + " but " + str(len(args) + 1) + " were given")
        values = list(args) + [_MISSING] * (nfields - len(args))
        for key, value in kwargs.items():
            pos = positions.get(key)
            if pos is None:
                raise TypeError(new_name + " got an unexpected keyword argument " + repr(key))
            if pos < len(args):
                raise TypeError(new_name + " got multiple values for argument " + repr(key))
            values[pos] = value
        missing = []
        for i in range(nfields):
            if values[i] is _MISSING:
                name = fields[i]
                if name in field_defaults:
                    values[i] = field_defaults[name]
                else:
                    missing.append(name)
        if missing:
            raise TypeError(new_name + " missing " + str(len(missing)) + " required positional "
                            + ("argument" if len(missing) == 1 else "arguments") + ": "
                            + _join_names(missing))
        return tuple.__new__(_cls, values)

    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != nfields:
            raise TypeError("Expected " + str(nfields) + " arguments, got " + str(len(result)))
        return result

    def _replace(self, /, **kwds):
        values = []
        for name, old in zip(fields, self):
            values.append(kwds.pop(name, old))
        if kwds:
            raise ValueError("Got unexpected field names: " + repr(list(kwds)))
        return self._make(values)

    def __repr__(self):
        parts = []
        for name, value in zip(fields, self):
            parts.append(name + "=" + repr(value))
        return type(self).__name__ + "(" + ", ".join(parts) + ")"

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    namespace = {
        "__doc__": typename + "(" + ", ".join(fields) + ")",
        "__slots__": (),
        "_fields": fields,
        "_field_defaults": field_defaults,
        "__match_args__": fields,
        "__new__": __new__,
        "_make": classmethod(_make),
        "_replace": _replace,
        "__repr__": __repr__,
        "_asdict": _asdict,
        "__getnewargs__": __getnewargs__,
    }
    for index, name in enumerate(fields):
        namespace[name] = _field_property(index, "Alias for field number " + str(index))
    result = type(typename, (tuple,), namespace)
    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get("__name__", "__main__")
        except (AttributeError, ValueError):
            module = None
    if module is not None:
        result.__module__ = module
    return result


_MISSING = object()


# -- OrderedDict ----------------------------------------------------------------

class OrderedDict(dict):
    """A dict whose order matters for equality, with move_to_end()."""

    def move_to_end(self, key, last=True):
        """Move an existing key to the right end (or to the left if not last)."""
        value = dict.__getitem__(self, key)
        if last:
            dict.__delitem__(self, key)
            dict.__setitem__(self, key, value)
            return
        items = list(dict.items(self))
        dict.clear(self)
        dict.__setitem__(self, key, value)
        for k, v in items:
            if k is not key and not (k == key):
                dict.__setitem__(self, k, v)

    def popitem(self, last=True):
        """Remove and return the last (or first) (key, value) pair."""
        if not self:
            raise KeyError("dictionary is empty")
        if last:
            key = next(reversed(self))
        else:
            key = next(iter(self))
        value = dict.pop(self, key)
        return (key, value)

    def __repr__(self):
        if not self:
            return type(self).__name__ + "()"
        return type(self).__name__ + "(" + repr(list(self.items())) + ")"

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(self) == list(other)
        return dict.__eq__(self, other)

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    __hash__ = None

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(other)
        new.update(self)
        return new

    def __reduce__(self):
        return (type(self), (), None, None, iter(self.items()))


# -- Counter -----------------------------------------------------------------------

def _is_mapping(obj):
    if isinstance(obj, dict):
        return True
    cls = type(obj)
    return hasattr(cls, "items") and hasattr(cls, "keys") and hasattr(cls, "__getitem__")


def _count_of(pair):
    return pair[1]


class Counter(dict):
    """A dict of counts: Counter('abca') == {'a': 2, 'b': 1, 'c': 1}."""

    def __init__(self, iterable=None, /, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        """Sum of the counts."""
        return sum(self.values())

    def most_common(self, n=None):
        """The n most common (elem, count) pairs, first-seen first among ties."""
        ordered = sorted(self.items(), key=_count_of, reverse=True)
        if n is None:
            return ordered
        if n < 0:
            n = 0
        return ordered[:n]

    def elements(self):
        """Each element repeated as many times as its count (if positive)."""
        return _chain.from_iterable(_starmap(_repeat, self.items()))

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")

    def update(self, iterable=None, /, **kwds):
        """Add counts from an iterable of elements or a mapping of counts."""
        if iterable is not None:
            if _is_mapping(iterable):
                if self:
                    get = self.get
                    for elem, count in iterable.items():
                        self[elem] = count + get(elem, 0)
                else:
                    dict.update(self, iterable)
            else:
                get = self.get
                for elem in iterable:
                    self[elem] = get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Subtract counts (results may become zero or negative)."""
        if iterable is not None:
            get = self.get
            if _is_mapping(iterable):
                for elem, count in iterable.items():
                    self[elem] = get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def __reduce__(self):
        return (type(self), (dict(self),))

    def __delitem__(self, elem):
        if elem in self:
            dict.__delitem__(self, elem)

    def __repr__(self):
        if not self:
            return type(self).__name__ + "()"
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self)
        return type(self).__name__ + "(" + repr(d) + ")"

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for e in self:
            if not self[e] == other[e]:
                return False
        for e in other:
            if not self[e] == other[e]:
                return False
        return True

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for e in self:
            if not self[e] <= other[e]:
                return False
        for e in other:
            if not self[e] <= other[e]:
                return False
        return True

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for e in self:
            if not self[e] >= other[e]:
                return False
        for e in other:
            if not self[e] >= other[e]:
                return False
        return True

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        nonpositive = [elem for elem, count in self.items() if not count > 0]
        for elem in nonpositive:
            dict.__delitem__(self, elem)
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in self.items():
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


# -- ChainMap ----------------------------------------------------------------------------

class ChainMap:
    """Several mappings searched in order as one; writes go to the first."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        d = {}
        for mapping in reversed(self.maps):
            for key in mapping:
                d[key] = None
        return iter(d)

    def __contains__(self, key):
        for m in self.maps:
            if key in m:
                return True
        return False

    def __bool__(self):
        for m in self.maps:
            if m:
                return True
        return False

    def __repr__(self):
        return type(self).__name__ + "(" + ", ".join([repr(m) for m in self.maps]) + ")"

    def keys(self):
        return list(self)

    def items(self):
        return [(k, self[k]) for k in self]

    def values(self):
        return [self[k] for k in self]

    def copy(self):
        return type(self)(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return type(self)(m, *self.maps)

    @property
    def parents(self):
        return type(self)(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError("Key not found in the first mapping: " + repr(key)) from None

    def pop(self, key, *args):
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError("Key not found in the first mapping: " + repr(key)) from None

    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError("No keys found in the first mapping.") from None

    def clear(self):
        self.maps[0].clear()

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def update(self, other=(), /, **kwds):
        self.maps[0].update(other, **kwds)

    def __eq__(self, other):
        return dict(self.items()) == dict(other.items())


# -- UserDict / UserList -------------------------------------------------------------

class UserDict:
    """A dict wrapper (the dict is .data) meant for subclassing."""

    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        if dict is not None:
            self.update(dict)
        if kwargs:
            self.update(kwargs)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, key):
        if key in self.data:
            return self.data[key]
        if hasattr(type(self), "__missing__"):
            return type(self).__missing__(self, key)
        raise KeyError(key)

    def __setitem__(self, key, item):
        self.data[key] = item

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, key):
        return key in self.data

    def __repr__(self):
        return repr(self.data)

    def __eq__(self, other):
        if isinstance(other, UserDict):
            return self.data == other.data
        return self.data == other

    def keys(self):
        return self.data.keys()

    def items(self):
        return self.data.items()

    def values(self):
        return self.data.values()

    def get(self, key, default=None):
        if key in self:
            return self[key]
        return default

    def pop(self, key, *args):
        return self.data.pop(key, *args)

    def popitem(self):
        return self.data.popitem()

    def clear(self):
        self.data.clear()

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def update(self, other=(), /, **kwds):
        if hasattr(other, "keys"):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def copy(self):
        new = type(self)()
        new.data = self.data.copy()
        return new


class UserList:
    """A list wrapper (the list is .data) meant for subclassing."""

    def __init__(self, initlist=None):
        self.data = []
        if initlist is not None:
            if isinstance(initlist, UserList):
                self.data[:] = initlist.data[:]
            else:
                self.data = list(initlist)

    def __repr__(self):
        return repr(self.data)

    def _unwrap(self, other):
        return other.data if isinstance(other, UserList) else other

    def __lt__(self, other):
        return self.data < self._unwrap(other)

    def __le__(self, other):
        return self.data <= self._unwrap(other)

    def __eq__(self, other):
        return self.data == self._unwrap(other)

    def __gt__(self, other):
        return self.data > self._unwrap(other)

    def __ge__(self, other):
        return self.data >= self._unwrap(other)

    def __contains__(self, item):
        return item in self.data

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        return iter(self.data)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return type(self)(self.data[i])
        return self.data[i]

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def __add__(self, other):
        return type(self)(self.data + list(self._unwrap(other)))

    def __iadd__(self, other):
        self.data += list(self._unwrap(other))
        return self

    def __mul__(self, n):
        return type(self)(self.data * n)

    __rmul__ = __mul__

    def append(self, item):
        self.data.append(item)

    def insert(self, i, item):
        self.data.insert(i, item)

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def clear(self):
        self.data.clear()

    def copy(self):
        return type(self)(self)

    def count(self, item):
        return self.data.count(item)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def reverse(self):
        self.data.reverse()

    def sort(self, /, *args, **kwds):
        self.data.sort(*args, **kwds)

    def extend(self, other):
        self.data.extend(self._unwrap(other))


# deque and UserList are sequences, ChainMap and UserDict mappings, for
# match statements (as the collections.abc classes they derive from in
# CPython make them).
try:
    from _kiln_abc import set_collection_flags as _set_collection_flags
except ImportError:  # another Python running this file (tests/stdlib)
    pass
else:
    _set_collection_flags(deque, 1 << 5)
    _set_collection_flags(UserList, 1 << 5)
    _set_collection_flags(ChainMap, 1 << 6)
    _set_collection_flags(UserDict, 1 << 6)
    del _set_collection_flags

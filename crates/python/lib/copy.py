"""Shallow and deep copies: copy(x) and deepcopy(x[, memo]).

Built-in containers are copied directly; immutable atoms are returned
as they are.  Other objects use, in order, their __copy__/__deepcopy__,
a __reduce_ex__/__reduce__ defined by their class, or a generic rebuild:
a new object from cls.__new__ (with __getnewargs__() if defined), its
state from __getstate__() or __dict__ (given to __setstate__ if defined),
and, for list/dict/set subclasses, their items.  deepcopy's memo maps
id(original) to the copy, so shared and cyclic structures stay so.
"""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error


def _function():
    pass


_ATOMIC = frozenset([type(None), int, float, bool, complex, str, bytes, type, range,
                     type(Ellipsis), type(NotImplemented), type(_function), type(len),
                     property, slice])


def _class_defines(cls, name):
    for base in getattr(cls, "__mro__", (cls,)):
        if base is object:
            return False
        if name in base.__dict__:
            return True
    return False


def copy(x):
    """A shallow copy of x."""
    cls = type(x)
    if cls in _ATOMIC or cls is tuple or cls is frozenset:
        return x
    if cls is list:
        return x[:]
    if cls is dict or cls is set:
        return x.copy()
    if cls is bytearray:
        return bytearray(x)
    if isinstance(x, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _custom_reduce(x, cls)
    if rv is not None:
        if isinstance(rv, str):
            return x
        return _reconstruct(x, None, *rv)
    return _generic(x, cls, None)


def _custom_reduce(x, cls):
    if _class_defines(cls, "__reduce_ex__"):
        return x.__reduce_ex__(4)
    if _class_defines(cls, "__reduce__"):
        return x.__reduce__()
    return None


def _state_of(x):
    getstate = getattr(x, "__getstate__", None)
    if getstate is not None and _class_defines(type(x), "__getstate__"):
        return getstate()
    return getattr(x, "__dict__", None) or None


def _generic(x, cls, memo):
    deep = memo is not None
    getnewargs = getattr(x, "__getnewargs__", None)
    args = getnewargs() if getnewargs is not None else ()
    if deep and args:
        args = deepcopy(args, memo)
    if isinstance(x, (set, frozenset)) and not args:
        items = list(x)
        if deep:
            items = deepcopy(items, memo)
        if isinstance(x, set):
            y = cls.__new__(cls)
            set.__init__(y, items)
        else:
            y = cls.__new__(cls, items)
    elif isinstance(x, tuple) and not args:
        items = tuple(x)
        if deep:
            items = deepcopy(items, memo)
        y = cls.__new__(cls, items)
    else:
        y = cls.__new__(cls, *args)
    if deep:
        memo[id(x)] = y
    state = _state_of(x)
    if state:
        if deep:
            state = deepcopy(state, memo)
        _set_state(y, state)
    if isinstance(x, list):
        for item in x:
            y.append(deepcopy(item, memo) if deep else item)
    elif isinstance(x, dict):
        for key, value in x.items():
            if deep:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
            else:
                y[key] = value
    return y


def _set_state(y, state):
    setstate = getattr(y, "__setstate__", None)
    if setstate is not None and _class_defines(type(y), "__setstate__"):
        setstate(state)
        return
    slotstate = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slotstate = state
    if state:
        y.__dict__.update(state)
    if slotstate:
        for key, value in slotstate.items():
            setattr(y, key, value)


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None, *rest):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        _set_state(y, state)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
            else:
                y[key] = value
    return y


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x: contained objects are copied recursively."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC:
        return x
    if cls is list:
        y = []
        memo[d] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        if d in memo:
            return memo[d]
        same = True
        for a, b in zip(x, items):
            if a is not b:
                same = False
                break
        y = x if same else tuple(items)
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set or cls is frozenset:
        y = cls([deepcopy(item, memo) for item in x])
    elif cls is bytearray:
        y = bytearray(x)
    elif isinstance(x, type):
        y = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _custom_reduce(x, cls)
            if rv is not None:
                if isinstance(rv, str):
                    y = x
                else:
                    y = _reconstruct(x, memo, *rv)
            else:
                y = _generic(x, cls, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    # The memo is keyed by id(): keep the originals alive so that no id is
    # reused by a new object while the copy is in progress.
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]

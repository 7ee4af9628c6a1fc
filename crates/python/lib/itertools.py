"""Iterator building blocks, with CPython's output orders.

count, repeat, chain and groupby are classes (they have methods or state
that outlives one generator); the rest are generators.  Functions that
CPython checks eagerly (iter() of their inputs, argument validation) do
those checks before returning the generator, so errors appear at the
call, not at the first next().
"""

import sys as _sys

__all__ = ["accumulate", "chain", "combinations", "combinations_with_replacement",
           "compress", "count", "cycle", "dropwhile", "filterfalse", "groupby",
           "islice", "pairwise", "permutations", "product", "repeat", "starmap",
           "takewhile", "tee", "zip_longest"]


class count:
    """count(start=0, step=1) yields start, start+step, start+2*step, ..."""

    def __init__(self, start=0, step=1):
        if not isinstance(start, (int, float, complex)) and not hasattr(start, "__add__"):
            raise TypeError("a number is required")
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if isinstance(self._step, int) and self._step == 1:
            return "count(" + repr(self._n) + ")"
        return "count(" + repr(self._n) + ", " + repr(self._step) + ")"


def _cycle(it):
    saved = []
    for element in it:
        yield element
        saved.append(element)
    if not saved:
        return
    while True:
        for element in saved:
            yield element


def cycle(iterable):
    """Yield the items of iterable, then repeat them forever."""
    return _cycle(iter(iterable))


class repeat:
    """repeat(obj[, times]) yields obj times times (forever if no times)."""

    def __init__(self, object, times=None):
        self._obj = object
        if times is not None:
            if not isinstance(times, int):
                raise TypeError("integer argument expected, got " + type(times).__name__)
            if times < 0:
                times = 0
        self._times = times

    def __iter__(self):
        return self

    def __next__(self):
        t = self._times
        if t is None:
            return self._obj
        if t <= 0:
            raise StopIteration
        self._times = t - 1
        return self._obj

    def __length_hint__(self):
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._times

    def __repr__(self):
        if self._times is None:
            return "repeat(" + repr(self._obj) + ")"
        return "repeat(" + repr(self._obj) + ", " + str(self._times) + ")"


def _accumulate(it, func, initial):
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    else:
        total = initial
    yield total
    if func is None:
        for element in it:
            total = total + element
            yield total
    else:
        for element in it:
            total = func(total, element)
            yield total


def accumulate(iterable, func=None, *, initial=None):
    """Running totals (or running results of func)."""
    return _accumulate(iter(iterable), func, initial)


class chain:
    """chain(a, b, ...) yields the items of a, then of b, ..."""

    def __init__(self, *iterables):
        self._sources = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterable):
        """chain the iterables produced by one iterable, lazily."""
        obj = cls.__new__(cls)
        obj._sources = iter(iterable)
        obj._active = None
        return obj

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            active = self._active
            if active is None:
                if self._sources is None:
                    raise StopIteration
                try:
                    source = next(self._sources)
                except StopIteration:
                    self._sources = None
                    raise
                active = self._active = iter(source)
            try:
                return next(active)
            except StopIteration:
                self._active = None


def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def compress(data, selectors):
    """Items of data whose matching selector is true."""
    return _compress(iter(data), iter(selectors))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def dropwhile(predicate, iterable):
    """Skip items while predicate holds, then yield everything."""
    return _dropwhile(predicate, iter(iterable))


def _takewhile(predicate, it):
    for x in it:
        if predicate(x):
            yield x
        else:
            return


def takewhile(predicate, iterable):
    """Yield items while predicate holds."""
    return _takewhile(predicate, iter(iterable))


def _filterfalse(predicate, it):
    if predicate is None:
        for x in it:
            if not x:
                yield x
    else:
        for x in it:
            if not predicate(x):
                yield x


def filterfalse(predicate, iterable):
    """Items for which predicate is false (or which are false)."""
    return _filterfalse(predicate, iter(iterable))


_NOTHING = object()


class groupby:
    """groupby(iterable, key=None) yields (key, group) for runs of equal keys.

    Each group is an iterator sharing the input; advancing groupby drops the
    rest of the previous group, which then yields nothing more.
    """

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgtkey = _NOTHING
        self._currkey = _NOTHING
        self._currvalue = None
        self._generation = 0

    def __iter__(self):
        return self

    def _advance(self):
        # Raises StopIteration at the end of the input.
        value = next(self._it)
        self._currvalue = value
        self._currkey = value if self._keyfunc is None else self._keyfunc(value)

    def __next__(self):
        self._generation += 1
        if self._currkey is _NOTHING:
            self._advance()
        elif self._tgtkey is not _NOTHING:
            while self._currkey == self._tgtkey:
                self._advance()
        self._tgtkey = self._currkey
        return (self._currkey, self._grouper(self._tgtkey, self._generation))

    def _grouper(self, tgtkey, generation):
        while True:
            if self._generation != generation:
                return
            yield self._currvalue
            if self._generation != generation:
                return
            try:
                self._advance()
            except StopIteration:
                return
            if not (self._currkey == tgtkey):
                return


def _islice_arg(value, message):
    if value is None:
        return None
    try:
        v = value.__index__() if not isinstance(value, int) else value
    except AttributeError:
        raise ValueError(message) from None
    if v < 0 or v > _sys.maxsize:
        raise ValueError(message)
    return v


def _islice(it, start, stop, step):
    cnt = 0
    nxt = start
    while True:
        while cnt < nxt:
            try:
                next(it)
            except StopIteration:
                return
            cnt += 1
        if stop is not None and cnt >= stop:
            return
        try:
            item = next(it)
        except StopIteration:
            return
        cnt += 1
        nxt += step
        if stop is not None and nxt > stop:
            nxt = stop
        yield item


def islice(iterable, *args):
    """islice(iterable, stop) or islice(iterable, start, stop[, step])."""
    if len(args) == 1:
        start = 0
        stop = _islice_arg(args[0], "Stop argument for islice() must be None or an "
                                    "integer: 0 <= x <= sys.maxsize.")
        step = 1
    elif 2 <= len(args) <= 3:
        start = _islice_arg(args[0], "Indices for islice() must be None or an "
                                     "integer: 0 <= x <= sys.maxsize.")
        stop = _islice_arg(args[1], "Stop argument for islice() must be None or an "
                                    "integer: 0 <= x <= sys.maxsize.")
        if start is None:
            start = 0
        step = 1
        if len(args) == 3 and args[2] is not None:
            try:
                step = args[2].__index__() if not isinstance(args[2], int) else args[2]
            except AttributeError:
                step = 0
            if step <= 0:
                raise ValueError("Step for islice() must be a positive integer or None.")
    elif not args:
        raise TypeError("islice expected at least 2 arguments, got 1")
    else:
        raise TypeError("islice expected at most 4 arguments, got " + str(len(args) + 1))
    return _islice(iter(iterable), start, stop, step)


def _starmap(function, it):
    for args in it:
        yield function(*args)


def starmap(function, iterable):
    """function(*args) for each args in iterable."""
    return _starmap(function, iter(iterable))


def _tee_gen(it, node):
    # node is [value, next node]; a node is filled once its next is set.
    while True:
        if node[1] is None:
            try:
                value = next(it)
            except StopIteration:
                return
            node[0] = value
            node[1] = [None, None]
        yield node[0]
        node = node[1]


def tee(iterable, n=2):
    """n independent iterators over one input (sharing a buffer)."""
    if n < 0:
        raise ValueError("n must be >= 0")
    it = iter(iterable)
    start = [None, None]
    return tuple([_tee_gen(it, start) for _ in range(n)])


def _zip_longest(its, fillvalue):
    active = len(its)
    if not active:
        return
    while True:
        values = []
        for i in range(len(its)):
            it = its[i]
            if it is None:
                values.append(fillvalue)
                continue
            try:
                values.append(next(it))
            except StopIteration:
                active -= 1
                if not active:
                    return
                its[i] = None
                values.append(fillvalue)
        yield tuple(values)


def zip_longest(*iterables, fillvalue=None):
    """Like zip, but runs until the longest input ends, filling the gaps."""
    return _zip_longest([iter(x) for x in iterables], fillvalue)


def _product(pools):
    for pool in pools:
        if not pool:
            return
    n = len(pools)
    indices = [0] * n
    yield tuple([pool[0] for pool in pools])
    while True:
        i = n - 1
        while i >= 0:
            indices[i] += 1
            if indices[i] < len(pools[i]):
                break
            indices[i] = 0
            i -= 1
        if i < 0:
            return
        yield tuple([pools[k][indices[k]] for k in range(n)])


def product(*iterables, repeat=1):
    """Cartesian product, rightmost element advancing fastest."""
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(p) for p in iterables] * repeat
    return _product(pools)


def _permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    if r == 0:
        yield ()
        return
    used = [False] * n
    idx = [-1] * r
    depth = 0
    while depth >= 0:
        j = idx[depth]
        if j >= 0:
            used[j] = False
        j += 1
        while j < n and used[j]:
            j += 1
        if j == n:
            idx[depth] = -1
            depth -= 1
            continue
        idx[depth] = j
        used[j] = True
        if depth == r - 1:
            yield tuple([pool[i] for i in idx])
        else:
            depth += 1


def permutations(iterable, r=None):
    """r-length orderings of distinct positions, in lexicographic position order."""
    pool = tuple(iterable)
    if r is None:
        r = len(pool)
    elif r < 0:
        raise ValueError("r must be non-negative")
    return _permutations(pool, r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple([pool[i] for i in indices])
    while True:
        i = r - 1
        while i >= 0 and indices[i] == i + n - r:
            i -= 1
        if i < 0:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple([pool[i] for i in indices])


def combinations(iterable, r):
    """r-length subsequences of positions, in lexicographic order."""
    if r < 0:
        raise ValueError("r must be non-negative")
    return _combinations(tuple(iterable), r)


def _combinations_wr(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple([pool[i] for i in indices])
    while True:
        i = r - 1
        while i >= 0 and indices[i] == n - 1:
            i -= 1
        if i < 0:
            return
        v = indices[i] + 1
        for j in range(i, r):
            indices[j] = v
        yield tuple([pool[i] for i in indices])


def combinations_with_replacement(iterable, r):
    """r-length subsequences allowing repeated positions."""
    if r < 0:
        raise ValueError("r must be non-negative")
    return _combinations_wr(tuple(iterable), r)


def _pairwise(it):
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield (a, b)
        a = b


def pairwise(iterable):
    """Successive overlapping pairs: (s0, s1), (s1, s2), ..."""
    return _pairwise(iter(iterable))

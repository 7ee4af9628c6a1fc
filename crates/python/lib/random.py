"""Pseudo-random numbers: a Mersenne Twister (MT19937) in plain Python.

The generator reproduces CPython's sequences exactly: the same seeding
(integers are cut into 32-bit words and fed to init_by_array; str and
bytes seeds are extended with their SHA-512 digest first), the same
53-bit float construction in random(), the same word order in
getrandbits(), and the same derived algorithms (rejection sampling in
_randbelow, shuffle, sample, choices, gauss, ...).

Speed: random() is the hot path of many programs.  The twister keeps its
624 state words in `_mt` and, each time the state is regenerated, also the
624 tempered outputs in `_out`; random() then only reads two words and
combines them.  Invariant: for every position i >= `_index`, `_out[i]` is
the tempered value of `_mt[i]` (so getstate/setstate only deal with `_mt`
and `_index`, exactly CPython's state tuple).
"""

import math as _math
import time as _time

__all__ = [
    "Random", "seed", "random", "uniform", "randint", "choice", "sample",
    "randrange", "shuffle", "normalvariate", "lognormvariate",
    "expovariate", "vonmisesvariate", "gammavariate", "triangular",
    "gauss", "betavariate", "paretovariate", "weibullvariate",
    "getstate", "setstate", "getrandbits", "choices", "randbytes",
]

_N = 624
_M = 397
_MASK32 = 0xFFFFFFFF
_UPPER = 0x80000000
_LOWER = 0x7FFFFFFF
_MATRIX = 0x9908B0DF
_TWOPI = 2.0 * _math.pi
_LOG4 = _math.log(4.0)
_NV_MAGICCONST = 4 * _math.exp(-0.5) / _math.sqrt(2.0)
_SG_MAGICCONST = 1.0 + _math.log(4.5)
_BPF = 53
_RECIP_BPF = 2.0 ** -_BPF


def _temper_all(mt):
    out = []
    append = out.append
    for y in mt:
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C5680
        y ^= (y << 15) & 0xEFC60000
        append(y ^ (y >> 18))
    return out


def _twist(mt):
    # Regenerate all 624 words in place (the classic MT19937 recurrence).
    upper = _UPPER
    lower = _LOWER
    matrix = _MATRIX
    for k in range(_N - _M):
        y = (mt[k] & upper) | (mt[k + 1] & lower)
        mt[k] = mt[k + _M] ^ (y >> 1) ^ (matrix if y & 1 else 0)
    for k in range(_N - _M, _N - 1):
        y = (mt[k] & upper) | (mt[k + 1] & lower)
        mt[k] = mt[k + (_M - _N)] ^ (y >> 1) ^ (matrix if y & 1 else 0)
    y = (mt[_N - 1] & upper) | (mt[0] & lower)
    mt[_N - 1] = mt[_M - 1] ^ (y >> 1) ^ (matrix if y & 1 else 0)


def _init_genrand(s):
    mt = [0] * _N
    mt[0] = s & _MASK32
    prev = mt[0]
    for i in range(1, _N):
        prev = (1812433253 * (prev ^ (prev >> 30)) + i) & _MASK32
        mt[i] = prev
    return mt


def _init_by_array(key):
    mt = _init_genrand(19650218)
    i = 1
    j = 0
    keylen = len(key)
    k = _N if _N > keylen else keylen
    while k:
        prev = mt[i - 1]
        mt[i] = ((mt[i] ^ ((prev ^ (prev >> 30)) * 1664525)) + key[j] + j) & _MASK32
        i += 1
        j += 1
        if i >= _N:
            mt[0] = mt[_N - 1]
            i = 1
        if j >= keylen:
            j = 0
        k -= 1
    k = _N - 1
    while k:
        prev = mt[i - 1]
        mt[i] = ((mt[i] ^ ((prev ^ (prev >> 30)) * 1566083941)) - i) & _MASK32
        i += 1
        if i >= _N:
            mt[0] = mt[_N - 1]
            i = 1
        k -= 1
    mt[0] = 0x80000000
    return mt


def _index(value, which):
    # operator.index without importing operator; like 3.11, integral floats
    # are still accepted (CPython warns that this is deprecated).
    if isinstance(value, int):
        return int(value)
    meth = getattr(type(value), "__index__", None)
    if meth is not None:
        return meth(value)
    try:
        as_int = int(value)
    except (TypeError, ValueError):
        raise TypeError("'" + type(value).__name__ +
                        "' object cannot be interpreted as an integer") from None
    if as_int != value:
        raise ValueError("non-integer " + which + " for randrange()")
    return as_int


class Random:
    """A Mersenne Twister generator; the module functions use a hidden one."""

    VERSION = 3

    def __init__(self, x=None):
        self._mt = [0] * _N
        self._out = self._mt
        self._index = _N
        self.gauss_next = None
        self.seed(x)

    # -- core generator -------------------------------------------------

    def _refill(self):
        _twist(self._mt)
        self._out = _temper_all(self._mt)
        self._index = 0

    def _genrand32(self):
        i = self._index
        if i >= _N:
            self._refill()
            i = 0
        self._index = i + 1
        return self._out[i]

    def random(self):
        """Return a float in [0.0, 1.0) with 53 random bits."""
        i = self._index
        if i < _N - 1:
            self._index = i + 2
            out = self._out
            return ((out[i] >> 5) * 67108864.0 + (out[i + 1] >> 6)) * (1.0 / 9007199254740992.0)
        a = self._genrand32() >> 5
        b = self._genrand32() >> 6
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)

    def getrandbits(self, k):
        """Return a non-negative int with k random bits."""
        if k <= 32:
            if k < 0:
                raise ValueError("number of bits must be non-negative")
            if k == 0:
                return 0
            i = self._index
            if i >= _N:
                self._refill()
                i = 0
            self._index = i + 1
            return self._out[i] >> (32 - k)
        result = 0
        shift = 0
        while k > 0:
            r = self._genrand32()
            if k < 32:
                r >>= 32 - k
            result |= r << shift
            shift += 32
            k -= 32
        return result

    def seed(self, a=None, version=2):
        """Initialize the generator from an int, str, bytes or the clock."""
        if version == 1 and isinstance(a, (str, bytes)):
            if isinstance(a, str):
                data = [ord(c) for c in a]
            else:
                data = list(a)
            x = data[0] << 7 if data else 0
            for c in data:
                x = ((1000003 * x) ^ c) & 0xFFFFFFFFFFFFFFFF
            x ^= len(data)
            a = -2 if x == -1 else x
        elif version == 2 and isinstance(a, (str, bytes, bytearray)):
            from _sha512 import sha512
            if isinstance(a, str):
                a = a.encode()
            else:
                a = bytes(a)
            a = int.from_bytes(a + sha512(a).digest(), "big")
        elif a is not None and not isinstance(a, (int, float, str, bytes, bytearray)):
            raise TypeError("The only supported seed types are: None,\n"
                            "int, float, str, bytes, and bytearray.")
        if a is None:
            a = _time.time_ns() ^ (int(_time.perf_counter() * 1e9) << 20) ^ id(self)
        if not isinstance(a, int):
            # Non-integers seed with their hash read as an unsigned word.
            a = hash(a) & 0xFFFFFFFFFFFFFFFF
        if a < 0:
            a = -a
        key = []
        while a:
            key.append(a & _MASK32)
            a >>= 32
        if not key:
            key = [0]
        self._mt = _init_by_array(key)
        self._out = self._mt
        self._index = _N
        self.gauss_next = None

    def getstate(self):
        """Return an object capturing the generator's internal state."""
        return (self.VERSION, tuple(self._mt) + (self._index,), self.gauss_next)

    def setstate(self, state):
        """Restore the state returned by getstate()."""
        version = state[0]
        if version == 3:
            internal = state[1]
            self.gauss_next = state[2]
        elif version == 2:
            internal = tuple(x % 2 ** 32 for x in state[1])
            self.gauss_next = state[2]
        else:
            raise ValueError("state with version " + str(version) +
                             " passed to Random.setstate() of version " +
                             str(self.VERSION))
        if not isinstance(internal, tuple):
            raise TypeError("state vector must be a tuple")
        if len(internal) != _N + 1:
            raise ValueError("state vector is the wrong size")
        mt = []
        for x in internal[:_N]:
            if not isinstance(x, int):
                raise TypeError("state vector items must be integers")
            mt.append(x & _MASK32)
        index = internal[_N]
        if index < 0 or index > _N:
            raise ValueError("invalid state")
        self._mt = mt
        self._out = _temper_all(mt)
        self._index = index

    def __getstate__(self):
        return self.getstate()

    def __setstate__(self, state):
        self.setstate(state)

    # -- integers ---------------------------------------------------------

    def _randbelow(self, n):
        """Return a random int in [0, n) by rejection on n.bit_length() bits."""
        getrandbits = self.getrandbits
        k = n.bit_length()
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        return r

    def randrange(self, start, stop=None, step=1):
        """Return a random item from range(start, stop[, step])."""
        istart = _index(start, "arg 1")
        if stop is None:
            if step != 1:
                raise TypeError("Missing a non-None stop argument")
            if istart > 0:
                return self._randbelow(istart)
            raise ValueError("empty range for randrange()")
        istop = _index(stop, "stop")
        width = istop - istart
        istep = _index(step, "step")
        if istep == 1:
            if width > 0:
                return istart + self._randbelow(width)
            raise ValueError("empty range for randrange() (%d, %d, %d)"
                             % (istart, istop, width))
        if istep > 0:
            n = (width + istep - 1) // istep
        elif istep < 0:
            n = (width + istep + 1) // istep
        else:
            raise ValueError("zero step for randrange()")
        if n <= 0:
            raise ValueError("empty range for randrange()")
        return istart + istep * self._randbelow(n)

    def randint(self, a, b):
        """Return a random int in [a, b], both ends included."""
        return self.randrange(a, b + 1)

    def randbytes(self, n):
        """Return n random bytes."""
        return self.getrandbits(n * 8).to_bytes(n, "little")

    # -- sequences --------------------------------------------------------

    def choice(self, seq):
        """Return a random element of a non-empty sequence."""
        if not len(seq):
            raise IndexError("Cannot choose from an empty sequence")
        return seq[self._randbelow(len(seq))]

    def shuffle(self, x):
        """Shuffle the list x in place."""
        randbelow = self._randbelow
        for i in range(len(x) - 1, 0, -1):
            j = randbelow(i + 1)
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k, *, counts=None):
        """Return k unique elements chosen from the population sequence."""
        if isinstance(population, (set, frozenset, dict)) or not hasattr(population, "__getitem__") \
                or not hasattr(population, "__len__"):
            raise TypeError("Population must be a sequence.  "
                            "For dicts or sets, use sorted(d).")
        n = len(population)
        if counts is not None:
            cum_counts = []
            total = 0
            for c in counts:
                total += c
                cum_counts.append(total)
            if len(cum_counts) != n:
                raise ValueError("The number of counts does not match the population")
            total = cum_counts.pop() if cum_counts else 0
            if not isinstance(total, int):
                raise TypeError("Counts must be integers")
            if total <= 0:
                raise ValueError("Total of counts must be greater than zero")
            selections = self.sample(range(total), k=k)
            return [population[_bisect_right(cum_counts, s)] for s in selections]
        randbelow = self._randbelow
        if not 0 <= k <= n:
            raise ValueError("Sample larger than population or is negative")
        result = [None] * k
        setsize = 21
        if k > 5:
            setsize += 4 ** _math.ceil(_math.log(k * 3) / _LOG4)
        if n <= setsize:
            pool = list(population)
            for i in range(k):
                j = randbelow(n - i)
                result[i] = pool[j]
                pool[j] = pool[n - i - 1]
        else:
            selected = set()
            for i in range(k):
                j = randbelow(n)
                while j in selected:
                    j = randbelow(n)
                selected.add(j)
                result[i] = population[j]
        return result

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        """Return a k sized list of elements chosen with replacement."""
        random = self.random
        n = len(population)
        if cum_weights is None:
            if weights is None:
                fn = n + 0.0
                floor = _math.floor
                return [population[floor(random() * fn)] for i in range(k)]
            try:
                cum_weights = []
                total = 0
                first = True
                for w in weights:
                    total = w if first else total + w
                    first = False
                    cum_weights.append(total)
            except TypeError:
                if not isinstance(weights, int):
                    raise
                raise TypeError("The number of choices must be a keyword argument: k="
                                + str(weights)) from None
        elif weights is not None:
            raise TypeError("Cannot specify both weights and cumulative weights")
        if len(cum_weights) != n:
            raise ValueError("The number of weights does not match the population")
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError("Total of weights must be greater than zero")
        if total != total or total in (float("inf"), float("-inf")):
            raise ValueError("Total of weights must be finite")
        hi = n - 1
        return [population[_bisect_right(cum_weights, random() * total, 0, hi)]
                for i in range(k)]

    # -- real-valued distributions ---------------------------------------

    def uniform(self, a, b):
        """Return a random float between a and b."""
        return a + (b - a) * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        """Triangular distribution on [low, high] with the given mode."""
        u = self.random()
        try:
            c = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if u > c:
            u = 1.0 - u
            c = 1.0 - c
            low, high = high, low
        return low + (high - low) * _math.sqrt(u * c)

    def normalvariate(self, mu=0.0, sigma=1.0):
        """Normal distribution (Kinderman and Monahan's ratio method)."""
        random = self.random
        while True:
            u1 = random()
            u2 = 1.0 - random()
            z = _NV_MAGICCONST * (u1 - 0.5) / u2
            zz = z * z / 4.0
            if zz <= -_math.log(u2):
                break
        return mu + z * sigma

    def gauss(self, mu=0.0, sigma=1.0):
        """Normal distribution (Box-Muller, caching the second value)."""
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            x2pi = self.random() * _TWOPI
            g2rad = _math.sqrt(-2.0 * _math.log(1.0 - self.random()))
            z = _math.cos(x2pi) * g2rad
            self.gauss_next = _math.sin(x2pi) * g2rad
        return mu + z * sigma

    def lognormvariate(self, mu, sigma):
        """Log normal distribution."""
        return _math.exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd):
        """Exponential distribution with rate lambd."""
        return -_math.log(1.0 - self.random()) / lambd

    def vonmisesvariate(self, mu, kappa):
        """Circular (von Mises) distribution."""
        random = self.random
        if kappa <= 1e-6:
            return _TWOPI * random()
        s = 0.5 / kappa
        r = s + _math.sqrt(1.0 + s * s)
        while True:
            u1 = random()
            z = _math.cos(_math.pi * u1)
            d = z / (r + z)
            u2 = random()
            if u2 < 1.0 - d * d or u2 <= (1.0 - d) * _math.exp(d):
                break
        q = 1.0 / r
        f = (q + z) / (1.0 + q * z)
        u3 = random()
        if u3 > 0.5:
            theta = (mu + _math.acos(f)) % _TWOPI
        else:
            theta = (mu - _math.acos(f)) % _TWOPI
        return theta

    def gammavariate(self, alpha, beta):
        """Gamma distribution (alpha > 0, beta > 0)."""
        if alpha <= 0.0 or beta <= 0.0:
            raise ValueError("gammavariate: alpha and beta must be > 0.0")
        random = self.random
        if alpha > 1.0:
            # Cheng's rejection algorithm GB.
            ainv = _math.sqrt(2.0 * alpha - 1.0)
            bbb = alpha - _LOG4
            ccc = alpha + ainv
            while True:
                u1 = random()
                if not 1e-7 < u1 < 0.9999999:
                    continue
                u2 = 1.0 - random()
                v = _math.log(u1 / (1.0 - u1)) / ainv
                x = alpha * _math.exp(v)
                z = u1 * u1 * u2
                r = bbb + ccc * v - x
                if r + _SG_MAGICCONST - 4.5 * z >= 0.0 or r >= _math.log(z):
                    return x * beta
        elif alpha == 1.0:
            return -_math.log(1.0 - random()) * beta
        else:
            # Ahrens and Dieter's algorithm GS.
            while True:
                u = random()
                b = (_math.e + alpha) / _math.e
                p = b * u
                if p <= 1.0:
                    x = p ** (1.0 / alpha)
                else:
                    x = -_math.log((b - p) / alpha)
                u1 = random()
                if p > 1.0:
                    if u1 <= x ** (alpha - 1.0):
                        break
                elif u1 <= _math.exp(-x):
                    break
            return x * beta

    def betavariate(self, alpha, beta):
        """Beta distribution (alpha > 0, beta > 0), values in [0, 1]."""
        y = self.gammavariate(alpha, 1.0)
        if y:
            return y / (y + self.gammavariate(beta, 1.0))
        return 0.0

    def paretovariate(self, alpha):
        """Pareto distribution."""
        u = 1.0 - self.random()
        return u ** (-1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        """Weibull distribution (alpha is scale, beta is shape)."""
        u = 1.0 - self.random()
        return alpha * (-_math.log(u)) ** (1.0 / beta)


def _bisect_right(a, x, lo=0, hi=None):
    if hi is None:
        hi = len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


_inst = Random()
seed = _inst.seed
random = _inst.random
uniform = _inst.uniform
triangular = _inst.triangular
randint = _inst.randint
choice = _inst.choice
randrange = _inst.randrange
sample = _inst.sample
shuffle = _inst.shuffle
choices = _inst.choices
normalvariate = _inst.normalvariate
lognormvariate = _inst.lognormvariate
expovariate = _inst.expovariate
vonmisesvariate = _inst.vonmisesvariate
gammavariate = _inst.gammavariate
gauss = _inst.gauss
betavariate = _inst.betavariate
paretovariate = _inst.paretovariate
weibullvariate = _inst.weibullvariate
getstate = _inst.getstate
setstate = _inst.setstate
getrandbits = _inst.getrandbits
randbytes = _inst.randbytes

"""SHA-512 in plain Python (FIPS 180-4).

Used by `random.seed` for str/bytes seeds, which hashes the seed with
SHA-512 before turning it into an integer.  Only `sha512(data).digest()`
and `.hexdigest()` are offered; speed is irrelevant for that use.
"""

_MASK = 0xFFFFFFFFFFFFFFFF


def _first_bits(func, count):
    # The round constants are the first 64 bits of the fractional parts of
    # the square roots (initial hash) or cube roots (round constants) of
    # the first primes; they are derived here with exact integer roots.
    primes = []
    n = 2
    while len(primes) < count:
        for p in primes:
            if n % p == 0:
                break
        else:
            primes.append(n)
        n += 1
    return [func(p) for p in primes]


def _iroot(value, k):
    # Largest integer r with r**k <= value (Newton's method on integers).
    if value < 2:
        return value
    r = 1 << ((value.bit_length() + k - 1) // k)
    while True:
        s = ((k - 1) * r + value // r ** (k - 1)) // k
        if s >= r:
            return r
        r = s


def _frac_sqrt(p):
    return _iroot(p << 128, 2) & _MASK


def _frac_cbrt(p):
    return _iroot(p << 192, 3) & _MASK


_H0 = _first_bits(_frac_sqrt, 8)
_K = _first_bits(_frac_cbrt, 80)


def _rotr(x, n):
    return ((x >> n) | (x << (64 - n))) & _MASK


def _compress(h, block):
    w = []
    for i in range(16):
        w.append(int.from_bytes(block[8 * i:8 * i + 8], "big"))
    for i in range(16, 80):
        a = w[i - 15]
        b = w[i - 2]
        s0 = _rotr(a, 1) ^ _rotr(a, 8) ^ (a >> 7)
        s1 = _rotr(b, 19) ^ _rotr(b, 61) ^ (b >> 6)
        w.append((w[i - 16] + s0 + w[i - 7] + s1) & _MASK)
    a, b, c, d, e, f, g, hh = h
    for i in range(80):
        t1 = (hh + (_rotr(e, 14) ^ _rotr(e, 18) ^ _rotr(e, 41))
              + ((e & f) ^ (~e & g)) + _K[i] + w[i]) & _MASK
        t2 = ((_rotr(a, 28) ^ _rotr(a, 34) ^ _rotr(a, 39))
              + ((a & b) ^ (a & c) ^ (b & c))) & _MASK
        hh = g
        g = f
        f = e
        e = (d + t1) & _MASK
        d = c
        c = b
        b = a
        a = (t1 + t2) & _MASK
    return [(x + y) & _MASK for x, y in zip(h, (a, b, c, d, e, f, g, hh))]


class sha512:
    name = "sha512"
    digest_size = 64
    block_size = 128

    def __init__(self, data=b""):
        self._h = list(_H0)
        self._pending = b""
        self._length = 0
        if data:
            self.update(data)

    def update(self, data):
        data = bytes(data)
        self._length += len(data)
        buf = self._pending + data
        full = len(buf) - len(buf) % 128
        for i in range(0, full, 128):
            self._h = _compress(self._h, buf[i:i + 128])
        self._pending = buf[full:]

    def copy(self):
        other = sha512()
        other._h = list(self._h)
        other._pending = self._pending
        other._length = self._length
        return other

    def digest(self):
        bitlen = self._length * 8
        tail = self._pending + b"\x80"
        pad = (112 - len(tail)) % 128
        tail = tail + b"\x00" * pad + bitlen.to_bytes(16, "big")
        h = self._h
        for i in range(0, len(tail), 128):
            h = _compress(h, tail[i:i + 128])
        out = b""
        for x in h:
            out += x.to_bytes(8, "big")
        return out

    def hexdigest(self):
        return self.digest().hex()

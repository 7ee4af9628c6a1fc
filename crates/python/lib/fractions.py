"""fractions.Fraction: exact rationals over Python ints."""

import math

__all__ = ["Fraction"]


def _parse(s):
    s = s.strip()
    if "/" in s:
        n, d = s.split("/", 1)
        return int(n), int(d)
    sign = 1
    if s[:1] in "+-":
        if s[0] == "-":
            sign = -1
        s = s[1:]
    exp = 0
    if "e" in s or "E" in s:
        s, e = s.lower().split("e", 1)
        exp = int(e)
    if "." in s:
        ip, fp = s.split(".", 1)
    else:
        ip, fp = s, ""
    if not (ip + fp).isdigit():
        raise ValueError("Invalid literal for Fraction: %r" % s)
    n = int(ip + fp) if ip + fp else 0
    d = 10 ** len(fp)
    if exp >= 0:
        n *= 10 ** exp
    else:
        d *= 10 ** -exp
    return sign * n, d


class Fraction:
    __slots__ = ("_numerator", "_denominator")

    def __new__(cls, numerator=0, denominator=None):
        self = object.__new__(cls)
        if denominator is None:
            if isinstance(numerator, int):
                n, d = numerator, 1
            elif isinstance(numerator, Fraction):
                n, d = numerator._numerator, numerator._denominator
            elif isinstance(numerator, float):
                n, d = numerator.as_integer_ratio()
            elif isinstance(numerator, str):
                n, d = _parse(numerator)
            else:
                raise TypeError("argument should be a string or a Rational instance")
        else:
            if isinstance(numerator, Fraction) or isinstance(denominator, Fraction):
                a = Fraction(numerator)
                b = Fraction(denominator)
                n, d = a._numerator * b._denominator, a._denominator * b._numerator
            else:
                n, d = numerator, denominator
        if d == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % n)
        g = math.gcd(n, d)
        if d < 0:
            g = -g
        self._numerator = n // g
        self._denominator = d // g
        return self

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def __repr__(self):
        return "Fraction(%d, %d)" % (self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return "%d/%d" % (self._numerator, self._denominator)

    @staticmethod
    def _coerce(other):
        if isinstance(other, Fraction):
            return other
        if isinstance(other, int):
            return Fraction(other)
        return None

    def _op(self, other, f, flt):
        o = Fraction._coerce(other)
        if o is None:
            if isinstance(other, (float, complex)):
                return flt(float(self), other)
            return NotImplemented
        return f(self, o)

    def __add__(a, b):
        return a._op(b, lambda x, y: Fraction(x._numerator * y._denominator + y._numerator * x._denominator,
                                              x._denominator * y._denominator), lambda x, y: x + y)

    def __radd__(a, b):
        return a.__add__(b)

    def __sub__(a, b):
        return a._op(b, lambda x, y: Fraction(x._numerator * y._denominator - y._numerator * x._denominator,
                                              x._denominator * y._denominator), lambda x, y: x - y)

    def __rsub__(a, b):
        return (-a).__add__(b)

    def __mul__(a, b):
        return a._op(b, lambda x, y: Fraction(x._numerator * y._numerator, x._denominator * y._denominator),
                     lambda x, y: x * y)

    def __rmul__(a, b):
        return a.__mul__(b)

    def __truediv__(a, b):
        return a._op(b, lambda x, y: Fraction(x._numerator * y._denominator, x._denominator * y._numerator),
                     lambda x, y: x / y)

    def __rtruediv__(a, b):
        o = Fraction._coerce(b)
        if o is None:
            if isinstance(b, (float, complex)):
                return b / float(a)
            return NotImplemented
        return o / a

    def __floordiv__(a, b):
        q = a / b
        return math.floor(q) if isinstance(q, Fraction) else q // 1

    def __mod__(a, b):
        return a - b * (a // b)

    def __pow__(a, b):
        if isinstance(b, int):
            if b >= 0:
                return Fraction(a._numerator ** b, a._denominator ** b)
            return Fraction(a._denominator ** -b, a._numerator ** -b)
        return float(a) ** b

    def __neg__(a):
        return Fraction(-a._numerator, a._denominator)

    def __pos__(a):
        return a

    def __abs__(a):
        return Fraction(abs(a._numerator), a._denominator)

    def __float__(a):
        return a._numerator / a._denominator

    def __int__(a):
        n, d = a._numerator, a._denominator
        return -(-n // d) if n < 0 else n // d

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(a, ndigits=None):
        if ndigits is None:
            q, r = divmod(a._numerator, a._denominator)
            if 2 * r < a._denominator or (2 * r == a._denominator and q % 2 == 0):
                return q
            return q + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(a * shift), shift)
        return Fraction(round(a / shift) * shift)

    def _cmp(a, b, op):
        o = Fraction._coerce(b)
        if o is None:
            if isinstance(b, float):
                return op(float(a), b)
            return NotImplemented
        return op(a._numerator * o._denominator, o._numerator * a._denominator)

    def __eq__(a, b):
        if isinstance(b, complex):
            if b.imag != 0:
                return NotImplemented
            b = b.real
        r = a._cmp(b, lambda x, y: x == y)
        return r

    def __lt__(a, b):
        return a._cmp(b, lambda x, y: x < y)

    def __le__(a, b):
        return a._cmp(b, lambda x, y: x <= y)

    def __gt__(a, b):
        return a._cmp(b, lambda x, y: x > y)

    def __ge__(a, b):
        return a._cmp(b, lambda x, y: x >= y)

    def __hash__(a):
        if a._denominator == 1:
            return hash(a._numerator)
        return hash((a._numerator, a._denominator))

    def __bool__(a):
        return a._numerator != 0

    def limit_denominator(self, max_denominator=1000000):
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        b1 = Fraction(p0 + k * p1, q0 + k * q1)
        b2 = Fraction(p1, q1)
        return b2 if abs(b2 - self) <= abs(b1 - self) else b1

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

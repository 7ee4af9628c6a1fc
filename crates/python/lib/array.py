"""Typed arrays of numbers: array.array(typecode[, initializer]).

Items live in a Python list `_data`, already converted to the type the
typecode stands for: integers checked against the C type's range, floats
as Python floats ('f' items are rounded to IEEE single precision on
store), 'u' items as one-character strings.  tobytes/frombytes use the
little-endian machine layout (floats are encoded bit by bit with frexp),
so the results match CPython on x86-64 and AArch64.
"""

import math as _math

__all__ = ["array", "ArrayType", "typecodes"]

typecodes = "bBuhHiIlLqQfd"

_ITEMSIZE = {"b": 1, "B": 1, "u": 4, "h": 2, "H": 2, "i": 4, "I": 4, "l": 8,
             "L": 8, "q": 8, "Q": 8, "f": 4, "d": 8}

# typecode -> the range checks CPython applies, in order: each stage is
# (min, max, message if too small, message if too large).  The stages
# mirror how the value is first parsed as a wider C type.
_LONG = (-2 ** 63, 2 ** 63 - 1, "Python int too large to convert to C long",
         "Python int too large to convert to C long")
_SHORT = (-32768, 32767, "signed short integer is less than minimum",
          "signed short integer is greater than maximum")
_INT = (-2 ** 31, 2 ** 31 - 1, "signed integer is less than minimum",
        "signed integer is greater than maximum")
_ULONG = (0, 2 ** 64 - 1, "can't convert negative value to unsigned int",
          "Python int too large to convert to C unsigned long")
_INT_RANGES = {
    "b": (_LONG, _SHORT, (-128, 127, "signed char is less than minimum",
                          "signed char is greater than maximum")),
    "B": (_LONG, (0, 255, "unsigned byte integer is less than minimum",
                  "unsigned byte integer is greater than maximum")),
    "h": (_LONG, _SHORT),
    "H": (_LONG, _INT, (0, 65535, "unsigned short is less than minimum",
                        "unsigned short is greater than maximum")),
    "i": (_LONG, _INT),
    "I": (_ULONG, (0, 2 ** 32 - 1, "", "unsigned int is greater than maximum")),
    "l": (_LONG,),
    "L": (_ULONG,),
    "q": ((-2 ** 63, 2 ** 63 - 1, "int too big to convert", "int too big to convert"),),
    "Q": ((0, 2 ** 64 - 1, "can't convert negative int to unsigned", "int too big to convert"),),
}

_INF = float("inf")


def _to_float32(x):
    # Round a double to the nearest single-precision value (ties to even).
    if x != x or x == _INF or x == -_INF or x == 0.0:
        return x
    m, e = _math.frexp(x)
    if e >= -125:
        y = _math.ldexp(round(_math.ldexp(m, 24)), e - 24)
    else:
        y = _math.ldexp(round(_math.ldexp(x, 149)), -149)
    if abs(y) >= 2.0 ** 128:
        return _math.copysign(_INF, x)
    if y == 0.0:
        return _math.copysign(0.0, x)
    return y


def _float_bits(x, mant_bits, exp_bits):
    # IEEE 754 encoding of x (already representable) as an unsigned int.
    bias = (1 << (exp_bits - 1)) - 1
    exp_max = (1 << exp_bits) - 1
    if x != x:
        return (exp_max << mant_bits) | (1 << (mant_bits - 1))
    sign = 1 if _math.copysign(1.0, x) < 0 else 0
    x = abs(x)
    if x == _INF:
        bits = exp_max << mant_bits
    elif x == 0.0:
        bits = 0
    else:
        m, e = _math.frexp(x)
        if e >= 2 - bias:
            bits = ((e + bias - 1) << mant_bits) | (int(_math.ldexp(m, mant_bits + 1))
                                                    - (1 << mant_bits))
        else:
            bits = int(_math.ldexp(x, bias - 1 + mant_bits))
    return bits | (sign << (mant_bits + exp_bits))


def _bits_float(bits, mant_bits, exp_bits):
    bias = (1 << (exp_bits - 1)) - 1
    exp_max = (1 << exp_bits) - 1
    sign = -1.0 if bits >> (mant_bits + exp_bits) else 1.0
    exp = (bits >> mant_bits) & exp_max
    frac = bits & ((1 << mant_bits) - 1)
    if exp == exp_max:
        return float("nan") if frac else sign * _INF
    if exp == 0:
        return sign * _math.ldexp(frac, 1 - bias - mant_bits)
    return sign * _math.ldexp(frac + (1 << mant_bits), exp - bias - mant_bits)


def _bad_typecode():
    return ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")


class array:
    """array(typecode[, initializer]): a sequence of numbers of one C type."""

    def __init__(self, typecode, initializer=None):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError("array() argument 1 must be a unicode character, not "
                            + type(typecode).__name__)
        if typecode not in _ITEMSIZE:
            raise _bad_typecode()
        self._typecode = typecode
        self._data = []
        if initializer is None:
            return
        if isinstance(initializer, str):
            if typecode != "u":
                raise TypeError("cannot use a str to initialize an array with typecode '"
                                + typecode + "'")
            self._data = list(initializer)
        elif isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, array):
            if (initializer._typecode == "u") != (typecode == "u"):
                raise TypeError("cannot use a unicode array to initialize an array with typecode '"
                                + typecode + "'")
            self.extend(initializer.tolist())
        else:
            self.extend(initializer)

    @property
    def typecode(self):
        """The typecode character used to create the array."""
        return self._typecode

    @property
    def itemsize(self):
        """Size in bytes of one item."""
        return _ITEMSIZE[self._typecode]

    def _coerce(self, v):
        tc = self._typecode
        if tc == "d":
            if type(v) is float:
                return v
            if isinstance(v, (int, float)) or hasattr(v, "__float__"):
                return float(v)
            raise TypeError("must be real number, not " + type(v).__name__)
        if tc == "f":
            if isinstance(v, (int, float)) or hasattr(v, "__float__"):
                return _to_float32(float(v))
            raise TypeError("must be real number, not " + type(v).__name__)
        if tc == "u":
            if not isinstance(v, str) or len(v) != 1:
                raise TypeError("array item must be unicode character")
            return v
        if type(v) is not int:
            if isinstance(v, int):
                v = int(v)
            elif hasattr(type(v), "__index__"):
                v = type(v).__index__(v)
            else:
                raise TypeError("'" + type(v).__name__ + "' object cannot be interpreted as an integer")
        for lo, hi, small, large in _INT_RANGES[tc]:
            if v < lo:
                raise OverflowError(small)
            if v > hi:
                raise OverflowError(large)
        return v

    def _new(self, data):
        result = array(self._typecode)
        result._data = data
        return result

    # -- sequence protocol ---------------------------------------------------

    def __len__(self):
        return len(self._data)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._new(self._data[index])
        try:
            return self._data[index]
        except IndexError:
            raise IndexError("array index out of range") from None
        except TypeError:
            raise TypeError("array indices must be integers") from None

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            if not isinstance(value, array):
                raise TypeError('can only assign array (not "' + type(value).__name__
                                + '") to array slice')
            if value._typecode != self._typecode:
                raise TypeError("bad argument type for built-in operation")
            self._data[index] = list(value._data)
            return
        value = self._coerce(value)
        try:
            self._data[index] = value
        except IndexError:
            raise IndexError("array assignment index out of range") from None
        except TypeError:
            raise TypeError("array indices must be integers") from None

    def __delitem__(self, index):
        try:
            del self._data[index]
        except IndexError:
            raise IndexError("array assignment index out of range") from None

    def __iter__(self):
        return iter(self._data)

    def __reversed__(self):
        return reversed(self._data)

    def __contains__(self, value):
        return value in self._data

    # -- list-like methods ---------------------------------------------------

    def append(self, v):
        """Append v (converted to the array's type)."""
        self._data.append(self._coerce(v))

    def extend(self, iterable):
        """Append the items of an iterable or of an array of the same typecode."""
        if isinstance(iterable, array):
            if iterable._typecode != self._typecode:
                raise TypeError("can only extend with array of same kind")
            self._data.extend(iterable._data)
            return
        coerce = self._coerce
        self._data.extend([coerce(v) for v in iterable])

    def fromlist(self, items):
        """Append the items of a list (all or none of them)."""
        if not isinstance(items, list):
            raise TypeError("arg must be list")
        coerce = self._coerce
        self._data.extend([coerce(v) for v in items])

    def insert(self, i, v):
        """Insert v before position i."""
        self._data.insert(i, self._coerce(v))

    def pop(self, i=-1):
        """Remove and return the item at i (default the last)."""
        if not self._data:
            raise IndexError("pop from empty array")
        try:
            return self._data.pop(i)
        except IndexError:
            raise IndexError("pop index out of range") from None

    def remove(self, v):
        """Remove the first item equal to v."""
        try:
            self._data.remove(v)
        except ValueError:
            raise ValueError("array.remove(x): x not in array") from None

    def index(self, v, start=0, stop=None):
        """Index of the first item equal to v."""
        n = len(self._data)
        if stop is None:
            stop = n
        try:
            return self._data.index(v, start, stop)
        except ValueError:
            raise ValueError("array.index(x): x not in array") from None

    def count(self, v):
        """Number of items equal to v."""
        return self._data.count(v)

    def reverse(self):
        """Reverse the items in place."""
        self._data.reverse()

    def tolist(self):
        """The items as a list."""
        return list(self._data)

    def tounicode(self):
        if self._typecode != "u":
            raise ValueError("tounicode() may only be called on unicode type arrays")
        return "".join(self._data)

    def fromunicode(self, s):
        if self._typecode != "u":
            raise ValueError("fromunicode() may only be called on unicode type arrays")
        self._data.extend(list(s))

    def buffer_info(self):
        return (id(self._data), len(self._data))

    # -- bytes -------------------------------------------------------------------

    def _item_bits(self, v):
        tc = self._typecode
        if tc == "d":
            return _float_bits(v, 52, 11)
        if tc == "f":
            return _float_bits(v, 23, 8)
        if tc == "u":
            return ord(v)
        return v & ((1 << (8 * _ITEMSIZE[tc])) - 1)

    def _bits_item(self, bits):
        tc = self._typecode
        if tc == "d":
            return _bits_float(bits, 52, 11)
        if tc == "f":
            return _bits_float(bits, 23, 8)
        if tc == "u":
            return chr(bits)
        lo = _INT_RANGES[tc][-1][0]
        if lo < 0 and bits >= -lo:
            return bits - 2 * (-lo)
        return bits

    def tobytes(self):
        """The machine representation of the items (little-endian)."""
        size = _ITEMSIZE[self._typecode]
        out = bytearray()
        for v in self._data:
            out += self._item_bits(v).to_bytes(size, "little")
        return bytes(out)

    def frombytes(self, data):
        """Append items decoded from their machine representation."""
        data = bytes(data)
        size = _ITEMSIZE[self._typecode]
        if len(data) % size:
            raise ValueError("bytes length not a multiple of item size")
        for i in range(0, len(data), size):
            self._data.append(self._bits_item(int.from_bytes(data[i:i + size], "little")))

    def byteswap(self):
        """Reverse the byte order of every item."""
        size = _ITEMSIZE[self._typecode]
        swapped = []
        for v in self._data:
            raw = self._item_bits(v).to_bytes(size, "little")
            swapped.append(self._bits_item(int.from_bytes(raw, "big")))
        self._data = swapped

    # -- operators -------------------------------------------------------------------

    def __repr__(self):
        tc = self._typecode
        if not self._data:
            return "array('" + tc + "')"
        if tc == "u":
            return "array('u', " + repr("".join(self._data)) + ")"
        return "array('" + tc + "', " + repr(self._data) + ")"

    def _check_same(self, other):
        if not isinstance(other, array) or other._typecode != self._typecode:
            raise TypeError("bad argument type for built-in operation")

    def __add__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        self._check_same(other)
        return self._new(self._data + other._data)

    def __iadd__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        self._check_same(other)
        self._data.extend(other._data)
        return self

    def __mul__(self, n):
        return self._new(self._data * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self._data *= n
        return self

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._data == other._data

    def __ne__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._data != other._data

    def __lt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._data < other._data

    def __le__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._data <= other._data

    def __gt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._data > other._data

    def __ge__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._data >= other._data

    __hash__ = None

    def __copy__(self):
        return self._new(list(self._data))

    def __deepcopy__(self, memo):
        return self._new(list(self._data))

    def __reduce__(self):
        return (array, (self._typecode, list(self._data)))


ArrayType = array

# An array is a sequence for match statements.
try:
    from _kiln_abc import set_collection_flags as _set_collection_flags
except ImportError:  # another Python running this file (tests/stdlib)
    pass
else:
    _set_collection_flags(array, 1 << 5)
    del _set_collection_flags

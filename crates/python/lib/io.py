"""In-memory text and byte streams: StringIO and BytesIO.

StringIO keeps written text as a list of pieces while writes only append
at the end (the common case: building output), and joins them into one
string the first time something needs random access (read, seek back,
overwrite).  Positions count code points; writing past the end pads with
NUL characters, as CPython does.  BytesIO keeps a bytearray.
"""

__all__ = ["StringIO", "BytesIO", "SEEK_SET", "SEEK_CUR", "SEEK_END",
           "UnsupportedOperation", "IOBase", "TextIOBase", "BufferedIOBase", "RawIOBase"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError, ValueError):
    pass


class IOBase:
    """Shared behaviour of streams: closing, context management, iteration."""

    def __init__(self):
        self._closed = False

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def _check_open(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=-1):
        self._check_open()
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        self._check_open()
        for line in lines:
            self.write(line)

    def flush(self):
        self._check_open()

    def isatty(self):
        self._check_open()
        return False

    def readable(self):
        self._check_open()
        return True

    def writable(self):
        self._check_open()
        return True

    def seekable(self):
        self._check_open()
        return True

    def fileno(self):
        raise UnsupportedOperation("fileno")


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    pass


def _size_arg(size):
    if size is None:
        return -1
    if not isinstance(size, int):
        raise TypeError("argument should be integer or None, not '" + type(size).__name__ + "'")
    return size


class StringIO(TextIOBase):
    """A text stream kept in memory; getvalue() returns everything written."""

    def __init__(self, initial_value="", newline="\n"):
        TextIOBase.__init__(self)
        if newline is not None and newline not in ("", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: " + repr(newline))
        if initial_value is None:
            initial_value = ""
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not "
                            + type(initial_value).__name__)
        self._newline = newline
        initial_value = self._translate(initial_value)
        self._parts = [initial_value] if initial_value else []
        self._length = len(initial_value)
        self._pos = 0

    def _translate(self, s):
        # newline=None stores universal newlines as "\n"; "\r" and "\r\n"
        # turn written "\n" into themselves; "" and "\n" store text as is.
        nl = self._newline
        if nl is None:
            if "\r" in s:
                s = s.replace("\r\n", "\n").replace("\r", "\n")
        elif nl != "\n" and nl:
            s = s.replace("\n", nl)
        return s

    def _value(self):
        parts = self._parts
        if len(parts) > 1:
            joined = "".join(parts)
            self._parts = [joined]
            return joined
        return parts[0] if parts else ""

    def getvalue(self):
        """Everything in the buffer, whatever the position."""
        self._check_open()
        return self._value()

    def write(self, s):
        """Write s at the current position; returns len(s)."""
        self._check_open()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '" + type(s).__name__ + "'")
        n = len(s)
        if not n:
            return 0
        s = self._translate(s)
        pos = self._pos
        if pos == self._length:
            self._parts.append(s)
            self._length += len(s)
        else:
            value = self._value()
            if pos > self._length:
                value = value + "\0" * (pos - self._length)
            value = value[:pos] + s + value[pos + len(s):]
            self._parts = [value]
            self._length = len(value)
        self._pos = pos + len(s)
        return n

    def read(self, size=-1):
        """Read up to size characters (all of the rest if size < 0)."""
        self._check_open()
        size = _size_arg(size)
        pos = self._pos
        if pos >= self._length:
            return ""
        value = self._value()
        if size < 0:
            end = self._length
        else:
            end = min(pos + size, self._length)
        self._pos = end
        return value[pos:end]

    def readline(self, size=-1):
        """Read through the next newline (or size characters)."""
        self._check_open()
        size = _size_arg(size)
        pos = self._pos
        if pos >= self._length:
            return ""
        value = self._value()
        if self._newline == "":
            end = self._universal_line_end(value, pos)
        else:
            nl = "\n" if self._newline is None else self._newline
            i = value.find(nl, pos)
            end = self._length if i < 0 else i + len(nl)
        if 0 <= size < end - pos:
            end = pos + size
        self._pos = end
        return value[pos:end]

    def _universal_line_end(self, value, pos):
        n = self._length
        i = pos
        while i < n:
            c = value[i]
            if c == "\n":
                return i + 1
            if c == "\r":
                if i + 1 < n and value[i + 1] == "\n":
                    return i + 2
                return i + 1
            i += 1
        return n

    def tell(self):
        self._check_open()
        return self._pos

    def seek(self, pos, whence=0):
        """Move to pos (whence 0); whence 1 and 2 accept only offset 0."""
        self._check_open()
        if not isinstance(pos, int):
            raise TypeError("an integer is required")
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position " + str(pos))
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = self._length
        else:
            raise ValueError("Invalid whence (" + str(whence)
                             + ", should be 0, 1 or 2)")
        return self._pos

    def truncate(self, size=None):
        """Cut the buffer at size (default: the position); returns the size."""
        self._check_open()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("Negative size value " + str(size))
        if size < self._length:
            value = self._value()[:size]
            self._parts = [value] if value else []
            self._length = size
        return size

    @property
    def line_buffering(self):
        return False

    @property
    def newlines(self):
        return None

    def detach(self):
        raise UnsupportedOperation("detach")


class BytesIO(BufferedIOBase):
    """A byte stream kept in memory."""

    def __init__(self, initial_bytes=b""):
        BufferedIOBase.__init__(self)
        self._buf = bytearray(initial_bytes if initial_bytes is not None else b"")
        self._pos = 0

    def getvalue(self):
        self._check_open()
        return bytes(self._buf)

    def getbuffer(self):
        self._check_open()
        return self._buf

    def write(self, b):
        self._check_open()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = bytes(b)
        n = len(data)
        if not n:
            return 0
        pos = self._pos
        buf = self._buf
        if pos > len(buf):
            buf.extend(b"\0" * (pos - len(buf)))
        buf[pos:pos + n] = data
        self._pos = pos + n
        return n

    def read(self, size=-1):
        self._check_open()
        size = _size_arg(size)
        pos = self._pos
        n = len(self._buf)
        if pos >= n:
            return b""
        end = n if size < 0 else min(pos + size, n)
        self._pos = end
        return bytes(self._buf[pos:end])

    read1 = read

    def readline(self, size=-1):
        self._check_open()
        size = _size_arg(size)
        pos = self._pos
        n = len(self._buf)
        if pos >= n:
            return b""
        i = self._buf.find(b"\n", pos)
        end = n if i < 0 else i + 1
        if 0 <= size < end - pos:
            end = pos + size
        self._pos = end
        return bytes(self._buf[pos:end])

    def tell(self):
        self._check_open()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_open()
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek value " + str(pos))
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError("invalid whence (" + str(whence) + ", should be 0, 1 or 2)")
        return self._pos

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("negative size value " + str(size))
        del self._buf[size:]
        return size

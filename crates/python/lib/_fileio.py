"""Files for the builtin open(): a file is read whole when opened for
reading, and written through when flushed or closed.  Text modes ('r',
'w', 'a', 'x', with optional 't' and '+') give TextFile, binary modes
('b') BinaryFile."""

import _kiln_io


class TextFile:
    def __init__(self, name, mode, text):
        self.name = name
        self.mode = mode
        self._text = text
        self._pos = 0
        self._pending = []
        self._closed = False
        self._readable = "r" in mode or "+" in mode
        self._writable = "w" in mode or "a" in mode or "x" in mode or "+" in mode
        self._appended = "a" in mode
        self.encoding = "utf-8"

    @property
    def closed(self):
        return self._closed

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    def readable(self):
        self._check()
        return self._readable

    def writable(self):
        self._check()
        return self._writable

    def read(self, size=-1):
        self._check()
        if not self._readable:
            raise _unsupported("not readable")
        if size is None or size < 0:
            s = self._text[self._pos:]
        else:
            s = self._text[self._pos:self._pos + size]
        self._pos += len(s)
        return s

    def readline(self, size=-1):
        self._check()
        if not self._readable:
            raise _unsupported("not readable")
        i = self._text.find("\n", self._pos)
        end = len(self._text) if i < 0 else i + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        s = self._text[self._pos:end]
        self._pos = end
        return s

    def readlines(self, hint=-1):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, s):
        self._check()
        if not self._writable:
            raise _unsupported("not writable")
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not " + type(s).__name__)
        self._pending.append(s)
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        self._check()
        if self._pending:
            _kiln_io.write(self.name, "".join(self._pending), self._appended)
            self._pending = []
            self._appended = True

    def close(self):
        if not self._closed:
            self.flush()
            self._closed = True

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __repr__(self):
        return "<_io.TextIOWrapper name=%r mode=%r encoding='UTF-8'>" % (self.name, self.mode)


class BinaryFile(TextFile):
    def __init__(self, name, mode, data):
        TextFile.__init__(self, name, mode, data)
        self.encoding = None

    def readline(self, size=-1):
        self._check()
        i = self._text.find(b"\n", self._pos)
        end = len(self._text) if i < 0 else i + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        s = self._text[self._pos:end]
        self._pos = end
        return s

    def write(self, b):
        self._check()
        if not self._writable:
            raise _unsupported("not writable")
        if not isinstance(b, (bytes, bytearray)):
            raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__)
        self._pending.append(bytes(b))
        return len(b)

    def flush(self):
        self._check()
        if self._pending:
            _kiln_io.write_bytes(self.name, b"".join(self._pending), self._appended)
            self._pending = []
            self._appended = True

    def __repr__(self):
        return "<_io.BufferedReader name=%r>" % (self.name,)


def _unsupported(msg):
    import io
    return io.UnsupportedOperation(msg)


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True):
    if not isinstance(file, str):
        raise TypeError("expected str, bytes or os.PathLike object, not " + type(file).__name__)
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not " + type(mode).__name__)
    binary = "b" in mode
    kinds = sum(1 for c in "rwax" if c in mode)
    if kinds != 1 or any(c not in "rwaxtb+" for c in mode) or (binary and "t" in mode):
        raise ValueError("invalid mode: '%s'" % mode)
    text = b"" if binary else ""
    if "r" in mode:
        text = _kiln_io.read_bytes(file) if binary else _kiln_io.read(file)
    elif "x" in mode:
        if _kiln_io.exists(file):
            raise FileExistsError(17, "File exists", file)
        _kiln_io.write(file, "", False)
    elif "w" in mode:
        _kiln_io.write(file, "", False)
    else:
        _kiln_io.write(file, "", True)
    f = BinaryFile(file, mode, text) if binary else TextFile(file, mode, text)
    if "w" in mode or "x" in mode:
        f._appended = True
    return f

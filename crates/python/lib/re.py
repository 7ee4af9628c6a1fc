"""re: regular expressions with Python's API over a native matcher.

The native module `_kiln_re` matches with Rust's fancy-regex engine; this
module translates Python pattern syntax where the two differ (named
backreferences, `\\Z`, `$` before a final newline, `(?#...)` comments,
`{,n}`), applies the flags, and implements Pattern, Match, sub/split and
friends.  Positions are code points.
"""

import _kiln_re

__all__ = ["compile", "search", "match", "fullmatch", "split", "findall", "finditer",
           "sub", "subn", "escape", "purge", "error", "Pattern", "Match",
           "A", "I", "L", "M", "S", "X", "U", "ASCII", "IGNORECASE", "LOCALE",
           "MULTILINE", "DOTALL", "VERBOSE", "UNICODE", "NOFLAG"]

NOFLAG = 0
A = ASCII = 256
I = IGNORECASE = 2
L = LOCALE = 4
M = MULTILINE = 8
S = DOTALL = 16
U = UNICODE = 32
X = VERBOSE = 64


class error(Exception):
    def __init__(self, msg, pattern=None, pos=None):
        Exception.__init__(self, msg)
        self.msg = msg
        self.pattern = pattern
        self.pos = pos


def _translate(p, flags):
    out = []
    i = 0
    n = len(p)
    in_class = False
    while i < n:
        c = p[i]
        if c == "\\" and i + 1 < n:
            d = p[i + 1]
            if d == "Z" and not in_class:
                out.append("\\z")
            else:
                out.append(c + d)
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
            elif c == "[":
                out.append("\\[")
                i += 1
                continue
            out.append(c)
            i += 1
            continue
        if c == "[":
            in_class = True
            out.append(c)
            i += 1
            if i < n and p[i] == "^":
                out.append("^")
                i += 1
            if i < n and p[i] == "]":
                out.append("\\]")
                i += 1
            continue
        if c == "(" and p.startswith("(?P=", i):
            j = p.index(")", i)
            out.append("\\k<" + p[i + 4:j] + ">")
            i = j + 1
            continue
        if c == "(" and p.startswith("(?#", i):
            i = p.index(")", i) + 1
            continue
        if c == "$" and not (flags & MULTILINE):
            out.append("(?=\\n?\\z)")
            i += 1
            continue
        if c == "{" and p.startswith("{,", i):
            out.append("{0,")
            i += 2
            continue
        out.append(c)
        i += 1
    prefix = ""
    if flags & IGNORECASE:
        prefix += "i"
    if flags & MULTILINE:
        prefix += "m"
    if flags & DOTALL:
        prefix += "s"
    if flags & VERBOSE:
        prefix += "x"
    body = "".join(out)
    return ("(?" + prefix + ")" + body) if prefix else body


class Match:
    def __init__(self, pattern, string, spans, pos, endpos):
        self.re = pattern
        self.string = string
        self._spans = spans
        self.pos = pos
        self.endpos = endpos

    def _index(self, g):
        if isinstance(g, str):
            try:
                return self.re.groupindex[g]
            except KeyError:
                raise IndexError("no such group") from None
        if not isinstance(g, int) or g < 0 or g > self.re.groups:
            raise IndexError("no such group")
        return g

    def span(self, group=0):
        i = self._index(group)
        return (self._spans[2 * i], self._spans[2 * i + 1])

    def start(self, group=0):
        return self.span(group)[0]

    def end(self, group=0):
        return self.span(group)[1]

    def _group(self, g, default=None):
        s, e = self.span(g)
        if s < 0:
            return default
        return self.string[s:e]

    def group(self, *groups):
        if not groups:
            return self._group(0)
        if len(groups) == 1:
            return self._group(groups[0])
        return tuple(self._group(g) for g in groups)

    def __getitem__(self, g):
        return self._group(g)

    def groups(self, default=None):
        return tuple(self._group(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._group(i, default) for name, i in self.re.groupindex.items()}

    @property
    def lastindex(self):
        best = None
        best_end = -1
        for i in range(1, self.re.groups + 1):
            s, e = self.span(i)
            if s >= 0 and e >= best_end:
                best, best_end = i, e
        return best

    @property
    def lastgroup(self):
        li = self.lastindex
        for name, i in self.re.groupindex.items():
            if i == li:
                return name
        return None

    def expand(self, template):
        return _expand(self.re, template)(self)

    def __bool__(self):
        return True

    def __repr__(self):
        return "<re.Match object; span=%r, match=%r>" % (self.span(), self.group())


class Pattern:
    def __init__(self, pattern, flags):
        self.pattern = pattern
        if not flags & ASCII:
            flags |= UNICODE
        self.flags = flags
        try:
            self._h = _kiln_re.compile(_translate(pattern, flags))
        except ValueError as e:
            raise error(str(e), pattern) from None
        self.groups, self.groupindex = _kiln_re.info(self._h)

    def _search(self, string, pos, endpos):
        if not isinstance(string, str):
            raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)
        n = len(string)
        if endpos is None or endpos > n:
            endpos = n
        if pos < 0:
            pos = 0
        spans = _kiln_re.search(self._h, string, pos, endpos)
        if spans is None:
            return None
        return Match(self, string, spans, pos, endpos)

    def search(self, string, pos=0, endpos=None):
        return self._search(string, pos, endpos)

    def match(self, string, pos=0, endpos=None):
        # The leftmost match starts at pos if any match does.
        m = self._search(string, pos, endpos)
        if m is None or m.start() != max(pos, 0):
            return None
        return m

    def fullmatch(self, string, pos=0, endpos=None):
        p = _full_cache.get((self.pattern, self.flags))
        if p is None:
            p = _FullPattern(self.pattern, self.flags, self)
            _full_cache[(self.pattern, self.flags)] = p
        m = p._search(string, pos, endpos)
        if m is None or m.start() != max(pos, 0):
            return None
        m.re = self
        return m

    def finditer(self, string, pos=0, endpos=None):
        n = len(string)
        if endpos is None or endpos > n:
            endpos = n
        last_empty = -1
        while pos <= endpos:
            m = self._search(string, pos, endpos)
            if m is None:
                return
            s, e = m.span()
            if s == e and s == last_empty:
                pos = s + 1
                continue
            yield m
            if s == e:
                last_empty = e
                pos = e
            else:
                last_empty = -1
                pos = e
                # An empty match right after a match is allowed (3.7+).

    def findall(self, string, pos=0, endpos=None):
        out = []
        for m in self.finditer(string, pos, endpos):
            if self.groups == 0:
                out.append(m.group(0))
            elif self.groups == 1:
                out.append(m._group(1, ""))
            else:
                out.append(m.groups(""))
        return out

    def subn(self, repl, string, count=0):
        if callable(repl):
            f = repl
        else:
            f = _expand(self, repl)
        out = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if count and n >= count:
                break
            s, e = m.span()
            out.append(string[last:s])
            out.append(f(m))
            last = e
            n += 1
        out.append(string[last:])
        return "".join(out), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def split(self, string, maxsplit=0):
        out = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if maxsplit and n >= maxsplit:
                break
            s, e = m.span()
            out.append(string[last:s])
            out.extend(m.groups())
            last = e
            n += 1
        out.append(string[last:])
        return out

    def __repr__(self):
        if self.flags:
            return "re.compile(%r, %s)" % (self.pattern, _flag_names(self.flags))
        return "re.compile(%r)" % (self.pattern,)

    def __eq__(self, other):
        return isinstance(other, Pattern) and self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))


class _FullPattern(Pattern):
    def __init__(self, pattern, flags, outer):
        self.pattern = pattern
        self.flags = flags
        self._h = _kiln_re.compile("(?:" + _translate(pattern, flags) + ")\\z")
        self.groups, self.groupindex = outer.groups, outer.groupindex


_full_cache = {}


def _flag_names(flags):
    names = []
    for name, v in (("re.ASCII", ASCII), ("re.IGNORECASE", IGNORECASE), ("re.LOCALE", LOCALE),
                    ("re.MULTILINE", MULTILINE), ("re.DOTALL", DOTALL), ("re.UNICODE", UNICODE),
                    ("re.VERBOSE", VERBOSE)):
        if flags & v:
            names.append(name)
    return "|".join(names)


def _expand(pattern, template):
    """A function of a match giving the replacement for `template`."""
    parts = []
    i = 0
    n = len(template)
    lit = []
    escapes = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "b": "\b", "\\": "\\"}
    while i < n:
        c = template[i]
        if c == "\\" and i + 1 < n:
            d = template[i + 1]
            if d.isdigit():
                j = i + 1
                while j < n and j < i + 3 and template[j].isdigit():
                    j += 1
                if lit:
                    parts.append("".join(lit))
                    lit = []
                g = int(template[i + 1:j])
                if g > pattern.groups:
                    raise error("invalid group reference %d" % g)
                parts.append(g)
                i = j
                continue
            if d == "g":
                j = template.index(">", i)
                name = template[i + 3:j]
                if lit:
                    parts.append("".join(lit))
                    lit = []
                if name.isdigit():
                    parts.append(int(name))
                else:
                    if name not in pattern.groupindex:
                        raise IndexError("unknown group name '%s'" % name)
                    parts.append(pattern.groupindex[name])
                i = j + 1
                continue
            if d in escapes:
                lit.append(escapes[d])
                i += 2
                continue
            if d.isalpha():
                raise error("bad escape \\%s" % d)
            lit.append(c + d)
            i += 2
            continue
        lit.append(c)
        i += 1
    if lit:
        parts.append("".join(lit))

    def f(m):
        return "".join(p if isinstance(p, str) else (m._group(p) or "") for p in parts)
    return f


_cache = {}


def compile(pattern, flags=0):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, str):
        raise TypeError("first argument must be string or compiled pattern")
    key = (pattern, flags)
    p = _cache.get(key)
    if p is None:
        if len(_cache) > 512:
            _cache.clear()
        p = Pattern(pattern, flags)
        _cache[key] = p
    return p


def purge():
    _cache.clear()
    _full_cache.clear()


def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)


_special = frozenset("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")


def escape(pattern):
    return "".join("\\" + c if c in _special else c for c in pattern)

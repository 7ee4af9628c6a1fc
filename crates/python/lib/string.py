"""String constants, capwords() and `$`-substitution Templates.

Template parses its pattern by hand (there is no regular-expression
module): `$$` is an escaped `$`, `$name` and `${name}` are placeholders
where name is an ASCII identifier ([_a-z][_a-z0-9]*, case-insensitive).
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = " \t\n\r\x0b\x0c"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s on sep, capitalize each word and join with sep (or ' ')."""
    return (sep or " ").join([w.capitalize() for w in s.split(sep)])


_ID_START = frozenset("_" + ascii_letters)
_ID_REST = frozenset("_" + ascii_letters + digits)


class Template:
    """A string with $-placeholders, filled by substitute()."""

    delimiter = "$"
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _scan(self, mapping, safe):
        s = self.template
        delim = self.delimiter
        dl = len(delim)
        out = []
        i = 0
        n = len(s)
        start = 0
        while True:
            j = s.find(delim, i)
            if j < 0:
                break
            out.append(s[start:j])
            k = j + dl
            if s.startswith(delim, k):
                out.append(delim)
                i = start = k + dl
                continue
            name = None
            end = k
            if k < n and s[k] == "{":
                m = k + 1
                if m < n and s[m] in _ID_START:
                    m += 1
                    while m < n and s[m] in _ID_REST:
                        m += 1
                    if m < n and s[m] == "}":
                        name = s[k + 1:m]
                        end = m + 1
            elif k < n and s[k] in _ID_START:
                m = k + 1
                while m < n and s[m] in _ID_REST:
                    m += 1
                name = s[k:m]
                end = m
            if name is None:
                if safe:
                    out.append(delim)
                    i = start = k
                    continue
                self._invalid(j)
            if safe:
                try:
                    out.append(str(mapping[name]))
                except KeyError:
                    out.append(s[j:end])
            else:
                out.append(str(mapping[name]))
            i = start = end
        out.append(s[start:])
        return "".join(out)

    def _invalid(self, pos):
        lines = self.template[:pos].split("\n")
        colno = pos - len("\n".join(lines[:-1])) - (1 if len(lines) > 1 else 0) + 1
        raise ValueError("Invalid placeholder in string: line %d, col %d"
                         % (len(lines), colno))

    @staticmethod
    def _merge(mapping, kws):
        if mapping is None:
            return kws
        if kws:
            return _ChainLookup(kws, mapping)
        return mapping

    def substitute(self, mapping=None, /, **kws):
        """Replace every placeholder; a missing name raises KeyError."""
        return self._scan(self._merge(mapping, kws), False)

    def safe_substitute(self, mapping=None, /, **kws):
        """Replace the placeholders that can be; leave the others as they are."""
        return self._scan(self._merge(mapping, kws), True)

    def get_identifiers(self):
        """The names of the valid placeholders, in order, without repeats."""
        found = []

        class _Rec:
            def __getitem__(self, name):
                if name not in found:
                    found.append(name)
                return ""

        self._scan(_Rec(), True)
        return found

    def is_valid(self):
        """False if the template has an invalid placeholder."""
        try:
            self._scan(_Always(), False)
        except ValueError:
            return False
        return True


class _ChainLookup:
    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]


class _Always:
    def __getitem__(self, key):
        return ""


class Formatter:
    """str.format's machinery, reduced to format() / vformat()."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        return format_string.format(*args, **kwargs)

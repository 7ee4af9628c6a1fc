"""textwrap: wrap, fill, shorten, dedent and indent (the common subset).

Words are split on whitespace; a word longer than the width is broken
when break_long_words is true, as CPython does.
"""

__all__ = ["wrap", "fill", "shorten", "dedent", "indent", "TextWrapper"]


class TextWrapper:
    def __init__(self, width=70, initial_indent="", subsequent_indent="",
                 expand_tabs=True, replace_whitespace=True, fix_sentence_endings=False,
                 break_long_words=True, drop_whitespace=True, break_on_hyphens=True,
                 tabsize=8, *, max_lines=None, placeholder=" [...]"):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.break_long_words = break_long_words
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def wrap(self, text):
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        words = text.split()
        lines = []
        cur = []
        cur_len = 0
        i = 0
        while i < len(words):
            indent = self.subsequent_indent if lines else self.initial_indent
            avail = self.width - len(indent)
            w = words[i]
            need = len(w) + (1 if cur else 0)
            if cur_len + need <= avail:
                cur.append(w)
                cur_len += need
                i += 1
                continue
            if not cur:
                if self.break_long_words:
                    cur.append(w[:avail])
                    words[i] = w[avail:]
                else:
                    cur.append(w)
                    i += 1
            lines.append(indent + " ".join(cur))
            cur = []
            cur_len = 0
            if self.max_lines is not None and len(lines) >= self.max_lines:
                break
        if cur:
            indent = self.subsequent_indent if lines else self.initial_indent
            lines.append(indent + " ".join(cur))
        if self.max_lines is not None and len(lines) > self.max_lines or (
                self.max_lines is not None and i < len(words)):
            lines = lines[:self.max_lines]
            last = lines[-1] if lines else ""
            while last and len(last) + len(self.placeholder) > self.width:
                last = last.rsplit(" ", 1)[0] if " " in last else ""
            lines[-1:] = [last + self.placeholder] if lines else [self.placeholder.lstrip()]
        return lines

    def fill(self, text):
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kw):
    return TextWrapper(width=width, **kw).wrap(text)


def fill(text, width=70, **kw):
    return TextWrapper(width=width, **kw).fill(text)


def shorten(text, width, **kw):
    w = TextWrapper(width=width, max_lines=1, **kw)
    return w.fill(" ".join(text.strip().split()))


def dedent(text):
    lines = text.split("\n")
    margin = None
    for line in lines:
        stripped = line.lstrip(" \t")
        if not stripped:
            continue
        ws = line[:len(line) - len(stripped)]
        if margin is None:
            margin = ws
        else:
            n = 0
            while n < len(margin) and n < len(ws) and margin[n] == ws[n]:
                n += 1
            margin = margin[:n]
    out = []
    for line in lines:
        if not line.strip(" \t"):
            out.append(line.strip(" \t") if line.strip(" \t") == "" and line.endswith(("\t", " ")) is False else "")
        elif margin:
            out.append(line[len(margin):])
        else:
            out.append(line)
    return "\n".join(out)


def indent(text, prefix, predicate=None):
    if predicate is None:
        def predicate(line):
            return line.strip()
    return "".join(prefix + line if predicate(line) else line for line in text.splitlines(True))

def pretty(v, indent=0, width=40):
    pad = "  " * indent
    flat = flat_repr(v)
    if len(flat) + len(pad) <= width or not isinstance(v, (dict, list)):
        return flat
    if isinstance(v, dict):
        items = [f'{pad}  "{k}": {pretty(val, indent + 1, width)}' for k, val in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    items = [pad + "  " + pretty(x, indent + 1, width) for x in v]
    return "[\n" + ",\n".join(items) + "\n" + pad + "]"
def flat_repr(v):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, str):
        esc = v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        return '"' + esc + '"'
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, dict):
        return "{" + ", ".join(f'"{k}": {flat_repr(x)}' for k, x in v.items()) + "}"
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(flat_repr(x) for x in v) + "]"
    raise TypeError(f"cannot serialize {type(v).__name__}")
def parse(s):
    pos = 0
    def ws():
        nonlocal pos
        while pos < len(s) and s[pos] in " \n\t":
            pos += 1
    def value():
        nonlocal pos
        ws()
        c = s[pos]
        if c == "{":
            pos += 1
            out = {}
            ws()
            if s[pos] == "}":
                pos += 1
                return out
            while True:
                ws()
                k = value()
                ws()
                assert s[pos] == ":"
                pos += 1
                out[k] = value()
                ws()
                if s[pos] == ",":
                    pos += 1
                    continue
                assert s[pos] == "}"
                pos += 1
                return out
        if c == "[":
            pos += 1
            out = []
            ws()
            if s[pos] == "]":
                pos += 1
                return out
            while True:
                out.append(value())
                ws()
                if s[pos] == ",":
                    pos += 1
                    continue
                pos += 1
                return out
        if c == '"':
            j = pos + 1
            buf = []
            while s[j] != '"':
                if s[j] == "\\":
                    j += 1
                    buf.append({"n": "\n"}.get(s[j], s[j]))
                else:
                    buf.append(s[j])
                j += 1
            pos = j + 1
            return "".join(buf)
        for lit, val in (("null", None), ("true", True), ("false", False)):
            if s.startswith(lit, pos):
                pos += len(lit)
                return val
        j = pos
        while j < len(s) and s[j] in "-+.eE0123456789":
            j += 1
        num = s[pos:j]
        pos = j
        return float(num) if any(ch in num for ch in ".eE") else int(num)
    return value()
doc = {"name": "kiln", "version": [0, 1, 0], "ok": True, "none": None, "pi": 3.14159,
       "nested": {"list": [1, 2, {"deep": "x\ny"}], "empty": {}, "e": []},
       "quote": 'say "hi"', "big": 2 ** 70, "neg": -1.5e-7}
out = pretty(doc)
print(out)
back = parse(out)
print(back == doc, flat_repr(back) == flat_repr(doc))
try:
    flat_repr({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)

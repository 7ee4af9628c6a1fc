"""A tokenizer for a small expression language, and a Pratt parser/evaluator."""
KEYWORDS = {"let", "in", "if", "then", "else"}
class Token:
    def __init__(self, kind, text, pos):
        self.kind, self.text, self.pos = kind, text, pos
    def __repr__(self):
        return f"{self.kind}({self.text!r}@{self.pos})"
def tokenize(src):
    i, out = 0, []
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            out.append(Token("NUM", src[i:j], i))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            out.append(Token("KW" if word in KEYWORDS else "NAME", word, i))
            i = j
        elif c in "+-*/()=<>":
            if src[i:i + 2] in ("==", "<=", ">="):
                out.append(Token("OP", src[i:i + 2], i))
                i += 2
            else:
                out.append(Token("OP", c, i))
                i += 1
        elif c == '"':
            j = src.index('"', i + 1)
            out.append(Token("STR", src[i + 1:j], i))
            i = j + 1
        else:
            raise SyntaxError(f"bad character {c!r} at {i}")
    out.append(Token("EOF", "", len(src)))
    return out
PREC = {"==": 1, "<": 1, ">": 1, "<=": 1, ">=": 1, "+": 2, "-": 2, "*": 3, "/": 3}
class Parser:
    def __init__(self, toks):
        self.toks, self.i = toks, 0
    def peek(self):
        return self.toks[self.i]
    def next(self):
        t = self.toks[self.i]
        self.i += 1
        return t
    def expect(self, text):
        t = self.next()
        if t.text != text:
            raise SyntaxError(f"expected {text!r}, got {t!r}")
    def expr(self, prec=0):
        t = self.next()
        if t.kind == "NUM":
            left = ("num", float(t.text) if "." in t.text else int(t.text))
        elif t.kind == "STR":
            left = ("str", t.text)
        elif t.kind == "NAME":
            left = ("var", t.text)
        elif t.text == "(":
            left = self.expr()
            self.expect(")")
        elif t.text == "-":
            left = ("neg", self.expr(4))
        elif t.text == "let":
            name = self.next().text
            self.expect("=")
            val = self.expr()
            self.expect("in")
            left = ("let", name, val, self.expr())
        elif t.text == "if":
            c = self.expr()
            self.expect("then")
            a = self.expr()
            self.expect("else")
            left = ("if", c, a, self.expr())
        else:
            raise SyntaxError(f"unexpected {t!r}")
        while self.peek().kind == "OP" and PREC.get(self.peek().text, -1) > prec:
            op = self.next().text
            left = ("bin", op, left, self.expr(PREC[op]))
        return left
def evaluate(node, env):
    kind = node[0]
    if kind in ("num", "str"):
        return node[1]
    if kind == "var":
        return env[node[1]]
    if kind == "neg":
        return -evaluate(node[1], env)
    if kind == "let":
        return evaluate(node[3], {**env, node[1]: evaluate(node[2], env)})
    if kind == "if":
        return evaluate(node[2] if evaluate(node[1], env) else node[3], env)
    op, a, b = node[1], evaluate(node[2], env), evaluate(node[3], env)
    return {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b, "/": lambda: a / b,
            "==": lambda: a == b, "<": lambda: a < b, ">": lambda: a > b,
            "<=": lambda: a <= b, ">=": lambda: a >= b}[op]()
progs = ["1 + 2 * 3", "(1 + 2) * 3", "let x = 5 in x * x - 1", "if 3 < 4 then \"yes\" else \"no\"",
         "let a = 2.5 in let b = a * 4 in b / 3", "-(2 + 3) * -4", "\"ab\" * 3", "10 / 4 >= 2.5"]
for p in progs:
    toks = tokenize(p)
    print(p, "=>", evaluate(Parser(toks).expr(), {}))
print(tokenize("let y1 = 3 in y1")[:4])
for bad in ["1 + $", "let = 3", "(1 + 2"]:
    try:
        print(evaluate(Parser(tokenize(bad)).expr(), {}))
    except SyntaxError as e:
        print("error:", e)

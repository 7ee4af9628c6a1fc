# `match` and `case` stay usable as names; match statements suspend
# cleanly in generators and coroutines (yield/await inside guards), and
# work in exec()'d code and class bodies.
match = [1, 2]
case = {"k": "v"}
print(match, case)


def match_(match):
    match match:
        case [case, *_]:
            return case
        case {"k": case}:
            return case


print(match_(match), match_(case))
print([match for match in range(3)])


class Re:
    @staticmethod
    def match(x):
        return "method named match: " + x


print(Re.match("ok"))
_ = Re.match
match (Re.match("subject")):
    case str() as s:
        print(s)


def gen(items):
    for it in items:
        match it:
            case [x, y] if (yield ("asking about", x)):
                yield ("guard true", y)
            case [x, y]:
                yield ("guard false", x, y)
            case _:
                yield "not a pair"


g = gen([[1, 2], [3, 4], 5])
print(next(g))
print(g.send(True))
print(next(g))
print(g.send(False))
print(next(g))


class Wait:
    def __init__(self, v):
        self.v = v

    def __await__(self):
        answer = yield ("waiting on", self.v)
        return answer


async def main(subject):
    match subject:
        case {"id": ident} if await Wait(ident):
            return ("accepted", ident)
        case {"id": ident, **rest}:
            return ("rejected", ident, rest)


for answer in (True, False):
    co = main({"id": 7, "extra": 1})
    print(co.send(None))
    try:
        co.send(answer)
    except StopIteration as stop:
        print(stop.value)

code = """
def f(v):
    match v:
        case (a, b):
            return a * b
        case _:
            return -1
result = [f((2, 3)), f(None)]
"""
ns = {}
exec(code, ns)
print(ns["result"])

# Nested match statements, the inner one in a case body.
def nested(v):
    match v:
        case [kind, payload]:
            match kind, payload:
                case ("num", int(n)):
                    return n * 2
                case ("str", str(s)):
                    return s.upper()
                case _:
                    return "bad payload"
        case _:
            return "bad shape"


print(nested(["num", 21]), nested(["str", "up"]), nested(["num", "x"]), nested(3))

# A match as the only statement of a loop body, and a subject tuple
# without parentheses.
x, y = 3, 4
match x, y:
    case 3, 4:
        print("bare tuple subject")

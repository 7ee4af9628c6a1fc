# match statements in hot loops, so that traces are recorded through the
# pattern-matching opcodes and their guards fail and make bridges when
# the kind of subject changes.
from dataclasses import dataclass


@dataclass
class Add:
    left: object
    right: object


@dataclass
class Mul:
    left: object
    right: object


@dataclass
class Neg:
    operand: object


def evaluate(e, env):
    match e:
        case int() | float():
            return e
        case str(name):
            return env[name]
        case Add(l, r):
            return evaluate(l, env) + evaluate(r, env)
        case Mul(l, Add() as r) if isinstance(l, int) and l == 0:
            return 0
        case Mul(l, r):
            return evaluate(l, env) * evaluate(r, env)
        case Neg(x):
            return -evaluate(x, env)
        case [op, *args]:
            raise ValueError(f"list form {op} {args}")
        case _:
            raise TypeError(e)


expr = Add(Mul(2, "x"), Neg(Add("y", 1.5)))
total = 0.0
for i in range(3000):
    total += evaluate(expr, {"x": i, "y": i % 7})
print(total)


def kinds(items):
    counts = {}
    for it in items:
        match it:
            case []:
                k = "empty"
            case [_]:
                k = "single"
            case [_, _, *_]:
                k = "many"
            case {"id": int(i)} if i % 2 == 0:
                k = "even id"
            case {"id": _}:
                k = "odd id"
            case {**rest} if len(rest) > 1:
                k = "big map"
            case str() | bytes():
                k = "text"
            case None:
                k = "none"
            case _:
                k = "other"
        counts[k] = counts.get(k, 0) + 1
    return counts


data = []
for i in range(4000):
    m = i % 11
    if m == 0:
        data.append([])
    elif m == 1:
        data.append([i])
    elif m == 2:
        data.append(list(range(i % 5 + 2)))
    elif m == 3:
        data.append({"id": i})
    elif m == 4:
        data.append({"a": 1, "b": 2})
    elif m == 5:
        data.append(str(i))
    elif m == 6:
        data.append(None)
    elif m == 7:
        data.append((i, i))
    elif m == 8:
        data.append(b"x")
    elif m == 9:
        data.append({"z": 0})
    else:
        data.append(3.5)
print(sorted(kinds(data).items()))

# Captures in a loop: the last iteration's bindings survive.
pairs = [(i, i * i) for i in range(500)]
acc = 0
for p in pairs:
    match p:
        case (a, b) if a % 3 == 0:
            acc += b
        case (a, _):
            acc -= a
print(acc, a, b)

# A generator of points matched with keyword patterns.
@dataclass
class P:
    x: int
    y: int


quadrants = [0, 0, 0, 0, 0]
for i in range(-1000, 1000, 7):
    match P(i, (i * 37) % 101 - 50):
        case P(x=0) | P(y=0):
            quadrants[4] += 1
        case P(x=x, y=y) if x > 0 and y > 0:
            quadrants[0] += 1
        case P(x=x, y=y) if x < 0 < y:
            quadrants[1] += 1
        case P(x=x, y=y) if x < 0 and y < 0:
            quadrants[2] += 1
        case _:
            quadrants[3] += 1
print(quadrants)

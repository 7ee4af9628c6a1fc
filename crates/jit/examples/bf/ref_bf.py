"""An independent reference Brainfuck interpreter, used to produce the
expected output (*.out) of every program in this directory.

Semantics (the same as the Rust example): 30000 cells of 0..255 that wrap
on + and -, the pointer starts at cell 0, moving it off either end is an
error, and `,` at end of input stores 0.

Run: python3 ref_bf.py PROGRAM.b [< input] > PROGRAM.out"""

import sys

TAPE = 30000


def run(src, inp, out):
    prog = [c for c in src if c in "+-<>[].,"]
    match = {}
    stack = []
    for i, c in enumerate(prog):
        if c == "[":
            stack.append(i)
        elif c == "]":
            if not stack:
                raise SystemExit("unmatched ]")
            j = stack.pop()
            match[i] = j
            match[j] = i
    if stack:
        raise SystemExit("unmatched [")
    tape = [0] * TAPE
    ptr = 0
    pc = 0
    pos = 0
    while pc < len(prog):
        c = prog[pc]
        if c == "+":
            tape[ptr] = (tape[ptr] + 1) % 256
        elif c == "-":
            tape[ptr] = (tape[ptr] - 1) % 256
        elif c == ">":
            ptr += 1
            if ptr >= TAPE:
                raise SystemExit("pointer out of range")
        elif c == "<":
            ptr -= 1
            if ptr < 0:
                raise SystemExit("pointer out of range")
        elif c == ".":
            out.append(tape[ptr])
        elif c == ",":
            if pos < len(inp):
                tape[ptr] = inp[pos]
                pos += 1
            else:
                tape[ptr] = 0
        elif c == "[":
            if tape[ptr] == 0:
                pc = match[pc]
        elif c == "]":
            if tape[ptr] != 0:
                pc = match[pc]
        pc += 1


def main():
    with open(sys.argv[1]) as f:
        src = f.read()
    inp = sys.stdin.buffer.read() if len(sys.argv) < 3 else open(sys.argv[2], "rb").read()
    out = []
    try:
        run(src, inp, out)
    finally:
        sys.stdout.buffer.write(bytes(out))
        sys.stdout.flush()


if __name__ == "__main__":
    main()

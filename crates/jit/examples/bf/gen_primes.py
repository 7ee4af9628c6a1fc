"""Generates a Brainfuck program that prints the primes below LIMIT (default
100, at most 100: numbers are printed with at most two digits), one per
line, computed by trial division.

Run: python3 gen_primes.py > primes.b
     python3 gen_primes.py 30 > primes30.b

The generator keeps every variable in a fixed tape cell and tracks the tape
pointer, so each helper below emits pointer-balanced code."""

import sys

LIMIT = int(sys.argv[1]) if len(sys.argv) > 1 else 100
if not 3 <= LIMIT <= 100:
    raise SystemExit("LIMIT must be in 3..100")

out = []
pos = 0


def at(c):
    global pos
    out.append(">" * (c - pos) if c > pos else "<" * (pos - c))
    pos = c


def add(c, k):
    at(c)
    out.append("+" * k if k > 0 else "-" * -k)


def clear(c):
    at(c)
    out.append("[-]")


def setv(c, k):
    clear(c)
    add(c, k)


def loop(c, body):
    at(c)
    out.append("[")
    body()
    at(c)
    out.append("]")


def move(src, dsts):
    def body():
        add(src, -1)
        for d in dsts:
            add(d, 1)
    loop(src, body)


def copy(src, dst, tmp):
    clear(dst)
    clear(tmp)
    move(src, [dst, tmp])
    move(tmp, [src])


def if_zero(c, body, flag, tmp):
    setv(flag, 1)
    copy(c, tmp, flag + 100)

    def clear_flag():
        clear(flag)
        clear(tmp)
    loop(tmp, clear_flag)

    def run():
        body()
        clear(flag)
    loop(flag, run)


def putc(c):
    at(c)
    out.append(".")


# cells
N, ISP, D, K, A, R, DD, Q, T, F, X, CNT = range(1, 13)
TMP = 20


def mod(n, m, r):
    """r = n % m (m > 0)."""
    copy(n, A, TMP)
    clear(r)
    copy(m, DD, TMP)

    def step():
        add(A, -1)
        add(r, 1)
        add(DD, -1)

        def wrap():
            copy(m, DD, TMP)
            clear(r)
        if_zero(DD, wrap, F, TMP + 1)
    loop(A, step)


def divmod10(n, q, r):
    setv(X, 10)
    mod(n, X, r)
    # q = (n - r) / 10 by counting down tens
    copy(n, A, TMP)
    clear(q)

    def sub_r():
        add(A, -1)
    copy(r, T, TMP)
    loop(T, lambda: (add(T, -1), add(A, -1)))
    setv(DD, 10)

    def step():
        add(A, -1)
        add(DD, -1)

        def wrap():
            setv(DD, 10)
            add(q, 1)
        if_zero(DD, wrap, F, TMP + 1)
    loop(A, step)


def print_num(n):
    divmod10(n, Q, R)
    # tens digit if nonzero
    copy(Q, T, TMP)

    def tens():
        add(Q, 48)
        putc(Q)
        clear(T)
    loop(T, tens)
    add(R, 48)
    putc(R)
    setv(X, 10)
    putc(X)


setv(N, 2)
setv(CNT, LIMIT - 2)


def each_n():
    setv(ISP, 1)
    setv(D, 2)
    copy(N, K, TMP)
    add(K, -2)

    def each_d():
        mod(N, D, R)
        if_zero(R, lambda: clear(ISP), F, TMP + 2)
        add(D, 1)
        add(K, -1)
    loop(K, each_d)

    def show():
        print_num(N)
        clear(ISP)
    loop(ISP, show)
    add(N, 1)
    add(CNT, -1)


loop(CNT, each_n)
src = "".join(out)
for i in range(0, len(src), 72):
    print(src[i:i + 72])

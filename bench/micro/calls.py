"""Micro benchmark: calls of small Python functions, with positional,
default and keyword arguments (frame creation and argument passing)."""
import pyperf


def add(a, b=1):
    return a + b


def twice(x, *, scale=2):
    return add(x, x) * scale


def bench(loops):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        acc = 0
        for i in range(50000):
            acc = add(acc, i & 3) + twice(1, scale=1) - add(2)
    return pyperf.perf_counter() - t0


if __name__ == "__main__":
    pyperf.Runner().bench_time_func("micro_calls", bench)

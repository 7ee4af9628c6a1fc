"""Micro benchmark: a tight integer loop with a branch (the JIT's bread and butter)."""
import pyperf


def bench(loops):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        total = 0
        i = 0
        while i < 200000:
            if i & 1:
                total += i
            else:
                total -= 1
            i += 1
    return pyperf.perf_counter() - t0


if __name__ == "__main__":
    pyperf.Runner().bench_time_func("micro_loops", bench)

"""Micro benchmark: list append/index and dict get/set in a loop."""
import pyperf


def bench(loops):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        l = []
        d = {}
        for i in range(50000):
            l.append(i)
            d[i & 255] = d.get(i & 255, 0) + l[i >> 1]
    return pyperf.perf_counter() - t0


if __name__ == "__main__":
    pyperf.Runner().bench_time_func("micro_containers", bench)

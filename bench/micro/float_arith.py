"""Micro benchmark: float arithmetic in a loop (boxing/unboxing of floats)."""
import pyperf


def bench(loops):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        x, y, vx, vy = 0.0, 1.0, 0.5, -0.25
        for _ in range(100000):
            ax = -x * 0.01
            ay = -y * 0.01
            vx += ax * 0.1
            vy += ay * 0.1
            x += vx * 0.1
            y += vy * 0.1
    return pyperf.perf_counter() - t0


if __name__ == "__main__":
    pyperf.Runner().bench_time_func("micro_float_arith", bench)

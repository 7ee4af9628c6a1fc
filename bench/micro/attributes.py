"""Micro benchmark: instance attribute reads and writes and method calls on
objects of one class (what maps/hidden classes make cheap)."""
import pyperf


class Particle:
    def __init__(self, x, v):
        self.x = x
        self.v = v

    def step(self, dt):
        self.x = self.x + self.v * dt


def bench(loops):
    ps = [Particle(i, i % 5) for i in range(100)]
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        for _ in range(1000):
            for p in ps:
                p.step(1)
                p.v = -p.v if p.x > 1000 else p.v
    return pyperf.perf_counter() - t0


if __name__ == "__main__":
    pyperf.Runner().bench_time_func("micro_attributes", bench)

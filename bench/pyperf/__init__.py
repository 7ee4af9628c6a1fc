"""A small stand-in for the `pyperf` module, enough for pyperformance's
`run_benchmark.py` scripts and Kiln's micro benchmarks.

Why: the real pyperf spawns worker processes, calibrates loop counts and
needs much of the standard library; a young interpreter should be measurable
before it can run all that. This module runs everything in one process:
`--warmups N` unmeasured iterations, then `--values M` measured ones, each of
`--loops L` loops, and prints one machine-readable line per benchmark:

    KILN-BENCH <name> loops=<L> warmup=<t,...> values=<t,...>

where every t is seconds per loop (already divided by `inner_loops`) and is
written with repr(). `bench/run.py` parses that line.

It deliberately uses only `sys` and `time` so that it runs wherever the
benchmarks themselves can run; the argument parser below is a tiny
replacement for the part of argparse those scripts use.
"""
import sys
import time

perf_counter = time.perf_counter

__version__ = "0.0-kiln-standin"


class _Namespace:
    def __repr__(self):
        return "Namespace(%s)" % ", ".join(
            "%s=%r" % (k, v) for k, v in sorted(self.__dict__.items()))


class _Option:
    def __init__(self, flags, kw):
        self.flags = flags
        self.dest = kw.get("dest") or flags[0].lstrip("-").replace("-", "_")
        self.type = kw.get("type")
        self.default = kw.get("default")
        self.action = kw.get("action")
        self.choices = kw.get("choices")
        self.nargs = kw.get("nargs")
        self.help = kw.get("help", "")


class ArgumentParser:
    """The subset of argparse.ArgumentParser used by benchmark scripts:
    `add_argument("--name", type=..., default=..., choices=..., action=
    "store_true"/"store_false", nargs=..., help=..., metavar=...)` for
    options, and positional arguments with `nargs="*"`."""

    def __init__(self, description=None):
        self.description = description
        self.options = []

    def add_argument(self, *flags, **kw):
        self.options.append(_Option(flags, kw))

    def _find(self, flag):
        for opt in self.options:
            if flag in opt.flags:
                return opt
        raise SystemExit("unknown option %s" % flag)

    def _convert(self, opt, text):
        value = opt.type(text) if opt.type else text
        if opt.choices is not None and value not in opt.choices:
            raise SystemExit("invalid choice for %s: %r" % (opt.flags[0], text))
        return value

    def parse_args(self, args=None):
        if args is None:
            args = sys.argv[1:]
        ns = _Namespace()
        positional = []
        for opt in self.options:
            if opt.action == "store_true":
                default = False if opt.default is None else opt.default
            elif opt.action == "store_false":
                default = True if opt.default is None else opt.default
            else:
                default = opt.default
            setattr(ns, opt.dest, default)
        i = 0
        while i < len(args):
            arg = args[i]
            if arg.startswith("-") and len(arg) > 1:
                if "=" in arg:
                    flag, text = arg.split("=", 1)
                else:
                    flag, text = arg, None
                opt = self._find(flag)
                if opt.action == "store_true":
                    setattr(ns, opt.dest, True)
                elif opt.action == "store_false":
                    setattr(ns, opt.dest, False)
                else:
                    if text is None:
                        i += 1
                        if i >= len(args):
                            raise SystemExit("option %s needs a value" % flag)
                        text = args[i]
                    setattr(ns, opt.dest, self._convert(opt, text))
            else:
                positional.append(arg)
            i += 1
        for opt in self.options:
            if not opt.flags[0].startswith("-"):
                setattr(ns, opt.dest, positional)
                positional = []
        return ns


class Runner:
    """Runs benchmarks in-process; see the module docstring."""

    def __init__(self, values=None, warmups=None, processes=None, loops=None,
                 min_time=None, metadata=None, show_name=True,
                 program_args=None, add_cmdline_args=None, _argparser=None,
                 **kwargs):
        self.metadata = dict(metadata or {})
        self.argparser = ArgumentParser()
        parser = self.argparser
        parser.add_argument("--warmups", type=int, default=2 if warmups is None else warmups)
        parser.add_argument("--values", type=int, default=5 if values is None else values)
        parser.add_argument("--loops", type=int, default=1 if not loops else loops)
        parser.add_argument("--quiet", "-q", action="store_true")
        self.args = None
        self._names = set()

    def parse_args(self, args=None):
        if self.args is None:
            self.args = self.argparser.parse_args(args)
        return self.args

    def _run(self, name, timed, inner_loops):
        args = self.parse_args()
        if name in self._names:
            raise ValueError("duplicated benchmark name: %r" % name)
        self._names.add(name)
        loops = max(1, args.loops)
        per = float(loops * (inner_loops or 1))
        warm = []
        for _ in range(args.warmups):
            warm.append(timed(loops) / per)
        vals = []
        for _ in range(args.values):
            vals.append(timed(loops) / per)
        print("KILN-BENCH %s loops=%d warmup=%s values=%s" % (
            name, loops, ",".join(repr(t) for t in warm),
            ",".join(repr(t) for t in vals)))
        sys.stdout.flush()
        return vals

    def bench_time_func(self, name, time_func, *args, inner_loops=None, **kw):
        """`time_func(loops, *args)` runs `loops` loops and returns the
        elapsed seconds."""
        return self._run(name, lambda loops: time_func(loops, *args), inner_loops)

    def bench_func(self, name, func, *args, inner_loops=None, **kw):
        """Times `loops` calls of `func(*args)`."""
        def timed(loops):
            t0 = perf_counter()
            for _ in range(loops):
                func(*args)
            return perf_counter() - t0
        return self._run(name, timed, inner_loops)

    def bench_async_func(self, name, func, *args, inner_loops=None, **kw):
        """Drives the coroutine `func(*args)` by hand (no event loop): it
        must not await real I/O."""
        def drive(coro):
            try:
                while True:
                    coro.send(None)
            except StopIteration as stop:
                return stop.value
        def timed(loops):
            t0 = perf_counter()
            for _ in range(loops):
                drive(func(*args))
            return perf_counter() - t0
        return self._run(name, timed, inner_loops)

#!/usr/bin/env python3
"""Kiln's benchmark runner.

Runs the pure-Python benchmarks of pyperformance (a pinned release,
pip-installed into bench/.cache on first use) and Kiln's own micro
benchmarks (bench/micro/*.py) under `kiln`, `python3` and, when present,
`pypy3`, and prints one table: the mean time per measured iteration under
each interpreter, its ratio to CPython, the warm-up iterations separately,
and the geometric mean of the ratios.

Every benchmark runs in a fresh process with bench/ first on PYTHONPATH, so
`import pyperf` finds the stand-in in bench/pyperf/ (see its docstring for
the protocol: `--warmups`, `--values`, `--loops`, and the `KILN-BENCH` output
line). A benchmark that fails or times out under one interpreter is shown as
`failed: <last stderr line>` and left out of the geometric mean.

    python3 bench/run.py                         # everything, default kiln
    python3 bench/run.py --only nbody,micro_loops --values 10
    python3 bench/run.py --kiln target/release/kiln --no-pypy
    python3 bench/run.py --interpreters python3  # only CPython
"""
import argparse
import json
import math
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CACHE = os.path.join(HERE, ".cache")
PYPERFORMANCE = "pyperformance==1.11.0"
SITE = os.path.join(CACHE, "pyperformance-1.11.0")
BENCHMARKS = ["richards", "nbody", "float", "spectral_norm", "fannkuch", "nqueens",
              "raytrace", "deltablue", "chaos", "go", "hexiom", "generators",
              "coroutines", "meteor_contest", "pidigits"]


def install_pyperformance():
    """Returns the folder holding the bm_* benchmark folders, installing the
    pinned pyperformance (without its dependencies: only its data files are
    used) on first use."""
    data = os.path.join(SITE, "pyperformance", "data-files", "benchmarks")
    if not os.path.isdir(data):
        os.makedirs(CACHE, exist_ok=True)
        print("installing %s into %s" % (PYPERFORMANCE, SITE), file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet",
                        "--disable-pip-version-check", "--no-deps",
                        "--target", SITE, PYPERFORMANCE], check=True)
    return data


def find_benchmarks(args):
    """(name, script) pairs: pyperformance's first, then the micro ones."""
    found = []
    if not args.no_pyperformance:
        data = install_pyperformance()
        for name in BENCHMARKS:
            script = os.path.join(data, "bm_" + name, "run_benchmark.py")
            if os.path.isfile(script):
                found.append((name, script))
            else:
                print("warning: %s has no benchmark %s" % (PYPERFORMANCE, name),
                      file=sys.stderr)
    micro = os.path.join(HERE, "micro")
    for fname in sorted(os.listdir(micro)):
        if fname.endswith(".py"):
            found.append(("micro_" + fname[:-3], os.path.join(micro, fname)))
    if args.only:
        wanted = set(args.only.split(","))
        found = [b for b in found if b[0] in wanted]
    return found


def find_interpreters(args):
    """(label, command or None, why-missing) in table order."""
    out = []
    for label in args.interpreters.split(","):
        if label == "kiln":
            path = args.kiln or os.path.join(ROOT, "target", "release", "kiln")
            if os.path.isfile(path) and os.access(path, os.X_OK):
                out.append(("kiln", [path] + (args.kiln_args.split() if args.kiln_args else []), None))
            else:
                print("note: no kiln binary at %s (cargo build --release -p kiln, or --kiln PATH)"
                      % path, file=sys.stderr)
                out.append(("kiln", None, "kiln not built"))
        elif label == "pypy3":
            path = shutil.which("pypy3")
            if path and not args.no_pypy:
                out.append(("pypy3", [path], None))
        else:
            path = shutil.which(label) or (label if os.path.isfile(label) else None)
            out.append((label, [path] if path else None, None if path else "not found"))
    return out


def parse_result(stdout):
    """The first KILN-BENCH line as (warmup list, values list), or None."""
    for line in stdout.splitlines():
        if line.startswith("KILN-BENCH "):
            fields = dict(f.split("=", 1) for f in line.split()[2:] if "=" in f)
            def floats(s):
                return [float(x) for x in s.split(",") if x]
            return floats(fields.get("warmup", "")), floats(fields.get("values", ""))
    return None


def last_line(text):
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    return lines[-1] if lines else "(no output)"


def run_one(cmd, script, args):
    """{"warmup": [...], "values": [...]} or {"error": "..."}."""
    env = dict(os.environ)
    env["PYTHONPATH"] = HERE + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    argv = cmd + [script, "--warmups", str(args.warmups), "--values", str(args.values),
                  "--loops", str(args.loops)]
    try:
        proc = subprocess.run(argv, cwd=os.path.dirname(script), env=env,
                              stdin=subprocess.DEVNULL, capture_output=True,
                              text=True, errors="replace", timeout=args.timeout)
    except subprocess.TimeoutExpired:
        return {"error": "timed out after %ss" % args.timeout}
    except OSError as e:
        return {"error": str(e)}
    result = parse_result(proc.stdout)
    if proc.returncode != 0 or result is None or not result[1]:
        if proc.stderr.strip():
            why = last_line(proc.stderr)
        else:
            why = "exit code %d, no KILN-BENCH line" % proc.returncode
        return {"error": why}
    return {"warmup": result[0], "values": result[1]}


def fmt_time(t):
    if t >= 1:
        return "%.2f s" % t
    if t >= 1e-3:
        return "%.1f ms" % (t * 1e3)
    return "%.1f us" % (t * 1e6)


def mean(xs):
    return sum(xs) / len(xs)


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def print_table(benches, interps, results, baseline):
    labels = [i[0] for i in interps]
    head = ["benchmark"] + ["%s (mean/iter)" % l for l in labels]
    rows = []
    ratios = {l: [] for l in labels}
    # The same ratios restricted to pyperformance's benchmarks (not micro_*).
    pyperf_ratios = {l: [] for l in labels}
    for name, _ in benches:
        row = [name]
        base = results[name].get(baseline)
        base_mean = mean(base["values"]) if base and "values" in base else None
        for l in labels:
            r = results[name].get(l)
            if r is None:
                row.append("-")
            elif "error" in r:
                row.append("failed: " + r["error"][:60])
            else:
                m = mean(r["values"])
                cell = fmt_time(m)
                if base_mean and l != baseline:
                    ratio = m / base_mean
                    ratios[l].append(ratio)
                    if not name.startswith("micro_"):
                        pyperf_ratios[l].append(ratio)
                    cell += " (%.2fx)" % ratio
                row.append(cell)
        rows.append(row)
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
    line = lambda r: "  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip()
    print(line(head))
    print(line(["-" * w for w in widths]))
    for r in rows:
        print(line(r))
    print()
    print("ratios are time / %s time: below 1.00x is faster than %s" % (baseline, baseline))
    for l in labels:
        if l != baseline:
            g = geomean(ratios[l])
            print("geometric mean %s/%s: %s over %d benchmarks" % (
                l, baseline, "%.3fx" % g if g else "n/a", len(ratios[l])))
            if pyperf_ratios[l] and len(pyperf_ratios[l]) < len(ratios[l]):
                g = geomean(pyperf_ratios[l])
                print("geometric mean %s/%s: %.3fx over the %d pyperformance benchmarks" % (
                    l, baseline, g, len(pyperf_ratios[l])))
    print()
    print("warm-up iterations (excluded above), seconds per iteration:")
    for name, _ in benches:
        cells = []
        for l in labels:
            r = results[name].get(l)
            if r and "warmup" in r:
                cells.append("%s: %s" % (l, ", ".join(fmt_time(t) for t in r["warmup"]) or "none"))
        print("  %-18s %s" % (name, "; ".join(cells)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kiln", help="kiln binary (default target/release/kiln)")
    ap.add_argument("--kiln-args", default="", help="extra kiln flags, e.g. '--jit off'")
    ap.add_argument("--interpreters", default="kiln,python3,pypy3",
                    help="comma-separated: kiln, python3, pypy3 or a path")
    ap.add_argument("--no-pypy", action="store_true")
    ap.add_argument("--only", help="comma-separated benchmark names")
    ap.add_argument("--no-pyperformance", action="store_true", help="micro benchmarks only")
    ap.add_argument("--warmups", type=int, default=2)
    ap.add_argument("--values", type=int, default=5)
    ap.add_argument("--loops", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--json", help="also write all raw times to this file")
    args = ap.parse_args()

    benches = find_benchmarks(args)
    interps = find_interpreters(args)
    labels = [i[0] for i in interps]
    baseline = "python3" if "python3" in labels else labels[0]
    results = {}
    for name, script in benches:
        results[name] = {}
        for label, cmd, missing in interps:
            if cmd is None:
                results[name][label] = {"error": missing}
                continue
            print("running %s under %s" % (name, label), file=sys.stderr)
            results[name][label] = run_one(cmd, script, args)
    print_table(benches, interps, results, baseline)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()

"""Kiln's contextlib against CPython's."""

import contextlib as ref
import io

from _load import check, finish, load, outcome

mine = load("contextlib")


def scenario(mod, raise_in_body, catch_in_gen):
    log = []

    @mod.contextmanager
    def cm(tag):
        log.append("enter " + tag)
        try:
            yield tag.upper()
        except ValueError as e:
            log.append("caught " + str(e))
            if not catch_in_gen:
                raise
        finally:
            log.append("finally")
        log.append("after")

    def run():
        with cm("x") as v:
            log.append("body " + v)
            if raise_in_body:
                raise raise_in_body("boom")
        log.append("done")

    r = outcome(run)
    return log, r


for exc in (None, ValueError, KeyError):
    for catch in (False, True):
        check("contextmanager %r %r" % (exc, catch), scenario(mine, exc, catch), scenario(ref, exc, catch))


def errors(mod):
    @mod.contextmanager
    def noyield():
        if False:
            yield

    @mod.contextmanager
    def twice():
        yield 1
        yield 2

    def use(cm):
        with cm():
            pass
    return outcome(use, noyield), outcome(use, twice)


check("contextmanager errors", errors(mine), errors(ref))


def deco(mod):
    log = []

    @mod.contextmanager
    def cm():
        log.append("in")
        yield
        log.append("out")

    @cm()
    def f(x):
        log.append(x)
        return x * 2
    return f(1), f(2), log


check("as decorator", deco(mine), deco(ref))


def sup(mod):
    out = []
    with mod.suppress(KeyError, IndexError):
        out.append(1)
        {}["x"]
    with mod.suppress(KeyError):
        out.append(2)
    return out


check("suppress", sup(mine), sup(ref))


def sup_other(mod):
    with mod.suppress(KeyError):
        raise ValueError("v")


check("suppress other", outcome(sup_other, mine), outcome(sup_other, ref))


class Thing:
    def __init__(self):
        self.closed = False

    def close(self):
        self.closed = True


t = Thing()
with mine.closing(t) as got:
    check("closing enter", got is t, True)
check("closing", t.closed, True)
with mine.nullcontext(5) as n:
    check("nullcontext", n, 5)
buf = io.StringIO()
with mine.redirect_stdout(buf):
    print("hidden")
check("redirect_stdout", buf.getvalue(), "hidden\n")


def stack(mod, fail):
    log = []

    class CM:
        def __init__(self, name, swallow=False):
            self.name = name
            self.swallow = swallow

        def __enter__(self):
            log.append("enter " + self.name)
            return self.name

        def __exit__(self, t, v, tb):
            log.append("exit " + self.name + " " + (t.__name__ if t else "-"))
            return self.swallow

    def run():
        with mod.ExitStack() as st:
            log.append(st.enter_context(CM("a")))
            st.callback(log.append, "callback")
            st.enter_context(CM("b", swallow=(fail == "swallow")))
            st.push(lambda t, v, tb: log.append("pushed"))
            if fail:
                raise ValueError("x")
        return "finished"
    return outcome(run), log


for fail in (None, "raise", "swallow"):
    check("exitstack %r" % fail, stack(mine, fail), stack(ref, fail))
finish("contextlib")

//! Async generators and the awaitables of async iteration.
//!
//! An async generator is a `GeneratorObject` of class `async_generator`;
//! it runs only while an `AwaitableObject` drives it: `__anext__()` and
//! `asend(v)` make an `async_generator_asend`, `athrow()` and `aclose()` an
//! `async_generator_athrow`, and `anext(it, default)` an `anext_awaitable`
//! wrapping the awaitable of `it.__anext__()`. Sending into an awaitable
//! resumes the generator: its own `yield v` (a `YIELD_VALUE 0`) finishes
//! the awaitable with `StopIteration(v)`, a yield from inside one of its
//! `await`s (a `YIELD_VALUE 1`) is passed through to whoever drives the
//! awaitable, and the generator's end is StopAsyncIteration.
//!
//! Also the protocol lookups behind `GET_AWAITABLE`, `GET_AITER`,
//! `GET_ANEXT` and `BEFORE_ASYNC_WITH`, with CPython's messages.

use super::frame::FrameObject;
use super::gen::{gen_send, gen_throw, send_to, stop_value, Sent};
use crate::bytecode::Op;
use crate::object::func::{
    AwaitableObject, CodeObj, GeneratorObject, AG_CLOSED, AG_RUNNING, AW_ACLOSE, AW_ANEXT,
    AW_ASEND, AW_ATHROW,
};
use crate::object::misc::IterObject;
use crate::object::{alloc, cast, class_of, is, try_cast, GcRef, HDR};
use crate::ops::{self, tname};
use crate::vm::{Exc, PyResult, Vm};

/// A new awaitable of kind `kind` over `gen`.
pub fn new_awaitable(vm: &mut Vm, gen: GcRef, value: Option<GcRef>, kind: i64) -> GcRef {
    let cls = match kind {
        AW_ASEND => vm.t.async_gen_asend,
        AW_ATHROW | AW_ACLOSE => vm.t.async_gen_athrow,
        _ => vm.t.anext_awaitable,
    };
    alloc(AwaitableObject {
        hdr: HDR,
        cls: Some(cls),
        gen: Some(gen),
        value,
        inner: None,
        state: 0,
        kind,
    })
}

/// An exception of class `name` with no arguments.
pub fn bare_exc(vm: &mut Vm, name: &str) -> Exc {
    let cls = vm.exc_type(name);
    let empty = vm.empty_tuple;
    Exc(crate::object::exc::new_exception(cls, vm.root_map, empty))
}

/// Calls special method `name` of `x` (looked up on its type), if any.
fn call_special(vm: &mut Vm, x: GcRef, name: &str) -> PyResult<Option<GcRef>> {
    let cls = class_of(x);
    let n = vm.intern(name);
    match ops::lookup(vm, cls, n) {
        Some(m) => {
            let f = ops::bind(vm, m, Some(x), cls)?;
            ops::call(vm, f, &[], &[]).map(Some)
        }
        None => Ok(None),
    }
}

fn has_special(vm: &mut Vm, x: GcRef, name: &str) -> bool {
    let n = vm.intern(name);
    ops::lookup(vm, class_of(x), n).is_some()
}

fn is_async_gen(vm: &Vm, x: GcRef) -> bool {
    class_of(x) == vm.t.async_generator && is::<GeneratorObject>(x)
}

/// The iterator `await x` drives (`GET_AWAITABLE`): a coroutine (or a
/// generator, as `types.coroutine` makes them) or an awaitable of this
/// module as they are, else `x.__await__()`. `kind` picks the TypeError:
/// 0 `await`, 1 `__aenter__`'s result, 2 `__aexit__`'s, 3 `__anext__`'s.
pub fn awaitable(vm: &mut Vm, x: GcRef, kind: u32) -> PyResult<GcRef> {
    if is::<AwaitableObject>(x) || (is::<GeneratorObject>(x) && !is_async_gen(vm, x)) {
        return Ok(x);
    }
    if let Some(it) = call_special(vm, x, "__await__")? {
        if !is::<GeneratorObject>(it) && !is::<IterObject>(it) && !has_special(vm, it, "__next__") {
            return Err(vm.type_error(format!(
                "__await__() returned non-iterator of type '{}'",
                tname(it)
            )));
        }
        return Ok(it);
    }
    let t = tname(x);
    Err(vm.type_error(match kind {
        1 => format!(
            "'async with' received an object from __aenter__ that does not implement __await__: {t}"
        ),
        2 => format!(
            "'async with' received an object from __aexit__ that does not implement __await__: {t}"
        ),
        3 => format!("'async for' received an invalid object from __anext__: {t}"),
        _ => format!("object {t} can't be used in 'await' expression"),
    }))
}

/// `GET_AITER`: `type(x).__aiter__(x)`, which must have `__anext__`.
pub fn get_aiter(vm: &mut Vm, x: GcRef) -> PyResult<GcRef> {
    if is_async_gen(vm, x) {
        return Ok(x);
    }
    let Some(it) = call_special(vm, x, "__aiter__")? else {
        return Err(vm.type_error(format!(
            "'async for' requires an object with __aiter__ method, got {}",
            tname(x)
        )));
    };
    if !is_async_gen(vm, it) && !has_special(vm, it, "__anext__") {
        return Err(vm.type_error(format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {}",
            tname(it)
        )));
    }
    Ok(it)
}

/// `GET_ANEXT`: the awaitable of `type(it).__anext__(it)`.
pub fn get_anext(vm: &mut Vm, it: GcRef) -> PyResult<GcRef> {
    if is_async_gen(vm, it) {
        return Ok(new_awaitable(vm, it, None, AW_ASEND));
    }
    let Some(r) = call_special(vm, it, "__anext__")? else {
        return Err(vm.type_error(format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            tname(it)
        )));
    };
    awaitable(vm, r, 3)
}

/// `BEFORE_ASYNC_WITH`'s checks: the bound `__aexit__` of `m`.
pub fn async_with_exit(vm: &mut Vm, m: GcRef) -> PyResult<GcRef> {
    let cls = class_of(m);
    let (en, ex) = (vm.intern("__aenter__"), vm.intern("__aexit__"));
    let msg = "object does not support the asynchronous context manager protocol";
    if ops::lookup(vm, cls, en).is_none() {
        return Err(vm.type_error(format!("'{}' {msg}", tname(m))));
    }
    let Some(exit) = ops::lookup(vm, cls, ex) else {
        return Err(vm.type_error(format!("'{}' {msg} (missed __aexit__ method)", tname(m))));
    };
    ops::bind(vm, exit, Some(m), cls)
}

/// What one resumption of an async generator gave.
enum Step {
    /// Its own `yield v`.
    Value(GcRef),
    /// A yield from inside one of its `await`s.
    Pass(GcRef),
    /// It returned.
    Done,
}

/// Is the suspended generator `g` at its own `yield` (not in an `await`)?
fn at_own_yield(g: GcRef) -> bool {
    let go = cast::<GeneratorObject>(g);
    let Some(fr) = go.frame.filter(|_| go.state == 1) else {
        return false;
    };
    let f = cast::<FrameObject>(fr);
    let Some(code) = f.code else {
        return false;
    };
    let code = &cast::<CodeObj>(code).code;
    match (f.pc as usize)
        .checked_sub(1)
        .and_then(|i| code.code.get(i))
    {
        Some(ins) => ins.op == Op::YieldValue && ins.arg == 0,
        None => false,
    }
}

fn step(vm: &mut Vm, g: GcRef, send: GcRef, throw: Option<GcRef>) -> PyResult<Step> {
    let r = match throw {
        Some(e) => gen_throw(vm, g, e)?,
        None => gen_send(vm, g, send)?,
    };
    Ok(match r {
        Sent::Yielded(y) if at_own_yield(g) => Step::Value(y),
        Sent::Yielded(y) => Step::Pass(y),
        Sent::Returned(_) => Step::Done,
    })
}

fn gen_of(aw: GcRef) -> GcRef {
    cast::<AwaitableObject>(aw).gen.expect("awaitable target")
}

fn set_flag(g: GcRef, flag: i64, on: bool) {
    if let Some(go) = try_cast::<GeneratorObject>(g) {
        if on {
            go.async_flags |= flag;
        } else {
            go.async_flags &= !flag;
        }
    }
}

fn has_flag(g: GcRef, flag: i64) -> bool {
    cast::<GeneratorObject>(g).async_flags & flag != 0
}

/// Ends awaitable `aw` unless the generator only passed a yield through.
fn finish(vm: &mut Vm, aw: GcRef, r: PyResult<Step>) -> PyResult<Sent> {
    if let Ok(Step::Pass(y)) = r {
        return Ok(Sent::Yielded(y));
    }
    let a = cast::<AwaitableObject>(aw);
    a.state = 2;
    let g = gen_of(aw);
    set_flag(g, AG_RUNNING, false);
    let ended = match &r {
        Ok(Step::Done) => true,
        Err(e) => vm.exc_matches(e.0, "StopAsyncIteration") || vm.exc_matches(e.0, "GeneratorExit"),
        _ => false,
    };
    if ended {
        set_flag(g, AG_CLOSED, true);
    }
    let close = a.kind == AW_ACLOSE;
    match r {
        Ok(Step::Value(_)) if close => {
            Err(vm.err("RuntimeError", "async generator ignored GeneratorExit"))
        }
        Ok(Step::Value(y)) => Ok(Sent::Returned(y)),
        Ok(_) if close => Ok(Sent::Returned(vm.none)),
        Ok(_) => Err(bare_exc(vm, "StopAsyncIteration")),
        Err(e)
            if close
                && (vm.exc_matches(e.0, "StopAsyncIteration")
                    || vm.exc_matches(e.0, "GeneratorExit")) =>
        {
            Ok(Sent::Returned(vm.none))
        }
        Err(e) => Err(e),
    }
}

fn reuse_error(vm: &mut Vm, kind: i64) -> Exc {
    let what = if kind == AW_ASEND {
        "__anext__()/asend()"
    } else {
        "aclose()/athrow()"
    };
    vm.err(
        "RuntimeError",
        format!("cannot reuse already awaited {what}"),
    )
}

/// Runs `f` one level deeper: awaitables may delegate to each other
/// (an `anext_awaitable` to whatever `__anext__` returned) without any
/// Python frame in between, so they count against the recursion limit.
fn nested<R>(vm: &mut Vm, f: impl FnOnce(&mut Vm) -> PyResult<R>) -> PyResult<R> {
    if vm.depth >= vm.recursion_limit {
        return Err(vm.err("RecursionError", "maximum recursion depth exceeded"));
    }
    vm.depth += 1;
    let r = f(vm);
    vm.depth -= 1;
    r
}

/// `aw.send(v)` for every awaitable kind.
pub fn aw_send(vm: &mut Vm, aw: GcRef, v: GcRef) -> PyResult<Sent> {
    nested(vm, |vm| aw_send_inner(vm, aw, v))
}

/// `aw.throw(e)` for every awaitable kind.
pub fn aw_throw(vm: &mut Vm, aw: GcRef, e: GcRef) -> PyResult<Sent> {
    nested(vm, |vm| aw_throw_inner(vm, aw, e))
}

fn aw_send_inner(vm: &mut Vm, aw: GcRef, v: GcRef) -> PyResult<Sent> {
    let a = cast::<AwaitableObject>(aw);
    let kind = a.kind;
    if kind == AW_ANEXT {
        let r = anext_inner(vm, aw).and_then(|i| send_to(vm, i, v));
        return anext_done(vm, aw, r);
    }
    if a.state == 2 {
        return Err(reuse_error(vm, kind));
    }
    let g = gen_of(aw);
    if kind == AW_ASEND {
        let mut v = v;
        if a.state == 0 {
            if has_flag(g, AG_RUNNING) {
                return Err(vm.err(
                    "RuntimeError",
                    "anext(): asynchronous generator is already running",
                ));
            }
            if v == vm.none {
                v = a.value.unwrap_or(vm.none);
            }
            a.state = 1;
        }
        set_flag(g, AG_RUNNING, true);
        let r = step(vm, g, v, None);
        return finish(vm, aw, r);
    }
    if cast::<GeneratorObject>(g).state == 3 {
        a.state = 2;
        return Ok(Sent::Returned(vm.none));
    }
    let r = if a.state == 0 {
        if has_flag(g, AG_RUNNING) {
            a.state = 2;
            let what = if kind == AW_ACLOSE {
                "aclose"
            } else {
                "athrow"
            };
            return Err(vm.err(
                "RuntimeError",
                format!("{what}(): asynchronous generator is already running"),
            ));
        }
        if has_flag(g, AG_CLOSED) {
            a.state = 2;
            return Err(bare_exc(vm, "StopAsyncIteration"));
        }
        if v != vm.none {
            return Err(vm.err(
                "RuntimeError",
                "can't send non-None value to a just-started coroutine",
            ));
        }
        a.state = 1;
        set_flag(g, AG_RUNNING, true);
        let e = match a.value {
            Some(e) if kind == AW_ATHROW => e,
            _ => {
                set_flag(g, AG_CLOSED, true);
                bare_exc(vm, "GeneratorExit").0
            }
        };
        step(vm, g, vm.none, Some(e))
    } else {
        step(vm, g, v, None)
    };
    finish(vm, aw, r)
}

fn aw_throw_inner(vm: &mut Vm, aw: GcRef, e: GcRef) -> PyResult<Sent> {
    let a = cast::<AwaitableObject>(aw);
    if a.kind == AW_ANEXT {
        let r = anext_inner(vm, aw).and_then(|i| throw_to(vm, i, e));
        return anext_done(vm, aw, r);
    }
    if a.state == 2 {
        return Err(reuse_error(vm, a.kind));
    }
    let g = gen_of(aw);
    let r = step(vm, g, vm.none, Some(e));
    finish(vm, aw, r)
}

/// `aw.close()`.
pub fn aw_close(vm: &mut Vm, aw: GcRef) -> PyResult<()> {
    let a = cast::<AwaitableObject>(aw);
    if a.kind == AW_ANEXT {
        if let Some(i) = a.inner {
            if is::<AwaitableObject>(i) {
                return aw_close(vm, i);
            }
            if is::<GeneratorObject>(i) {
                return super::gen::gen_close(vm, i);
            }
            ops::call_method_opt(vm, i, "close", &[])?;
        }
        return Ok(());
    }
    a.state = 2;
    Ok(())
}

/// Throws `e` into the iterator `d` an awaitable delegates to.
fn throw_to(vm: &mut Vm, d: GcRef, e: GcRef) -> PyResult<Sent> {
    if is::<GeneratorObject>(d) {
        return gen_throw(vm, d, e);
    }
    if is::<AwaitableObject>(d) {
        return aw_throw(vm, d, e);
    }
    match ops::call_method_opt(vm, d, "throw", &[e]) {
        Ok(Some(y)) => Ok(Sent::Yielded(y)),
        Ok(None) => Err(Exc(e)),
        Err(err) if vm.exc_matches(err.0, "StopIteration") => {
            Ok(Sent::Returned(stop_value(vm, err.0)))
        }
        Err(err) => Err(err),
    }
}

/// The awaitable of the wrapped iterator's `__anext__()`, made once.
fn anext_inner(vm: &mut Vm, aw: GcRef) -> PyResult<GcRef> {
    if let Some(i) = cast::<AwaitableObject>(aw).inner {
        return Ok(i);
    }
    let it = gen_of(aw);
    let r = if is_async_gen(vm, it) {
        new_awaitable(vm, it, None, AW_ASEND)
    } else {
        match call_special(vm, it, "__anext__")? {
            Some(r) => r,
            None => {
                return Err(
                    vm.type_error(format!("'{}' object is not an async iterator", tname(it)))
                )
            }
        }
    };
    let i = awaitable(vm, r, 0)?;
    let a = cast::<AwaitableObject>(aw);
    a.inner = Some(i);
    kiln_gc::write_barrier(aw);
    Ok(i)
}

/// StopAsyncIteration out of an `anext_awaitable` is its default.
fn anext_done(vm: &mut Vm, aw: GcRef, r: PyResult<Sent>) -> PyResult<Sent> {
    match r {
        Err(e) if vm.exc_matches(e.0, "StopAsyncIteration") => {
            let d = cast::<AwaitableObject>(aw).value.unwrap_or(vm.none);
            Ok(Sent::Returned(d))
        }
        r => r,
    }
}

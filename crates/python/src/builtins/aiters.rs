//! Async iteration as Python sees it: the methods of async generators
//! (`__aiter__`, `__anext__`, `asend`, `athrow`, `aclose`), of the
//! awaitables they return (`send`, `throw`, `close`, `__next__`,
//! `__await__`), `coroutine.__await__`, and the `aiter()`/`anext()`
//! builtins. The state machines are in `interp::asyncgen`.

use super::iters::{sent_result, throw_args};
use super::setup::def_method;
use crate::interp::asyncgen::{aw_close, aw_send, aw_throw, new_awaitable};
use crate::object::func::{
    AwaitableObject, GeneratorObject, KwArgs, AW_ACLOSE, AW_ANEXT, AW_ASEND, AW_ATHROW,
};
use crate::object::{class_of, is, GcRef};
use crate::ops::{self, tname};
use crate::vm::{PyResult, Vm};

/// Checks that a method of `ty_name` objects got such an object as self.
fn check_self(vm: &mut Vm, args: &[GcRef], ok: bool, name: &str, ty_name: &str) -> PyResult<()> {
    if args.is_empty() {
        return Err(vm.type_error(format!(
            "descriptor '{name}' of '{ty_name}' object needs an argument"
        )));
    }
    if !ok {
        return Err(vm.type_error(format!(
            "descriptor '{name}' for '{ty_name}' objects doesn't apply to a '{}' object",
            tname(args[0])
        )));
    }
    Ok(())
}

fn agen_self(vm: &mut Vm, args: &[GcRef], name: &str) -> PyResult<GcRef> {
    let ok = args
        .first()
        .is_some_and(|g| is::<GeneratorObject>(*g) && class_of(*g) == vm.t.async_generator);
    check_self(vm, args, ok, name, "async_generator")?;
    Ok(args[0])
}

fn agen_aiter(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    agen_self(vm, args, "__aiter__")
}

fn agen_anext(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let g = agen_self(vm, args, "__anext__")?;
    Ok(new_awaitable(vm, g, None, AW_ASEND))
}

fn agen_asend(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let g = agen_self(vm, args, "asend")?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "async_generator.asend() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    Ok(new_awaitable(vm, g, Some(args[1]), AW_ASEND))
}

fn agen_athrow(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let g = agen_self(vm, args, "athrow")?;
    if args.len() < 2 || args.len() > 4 {
        return Err(vm.type_error(format!(
            "athrow expected at least 1 argument, got {}",
            args.len() - 1
        )));
    }
    let e = throw_args(vm, &args[1..])?;
    Ok(new_awaitable(vm, g, Some(e), AW_ATHROW))
}

fn agen_aclose(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let g = agen_self(vm, args, "aclose")?;
    Ok(new_awaitable(vm, g, None, AW_ACLOSE))
}

fn aw_self(vm: &mut Vm, args: &[GcRef], name: &str) -> PyResult<GcRef> {
    let ok = args.first().is_some_and(|a| is::<AwaitableObject>(*a));
    let ty_name = args
        .first()
        .map_or("async_generator_asend".to_string(), |a| {
            tname(*a).to_string()
        });
    check_self(vm, args, ok, name, &ty_name)?;
    Ok(args[0])
}

fn aw_send_m(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let aw = aw_self(vm, args, "send")?;
    let v = args.get(1).copied().unwrap_or(vm.none);
    let s = aw_send(vm, aw, v)?;
    sent_result(vm, s)
}

fn aw_next_m(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let aw = aw_self(vm, args, "__next__")?;
    let none = vm.none;
    let s = aw_send(vm, aw, none)?;
    sent_result(vm, s)
}

fn aw_throw_m(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let aw = aw_self(vm, args, "throw")?;
    if args.len() < 2 {
        return Err(vm.type_error("throw expected at least 1 argument, got 0"));
    }
    let e = throw_args(vm, &args[1..])?;
    let s = aw_throw(vm, aw, e)?;
    sent_result(vm, s)
}

fn aw_close_m(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let aw = aw_self(vm, args, "close")?;
    aw_close(vm, aw)?;
    Ok(vm.none)
}

fn aw_self_m(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    aw_self(vm, args, "__await__")
}

fn coro_await(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let ok = args
        .first()
        .is_some_and(|c| is::<GeneratorObject>(*c) && class_of(*c) == vm.t.coroutine);
    check_self(vm, args, ok, "__await__", "coroutine")?;
    Ok(args[0])
}

/// `aiter(x)`.
fn builtin_aiter(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "aiter() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let x = args[0];
    let cls = class_of(x);
    let n = vm.intern("__aiter__");
    let Some(m) = ops::lookup(vm, cls, n) else {
        return Err(vm.type_error(format!("'{}' object is not an async iterable", tname(x))));
    };
    let f = ops::bind(vm, m, Some(x), cls)?;
    let it = ops::call(vm, f, &[], &[])?;
    let nn = vm.intern("__anext__");
    if ops::lookup(vm, class_of(it), nn).is_none() {
        return Err(vm.type_error(format!(
            "aiter() returned not an async iterator of type '{}'",
            tname(it)
        )));
    }
    Ok(it)
}

/// `anext(it[, default])`.
fn builtin_anext(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    if args.is_empty() {
        return Err(vm.type_error("anext expected at least 1 argument, got 0"));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "anext expected at most 2 arguments, got {}",
            args.len()
        )));
    }
    let it = args[0];
    let cls = class_of(it);
    let n = vm.intern("__anext__");
    let Some(m) = ops::lookup(vm, cls, n) else {
        return Err(vm.type_error(format!("'{}' object is not an async iterator", tname(it))));
    };
    if let Some(d) = args.get(1) {
        return Ok(new_awaitable(vm, it, Some(*d), AW_ANEXT));
    }
    let f = ops::bind(vm, m, Some(it), cls)?;
    ops::call(vm, f, &[], &[])
}

pub fn register(vm: &mut Vm) {
    let ag = vm.t.async_generator;
    def_method(vm, ag, "__aiter__", agen_aiter);
    def_method(vm, ag, "__anext__", agen_anext);
    def_method(vm, ag, "asend", agen_asend);
    def_method(vm, ag, "athrow", agen_athrow);
    def_method(vm, ag, "aclose", agen_aclose);
    for ty in [
        vm.t.async_gen_asend,
        vm.t.async_gen_athrow,
        vm.t.anext_awaitable,
    ] {
        def_method(vm, ty, "send", aw_send_m);
        def_method(vm, ty, "throw", aw_throw_m);
        def_method(vm, ty, "close", aw_close_m);
        def_method(vm, ty, "__next__", aw_next_m);
        def_method(vm, ty, "__iter__", aw_self_m);
        def_method(vm, ty, "__await__", aw_self_m);
    }
    def_method(vm, vm.t.coroutine, "__await__", coro_await);
    let b = vm.builtins;
    vm.def_fn(b, "aiter", builtin_aiter);
    vm.def_fn(b, "anext", builtin_anext);
}

//! Generators: a generator owns a suspended frame; resuming runs the
//! plain interpreter on it until it yields (the frame keeps pc and stack
//! depth) or returns (StopIteration(value) to the resumer). `throw` raises
//! at the suspended `YIELD_VALUE`, first forwarding to a `yield from`
//! delegate (see `bytecode`). `close` throws GeneratorExit.

use super::eval::{run_frame, Exit};
use super::frame::{slots, FrameObject};
use crate::bytecode::Op;
use crate::object::func::{AwaitableObject, CodeObj, GeneratorObject};
use crate::object::{cast, is, try_cast, GcRef};
use crate::ops;
use crate::vm::{Exc, PyResult, Vm};

/// What a resumption produced.
pub enum Sent {
    Yielded(GcRef),
    Returned(GcRef),
}

/// "generator", "coroutine" or "async generator", for messages.
fn kind_name(vm: &Vm, g: GcRef) -> &'static str {
    let cls = cast::<GeneratorObject>(g).cls;
    if cls == Some(vm.t.coroutine) {
        "coroutine"
    } else if cls == Some(vm.t.async_generator) {
        "async generator"
    } else {
        "generator"
    }
}

fn resume(vm: &mut Vm, g: GcRef, value: Option<GcRef>, throw: Option<GcRef>) -> PyResult<Sent> {
    let go = cast::<GeneratorObject>(g);
    match go.state {
        2 => return Err(vm.err("ValueError", "generator already executing")),
        3 => {
            if let Some(e) = throw {
                return Err(Exc(e));
            }
            return Ok(Sent::Returned(vm.none));
        }
        0 => {
            if let Some(v) = value {
                if v != vm.none && throw.is_none() {
                    let msg = format!(
                        "can't send non-None value to a just-started {}",
                        kind_name(vm, g)
                    );
                    return Err(vm.type_error(msg));
                }
            }
            if let Some(e) = throw {
                go.state = 3;
                return Err(Exc(e));
            }
        }
        _ => {
            if let (Some(v), None) = (value, throw) {
                let f = cast::<FrameObject>(go.frame.expect("frame"));
                let sp = f.sp as usize;
                slots(go.frame.unwrap())[sp] = Some(v);
                f.sp += 1;
            }
        }
    }
    let frame = go.frame.expect("frame");
    if vm.depth >= vm.recursion_limit {
        return Err(vm.err("RecursionError", "maximum recursion depth exceeded"));
    }
    go.state = 2;
    vm.depth += 1;
    cast::<FrameObject>(frame).back = vm.frame;
    let saved_exc = vm.exc_info;
    let r = run_frame(&mut kiln_jit::Concrete, vm, frame, throw);
    vm.exc_info = saved_exc;
    vm.depth -= 1;
    let go = cast::<GeneratorObject>(g);
    match r {
        Ok((v, Exit::Yield)) => {
            go.state = 1;
            Ok(Sent::Yielded(v))
        }
        Ok((v, Exit::Return)) => {
            go.state = 3;
            Ok(Sent::Returned(v))
        }
        Err(e) => {
            go.state = 3;
            let is_async = go.cls == Some(vm.t.async_generator);
            let stop = if vm.exc_matches(e.0, "StopIteration") {
                Some("StopIteration")
            } else if is_async && vm.exc_matches(e.0, "StopAsyncIteration") {
                Some("StopAsyncIteration")
            } else {
                None
            };
            if let Some(stop) = stop {
                let msg = format!("{} raised {stop}", kind_name(vm, g));
                let ne = vm.err("RuntimeError", msg);
                cast::<crate::object::exc::ExceptionObject>(ne.0).cause = Some(e.0);
                cast::<crate::object::exc::ExceptionObject>(ne.0).context = Some(e.0);
                return Err(ne);
            }
            Err(e)
        }
    }
}

/// The delegate of a generator suspended inside `yield from`/`await`, if
/// any.
pub fn delegate(g: GcRef) -> Option<GcRef> {
    let go = cast::<GeneratorObject>(g);
    if go.state != 1 {
        return None;
    }
    let f = cast::<FrameObject>(go.frame?);
    let code = &cast::<CodeObj>(f.code?).code;
    let pc = f.pc as usize;
    let prev = code.code.get(pc.checked_sub(1)?)?;
    if prev.op == Op::YieldValue && prev.arg == 1 {
        slots(go.frame?)[f.sp as usize - 1]
    } else {
        None
    }
}

/// Sends `v` into `g` (a generator).
pub fn gen_send(vm: &mut Vm, g: GcRef, v: GcRef) -> PyResult<Sent> {
    resume(vm, g, Some(v), None)
}

/// Throws `e` into `g`.
pub fn gen_throw(vm: &mut Vm, g: GcRef, e: GcRef) -> PyResult<Sent> {
    if let Some(d) = delegate(g) {
        let is_exit = vm.exc_matches(e, "GeneratorExit");
        let r = if is_exit {
            match gen_close_any(vm, d) {
                Ok(()) => Err(Exc(e)),
                Err(err) => Err(err),
            }
        } else if is::<GeneratorObject>(d) {
            gen_throw(vm, d, e).map(|s| match s {
                Sent::Yielded(y) => Err(y),
                Sent::Returned(x) => Ok(x),
            })
        } else if is::<AwaitableObject>(d) {
            super::asyncgen::aw_throw(vm, d, e).map(|s| match s {
                Sent::Yielded(y) => Err(y),
                Sent::Returned(x) => Ok(x),
            })
        } else {
            let tn = vm_intern(vm, "throw");
            match ops::getattr_opt(vm, d, tn)? {
                Some(t) => match ops::call(vm, t, &[e], &[]) {
                    Ok(y) => Ok(Err(y)),
                    Err(err) if vm.exc_matches(err.0, "StopIteration") => {
                        Ok(Ok(stop_value(vm, err.0)))
                    }
                    Err(err) => Err(err),
                },
                None => Err(Exc(e)),
            }
        };
        return match r {
            // The delegate yielded: we stay suspended at the same place.
            Ok(Err(y)) => Ok(Sent::Yielded(y)),
            // The delegate returned x: replace it by x and continue after the SEND.
            Ok(Ok(x)) => {
                let go = cast::<GeneratorObject>(g);
                let frame = go.frame.expect("frame");
                let f = cast::<FrameObject>(frame);
                slots(frame)[f.sp as usize - 1] = Some(x);
                // The SEND precedes the YIELD_VALUE; its target follows the loop.
                let code = &cast::<CodeObj>(f.code.expect("code")).code;
                let send_pc = f.pc as usize - 2;
                f.pc = code.code[send_pc].arg as i64;
                resume_plain(vm, g)
            }
            Err(err) => resume(vm, g, None, Some(err.0)),
        };
    }
    resume(vm, g, None, Some(e))
}

fn resume_plain(vm: &mut Vm, g: GcRef) -> PyResult<Sent> {
    resume(vm, g, None, None)
}

fn vm_intern(vm: &mut Vm, s: &str) -> GcRef {
    vm.intern(s)
}

fn gen_close_any(vm: &mut Vm, d: GcRef) -> PyResult<()> {
    if is::<GeneratorObject>(d) {
        return gen_close(vm, d);
    }
    let n = vm.intern("close");
    if let Some(c) = ops::getattr_opt(vm, d, n)? {
        ops::call(vm, c, &[], &[])?;
    }
    Ok(())
}

/// `g.close()`.
pub fn gen_close(vm: &mut Vm, g: GcRef) -> PyResult<()> {
    let state = cast::<GeneratorObject>(g).state;
    if state == 0 || state == 3 {
        cast::<GeneratorObject>(g).state = 3;
        return Ok(());
    }
    let ge = vm.exc_type("GeneratorExit");
    let e = vm.new_exc(ge, "");
    let empty = vm.empty_tuple;
    cast::<crate::object::exc::ExceptionObject>(e).args = Some(empty);
    match gen_throw(vm, g, e) {
        Ok(Sent::Yielded(_)) => Err(vm.err("RuntimeError", "generator ignored GeneratorExit")),
        Ok(Sent::Returned(_)) => Ok(()),
        Err(err)
            if vm.exc_matches(err.0, "GeneratorExit") || vm.exc_matches(err.0, "StopIteration") =>
        {
            Ok(())
        }
        Err(err) => Err(err),
    }
}

/// The value of a StopIteration (its first argument, or None).
pub fn stop_value(vm: &Vm, e: GcRef) -> GcRef {
    let args = try_cast::<crate::object::exc::ExceptionObject>(e).and_then(|x| x.args);
    args.and_then(|a| crate::object::seq::tuple_items(a).first().copied())
        .unwrap_or(vm.none)
}

/// One step of `yield from` delegation (the `SEND` op).
pub fn send_to(vm: &mut Vm, d: GcRef, v: GcRef) -> PyResult<Sent> {
    if is::<GeneratorObject>(d) {
        return gen_send(vm, d, v);
    }
    if is::<AwaitableObject>(d) {
        return super::asyncgen::aw_send(vm, d, v);
    }
    if v == vm.none {
        return match ops::next(vm, d)? {
            Some(y) => Ok(Sent::Yielded(y)),
            None => {
                let r = vm.stop_value.take().unwrap_or(vm.none);
                Ok(Sent::Returned(r))
            }
        };
    }
    match ops::call_method_opt(vm, d, "send", &[v]) {
        Ok(Some(y)) => Ok(Sent::Yielded(y)),
        Ok(None) => Err(vm.attr_error(format!(
            "'{}' object has no attribute 'send'",
            ops::tname(d)
        ))),
        Err(e) if vm.exc_matches(e.0, "StopIteration") => Ok(Sent::Returned(stop_value(vm, e.0))),
        Err(e) => Err(e),
    }
}

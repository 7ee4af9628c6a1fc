//! The dispatch loop, generic over `T: Tracer`.
//!
//! Green state: the code object, `pc` and the stack depth `sp` (a function
//! of the pc) are plain Rust values. Red state: the frame's slots, read and
//! written only through `t.vable_getitem_r`/`vable_setitem_r`. Every
//! decision on a red value goes through the tracer (`t.class_of`,
//! `t.is_true`, `t.guard_nonnull`, `t.int_add_ovf`...). Fast paths for
//! small ints use the unboxed `IntObject.value` field and `new_with_vtable`;
//! everything else is a residual call to an `extern "C"` helper
//! (`helpers`), which returns null on error with the exception parked in
//! `vm.pending`.
//!
//! JIT hooks: the top of the loop is the merge point (green key = code,
//! pc); `JUMP_BACKWARD` is the loop-closing jump where `can_enter_jit`
//! belongs.
//!
//! Exceptions: an error at instruction `cur` records a traceback entry for
//! this frame (except for `RERAISE`), then the static exception table
//! routes it to a handler (unwinding `sp` to the entry's depth) or
//! propagates it to the caller.

use super::frame::{FrameObject, FRAME_ITEMS};
use super::helpers as h;
use super::matching as m;
use crate::bytecode::{BinOp, CmpOp, Op};
use crate::object::func::CodeObj;
use crate::object::int::{IntObject, FLOAT_SIZE, FLOAT_VALUE, INT_SIZE, INT_VALUE};
use crate::object::typeobj::type_flags;
use crate::object::{cast, GcRef, OBJ_CLS, OBJ_TYPE_ID};
use crate::vm::{Exc, PyResult, Vm};
use kiln_jit::tracer::{Arg, TArg};
use kiln_jit::Tracer;
use std::sync::atomic::Ordering;

/// Set by the SIGINT handler; checked at back edges and calls.
pub static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The work of a safe point (a back edge or a call) once a flag is up: the
/// `KeyboardInterrupt` of a Ctrl-C, or, when memory ran out, a collection
/// and a `MemoryError` unless it freed enough (see `kiln_gc::ReserveAlloc`).
#[cold]
#[inline(never)]
fn safepoint(vm: &mut Vm) -> Option<Exc> {
    if INTERRUPTED.swap(false, Ordering::Relaxed) {
        return Some(vm.bare_err("KeyboardInterrupt"));
    }
    if kiln_gc::memory_exhausted() && !kiln_gc::recover_memory() {
        return Some(vm.bare_err("MemoryError"));
    }
    None
}

/// Is `r` a machine-word int of class `int` (the unboxed fast path)?
/// Guards on the class, then on the layout (big ints share the class).
#[inline(always)]
fn is_small_int<T: Tracer>(t: &mut T, int_cls: GcRef, r: T::Ref) -> bool {
    if t.class_of(r, &OBJ_CLS) != int_cls {
        return false;
    }
    let tid = t.getfield_i(r, &OBJ_TYPE_ID);
    let small = t.const_int(<IntObject as crate::object::Layout>::tid() as i64);
    let same = t.int_eq(tid, small);
    t.is_true(same)
}

/// The two operands as floats when both are floats, or one is a float
/// and the other a machine-word int (Python's mixed arithmetic; not for
/// comparisons, which Python does exactly).
#[inline(always)]
fn float_operands<T: Tracer>(
    t: &mut T,
    vm: &Vm,
    a: T::Ref,
    b: T::Ref,
    mixed: bool,
) -> Option<(T::Float, T::Float)> {
    let (fc, ic) = (vm.t.float, vm.t.int);
    let ca = t.class_of(a, &OBJ_CLS);
    let cb = t.class_of(b, &OBJ_CLS);
    if ca == fc && cb == fc {
        return Some((t.getfield_f(a, &FLOAT_VALUE), t.getfield_f(b, &FLOAT_VALUE)));
    }
    if !mixed {
        return None;
    }
    if ca == fc && cb == ic && is_small_int(t, ic, b) {
        let y = t.getfield_i(b, &INT_VALUE);
        return Some((t.getfield_f(a, &FLOAT_VALUE), t.cast_int_to_float(y)));
    }
    if cb == fc && ca == ic && is_small_int(t, ic, a) {
        let x = t.getfield_i(a, &INT_VALUE);
        return Some((t.cast_int_to_float(x), t.getfield_f(b, &FLOAT_VALUE)));
    }
    None
}

/// How a frame was left.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Exit {
    Return,
    Yield,
}

/// Runs `frame` from its saved pc until it returns or yields. `throw`
/// raises an exception at the saved pc first (generator `throw`).
pub fn run_frame<T: Tracer>(
    t: &mut T,
    vm: &mut Vm,
    frame: GcRef,
    throw: Option<GcRef>,
) -> PyResult<(GcRef, Exit)> {
    let fr = t.const_ref(frame);
    let code_obj = cast::<FrameObject>(frame).code.expect("frame code");
    let co = cast::<CodeObj>(code_obj).code.clone();
    let code = &co.code[..];
    let vm_word = &mut *vm as *mut Vm as i64;
    let vmw: TArg<T> = Arg::Int(t.const_int(vm_word));
    let mut pc = cast::<FrameObject>(frame).pc as usize;
    let mut sp = cast::<FrameObject>(frame).sp as usize;
    let saved_frame = vm.frame;
    vm.frame = Some(frame);
    let mut pending_throw = throw;

    macro_rules! push {
        ($v:expr) => {{
            let v = $v;
            t.vable_setitem_r(fr, &FRAME_ITEMS, sp, v);
            sp += 1;
        }};
    }
    macro_rules! pop {
        () => {{
            sp -= 1;
            t.vable_getitem_r(fr, &FRAME_ITEMS, sp)
        }};
    }
    macro_rules! peek {
        ($n:expr) => {
            t.vable_getitem_r(fr, &FRAME_ITEMS, sp - $n)
        };
    }
    macro_rules! cref {
        ($r:expr) => {
            t.const_ref($r)
        };
    }
    macro_rules! save {
        () => {{
            let f = cast::<FrameObject>(frame);
            f.pc = pc as i64;
            f.sp = sp as i64;
        }};
    }

    let result: PyResult<(GcRef, Exit)> = 'run: loop {
        if let Some(e) = pending_throw.take() {
            // Raise at the suspended YIELD_VALUE.
            let cur = pc.saturating_sub(1);
            match h::unwind(vm, frame, cur, e, true) {
                Some((target, depth, lasti)) => {
                    sp = co.nslots() + depth;
                    if lasti {
                        let li = vm.int(cur as i64);
                        push!(cref!(li));
                    }
                    push!(cref!(e));
                    pc = target;
                }
                None => break 'run Err(Exc(e)),
            }
        }
        let ins = code[pc];
        let cur = pc;
        pc += 1;
        let arg = ins.arg;
        let res: Result<(), Exc> = 'op: {
            macro_rules! fail {
                () => {
                    break 'op Err(vm.take_pending())
                };
            }
            macro_rules! rcall {
                ($d:expr, $($a:expr),*) => {{
                    let args = [vmw, $($a),*];
                    let r = t.call_r($d, &args);
                    if !t.guard_nonnull(r) {
                        fail!();
                    }
                    r
                }};
            }
            macro_rules! ncall {
                ($d:expr, $($a:expr),*) => {{
                    let args = [vmw, $($a),*];
                    let r = t.call_i($d, &args);
                    let zero = t.const_int(0);
                    let bad = t.int_lt(r, zero);
                    if t.is_true(bad) {
                        fail!();
                    }
                    r
                }};
            }
            match ins.op {
                Op::Nop => {}
                Op::PopTop => {
                    sp -= 1;
                }
                Op::Copy => {
                    let v = peek!(arg as usize);
                    push!(v);
                }
                Op::Swap => {
                    let a = peek!(1);
                    let b = peek!(arg as usize);
                    t.vable_setitem_r(fr, &FRAME_ITEMS, sp - 1, b);
                    t.vable_setitem_r(fr, &FRAME_ITEMS, sp - arg as usize, a);
                }
                Op::LoadConst => {
                    let c = cast::<CodeObj>(code_obj).consts[arg as usize].expect("const");
                    push!(cref!(c));
                }
                Op::LoadFast => {
                    let v = t.vable_getitem_r(fr, &FRAME_ITEMS, arg as usize);
                    if !t.guard_nonnull(v) {
                        let name = co.varnames[arg as usize].clone();
                        break 'op Err(vm.err(
                            "UnboundLocalError",
                            format!("cannot access local variable '{name}' where it is not associated with a value"),
                        ));
                    }
                    push!(v);
                }
                Op::StoreFast => {
                    let v = pop!();
                    t.vable_setitem_r(fr, &FRAME_ITEMS, arg as usize, v);
                }
                Op::DeleteFast => {
                    let v = t.vable_getitem_r(fr, &FRAME_ITEMS, arg as usize);
                    if !t.guard_nonnull(v) {
                        let name = co.varnames[arg as usize].clone();
                        break 'op Err(vm.err(
                            "UnboundLocalError",
                            format!("cannot access local variable '{name}' where it is not associated with a value"),
                        ));
                    }
                    let n = t.const_null();
                    t.vable_setitem_r(fr, &FRAME_ITEMS, arg as usize, n);
                }
                Op::LoadDeref | Op::LoadClassDeref => {
                    let slot = co.varnames.len() + arg as usize;
                    if ins.op == Op::LoadClassDeref {
                        save!();
                        let name = co.deref_name(arg).to_string();
                        let n = vm.intern(&name);
                        if let Some(v) = h::load_class_local(vm, frame, n) {
                            push!(cref!(v));
                            break 'op Ok(());
                        }
                    }
                    let cell = t.vable_getitem_r(fr, &FRAME_ITEMS, slot);
                    let v = t.getfield_r(cell, &crate::object::func::CELL_VALUE);
                    if !t.guard_nonnull(v) {
                        break 'op Err(h::unbound_deref(vm, &co, arg));
                    }
                    push!(v);
                }
                Op::StoreDeref => {
                    let v = pop!();
                    let cell =
                        t.vable_getitem_r(fr, &FRAME_ITEMS, co.varnames.len() + arg as usize);
                    t.setfield_r(cell, &crate::object::func::CELL_VALUE, v);
                }
                Op::DeleteDeref => {
                    let cell =
                        t.vable_getitem_r(fr, &FRAME_ITEMS, co.varnames.len() + arg as usize);
                    let v = t.getfield_r(cell, &crate::object::func::CELL_VALUE);
                    if !t.guard_nonnull(v) {
                        break 'op Err(h::unbound_deref(vm, &co, arg));
                    }
                    let n = t.const_null();
                    t.setfield_r(cell, &crate::object::func::CELL_VALUE, n);
                }
                Op::LoadClosure => {
                    let cell =
                        t.vable_getitem_r(fr, &FRAME_ITEMS, co.varnames.len() + arg as usize);
                    push!(cell);
                }
                Op::LoadGlobal => {
                    let (c, at) = (cref!(code_obj), t.const_int(arg as i64));
                    let v = rcall!(&h::LOAD_GLOBAL, Arg::Ref(fr), Arg::Ref(c), Arg::Int(at));
                    push!(v);
                }
                Op::LoadName => {
                    let name = cast::<CodeObj>(code_obj).names[arg as usize].expect("name");
                    let v = rcall!(&h::LOAD_NAME, Arg::Ref(fr), Arg::Ref(cref!(name)));
                    push!(v);
                }
                Op::StoreGlobal | Op::StoreName | Op::DeleteGlobal | Op::DeleteName => {
                    let name = cast::<CodeObj>(code_obj).names[arg as usize].expect("name");
                    let v = if matches!(ins.op, Op::StoreGlobal | Op::StoreName) {
                        pop!()
                    } else {
                        t.const_null()
                    };
                    let kind = t.const_int(ins.op as i64);
                    ncall!(
                        &h::STORE_NAME,
                        Arg::Ref(fr),
                        Arg::Ref(cref!(name)),
                        Arg::Ref(v),
                        Arg::Int(kind)
                    );
                }
                Op::LoadAttr => {
                    let name = cast::<CodeObj>(code_obj).names[arg as usize].expect("name");
                    let o = pop!();
                    let (c, at) = (cref!(code_obj), t.const_int(cur as i64));
                    let v = rcall!(
                        &h::GETATTR_CACHED,
                        Arg::Ref(o),
                        Arg::Ref(cref!(name)),
                        Arg::Ref(c),
                        Arg::Int(at)
                    );
                    push!(v);
                }
                Op::StoreAttr => {
                    let name = cast::<CodeObj>(code_obj).names[arg as usize].expect("name");
                    let o = pop!();
                    let v = pop!();
                    let (c, at) = (cref!(code_obj), t.const_int(cur as i64));
                    ncall!(
                        &h::SETATTR_CACHED,
                        Arg::Ref(o),
                        Arg::Ref(cref!(name)),
                        Arg::Ref(v),
                        Arg::Ref(c),
                        Arg::Int(at)
                    );
                }
                Op::DeleteAttr => {
                    let name = cast::<CodeObj>(code_obj).names[arg as usize].expect("name");
                    let o = pop!();
                    let n = t.const_null();
                    ncall!(&h::SETATTR, Arg::Ref(o), Arg::Ref(cref!(name)), Arg::Ref(n));
                }
                Op::LoadMethod => {
                    let name = cast::<CodeObj>(code_obj).names[arg as usize].expect("name");
                    let o = pop!();
                    let (c, at) = (cref!(code_obj), t.const_int(cur as i64));
                    let args = [
                        vmw,
                        Arg::Ref(o),
                        Arg::Ref(cref!(name)),
                        Arg::Ref(c),
                        Arg::Int(at),
                    ];
                    let m = t.call_r(&h::LOOKUP_METHOD, &args);
                    if t.guard_nonnull(m) {
                        push!(m);
                        push!(o);
                    } else {
                        let v = rcall!(&h::GETATTR, Arg::Ref(o), Arg::Ref(cref!(name)));
                        push!(v);
                        push!(t.const_null());
                    }
                }
                Op::BinarySubscr => {
                    let k = pop!();
                    let c = pop!();
                    let v = rcall!(&h::GETITEM, Arg::Ref(c), Arg::Ref(k));
                    push!(v);
                }
                Op::StoreSubscr => {
                    let k = pop!();
                    let c = pop!();
                    let v = pop!();
                    ncall!(&h::SETITEM, Arg::Ref(c), Arg::Ref(k), Arg::Ref(v));
                }
                Op::DeleteSubscr => {
                    let k = pop!();
                    let c = pop!();
                    let n = t.const_null();
                    ncall!(&h::SETITEM, Arg::Ref(c), Arg::Ref(k), Arg::Ref(n));
                }
                Op::BinaryOp => {
                    let b = pop!();
                    let a = pop!();
                    let op = BinOp::from_arg(arg).expect("binop");
                    let int_cls = vm.t.int;
                    if matches!(op.base(), BinOp::Add | BinOp::Sub | BinOp::Mul)
                        && is_small_int(t, int_cls, a)
                        && is_small_int(t, int_cls, b)
                    {
                        let x = t.getfield_i(a, &INT_VALUE);
                        let y = t.getfield_i(b, &INT_VALUE);
                        let z = match op.base() {
                            BinOp::Add => t.int_add_ovf(x, y),
                            BinOp::Sub => t.int_sub_ovf(x, y),
                            _ => t.int_mul_ovf(x, y),
                        };
                        if let Some(z) = z {
                            let r = t.new_with_vtable(&INT_SIZE, &OBJ_CLS, int_cls);
                            t.setfield_i(r, &INT_VALUE, z);
                            push!(r);
                            break 'op Ok(());
                        }
                    } else if matches!(
                        op.base(),
                        BinOp::FloorDiv | BinOp::Mod | BinOp::And | BinOp::Or | BinOp::Xor
                    ) && is_small_int(t, int_cls, a)
                        && is_small_int(t, int_cls, b)
                    {
                        let x = t.getfield_i(a, &INT_VALUE);
                        let y = t.getfield_i(b, &INT_VALUE);
                        // `//` and `%` only by a positive divisor (no zero
                        // division, no i64::MIN / -1 overflow).
                        let ok = match op.base() {
                            BinOp::FloorDiv | BinOp::Mod => {
                                let zero = t.const_int(0);
                                let pos = t.int_gt(y, zero);
                                t.is_true(pos)
                            }
                            _ => true,
                        };
                        if ok {
                            let z = match op.base() {
                                BinOp::FloorDiv => t.int_py_div(x, y),
                                BinOp::Mod => t.int_py_mod(x, y),
                                BinOp::And => t.int_and(x, y),
                                BinOp::Or => t.int_or(x, y),
                                _ => t.int_xor(x, y),
                            };
                            let r = t.new_with_vtable(&INT_SIZE, &OBJ_CLS, int_cls);
                            t.setfield_i(r, &INT_VALUE, z);
                            push!(r);
                            break 'op Ok(());
                        }
                    }
                    if matches!(
                        op.base(),
                        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::TrueDiv
                    ) {
                        if let Some((x, y)) = float_operands(t, vm, a, b, true) {
                            let z = match op.base() {
                                BinOp::Add => Some(t.float_add(x, y)),
                                BinOp::Sub => Some(t.float_sub(x, y)),
                                BinOp::Mul => Some(t.float_mul(x, y)),
                                _ => {
                                    let zero = t.const_float(0.0);
                                    let is_zero = t.float_eq(y, zero);
                                    if t.is_true(is_zero) {
                                        None
                                    } else {
                                        Some(t.float_truediv(x, y))
                                    }
                                }
                            };
                            if let Some(z) = z {
                                let fc = vm.t.float;
                                let r = t.new_with_vtable(&FLOAT_SIZE, &OBJ_CLS, fc);
                                t.setfield_f(r, &FLOAT_VALUE, z);
                                push!(r);
                                break 'op Ok(());
                            }
                        }
                    }
                    let opi = t.const_int(arg as i64);
                    let r = rcall!(&h::BINARY_OP, Arg::Ref(a), Arg::Ref(b), Arg::Int(opi));
                    push!(r);
                }
                Op::UnaryNegative | Op::UnaryPositive | Op::UnaryInvert | Op::UnaryNot => {
                    let x = pop!();
                    let which = t.const_int(match ins.op {
                        Op::UnaryNegative => b'-',
                        Op::UnaryPositive => b'+',
                        Op::UnaryInvert => b'~',
                        _ => b'!',
                    } as i64);
                    let r = rcall!(&h::UNARY, Arg::Ref(x), Arg::Int(which));
                    push!(r);
                }
                Op::CompareOp => {
                    let b = pop!();
                    let a = pop!();
                    let int_cls = vm.t.int;
                    if is_small_int(t, int_cls, a) && is_small_int(t, int_cls, b) {
                        let x = t.getfield_i(a, &INT_VALUE);
                        let y = t.getfield_i(b, &INT_VALUE);
                        let c = match CmpOp::from_arg(arg).expect("cmpop") {
                            CmpOp::Lt => t.int_lt(x, y),
                            CmpOp::Le => t.int_le(x, y),
                            CmpOp::Eq => t.int_eq(x, y),
                            CmpOp::Ne => t.int_ne(x, y),
                            CmpOp::Gt => t.int_gt(x, y),
                            CmpOp::Ge => t.int_ge(x, y),
                        };
                        let r = if t.is_true(c) { vm.true_ } else { vm.false_ };
                        push!(cref!(r));
                        break 'op Ok(());
                    }
                    if let Some((x, y)) = float_operands(t, vm, a, b, false) {
                        let c = match CmpOp::from_arg(arg).expect("cmpop") {
                            CmpOp::Lt => t.float_lt(x, y),
                            CmpOp::Le => t.float_le(x, y),
                            CmpOp::Eq => t.float_eq(x, y),
                            CmpOp::Ne => t.float_ne(x, y),
                            CmpOp::Gt => t.float_gt(x, y),
                            CmpOp::Ge => t.float_ge(x, y),
                        };
                        let r = if t.is_true(c) { vm.true_ } else { vm.false_ };
                        push!(cref!(r));
                        break 'op Ok(());
                    }
                    let opi = t.const_int(arg as i64);
                    let r = rcall!(&h::COMPARE, Arg::Ref(a), Arg::Ref(b), Arg::Int(opi));
                    push!(r);
                }
                Op::IsOp => {
                    let b = pop!();
                    let a = pop!();
                    let e = t.ptr_eq(a, b);
                    let same = t.is_true(e);
                    let r = if same != (arg == 1) {
                        vm.true_
                    } else {
                        vm.false_
                    };
                    push!(cref!(r));
                }
                Op::ContainsOp => {
                    let b = pop!();
                    let a = pop!();
                    let r = ncall!(&h::CONTAINS, Arg::Ref(b), Arg::Ref(a));
                    let yes = t.is_true(r);
                    let r = if yes != (arg == 1) {
                        vm.true_
                    } else {
                        vm.false_
                    };
                    push!(cref!(r));
                }
                Op::BuildSlice
                | Op::BuildTuple
                | Op::BuildList
                | Op::BuildSet
                | Op::BuildMap
                | Op::BuildString
                | Op::ListToTuple
                | Op::FormatValue => {
                    save!();
                    let n = match ins.op {
                        Op::BuildMap => 2 * arg as usize,
                        Op::ListToTuple => 1,
                        Op::FormatValue => {
                            1 + (arg & crate::bytecode::format_value::HAS_SPEC != 0) as usize
                        }
                        _ => arg as usize,
                    };
                    let base = t.const_int((sp - n) as i64);
                    let a = t.const_int(((ins.op as i64) << 32) | arg as i64);
                    let r = rcall!(&h::BUILD, Arg::Ref(fr), Arg::Int(base), Arg::Int(a));
                    sp -= n;
                    push!(r);
                }
                Op::ListAppend
                | Op::SetAdd
                | Op::ListExtend
                | Op::SetUpdate
                | Op::DictUpdate
                | Op::DictMerge => {
                    let v = pop!();
                    let c = peek!(arg as usize);
                    let k = t.const_int(ins.op as i64);
                    if ins.op == Op::DictMerge {
                        save!();
                    }
                    let f = if ins.op == Op::DictMerge {
                        peek!(arg as usize + 2)
                    } else {
                        t.const_null()
                    };
                    ncall!(
                        &h::CONTAINER_ADD,
                        Arg::Ref(c),
                        Arg::Ref(v),
                        Arg::Int(k),
                        Arg::Ref(f)
                    );
                }
                Op::MapAdd => {
                    let v = pop!();
                    let k = pop!();
                    let c = peek!(arg as usize);
                    let kk = t.const_int(ins.op as i64);
                    let _ = ncall!(
                        &h::MAP_ADD,
                        Arg::Ref(c),
                        Arg::Ref(k),
                        Arg::Ref(v),
                        Arg::Int(kk)
                    );
                }
                Op::UnpackSequence | Op::UnpackEx => {
                    save!();
                    let base = t.const_int((sp - 1) as i64);
                    let a = t.const_int(((ins.op as i64) << 32) | arg as i64);
                    ncall!(&h::UNPACK, Arg::Ref(fr), Arg::Int(base), Arg::Int(a));
                    let n = if ins.op == Op::UnpackSequence {
                        arg as usize
                    } else {
                        ((arg & 0xff) + (arg >> 8) + 1) as usize
                    };
                    sp = sp - 1 + n;
                }
                Op::Call | Op::CallKw | Op::CallMethod | Op::CallEx => {
                    if INTERRUPTED.load(Ordering::Relaxed) || kiln_gc::memory_exhausted() {
                        if let Some(e) = safepoint(vm) {
                            break 'op Err(e);
                        }
                    }
                    save!();
                    let n = match ins.op {
                        Op::Call => arg as usize + 1,
                        Op::CallKw => arg as usize + 2,
                        Op::CallMethod => arg as usize + 2,
                        _ => 2 + (arg & 1) as usize,
                    };
                    let base = t.const_int((sp - n) as i64);
                    let a = t.const_int(((ins.op as i64) << 32) | arg as i64);
                    let r = rcall!(&h::CALL, Arg::Ref(fr), Arg::Int(base), Arg::Int(a));
                    sp -= n;
                    push!(r);
                }
                Op::MakeFunction => {
                    save!();
                    let n = 1 + (arg & 0xf).count_ones() as usize;
                    let base = t.const_int((sp - n) as i64);
                    let a = t.const_int(arg as i64);
                    let r = rcall!(&h::MAKE_FUNCTION, Arg::Ref(fr), Arg::Int(base), Arg::Int(a));
                    sp -= n;
                    push!(r);
                }
                Op::LoadBuildClass => {
                    let b = h::build_class_fn(vm);
                    push!(cref!(b));
                }
                Op::LoadAssertionError => {
                    let c = vm.exc_type("AssertionError");
                    push!(cref!(c));
                }
                Op::ReturnValue => {
                    let v = pop!();
                    save!();
                    cast::<FrameObject>(frame).state = 2;
                    let v = t.promote_ref(v);
                    break 'run Ok((v, Exit::Return));
                }
                Op::Jump => {
                    pc = arg as usize;
                }
                Op::JumpBackward => {
                    // can_enter_jit(green key = (code, arg), frame) goes here.
                    if INTERRUPTED.load(Ordering::Relaxed) || kiln_gc::memory_exhausted() {
                        if let Some(e) = safepoint(vm) {
                            break 'op Err(e);
                        }
                    }
                    pc = arg as usize;
                }
                Op::PopJumpIfFalse
                | Op::PopJumpIfTrue
                | Op::JumpIfFalseOrPop
                | Op::JumpIfTrueOrPop => {
                    let v = peek!(1);
                    let tr = cref!(vm.true_);
                    let fa = cref!(vm.false_);
                    let is_t = t.ptr_eq(v, tr);
                    let is_f = t.ptr_eq(v, fa);
                    let truth = if t.is_true(is_t) {
                        true
                    } else if t.is_true(is_f) {
                        false
                    } else {
                        let r = ncall!(&h::TRUTHY, Arg::Ref(v));
                        t.is_true(r)
                    };
                    let jump_on = matches!(ins.op, Op::PopJumpIfTrue | Op::JumpIfTrueOrPop);
                    let keep = matches!(ins.op, Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop);
                    if truth == jump_on {
                        pc = arg as usize;
                        if !keep {
                            sp -= 1;
                        }
                    } else {
                        sp -= 1;
                    }
                }
                Op::GetIter | Op::GetYieldFromIter | Op::GetAwaitable | Op::GetAiter => {
                    let x = pop!();
                    let k = t.const_int(ins.op as i64 | (arg as i64) << 8);
                    let r = rcall!(&h::GET_ITER, Arg::Ref(x), Arg::Int(k));
                    push!(r);
                }
                Op::GetAnext => {
                    let x = peek!(1);
                    let k = t.const_int(ins.op as i64);
                    let r = rcall!(&h::GET_ITER, Arg::Ref(x), Arg::Int(k));
                    push!(r);
                }
                Op::EndAsyncFor => {
                    let e = pop!();
                    let e = t.promote_ref(e);
                    sp -= 1;
                    if !vm.exc_matches(e, "StopAsyncIteration") {
                        // Re-raised as is: the traceback already has this frame.
                        break 'op Err(Exc(e));
                    }
                }
                Op::ForIter => {
                    let it = peek!(1);
                    let v = t.call_r(&h::FOR_NEXT, &[vmw, Arg::Ref(it)]);
                    if t.guard_nonnull(v) {
                        push!(v);
                    } else {
                        if vm.pending.is_some() {
                            fail!();
                        }
                        sp -= 1;
                        pc = arg as usize;
                    }
                }
                Op::YieldValue => {
                    let v = pop!();
                    save!();
                    cast::<FrameObject>(frame).state = 1;
                    let v = t.promote_ref(v);
                    break 'run Ok((v, Exit::Yield));
                }
                Op::Send => {
                    let v = pop!();
                    let d = peek!(1);
                    let r = t.call_r(&h::SEND, &[vmw, Arg::Ref(d), Arg::Ref(v)]);
                    if !t.guard_nonnull(r) {
                        fail!();
                    }
                    // vm.send_done says the delegate returned.
                    if vm.send_done {
                        vm.send_done = false;
                        sp -= 1;
                        push!(r);
                        pc = arg as usize;
                    } else {
                        push!(r);
                    }
                }
                Op::RaiseVarargs => {
                    let cause = if arg == 2 { Some(pop!()) } else { None };
                    let exc = if arg >= 1 { pop!() } else { t.const_null() };
                    let c = cause.unwrap_or_else(|| t.const_null());
                    let e = t.call_r(&h::MAKE_RAISE, &[vmw, Arg::Ref(exc), Arg::Ref(c)]);
                    let _ = t.guard_nonnull(e);
                    fail!();
                }
                Op::Reraise => {
                    let e = pop!();
                    let e = t.promote_ref(e);
                    let lasti = if arg > 0 {
                        let li = peek!(arg as usize);
                        let li = t.promote_ref(li);
                        crate::builtins::ints::small_value(li)
                    } else {
                        None
                    };
                    save!();
                    match h::unwind(vm, frame, cur, e, false) {
                        Some((target, depth, push_lasti)) => {
                            sp = co.nslots() + depth;
                            if push_lasti {
                                let li = vm.int(lasti.unwrap_or(cur as i64));
                                push!(cref!(li));
                            }
                            push!(cref!(e));
                            pc = target;
                            break 'op Ok(());
                        }
                        None => break 'run Err(Exc(e)),
                    }
                }
                Op::PushExcInfo => {
                    let e = pop!();
                    let prev = vm.exc_info.unwrap_or(vm.none);
                    push!(cref!(prev));
                    push!(e);
                    vm.exc_info = Some(t.promote_ref(e));
                }
                Op::PopExcept => {
                    let p = pop!();
                    let p = t.promote_ref(p);
                    vm.exc_info = if p == vm.none { None } else { Some(p) };
                }
                Op::CheckExcMatch => {
                    let ty = pop!();
                    let e = peek!(1);
                    let r = ncall!(&h::EXC_MATCH, Arg::Ref(e), Arg::Ref(ty));
                    let r = if t.is_true(r) { vm.true_ } else { vm.false_ };
                    push!(cref!(r));
                }
                Op::BeforeWith => {
                    let m = pop!();
                    let exit = rcall!(&h::WITH_EXIT, Arg::Ref(m));
                    push!(exit);
                    let name = vm.intern("__enter__");
                    let enter = rcall!(&h::GETATTR, Arg::Ref(m), Arg::Ref(cref!(name)));
                    let r = rcall!(&h::CALL0, Arg::Ref(enter));
                    push!(r);
                }
                Op::BeforeAsyncWith => {
                    let m = pop!();
                    let exit = rcall!(&h::ASYNC_WITH_EXIT, Arg::Ref(m));
                    push!(exit);
                    let name = vm.intern("__aenter__");
                    let enter = rcall!(&h::GETATTR, Arg::Ref(m), Arg::Ref(cref!(name)));
                    let r = rcall!(&h::CALL0, Arg::Ref(enter));
                    push!(r);
                }
                Op::WithExceptStart => {
                    let e = peek!(1);
                    let exit = peek!(4);
                    let r = rcall!(&h::WITH_EXCEPT, Arg::Ref(exit), Arg::Ref(e));
                    push!(r);
                }
                Op::MatchSequence | Op::MatchMapping => {
                    let s = peek!(1);
                    let which = if ins.op == Op::MatchSequence {
                        type_flags::SEQUENCE
                    } else {
                        type_flags::MAPPING
                    };
                    let w = t.const_int(which as i64);
                    let r = ncall!(&m::MATCH_KIND, Arg::Ref(s), Arg::Int(w));
                    let r = if t.is_true(r) { vm.true_ } else { vm.false_ };
                    push!(cref!(r));
                }
                Op::GetLen => {
                    let o = peek!(1);
                    let n = rcall!(&m::GET_LEN, Arg::Ref(o));
                    push!(n);
                }
                Op::MatchKeys => {
                    let keys = peek!(1);
                    let s = peek!(2);
                    let v = rcall!(&m::MATCH_KEYS, Arg::Ref(s), Arg::Ref(keys));
                    push!(v);
                }
                Op::MatchClass => {
                    // The operands stay on the stack during the call.
                    let names = peek!(1);
                    let cls = peek!(2);
                    let s = peek!(3);
                    let n = t.const_int(arg as i64);
                    let v = rcall!(
                        &m::MATCH_CLASS,
                        Arg::Ref(s),
                        Arg::Ref(cls),
                        Arg::Ref(names),
                        Arg::Int(n)
                    );
                    sp -= 3;
                    push!(v);
                }
                Op::CopyDictWithoutKeys => {
                    let keys = peek!(1);
                    let s = peek!(2);
                    let v = rcall!(&m::COPY_DICT_WITHOUT_KEYS, Arg::Ref(s), Arg::Ref(keys));
                    sp -= 2;
                    push!(v);
                }
                Op::ImportName => {
                    save!();
                    let name = cast::<CodeObj>(code_obj).names[arg as usize].expect("name");
                    let fromlist = pop!();
                    let level = pop!();
                    let r = rcall!(
                        &h::IMPORT_NAME,
                        Arg::Ref(fr),
                        Arg::Ref(cref!(name)),
                        Arg::Ref(fromlist),
                        Arg::Ref(level)
                    );
                    push!(r);
                }
                Op::ImportFrom => {
                    let name = cast::<CodeObj>(code_obj).names[arg as usize].expect("name");
                    let m = peek!(1);
                    let r = rcall!(&h::IMPORT_FROM, Arg::Ref(m), Arg::Ref(cref!(name)));
                    push!(r);
                }
                Op::ImportStar => {
                    let m = pop!();
                    ncall!(&h::IMPORT_STAR, Arg::Ref(fr), Arg::Ref(m));
                }
                Op::SetupAnnotations => {
                    ncall!(&h::SETUP_ANNOTATIONS, Arg::Ref(fr));
                }
                Op::PrintExpr => {
                    let v = pop!();
                    ncall!(&h::PRINT_EXPR, Arg::Ref(v));
                }
            }
            Ok(())
        };
        if let Err(Exc(e)) = res {
            save!();
            let add_tb = !matches!(ins.op, Op::Reraise | Op::EndAsyncFor);
            match h::unwind(vm, frame, cur, e, add_tb) {
                Some((target, depth, lasti)) => {
                    sp = co.nslots() + depth;
                    if lasti {
                        let li = vm.int(cur as i64);
                        push!(cref!(li));
                    }
                    push!(cref!(e));
                    pc = target;
                }
                None => {
                    cast::<FrameObject>(frame).state = 2;
                    break 'run Err(Exc(e));
                }
            }
        }
    };
    vm.frame = saved_frame;
    result
}

//! The `Tracer` trait: the interpreter-facing API of the meta-tracing JIT.
//!
//! Opcode handlers are written once, generic over `T: Tracer`. Red values
//! (those that vary at run time) have the opaque types `T::Int`, `T::Float`
//! and `T::Ref`; generic code cannot look inside them, so every decision
//! on a red value must go through a method here (`is_true`, `promote_*`,
//! `class_of`, `guard_nonnull`), which the recorder turns into a guard.
//! Green values (code, pc, constants) are plain Rust values.
//!
//! Implementations: [`crate::Concrete`] (plain execution, every method
//! `#[inline(always)]`), the recorder (executes and records trace IR) and
//! replay (finishes an opcode after a guard failure).
//!
//! ```text
//! let x = t.getfield_i(a, &INT_VALUE);   // getfield_gc_i(p0, descr=IntObject.value)
//! let y = t.int_add_ovf(x, one)?;        // int_add_ovf + guard_no_overflow
//! if t.is_true(t.int_lt(y, n)) { .. }    // int_lt + guard_true / guard_false
//! ```

use crate::descr::{ArrayDescr, CallDescr, FieldDescr, SizeDescr};
use kiln_gc::GcRef;

/// A red argument of a residual call.
#[derive(Clone, Copy, Debug)]
pub enum Arg<I, F, R> {
    Int(I),
    Float(F),
    Ref(R),
}

pub type TArg<T> = Arg<<T as Tracer>::Int, <T as Tracer>::Float, <T as Tracer>::Ref>;

pub trait Tracer {
    type Int: Copy;
    type Float: Copy;
    /// A reference to a GC object, possibly null.
    type Ref: Copy;

    // ---- constants (green to red) ----
    fn const_int(&mut self, v: i64) -> Self::Int;
    fn const_float(&mut self, v: f64) -> Self::Float;
    fn const_ref(&mut self, r: GcRef) -> Self::Ref;
    fn const_null(&mut self) -> Self::Ref;

    // ---- integer arithmetic (wrapping) ----
    fn int_add(&mut self, a: Self::Int, b: Self::Int) -> Self::Int;
    fn int_sub(&mut self, a: Self::Int, b: Self::Int) -> Self::Int;
    fn int_mul(&mut self, a: Self::Int, b: Self::Int) -> Self::Int;
    fn int_and(&mut self, a: Self::Int, b: Self::Int) -> Self::Int;
    fn int_or(&mut self, a: Self::Int, b: Self::Int) -> Self::Int;
    fn int_xor(&mut self, a: Self::Int, b: Self::Int) -> Self::Int;
    /// `a << b` for `0 <= b < 64`.
    fn int_lshift(&mut self, a: Self::Int, b: Self::Int) -> Self::Int;
    /// Arithmetic `a >> b` for `0 <= b < 64`.
    fn int_rshift(&mut self, a: Self::Int, b: Self::Int) -> Self::Int;
    fn int_neg(&mut self, a: Self::Int) -> Self::Int;
    fn int_invert(&mut self, a: Self::Int) -> Self::Int;
    /// Floor division (Python `//`); caller guarantees `b != 0` and no overflow.
    fn int_py_div(&mut self, a: Self::Int, b: Self::Int) -> Self::Int;
    /// Floor modulo (Python `%`); caller guarantees `b != 0`.
    fn int_py_mod(&mut self, a: Self::Int, b: Self::Int) -> Self::Int;

    // ---- overflow-checked arithmetic: `None` means it overflowed ----
    // (records int_*_ovf + guard_no_overflow, or guard_overflow)
    fn int_add_ovf(&mut self, a: Self::Int, b: Self::Int) -> Option<Self::Int>;
    fn int_sub_ovf(&mut self, a: Self::Int, b: Self::Int) -> Option<Self::Int>;
    fn int_mul_ovf(&mut self, a: Self::Int, b: Self::Int) -> Option<Self::Int>;

    // ---- integer comparisons: result is 0 or 1 ----
    fn int_lt(&mut self, a: Self::Int, b: Self::Int) -> Self::Int;
    fn int_le(&mut self, a: Self::Int, b: Self::Int) -> Self::Int;
    fn int_eq(&mut self, a: Self::Int, b: Self::Int) -> Self::Int;
    fn int_ne(&mut self, a: Self::Int, b: Self::Int) -> Self::Int;
    fn int_gt(&mut self, a: Self::Int, b: Self::Int) -> Self::Int;
    fn int_ge(&mut self, a: Self::Int, b: Self::Int) -> Self::Int;
    fn int_is_zero(&mut self, a: Self::Int) -> Self::Int;

    // ---- floats ----
    fn float_add(&mut self, a: Self::Float, b: Self::Float) -> Self::Float;
    fn float_sub(&mut self, a: Self::Float, b: Self::Float) -> Self::Float;
    fn float_mul(&mut self, a: Self::Float, b: Self::Float) -> Self::Float;
    fn float_truediv(&mut self, a: Self::Float, b: Self::Float) -> Self::Float;
    fn float_neg(&mut self, a: Self::Float) -> Self::Float;
    fn float_abs(&mut self, a: Self::Float) -> Self::Float;
    fn float_lt(&mut self, a: Self::Float, b: Self::Float) -> Self::Int;
    fn float_le(&mut self, a: Self::Float, b: Self::Float) -> Self::Int;
    fn float_eq(&mut self, a: Self::Float, b: Self::Float) -> Self::Int;
    fn float_ne(&mut self, a: Self::Float, b: Self::Float) -> Self::Int;
    fn float_gt(&mut self, a: Self::Float, b: Self::Float) -> Self::Int;
    fn float_ge(&mut self, a: Self::Float, b: Self::Float) -> Self::Int;
    fn cast_int_to_float(&mut self, a: Self::Int) -> Self::Float;
    /// Truncating conversion; caller guarantees the value fits.
    fn cast_float_to_int(&mut self, a: Self::Float) -> Self::Int;

    // ---- references ----
    fn ptr_eq(&mut self, a: Self::Ref, b: Self::Ref) -> Self::Int;
    fn ptr_is_null(&mut self, a: Self::Ref) -> Self::Int;

    // ---- guards: the only ways a red value becomes a decision ----
    /// Is `v` non-zero? Records `guard_true` or `guard_false`.
    fn is_true(&mut self, v: Self::Int) -> bool;
    /// Records `guard_nonnull` or `guard_isnull`; returns whether non-null.
    fn guard_nonnull(&mut self, r: Self::Ref) -> bool;
    /// Records `guard_value`; returns the value as a green constant.
    fn promote_int(&mut self, v: Self::Int) -> i64;
    fn promote_ref(&mut self, r: Self::Ref) -> GcRef;
    /// Reads the class field `descr` of non-null `r`, records `guard_class`
    /// and returns the class as a green constant.
    fn class_of(&mut self, r: Self::Ref, descr: &'static FieldDescr) -> GcRef;

    // ---- heap access through descrs ----
    fn getfield_i(&mut self, r: Self::Ref, d: &'static FieldDescr) -> Self::Int;
    fn getfield_f(&mut self, r: Self::Ref, d: &'static FieldDescr) -> Self::Float;
    fn getfield_r(&mut self, r: Self::Ref, d: &'static FieldDescr) -> Self::Ref;
    fn setfield_i(&mut self, r: Self::Ref, d: &'static FieldDescr, v: Self::Int);
    fn setfield_f(&mut self, r: Self::Ref, d: &'static FieldDescr, v: Self::Float);
    fn setfield_r(&mut self, r: Self::Ref, d: &'static FieldDescr, v: Self::Ref);
    fn arraylen(&mut self, r: Self::Ref, d: &'static ArrayDescr) -> Self::Int;
    fn getarrayitem_i(&mut self, r: Self::Ref, d: &'static ArrayDescr, i: Self::Int) -> Self::Int;
    fn getarrayitem_f(&mut self, r: Self::Ref, d: &'static ArrayDescr, i: Self::Int)
        -> Self::Float;
    fn getarrayitem_r(&mut self, r: Self::Ref, d: &'static ArrayDescr, i: Self::Int) -> Self::Ref;
    fn setarrayitem_i(&mut self, r: Self::Ref, d: &'static ArrayDescr, i: Self::Int, v: Self::Int);
    fn setarrayitem_f(
        &mut self,
        r: Self::Ref,
        d: &'static ArrayDescr,
        i: Self::Int,
        v: Self::Float,
    );
    fn setarrayitem_r(&mut self, r: Self::Ref, d: &'static ArrayDescr, i: Self::Int, v: Self::Ref);

    // ---- allocation ----
    /// `new_with_vtable`: allocates a zeroed object and stores `class` in
    /// its class field `class_descr` (the JIT then knows its class).
    fn new_with_vtable(
        &mut self,
        d: &'static SizeDescr,
        class_descr: &'static FieldDescr,
        class: GcRef,
    ) -> Self::Ref;
    /// `new`: allocates a zeroed fixed-size object.
    fn new(&mut self, d: &'static SizeDescr) -> Self::Ref;
    fn new_array(&mut self, d: &'static ArrayDescr, type_id: u32, len: Self::Int) -> Self::Ref;

    // ---- residual calls ----
    fn call_i(&mut self, d: &'static CallDescr, args: &[TArg<Self>]) -> Self::Int;
    fn call_f(&mut self, d: &'static CallDescr, args: &[TArg<Self>]) -> Self::Float;
    fn call_r(&mut self, d: &'static CallDescr, args: &[TArg<Self>]) -> Self::Ref;
    fn call_n(&mut self, d: &'static CallDescr, args: &[TArg<Self>]);

    // ---- the virtualizable (the interpreter's frame) ----
    // Field and array indexes are green: fixed-size arrays, constant indexes.
    fn vable_getfield_i(&mut self, frame: Self::Ref, d: &'static FieldDescr) -> Self::Int;
    fn vable_getfield_r(&mut self, frame: Self::Ref, d: &'static FieldDescr) -> Self::Ref;
    fn vable_setfield_i(&mut self, frame: Self::Ref, d: &'static FieldDescr, v: Self::Int);
    fn vable_setfield_r(&mut self, frame: Self::Ref, d: &'static FieldDescr, v: Self::Ref);
    fn vable_getitem_r(&mut self, frame: Self::Ref, d: &'static ArrayDescr, i: usize) -> Self::Ref;
    fn vable_setitem_r(&mut self, frame: Self::Ref, d: &'static ArrayDescr, i: usize, v: Self::Ref);
}

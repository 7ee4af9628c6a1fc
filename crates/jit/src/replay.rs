//! `Replay`: the third `Tracer`, which finishes an opcode after a guard
//! failure (PyPy's blackhole interpreter, Plan B's fall-back interpreter).
//!
//! Problem: a guard can fail in the middle of an opcode, after machine code
//! has already done part of it (read fields, allocated, called helpers,
//! written the heap). The interpreter can only restart at opcode
//! boundaries, and redoing the side effects would be wrong.
//!
//! Approach: the frame is first rebuilt as it was at the opcode's start
//! (`resume.rs`). Then the opcode's handler runs again with `Replay`,
//! which answers every *logged* call (heap reads and writes, allocations,
//! residual calls, `class_of`) from the guard's log while the log lasts,
//! skipping writes and calls whose effect already happened. Pure
//! arithmetic, guards and virtualizable accesses run concretely: handlers
//! are deterministic functions of their tracer results, so they recompute
//! the same values and take the same path up to the failed guard, which
//! now goes the other way. Past the end of the log everything is concrete.
//!
//! ```text
//! p5 = getfield_gc_r(p2, descr=Box.next)   replay: answered from log[0]
//! setfield_gc(p5, i3, descr=Box.value)     replay: log[1] = Done, skipped
//! i6 = int_lt(i3, 10)                      replay: computed concretely
//! guard_true(i6)                           failed: is_true gives false
//! call_n(ConstClass(print), i3)            replay: log empty, executed
//! ```
//!
//! Invariant: the recorder logs exactly the calls listed in [`Replay`]'s
//! logged methods, in call order, and nothing else (kept together by the
//! tests that make guards fail mid-opcode).

use crate::descr::{ArrayDescr, CallDescr, FieldDescr, SizeDescr};
use crate::resume::LogValue;
use crate::tracer::{TArg, Tracer};
use crate::Concrete;
use kiln_gc::GcRef;

/// Finishes one opcode from a guard's log, then runs concretely.
pub struct Replay {
    log: Vec<LogValue>,
    pos: usize,
    c: Concrete,
}

impl Replay {
    pub fn new(mut log: Vec<LogValue>) -> Replay {
        // The log's references may be the only ones to objects allocated
        // before the guard: root them while the opcode is replayed. The
        // vector is never resized, so the slots stay put.
        for e in log.iter_mut() {
            if let LogValue::Ref(r) = e {
                kiln_gc::add_root(r as *mut Option<GcRef>);
            }
        }
        Replay {
            log,
            pos: 0,
            c: Concrete,
        }
    }

    /// Whether every log entry has been consumed.
    pub fn log_consumed(&self) -> bool {
        self.pos >= self.log.len()
    }

    fn next(&mut self) -> Option<LogValue> {
        let e = self.log.get(self.pos).copied();
        if e.is_some() {
            self.pos += 1;
        }
        e
    }

    fn next_int(&mut self) -> Option<i64> {
        self.next().map(|e| match e {
            LogValue::Int(v) => v,
            other => panic!("replay out of step: expected an int, log has {other:?}"),
        })
    }
    fn next_float(&mut self) -> Option<f64> {
        self.next().map(|e| match e {
            LogValue::Float(v) => v,
            other => panic!("replay out of step: expected a float, log has {other:?}"),
        })
    }
    fn next_ref(&mut self) -> Option<Option<GcRef>> {
        self.next().map(|e| match e {
            LogValue::Ref(v) => v,
            other => panic!("replay out of step: expected a ref, log has {other:?}"),
        })
    }
    fn next_done(&mut self) -> bool {
        match self.next() {
            None => false,
            Some(LogValue::Done) => true,
            Some(other) => panic!("replay out of step: expected a write, log has {other:?}"),
        }
    }
}

impl Drop for Replay {
    fn drop(&mut self) {
        for e in self.log.iter_mut() {
            if let LogValue::Ref(r) = e {
                kiln_gc::remove_root(r as *mut Option<GcRef>);
            }
        }
    }
}

macro_rules! concrete {
    ($( fn $name:ident(&mut self $(, $a:ident : $t:ty)*) -> $r:ty; )*) => {
        $(
            #[inline]
            fn $name(&mut self $(, $a: $t)*) -> $r {
                self.c.$name($($a),*)
            }
        )*
    };
}

impl Tracer for Replay {
    type Int = i64;
    type Float = f64;
    type Ref = Option<GcRef>;

    concrete! {
        fn const_int(&mut self, v: i64) -> i64;
        fn const_float(&mut self, v: f64) -> f64;
        fn const_ref(&mut self, r: GcRef) -> Option<GcRef>;
        fn const_null(&mut self) -> Option<GcRef>;
        fn int_add(&mut self, a: i64, b: i64) -> i64;
        fn int_sub(&mut self, a: i64, b: i64) -> i64;
        fn int_mul(&mut self, a: i64, b: i64) -> i64;
        fn int_and(&mut self, a: i64, b: i64) -> i64;
        fn int_or(&mut self, a: i64, b: i64) -> i64;
        fn int_xor(&mut self, a: i64, b: i64) -> i64;
        fn int_lshift(&mut self, a: i64, b: i64) -> i64;
        fn int_rshift(&mut self, a: i64, b: i64) -> i64;
        fn int_neg(&mut self, a: i64) -> i64;
        fn int_invert(&mut self, a: i64) -> i64;
        fn int_py_div(&mut self, a: i64, b: i64) -> i64;
        fn int_py_mod(&mut self, a: i64, b: i64) -> i64;
        fn int_add_ovf(&mut self, a: i64, b: i64) -> Option<i64>;
        fn int_sub_ovf(&mut self, a: i64, b: i64) -> Option<i64>;
        fn int_mul_ovf(&mut self, a: i64, b: i64) -> Option<i64>;
        fn int_lt(&mut self, a: i64, b: i64) -> i64;
        fn int_le(&mut self, a: i64, b: i64) -> i64;
        fn int_eq(&mut self, a: i64, b: i64) -> i64;
        fn int_ne(&mut self, a: i64, b: i64) -> i64;
        fn int_gt(&mut self, a: i64, b: i64) -> i64;
        fn int_ge(&mut self, a: i64, b: i64) -> i64;
        fn int_is_zero(&mut self, a: i64) -> i64;
        fn float_add(&mut self, a: f64, b: f64) -> f64;
        fn float_sub(&mut self, a: f64, b: f64) -> f64;
        fn float_mul(&mut self, a: f64, b: f64) -> f64;
        fn float_truediv(&mut self, a: f64, b: f64) -> f64;
        fn float_neg(&mut self, a: f64) -> f64;
        fn float_abs(&mut self, a: f64) -> f64;
        fn float_lt(&mut self, a: f64, b: f64) -> i64;
        fn float_le(&mut self, a: f64, b: f64) -> i64;
        fn float_eq(&mut self, a: f64, b: f64) -> i64;
        fn float_ne(&mut self, a: f64, b: f64) -> i64;
        fn float_gt(&mut self, a: f64, b: f64) -> i64;
        fn float_ge(&mut self, a: f64, b: f64) -> i64;
        fn cast_int_to_float(&mut self, a: i64) -> f64;
        fn cast_float_to_int(&mut self, a: f64) -> i64;
        fn ptr_eq(&mut self, a: Option<GcRef>, b: Option<GcRef>) -> i64;
        fn ptr_is_null(&mut self, a: Option<GcRef>) -> i64;
        fn is_true(&mut self, v: i64) -> bool;
        fn guard_nonnull(&mut self, r: Option<GcRef>) -> bool;
        fn promote_int(&mut self, v: i64) -> i64;
        fn promote_ref(&mut self, r: Option<GcRef>) -> GcRef;
        fn vable_getfield_i(&mut self, f: Option<GcRef>, d: &'static FieldDescr) -> i64;
        fn vable_getfield_r(&mut self, f: Option<GcRef>, d: &'static FieldDescr) -> Option<GcRef>;
        fn vable_setfield_i(&mut self, f: Option<GcRef>, d: &'static FieldDescr, v: i64) -> ();
        fn vable_setfield_r(&mut self, f: Option<GcRef>, d: &'static FieldDescr, v: Option<GcRef>) -> ();
        fn vable_getitem_r(&mut self, f: Option<GcRef>, d: &'static ArrayDescr, i: usize) -> Option<GcRef>;
        fn vable_setitem_r(&mut self, f: Option<GcRef>, d: &'static ArrayDescr, i: usize, v: Option<GcRef>) -> ();
    }

    // ---- logged calls ----
    fn class_of(&mut self, r: Option<GcRef>, d: &'static FieldDescr) -> GcRef {
        match self.next_ref() {
            Some(cls) => cls.expect("object without class"),
            None => self.c.class_of(r, d),
        }
    }
    fn getfield_i(&mut self, r: Option<GcRef>, d: &'static FieldDescr) -> i64 {
        self.next_int().unwrap_or_else(|| self.c.getfield_i(r, d))
    }
    fn getfield_f(&mut self, r: Option<GcRef>, d: &'static FieldDescr) -> f64 {
        self.next_float().unwrap_or_else(|| self.c.getfield_f(r, d))
    }
    fn getfield_r(&mut self, r: Option<GcRef>, d: &'static FieldDescr) -> Option<GcRef> {
        self.next_ref().unwrap_or_else(|| self.c.getfield_r(r, d))
    }
    fn setfield_i(&mut self, r: Option<GcRef>, d: &'static FieldDescr, v: i64) {
        if !self.next_done() {
            self.c.setfield_i(r, d, v)
        }
    }
    fn setfield_f(&mut self, r: Option<GcRef>, d: &'static FieldDescr, v: f64) {
        if !self.next_done() {
            self.c.setfield_f(r, d, v)
        }
    }
    fn setfield_r(&mut self, r: Option<GcRef>, d: &'static FieldDescr, v: Option<GcRef>) {
        if !self.next_done() {
            self.c.setfield_r(r, d, v)
        }
    }
    fn arraylen(&mut self, r: Option<GcRef>, d: &'static ArrayDescr) -> i64 {
        self.next_int().unwrap_or_else(|| self.c.arraylen(r, d))
    }
    fn getarrayitem_i(&mut self, r: Option<GcRef>, d: &'static ArrayDescr, i: i64) -> i64 {
        self.next_int()
            .unwrap_or_else(|| self.c.getarrayitem_i(r, d, i))
    }
    fn getarrayitem_f(&mut self, r: Option<GcRef>, d: &'static ArrayDescr, i: i64) -> f64 {
        self.next_float()
            .unwrap_or_else(|| self.c.getarrayitem_f(r, d, i))
    }
    fn getarrayitem_r(
        &mut self,
        r: Option<GcRef>,
        d: &'static ArrayDescr,
        i: i64,
    ) -> Option<GcRef> {
        self.next_ref()
            .unwrap_or_else(|| self.c.getarrayitem_r(r, d, i))
    }
    fn setarrayitem_i(&mut self, r: Option<GcRef>, d: &'static ArrayDescr, i: i64, v: i64) {
        if !self.next_done() {
            self.c.setarrayitem_i(r, d, i, v)
        }
    }
    fn setarrayitem_f(&mut self, r: Option<GcRef>, d: &'static ArrayDescr, i: i64, v: f64) {
        if !self.next_done() {
            self.c.setarrayitem_f(r, d, i, v)
        }
    }
    fn setarrayitem_r(
        &mut self,
        r: Option<GcRef>,
        d: &'static ArrayDescr,
        i: i64,
        v: Option<GcRef>,
    ) {
        if !self.next_done() {
            self.c.setarrayitem_r(r, d, i, v)
        }
    }
    fn new_with_vtable(
        &mut self,
        d: &'static SizeDescr,
        cd: &'static FieldDescr,
        class: GcRef,
    ) -> Option<GcRef> {
        self.next_ref()
            .unwrap_or_else(|| self.c.new_with_vtable(d, cd, class))
    }
    fn new(&mut self, d: &'static SizeDescr) -> Option<GcRef> {
        self.next_ref().unwrap_or_else(|| self.c.new(d))
    }
    fn new_array(&mut self, d: &'static ArrayDescr, type_id: u32, len: i64) -> Option<GcRef> {
        self.next_ref()
            .unwrap_or_else(|| self.c.new_array(d, type_id, len))
    }
    fn call_i(&mut self, d: &'static CallDescr, args: &[TArg<Self>]) -> i64 {
        self.next_int().unwrap_or_else(|| self.c.call_i(d, args))
    }
    fn call_f(&mut self, d: &'static CallDescr, args: &[TArg<Self>]) -> f64 {
        self.next_float().unwrap_or_else(|| self.c.call_f(d, args))
    }
    fn call_r(&mut self, d: &'static CallDescr, args: &[TArg<Self>]) -> Option<GcRef> {
        self.next_ref().unwrap_or_else(|| self.c.call_r(d, args))
    }
    fn call_n(&mut self, d: &'static CallDescr, args: &[TArg<Self>]) {
        if !self.next_done() {
            self.c.call_n(d, args)
        }
    }
}

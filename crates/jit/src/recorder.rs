//! The recorder: the `Tracer` that executes the interpreter *and* records
//! a trace of what it did.
//!
//! Problem: when a loop of the user program turns hot, the JIT needs the
//! linear list of operations the interpreter performs for one iteration,
//! with a guard at every decision it took on a red value, and with the
//! frame's fields and value stack (the virtualizable) turned into plain
//! SSA values instead of memory traffic.
//!
//! Approach: red values are pairs (concrete value, IR operand). Each tracer
//! method computes the concrete result (so the interpreter goes on running
//! normally while tracing) and appends the matching IR op. Along the way:
//! * constant folding: an op whose operands are all constants yields a
//!   constant and no op; a guard on a constant is not emitted;
//! * a small heap cache: a second read of the same field (or array item)
//!   of the same object with no intervening write yields the first
//!   result; a write invalidates the descr's other entries (aliasing) and
//!   a residual call that writes the heap clears the mutable ones;
//! * known classes: after `guard_class` or `new_with_vtable` the class of
//!   that value is known and a second `class_of` records nothing;
//! * the virtualizable: every declared field and array item of the traced
//!   frame is an input of the trace; reads and writes go to a *shadow*
//!   (slot -> operand), never into the trace, and the closing `jump`
//!   carries the shadow back to the loop's `label`. (The concrete frame is
//!   written too, so the frame is always up to date while tracing.)
//! Every guard gets resume data (`resume.rs`): the shadow as it was at the
//! start of the current opcode plus the log of the current opcode's
//! logged calls.
//!
//! ```text
//! [p0, i1, p2, p3]                          frame, vable field, 2 stack slots
//! label(p0, i1, p2, p3, descr=TargetToken(..))
//! debug_merge_point(0, 0, '#3 LT')
//! i4 = getfield_gc_i(p2, descr=Int.value)   value of stack slot 0
//! jump(p0, i1, p5, p3, descr=TargetToken(..))
//! ```
//!
//! Invariants: the concrete halves of red values are exactly what
//! `Concrete` would compute; the shadow holds one operand per
//! virtualizable slot; the log gets one entry per logged call (see
//! `replay.rs`), whether or not an op was emitted for it; once the trace
//! exceeds `trace_limit` (or hits something it cannot record) it is marked
//! aborted, recording stops, but concrete execution goes on correctly.

use crate::descr::{ArrayDescr, CallDescr, EffectInfo, FieldDescr, FieldMut, Kind, SizeDescr};
use crate::driver::VirtualizableInfo;
use crate::ir::{CallFamily, Const, Descr, Op, OpRef, Opcode, Resume, TargetToken, Trace};
use crate::resume::{LogEntry, ResumeData, Tagged};
use crate::tracer::{Arg, TArg, Tracer};
use crate::Concrete;
use kiln_gc::GcRef;
use std::collections::HashMap;
use std::sync::Arc;

/// A red integer while tracing: its concrete value and its operand.
#[derive(Clone, Copy, Debug)]
pub struct RInt {
    pub value: i64,
    pub op: OpRef,
}
/// A red float while tracing.
#[derive(Clone, Copy, Debug)]
pub struct RFloat {
    pub value: f64,
    pub op: OpRef,
}
/// A red reference while tracing.
#[derive(Clone, Copy, Debug)]
pub struct RRef {
    pub value: Option<GcRef>,
    pub op: OpRef,
}

#[derive(Clone, Copy, Debug)]
enum LogOp {
    Int(OpRef),
    Float(OpRef),
    Ref(OpRef),
    Done,
}

/// An operand that stands for nothing (used once the trace is aborted).
const DEAD: OpRef = OpRef::Op(u32::MAX);

/// Records one trace (a loop or a bridge) of one frame.
pub struct Recorder<K> {
    trace: Trace,
    vinfo: &'static VirtualizableInfo,
    frame: GcRef,
    /// Operand of every virtualizable slot (fields, then array items).
    shadow: Vec<OpRef>,
    /// Key, snapshot and log of the current opcode.
    key: K,
    snapshot: Vec<OpRef>,
    log: Vec<LogOp>,
    guards_in_op: u32,
    fields: HashMap<(OpRef, usize), (OpRef, &'static FieldDescr)>,
    items: HashMap<(OpRef, usize, OpRef), (OpRef, &'static ArrayDescr)>,
    lengths: HashMap<(OpRef, usize), OpRef>,
    known_class: HashMap<OpRef, GcRef>,
    /// Objects allocated by this trace.
    fresh: std::collections::HashSet<OpRef>,
    limit: usize,
    abort: Option<String>,
    c: Concrete,
}

impl<K: Copy + 'static> Recorder<K> {
    /// Starts recording at the merge point `key` of `frame`. The trace's
    /// inputs are the frame and its virtualizable slots; if `label` is
    /// given, the trace starts with a `label` other traces can jump to.
    pub fn new(
        vinfo: &'static VirtualizableInfo,
        frame: GcRef,
        key: K,
        label: Option<TargetToken>,
        trace_limit: usize,
    ) -> Recorder<K> {
        let kinds = vinfo.slot_kinds(frame);
        let mut inputs = vec![Kind::Ref];
        inputs.extend(kinds.iter().copied());
        let mut trace = Trace::new(inputs);
        let shadow: Vec<OpRef> = (1..=kinds.len() as u32).map(OpRef::Input).collect();
        if let Some(tok) = label {
            let args = trace.input_refs();
            trace.push(Op::new(Opcode::Label, args).with_descr(Descr::Target(tok)));
        }
        Recorder {
            trace,
            vinfo,
            frame,
            snapshot: shadow.clone(),
            shadow,
            key,
            log: Vec::new(),
            guards_in_op: 0,
            fields: HashMap::new(),
            items: HashMap::new(),
            lengths: HashMap::new(),
            known_class: HashMap::new(),
            fresh: Default::default(),
            limit: trace_limit,
            abort: None,
            c: Concrete,
        }
    }

    /// The traced frame as a red value, to pass to the handlers.
    pub fn frame(&self) -> RRef {
        RRef {
            value: Some(self.frame),
            op: OpRef::Input(0),
        }
    }

    /// The trace so far.
    pub fn trace(&self) -> &Trace {
        &self.trace
    }

    /// Why recording stopped, if it did.
    pub fn aborted(&self) -> Option<&str> {
        self.abort.as_deref()
    }

    /// Stops recording (the interpreter keeps running concretely).
    pub fn abort(&mut self, reason: impl Into<String>) {
        if self.abort.is_none() {
            self.abort = Some(reason.into());
        }
    }

    /// Marks the start of the opcode at `key`: records a
    /// `debug_merge_point` and takes the snapshot later guards resume from.
    pub fn merge_point(&mut self, key: K, text: &str) {
        self.emit(
            Op::new(Opcode::DebugMergePoint, vec![OpRef::int(0), OpRef::int(0)])
                .with_descr(Descr::Debug(Arc::from(text))),
        );
        self.key = key;
        self.snapshot.clone_from(&self.shadow);
        self.log.clear();
        self.guards_in_op = 0;
    }

    /// Ends the trace with a `jump` carrying the frame and the shadow to
    /// the label `target` (of this trace or of a compiled one).
    pub fn close(mut self, target: TargetToken) -> Result<Trace, String> {
        let mut args = vec![OpRef::Input(0)];
        args.extend(self.shadow.iter().copied());
        self.emit(Op::new(Opcode::Jump, args).with_descr(Descr::Target(target)));
        match self.abort {
            Some(r) => Err(r),
            None => Ok(self.trace),
        }
    }

    // ---- emitting ----

    fn emit(&mut self, op: Op) -> OpRef {
        if self.abort.is_some() {
            return DEAD;
        }
        if self.trace.ops.len() >= self.limit {
            self.abort("trace too long");
            return DEAD;
        }
        self.trace.push(op)
    }

    fn tag(&self, r: OpRef, fail: &mut Vec<OpRef>, index: &mut HashMap<OpRef, u32>) -> Tagged {
        match r {
            OpRef::Const(c) => Tagged::Const(c),
            _ => Tagged::Live(*index.entry(r).or_insert_with(|| {
                fail.push(r);
                fail.len() as u32 - 1
            })),
        }
    }

    /// Records a guard with fail_args and resume data.
    fn guard(&mut self, opc: Opcode, args: Vec<OpRef>, descr: Option<Descr>) {
        if self.abort.is_some() {
            return;
        }
        let mut fail = Vec::new();
        let mut index = HashMap::new();
        let slots: Vec<Tagged> = self
            .snapshot
            .iter()
            .map(|&r| self.tag(r, &mut fail, &mut index))
            .collect();
        let log: Vec<LogEntry> = self
            .log
            .iter()
            .map(|e| match *e {
                LogOp::Int(r) => LogEntry::Int(self.tag(r, &mut fail, &mut index)),
                LogOp::Float(r) => LogEntry::Float(self.tag(r, &mut fail, &mut index)),
                LogOp::Ref(r) => LogEntry::Ref(self.tag(r, &mut fail, &mut index)),
                LogOp::Done => LogEntry::Done,
            })
            .collect();
        let rd = ResumeData::new(self.key, slots, log, self.guards_in_op);
        self.guards_in_op += 1;
        let mut op = Op::new(opc, args)
            .with_fail_args(fail)
            .with_resume(Resume::new(rd));
        op.descr = descr;
        self.emit(op);
    }

    fn int1(&mut self, opc: Opcode, a: RInt, v: i64) -> RInt {
        if a.op.is_const() {
            return RInt {
                value: v,
                op: OpRef::int(v),
            };
        }
        let op = self.emit(Op::new(opc, vec![a.op]));
        RInt { value: v, op }
    }

    fn int2(&mut self, opc: Opcode, a: OpRef, b: OpRef, v: i64) -> RInt {
        if a.is_const() && b.is_const() {
            return RInt {
                value: v,
                op: OpRef::int(v),
            };
        }
        let op = self.emit(Op::new(opc, vec![a, b]));
        RInt { value: v, op }
    }

    fn float2(&mut self, opc: Opcode, a: RFloat, b: RFloat, v: f64) -> RFloat {
        if a.op.is_const() && b.op.is_const() {
            return RFloat {
                value: v,
                op: OpRef::float(v),
            };
        }
        let op = self.emit(Op::new(opc, vec![a.op, b.op]));
        RFloat { value: v, op }
    }

    fn float1(&mut self, opc: Opcode, a: OpRef, v: f64) -> RFloat {
        if a.is_const() {
            return RFloat {
                value: v,
                op: OpRef::float(v),
            };
        }
        let op = self.emit(Op::new(opc, vec![a]));
        RFloat { value: v, op }
    }

    fn ovf(&mut self, opc: Opcode, a: RInt, b: RInt, v: Option<i64>) -> Option<RInt> {
        if a.op.is_const() && b.op.is_const() {
            return v.map(|v| RInt {
                value: v,
                op: OpRef::int(v),
            });
        }
        let op = self.emit(Op::new(opc, vec![a.op, b.op]));
        match v {
            Some(v) => {
                self.guard(Opcode::GuardNoOverflow, vec![], None);
                Some(RInt { value: v, op })
            }
            None => {
                self.guard(Opcode::GuardOverflow, vec![], None);
                None
            }
        }
    }

    /// Replaces an operand by the constant a guard proved it equal to.
    fn learn_const(&mut self, r: OpRef, c: Const) {
        for s in self.shadow.iter_mut() {
            if *s == r {
                *s = OpRef::Const(c);
            }
        }
    }

    fn field_read(&mut self, opc: Opcode, r: RRef, d: &'static FieldDescr, c: Const) -> OpRef {
        let key = (r.op, d as *const FieldDescr as usize);
        let op = if let Some(&(v, _)) = self.fields.get(&key) {
            v
        } else if r.op.is_const() && d.mutability == FieldMut::Immutable {
            OpRef::Const(c)
        } else {
            let v = self.emit(Op::new(opc, vec![r.op]).with_descr(Descr::Field(d)));
            self.fields.insert(key, (v, d));
            v
        };
        op
    }

    fn field_write(&mut self, r: RRef, d: &'static FieldDescr, v: OpRef) {
        self.emit(Op::new(Opcode::SetfieldGc, vec![r.op, v]).with_descr(Descr::Field(d)));
        let dk = d as *const FieldDescr as usize;
        // Which cached objects may be `r`? An object allocated in this
        // trace is none of the objects that existed before (inputs and
        // constants) nor another allocation of the trace.
        let fresh = self.fresh.contains(&r.op);
        let old = |o: &OpRef| matches!(o, OpRef::Input(_) | OpRef::Const(_));
        let fresh_set = &self.fresh;
        self.fields.retain(|k, _| {
            k.1 != dk || (fresh && (old(&k.0) || fresh_set.contains(&k.0)) && k.0 != r.op)
        });
        self.fields.insert((r.op, dk), (v, d));
        self.log.push(LogOp::Done);
    }

    fn item_read(
        &mut self,
        opc: Opcode,
        r: RRef,
        d: &'static ArrayDescr,
        i: RInt,
        c: Const,
    ) -> OpRef {
        let key = (r.op, d as *const ArrayDescr as usize, i.op);
        if let Some(&(v, _)) = self.items.get(&key) {
            v
        } else if r.op.is_const() && i.op.is_const() && d.mutability == FieldMut::Immutable {
            OpRef::Const(c)
        } else {
            let v = self.emit(Op::new(opc, vec![r.op, i.op]).with_descr(Descr::Array(d)));
            self.items.insert(key, (v, d));
            v
        }
    }

    fn item_write(&mut self, r: RRef, d: &'static ArrayDescr, i: RInt, v: OpRef) {
        self.emit(Op::new(Opcode::SetarrayitemGc, vec![r.op, i.op, v]).with_descr(Descr::Array(d)));
        let dk = d as *const ArrayDescr as usize;
        self.items.retain(|k, _| k.1 != dk);
        self.items.insert((r.op, dk, i.op), (v, d));
        self.log.push(LogOp::Done);
    }

    /// Emits a residual call; returns its result operand.
    fn call(
        &mut self,
        d: &'static CallDescr,
        args: &[TArg<Self>],
        res: Kind,
        c: Option<Const>,
    ) -> OpRef {
        let ops: Vec<OpRef> = args
            .iter()
            .map(|a| match *a {
                Arg::Int(v) => v.op,
                Arg::Float(v) => v.op,
                Arg::Ref(v) => v.op,
            })
            .collect();
        if d.effect == EffectInfo::Pure && ops.iter().all(|o| o.is_const()) {
            if let Some(c) = c {
                return OpRef::Const(c);
            }
        }
        let family = match d.effect {
            EffectInfo::Pure => CallFamily::Pure,
            EffectInfo::CanForce => CallFamily::MayForce,
            _ => CallFamily::Plain,
        };
        let v = self.emit(Op::new(Opcode::call_for(res, family), ops).with_descr(Descr::Call(d)));
        if matches!(d.effect, EffectInfo::WritesHeap | EffectInfo::CanForce) {
            self.fields
                .retain(|_, e| e.1.mutability == FieldMut::Immutable);
            self.items
                .retain(|_, e| e.1.mutability == FieldMut::Immutable);
        }
        v
    }

    fn after_call(&mut self, d: &'static CallDescr, entry: LogOp) {
        self.log.push(entry);
        if d.effect == EffectInfo::CanForce {
            self.guard(Opcode::GuardNotForced, vec![], None);
        }
    }

    /// The shadow slot of a virtualizable field of the traced frame.
    fn vfield(&self, f: RRef, d: &'static FieldDescr) -> Option<usize> {
        if f.op != OpRef::Input(0) {
            return None;
        }
        self.vinfo.field_index(d)
    }

    fn vitem(&mut self, f: RRef, d: &'static ArrayDescr, i: usize) -> Option<usize> {
        if f.op != OpRef::Input(0) || !self.vinfo.array.is_some_and(|a| std::ptr::eq(a, d)) {
            return None;
        }
        let slot = self.vinfo.fields.len() + i;
        if slot >= self.shadow.len() {
            self.abort("virtualizable array index out of range");
            return None;
        }
        Some(slot)
    }
}

fn concrete_args(args: &[Arg<RInt, RFloat, RRef>]) -> Vec<TArg<Concrete>> {
    args.iter()
        .map(|a| match *a {
            Arg::Int(v) => Arg::Int(v.value),
            Arg::Float(v) => Arg::Float(v.value),
            Arg::Ref(v) => Arg::Ref(v.value),
        })
        .collect()
}

macro_rules! int_binops {
    ($($name:ident => $opc:ident;)*) => {
        $(
            fn $name(&mut self, a: RInt, b: RInt) -> RInt {
                let v = self.c.$name(a.value, b.value);
                self.int2(Opcode::$opc, a.op, b.op, v)
            }
        )*
    };
}
macro_rules! float_binops {
    ($($name:ident => $opc:ident;)*) => {
        $(
            fn $name(&mut self, a: RFloat, b: RFloat) -> RFloat {
                let v = self.c.$name(a.value, b.value);
                self.float2(Opcode::$opc, a, b, v)
            }
        )*
    };
}
macro_rules! float_cmps {
    ($($name:ident => $opc:ident;)*) => {
        $(
            fn $name(&mut self, a: RFloat, b: RFloat) -> RInt {
                let v = self.c.$name(a.value, b.value);
                self.int2(Opcode::$opc, a.op, b.op, v)
            }
        )*
    };
}

impl<K: Copy + 'static> Tracer for Recorder<K> {
    type Int = RInt;
    type Float = RFloat;
    type Ref = RRef;

    fn const_int(&mut self, v: i64) -> RInt {
        RInt {
            value: v,
            op: OpRef::int(v),
        }
    }
    fn const_float(&mut self, v: f64) -> RFloat {
        RFloat {
            value: v,
            op: OpRef::float(v),
        }
    }
    fn const_ref(&mut self, r: GcRef) -> RRef {
        RRef {
            value: Some(r),
            op: OpRef::ptr(Some(r)),
        }
    }
    fn const_null(&mut self) -> RRef {
        RRef {
            value: None,
            op: OpRef::ptr(None),
        }
    }

    int_binops! {
        int_add => IntAdd;
        int_sub => IntSub;
        int_mul => IntMul;
        int_and => IntAnd;
        int_or => IntOr;
        int_xor => IntXor;
        int_lshift => IntLshift;
        int_rshift => IntRshift;
        int_py_div => IntPyDiv;
        int_py_mod => IntPyMod;
        int_lt => IntLt;
        int_le => IntLe;
        int_eq => IntEq;
        int_ne => IntNe;
        int_gt => IntGt;
        int_ge => IntGe;
    }

    fn int_neg(&mut self, a: RInt) -> RInt {
        let v = self.c.int_neg(a.value);
        self.int1(Opcode::IntNeg, a, v)
    }
    fn int_invert(&mut self, a: RInt) -> RInt {
        let v = self.c.int_invert(a.value);
        self.int1(Opcode::IntInvert, a, v)
    }
    fn int_is_zero(&mut self, a: RInt) -> RInt {
        let v = self.c.int_is_zero(a.value);
        self.int1(Opcode::IntIsZero, a, v)
    }

    fn int_add_ovf(&mut self, a: RInt, b: RInt) -> Option<RInt> {
        let v = self.c.int_add_ovf(a.value, b.value);
        self.ovf(Opcode::IntAddOvf, a, b, v)
    }
    fn int_sub_ovf(&mut self, a: RInt, b: RInt) -> Option<RInt> {
        let v = self.c.int_sub_ovf(a.value, b.value);
        self.ovf(Opcode::IntSubOvf, a, b, v)
    }
    fn int_mul_ovf(&mut self, a: RInt, b: RInt) -> Option<RInt> {
        let v = self.c.int_mul_ovf(a.value, b.value);
        self.ovf(Opcode::IntMulOvf, a, b, v)
    }

    float_binops! {
        float_add => FloatAdd;
        float_sub => FloatSub;
        float_mul => FloatMul;
        float_truediv => FloatTruediv;
    }
    float_cmps! {
        float_lt => FloatLt;
        float_le => FloatLe;
        float_eq => FloatEq;
        float_ne => FloatNe;
        float_gt => FloatGt;
        float_ge => FloatGe;
    }
    fn float_neg(&mut self, a: RFloat) -> RFloat {
        let v = self.c.float_neg(a.value);
        self.float1(Opcode::FloatNeg, a.op, v)
    }
    fn float_abs(&mut self, a: RFloat) -> RFloat {
        let v = self.c.float_abs(a.value);
        self.float1(Opcode::FloatAbs, a.op, v)
    }
    fn cast_int_to_float(&mut self, a: RInt) -> RFloat {
        let v = self.c.cast_int_to_float(a.value);
        self.float1(Opcode::CastIntToFloat, a.op, v)
    }
    fn cast_float_to_int(&mut self, a: RFloat) -> RInt {
        let v = self.c.cast_float_to_int(a.value);
        self.int2_unary(Opcode::CastFloatToInt, a.op, v)
    }

    fn ptr_eq(&mut self, a: RRef, b: RRef) -> RInt {
        let v = self.c.ptr_eq(a.value, b.value);
        if a.op == b.op {
            return self.const_int(1);
        }
        self.int2(Opcode::PtrEq, a.op, b.op, v)
    }
    fn ptr_is_null(&mut self, a: RRef) -> RInt {
        let v = self.c.ptr_is_null(a.value);
        if self.known_class.contains_key(&a.op) {
            return self.const_int(0);
        }
        self.int2_unary(Opcode::PtrIsNull, a.op, v)
    }

    // ---- guards ----
    fn is_true(&mut self, v: RInt) -> bool {
        let b = v.value != 0;
        if !v.op.is_const() {
            let opc = if b {
                Opcode::GuardTrue
            } else {
                Opcode::GuardFalse
            };
            self.guard(opc, vec![v.op], None);
        }
        b
    }
    fn guard_nonnull(&mut self, r: RRef) -> bool {
        let b = r.value.is_some();
        if !r.op.is_const() && !self.known_class.contains_key(&r.op) {
            let opc = if b {
                Opcode::GuardNonnull
            } else {
                Opcode::GuardIsnull
            };
            self.guard(opc, vec![r.op], None);
        }
        b
    }
    fn promote_int(&mut self, v: RInt) -> i64 {
        if !v.op.is_const() {
            self.guard(Opcode::GuardValue, vec![v.op, OpRef::int(v.value)], None);
            self.learn_const(v.op, Const::Int(v.value));
        }
        v.value
    }
    fn promote_ref(&mut self, r: RRef) -> GcRef {
        let g = self.c.promote_ref(r.value);
        if !r.op.is_const() {
            self.guard(Opcode::GuardValue, vec![r.op, OpRef::ptr(r.value)], None);
            self.learn_const(r.op, Const::Ref(r.value));
        }
        g
    }
    fn class_of(&mut self, r: RRef, d: &'static FieldDescr) -> GcRef {
        let cls = self.c.class_of(r.value, d);
        let known = match r.op {
            OpRef::Const(_) => true,
            _ => self.known_class.get(&r.op) == Some(&cls),
        };
        if !known {
            self.guard(
                Opcode::GuardClass,
                vec![r.op, OpRef::ptr(Some(cls))],
                Some(Descr::Field(d)),
            );
            self.known_class.insert(r.op, cls);
        }
        self.log.push(LogOp::Ref(OpRef::ptr(Some(cls))));
        cls
    }

    // ---- heap ----
    fn getfield_i(&mut self, r: RRef, d: &'static FieldDescr) -> RInt {
        let v = self.c.getfield_i(r.value, d);
        let op = self.field_read(Opcode::GetfieldGcI, r, d, Const::Int(v));
        self.log.push(LogOp::Int(op));
        RInt { value: v, op }
    }
    fn getfield_f(&mut self, r: RRef, d: &'static FieldDescr) -> RFloat {
        let v = self.c.getfield_f(r.value, d);
        let op = self.field_read(Opcode::GetfieldGcF, r, d, Const::float(v));
        self.log.push(LogOp::Float(op));
        RFloat { value: v, op }
    }
    fn getfield_r(&mut self, r: RRef, d: &'static FieldDescr) -> RRef {
        let v = self.c.getfield_r(r.value, d);
        let op = self.field_read(Opcode::GetfieldGcR, r, d, Const::Ref(v));
        self.log.push(LogOp::Ref(op));
        RRef { value: v, op }
    }
    fn setfield_i(&mut self, r: RRef, d: &'static FieldDescr, v: RInt) {
        self.c.setfield_i(r.value, d, v.value);
        self.field_write(r, d, v.op);
    }
    fn setfield_f(&mut self, r: RRef, d: &'static FieldDescr, v: RFloat) {
        self.c.setfield_f(r.value, d, v.value);
        self.field_write(r, d, v.op);
    }
    fn setfield_r(&mut self, r: RRef, d: &'static FieldDescr, v: RRef) {
        self.c.setfield_r(r.value, d, v.value);
        self.field_write(r, d, v.op);
    }
    fn arraylen(&mut self, r: RRef, d: &'static ArrayDescr) -> RInt {
        let v = self.c.arraylen(r.value, d);
        let key = (r.op, d as *const ArrayDescr as usize);
        let op = if let Some(&l) = self.lengths.get(&key) {
            l
        } else if r.op.is_const() {
            OpRef::int(v)
        } else {
            let l = self.emit(Op::new(Opcode::ArraylenGc, vec![r.op]).with_descr(Descr::Array(d)));
            self.lengths.insert(key, l);
            l
        };
        self.log.push(LogOp::Int(op));
        RInt { value: v, op }
    }
    fn getarrayitem_i(&mut self, r: RRef, d: &'static ArrayDescr, i: RInt) -> RInt {
        let v = self.c.getarrayitem_i(r.value, d, i.value);
        let op = self.item_read(Opcode::GetarrayitemGcI, r, d, i, Const::Int(v));
        self.log.push(LogOp::Int(op));
        RInt { value: v, op }
    }
    fn getarrayitem_f(&mut self, r: RRef, d: &'static ArrayDescr, i: RInt) -> RFloat {
        let v = self.c.getarrayitem_f(r.value, d, i.value);
        let op = self.item_read(Opcode::GetarrayitemGcF, r, d, i, Const::float(v));
        self.log.push(LogOp::Float(op));
        RFloat { value: v, op }
    }
    fn getarrayitem_r(&mut self, r: RRef, d: &'static ArrayDescr, i: RInt) -> RRef {
        let v = self.c.getarrayitem_r(r.value, d, i.value);
        let op = self.item_read(Opcode::GetarrayitemGcR, r, d, i, Const::Ref(v));
        self.log.push(LogOp::Ref(op));
        RRef { value: v, op }
    }
    fn setarrayitem_i(&mut self, r: RRef, d: &'static ArrayDescr, i: RInt, v: RInt) {
        self.c.setarrayitem_i(r.value, d, i.value, v.value);
        self.item_write(r, d, i, v.op);
    }
    fn setarrayitem_f(&mut self, r: RRef, d: &'static ArrayDescr, i: RInt, v: RFloat) {
        self.c.setarrayitem_f(r.value, d, i.value, v.value);
        self.item_write(r, d, i, v.op);
    }
    fn setarrayitem_r(&mut self, r: RRef, d: &'static ArrayDescr, i: RInt, v: RRef) {
        self.c.setarrayitem_r(r.value, d, i.value, v.value);
        self.item_write(r, d, i, v.op);
    }

    // ---- allocation ----
    fn new_with_vtable(
        &mut self,
        d: &'static SizeDescr,
        cd: &'static FieldDescr,
        class: GcRef,
    ) -> RRef {
        let v = self.c.new_with_vtable(d, cd, class);
        let op = self.emit(
            Op::new(Opcode::NewWithVtable, vec![OpRef::ptr(Some(class))])
                .with_descr(Descr::Vtable(d, cd)),
        );
        self.known_class.insert(op, class);
        self.fresh.insert(op);
        self.fields.insert(
            (op, cd as *const FieldDescr as usize),
            (OpRef::ptr(Some(class)), cd),
        );
        self.log.push(LogOp::Ref(op));
        RRef { value: v, op }
    }
    fn new(&mut self, d: &'static SizeDescr) -> RRef {
        let v = self.c.new(d);
        let op = self.emit(Op::new(Opcode::New, vec![]).with_descr(Descr::Size(d)));
        self.fresh.insert(op);
        self.log.push(LogOp::Ref(op));
        RRef { value: v, op }
    }
    fn new_array(&mut self, d: &'static ArrayDescr, type_id: u32, len: RInt) -> RRef {
        let v = self.c.new_array(d, type_id, len.value);
        let op = self.emit(
            Op::new(Opcode::NewArray, vec![OpRef::int(type_id as i64), len.op])
                .with_descr(Descr::Array(d)),
        );
        self.lengths
            .insert((op, d as *const ArrayDescr as usize), len.op);
        self.fresh.insert(op);
        self.log.push(LogOp::Ref(op));
        RRef { value: v, op }
    }

    // ---- residual calls ----
    fn call_i(&mut self, d: &'static CallDescr, args: &[TArg<Self>]) -> RInt {
        let v = self.c.call_i(d, &concrete_args(args));
        let op = self.call(d, args, Kind::Int, Some(Const::Int(v)));
        self.after_call(d, LogOp::Int(op));
        RInt { value: v, op }
    }
    fn call_f(&mut self, d: &'static CallDescr, args: &[TArg<Self>]) -> RFloat {
        let v = self.c.call_f(d, &concrete_args(args));
        let op = self.call(d, args, Kind::Float, Some(Const::float(v)));
        self.after_call(d, LogOp::Float(op));
        RFloat { value: v, op }
    }
    fn call_r(&mut self, d: &'static CallDescr, args: &[TArg<Self>]) -> RRef {
        let v = self.c.call_r(d, &concrete_args(args));
        let op = self.call(d, args, Kind::Ref, Some(Const::Ref(v)));
        self.after_call(d, LogOp::Ref(op));
        RRef { value: v, op }
    }
    fn call_n(&mut self, d: &'static CallDescr, args: &[TArg<Self>]) {
        self.c.call_n(d, &concrete_args(args));
        self.call(d, args, Kind::Void, None);
        self.after_call(d, LogOp::Done);
    }

    // ---- the virtualizable ----
    fn vable_getfield_i(&mut self, f: RRef, d: &'static FieldDescr) -> RInt {
        let v = self.c.vable_getfield_i(f.value, d);
        let op = match self.vfield(f, d) {
            Some(s) => self.shadow[s],
            None => self.emit(Op::new(Opcode::GetfieldGcI, vec![f.op]).with_descr(Descr::Field(d))),
        };
        RInt { value: v, op }
    }
    fn vable_getfield_r(&mut self, f: RRef, d: &'static FieldDescr) -> RRef {
        let v = self.c.vable_getfield_r(f.value, d);
        let op = match self.vfield(f, d) {
            Some(s) => self.shadow[s],
            None => self.emit(Op::new(Opcode::GetfieldGcR, vec![f.op]).with_descr(Descr::Field(d))),
        };
        RRef { value: v, op }
    }
    fn vable_setfield_i(&mut self, f: RRef, d: &'static FieldDescr, v: RInt) {
        self.c.vable_setfield_i(f.value, d, v.value);
        match self.vfield(f, d) {
            Some(s) => self.shadow[s] = v.op,
            None => {
                self.emit(
                    Op::new(Opcode::SetfieldGc, vec![f.op, v.op]).with_descr(Descr::Field(d)),
                );
            }
        }
    }
    fn vable_setfield_r(&mut self, f: RRef, d: &'static FieldDescr, v: RRef) {
        self.c.vable_setfield_r(f.value, d, v.value);
        match self.vfield(f, d) {
            Some(s) => self.shadow[s] = v.op,
            None => {
                self.emit(
                    Op::new(Opcode::SetfieldGc, vec![f.op, v.op]).with_descr(Descr::Field(d)),
                );
            }
        }
    }
    fn vable_getitem_r(&mut self, f: RRef, d: &'static ArrayDescr, i: usize) -> RRef {
        let v = self.c.vable_getitem_r(f.value, d, i);
        let op = match self.vitem(f, d, i) {
            Some(s) => self.shadow[s],
            None => self.emit(
                Op::new(Opcode::GetarrayitemGcR, vec![f.op, OpRef::int(i as i64)])
                    .with_descr(Descr::Array(d)),
            ),
        };
        RRef { value: v, op }
    }
    fn vable_setitem_r(&mut self, f: RRef, d: &'static ArrayDescr, i: usize, v: RRef) {
        self.c.vable_setitem_r(f.value, d, i, v.value);
        match self.vitem(f, d, i) {
            Some(s) => self.shadow[s] = v.op,
            None => {
                self.emit(
                    Op::new(
                        Opcode::SetarrayitemGc,
                        vec![f.op, OpRef::int(i as i64), v.op],
                    )
                    .with_descr(Descr::Array(d)),
                );
            }
        }
    }
}

impl<K: Copy + 'static> Recorder<K> {
    fn int2_unary(&mut self, opc: Opcode, a: OpRef, v: i64) -> RInt {
        if a.is_const() {
            return RInt {
                value: v,
                op: OpRef::int(v),
            };
        }
        let op = self.emit(Op::new(opc, vec![a]));
        RInt { value: v, op }
    }
}

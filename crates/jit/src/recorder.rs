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
//!
//! Every guard gets resume data (`resume.rs`): the shadow as it was at the
//! start of the current opcode plus the log of the current opcode's
//! logged calls.
//!
//! Inlined calls: the recorder keeps a stack of frames. The driver pushes a
//! callee frame (an object the caller's opcode allocated in the trace) with
//! [`Recorder::push_frame`]; its virtualizable slots get a shadow of their
//! own, initialised from what the trace wrote into the fresh object (the
//! recorder knows the exact contents of objects it allocated as long as
//! every write to them had a constant index), and from then on its
//! virtualizable accesses are shadow traffic too. `debug_merge_point`s
//! carry the call depth; a guard's resume data has one snapshot per active
//! frame, innermost first. [`Recorder::pop_frame`] ends the callee: the
//! caller's current "opcode" is then the second half of its call opcode.
//! The callee's frame object stays a real allocation (there is no
//! optimizer to make it virtual yet); while it is inlined its
//! virtualizable slots in the heap are stale, exactly like the traced
//! frame's are in compiled code.
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
use crate::resume::{FrameSnapshot, LogEntry, ResumeData, Tagged};
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

/// One active frame of the trace: the traced frame (depth 0) or an
/// inlined callee.
struct RecFrame<K> {
    /// The frame object's operand (`Input(0)` at depth 0).
    op: OpRef,
    value: GcRef,
    /// Operand of every virtualizable slot (fields, then array items).
    shadow: Vec<OpRef>,
    /// Snapshot of `shadow` at the start of the current opcode.
    snapshot: Vec<OpRef>,
    /// The key the frame was entered at (its function).
    entry: K,
    /// The call opcode the frame is suspended in (frames below the top).
    call_key: K,
    /// Trace length when the frame was pushed.
    start: usize,
}

/// Records one trace (a loop or a bridge) of one frame and the frames of
/// the calls it inlines.
pub struct Recorder<K> {
    trace: Trace,
    vinfo: &'static VirtualizableInfo,
    /// Active frames, outermost first.
    frames: Vec<RecFrame<K>>,
    /// Frames the trace takes as inputs.
    input_frames: usize,
    /// Key and log of the current opcode of the innermost frame.
    key: K,
    /// `Some(callee)`: the current opcode is the second half of a call
    /// whose inlined callee frame `callee` just returned.
    after_call: Option<OpRef>,
    log: Vec<LogOp>,
    guards_in_op: u32,
    fields: HashMap<(OpRef, usize), (OpRef, &'static FieldDescr)>,
    items: HashMap<(OpRef, usize, OpRef), (OpRef, &'static ArrayDescr)>,
    lengths: HashMap<(OpRef, usize), OpRef>,
    known_class: HashMap<OpRef, GcRef>,
    /// Objects allocated by this trace.
    fresh: std::collections::HashSet<OpRef>,
    /// Exact contents of objects allocated by this trace that had only
    /// constant-index writes since: (descr address, index or -1 for a
    /// field) -> value; anything absent is still zero.
    exact: HashMap<OpRef, HashMap<(usize, i64), OpRef>>,
    /// Ops recorded inside finished inlined calls, per function entry.
    inlined_sizes: HashMap<K, usize>,
    limit: usize,
    abort: Option<String>,
    c: Concrete,
}

impl<K: Copy + PartialEq + std::hash::Hash + Eq + 'static> Recorder<K> {
    /// Starts recording at the merge point `key` of `frame`, a frame of
    /// the function entered at `entry`. The trace's inputs are the frame
    /// and its virtualizable slots; if `label` is given, the trace starts
    /// with a `label` other traces can jump to.
    pub fn new(
        vinfo: &'static VirtualizableInfo,
        frame: GcRef,
        entry: K,
        key: K,
        label: Option<TargetToken>,
        trace_limit: usize,
    ) -> Recorder<K> {
        Recorder::new_stack(vinfo, &[(frame, entry, key)], key, label, trace_limit)
    }

    /// Starts recording at the merge point `key` of the last of `frames`
    /// (outermost first: frame, its entry key, the call opcode it is
    /// suspended in), as if the inner ones were inlined calls: a bridge
    /// from a guard inside inlined calls. The trace's inputs are each
    /// frame and its virtualizable slots, outermost first.
    pub fn new_stack(
        vinfo: &'static VirtualizableInfo,
        frames: &[(GcRef, K, K)],
        key: K,
        label: Option<TargetToken>,
        trace_limit: usize,
    ) -> Recorder<K> {
        let mut inputs = Vec::new();
        let mut rec_frames = Vec::with_capacity(frames.len());
        for &(frame, entry, call_key) in frames {
            let base = inputs.len() as u32;
            let kinds = vinfo.slot_kinds(frame);
            inputs.push(Kind::Ref);
            inputs.extend(kinds.iter().copied());
            let shadow: Vec<OpRef> = (1..=kinds.len() as u32)
                .map(|i| OpRef::Input(base + i))
                .collect();
            rec_frames.push(RecFrame {
                op: OpRef::Input(base),
                value: frame,
                snapshot: shadow.clone(),
                shadow,
                entry,
                call_key,
                start: 0,
            });
        }
        let mut trace = Trace::new(inputs);
        if let Some(tok) = label {
            let args = trace.input_refs();
            trace.push(Op::new(Opcode::Label, args).with_descr(Descr::Target(tok)));
        }
        Recorder {
            trace,
            vinfo,
            frames: rec_frames,
            input_frames: frames.len(),
            key,
            after_call: None,
            log: Vec::new(),
            guards_in_op: 0,
            fields: HashMap::new(),
            items: HashMap::new(),
            lengths: HashMap::new(),
            known_class: HashMap::new(),
            fresh: Default::default(),
            exact: HashMap::new(),
            inlined_sizes: HashMap::new(),
            limit: trace_limit,
            abort: None,
            c: Concrete,
        }
    }

    /// The innermost active frame as a red value, to pass to the handlers.
    pub fn frame(&self) -> RRef {
        let f = self.frames.last().unwrap();
        RRef {
            value: Some(f.value),
            op: f.op,
        }
    }

    /// How many frames the trace takes as inputs (1 unless it is a
    /// bridge from a guard inside inlined calls).
    pub fn input_frames(&self) -> usize {
        self.input_frames
    }

    /// How many inlined calls are active (0: in the traced frame).
    pub fn depth(&self) -> usize {
        self.frames.len() - 1
    }

    /// The function (entry key) of the innermost frame.
    pub fn entry(&self) -> K {
        self.frames.last().unwrap().entry
    }

    /// How many active frames run the function entered at `entry`.
    pub fn active(&self, entry: K) -> usize {
        self.frames.iter().filter(|f| f.entry == entry).count()
    }

    /// The inlined function with the most ops in this trace (finished and
    /// active inlined calls), for "don't inline" after `trace_limit`.
    pub fn biggest_inlined(&self) -> Option<K> {
        let mut sizes = self.inlined_sizes.clone();
        for f in &self.frames[1..] {
            *sizes.entry(f.entry).or_insert(0) += self.trace.ops.len() - f.start;
        }
        // Deterministic choice on ties: the first in frame order wins.
        let mut best: Option<(K, usize)> = None;
        for f in &self.frames[1..] {
            let n = sizes[&f.entry];
            if best.is_none_or(|b| n > b.1) {
                best = Some((f.entry, n));
            }
        }
        for (&k, &n) in &sizes {
            if best.is_none_or(|b| n > b.1) {
                best = Some((k, n));
            }
        }
        best.map(|b| b.0)
    }

    /// Inlines a call: `callee` (allocated by the current opcode, which
    /// is the call opcode at `call_key`) becomes the innermost frame,
    /// entered at `entry`. The next merge point is the callee's first.
    pub fn push_frame(&mut self, callee: RRef, entry: K, call_key: K) {
        let value = callee.value.expect("inlined call without a frame");
        let kinds = self.vinfo.slot_kinds(value);
        let nf = self.vinfo.fields.len();
        if let Some(ad) = self.vinfo.array {
            let key = (callee.op, ad as *const ArrayDescr as usize);
            match self.lengths.get(&key) {
                Some(OpRef::Const(Const::Int(n))) if *n as usize == kinds.len() - nf => {}
                _ => self.abort("inlined frame of unknown size"),
            }
        }
        let mut shadow = Vec::with_capacity(kinds.len());
        for (i, &kind) in kinds.iter().enumerate() {
            let (dk, idx) = if i < nf {
                (self.vinfo.fields[i] as *const FieldDescr as usize, -1)
            } else {
                let ad = self.vinfo.array.unwrap();
                (ad as *const ArrayDescr as usize, (i - nf) as i64)
            };
            let known = self.exact.get(&callee.op).map(|m| {
                m.get(&(dk, idx)).copied().unwrap_or(match kind {
                    Kind::Int => OpRef::int(0),
                    Kind::Float => OpRef::float(0.0),
                    _ => OpRef::ptr(None),
                })
            });
            let op = match known {
                Some(op) => op,
                None if i < nf => {
                    let d = self.vinfo.fields[i];
                    let opc = match kind {
                        Kind::Int => Opcode::GetfieldGcI,
                        Kind::Float => Opcode::GetfieldGcF,
                        _ => Opcode::GetfieldGcR,
                    };
                    let mut cc = Concrete;
                    let c = match kind {
                        Kind::Int => Const::Int(cc.getfield_i(Some(value), d)),
                        Kind::Float => Const::float(cc.getfield_f(Some(value), d)),
                        _ => Const::Ref(cc.getfield_r(Some(value), d)),
                    };
                    self.field_read(opc, callee, d, c)
                }
                None => {
                    let ad = self.vinfo.array.unwrap();
                    let c = Const::Ref(Concrete.getarrayitem_r(Some(value), ad, idx));
                    let i = self.const_int(idx);
                    self.item_read(Opcode::GetarrayitemGcR, callee, ad, i, c)
                }
            };
            shadow.push(op);
        }
        self.frames.last_mut().unwrap().call_key = call_key;
        let start = self.trace.ops.len();
        self.frames.push(RecFrame {
            op: callee.op,
            value,
            snapshot: shadow.clone(),
            shadow,
            entry,
            call_key: entry,
            start,
        });
    }

    /// Ends the innermost inlined call (its frame returned) and returns
    /// the callee frame. The caller's current opcode is now the second
    /// half of its call opcode; guards in it resume there.
    pub fn pop_frame(&mut self) -> RRef {
        assert!(self.frames.len() > 1, "pop_frame of the traced frame");
        let f = self.frames.pop().unwrap();
        *self.inlined_sizes.entry(f.entry).or_insert(0) += self.trace.ops.len() - f.start;
        let caller = self.frames.last_mut().unwrap();
        caller.snapshot.clone_from(&caller.shadow);
        self.key = caller.call_key;
        self.after_call = Some(f.op);
        self.log.clear();
        self.guards_in_op = 0;
        RRef {
            value: Some(f.value),
            op: f.op,
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
    /// The second argument of `debug_merge_point` is the call depth.
    pub fn merge_point(&mut self, key: K, text: &str) {
        let depth = OpRef::int(self.depth() as i64);
        self.emit(
            Op::new(Opcode::DebugMergePoint, vec![OpRef::int(0), depth])
                .with_descr(Descr::Debug(Arc::from(text))),
        );
        self.key = key;
        self.after_call = None;
        let f = self.frames.last_mut().unwrap();
        f.snapshot.clone_from(&f.shadow);
        self.log.clear();
        self.guards_in_op = 0;
    }

    /// Ends the trace with a `jump` carrying the frame and the shadow to
    /// the label `target` (of this trace or of a compiled one).
    pub fn close(mut self, target: TargetToken) -> Result<Trace, String> {
        if self.frames.len() > 1 {
            self.abort("trace closed inside an inlined call");
        }
        let mut args = vec![OpRef::Input(0)];
        args.extend(self.frames[0].shadow.iter().copied());
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
            self.abort(crate::driver::TOO_LONG);
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
        let top = self.frames.len() - 1;
        let mut frames = Vec::with_capacity(self.frames.len());
        for d in (0..=top).rev() {
            let f = &self.frames[d];
            let slots: Vec<Tagged> = f
                .snapshot
                .iter()
                .map(|&r| self.tag(r, &mut fail, &mut index))
                .collect();
            let callee = if d == top {
                self.after_call
            } else {
                Some(self.frames[d + 1].op)
            };
            frames.push(FrameSnapshot {
                frame: (d > 0).then(|| self.tag(f.op, &mut fail, &mut index)),
                entry: f.entry,
                key: if d == top { self.key } else { f.call_key },
                slots,
                callee: callee.map(|c| self.tag(c, &mut fail, &mut index)),
            });
        }
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
        let rd = ResumeData::new(frames, log, self.guards_in_op);
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
        for f in self.frames.iter_mut() {
            for s in f.shadow.iter_mut() {
                if *s == r {
                    *s = OpRef::Const(c);
                }
            }
        }
    }

    /// Keeps [`Self::exact`] right after a write of `v` at `(dk, idx)` of
    /// `r` (`idx` `None`: an unknown array index).
    fn note_write(&mut self, r: OpRef, dk: usize, idx: Option<i64>, v: OpRef) {
        if let Some(m) = self.exact.get_mut(&r) {
            match idx {
                Some(i) => {
                    m.insert((dk, i), v);
                }
                None => {
                    self.exact.remove(&r);
                }
            }
        } else if !matches!(r, OpRef::Input(_) | OpRef::Const(_)) && !self.fresh.contains(&r) {
            // `r` may be one of the fresh objects under another name.
            self.exact.clear();
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
        self.field_store(r, d, v);
        self.log.push(LogOp::Done);
    }

    /// A recorded field store (heap cache kept up to date), not logged.
    fn field_store(&mut self, r: RRef, d: &'static FieldDescr, v: OpRef) {
        self.note_write(r.op, d as *const FieldDescr as usize, Some(-1), v);
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
        self.item_store(r, d, i.op, v);
        self.log.push(LogOp::Done);
    }

    /// A recorded array store (heap cache kept up to date), not logged.
    fn item_store(&mut self, r: RRef, d: &'static ArrayDescr, i: OpRef, v: OpRef) {
        let dk = d as *const ArrayDescr as usize;
        let ci = match i {
            OpRef::Const(Const::Int(n)) => Some(n),
            _ => None,
        };
        self.note_write(r.op, dk, ci, v);
        self.emit(Op::new(Opcode::SetarrayitemGc, vec![r.op, i, v]).with_descr(Descr::Array(d)));
        // Entries that cannot be this item survive: another constant index
        // of the same array, or another object when one of the two was
        // allocated by this trace (a fresh object is no other object).
        let fresh = &self.fresh;
        let old = |o: OpRef| matches!(o, OpRef::Input(_) | OpRef::Const(_));
        let new_or_old = |o: OpRef| fresh.contains(&o) || old(o);
        let distinct = |o: OpRef| {
            o != r.op
                && (fresh.contains(&o) && new_or_old(r.op)
                    || fresh.contains(&r.op) && new_or_old(o))
        };
        self.items.retain(|k, _| {
            k.1 != dk
                || distinct(k.0)
                || (k.0 == r.op && ci.is_some() && k.2.is_const() && k.2 != i)
        });
        self.items.insert((r.op, dk, i), (v, d));
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
            self.exact.clear();
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

    /// Which active frame `f` is.
    fn frame_index(&self, f: RRef) -> Option<usize> {
        self.frames.iter().rposition(|fr| fr.op == f.op)
    }

    /// The shadow slot (frame, slot) of a virtualizable field of an
    /// active frame.
    fn vfield(&self, f: RRef, d: &'static FieldDescr) -> Option<(usize, usize)> {
        Some((self.frame_index(f)?, self.vinfo.field_index(d)?))
    }

    fn vitem(&mut self, f: RRef, d: &'static ArrayDescr, i: usize) -> Option<(usize, usize)> {
        let fi = self.frame_index(f)?;
        if !self.vinfo.array.is_some_and(|a| std::ptr::eq(a, d)) {
            return None;
        }
        let slot = self.vinfo.fields.len() + i;
        if slot >= self.frames[fi].shadow.len() {
            self.abort("virtualizable array index out of range");
            return None;
        }
        Some((fi, slot))
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

impl<K: Copy + Eq + std::hash::Hash + 'static> Tracer for Recorder<K> {
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
        self.exact.insert(
            op,
            HashMap::from([(
                (cd as *const FieldDescr as usize, -1),
                OpRef::ptr(Some(class)),
            )]),
        );
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
        self.exact.insert(op, HashMap::new());
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
        self.exact.insert(op, HashMap::new());
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
            Some((fi, s)) => self.frames[fi].shadow[s],
            None => self.field_read(Opcode::GetfieldGcI, f, d, Const::Int(v)),
        };
        RInt { value: v, op }
    }
    fn vable_getfield_r(&mut self, f: RRef, d: &'static FieldDescr) -> RRef {
        let v = self.c.vable_getfield_r(f.value, d);
        let op = match self.vfield(f, d) {
            Some((fi, s)) => self.frames[fi].shadow[s],
            None => self.field_read(Opcode::GetfieldGcR, f, d, Const::Ref(v)),
        };
        RRef { value: v, op }
    }
    fn vable_setfield_i(&mut self, f: RRef, d: &'static FieldDescr, v: RInt) {
        self.c.vable_setfield_i(f.value, d, v.value);
        match self.vfield(f, d) {
            Some((fi, s)) => self.frames[fi].shadow[s] = v.op,
            None => self.field_store(f, d, v.op),
        }
    }
    fn vable_setfield_r(&mut self, f: RRef, d: &'static FieldDescr, v: RRef) {
        self.c.vable_setfield_r(f.value, d, v.value);
        match self.vfield(f, d) {
            Some((fi, s)) => self.frames[fi].shadow[s] = v.op,
            None => self.field_store(f, d, v.op),
        }
    }
    fn vable_getitem_r(&mut self, f: RRef, d: &'static ArrayDescr, i: usize) -> RRef {
        let v = self.c.vable_getitem_r(f.value, d, i);
        let op = match self.vitem(f, d, i) {
            Some((fi, s)) => self.frames[fi].shadow[s],
            None => {
                let idx = self.const_int(i as i64);
                self.item_read(Opcode::GetarrayitemGcR, f, d, idx, Const::Ref(v))
            }
        };
        RRef { value: v, op }
    }
    fn vable_setitem_r(&mut self, f: RRef, d: &'static ArrayDescr, i: usize, v: RRef) {
        self.c.vable_setitem_r(f.value, d, i, v.value);
        match self.vitem(f, d, i) {
            Some((fi, s)) => self.frames[fi].shadow[s] = v.op,
            None => self.item_store(f, d, OpRef::int(i as i64), v.op),
        }
    }
}

impl<K: Copy + Eq + std::hash::Hash + 'static> Recorder<K> {
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

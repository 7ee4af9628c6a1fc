//! The `ir` backend: an interpreter of traces, the reference semantics.
//!
//! Problem: every other backend, the optimizer and the fuzz tests need an
//! oracle that says what a trace means, simple enough to trust by reading.
//!
//! Approach: "compiling" validates a trace, resolves its jump targets and
//! keeps it. Executing walks the ops with one machine word per value
//! (inputs first, then one slot per op), exactly as compiled code would
//! hold them in registers: integers as themselves, floats as bits,
//! references as addresses. Memory is read and written through descrs with
//! the same helpers as `Concrete`; residual calls go through
//! `CallDescr::invoke`; allocation through `kiln_gc::alloc`. A `jump`
//! assigns its args to its label's args and continues after the label,
//! possibly in another trace; a failing guard with a bridge continues in
//! the bridge, otherwise execution returns the guard and its fail values.
//!
//! ```text
//! [i0]
//! label(i0, descr=TargetToken(1))
//! i1 = int_lt(i0, 10)          slot 2 = (slot 0 < 10)
//! guard_true(i1) [i0]          slot 2 == 0 -> DeadFrame { Guard, [slot 0] }
//! i2 = int_add(i0, 1)
//! jump(i2, descr=TargetToken(1))   slot 0 = slot 4; continue after label
//! ```
//!
//! Invariants: every value slot of kind Ref is registered as a GC root for
//! as long as the execution may use it (the slots are on the Rust heap,
//! which the conservative stack scan does not see). Operations have
//! exactly the semantics of the `Concrete` tracer methods that record them
//! (checked by the property tests in `tests/prop_tracer.rs`).

use super::{Backend, CompileError, DeadFrame, Exit, GuardId, TraceId, Value};
use crate::concrete::{read_int, write_int};
use crate::descr::{ArrayDescr, FieldDescr, Kind};
use crate::ir::{Descr, Op, OpRef, Opcode, TargetToken, Trace};
use kiln_gc::GcRef;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::Ordering;

/// Where a `jump` goes: a trace and the index of a label in it (or `None`
/// for the start of the trace, rebinding its inputs).
#[derive(Clone, Copy, Debug)]
struct JumpTarget {
    trace: TraceId,
    label: Option<usize>,
}

struct Compiled {
    trace: Trace,
    /// For each guard op index, the bridge attached to it.
    bridges: RefCell<HashMap<u32, TraceId>>,
    invalidated: Cell<bool>,
    /// Where this trace's final `jump` goes (if it ends with one).
    jump: Option<JumpTarget>,
    /// The root loop this trace belongs to (itself for a loop).
    root: TraceId,
    /// Slots holding references (registered as GC roots while running).
    ref_slots: Vec<usize>,
}

impl Compiled {
    fn slot(&self, r: OpRef) -> usize {
        match r {
            OpRef::Input(i) => i as usize,
            OpRef::Op(i) => self.trace.inputs.len() + i as usize,
            OpRef::Const(_) => panic!("constant has no slot"),
        }
    }
    fn nslots(&self) -> usize {
        self.trace.inputs.len() + self.trace.ops.len()
    }
}

/// The reference backend. Cheap to create; holds every compiled trace.
#[derive(Default)]
pub struct IrBackend {
    traces: RefCell<Vec<Rc<Compiled>>>,
    targets: RefCell<HashMap<TargetToken, (TraceId, usize)>>,
    /// Ops executed so far (all executions), for tests and statistics.
    ops_executed: Cell<u64>,
}

impl IrBackend {
    pub fn new() -> IrBackend {
        IrBackend::default()
    }

    /// The trace compiled under `id`.
    pub fn trace(&self, id: TraceId) -> Trace {
        self.get(id).trace.clone()
    }

    /// The bridge attached to a guard, if any.
    pub fn bridge_of(&self, g: GuardId) -> Option<TraceId> {
        self.get(g.trace).bridges.borrow().get(&g.op).copied()
    }

    /// Total number of ops executed by this backend.
    pub fn ops_executed(&self) -> u64 {
        self.ops_executed.get()
    }

    fn get(&self, id: TraceId) -> Rc<Compiled> {
        self.traces.borrow()[id.0 as usize].clone()
    }

    fn add(&self, trace: &Trace, root: Option<TraceId>) -> Result<TraceId, CompileError> {
        trace.check().map_err(CompileError::Invalid)?;
        let id = TraceId(self.traces.borrow().len() as u32);
        let root = root.unwrap_or(id);
        // Register this trace's labels first, so it may jump to itself.
        let mut own = HashMap::new();
        for (i, op) in trace.ops.iter().enumerate() {
            if op.opcode == Opcode::Label {
                if let Some(t) = op.descr.as_ref().and_then(Descr::as_target) {
                    if own.insert(t, i).is_some() || self.targets.borrow().contains_key(&t) {
                        return Err(CompileError::Invalid(format!("label {t:?} defined twice")));
                    }
                }
            }
        }
        let last_label = trace.ops.iter().rposition(|op| op.opcode == Opcode::Label);
        let jump = match trace.ops.last() {
            Some(op) if op.opcode == Opcode::Jump => {
                let target = match op.descr.as_ref().and_then(Descr::as_target) {
                    Some(t) => match own.get(&t) {
                        Some(&i) => JumpTarget {
                            trace: id,
                            label: Some(i),
                        },
                        None => {
                            let (tr, i) = *self
                                .targets
                                .borrow()
                                .get(&t)
                                .ok_or_else(|| CompileError::UnknownTarget(format!("{t:?}")))?;
                            JumpTarget {
                                trace: tr,
                                label: Some(i),
                            }
                        }
                    },
                    None if last_label.is_some() => JumpTarget {
                        trace: id,
                        label: last_label,
                    },
                    None => {
                        let r = if root == id {
                            None
                        } else {
                            Some(self.get(root))
                        };
                        let label = r.as_ref().and_then(|r| {
                            r.trace
                                .ops
                                .iter()
                                .rposition(|op| op.opcode == Opcode::Label)
                        });
                        JumpTarget { trace: root, label }
                    }
                };
                let (want, what): (Vec<Kind>, _) = if target.trace == id {
                    (
                        match target.label {
                            Some(l) => trace.ops[l]
                                .args
                                .iter()
                                .map(|&a| trace.kind_of(a))
                                .collect(),
                            None => trace.inputs.clone(),
                        },
                        "label",
                    )
                } else {
                    let t = self.get(target.trace);
                    (
                        match target.label {
                            Some(l) => t.trace.ops[l]
                                .args
                                .iter()
                                .map(|&a| t.trace.kind_of(a))
                                .collect(),
                            None => t.trace.inputs.clone(),
                        },
                        "target",
                    )
                };
                let got: Vec<Kind> = op.args.iter().map(|&a| trace.kind_of(a)).collect();
                if got != want {
                    return Err(CompileError::Invalid(format!(
                        "jump args {got:?} do not match {what} {want:?}"
                    )));
                }
                Some(target)
            }
            _ => None,
        };
        let nin = trace.inputs.len();
        let mut ref_slots: Vec<usize> =
            (0..nin).filter(|&i| trace.inputs[i] == Kind::Ref).collect();
        ref_slots.extend(
            trace
                .ops
                .iter()
                .enumerate()
                .filter(|(_, op)| op.result() == Kind::Ref)
                .map(|(i, _)| nin + i),
        );
        let c = Compiled {
            trace: trace.clone(),
            bridges: RefCell::new(HashMap::new()),
            invalidated: Cell::new(false),
            jump,
            root,
            ref_slots,
        };
        self.traces.borrow_mut().push(Rc::new(c));
        let mut targets = self.targets.borrow_mut();
        for (t, i) in own {
            targets.insert(t, (id, i));
        }
        Ok(id)
    }
}

/// The value slots of one trace during one execution, registered as roots.
struct Frame {
    vals: Vec<u64>,
    rooted: Vec<*mut Option<GcRef>>,
}

impl Frame {
    fn new(c: &Compiled) -> Frame {
        let mut vals = vec![0u64; c.nslots()];
        let base = vals.as_mut_ptr();
        // `vals` never grows, so these slot addresses stay valid.
        let rooted: Vec<*mut Option<GcRef>> = c
            .ref_slots
            .iter()
            // SAFETY: every index in ref_slots is < nslots.
            .map(|&s| unsafe { base.add(s) } as *mut Option<GcRef>)
            .collect();
        for &r in &rooted {
            kiln_gc::add_root(r);
        }
        Frame { vals, rooted }
    }
}

impl Drop for Frame {
    fn drop(&mut self) {
        for &r in &self.rooted {
            kiln_gc::remove_root(r);
        }
    }
}

#[inline]
fn addr(w: u64) -> *mut u8 {
    assert!(w != 0, "null reference dereferenced in compiled trace");
    w as usize as *mut u8
}

/// Reads a field as a machine word.
///
/// # Safety
/// `obj` is a live object whose layout has field `d`.
unsafe fn read_field(obj: u64, d: &FieldDescr) -> u64 {
    // SAFETY: guaranteed by the caller.
    unsafe {
        let p = addr(obj).add(d.offset);
        match d.kind {
            Kind::Int => read_int(p, d.size, d.unsigned) as u64,
            Kind::Float | Kind::Ref => (p as *const u64).read(),
            Kind::Void => panic!("void field {}", d.name),
        }
    }
}

/// Writes a machine word into a field.
///
/// # Safety
/// `obj` is a live object whose layout has field `d`.
unsafe fn write_field(obj: u64, d: &FieldDescr, v: u64) {
    // SAFETY: guaranteed by the caller.
    unsafe {
        let p = addr(obj).add(d.offset);
        match d.kind {
            Kind::Int => write_int(p, d.size, v as i64),
            Kind::Float => (p as *mut u64).write(v),
            Kind::Ref => {
                (p as *mut u64).write(v);
                kiln_gc::write_barrier(GcRef::from_addr(obj as usize));
            }
            Kind::Void => panic!("void field {}", d.name),
        }
    }
}

/// Address of item `i` of array `obj`.
///
/// # Safety
/// `obj` is a live array of layout `d` and `i` is in bounds.
unsafe fn item_ptr(obj: u64, d: &ArrayDescr, i: u64) -> *mut u8 {
    // SAFETY: guaranteed by the caller.
    unsafe { addr(obj).add(d.base_offset + (i as usize) * d.item_size) }
}

fn floor_div(a: i64, b: i64) -> i64 {
    let (q, r) = (a.wrapping_div(b), a.wrapping_rem(b));
    if r != 0 && ((r < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

fn floor_mod(a: i64, b: i64) -> i64 {
    let r = a.wrapping_rem(b);
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

fn f(w: u64) -> f64 {
    f64::from_bits(w)
}

fn b(c: bool) -> u64 {
    c as u64
}

/// Result of one pure or overflow op, or `None` if `op` is not one.
fn eval_arith(opc: Opcode, a: &[u64]) -> Option<(u64, bool)> {
    use Opcode::*;
    let i = |k: usize| a[k] as i64;
    let ovf = |r: Option<i64>, w: i64| match r {
        Some(v) => (v as u64, false),
        None => (w as u64, true),
    };
    Some(match opc {
        IntAdd => ((i(0).wrapping_add(i(1))) as u64, false),
        IntSub => ((i(0).wrapping_sub(i(1))) as u64, false),
        IntMul => ((i(0).wrapping_mul(i(1))) as u64, false),
        IntAnd => (a[0] & a[1], false),
        IntOr => (a[0] | a[1], false),
        IntXor => (a[0] ^ a[1], false),
        IntLshift => (a[0] << (a[1] & 63), false),
        IntRshift => ((i(0) >> (a[1] & 63)) as u64, false),
        IntNeg => ((i(0).wrapping_neg()) as u64, false),
        IntInvert => (!a[0], false),
        IntPyDiv => (floor_div(i(0), i(1)) as u64, false),
        IntPyMod => (floor_mod(i(0), i(1)) as u64, false),
        IntLt => (b(i(0) < i(1)), false),
        IntLe => (b(i(0) <= i(1)), false),
        IntEq => (b(a[0] == a[1]), false),
        IntNe => (b(a[0] != a[1]), false),
        IntGt => (b(i(0) > i(1)), false),
        IntGe => (b(i(0) >= i(1)), false),
        IntIsZero => (b(a[0] == 0), false),
        IntIsTrue => (b(a[0] != 0), false),
        IntAddOvf => ovf(i(0).checked_add(i(1)), i(0).wrapping_add(i(1))),
        IntSubOvf => ovf(i(0).checked_sub(i(1)), i(0).wrapping_sub(i(1))),
        IntMulOvf => ovf(i(0).checked_mul(i(1)), i(0).wrapping_mul(i(1))),
        FloatAdd => ((f(a[0]) + f(a[1])).to_bits(), false),
        FloatSub => ((f(a[0]) - f(a[1])).to_bits(), false),
        FloatMul => ((f(a[0]) * f(a[1])).to_bits(), false),
        FloatTruediv => ((f(a[0]) / f(a[1])).to_bits(), false),
        FloatNeg => (a[0] ^ (1 << 63), false),
        FloatAbs => (a[0] & !(1 << 63), false),
        FloatLt => (b(f(a[0]) < f(a[1])), false),
        FloatLe => (b(f(a[0]) <= f(a[1])), false),
        FloatEq => (b(f(a[0]) == f(a[1])), false),
        FloatNe => (b(f(a[0]) != f(a[1])), false),
        FloatGt => (b(f(a[0]) > f(a[1])), false),
        FloatGe => (b(f(a[0]) >= f(a[1])), false),
        CastIntToFloat => ((i(0) as f64).to_bits(), false),
        CastFloatToInt => ((f(a[0]) as i64) as u64, false),
        PtrEq => (b(a[0] == a[1]), false),
        PtrNe => (b(a[0] != a[1]), false),
        PtrIsNull => (b(a[0] == 0), false),
        PtrNonnull => (b(a[0] != 0), false),
        SameAsI | SameAsF | SameAsR => (a[0], false),
        _ => return None,
    })
}

impl IrBackend {
    fn run(&self, mut cur: Rc<Compiled>, mut id: TraceId, inputs: &[u64]) -> DeadFrame {
        let mut frames: HashMap<TraceId, Frame> = HashMap::new();
        let mut frame = Frame::new(&cur);
        frame.vals[..inputs.len()].copy_from_slice(inputs);
        let mut pc = 0usize;
        let mut ovf = false;
        let mut forced = false;
        let mut args: Vec<u64> = Vec::with_capacity(8);
        let mut executed = 0u64;
        let result = loop {
            let op: &Op = &cur.trace.ops[pc];
            executed += 1;
            args.clear();
            for &a in &op.args {
                args.push(match a {
                    OpRef::Const(c) => c.to_word(),
                    r => frame.vals[cur.slot(r)],
                });
            }
            let out_slot = cur.trace.inputs.len() + pc;
            let opc = op.opcode;
            if let Some((v, o)) = eval_arith(opc, &args) {
                frame.vals[out_slot] = v;
                if opc.is_ovf() {
                    ovf = o;
                }
                pc += 1;
                continue;
            }
            use Opcode::*;
            let mut guard_ok = true;
            match opc {
                GuardTrue => guard_ok = args[0] != 0,
                GuardFalse => guard_ok = args[0] == 0,
                GuardValue => guard_ok = args[0] == args[1],
                GuardClass => {
                    let d = op.descr.as_ref().and_then(Descr::as_field).unwrap();
                    // SAFETY: guard_class is only recorded on objects whose
                    // layout has the class field `d` (the tracer read it).
                    guard_ok = unsafe { read_field(args[0], d) } == args[1];
                }
                GuardNonnull => guard_ok = args[0] != 0,
                GuardIsnull => guard_ok = args[0] == 0,
                GuardNoOverflow => guard_ok = !ovf,
                GuardOverflow => guard_ok = ovf,
                GuardNoException => guard_ok = !super::exception_pending(),
                GuardNotForced => guard_ok = !forced,
                GuardNotInvalidated => guard_ok = !cur.invalidated.get(),
                GetfieldGcI | GetfieldGcF | GetfieldGcR => {
                    let d = op.descr.as_ref().and_then(Descr::as_field).unwrap();
                    // SAFETY: the trace reads a field of the object's layout.
                    frame.vals[out_slot] = unsafe { read_field(args[0], d) };
                }
                SetfieldGc => {
                    let d = op.descr.as_ref().and_then(Descr::as_field).unwrap();
                    // SAFETY: the trace writes a field of the object's layout.
                    unsafe { write_field(args[0], d, args[1]) };
                }
                ArraylenGc => {
                    let d = op.descr.as_ref().and_then(Descr::as_array).unwrap();
                    // SAFETY: arrays of layout `d` hold their length there.
                    frame.vals[out_slot] =
                        unsafe { (addr(args[0]).add(d.len_offset) as *const u64).read() };
                }
                GetarrayitemGcI | GetarrayitemGcF | GetarrayitemGcR => {
                    let d = op.descr.as_ref().and_then(Descr::as_array).unwrap();
                    // SAFETY: traces index arrays only after bounds checks.
                    frame.vals[out_slot] = unsafe {
                        let p = item_ptr(args[0], d, args[1]);
                        match d.kind {
                            Kind::Int => read_int(p, d.item_size, false) as u64,
                            _ => (p as *const u64).read(),
                        }
                    };
                }
                SetarrayitemGc => {
                    let d = op.descr.as_ref().and_then(Descr::as_array).unwrap();
                    // SAFETY: traces index arrays only after bounds checks.
                    unsafe {
                        let p = item_ptr(args[0], d, args[1]);
                        match d.kind {
                            Kind::Int => write_int(p, d.item_size, args[2] as i64),
                            Kind::Ref => {
                                (p as *mut u64).write(args[2]);
                                kiln_gc::write_barrier(GcRef::from_addr(args[0] as usize));
                            }
                            _ => (p as *mut u64).write(args[2]),
                        }
                    }
                }
                New => {
                    let Some(Descr::Size(d)) = &op.descr else {
                        unreachable!("checked")
                    };
                    let r = kiln_gc::alloc(d.type_id.load(Ordering::Relaxed), d.size);
                    frame.vals[out_slot] = r.addr() as u64;
                }
                NewWithVtable => {
                    let Some(Descr::Vtable(d, cls)) = &op.descr else {
                        unreachable!("checked")
                    };
                    let r = kiln_gc::alloc(d.type_id.load(Ordering::Relaxed), d.size);
                    frame.vals[out_slot] = r.addr() as u64;
                    // SAFETY: the fresh object has the layout of `d`, which
                    // includes the class field `cls`.
                    unsafe { write_field(r.addr() as u64, cls, args[0]) };
                }
                NewArray => {
                    let d = op.descr.as_ref().and_then(Descr::as_array).unwrap();
                    let len = args[1] as usize;
                    let r = kiln_gc::alloc(args[0] as u32, d.base_offset + len * d.item_size);
                    // SAFETY: the fresh object is big enough for its length word.
                    unsafe { (r.as_ptr::<u8>().add(d.len_offset) as *mut u64).write(len as u64) };
                    frame.vals[out_slot] = r.addr() as u64;
                }
                CallI | CallF | CallR | CallN | CallPureI | CallPureF | CallPureR | CallPureN
                | CallMayForceI | CallMayForceF | CallMayForceR | CallMayForceN => {
                    let d = op.descr.as_ref().and_then(Descr::as_call).unwrap();
                    assert_eq!(args.len(), d.args.len(), "arity of call to {}", d.name);
                    let may_force = opc.is_call_may_force();
                    let saved = if may_force {
                        super::begin_may_force()
                    } else {
                        false
                    };
                    // SAFETY: the CallDescr's contract: `func` takes
                    // `args.len()` machine words and returns one.
                    let w = unsafe { d.invoke(&args) };
                    if may_force {
                        forced = super::end_may_force(saved);
                    }
                    if opc.has_result() {
                        frame.vals[out_slot] = w;
                    }
                }
                Label | DebugMergePoint => {}
                Finish => {
                    let values = op
                        .args
                        .iter()
                        .zip(&args)
                        .map(|(&a, &w)| Value::from_word(cur.trace.kind_of(a), w))
                        .collect();
                    break DeadFrame {
                        exit: Exit::Finish,
                        values,
                    };
                }
                Jump => {
                    let t = cur.jump.expect("jump resolved at compile time");
                    if t.trace != id {
                        let next = self.get(t.trace);
                        let fr = frames.remove(&t.trace).unwrap_or_else(|| Frame::new(&next));
                        frames.insert(id, std::mem::replace(&mut frame, fr));
                        cur = next;
                        id = t.trace;
                    }
                    match t.label {
                        Some(l) => {
                            for (k, &a) in cur.trace.ops[l].args.iter().enumerate() {
                                let s = cur.slot(a);
                                frame.vals[s] = args[k];
                            }
                            pc = l + 1;
                        }
                        None => {
                            frame.vals[..args.len()].copy_from_slice(&args);
                            pc = 0;
                        }
                    }
                    continue;
                }
                _ => unreachable!("op {} not handled by the ir backend", opc),
            }
            if !guard_ok {
                let fa = op.fail_args.as_ref().expect("guard has fail_args");
                let words: Vec<u64> = fa
                    .iter()
                    .map(|&a| match a {
                        OpRef::Const(c) => c.to_word(),
                        r => frame.vals[cur.slot(r)],
                    })
                    .collect();
                let bridge = cur.bridges.borrow().get(&(pc as u32)).copied();
                match bridge {
                    Some(bid) => {
                        let next = self.get(bid);
                        let mut fr = frames.remove(&bid).unwrap_or_else(|| Frame::new(&next));
                        fr.vals[..words.len()].copy_from_slice(&words);
                        frames.insert(id, std::mem::replace(&mut frame, fr));
                        cur = next;
                        id = bid;
                        pc = 0;
                        continue;
                    }
                    None => {
                        let values = fa
                            .iter()
                            .zip(words)
                            .map(|(&a, w)| Value::from_word(cur.trace.kind_of(a), w))
                            .collect();
                        break DeadFrame {
                            exit: Exit::Guard(GuardId {
                                trace: id,
                                op: pc as u32,
                            }),
                            values,
                        };
                    }
                }
            }
            pc += 1;
        };
        self.ops_executed.set(self.ops_executed.get() + executed);
        result
    }
}

impl Backend for IrBackend {
    fn name(&self) -> &'static str {
        "ir"
    }

    fn compile_loop(&self, trace: &Trace) -> Result<TraceId, CompileError> {
        self.add(trace, None)
    }

    fn compile_bridge(&self, guard: GuardId, trace: &Trace) -> Result<TraceId, CompileError> {
        let parent = {
            let traces = self.traces.borrow();
            traces
                .get(guard.trace.0 as usize)
                .cloned()
                .ok_or(CompileError::BadGuard(guard))?
        };
        let gop = parent
            .trace
            .ops
            .get(guard.op as usize)
            .filter(|op| op.opcode.is_guard())
            .ok_or(CompileError::BadGuard(guard))?;
        let fa = gop.fail_args.as_ref().expect("guard has fail_args");
        let kinds: Vec<Kind> = fa.iter().map(|&a| parent.trace.kind_of(a)).collect();
        if kinds != trace.inputs {
            return Err(CompileError::BridgeMismatch(format!(
                "guard fail_args {kinds:?}, bridge inputs {:?}",
                trace.inputs
            )));
        }
        let id = self.add(trace, Some(parent.root))?;
        parent.bridges.borrow_mut().insert(guard.op, id);
        Ok(id)
    }

    fn execute(&self, id: TraceId, inputs: &[Value]) -> DeadFrame {
        let c = self.get(id);
        assert_eq!(
            inputs.iter().map(|v| v.kind()).collect::<Vec<_>>(),
            c.trace.inputs,
            "execute: inputs do not match the trace's input args"
        );
        let words: Vec<u64> = inputs.iter().map(|v| v.to_word()).collect();
        self.run(c, id, &words)
    }

    fn invalidate(&self, id: TraceId) {
        let c = self.get(id);
        c.invalidated.set(true);
        let bridges: Vec<TraceId> = c.bridges.borrow().values().copied().collect();
        for b in bridges {
            self.invalidate(b);
        }
    }
}

//! Trace data: operands, descrs, ops and traces.
//!
//! Problem: the recorder, the optimizer passes and the backends exchange
//! traces; they need one plain representation that is cheap to build, easy
//! to rewrite op by op, and comparable in tests.
//!
//! Approach: a [`Trace`] is its typed input arguments plus a `Vec<Op>`.
//! An operand ([`OpRef`]) is an input argument, the result of an earlier op
//! (its index in `ops`), or an inline constant. There is no separate value
//! object: an op *is* its result, as in PyPy's resoperations. Descrs are
//! `&'static` references to the interpreter's descrs, compared by address.
//! Guards carry `fail_args` (the live values at the guard, which the
//! backend hands back when the guard fails) and an opaque resume-data
//! handle filled by the resume module.
//!
//! ```text
//! [i0, p1]                                   inputs: Input(0), Input(1)
//! label(i0, p1, descr=TargetToken(7))        ops[0]
//! i2 = int_add_ovf(i0, 1)                    ops[1] = Op(1), arg Const(Int(1))
//! guard_no_overflow() [i0, p1]               ops[2], fail_args
//! jump(i2, p1, descr=TargetToken(7))         ops[3]
//! ```
//!
//! Invariants (checked by [`Trace::check`]): an op refers only to inputs,
//! earlier ops with a result, and constants; arities and fixed argument
//! kinds agree with the op table; guards have `fail_args`, other ops do
//! not; ops with a descr have one of the right sort. A `label`'s args are
//! inputs or op results (never constants): a `jump` to it reassigns them
//! positionally. Ops after a label that others jump to use only the
//! label's args, later ops and constants.

use super::ops::{DescrUse, Opcode};
use crate::descr::{ArrayDescr, CallDescr, FieldDescr, Kind, SizeDescr};
use kiln_gc::GcRef;
use std::any::Any;
use std::fmt;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// A constant operand. Floats are kept as their bit pattern so constants
/// compare and hash exactly (NaNs and -0.0 included).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Const {
    Int(i64),
    Float(u64),
    Ref(Option<GcRef>),
}

impl Const {
    pub fn float(v: f64) -> Const {
        Const::Float(v.to_bits())
    }
    pub fn kind(self) -> Kind {
        match self {
            Const::Int(_) => Kind::Int,
            Const::Float(_) => Kind::Float,
            Const::Ref(_) => Kind::Ref,
        }
    }
    /// The constant as a machine word (the backends' representation).
    pub fn to_word(self) -> u64 {
        match self {
            Const::Int(v) => v as u64,
            Const::Float(b) => b,
            Const::Ref(r) => r.map_or(0, |r| r.addr() as u64),
        }
    }
}

/// An operand: an input argument, an earlier op's result, or a constant.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum OpRef {
    /// The trace's n-th input argument.
    Input(u32),
    /// The result of `trace.ops[n]`.
    Op(u32),
    Const(Const),
}

impl OpRef {
    pub fn int(v: i64) -> OpRef {
        OpRef::Const(Const::Int(v))
    }
    pub fn float(v: f64) -> OpRef {
        OpRef::Const(Const::float(v))
    }
    pub fn ptr(r: Option<GcRef>) -> OpRef {
        OpRef::Const(Const::Ref(r))
    }
    pub fn is_const(self) -> bool {
        matches!(self, OpRef::Const(_))
    }
    pub fn as_const(self) -> Option<Const> {
        match self {
            OpRef::Const(c) => Some(c),
            _ => None,
        }
    }
}

/// Identity of a `label` that `jump`s target, possibly across traces
/// (a bridge jumping to its loop). Compared by number; fresh tokens come
/// from a global counter far above the numbers written in test texts.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct TargetToken(pub u64);

static NEXT_TARGET: AtomicU64 = AtomicU64::new(1 << 32);

impl TargetToken {
    pub fn fresh() -> TargetToken {
        TargetToken(NEXT_TARGET.fetch_add(1, Ordering::Relaxed))
    }
}

/// What an op's descr refers to. Static descrs compare by address.
#[derive(Clone, Debug)]
pub enum Descr {
    Field(&'static FieldDescr),
    Array(&'static ArrayDescr),
    Size(&'static SizeDescr),
    /// `new_with_vtable`: the size and the field that holds the class.
    Vtable(&'static SizeDescr, &'static FieldDescr),
    Call(&'static CallDescr),
    /// `label` / `jump` target.
    Target(TargetToken),
    /// `debug_merge_point` text (e.g. `"<code f> #12 LOAD_FAST"`).
    Debug(Arc<str>),
}

impl PartialEq for Descr {
    fn eq(&self, other: &Descr) -> bool {
        use Descr::*;
        match (self, other) {
            (Field(a), Field(b)) => std::ptr::eq(*a, *b),
            (Array(a), Array(b)) => std::ptr::eq(*a, *b),
            (Size(a), Size(b)) => std::ptr::eq(*a, *b),
            (Vtable(a, c), Vtable(b, d)) => std::ptr::eq(*a, *b) && std::ptr::eq(*c, *d),
            (Call(a), Call(b)) => std::ptr::eq(*a, *b),
            (Target(a), Target(b)) => a == b,
            (Debug(a), Debug(b)) => a == b,
            _ => false,
        }
    }
}
impl Eq for Descr {}

impl Descr {
    pub fn as_field(&self) -> Option<&'static FieldDescr> {
        match self {
            Descr::Field(d) => Some(d),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&'static ArrayDescr> {
        match self {
            Descr::Array(d) => Some(d),
            _ => None,
        }
    }
    pub fn as_call(&self) -> Option<&'static CallDescr> {
        match self {
            Descr::Call(d) => Some(d),
            _ => None,
        }
    }
    pub fn as_target(&self) -> Option<TargetToken> {
        match self {
            Descr::Target(t) => Some(*t),
            _ => None,
        }
    }
}

/// Opaque resume data of a guard, created and read by the resume module
/// (downcast with [`Resume::downcast`]). Compared by identity.
#[derive(Clone)]
pub struct Resume(pub Rc<dyn Any>);

impl Resume {
    pub fn new<T: Any>(v: T) -> Resume {
        Resume(Rc::new(v))
    }
    pub fn downcast<T: Any>(&self) -> Option<&T> {
        self.0.downcast_ref::<T>()
    }
}

impl PartialEq for Resume {
    fn eq(&self, other: &Resume) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
impl Eq for Resume {}

impl fmt::Debug for Resume {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Resume({:p})", Rc::as_ptr(&self.0) as *const u8)
    }
}

/// One operation. Its result (if its opcode has one) is `OpRef::Op(index)`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Op {
    pub opcode: Opcode,
    pub args: Vec<OpRef>,
    pub descr: Option<Descr>,
    /// Guards only: the values handed back when the guard fails.
    pub fail_args: Option<Vec<OpRef>>,
    /// Guards only: how to rebuild the interpreter state (resume module).
    pub resume: Option<Resume>,
}

impl Op {
    pub fn new(opcode: Opcode, args: Vec<OpRef>) -> Op {
        Op {
            opcode,
            args,
            descr: None,
            fail_args: if opcode.is_guard() {
                Some(Vec::new())
            } else {
                None
            },
            resume: None,
        }
    }
    pub fn with_descr(mut self, d: Descr) -> Op {
        self.descr = Some(d);
        self
    }
    pub fn with_fail_args(mut self, fa: Vec<OpRef>) -> Op {
        self.fail_args = Some(fa);
        self
    }
    pub fn with_resume(mut self, r: Resume) -> Op {
        self.resume = Some(r);
        self
    }
    pub fn arg(&self, i: usize) -> OpRef {
        self.args[i]
    }
    pub fn result(&self) -> Kind {
        self.opcode.result()
    }
}

/// A linear trace: typed input arguments and ops. A loop is
/// `label(inputs) ... jump(args)`; a bridge is `inputs ... jump/finish`,
/// its inputs being the failing guard's `fail_args`.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Trace {
    pub inputs: Vec<Kind>,
    pub ops: Vec<Op>,
}

impl Trace {
    pub fn new(inputs: Vec<Kind>) -> Trace {
        Trace {
            inputs,
            ops: Vec::new(),
        }
    }

    /// Appends an op and returns the operand naming its result.
    pub fn push(&mut self, op: Op) -> OpRef {
        self.ops.push(op);
        OpRef::Op(self.ops.len() as u32 - 1)
    }

    /// The operands naming the input arguments.
    pub fn input_refs(&self) -> Vec<OpRef> {
        (0..self.inputs.len() as u32).map(OpRef::Input).collect()
    }

    /// The kind of an operand of this trace.
    pub fn kind_of(&self, r: OpRef) -> Kind {
        match r {
            OpRef::Input(i) => self.inputs[i as usize],
            OpRef::Op(i) => self.ops[i as usize].result(),
            OpRef::Const(c) => c.kind(),
        }
    }

    /// Index of the op that is the `label` with this target, if any.
    pub fn find_label(&self, t: TargetToken) -> Option<usize> {
        self.ops.iter().position(|op| {
            op.opcode == Opcode::Label && op.descr.as_ref().and_then(Descr::as_target) == Some(t)
        })
    }

    /// Number of guards in the trace.
    pub fn num_guards(&self) -> usize {
        self.ops.iter().filter(|op| op.opcode.is_guard()).count()
    }

    /// Checks the invariants of the module docs.
    pub fn check(&self) -> Result<(), String> {
        for (i, op) in self.ops.iter().enumerate() {
            let err = |m: String| Err(format!("op {i} ({}): {m}", op.opcode));
            if let Some(n) = op.opcode.arity() {
                if op.args.len() != n {
                    return err(format!("{} args, expected {n}", op.args.len()));
                }
            }
            let check_ref = |r: OpRef| -> Result<Kind, String> {
                match r {
                    OpRef::Input(k) if (k as usize) < self.inputs.len() => {
                        Ok(self.inputs[k as usize])
                    }
                    OpRef::Input(k) => Err(format!("no input {k}")),
                    OpRef::Op(k) if (k as usize) < i => {
                        let kind = self.ops[k as usize].result();
                        if kind == Kind::Void {
                            Err(format!("op {k} has no result"))
                        } else {
                            Ok(kind)
                        }
                    }
                    OpRef::Op(k) => Err(format!("op {k} is not defined before")),
                    OpRef::Const(c) => Ok(c.kind()),
                }
            };
            let mut kinds = Vec::with_capacity(op.args.len());
            for &a in &op.args {
                match check_ref(a) {
                    Ok(k) => kinds.push(k),
                    Err(m) => return err(m),
                }
            }
            if let Some(want) = op.opcode.arg_kinds() {
                if want != kinds.as_slice() {
                    return err(format!("arg kinds {kinds:?}, expected {want:?}"));
                }
            }
            if let Some(fa) = &op.fail_args {
                if !op.opcode.is_guard() {
                    return err("fail_args on a non-guard".into());
                }
                for &a in fa {
                    if let Err(m) = check_ref(a) {
                        return err(format!("fail arg: {m}"));
                    }
                }
            } else if op.opcode.is_guard() {
                return err("guard without fail_args".into());
            }
            if op.opcode == Opcode::Label && op.args.iter().any(|a| a.is_const()) {
                return err("label with a constant argument".into());
            }
            match (op.opcode.descr_use(), &op.descr) {
                (DescrUse::Always, None) => return err("missing descr".into()),
                (DescrUse::Never, Some(_)) => return err("unexpected descr".into()),
                _ => {}
            }
            if let Some(d) = &op.descr {
                if !descr_fits(op.opcode, d) {
                    return err(format!("wrong sort of descr {d:?}"));
                }
            }
            if op.opcode.is_final() && i + 1 != self.ops.len() {
                return err("jump/finish before the end of the trace".into());
            }
        }
        Ok(())
    }
}

fn descr_fits(opc: Opcode, d: &Descr) -> bool {
    use super::ops::Category::*;
    use Opcode::*;
    match opc {
        GuardClass | GetfieldGcI | GetfieldGcF | GetfieldGcR | SetfieldGc => {
            matches!(d, Descr::Field(_))
        }
        ArraylenGc | GetarrayitemGcI | GetarrayitemGcF | GetarrayitemGcR | SetarrayitemGc
        | NewArray => matches!(d, Descr::Array(_)),
        New => matches!(d, Descr::Size(_)),
        NewWithVtable => matches!(d, Descr::Vtable(..)),
        Label | Jump => matches!(d, Descr::Target(_)),
        DebugMergePoint => matches!(d, Descr::Debug(_)),
        _ if opc.category() == Call => matches!(d, Descr::Call(_)),
        _ => false,
    }
}

//! The `Backend` trait: turning optimized traces into something runnable.
//!
//! Problem: the driver must compile loops, attach bridges to guards that
//! fail often, run compiled code from the interpreter (OSR entry) and, when
//! code leaves at a guard, learn which guard and the values of its
//! `fail_args` to rebuild the interpreter state. Two backends must do this
//! interchangeably: the `ir` reference interpreter and Cranelift.
//!
//! Approach: a trait over opaque ids. `compile_loop` returns a [`TraceId`];
//! `compile_bridge` attaches a trace to a guard ([`GuardId`] = trace + op
//! index) so that the guard's failure continues in the bridge;
//! `execute` runs until a guard without bridge fails or a `finish` is
//! reached, and returns a [`DeadFrame`]. All methods take `&self` (backends
//! use interior mutability) because compiled code may call back into the
//! interpreter, which may run or compile other traces meanwhile.
//!
//! ```text
//! [i0]                                     id = compile_loop(t)
//! label(i0, descr=TargetToken(1))
//! i1 = int_lt(i0, 100)
//! guard_true(i1) [i0]                      GuardId { trace: id, op: 2 }
//! i2 = int_add(i0, 1)
//! jump(i2, descr=TargetToken(1))           execute(id, [Int(0)]) ->
//!                                          DeadFrame { exit: Guard(..), values: [Int(100)] }
//! ```
//!
//! Invariants: a `DeadFrame`'s values are in the order of the guard's
//! `fail_args` (or the `finish` args). They live in a Rust vector, which
//! the GC does not scan: the caller must store the references somewhere
//! rooted before it allocates. Runtime state shared by all backends (the
//! pending-exception check, the "frame was forced" flag) lives here so that
//! the interpreter sets it without knowing which backend runs.

pub mod ir;

use crate::descr::Kind;
use crate::ir::Trace;
use kiln_gc::GcRef;
use std::cell::Cell;
use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A value crossing the boundary between the interpreter and compiled code.
#[derive(Clone, Copy, Debug)]
pub enum Value {
    Int(i64),
    Float(f64),
    Ref(Option<GcRef>),
}

impl PartialEq for Value {
    /// Floats compare by bit pattern: `NaN == NaN`, `0.0 != -0.0`.
    fn eq(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Ref(a), Value::Ref(b)) => a == b,
            _ => false,
        }
    }
}
impl Eq for Value {}

impl Value {
    pub fn kind(self) -> Kind {
        match self {
            Value::Int(_) => Kind::Int,
            Value::Float(_) => Kind::Float,
            Value::Ref(_) => Kind::Ref,
        }
    }
    /// The machine-word form (floats as bits, references as addresses).
    pub fn to_word(self) -> u64 {
        match self {
            Value::Int(v) => v as u64,
            Value::Float(f) => f.to_bits(),
            Value::Ref(r) => r.map_or(0, |r| r.addr() as u64),
        }
    }
    /// The value of kind `k` whose machine word is `w`.
    pub fn from_word(k: Kind, w: u64) -> Value {
        match k {
            Kind::Int => Value::Int(w as i64),
            Kind::Float => Value::Float(f64::from_bits(w)),
            // SAFETY: words of kind Ref produced by compiled code are 0 or
            // the address of a live GC object.
            Kind::Ref => Value::Ref((w != 0).then(|| unsafe { GcRef::from_addr(w as usize) })),
            Kind::Void => panic!("no value of kind Void"),
        }
    }
    pub fn as_int(self) -> Option<i64> {
        match self {
            Value::Int(v) => Some(v),
            _ => None,
        }
    }
    pub fn as_float(self) -> Option<f64> {
        match self {
            Value::Float(v) => Some(v),
            _ => None,
        }
    }
    pub fn as_ref(self) -> Option<Option<GcRef>> {
        match self {
            Value::Ref(v) => Some(v),
            _ => None,
        }
    }
}

/// A compiled trace (loop or bridge) of one backend.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct TraceId(pub u32);

/// A guard of a compiled trace: the trace and the guard's op index in it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct GuardId {
    pub trace: TraceId,
    pub op: u32,
}

/// Why compiled code returned.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Exit {
    /// This guard failed and has no bridge.
    Guard(GuardId),
    /// A `finish` op was reached.
    Finish,
}

/// The state compiled code leaves behind when it returns.
#[derive(Clone, PartialEq, Debug)]
pub struct DeadFrame {
    pub exit: Exit,
    /// The guard's `fail_args` values, or the `finish` args.
    pub values: Vec<Value>,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub enum CompileError {
    /// The trace breaks an IR invariant.
    Invalid(String),
    /// A `jump` names a label no compiled trace has.
    UnknownTarget(String),
    /// `compile_bridge` on something that is not a guard of a compiled trace.
    BadGuard(GuardId),
    /// The bridge's inputs do not match the guard's `fail_args`.
    BridgeMismatch(String),
    /// The backend cannot handle this trace.
    Unsupported(String),
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompileError::Invalid(m) => write!(f, "invalid trace: {m}"),
            CompileError::UnknownTarget(m) => write!(f, "unknown jump target: {m}"),
            CompileError::BadGuard(g) => write!(f, "not a guard: {g:?}"),
            CompileError::BridgeMismatch(m) => write!(f, "bridge does not fit its guard: {m}"),
            CompileError::Unsupported(m) => write!(f, "unsupported: {m}"),
        }
    }
}

impl std::error::Error for CompileError {}

/// A code generator for traces.
pub trait Backend {
    fn name(&self) -> &'static str;

    /// Compiles a root trace (a loop `label .. jump`, or an entry trace).
    /// Its labels become targets other traces may jump to.
    fn compile_loop(&self, trace: &Trace) -> Result<TraceId, CompileError>;

    /// Compiles `trace` as the bridge of `guard`: when the guard fails,
    /// execution continues in the bridge with the guard's `fail_args`
    /// values as the bridge's inputs. Replaces an earlier bridge.
    fn compile_bridge(&self, guard: GuardId, trace: &Trace) -> Result<TraceId, CompileError>;

    /// Runs compiled trace `id` with `inputs` bound to its input args.
    fn execute(&self, id: TraceId, inputs: &[Value]) -> DeadFrame;

    /// Marks a trace and its bridges invalid: their `guard_not_invalidated`
    /// guards fail from now on.
    fn invalidate(&self, id: TraceId);
}

// ---- runtime state shared by the backends and the interpreter ----

static EXCEPTION_CHECK: AtomicUsize = AtomicUsize::new(0);

/// Installs the function `guard_no_exception` calls to learn whether the
/// last residual call left a pending exception (non-zero = yes).
pub fn set_exception_check(f: extern "C" fn() -> u64) {
    EXCEPTION_CHECK.store(f as usize, Ordering::Relaxed);
}

/// Whether an exception is pending (false if no check is installed).
pub fn exception_pending() -> bool {
    let f = EXCEPTION_CHECK.load(Ordering::Relaxed);
    if f == 0 {
        return false;
    }
    // SAFETY: only `set_exception_check` stores into EXCEPTION_CHECK, and it
    // stores a function pointer of exactly this type.
    let f: extern "C" fn() -> u64 = unsafe { std::mem::transmute::<usize, _>(f) };
    f() != 0
}

thread_local! {
    static FORCED: Cell<bool> = const { Cell::new(false) };
}

/// Called by the code that forces a virtualizable while compiled code
/// owns it: the `guard_not_forced` after the current `call_may_force_*`
/// then fails.
pub fn note_forced() {
    FORCED.with(|f| f.set(true));
}

/// Brackets a `call_may_force_*`: returns the saved flag of any outer
/// call; pass it to [`end_may_force`], which says whether this call forced.
pub fn begin_may_force() -> bool {
    FORCED.with(|f| f.replace(false))
}

/// See [`begin_may_force`].
pub fn end_may_force(saved: bool) -> bool {
    FORCED.with(|f| f.replace(saved))
}

//! Guards that fail in the middle of an opcode, after the opcode has
//! already had side effects in compiled code: resuming must finish the
//! opcode (through `Replay`) without doing those effects a second time.
//!
//! A test-only interpreter with one real opcode, `STEP`, whose handler
//! writes a heap object, calls a residual helper with an external effect,
//! *then* decides (a guard), then writes again on one branch only, and
//! finally decides whether to loop:
//!
//! ```text
//! STEP:  counters.steps += 1          setfield_gc      (effect 1)
//!        log(i)                       call_n           (effect 2)
//!        if i % 3 == 0:               guard_false / guard_true
//!            counters.threes += 1     setfield_gc      (after the guard)
//!            counters.last = steps    setfield_gc      (a value read before)
//!        i += 1
//!        if i < n: loop back          guard_true
//! ```
//!
//! Compiled code runs the trace recorded for `i % 3 != 0`; every third
//! iteration its guard fails after effects 1 and 2 happened.

use kiln_gc::{GcRef, Header, TypeInfo};
use kiln_jit::backend::ir::IrBackend;
use kiln_jit::tracer::Arg;
use kiln_jit::{
    field_descr, CallDescr, Concrete, EffectInfo, JitDriver, JitInterp, Kind, Params, SizeDescr,
    Step, Tracer, VirtualizableInfo,
};
use std::cell::RefCell;
use std::sync::atomic::{AtomicU32, Ordering};

#[repr(C)]
struct Frame {
    header: Header,
    pc: i64,
    i: i64,
    n: i64,
    counters: Option<GcRef>,
}

#[repr(C)]
struct Counters {
    header: Header,
    steps: i64,
    threes: i64,
    last: i64,
}

field_descr!(PC: Frame.pc, Int, Mutable);
field_descr!(I: Frame.i, Int, Mutable);
field_descr!(N: Frame.n, Int, Mutable);
field_descr!(COUNTERS: Frame.counters, Ref, Mutable);
field_descr!(STEPS: Counters.steps, Int, Mutable);
field_descr!(THREES: Counters.threes, Int, Mutable);
field_descr!(LAST: Counters.last, Int, Mutable);

static VINFO: VirtualizableInfo = VirtualizableInfo {
    fields: &[&PC, &I, &N, &COUNTERS],
    array: None,
};

static FRAME_TYPE: AtomicU32 = AtomicU32::new(0);
static COUNTERS_TYPE: AtomicU32 = AtomicU32::new(0);
static FRAME_SIZE: SizeDescr = SizeDescr {
    name: "Frame",
    type_id: &FRAME_TYPE,
    size: std::mem::size_of::<Frame>(),
};
static COUNTERS_SIZE: SizeDescr = SizeDescr {
    name: "Counters",
    type_id: &COUNTERS_TYPE,
    size: std::mem::size_of::<Counters>(),
};
static FRAME_INFO: TypeInfo = TypeInfo {
    name: "test.Frame",
    size: std::mem::size_of::<Frame>(),
    ref_offsets: &[std::mem::offset_of!(Frame, counters)],
    trace: None,
    finalize: None,
};
static COUNTERS_INFO: TypeInfo = TypeInfo {
    name: "test.Counters",
    size: std::mem::size_of::<Counters>(),
    ref_offsets: &[],
    trace: None,
    finalize: None,
};

thread_local! {
    static LOG: RefCell<Vec<i64>> = const { RefCell::new(Vec::new()) };
}

extern "C" fn log_it(i: u64) -> u64 {
    LOG.with(|l| l.borrow_mut().push(i as i64));
    0
}

static LOG_CALL: CallDescr = CallDescr {
    name: "log_it",
    func: log_it as *const (),
    args: &[Kind::Int],
    result: Kind::Void,
    effect: EffectInfo::WritesHeap,
};

struct Interp;

impl JitInterp for Interp {
    type Key = u32;

    fn step<T: Tracer>(&mut self, t: &mut T, f: T::Ref, key: u32) -> Step<u32, T::Ref> {
        let pcv = t.const_int(key as i64);
        t.vable_setfield_i(f, &PC, pcv);
        if key != 0 {
            return Step::Return;
        }
        let c = t.vable_getfield_r(f, &COUNTERS);
        let i = t.vable_getfield_i(f, &I);
        let one = t.const_int(1);
        let s = t.getfield_i(c, &STEPS);
        let s1 = t.int_add(s, one);
        t.setfield_i(c, &STEPS, s1);
        t.call_n(&LOG_CALL, &[Arg::Int(i)]);
        let three = t.const_int(3);
        let m = t.int_py_mod(i, three);
        let is3 = t.int_is_zero(m);
        if t.is_true(is3) {
            let k = t.getfield_i(c, &THREES);
            let k1 = t.int_add(k, one);
            t.setfield_i(c, &THREES, k1);
            t.setfield_i(c, &LAST, s1);
        }
        let i1 = t.int_add(i, one);
        t.vable_setfield_i(f, &I, i1);
        let n = t.vable_getfield_i(f, &N);
        let more = t.int_lt(i1, n);
        if t.is_true(more) {
            Step::LoopBack(0)
        } else {
            Step::Next(1)
        }
    }
}

struct Outcome {
    steps: i64,
    threes: i64,
    last: i64,
    i: i64,
    log: Vec<i64>,
    stats: kiln_jit::driver::Stats,
    trace: String,
}

fn run(n: i64, params: Params) -> Outcome {
    kiln_gc::init();
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        FRAME_TYPE.store(kiln_gc::register_type(&FRAME_INFO), Ordering::Relaxed);
        COUNTERS_TYPE.store(kiln_gc::register_type(&COUNTERS_INFO), Ordering::Relaxed);
    });
    LOG.with(|l| l.borrow_mut().clear());
    let driver = JitDriver::new("resume", &VINFO, params, Box::new(IrBackend::new()));
    let mut c = Concrete;
    let mut frame = c.new(&FRAME_SIZE);
    kiln_gc::add_root(&mut frame as *mut Option<GcRef>);
    let counters = c.new(&COUNTERS_SIZE);
    c.setfield_r(frame, &COUNTERS, counters);
    c.setfield_i(frame, &N, n);
    driver.run(&mut Interp, frame.unwrap(), 0);
    let counters = c.getfield_r(frame, &COUNTERS);
    let out = Outcome {
        steps: c.getfield_i(counters, &STEPS),
        threes: c.getfield_i(counters, &THREES),
        last: c.getfield_i(counters, &LAST),
        i: c.getfield_i(frame, &I),
        log: LOG.with(|l| l.borrow().clone()),
        stats: driver.stats(),
        trace: driver
            .traces()
            .first()
            .map(|t| t.trace.to_string())
            .unwrap_or_default(),
    };
    kiln_gc::remove_root(&mut frame as *mut Option<GcRef>);
    out
}

fn check(n: i64, o: &Outcome) {
    assert_eq!(o.i, n);
    assert_eq!(
        o.steps, n,
        "the heap write before the guard happened twice?"
    );
    assert_eq!(o.threes, (0..n).filter(|i| i % 3 == 0).count() as i64);
    // `steps` as read before the guard, at the last multiple of 3.
    assert_eq!(
        o.last,
        (n - 1) / 3 * 3 + 1,
        "a read before the guard was redone"
    );
    assert_eq!(o.log, (0..n).collect::<Vec<i64>>(), "the residual call");
}

#[test]
fn interpreter_alone_is_the_reference() {
    let o = run(100, Params::parse("off").unwrap());
    check(100, &o);
    assert_eq!(o.stats.loops, 0);
}

#[test]
fn guard_failing_after_side_effects_does_not_repeat_them() {
    let n = 300;
    // Threshold 5: recording starts at i = 5, where i % 3 != 0.
    let o = run(n, Params::parse("threshold=5").unwrap());
    check(n, &o);
    let s = o.stats;
    assert_eq!((s.loops, s.bridges, s.aborts), (1, 0, 0), "{s:?}");
    // The trace does the two effects before the guard that fails.
    let t = &o.trace;
    let write = t.find("setfield_gc(").expect("heap write");
    let call = t.find("call_n(").expect("residual call");
    let guard = t.find("guard_false(").expect("the i % 3 guard");
    assert!(write < guard && call < guard, "\n{t}");
    // Every third iteration from i = 6 on fails that guard in compiled
    // code (and the last iteration fails the loop test).
    let thirds = (6..n).filter(|i| i % 3 == 0).count() as u64;
    assert_eq!(s.guard_failures, thirds + 1, "{s:?}");
}

#[test]
fn same_with_bridges_for_the_failing_guard() {
    let n = 300;
    // After one failure the guard gets a bridge, which starts at the
    // loop header and so is a plain jump back into the loop.
    let o = run(n, Params::parse("threshold=5,trace_eagerness=1").unwrap());
    check(n, &o);
    assert!(o.stats.guard_failures >= 30, "{:?}", o.stats);
}

#[test]
fn same_with_the_trace_recorded_on_the_other_branch() {
    // Threshold 3: recording starts at i = 3, so the trace has the
    // branch with the second write, and the guard fails when i % 3 != 0.
    let n = 200;
    let o = run(n, Params::parse("threshold=3").unwrap());
    check(n, &o);
    assert_eq!(o.trace.matches("setfield_gc(").count(), 3, "{}", o.trace);
    assert!(o.stats.guard_failures > 100, "{:?}", o.stats);
}

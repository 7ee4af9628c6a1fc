//! The JIT driver: hot-loop detection, the switch between interpreting,
//! recording and running compiled code, and deoptimization.
//!
//! Problem: an interpreter whose handlers are generic over `Tracer` needs
//! one place that decides, at each opcode boundary, whether to run the
//! handler with `Concrete`, with the `Recorder`, or to enter machine code
//! instead; that counts how hot each loop header is; that compiles closed
//! traces; and that, when compiled code leaves at a guard, rebuilds the
//! frame, finishes the opcode with `Replay` and lets the interpreter go on.
//!
//! Approach (the seeds' "Plan B", PyPy's warmspot/pyjitpl split):
//! * the interpreter implements [`JitInterp`]: `step` runs one opcode at a
//!   green key with any tracer and says where control goes next
//!   ([`Step::Next`], [`Step::LoopBack`] for loop-closing jumps, where
//!   `can_enter_jit` is, or [`Step::Return`]);
//! * [`JitDriver::run`] is the dispatch loop: `jit_merge_point` before each
//!   opcode (recording: close the loop, or jump to an existing loop, or
//!   take the opcode's snapshot), `can_enter_jit` after each
//!   `LoopBack` (count; start tracing past `threshold`; enter the compiled
//!   loop if there is one);
//! * the frame is the virtualizable ([`VirtualizableInfo`]): compiled
//!   traces take `[frame, field.., item..]` as inputs, so every trace
//!   (loop, entry trace, bridge) has the same layout and any trace can
//!   jump to any loop of the same code;
//! * a guard that fails more than `trace_eagerness` times gets a bridge,
//!   recorded from the state after its opcode was replayed, up to the next
//!   loop header; later failures of that guard replay the opcode and enter
//!   the bridge;
//! * a trace (loop or bridge) that reaches the back-edge of another loop
//!   with no compiled code is aborted instead of unrolling that loop (a
//!   bridge would otherwise swallow every loop after it); the other loop
//!   gets hot by itself, and the next attempt ends by jumping to it.
//!
//! Calls (PyPy's inlining of the portal, `frames.rs`): a call opcode
//! allocates the callee's frame and returns [`Step::Call`]; the driver
//! keeps an explicit frame stack. Interpreting, it suspends the caller and
//! runs the callee in the same loop. Recording, it *inlines* the call: the
//! recorder pushes the callee frame and goes on recording the callee's
//! opcodes (merge points carry the depth; guards snapshot every frame);
//! when the callee returns, [`JitInterp::call_returned`] finishes the
//! caller's call opcode in the same trace. A call is not inlined (it
//! becomes [`JitInterp::call_residual`], a residual call that re-enters
//! the driver) when `inlining=0`, when the function is marked
//! don't-inline, or when it is already active twice in the trace (a
//! recursive function is inlined into itself once). Traces only close at
//! depth 0; a back-edge inside an inlined call aborts the trace and marks
//! that function don't-inline (its loop gets a trace of its own), and so
//! does a trace that exceeds `trace_limit` for the biggest inlined
//! function. A guard that fails inside an inlined call rebuilds all its
//! frames (`deopt.rs`): the callers go on the frame stack, suspended in
//! their call opcodes, and the innermost opcode is replayed; its bridge
//! starts with all those frames active.
//!
//! ```text
//! LoopBack(#2) x threshold  -> Recorder from #2 ... merge point #2 again
//! label(p0, i1, p2, descr=T)                 -> compile_loop, enter
//! guard_true(i5) [..] fails -> frame := snapshot; Replay #7; Next(#8)
//! > trace_eagerness failures -> Recorder from #8 ... reaches #2
//! jump(p0, i1, p9, descr=T)                  -> bridge of that guard
//! debug_merge_point(0, 1, 'inc #0 ..')       -> an inlined call, depth 1
//! ```
//!
//! Invariants: only one trace is recorded at a time (nested interpreter
//! runs inside residual calls run concretely or in compiled code); no
//! `RefCell` borrow of the driver state is held across a handler or
//! compiled code (both may re-enter the driver); after `run` returns to
//! the interpreter the frame holds the exact interpreter state; the
//! recorder's frames are the top `depth + 1` frames of the driver's stack.

mod deopt;
mod frames;
mod params;

pub use params::Params;

use frames::{Flow, Frames};

use crate::backend::{Backend, TraceId, Value};
use crate::descr::{ArrayDescr, FieldDescr, Kind};
use crate::ir::{TargetToken, Trace};
use crate::jitlog;
use crate::recorder::Recorder;
use crate::resume::{load_field, ResumeData};
use crate::tracer::Tracer;
use crate::Concrete;
use kiln_gc::GcRef;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::fmt::Debug;
use std::hash::Hash;
use std::rc::Rc;

/// Which fields and which fixed-size array of the frame are virtualizable
/// (PyPy's `_virtualizable_ = ['locals[*]', 'stackdepth']`).
#[derive(Debug)]
pub struct VirtualizableInfo {
    /// Int or Ref fields of the frame.
    pub fields: &'static [&'static FieldDescr],
    /// An array of references stored inline in the frame; its length is
    /// fixed when the frame is created.
    pub array: Option<&'static ArrayDescr>,
}

impl VirtualizableInfo {
    pub fn field_index(&self, d: &'static FieldDescr) -> Option<usize> {
        self.fields.iter().position(|f| std::ptr::eq(*f, d))
    }

    fn array_len(&self, frame: GcRef) -> usize {
        self.array
            .map_or(0, |a| Concrete.arraylen(Some(frame), a) as usize)
    }

    /// The kinds of the frame's slots: fields, then array items.
    pub fn slot_kinds(&self, frame: GcRef) -> Vec<Kind> {
        let mut k: Vec<Kind> = self.fields.iter().map(|f| f.kind).collect();
        k.extend(std::iter::repeat_n(Kind::Ref, self.array_len(frame)));
        k
    }

    /// The inputs of a trace entered with `frame`: the frame and its slots.
    pub fn read_inputs(&self, frame: GcRef) -> Vec<Value> {
        let mut v = vec![Value::Ref(Some(frame))];
        for f in self.fields {
            v.push(Value::from_word(f.kind, load_field(Some(frame), f)));
        }
        if let Some(a) = self.array {
            for i in 0..self.array_len(frame) {
                v.push(Value::Ref(Concrete.getarrayitem_r(
                    Some(frame),
                    a,
                    i as i64,
                )));
            }
        }
        v
    }
}

/// Where control goes after an opcode (`R` is the tracer's `Ref`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Step<K, R> {
    /// Continue with the opcode at this key.
    Next(K),
    /// A loop-closing jump to this key (a `can_enter_jit` point).
    LoopBack(K),
    /// The frame is finished (its result is wherever the interpreter put
    /// it, e.g. a field of the frame).
    Return,
    /// The opcode calls a function: it has allocated the callee's frame
    /// (arguments stored in it) and the callee starts at the given key
    /// (its function's entry). The driver runs the callee (inlined while
    /// recording, on its frame stack while interpreting, or through
    /// [`JitInterp::call_residual`]) and then finishes the opcode with
    /// [`JitInterp::call_returned`].
    Call(R, K),
}

/// What an interpreter provides to be driven by the JIT.
pub trait JitInterp {
    /// The green key of an opcode (e.g. code id and pc).
    type Key: Copy + Eq + Hash + Debug + 'static;

    /// Executes the opcode at `key` on `frame`, through `t`. Must be a
    /// deterministic function of the tracer's results (replay relies on it),
    /// and keep all red state between opcodes in the frame's
    /// virtualizable.
    fn step<T: Tracer>(
        &mut self,
        t: &mut T,
        frame: T::Ref,
        key: Self::Key,
    ) -> Step<Self::Key, T::Ref>;

    /// The second half of the call opcode at `key` of `frame`, which
    /// returned `Step::Call(callee, ..)`: `callee` has returned; take its
    /// result and say where `frame` goes next. Only interpreters whose
    /// `step` returns [`Step::Call`] need it.
    fn call_returned<T: Tracer>(
        &mut self,
        t: &mut T,
        frame: T::Ref,
        key: Self::Key,
        callee: T::Ref,
    ) -> Step<Self::Key, T::Ref> {
        let _ = (t, frame, callee);
        panic!("{key:?}: Step::Call needs JitInterp::call_returned")
    }

    /// Runs `callee` from `entry` until it returns, as one residual call
    /// through `t` (e.g. `t.call_n` of a helper that calls
    /// [`JitDriver::run`]): the driver's way to leave a call out of the
    /// trace being recorded.
    fn call_residual<T: Tracer>(&mut self, t: &mut T, callee: T::Ref, entry: Self::Key) {
        let _ = (t, callee);
        panic!("{entry:?}: Step::Call needs JitInterp::call_residual")
    }

    /// Text for `debug_merge_point` (e.g. `"#12 ADD"`).
    fn describe(&self, key: Self::Key) -> String {
        format!("{key:?}")
    }
}

/// Counters for tests and the jit summary.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct Stats {
    /// Loops (and entry traces) compiled.
    pub loops: u32,
    /// Bridges compiled.
    pub bridges: u32,
    /// Traces aborted.
    pub aborts: u32,
    /// Times compiled code was entered from the interpreter.
    pub entries: u64,
    /// Guard failures (each one replays an opcode).
    pub guard_failures: u64,
    /// Bridges entered after a guard failure.
    pub bridge_entries: u64,
    /// Green keys given up on after repeated aborts.
    pub blacklisted: u32,
    /// Calls inlined into recorded traces (including aborted ones).
    pub inlined_calls: u64,
    /// Calls recorded as residual calls while tracing.
    pub residual_calls: u64,
    /// Functions marked don't-inline.
    pub dont_inline: u32,
}

/// A trace handed to the backend.
#[derive(Debug)]
pub struct CompiledTrace<K> {
    pub id: TraceId,
    pub key: K,
    pub trace: Trace,
    pub token: TargetToken,
    pub is_bridge: bool,
    /// Frames the trace takes as inputs, outermost first (more than one
    /// for a bridge from a guard inside inlined calls).
    pub frames: usize,
}

/// Aborts of one key before it is blacklisted.
const MAX_ABORTS: u32 = 3;

/// Abort reason: the trace reached the back-edge of another loop that has
/// no compiled code.
pub const INNER_LOOP: &str = "reached the back-edge of a loop that is not compiled";

/// Abort reason: a loop inside an inlined call (the function is then
/// marked don't-inline).
pub const INLINED_LOOP: &str = "reached a back-edge inside an inlined call";

/// Abort reason of the recorder past `trace_limit`.
pub const TOO_LONG: &str = "trace too long";

struct Warm<K> {
    counters: HashMap<K, u32>,
    loops: HashMap<K, usize>,
    traces: Vec<Rc<CompiledTrace<K>>>,
    by_id: HashMap<TraceId, usize>,
    aborts: HashMap<K, u32>,
    blacklist: HashSet<K>,
    /// Function entries never inlined again.
    dont_inline: HashSet<K>,
    tracing: bool,
    stats: Stats,
    abort_reasons: Vec<String>,
    summary: jitlog::Summary,
}

enum Origin<K> {
    Loop,
    Bridge(Rc<dyn std::any::Any>, std::marker::PhantomData<K>),
}

/// A trace being recorded.
struct Tracing<K: Copy + 'static> {
    rec: Recorder<K>,
    start: K,
    token: TargetToken,
    origin: Origin<K>,
    /// No merge point recorded yet (the first one is the start key).
    fresh: bool,
}

/// The meta-tracing JIT of one interpreter (PyPy's `JitDriver`).
pub struct JitDriver<K: Copy + Eq + Hash + Debug + 'static> {
    pub name: &'static str,
    pub vinfo: &'static VirtualizableInfo,
    params: Params,
    backend: Box<dyn Backend>,
    warm: RefCell<Warm<K>>,
}

impl<K: Copy + Eq + Hash + Debug + 'static> JitDriver<K> {
    pub fn new(
        name: &'static str,
        vinfo: &'static VirtualizableInfo,
        params: Params,
        backend: Box<dyn Backend>,
    ) -> JitDriver<K> {
        JitDriver {
            name,
            vinfo,
            params,
            backend,
            warm: RefCell::new(Warm {
                counters: HashMap::new(),
                loops: HashMap::new(),
                traces: Vec::new(),
                by_id: HashMap::new(),
                aborts: HashMap::new(),
                blacklist: HashSet::new(),
                dont_inline: HashSet::new(),
                tracing: false,
                stats: Stats::default(),
                abort_reasons: Vec::new(),
                summary: jitlog::Summary::new(),
            }),
        }
    }

    pub fn params(&self) -> &Params {
        &self.params
    }

    pub fn stats(&self) -> Stats {
        self.warm.borrow().stats
    }

    /// Every compiled trace, in compilation order.
    pub fn traces(&self) -> Vec<Rc<CompiledTrace<K>>> {
        self.warm.borrow().traces.clone()
    }

    /// The trace entered at loop header `key`, if compiled.
    pub fn loop_at(&self, key: K) -> Option<Rc<CompiledTrace<K>>> {
        let w = self.warm.borrow();
        w.loops.get(&key).map(|&i| w.traces[i].clone())
    }

    /// Why traces were aborted, in order.
    pub fn abort_reasons(&self) -> Vec<String> {
        self.warm.borrow().abort_reasons.clone()
    }

    /// The jit-summary counters.
    pub fn summary(&self) -> jitlog::Summary {
        self.warm.borrow().summary.clone()
    }

    /// Writes the `jit-summary` section (call at exit).
    pub fn log_summary(&self) {
        self.warm.borrow().summary.log();
    }

    /// Whether the function entered at `entry` is marked don't-inline.
    pub fn is_dont_inline(&self, entry: K) -> bool {
        self.warm.borrow().dont_inline.contains(&entry)
    }

    fn mark_dont_inline(&self, entry: K) {
        let mut w = self.warm.borrow_mut();
        if w.dont_inline.insert(entry) {
            w.stats.dont_inline += 1;
        }
    }

    /// Whether a call to `entry` is inlined into the trace `rec` records.
    fn may_inline(&self, rec: &Recorder<K>, entry: K) -> bool {
        self.params.inlining != 0
            && !self.is_dont_inline(entry)
            // a recursive function is inlined into itself once
            && rec.active(entry) < 2
    }

    /// Runs the interpreter on `frame` from the opcode at `key` until the
    /// frame returns: the dispatch loop with `jit_merge_point` and
    /// `can_enter_jit`, and the frame stack of the calls made meanwhile.
    pub fn run<I: JitInterp<Key = K>>(&self, interp: &mut I, frame: GcRef, key: K) {
        let mut key = key;
        let mut fr = Frames::new(frame, key);
        let mut tracing: Option<Tracing<K>> = None;
        // A step produced outside the dispatch (the replayed opcode's
        // outcome, the second half of a call opcode).
        let mut pending: Option<Flow<K>> = None;
        loop {
            let step = match pending.take() {
                Some(s) => s,
                None => {
                    // ---- jit_merge_point ----
                    if tracing.is_some() {
                        if let Some(idx) = self.merge_point(&mut tracing, interp, key) {
                            pending = Some(self.enter(interp, &mut fr, idx, &mut tracing));
                            continue;
                        }
                    }
                    match tracing.as_mut() {
                        Some(t) => {
                            let f = t.rec.frame();
                            let t0 = std::time::Instant::now();
                            let s = interp.step(&mut t.rec, f, key);
                            self.warm.borrow_mut().summary.tracing += t0.elapsed();
                            Flow::traced(s)
                        }
                        None => Flow::concrete(interp.step(&mut Concrete, Some(fr.frame()), key)),
                    }
                }
            };
            match step {
                Flow::Next(k) => key = k,
                Flow::LoopBack(k) => {
                    key = k;
                    if tracing.as_ref().is_some_and(|t| t.rec.depth() > 0) {
                        // A loop inside an inlined call: PyPy would unroll
                        // it until the trace is too long and then stop
                        // inlining the function; do that at once.
                        // Soft: the next attempt differs (the call is
                        // residual; a bridge that started inside it starts
                        // from its frame alone and may reach its loop).
                        let t = tracing.take().unwrap();
                        self.mark_dont_inline(t.rec.entry());
                        self.note_abort_soft(t.start, &t.origin, INLINED_LOOP);
                    }
                    // A trace that reaches the back-edge of another loop
                    // that has no compiled code would unroll that loop
                    // (and swallow every later loop of a bridge); stop it
                    // and let the inner loop get hot on its own. If it
                    // gets compiled, the next attempt jumps to it.
                    let inner = tracing.as_ref().is_some_and(|t| {
                        k != t.start && !self.warm.borrow().loops.contains_key(&k)
                    });
                    if inner {
                        let t = tracing.take().unwrap();
                        if self.warm.borrow().blacklist.contains(&k) {
                            // That loop will never be compiled: retrying
                            // would end the same way.
                            self.note_abort(t.start, &t.origin, INNER_LOOP);
                        } else {
                            self.note_abort_soft(t.start, &t.origin, INNER_LOOP);
                        }
                    }
                    // ---- can_enter_jit ----
                    if tracing.is_none() && self.params.enabled {
                        pending = self.can_enter_jit(interp, &mut fr, k, &mut tracing);
                    }
                }
                Flow::Return => {
                    if tracing.as_ref().is_some_and(|t| t.rec.depth() == 0) {
                        let t = tracing.take().unwrap();
                        self.abort(t, "the traced frame returned");
                    }
                    let Some((callee, call_key)) = fr.ret() else {
                        return;
                    };
                    key = call_key;
                    pending = Some(match tracing.as_mut() {
                        Some(t) => {
                            let c = t.rec.pop_frame();
                            let f = t.rec.frame();
                            Flow::traced(interp.call_returned(&mut t.rec, f, key, c))
                        }
                        None => Flow::concrete(interp.call_returned(
                            &mut Concrete,
                            Some(fr.frame()),
                            key,
                            callee.get(),
                        )),
                    });
                }
                Flow::Call(callee, entry) => {
                    let residual = tracing
                        .as_ref()
                        .is_some_and(|t| !self.may_inline(&t.rec, entry));
                    if residual {
                        let t = tracing.as_mut().unwrap();
                        self.warm.borrow_mut().stats.residual_calls += 1;
                        interp.call_residual(&mut t.rec, callee, entry);
                        let f = t.rec.frame();
                        pending = Some(Flow::traced(
                            interp.call_returned(&mut t.rec, f, key, callee),
                        ));
                        continue;
                    }
                    if let Some(t) = tracing.as_mut() {
                        self.warm.borrow_mut().stats.inlined_calls += 1;
                        t.rec.push_frame(callee, entry, key);
                    }
                    fr.call(callee.value.expect("call without a frame"), entry, key);
                    key = entry;
                }
            }
        }
    }

    /// `can_enter_jit` at loop header `key`: enters compiled code (and
    /// returns where the interpreter continues), or counts and maybe
    /// starts tracing (then returns `None` with `tracing` set).
    fn can_enter_jit<I: JitInterp<Key = K>>(
        &self,
        interp: &mut I,
        fr: &mut Frames<K>,
        key: K,
        tracing: &mut Option<Tracing<K>>,
    ) -> Option<Flow<K>> {
        let target = {
            let mut w = self.warm.borrow_mut();
            if let Some(&i) = w.loops.get(&key) {
                Some(i)
            } else {
                if w.tracing || w.blacklist.contains(&key) {
                    return None;
                }
                let c = w.counters.entry(key).or_insert(0);
                *c += 1;
                if *c < self.params.threshold {
                    return None;
                }
                *c = 0;
                w.tracing = true;
                None
            }
        };
        match target {
            Some(i) => Some(self.enter(interp, fr, i, tracing)),
            None => {
                let token = TargetToken::fresh();
                let rec = Recorder::new(
                    self.vinfo,
                    fr.frame(),
                    fr.entry(),
                    key,
                    Some(token),
                    self.params.trace_limit as usize,
                );
                *tracing = Some(Tracing {
                    rec,
                    start: key,
                    token,
                    origin: Origin::Loop,
                    fresh: true,
                });
                None
            }
        }
    }

    /// The merge point while recording: returns a compiled trace to enter
    /// if recording just ended at a loop header.
    fn merge_point<I: JitInterp<Key = K>>(
        &self,
        tracing: &mut Option<Tracing<K>>,
        interp: &mut I,
        key: K,
    ) -> Option<usize> {
        let t = tracing.as_mut()?;
        if let Some(r) = t.rec.aborted() {
            let r = r.to_string();
            let t = tracing.take().unwrap();
            self.abort(t, &r);
            return None;
        }
        if t.rec.depth() > 0 {
            // Inside an inlined call: no loop closes here.
            t.fresh = false;
            let text = interp.describe(key);
            t.rec.merge_point(key, &text);
            return None;
        }
        let existing = self.warm.borrow().loops.get(&key).copied();
        if t.fresh {
            t.fresh = false;
            match existing {
                // A bridge that starts at a compiled loop header is just
                // a jump to that loop (checked before `key == t.start`:
                // closing on itself would make an empty infinite loop).
                Some(i) if matches!(t.origin, Origin::Bridge(..)) => {
                    let t = tracing.take().unwrap();
                    return self.finish(t, Some(i));
                }
                _ => {
                    let text = interp.describe(key);
                    t.rec.merge_point(key, &text);
                    return None;
                }
            }
        }
        // (A bridge that started inside inlined calls has a different
        // layout than any loop header: it never closes on itself.)
        if key == t.start && t.rec.input_frames() == 1 {
            let t = tracing.take().unwrap();
            return self.finish(t, None);
        }
        if let Some(i) = existing {
            let t = tracing.take().unwrap();
            return self.finish(t, Some(i));
        }
        let text = interp.describe(key);
        t.rec.merge_point(key, &text);
        None
    }

    /// Closes a trace (to its own label, or to compiled trace `target`),
    /// compiles it and returns the trace to enter now.
    fn finish(&self, t: Tracing<K>, target: Option<usize>) -> Option<usize> {
        let (token, to) = match target {
            None => (t.token, None),
            Some(i) => (self.warm.borrow().traces[i].token, Some(i)),
        };
        let start = t.start;
        let own = t.token;
        let origin = t.origin;
        let frames = t.rec.input_frames();
        let trace = match t.rec.close(token) {
            Ok(tr) => tr,
            Err(reason) => {
                self.note_abort(start, &origin, &reason);
                return None;
            }
        };
        let is_bridge = matches!(origin, Origin::Bridge(..));
        let kind = if is_bridge { "bridge" } else { "loop" };
        let section = if is_bridge {
            jitlog::NOOPT_BRIDGE
        } else {
            jitlog::NOOPT_LOOP
        };
        let n = self.warm.borrow().traces.len();
        let title = format!("{} {n} ({start:?})", self.name);
        jitlog::log_trace(section, &title, kind, &trace);
        // There are no optimization passes yet: the trace handed to the
        // backend is the recorded one, and the opt sections show it.
        let opt = if is_bridge {
            jitlog::OPT_BRIDGE
        } else {
            jitlog::OPT_LOOP
        };
        jitlog::log_trace(opt, &title, kind, &trace);
        {
            let mut w = self.warm.borrow_mut();
            w.summary.ops_recorded += trace.ops.len() as u64;
            w.summary.ops_optimized += trace.ops.len() as u64;
        }
        let t0 = std::time::Instant::now();
        let compiled = self.backend.compile_loop(&trace);
        self.warm.borrow_mut().summary.compiling += t0.elapsed();
        let id = match compiled {
            Ok(id) => id,
            Err(e) => {
                self.note_abort(start, &origin, &format!("compile error: {e}"));
                return None;
            }
        };
        let mut w = self.warm.borrow_mut();
        w.tracing = false;
        let idx = w.traces.len();
        w.traces.push(Rc::new(CompiledTrace {
            id,
            key: start,
            trace,
            token: own,
            is_bridge,
            frames,
        }));
        w.by_id.insert(id, idx);
        match &origin {
            Origin::Loop => {
                w.stats.loops += 1;
                w.summary.loops += 1;
                w.loops.insert(start, idx);
            }
            Origin::Bridge(rd, _) => {
                w.stats.bridges += 1;
                w.summary.bridges += 1;
                if let Some(rd) = rd.downcast_ref::<ResumeData<K>>() {
                    rd.bridge.set(Some(idx));
                }
                // A bridge that closed on itself is also a loop header.
                if to.is_none() && frames == 1 {
                    w.loops.entry(start).or_insert(idx);
                }
            }
        }
        let keep = 1000 - self.params.decay.min(1000);
        for c in w.counters.values_mut() {
            *c = (*c as u64 * keep as u64 / 1000) as u32;
        }
        // Enter the trace we are at the start of: the target loop, or the
        // new loop itself.
        Some(to.unwrap_or(idx))
    }

    fn abort(&self, t: Tracing<K>, reason: &str) {
        // Too long with inlined calls: stop inlining the biggest one and
        // try again (PyPy's `find_biggest_function`), without counting
        // the abort against the loop.
        if reason == TOO_LONG {
            if let Some(big) = t.rec.biggest_inlined() {
                self.mark_dont_inline(big);
                let why = format!("{TOO_LONG}; not inlining {big:?} any more");
                self.note_abort_soft(t.start, &t.origin, &why);
                return;
            }
        }
        self.note_abort(t.start, &t.origin, reason);
    }

    fn note_abort(&self, start: K, origin: &Origin<K>, reason: &str) {
        self.note_abort_counted(start, origin, reason, true);
    }

    /// An abort that says nothing against the trace's start: it does not
    /// count towards blacklisting the loop; a guard has to fail another
    /// `trace_eagerness` times before its bridge is traced again.
    fn note_abort_soft(&self, start: K, origin: &Origin<K>, reason: &str) {
        if let Origin::Bridge(rd, _) = origin {
            if let Some(rd) = rd.downcast_ref::<ResumeData<K>>() {
                rd.failures.set(0);
            }
        }
        self.note_abort_counted(start, origin, reason, false);
    }

    fn note_abort_counted(&self, start: K, origin: &Origin<K>, reason: &str, counted: bool) {
        let mut w = self.warm.borrow_mut();
        w.tracing = false;
        w.stats.aborts += 1;
        w.summary.abort(reason);
        w.abort_reasons.push(format!("{start:?}: {reason}"));
        if !counted {
            drop(w);
            jitlog::log_section(jitlog::ABORT, &format!("{start:?}: {reason}\n"));
            return;
        }
        match origin {
            Origin::Loop => {
                let n = w.aborts.entry(start).or_insert(0);
                *n += 1;
                if *n >= MAX_ABORTS && w.blacklist.insert(start) {
                    w.stats.blacklisted += 1;
                }
            }
            Origin::Bridge(rd, _) => {
                if let Some(rd) = rd.downcast_ref::<ResumeData<K>>() {
                    rd.bridge_blacklisted.set(true);
                }
            }
        }
        drop(w);
        jitlog::log_section(jitlog::ABORT, &format!("{start:?}: {reason}\n"));
    }
}

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
//! ```text
//! LoopBack(#2) x threshold  -> Recorder from #2 ... merge point #2 again
//! label(p0, i1, p2, descr=T)                 -> compile_loop, enter
//! guard_true(i5) [..] fails -> frame := snapshot; Replay #7; Next(#8)
//! > trace_eagerness failures -> Recorder from #8 ... reaches #2
//! jump(p0, i1, p9, descr=T)                  -> bridge of that guard
//! ```
//!
//! Invariants: only one trace is recorded at a time (nested interpreter
//! runs inside residual calls run concretely or in compiled code); no
//! `RefCell` borrow of the driver state is held across a handler or
//! compiled code (both may re-enter the driver); after `run` returns to
//! the interpreter the frame holds the exact interpreter state.

use crate::backend::{Backend, Exit, TraceId, Value};
use crate::descr::{ArrayDescr, FieldDescr, Kind};
use crate::ir::{TargetToken, Trace};
use crate::jitlog;
use crate::recorder::Recorder;
use crate::replay::Replay;
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

/// The JIT's tunable parameters, with PyPy's names and defaults.
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    /// False for `--jit off`: never count, trace or enter compiled code.
    pub enabled: bool,
    /// Loop-closing jumps before a loop is traced.
    pub threshold: u32,
    /// Function entries before a function is traced (not used yet: only
    /// loops are traced).
    pub function_threshold: u32,
    /// Failures of a guard before a bridge is traced from it.
    pub trace_eagerness: u32,
    /// Per-mille decay of all counters each time a trace is compiled.
    pub decay: u32,
    /// Maximum number of ops of one trace (longer ones are aborted).
    pub trace_limit: u32,
    /// Whether calls may be inlined (calls are residual for now).
    pub inlining: u32,
    pub loop_longevity: u32,
    pub retrace_limit: u32,
    pub max_retrace_guards: u32,
    pub max_unroll_loops: u32,
    pub disable_unrolling: u32,
    pub max_unroll_recursion: u32,
    /// Optimizer passes, `"all"` or a colon-separated list.
    pub enable_opts: String,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            enabled: true,
            threshold: 1039,
            function_threshold: 1619,
            trace_eagerness: 200,
            decay: 40,
            trace_limit: 6000,
            inlining: 1,
            loop_longevity: 1000,
            retrace_limit: 0,
            max_retrace_guards: 15,
            max_unroll_loops: 0,
            disable_unrolling: 200,
            max_unroll_recursion: 7,
            enable_opts: "all".to_string(),
        }
    }
}

impl Params {
    /// Threshold 1 and bridges after one failure: finds deopt bugs.
    pub fn aggressive() -> Params {
        Params {
            threshold: 1,
            function_threshold: 1,
            trace_eagerness: 1,
            ..Params::default()
        }
    }

    /// Parses a `--jit` argument: `off`, `default`, `aggressive`, or a
    /// comma-separated list of `name=value` (applied on top of the
    /// defaults, or of `aggressive` if it comes first).
    pub fn parse(s: &str) -> Result<Params, String> {
        let mut p = Params::default();
        for item in s.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            match item {
                "off" => p.enabled = false,
                "on" | "default" => {}
                "aggressive" => p = Params::aggressive(),
                _ => {
                    let (k, v) = item
                        .split_once('=')
                        .ok_or_else(|| format!("--jit: expected name=value, got '{item}'"))?;
                    p.set(k.trim(), v.trim())?;
                }
            }
        }
        Ok(p)
    }

    /// Sets one parameter by its PyPy name.
    pub fn set(&mut self, k: &str, v: &str) -> Result<(), String> {
        if k == "enable_opts" {
            self.enable_opts = v.to_string();
            return Ok(());
        }
        let n: u32 = v
            .parse()
            .map_err(|_| format!("--jit: {k} needs a non-negative integer, got '{v}'"))?;
        let slot = match k {
            "threshold" => &mut self.threshold,
            "function_threshold" => &mut self.function_threshold,
            "trace_eagerness" => &mut self.trace_eagerness,
            "decay" => &mut self.decay,
            "trace_limit" => &mut self.trace_limit,
            "inlining" => &mut self.inlining,
            "loop_longevity" => &mut self.loop_longevity,
            "retrace_limit" => &mut self.retrace_limit,
            "max_retrace_guards" => &mut self.max_retrace_guards,
            "max_unroll_loops" => &mut self.max_unroll_loops,
            "disable_unrolling" => &mut self.disable_unrolling,
            "max_unroll_recursion" => &mut self.max_unroll_recursion,
            _ => return Err(format!("--jit: unknown parameter '{k}'")),
        };
        *slot = n;
        Ok(())
    }
}

/// Where control goes after an opcode.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Step<K> {
    /// Continue with the opcode at this key.
    Next(K),
    /// A loop-closing jump to this key (a `can_enter_jit` point).
    LoopBack(K),
    /// The frame is finished.
    Return,
}

/// What an interpreter provides to be driven by the JIT.
pub trait JitInterp {
    /// The green key of an opcode (e.g. code id and pc).
    type Key: Copy + Eq + Hash + Debug + 'static;

    /// Executes the opcode at `key` on `frame`, through `t`. Must be a
    /// deterministic function of the tracer's results (replay relies on it),
    /// and keep all red state between opcodes in the frame's
    /// virtualizable.
    fn step<T: Tracer>(&mut self, t: &mut T, frame: T::Ref, key: Self::Key) -> Step<Self::Key>;

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
}

/// A trace handed to the backend.
#[derive(Debug)]
pub struct CompiledTrace<K> {
    pub id: TraceId,
    pub key: K,
    pub trace: Trace,
    pub token: TargetToken,
    pub is_bridge: bool,
}

/// Aborts of one key before it is blacklisted.
const MAX_ABORTS: u32 = 3;

/// Abort reason: the trace reached the back-edge of another loop that has
/// no compiled code.
pub const INNER_LOOP: &str = "reached the back-edge of a loop that is not compiled";

struct Warm<K> {
    counters: HashMap<K, u32>,
    loops: HashMap<K, usize>,
    traces: Vec<Rc<CompiledTrace<K>>>,
    by_id: HashMap<TraceId, usize>,
    aborts: HashMap<K, u32>,
    blacklist: HashSet<K>,
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

    /// Runs the interpreter on `frame` from the opcode at `key` until the
    /// frame returns: the dispatch loop with `jit_merge_point` and
    /// `can_enter_jit`.
    pub fn run<I: JitInterp<Key = K>>(&self, interp: &mut I, frame: GcRef, key: K) {
        let mut key = key;
        let mut tracing: Option<Tracing<K>> = None;
        // A step produced by compiled code (the replayed opcode's outcome).
        let mut pending: Option<Step<K>> = None;
        loop {
            let step = match pending.take() {
                Some(s) => s,
                None => {
                    // ---- jit_merge_point ----
                    if tracing.is_some() {
                        if let Some(idx) = self.merge_point(&mut tracing, interp, key) {
                            pending = Some(self.enter(interp, frame, idx, &mut tracing));
                            continue;
                        }
                    }
                    match tracing.as_mut() {
                        Some(t) => {
                            let f = t.rec.frame();
                            interp.step(&mut t.rec, f, key)
                        }
                        None => interp.step(&mut Concrete, Some(frame), key),
                    }
                }
            };
            match step {
                Step::Next(k) => key = k,
                Step::LoopBack(k) => {
                    key = k;
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
                        self.note_abort_soft(t.start, &t.origin, INNER_LOOP);
                    }
                    // ---- can_enter_jit ----
                    if tracing.is_none() && self.params.enabled {
                        pending = self.can_enter_jit(interp, frame, k, &mut tracing);
                    }
                }
                Step::Return => {
                    if let Some(t) = tracing.take() {
                        self.abort(t, "the traced frame returned");
                    }
                    return;
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
        frame: GcRef,
        key: K,
        tracing: &mut Option<Tracing<K>>,
    ) -> Option<Step<K>> {
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
            Some(i) => Some(self.enter(interp, frame, i, tracing)),
            None => {
                let token = TargetToken::fresh();
                let rec = Recorder::new(
                    self.vinfo,
                    frame,
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
        if key == t.start {
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
                if to.is_none() {
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

    /// Runs compiled trace number `idx` on `frame` until it leaves at a
    /// guard; rebuilds the frame, replays the guard's opcode and returns
    /// where the interpreter continues. May start tracing a bridge.
    fn enter<I: JitInterp<Key = K>>(
        &self,
        interp: &mut I,
        frame: GcRef,
        idx: usize,
        tracing: &mut Option<Tracing<K>>,
    ) -> Step<K> {
        let mut ct = self.warm.borrow().traces[idx].clone();
        self.warm.borrow_mut().stats.entries += 1;
        loop {
            let inputs = self.vinfo.read_inputs(frame);
            assert_eq!(
                inputs.len(),
                ct.trace.inputs.len(),
                "frame layout does not match the trace's inputs"
            );
            let dead = self.backend.execute(ct.id, &inputs);
            let gid = match dead.exit {
                Exit::Guard(g) => g,
                Exit::Finish => panic!("trace left through finish, which the recorder never emits"),
            };
            let failed = {
                let w = self.warm.borrow();
                w.traces[w.by_id[&gid.trace]].clone()
            };
            let resume = failed.trace.ops[gid.op as usize]
                .resume
                .clone()
                .expect("guard without resume data");
            let rd = resume
                .downcast::<ResumeData<K>>()
                .expect("resume data of another driver");
            let words: Vec<u64> = dead.values.iter().map(|v| v.to_word()).collect();
            let log = rd.restore(self.vinfo, frame, &words);
            {
                let mut w = self.warm.borrow_mut();
                w.stats.guard_failures += 1;
                w.summary.guard_failures += 1;
            }
            let mut replay = Replay::new(log);
            let step = interp.step(&mut replay, Some(frame), rd.key);
            let next = match step {
                Step::Return => return step,
                Step::Next(k) | Step::LoopBack(k) => k,
            };
            rd.failures.set(rd.failures.get() + 1);
            if let Some(b) = rd.bridge.get() {
                let w = self.warm.borrow();
                let bt = w.traces[b].clone();
                if bt.key == next {
                    drop(w);
                    self.warm.borrow_mut().stats.bridge_entries += 1;
                    ct = bt;
                    continue;
                }
                return step;
            }
            let want_bridge = rd.failures.get() >= self.params.trace_eagerness
                && !rd.bridge_blacklisted.get()
                && !matches!(step, Step::LoopBack(k) if self.warm.borrow().loops.contains_key(&k));
            if want_bridge && tracing.is_none() {
                let mut w = self.warm.borrow_mut();
                if !w.tracing {
                    w.tracing = true;
                    drop(w);
                    let token = TargetToken::fresh();
                    let rec = Recorder::new(
                        self.vinfo,
                        frame,
                        next,
                        Some(token),
                        self.params.trace_limit as usize,
                    );
                    *tracing = Some(Tracing {
                        rec,
                        start: next,
                        token,
                        origin: Origin::Bridge(resume.0.clone(), std::marker::PhantomData),
                        fresh: true,
                    });
                    // Recording starts at the next merge point: continue
                    // interpreting (a LoopBack must not enter a loop now).
                    return Step::Next(next);
                }
            }
            return step;
        }
    }
}

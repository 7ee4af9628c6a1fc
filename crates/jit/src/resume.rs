//! Resume data: how a failing guard rebuilds the interpreter's state.
//!
//! Problem: when a guard fails, machine code holds the *execution state*
//! (the guard's `fail_args`), but the interpreter needs the *source state*:
//! the frame's virtualizable fields and array items as they were at the
//! start of the current opcode, plus enough to finish that opcode, which
//! may already have been partly executed (a guard can fail mid-opcode).
//!
//! Approach: at every guard the recorder takes a [`ResumeData`]: the green
//! key of the current opcode, a *snapshot* of every virtualizable slot at
//! the opcode's start, and the *log* of the results of the heap reads,
//! allocations, residual calls and heap writes the opcode had done before
//! the guard. Each value is [`Tagged`]: a constant, a live value (an index
//! into the guard's `fail_args`) or a virtual (a recipe to allocate it).
//! [`ResumeData::restore`] writes the snapshot back into the frame and
//! turns the log into concrete [`LogValue`]s; `replay` then re-runs the
//! opcode's handler against that log (see `replay.rs`).
//!
//! ```text
//! debug_merge_point(0, 0, '#4 ADD')           snapshot: slots [i1, p2], key #4
//! p5 = getfield_gc_r(p2, descr=Box.next)      log: [Ref(Live 2)]
//! i6 = getfield_gc_i(p5, descr=Box.value)     log: [.., Int(Live 3)]
//! guard_true(i6) [i1, p2, p5, i6]             fails: frame := [i1, p2]; replay #4
//! ```
//!
//! Inlined calls: a guard inside an inlined callee has one snapshot per
//! active frame, innermost first ([`FrameSnapshot`]). The innermost one
//! says where its opcode starts (or, if its current opcode is the second
//! half of a call that has just returned, which callee frame returned);
//! each outer frame is suspended in the call opcode at its key, waiting for
//! the frame inside it. [`ResumeData::restore`] writes every frame's slots
//! back and returns the frames ([`Resumed`]); the driver replays the
//! innermost opcode and keeps the callers on its frame stack, so that when
//! the callee returns each caller finishes its call opcode.
//!
//! ```text
//! debug_merge_point(0, 1, 'inc #2 Bin(Add)')   frames: [inc #2 (p7), main #6 -> p7]
//! guard_no_overflow() [p0, p2, p7, ..]          fails: restore both, replay inc #2
//! ```
//!
//! Invariants: the snapshot describes the state *before* the opcode, so
//! replaying the opcode from it is exact; the log holds an entry for
//! exactly the logged tracer calls (see [`crate::replay`]) made before the
//! guard, in order; every `Live(n)` satisfies `n < fail_args.len()`; the
//! last (outermost) frame is always the frame the trace was entered with.

use crate::descr::{FieldDescr, Kind, SizeDescr};
use crate::driver::VirtualizableInfo;
use crate::ir::Const;
use crate::Concrete;
use crate::Tracer;
use kiln_gc::GcRef;
use std::cell::{Cell, RefCell};

/// Where a value of the source state comes from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tagged {
    Const(Const),
    /// The n-th value of the guard's `fail_args`.
    Live(u32),
    /// The n-th entry of [`ResumeData::virtuals`].
    Virtual(u32),
}

/// How to allocate an object the optimized trace never allocated.
#[derive(Clone, Debug)]
pub struct VirtualRecipe {
    pub size: &'static SizeDescr,
    pub class: Option<(&'static FieldDescr, GcRef)>,
    pub fields: Vec<(&'static FieldDescr, Tagged)>,
}

/// One entry of the opcode's log: the result of a logged tracer call.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum LogEntry {
    Int(Tagged),
    Float(Tagged),
    Ref(Tagged),
    /// A logged call without a result (a heap write, a void call): its
    /// effect has happened; replay skips it.
    Done,
}

/// A log entry with its concrete value, as replay consumes it.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum LogValue {
    Int(i64),
    Float(f64),
    Ref(Option<GcRef>),
    Done,
}

/// The source state of one active frame at a guard.
#[derive(Clone, Debug)]
pub struct FrameSnapshot<K> {
    /// The frame object: `None` for the frame the trace was entered with
    /// (its input 0), otherwise the frame an inlined call allocated.
    pub frame: Option<Tagged>,
    /// Green key the frame was entered at (its function's entry).
    pub entry: K,
    /// Innermost frame: the opcode the guard is in. Outer frames: the call
    /// opcode they are suspended in.
    pub key: K,
    /// The virtualizable's slots (fields, then array items) at the start
    /// of the innermost frame's opcode (outer frames: while suspended).
    pub slots: Vec<Tagged>,
    /// `Some(callee)`: the frame is in the second half of the call opcode
    /// at `key`, after `callee` returned (always so for outer frames).
    pub callee: Option<Tagged>,
}

/// A frame rebuilt by [`ResumeData::restore`].
#[derive(Clone, Copy, Debug)]
pub struct ResumedFrame<K> {
    pub frame: GcRef,
    pub entry: K,
    pub key: K,
    pub callee: Option<GcRef>,
}

/// The frames rebuilt at a guard failure (innermost first) and the log of
/// the innermost frame's current opcode.
#[derive(Debug)]
pub struct Resumed<K> {
    pub frames: Vec<ResumedFrame<K>>,
    pub log: Vec<LogValue>,
}

/// The resume data of one guard (stored in the guard's `Resume` handle).
#[derive(Debug)]
pub struct ResumeData<K> {
    /// Every active frame, innermost first.
    pub frames: Vec<FrameSnapshot<K>>,
    /// Results of the logged calls of this opcode before the guard.
    pub log: Vec<LogEntry>,
    /// How many guards of this opcode came before this one.
    pub guard_in_opcode: u32,
    pub virtuals: Vec<VirtualRecipe>,
    /// How often this guard has failed (for bridges, `trace_eagerness`).
    pub failures: Cell<u32>,
    /// Index of the bridge attached to this guard, in the driver's table.
    pub bridge: Cell<Option<usize>>,
    /// Set when tracing a bridge from this guard was aborted too often.
    pub bridge_blacklisted: Cell<bool>,
    /// Cached reconstruction of virtuals during one restore.
    materialized: RefCell<Vec<Option<Option<GcRef>>>>,
}

fn word_to_ref(w: u64) -> Option<GcRef> {
    // SAFETY: a reference word handed back by a backend is 0 or the address
    // of a live GC object.
    (w != 0).then(|| unsafe { GcRef::from_addr(w as usize) })
}

impl<K: Copy> ResumeData<K> {
    pub fn new(
        frames: Vec<FrameSnapshot<K>>,
        log: Vec<LogEntry>,
        guard_in_opcode: u32,
    ) -> ResumeData<K> {
        assert!(
            frames.last().is_some_and(|f| f.frame.is_none()),
            "the outermost frame is the trace's input frame"
        );
        ResumeData {
            frames,
            log,
            guard_in_opcode,
            virtuals: Vec::new(),
            failures: Cell::new(0),
            bridge: Cell::new(None),
            bridge_blacklisted: Cell::new(false),
            materialized: RefCell::new(Vec::new()),
        }
    }

    /// Green key of the opcode the guard is in (innermost frame).
    pub fn key(&self) -> K {
        self.frames[0].key
    }

    /// The machine word a tagged value stands for.
    fn word(&self, t: Tagged, fail: &[u64]) -> u64 {
        match t {
            Tagged::Const(c) => c.to_word(),
            Tagged::Live(n) => fail[n as usize],
            Tagged::Virtual(n) => self
                .materialize(n as usize, fail)
                .map_or(0, |r| r.addr() as u64),
        }
    }

    /// Allocates virtual `n` (once per restore) and fills its fields.
    fn materialize(&self, n: usize, fail: &[u64]) -> Option<GcRef> {
        if let Some(Some(r)) = self.materialized.borrow().get(n) {
            return *r;
        }
        let recipe = &self.virtuals[n];
        let mut c = Concrete;
        let obj = match recipe.class {
            Some((cd, cls)) => c.new_with_vtable(recipe.size, cd, cls),
            None => c.new(recipe.size),
        };
        {
            let mut m = self.materialized.borrow_mut();
            if m.len() < self.virtuals.len() {
                m.resize(self.virtuals.len(), None);
            }
            m[n] = Some(obj);
        }
        for &(fd, t) in &recipe.fields {
            let w = self.word(t, fail);
            store_field(obj, fd, w);
        }
        obj
    }

    /// Writes every frame's snapshot back (`frame` is the trace's input
    /// frame) and returns the frames, innermost first, with the innermost
    /// opcode's log as concrete values, ready for replay.
    pub fn restore(&self, vinfo: &VirtualizableInfo, frame: GcRef, fail: &[u64]) -> Resumed<K> {
        self.materialized.borrow_mut().clear();
        let nf = vinfo.fields.len();
        let mut c = Concrete;
        let mut frames = Vec::with_capacity(self.frames.len());
        for fs in &self.frames {
            let obj = match fs.frame {
                None => frame,
                Some(t) => word_to_ref(self.word(t, fail)).expect("inlined frame is null"),
            };
            for (i, &t) in fs.slots.iter().enumerate() {
                let w = self.word(t, fail);
                if i < nf {
                    store_field(Some(obj), vinfo.fields[i], w);
                } else if let Some(ad) = vinfo.array {
                    c.setarrayitem_r(Some(obj), ad, (i - nf) as i64, word_to_ref(w));
                }
            }
            frames.push(ResumedFrame {
                frame: obj,
                entry: fs.entry,
                key: fs.key,
                callee: fs.callee.and_then(|t| word_to_ref(self.word(t, fail))),
            });
        }
        let log = self
            .log
            .iter()
            .map(|e| match *e {
                LogEntry::Int(t) => LogValue::Int(self.word(t, fail) as i64),
                LogEntry::Float(t) => LogValue::Float(f64::from_bits(self.word(t, fail))),
                LogEntry::Ref(t) => LogValue::Ref(word_to_ref(self.word(t, fail))),
                LogEntry::Done => LogValue::Done,
            })
            .collect();
        self.materialized.borrow_mut().clear();
        Resumed { frames, log }
    }
}

/// Stores a machine word into a field of the kind its descr says.
pub(crate) fn store_field(obj: Option<GcRef>, fd: &'static FieldDescr, w: u64) {
    let mut c = Concrete;
    match fd.kind {
        Kind::Int => c.setfield_i(obj, fd, w as i64),
        Kind::Float => c.setfield_f(obj, fd, f64::from_bits(w)),
        Kind::Ref => c.setfield_r(obj, fd, word_to_ref(w)),
        Kind::Void => {}
    }
}

/// Reads a field as a machine word.
pub(crate) fn load_field(obj: Option<GcRef>, fd: &'static FieldDescr) -> u64 {
    let mut c = Concrete;
    match fd.kind {
        Kind::Int => c.getfield_i(obj, fd) as u64,
        Kind::Float => c.getfield_f(obj, fd).to_bits(),
        Kind::Ref => c.getfield_r(obj, fd).map_or(0, |r| r.addr() as u64),
        Kind::Void => 0,
    }
}

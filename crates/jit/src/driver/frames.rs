//! The driver's frame stack and the driver-side form of a step.
//!
//! Problem: with calls handed to the driver ([`Step::Call`]), the driver,
//! not the Rust call stack, holds the frames of a Python-level call chain:
//! the current frame and every caller suspended in its call opcode. Those
//! frames may exist nowhere else (a callee frame allocated by compiled
//! code, or rebuilt after a guard failure), and the GC must see them.
//! Steps come from three tracers whose `Ref`s differ.
//!
//! Approach: [`Frames`] keeps each frame in a GC [`Root`] with the key it
//! was entered at (its function) and, for suspended callers, the key of
//! the call opcode they wait in. [`Flow`] is a step with the callee as a
//! recorder `RRef` (a concrete step's callee gets a constant operand; it
//! is only used for its value).
//!
//! ```text
//! main #6 Call(inc)   -> Frames { cur: inc frame, suspended: [main @ #6] }
//! inc  #3 Return      -> ret() = (inc frame, #6); cur: main frame
//! ```
//!
//! Invariant: `suspended` holds exactly the callers of `cur`, innermost
//! last.

use super::Step;
use crate::ir::OpRef;
use crate::recorder::RRef;
use kiln_gc::{GcRef, Root};

/// A step as the driver's loop handles it.
pub(super) enum Flow<K> {
    Next(K),
    LoopBack(K),
    Return,
    Call(RRef, K),
}

impl<K> Flow<K> {
    pub(super) fn traced(s: Step<K, RRef>) -> Flow<K> {
        match s {
            Step::Next(k) => Flow::Next(k),
            Step::LoopBack(k) => Flow::LoopBack(k),
            Step::Return => Flow::Return,
            Step::Call(c, k) => Flow::Call(c, k),
        }
    }

    pub(super) fn concrete(s: Step<K, Option<GcRef>>) -> Flow<K> {
        match s {
            Step::Next(k) => Flow::Next(k),
            Step::LoopBack(k) => Flow::LoopBack(k),
            Step::Return => Flow::Return,
            Step::Call(c, k) => Flow::Call(
                RRef {
                    value: c,
                    op: OpRef::ptr(c),
                },
                k,
            ),
        }
    }
}

struct Suspended<K> {
    frame: Root,
    entry: K,
    /// The call opcode the frame waits in.
    call_key: K,
}

/// The current frame and its suspended callers.
pub(super) struct Frames<K> {
    cur: Root,
    entry: K,
    suspended: Vec<Suspended<K>>,
}

impl<K: Copy> Frames<K> {
    pub(super) fn new(frame: GcRef, entry: K) -> Frames<K> {
        Frames {
            cur: Root::new(Some(frame)),
            entry,
            suspended: Vec::new(),
        }
    }

    /// The current frame.
    pub(super) fn frame(&self) -> GcRef {
        self.cur.get().expect("frame stack without a frame")
    }

    /// The key the current frame was entered at.
    pub(super) fn entry(&self) -> K {
        self.entry
    }

    /// Suspends the current frame in its call opcode at `call_key` and
    /// makes `callee`, entered at `entry`, current.
    pub(super) fn call(&mut self, callee: GcRef, entry: K, call_key: K) {
        let caller = std::mem::replace(&mut self.cur, Root::new(Some(callee)));
        let caller_entry = std::mem::replace(&mut self.entry, entry);
        self.suspended.push(Suspended {
            frame: caller,
            entry: caller_entry,
            call_key,
        });
    }

    /// The top `n` frames, outermost first, with the key each was entered
    /// at and the call opcode it waits in (`key` for the current frame).
    pub(super) fn top(&self, n: usize, key: K) -> Vec<(GcRef, K, K)> {
        let s = &self.suspended[self.suspended.len() + 1 - n..];
        let mut v: Vec<(GcRef, K, K)> = s
            .iter()
            .map(|f| {
                (
                    f.frame.get().expect("frame stack without a frame"),
                    f.entry,
                    f.call_key,
                )
            })
            .collect();
        v.push((self.frame(), self.entry, key));
        v
    }

    /// Forgets the `n` innermost frames (compiled code that took them as
    /// inputs owns them now): the frame `n` levels up is current again.
    pub(super) fn unwind(&mut self, n: usize) {
        for _ in 0..n {
            let s = self.suspended.pop().expect("unwind past the bottom");
            self.cur = s.frame;
            self.entry = s.entry;
        }
    }

    /// The current frame returned: its caller is current again. Returns
    /// the finished frame (still rooted) and the caller's call opcode, or
    /// `None` if the frame had no caller on this stack.
    pub(super) fn ret(&mut self) -> Option<(Root, K)> {
        let s = self.suspended.pop()?;
        let callee = std::mem::replace(&mut self.cur, s.frame);
        self.entry = s.entry;
        Some((callee, s.call_key))
    }
}

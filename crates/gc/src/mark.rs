//! Marking: the transitive closure of the roots over the object graph.
//!
//! Problem: visit every object reachable from the roots exactly once, on
//! graphs of any shape and depth (a million-node linked list must not
//! overflow the native stack).
//!
//! Approach: an explicit work stack of object addresses. [`MarkStack::mark`]
//! sets the object's MARK bit and pushes it if the bit was clear, so each
//! object is pushed at most once. [`drain`] pops objects and scans them
//! precisely: the `Option<GcRef>` slots at `TypeInfo::ref_offsets`, then the
//! slots reported by the optional `TypeInfo::trace` callback.
//!
//! When the system cannot grow the work stack, the object stays marked but
//! is not queued and the stack records the overflow; the collector then
//! rescans every marked object ([`MarkStack::overflowed`]), which finds the
//! unqueued ones' children, until a pass ends without overflow. A heap that
//! fills memory (a list of 60 million ints) is still collected correctly.
//!
//! Invariant: references found inside objects (and in registered roots) are
//! trusted to point at allocated objects; only conservative stack words are
//! checked against the heap (see `roots.rs`). In debug builds a reference to
//! a free cell aborts with a message.

use crate::heap::{FREE, MARK};
use crate::types::type_of_object;
use crate::{GcRef, Header};

/// The gray objects: marked but not yet scanned.
#[derive(Default)]
pub(crate) struct MarkStack {
    stack: Vec<usize>,
    /// Some marked object was not queued: the stack could not grow.
    overflow: bool,
}

impl MarkStack {
    pub(crate) fn new() -> MarkStack {
        MarkStack {
            stack: Vec::new(),
            overflow: false,
        }
    }

    /// Makes room for one more entry; `false` if the system has none.
    #[cold]
    #[inline(never)]
    fn grow(&mut self) -> bool {
        self.stack.try_reserve(1).is_ok()
    }

    /// Whether an object was left unqueued since the last call (then every
    /// marked object must be rescanned with [`scan`]).
    pub(crate) fn overflowed(&mut self) -> bool {
        std::mem::take(&mut self.overflow)
    }

    /// Marks the object at `obj` (an allocated object's start) and queues
    /// it for scanning if it was not marked yet.
    #[inline]
    pub(crate) fn mark(&mut self, obj: usize) {
        let hdr = obj as *mut Header;
        // SAFETY: `obj` is the start of an allocated object (callers check
        // conservative words; precise references are trusted).
        unsafe {
            let flags = (*hdr).gc_flags;
            debug_assert!(
                flags & FREE == 0,
                "kiln-gc: reference to a freed object at {obj:#x}"
            );
            if flags & MARK == 0 {
                (*hdr).gc_flags = flags | MARK;
                if self.stack.len() == self.stack.capacity() && !self.grow() {
                    self.overflow = true;
                    return;
                }
                self.stack.push(obj);
            }
        }
    }
}

/// Scans queued objects until none is left.
pub(crate) fn drain(ms: &mut MarkStack) {
    while let Some(obj) = ms.stack.pop() {
        scan(ms, obj);
    }
}

/// Marks the children of `obj`, a marked, allocated object.
#[inline(always)]
pub(crate) fn scan(ms: &mut MarkStack, obj: usize) {
    {
        // SAFETY: `obj` is a marked, allocated object; its type's
        // `ref_offsets` name `Option<GcRef>` fields inside it.
        unsafe {
            let info = type_of_object((*(obj as *const Header)).type_id);
            for &off in info.ref_offsets {
                let slot = (obj + off) as *const Option<GcRef>;
                if let Some(r) = *slot {
                    ms.mark(r.addr());
                }
            }
            if let Some(trace) = info.trace {
                trace(GcRef::from_addr(obj), &mut |slot: *mut Option<GcRef>| {
                    if let Some(r) = *slot {
                        ms.mark(r.addr());
                    }
                });
            }
        }
    }
}

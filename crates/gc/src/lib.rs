//! kiln-gc: the one heap shared by the interpreter and machine code.
//!
//! Every GC object starts with a [`Header`] holding its type id; the type's
//! [`TypeInfo`] (registered once with [`register_type`]) says how big it is
//! and how to find the references inside it, which makes the heap scan
//! precise. Roots are the explicitly registered ones plus a conservative scan
//! of the native stack and registers (see DESIGN section 8).
//!
//! The collector is a non-moving mark-sweep over size-class pages
//! (`heap.rs`, page memory from `pages.rs`), with an explicit mark stack
//! (`mark.rs`), a root set made of registered slots and the conservative
//! stack scan (`roots.rs`), and a global type table (`types.rs`).
//!
//! This is the interface other crates program against:
//! [`register_type`], [`alloc`]/[`try_alloc`], [`collect`],
//! [`add_root`]/[`remove_root`] (or the [`Root`] guard), [`write_barrier`],
//! [`stats`]; the out-of-memory reserve [`ReserveAlloc`] with
//! [`install_reserve`], [`memory_exhausted`] and [`recover_memory`]. Machine code can inline the allocation fast path with
//! [`inline_alloc_info`] and call [`alloc_helper`] on the slow path.
//!
//! Rules for users:
//! * Call [`init`] at the start of `main` (and at the start of every other
//!   thread that allocates). On Linux the stack top is found with
//!   `pthread_getattr_np` and `init` is only a good habit; elsewhere the
//!   frame calling `init` is the outermost frame the stack scan covers.
//! * The heap is per thread: a `GcRef` must not be used by another thread
//!   than the one that allocated it. Type ids are global.
//! * References the collector can see: words on the native stack or in
//!   registers (anywhere inside an object counts), registered root slots,
//!   and slots named by `ref_offsets`/`trace` of reachable objects. A
//!   reference kept only in Rust heap memory (a `Vec<GcRef>`, a `Box`) is
//!   invisible and its object may be freed at the next allocation: root it
//!   ([`Root`]) or keep it inside a GC object.
//! * Allocation returns zeroed memory with `type_id` set; `gc_flags` belong
//!   to the collector. Objects never move.
//! * Finalizers and trace callbacks must not allocate, collect or register
//!   roots; a finalizer must not touch other GC objects (they may be freed
//!   in the same sweep), only the object's own Rust-owned resources; they
//!   must not panic. When a thread exits, its heap is torn down and the
//!   finalizers of all its remaining objects run.
//! * `KILN_GC_STRESS=N` in the environment (read when a thread's heap is
//!   created) collects every N allocations; [`set_stress`] does the same.

use std::ptr::NonNull;

/// The word at the start of every GC object.
#[repr(C)]
#[derive(Debug)]
pub struct Header {
    /// Index into the type table (see [`register_type`]).
    pub type_id: u32,
    /// Collector-private bits (mark, free cell, large object).
    pub gc_flags: u32,
}

/// A pointer to a GC object (to its [`Header`]). `repr(transparent)` so it
/// can be passed to and from machine code as a plain machine word.
#[repr(transparent)]
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct GcRef(pub NonNull<Header>);

impl GcRef {
    #[inline(always)]
    pub fn addr(self) -> usize {
        self.0.as_ptr() as usize
    }
    /// # Safety
    /// `addr` must be the address of a live GC object.
    #[inline(always)]
    pub unsafe fn from_addr(addr: usize) -> GcRef {
        // SAFETY: caller guarantees a live, non-null object address.
        GcRef(unsafe { NonNull::new_unchecked(addr as *mut Header) })
    }
    #[inline(always)]
    pub fn type_id(self) -> u32 {
        // SAFETY: a GcRef always points at a live object's header.
        unsafe { (*self.0.as_ptr()).type_id }
    }
    #[inline(always)]
    pub fn as_ptr<T>(self) -> *mut T {
        self.0.as_ptr() as *mut T
    }
}

/// Called by the collector for every reference slot of an object.
pub type Visitor<'a> = &'a mut dyn FnMut(*mut Option<GcRef>);

/// Per-type layout information.
pub struct TypeInfo {
    pub name: &'static str,
    /// Size in bytes of fixed-size objects of this type (header included);
    /// variable-size objects give their size to [`alloc`].
    pub size: usize,
    /// Byte offsets of the `Option<GcRef>` fields of the fixed part.
    pub ref_offsets: &'static [usize],
    /// For objects with extra references (variable-size parts, Rust-owned
    /// vectors of references): visits each reference slot.
    pub trace: Option<unsafe fn(obj: GcRef, visit: Visitor)>,
    /// Releases Rust-owned resources of an object about to be freed.
    pub finalize: Option<unsafe fn(obj: GcRef)>,
}

mod heap;
mod mark;
mod pages;
mod reserve;
mod roots;
mod types;

pub use heap::{
    alloc, alloc_helper, collect, conservative_referrers, find_object, inline_alloc_info,
    set_stress, stats, stress, try_alloc, try_alloc_helper, GcStats, InlineAlloc, GRANULE,
    LIVE_FACTOR, MAX_ALLOC, MAX_SMALL, MIN_BUDGET, PAGE_SIZE,
};
pub use reserve::{
    exhausted as memory_exhausted, install as install_reserve, out_of_memory,
    recover as recover_memory, ReserveAlloc, RESERVE_SIZE,
};
pub use roots::{add_root, remove_root, Root};
pub use types::{register_type, type_info, MAX_TYPES};

/// Prepares this thread's heap: records the top of the native stack for the
/// conservative scan and reads `KILN_GC_STRESS`. Called implicitly by the
/// first allocation; call it at the start of `main` (and of each thread
/// that allocates) so the stack scan covers every frame even where the
/// stack bounds cannot be asked from the system. Idempotent.
#[inline(never)]
pub fn init() {
    let _ = heap::heap();
}

/// Must be called after storing a reference into a field of `obj` (a no-op
/// for this non-generational collector, kept so machine code and the VM
/// already call it where a generational collector will need it).
#[inline(always)]
pub fn write_barrier(_obj: GcRef) {}

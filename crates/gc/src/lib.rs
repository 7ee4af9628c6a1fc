//! kiln-gc: the one heap shared by the interpreter and machine code.
//!
//! Every GC object starts with a [`Header`] holding its type id; the type's
//! [`TypeInfo`] (registered once with [`register_type`]) says how big it is
//! and how to find the references inside it, which makes the heap scan
//! precise. Roots are the explicitly registered ones plus a conservative scan
//! of the native stack and registers (see DESIGN section 8).
//!
//! This is the interface other crates program against:
//! `register_type`, `alloc`, `collect`, `add_root`/`remove_root`, `write_barrier`.
//! NOTE: the first version is a placeholder that allocates with the system
//! allocator and never frees; the real collector replaces the internals
//! without changing this interface.

use std::ptr::NonNull;

/// The word at the start of every GC object.
#[repr(C)]
#[derive(Debug)]
pub struct Header {
    /// Index into the type table (see [`register_type`]).
    pub type_id: u32,
    /// Collector-private bits (mark bit, size class, ...).
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
pub use heap::{
    add_root, alloc, collect, register_type, remove_root, stats, write_barrier, GcStats,
};

//! Placeholder heap: system allocator, never frees. Replaced by the real
//! mark-sweep collector.

use crate::{GcRef, Header, TypeInfo};
use std::cell::RefCell;

thread_local! {
    static TYPES: RefCell<Vec<&'static TypeInfo>> = const { RefCell::new(Vec::new()) };
    static ROOTS: RefCell<Vec<*mut Option<GcRef>>> = const { RefCell::new(Vec::new()) };
}

#[derive(Debug, Default, Clone, Copy)]
pub struct GcStats {
    pub collections: u64,
    pub bytes_allocated: u64,
    pub bytes_live: u64,
}

/// Registers a type and returns its id.
pub fn register_type(info: &'static TypeInfo) -> u32 {
    TYPES.with(|t| {
        let mut t = t.borrow_mut();
        t.push(info);
        (t.len() - 1) as u32
    })
}

/// Allocates `size` zeroed bytes (header included) for an object of type
/// `type_id`, with the header filled in.
pub fn alloc(type_id: u32, size: usize) -> GcRef {
    let layout = std::alloc::Layout::from_size_align(size.max(16), 16).expect("bad size");
    // SAFETY: layout has non-zero size.
    let p = unsafe { std::alloc::alloc_zeroed(layout) } as *mut Header;
    if p.is_null() {
        std::alloc::handle_alloc_error(layout);
    }
    // SAFETY: p is a fresh, aligned allocation big enough for a Header.
    unsafe {
        (*p).type_id = type_id;
        GcRef::from_addr(p as usize)
    }
}

/// Registers a slot holding a reference that must stay alive.
pub fn add_root(slot: *mut Option<GcRef>) {
    ROOTS.with(|r| r.borrow_mut().push(slot));
}

pub fn remove_root(slot: *mut Option<GcRef>) {
    ROOTS.with(|r| r.borrow_mut().retain(|s| *s != slot));
}

/// Must be called after storing `value` into a field of `obj` (no-op for a
/// non-generational collector, kept so machine code and the VM call it).
#[inline(always)]
pub fn write_barrier(_obj: GcRef) {}

pub fn collect() {}

pub fn stats() -> GcStats {
    GcStats::default()
}

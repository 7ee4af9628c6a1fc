//! The type table: maps the `type_id` stored in every object header to the
//! type's [`TypeInfo`].
//!
//! The table is process-global and lock-free (a fixed array of atomic
//! pointers plus a counter) so that ids can be registered once at start-up,
//! from any thread, and cached in `static` descrs, while the per-thread
//! heaps read it during marking and sweeping without taking a lock.
//! Invariant: an id handed out by [`register_type`] always maps to its
//! `TypeInfo` from then on; entries are never removed or replaced.

use crate::TypeInfo;
use std::ptr;
use std::sync::atomic::{AtomicPtr, AtomicU32, Ordering};

/// Maximum number of distinct types that can be registered.
pub const MAX_TYPES: usize = 1 << 14;

static TYPES: [AtomicPtr<TypeInfo>; MAX_TYPES] =
    [const { AtomicPtr::new(ptr::null_mut()) }; MAX_TYPES];
static COUNT: AtomicU32 = AtomicU32::new(0);

/// Registers a type and returns its id (ids are dense, starting at 0).
///
/// Panics if more than [`MAX_TYPES`] types are registered.
pub fn register_type(info: &'static TypeInfo) -> u32 {
    let id = COUNT.fetch_add(1, Ordering::Relaxed);
    assert!(
        (id as usize) < MAX_TYPES,
        "kiln-gc: too many registered types (limit {MAX_TYPES})"
    );
    TYPES[id as usize].store(info as *const TypeInfo as *mut TypeInfo, Ordering::Release);
    id
}

/// The `TypeInfo` registered under `type_id`, if any.
#[inline]
pub fn type_info(type_id: u32) -> Option<&'static TypeInfo> {
    let p = TYPES.get(type_id as usize)?.load(Ordering::Acquire);
    // SAFETY: non-null entries were stored from a `&'static TypeInfo` and are
    // never changed afterwards.
    unsafe { p.as_ref() }
}

/// Like [`type_info`], for ids found in live object headers; aborts with a
/// clear message on an unregistered id (a corrupted or foreign object).
#[inline]
pub(crate) fn type_of_object(type_id: u32) -> &'static TypeInfo {
    match type_info(type_id) {
        Some(t) => t,
        None => crate::heap::fatal(&format!(
            "object header names unregistered type id {type_id} (heap corruption?)"
        )),
    }
}

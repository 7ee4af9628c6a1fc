//! Object types and helpers shared by the collector tests.
#![allow(dead_code)]

use kiln_gc::{register_type, GcRef, Header, TypeInfo, Visitor};
use std::cell::Cell;
use std::mem::{offset_of, size_of, ManuallyDrop};
use std::sync::OnceLock;

/// A linked-list node: one reference, one payload word.
#[repr(C)]
pub struct Node {
    pub header: Header,
    pub next: Option<GcRef>,
    pub val: u64,
}

/// An object with a word that looks like a reference but is not declared
/// as one (precise heap scan must ignore it).
#[repr(C)]
pub struct Opaque {
    pub header: Header,
    pub word: usize,
}

/// An object owning a Rust `String`, released by its finalizer.
#[repr(C)]
pub struct Boxed {
    pub header: Header,
    pub s: ManuallyDrop<String>,
}

/// A variable-size array of references, traced by a callback.
#[repr(C)]
pub struct Array {
    pub header: Header,
    pub len: usize,
    // followed by `len` Option<GcRef> items
}

thread_local! {
    pub static FINALIZED: Cell<usize> = const { Cell::new(0) };
    pub static FINALIZED_BYTES: Cell<usize> = const { Cell::new(0) };
}

pub fn finalized() -> usize {
    FINALIZED.with(|c| c.get())
}

unsafe fn count_finalize(_obj: GcRef) {
    FINALIZED.with(|c| c.set(c.get() + 1));
}

unsafe fn boxed_finalize(obj: GcRef) {
    // SAFETY: obj is a dead Boxed whose string was initialised at creation.
    let b = unsafe { &mut *obj.as_ptr::<Boxed>() };
    let s = unsafe { ManuallyDrop::take(&mut b.s) };
    FINALIZED_BYTES.with(|c| c.set(c.get() + s.len()));
    FINALIZED.with(|c| c.set(c.get() + 1));
}

unsafe fn array_trace(obj: GcRef, visit: Visitor) {
    // SAFETY: obj is an Array with `len` items after its fixed part.
    unsafe {
        let a = obj.as_ptr::<Array>();
        let items = (a as *mut u8).add(size_of::<Array>()) as *mut Option<GcRef>;
        for i in 0..(*a).len {
            visit(items.add(i));
        }
    }
}

static NODE_INFO: TypeInfo = TypeInfo {
    name: "node",
    size: size_of::<Node>(),
    ref_offsets: &[offset_of!(Node, next)],
    trace: None,
    finalize: None,
};
static COUNTED_NODE_INFO: TypeInfo = TypeInfo {
    name: "counted-node",
    size: size_of::<Node>(),
    ref_offsets: &[offset_of!(Node, next)],
    trace: None,
    finalize: Some(count_finalize),
};
static OPAQUE_INFO: TypeInfo = TypeInfo {
    name: "opaque",
    size: size_of::<Opaque>(),
    ref_offsets: &[],
    trace: None,
    finalize: None,
};
static BOXED_INFO: TypeInfo = TypeInfo {
    name: "boxed",
    size: size_of::<Boxed>(),
    ref_offsets: &[],
    trace: None,
    finalize: Some(boxed_finalize),
};
static ARRAY_INFO: TypeInfo = TypeInfo {
    name: "array",
    size: size_of::<Array>(),
    ref_offsets: &[],
    trace: Some(array_trace),
    finalize: None,
};
static BLOB_INFO: TypeInfo = TypeInfo {
    name: "blob",
    size: 16,
    ref_offsets: &[],
    trace: None,
    finalize: Some(count_finalize),
};

fn id(cell: &OnceLock<u32>, info: &'static TypeInfo) -> u32 {
    *cell.get_or_init(|| register_type(info))
}

pub fn node_type() -> u32 {
    static ID: OnceLock<u32> = OnceLock::new();
    id(&ID, &NODE_INFO)
}
pub fn counted_node_type() -> u32 {
    static ID: OnceLock<u32> = OnceLock::new();
    id(&ID, &COUNTED_NODE_INFO)
}
pub fn opaque_type() -> u32 {
    static ID: OnceLock<u32> = OnceLock::new();
    id(&ID, &OPAQUE_INFO)
}
pub fn boxed_type() -> u32 {
    static ID: OnceLock<u32> = OnceLock::new();
    id(&ID, &BOXED_INFO)
}
pub fn array_type() -> u32 {
    static ID: OnceLock<u32> = OnceLock::new();
    id(&ID, &ARRAY_INFO)
}
/// Raw bytes of any size, counted when finalized.
pub fn blob_type() -> u32 {
    static ID: OnceLock<u32> = OnceLock::new();
    id(&ID, &BLOB_INFO)
}

pub fn new_node(ty: u32, next: Option<GcRef>, val: u64) -> GcRef {
    let r = kiln_gc::alloc(ty, size_of::<Node>());
    // SAFETY: r is a fresh Node-sized object.
    unsafe {
        let n = r.as_ptr::<Node>();
        (*n).next = next;
        (*n).val = val;
    }
    r
}

pub fn node(r: GcRef) -> &'static Node {
    // SAFETY: tests only call this on live Node objects.
    unsafe { &*r.as_ptr::<Node>() }
}

pub fn new_array(len: usize) -> GcRef {
    let r = kiln_gc::alloc(array_type(), size_of::<Array>() + len * 8);
    // SAFETY: r is a fresh Array with room for len items.
    unsafe { (*r.as_ptr::<Array>()).len = len };
    r
}

pub fn array_set(a: GcRef, i: usize, v: Option<GcRef>) {
    // SAFETY: a is an Array with more than i items.
    unsafe {
        let p = a.as_ptr::<Array>();
        assert!(i < (*p).len);
        let items = (p as *mut u8).add(size_of::<Array>()) as *mut Option<GcRef>;
        *items.add(i) = v;
    }
    kiln_gc::write_barrier(a);
}

pub fn array_get(a: GcRef, i: usize) -> Option<GcRef> {
    // SAFETY: a is an Array with more than i items.
    unsafe {
        let p = a.as_ptr::<Array>();
        assert!(i < (*p).len);
        let items = (p as *mut u8).add(size_of::<Array>()) as *mut Option<GcRef>;
        *items.add(i)
    }
}

/// Overwrites a good stretch of the stack below the caller, so stale
/// copies of pointers left by earlier calls do not keep objects alive.
#[inline(never)]
pub fn clobber_stack() {
    let mut a = [0usize; 16 * 1024];
    std::hint::black_box(&mut a);
}

/// Collects after clearing stale stack slots.
#[inline(never)]
pub fn clean_collect() {
    clobber_stack();
    kiln_gc::collect();
}

//! Sequences: `TupleObject` (a variable-size GC array of references, so
//! machine code can read items with an array descr) and `ListObject`
//! (a Rust `Vec` of references traced by its layout).

use super::{GcRef, Layout, HDR};
use kiln_gc::Header;

#[repr(C)]
pub struct TupleObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    pub len: i64,
    /// `len` items follow (variable-size part).
    pub items: [Option<GcRef>; 0],
}

#[repr(C)]
pub struct ListObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    pub items: Vec<GcRef>,
    /// Instance attributes of subclass instances (`class L(list)`).
    pub ext: Option<Box<super::instance::Attrs>>,
}

/// The items of a tuple, for `getarrayitem_r`/`new_array`.
pub static TUPLE_ITEMS: kiln_jit::ArrayDescr = kiln_jit::ArrayDescr {
    name: "TupleObject.items",
    len_offset: std::mem::offset_of!(TupleObject, len),
    base_offset: std::mem::offset_of!(TupleObject, items),
    item_size: 8,
    kind: kiln_jit::Kind::Ref,
    mutability: kiln_jit::FieldMut::Immutable,
};

pub static TUPLE_TID: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(u32::MAX);
pub static TUPLE_INFO: kiln_gc::TypeInfo = kiln_gc::TypeInfo {
    name: "TupleObject",
    size: std::mem::size_of::<TupleObject>(),
    ref_offsets: &[std::mem::offset_of!(TupleObject, cls)],
    trace: Some(trace_tuple),
    finalize: None,
};

/// # Safety
/// `obj` must be a live tuple.
unsafe fn trace_tuple(obj: GcRef, visit: kiln_gc::Visitor) {
    let t = super::cast::<TupleObject>(obj);
    let base = t.items.as_mut_ptr();
    for i in 0..t.len as usize {
        // SAFETY: the tuple was allocated with room for `len` items.
        visit(unsafe { base.add(i) });
    }
}

crate::gc_layout!(ListObject, LIST_TID, LIST_INFO, [], trace = true);

impl Layout for TupleObject {
    fn tid() -> u32 {
        TUPLE_TID.load(std::sync::atomic::Ordering::Relaxed)
    }
}
impl Layout for ListObject {
    fn tid() -> u32 {
        LIST_TID.load(std::sync::atomic::Ordering::Relaxed)
    }
    fn trace_extra(&mut self, visit: kiln_gc::Visitor) {
        for slot in self.items.iter_mut() {
            // Option<GcRef> and GcRef share a layout (NonNull niche); the
            // collector never stores null into a live slot.
            visit(slot as *mut GcRef as *mut Option<GcRef>);
        }
        if let Some(a) = &mut self.ext {
            a.trace(visit);
        }
    }
}

pub(crate) fn register() {
    super::register(&TUPLE_TID, &TUPLE_INFO);
    super::register(&LIST_TID, &LIST_INFO);
}

/// Allocates a tuple of `items` (which must stay reachable elsewhere
/// during the call).
pub fn new_tuple(cls: GcRef, items: &[GcRef]) -> GcRef {
    let n = items.len();
    let r = kiln_gc::alloc(
        TupleObject::tid(),
        std::mem::size_of::<TupleObject>() + 8 * n,
    );
    let t = super::cast::<TupleObject>(r);
    t.cls = Some(cls);
    t.len = n as i64;
    let base = t.items.as_mut_ptr();
    for (i, it) in items.iter().enumerate() {
        // SAFETY: room for n items was allocated just above.
        unsafe { base.add(i).write(Some(*it)) };
    }
    r
}

/// The items of a tuple.
#[inline]
pub fn tuple_items(r: GcRef) -> &'static [GcRef] {
    let t = super::cast::<TupleObject>(r);
    // SAFETY: a constructed tuple has `len` non-null items following the
    // fixed part; Option<GcRef> and GcRef share a layout.
    unsafe { std::slice::from_raw_parts(t.items.as_ptr() as *const GcRef, t.len as usize) }
}

pub fn new_list(cls: GcRef, items: Vec<GcRef>) -> GcRef {
    super::alloc(ListObject {
        hdr: HDR,
        cls: Some(cls),
        items,
        ext: None,
    })
}

#[inline]
pub fn list_items(r: GcRef) -> &'static mut Vec<GcRef> {
    &mut super::cast::<ListObject>(r).items
}

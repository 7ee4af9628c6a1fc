//! Test fixtures shared by the IR, backend and tracer property tests: a
//! small `#[repr(C)]` object type and an int array type on the GC heap,
//! their descrs, a few residual-call helpers, and a `DescrTable` naming
//! them all.
#![allow(dead_code)]

use kiln_gc::{GcRef, Header, TypeInfo};
use kiln_jit::ir::DescrTable;
use kiln_jit::{field_descr, ArrayDescr, CallDescr, EffectInfo, FieldMut, Kind, SizeDescr};
use std::mem::{offset_of, size_of};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Once;

#[repr(C)]
pub struct Obj {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    pub a: i64,
    pub x: f64,
    pub next: Option<GcRef>,
    pub small: i32,
    pub byte: u8,
}

#[repr(C)]
pub struct IntArr {
    pub hdr: Header,
    pub len: i64,
}

#[repr(C)]
pub struct RefArr {
    pub hdr: Header,
    pub len: i64,
}

field_descr!(pub OBJ_CLS: Obj.cls, Ref, Immutable);
field_descr!(pub OBJ_A: Obj.a, Int, Mutable);
field_descr!(pub OBJ_X: Obj.x, Float, Mutable);
field_descr!(pub OBJ_NEXT: Obj.next, Ref, Mutable);
field_descr!(pub OBJ_SMALL: Obj.small, Int, Mutable);

pub static INT_ARRAY: ArrayDescr = ArrayDescr {
    name: "IntArr.items",
    len_offset: offset_of!(IntArr, len),
    base_offset: size_of::<IntArr>(),
    item_size: 8,
    kind: Kind::Int,
    mutability: FieldMut::Mutable,
};

pub static FLOAT_ARRAY: ArrayDescr = ArrayDescr {
    name: "FloatArr.items",
    len_offset: offset_of!(IntArr, len),
    base_offset: size_of::<IntArr>(),
    item_size: 8,
    kind: Kind::Float,
    mutability: FieldMut::Mutable,
};

pub static REF_ARRAY: ArrayDescr = ArrayDescr {
    name: "RefArr.items",
    len_offset: offset_of!(RefArr, len),
    base_offset: size_of::<RefArr>(),
    item_size: 8,
    kind: Kind::Ref,
    mutability: FieldMut::Mutable,
};

pub static OBJ_TYPE: AtomicU32 = AtomicU32::new(0);
pub static ARR_TYPE: AtomicU32 = AtomicU32::new(0);
pub static REFARR_TYPE: AtomicU32 = AtomicU32::new(0);

pub static OBJ_SIZE: SizeDescr = SizeDescr {
    name: "Obj",
    type_id: &OBJ_TYPE,
    size: size_of::<Obj>(),
};

static OBJ_INFO: TypeInfo = TypeInfo {
    name: "Obj",
    size: size_of::<Obj>(),
    ref_offsets: &[offset_of!(Obj, cls), offset_of!(Obj, next)],
    trace: None,
    finalize: None,
};

static ARR_INFO: TypeInfo = TypeInfo {
    name: "IntArr",
    size: size_of::<IntArr>(),
    ref_offsets: &[],
    trace: None,
    finalize: None,
};

/// Visits the items of a `RefArr`.
unsafe fn trace_refarr(obj: GcRef, visit: kiln_gc::Visitor) {
    // SAFETY: obj is a RefArr with `len` items after its fixed part.
    unsafe {
        let p = obj.as_ptr::<RefArr>();
        let items = (p as *mut u8).add(size_of::<RefArr>()) as *mut Option<GcRef>;
        for i in 0..(*p).len as usize {
            visit(items.add(i));
        }
    }
}

static REFARR_INFO: TypeInfo = TypeInfo {
    name: "RefArr",
    size: size_of::<RefArr>(),
    ref_offsets: &[],
    trace: Some(trace_refarr),
    finalize: None,
};

/// Registers the test types with the GC (once; type ids are global).
pub fn setup() {
    static DONE: Once = Once::new();
    DONE.call_once(|| {
        OBJ_TYPE.store(kiln_gc::register_type(&OBJ_INFO), Ordering::Relaxed);
        ARR_TYPE.store(kiln_gc::register_type(&ARR_INFO), Ordering::Relaxed);
        REFARR_TYPE.store(kiln_gc::register_type(&REFARR_INFO), Ordering::Relaxed);
    });
}

pub fn new_obj() -> GcRef {
    setup();
    kiln_gc::alloc(OBJ_TYPE.load(Ordering::Relaxed), size_of::<Obj>())
}

pub fn new_int_array(items: &[i64]) -> GcRef {
    setup();
    let r = kiln_gc::alloc(
        ARR_TYPE.load(Ordering::Relaxed),
        size_of::<IntArr>() + 8 * items.len(),
    );
    // SAFETY: the object was allocated with room for the items.
    unsafe {
        (*r.as_ptr::<IntArr>()).len = items.len() as i64;
        let base = r.as_ptr::<u8>().add(size_of::<IntArr>()) as *mut i64;
        for (i, &v) in items.iter().enumerate() {
            base.add(i).write(v);
        }
    }
    r
}

pub fn obj(r: GcRef) -> &'static mut Obj {
    // SAFETY: tests only pass references to `Obj`s they allocated, which the
    // heap keeps alive for the test's duration.
    unsafe { &mut *r.as_ptr::<Obj>() }
}

pub extern "C" fn helper_add3(a: u64, b: u64, c: u64) -> u64 {
    a.wrapping_add(b).wrapping_add(c)
}

pub extern "C" fn helper_fmul(a: u64, b: u64) -> u64 {
    (f64::from_bits(a) * f64::from_bits(b)).to_bits()
}

pub extern "C" fn helper_get_a(p: u64) -> u64 {
    // SAFETY: called with the address of a live Obj.
    unsafe { (*(p as *const Obj)).a as u64 }
}

pub extern "C" fn helper_set_a(p: u64, v: u64) -> u64 {
    // SAFETY: called with the address of a live Obj.
    unsafe { (*(p as *mut Obj)).a = v as i64 };
    0
}

pub extern "C" fn helper_identity(p: u64) -> u64 {
    p
}

pub static ADD3: CallDescr = CallDescr {
    name: "add3",
    func: helper_add3 as *const (),
    args: &[Kind::Int, Kind::Int, Kind::Int],
    result: Kind::Int,
    effect: EffectInfo::Pure,
};

pub static FMUL: CallDescr = CallDescr {
    name: "fmul",
    func: helper_fmul as *const (),
    args: &[Kind::Float, Kind::Float],
    result: Kind::Float,
    effect: EffectInfo::Pure,
};

pub static GET_A: CallDescr = CallDescr {
    name: "get_a",
    func: helper_get_a as *const (),
    args: &[Kind::Ref],
    result: Kind::Int,
    effect: EffectInfo::ReadsHeap,
};

pub static SET_A: CallDescr = CallDescr {
    name: "set_a",
    func: helper_set_a as *const (),
    args: &[Kind::Ref, Kind::Int],
    result: Kind::Void,
    effect: EffectInfo::WritesHeap,
};

pub static IDENTITY: CallDescr = CallDescr {
    name: "identity",
    func: helper_identity as *const (),
    args: &[Kind::Ref],
    result: Kind::Ref,
    effect: EffectInfo::Pure,
};

/// Every fixture descr, by name.
pub fn table() -> DescrTable {
    setup();
    DescrTable::new()
        .field(&OBJ_CLS)
        .field(&OBJ_A)
        .field(&OBJ_X)
        .field(&OBJ_NEXT)
        .field(&OBJ_SMALL)
        .array(&INT_ARRAY)
        .array(&FLOAT_ARRAY)
        .array(&REF_ARRAY)
        .size(&OBJ_SIZE)
        .call(&ADD3)
        .call(&FMUL)
        .call(&GET_A)
        .call(&SET_A)
        .call(&IDENTITY)
}

//! Numbers: `IntObject` (machine-word ints), `BigIntObject` (ints that do
//! not fit a word; normalized back to `IntObject` whenever they fit) and
//! `FloatObject`. `bool` objects use the `IntObject` layout with the bool
//! type as class. Ints are always boxed: the JIT removes the boxes.

use super::{GcRef, Layout, HDR};
use kiln_gc::Header;
use num_bigint::BigInt;

#[repr(C)]
pub struct IntObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    pub value: i64,
}

#[repr(C)]
pub struct BigIntObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    pub value: BigInt,
}

#[repr(C)]
pub struct FloatObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    pub value: f64,
}

kiln_jit::field_descr!(pub INT_VALUE: IntObject.value, Int, Immutable);
kiln_jit::field_descr!(pub FLOAT_VALUE: FloatObject.value, Float, Immutable);

crate::gc_layout!(IntObject, INT_TID, INT_INFO, [], trace = false);
crate::gc_layout!(BigIntObject, BIGINT_TID, BIGINT_INFO, [], trace = false);
crate::gc_layout!(FloatObject, FLOAT_TID, FLOAT_INFO, [], trace = false);

/// Allocation size of an `IntObject`, for `new_with_vtable`.
pub static INT_SIZE: kiln_jit::SizeDescr = kiln_jit::SizeDescr {
    name: "IntObject",
    type_id: &INT_TID,
    size: std::mem::size_of::<IntObject>(),
};
/// Allocation size of a `FloatObject`, for `new_with_vtable`.
pub static FLOAT_SIZE: kiln_jit::SizeDescr = kiln_jit::SizeDescr {
    name: "FloatObject",
    type_id: &FLOAT_TID,
    size: std::mem::size_of::<FloatObject>(),
};

impl Layout for IntObject {
    fn tid() -> u32 {
        INT_TID.load(std::sync::atomic::Ordering::Relaxed)
    }
}
impl Layout for BigIntObject {
    fn tid() -> u32 {
        BIGINT_TID.load(std::sync::atomic::Ordering::Relaxed)
    }
}
impl Layout for FloatObject {
    fn tid() -> u32 {
        FLOAT_TID.load(std::sync::atomic::Ordering::Relaxed)
    }
}

pub(crate) fn register() {
    super::register(&INT_TID, &INT_INFO);
    super::register(&BIGINT_TID, &BIGINT_INFO);
    super::register(&FLOAT_TID, &FLOAT_INFO);
}

pub fn new_int(cls: GcRef, value: i64) -> GcRef {
    super::alloc(IntObject {
        hdr: HDR,
        cls: Some(cls),
        value,
    })
}

pub fn new_bigint(cls: GcRef, value: BigInt) -> GcRef {
    super::alloc(BigIntObject {
        hdr: HDR,
        cls: Some(cls),
        value,
    })
}

pub fn new_float(cls: GcRef, value: f64) -> GcRef {
    super::alloc(FloatObject {
        hdr: HDR,
        cls: Some(cls),
        value,
    })
}

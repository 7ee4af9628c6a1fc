//! `ComplexObject`: the layout of `complex` numbers (and of instances of
//! `complex` subclasses), two IEEE doubles. Complex numbers are immutable
//! and hold no references.

use super::{GcRef, Layout, HDR};
use kiln_gc::Header;

#[repr(C)]
pub struct ComplexObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    pub re: f64,
    pub im: f64,
}

crate::gc_layout!(ComplexObject, COMPLEX_TID, COMPLEX_INFO, [], trace = false);

impl Layout for ComplexObject {
    fn tid() -> u32 {
        COMPLEX_TID.load(std::sync::atomic::Ordering::Relaxed)
    }
}

pub(crate) fn register() {
    super::register(&COMPLEX_TID, &COMPLEX_INFO);
}

pub fn new_complex(cls: GcRef, re: f64, im: f64) -> GcRef {
    super::alloc(ComplexObject {
        hdr: HDR,
        cls: Some(cls),
        re,
        im,
    })
}

/// The parts of a complex object, if `r` has the complex layout.
#[inline]
pub fn complex_parts(r: GcRef) -> Option<(f64, f64)> {
    super::try_cast::<ComplexObject>(r).map(|c| (c.re, c.im))
}

//! Small object families: singletons (None, NotImplemented, Ellipsis),
//! modules, ranges, slices and the builtin iterators.

use super::{GcRef, Layout, HDR};
use kiln_gc::Header;

/// Objects with no state of their own (None, NotImplemented, Ellipsis).
#[repr(C)]
pub struct SimpleObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
}

#[repr(C)]
pub struct ModuleObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    pub dict: Option<GcRef>,
}

#[repr(C)]
pub struct RangeObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    /// The bounds `(start, stop, step)` as a tuple of ints, for a range
    /// whose bounds or length do not fit a machine word (see
    /// `builtins::ranges`); `None` when the unboxed fields hold them.
    pub big: Option<GcRef>,
}

#[repr(C)]
pub struct SliceObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    pub start: Option<GcRef>,
    pub stop: Option<GcRef>,
    pub step: Option<GcRef>,
}

/// What an [`IterObject`] iterates.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum IterKind {
    /// `seq[index]` of a list/tuple/str (by code point) / bytes.
    Seq,
    /// Reversed sequence: index counts down.
    Reversed,
    /// A word-sized range: `i` is the next item, `n` how many are left.
    Range,
    /// Any other range: `a` is the next item, `b` the range.
    LongRange,
    DictKeys,
    DictValues,
    DictItems,
    /// A set's elements.
    SetItems,
    Enumerate,
    Zip,
    Map,
    Filter,
    /// `iter(callable, sentinel)`.
    Callable,
    /// Generic `__getitem__` protocol.
    GetItem,
}

/// One layout for the builtin iterators: `a`/`b` are references, `i`/`n`/`step`
/// integers, meaning per kind.
#[repr(C)]
pub struct IterObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    pub a: Option<GcRef>,
    pub b: Option<GcRef>,
    pub i: i64,
    pub n: i64,
    pub step: i64,
    pub kind: IterKind,
}

crate::gc_layout!(SimpleObject, SIMPLE_TID, SIMPLE_INFO, [], trace = false);
crate::gc_layout!(ModuleObject, MODULE_TID, MODULE_INFO, [dict], trace = false);
crate::gc_layout!(RangeObject, RANGE_TID, RANGE_INFO, [big], trace = false);
crate::gc_layout!(
    SliceObject,
    SLICE_TID,
    SLICE_INFO,
    [start, stop, step],
    trace = false
);
crate::gc_layout!(IterObject, ITER_TID, ITER_INFO, [a, b], trace = false);

super::func::layout_impl!(SimpleObject, SIMPLE_TID);
super::func::layout_impl!(ModuleObject, MODULE_TID);
super::func::layout_impl!(RangeObject, RANGE_TID);
super::func::layout_impl!(SliceObject, SLICE_TID);
super::func::layout_impl!(IterObject, ITER_TID);

pub(crate) fn register() {
    super::register(&SIMPLE_TID, &SIMPLE_INFO);
    super::register(&MODULE_TID, &MODULE_INFO);
    super::register(&RANGE_TID, &RANGE_INFO);
    super::register(&SLICE_TID, &SLICE_INFO);
    super::register(&ITER_TID, &ITER_INFO);
}

pub fn new_simple(cls: GcRef) -> GcRef {
    super::alloc(SimpleObject {
        hdr: HDR,
        cls: Some(cls),
    })
}

pub fn new_iter(
    cls: GcRef,
    kind: IterKind,
    a: Option<GcRef>,
    b: Option<GcRef>,
    i: i64,
    n: i64,
    step: i64,
) -> GcRef {
    super::alloc(IterObject {
        hdr: HDR,
        cls: Some(cls),
        a,
        b,
        i,
        n,
        step,
        kind,
    })
}

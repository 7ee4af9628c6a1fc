//! The Python object model: every Python object is a GC object.
//!
//! Layout: each object is a `#[repr(C)]` struct whose first field is the
//! GC [`Header`] and whose second is `cls: Option<GcRef>`, the object's type
//! object ([`PyObject`] is that common prefix). The *layout* of an object
//! (which Rust struct it is) is told by the GC type id in its header; the
//! *Python type* by `cls`. So `bool` objects share the `IntObject` layout
//! with `cls = bool`, and a subclass of `Exception` shares the
//! `ExceptionObject` layout.
//!
//! Rust-owned parts (a `String`, a `Vec` of references) are allowed inside
//! an object: the layout's `trace` visits the references they hold and its
//! finalizer drops them when the collector frees the object.
//!
//! Invariant (GC safety): a reference kept only in a Rust-heap container is
//! invisible to the collector; containers that must survive an allocation
//! live inside a GC object (list, tuple, dict) that is itself reachable.
//!
//! This module holds the layout machinery ([`gc_layout!`], [`alloc`],
//! [`cast`]); one submodule per type family holds the structs.

pub mod complex;
pub mod dict;
pub mod exc;
pub mod func;
pub mod instance;
pub mod int;
pub mod misc;
pub mod seq;
pub mod str;
pub mod typeobj;

pub use kiln_gc::GcRef;
use kiln_gc::Header;
use std::sync::atomic::{AtomicU32, Ordering};

/// The common prefix of every Python object.
#[repr(C)]
pub struct PyObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
}

kiln_jit::field_descr!(pub OBJ_CLS: PyObject.cls, Ref, Mutable);

/// The GC type id in the header: tells the layout (e.g. a machine-word
/// `IntObject` from a `BigIntObject`, both of class `int`).
pub static OBJ_TYPE_ID: kiln_jit::FieldDescr = kiln_jit::FieldDescr {
    name: "PyObject.type_id",
    offset: 0,
    size: 4,
    kind: kiln_jit::Kind::Int,
    unsigned: true,
    mutability: kiln_jit::FieldMut::Immutable,
};

/// A fresh header value for struct literals; [`alloc`] keeps the real one.
pub const HDR: Header = Header {
    type_id: 0,
    gc_flags: 0,
};

/// A Rust struct that is the layout of GC objects of one type id.
pub trait Layout: Sized + 'static {
    /// The GC type id, valid after [`register_layouts`].
    fn tid() -> u32;
    /// Visits the references held in Rust-owned parts.
    fn trace_extra(&mut self, _visit: kiln_gc::Visitor) {}
}

/// Declares the GC type info of a layout struct: its type id static,
/// its `ref_offsets` (the `Option<GcRef>` fields) and a finalizer that
/// drops the Rust-owned parts.
#[macro_export]
macro_rules! gc_layout {
    ($ty:ident, $tid:ident, $info:ident, [$($f:ident),*], trace = $trace:expr) => {
        pub static $tid: std::sync::atomic::AtomicU32 =
            std::sync::atomic::AtomicU32::new(u32::MAX);
        pub static $info: kiln_gc::TypeInfo = kiln_gc::TypeInfo {
            name: stringify!($ty),
            size: std::mem::size_of::<$ty>(),
            ref_offsets: &[std::mem::offset_of!($ty, cls) $(, std::mem::offset_of!($ty, $f))*],
            trace: if $trace { Some($crate::object::trace_layout::<$ty>) } else { None },
            finalize: if std::mem::needs_drop::<$ty>() {
                Some($crate::object::finalize_layout::<$ty>)
            } else {
                None
            },
        };
    };
}

/// Trace function of layouts with Rust-owned references.
///
/// # Safety
/// `obj` must be a live object of layout `T`.
pub unsafe fn trace_layout<T: Layout>(obj: GcRef, visit: kiln_gc::Visitor) {
    // SAFETY: the collector passes objects of this layout only.
    unsafe { (*obj.as_ptr::<T>()).trace_extra(visit) }
}

/// Finalizer of layouts with Rust-owned parts: drops them in place.
///
/// # Safety
/// `obj` must be a dying object of layout `T`, finalized once.
pub unsafe fn finalize_layout<T: Layout>(obj: GcRef) {
    // SAFETY: the object holds a valid `T` that nobody uses afterwards.
    unsafe { std::ptr::drop_in_place(obj.as_ptr::<T>()) }
}

/// Visits every slot of a vector of references.
pub fn visit_vec(v: &mut [Option<GcRef>], visit: kiln_gc::Visitor) {
    for slot in v.iter_mut() {
        visit(slot as *mut Option<GcRef>);
    }
}

/// Registers one layout's type info and stores its id.
pub fn register(tid: &AtomicU32, info: &'static kiln_gc::TypeInfo) {
    if tid.load(Ordering::Relaxed) == u32::MAX {
        tid.store(kiln_gc::register_type(info), Ordering::Relaxed);
    }
}

static REGISTER: std::sync::Once = std::sync::Once::new();

/// Registers every layout with the collector (idempotent).
pub fn register_layouts() {
    REGISTER.call_once(|| {
        int::register();
        complex::register();
        str::register();
        seq::register();
        dict::register();
        func::register();
        typeobj::register();
        instance::register();
        exc::register();
        misc::register();
    });
}

/// Allocates a GC object holding `val` (its `hdr` field is replaced by the
/// collector's header).
///
/// GC safety: references held by `val` in Rust-heap parts must be reachable
/// from elsewhere during this call (it may collect).
pub fn alloc<T: Layout>(val: T) -> GcRef {
    let r = kiln_gc::alloc(T::tid(), std::mem::size_of::<T>());
    // SAFETY: `r` is a fresh zeroed allocation of size_of::<T>() bytes,
    // aligned for any of our layouts (16); we keep the collector's header
    // and move `val` into the rest.
    unsafe {
        let p = r.as_ptr::<T>();
        let hdr = std::ptr::read(p as *const Header);
        std::ptr::write(p, val);
        std::ptr::write(p as *mut Header, hdr);
    }
    r
}

/// Keeps `r` alive (visible to the conservative stack scan) up to this
/// point. `let _ = r;` does not: the compiler may drop a dead local early.
#[inline(always)]
pub fn keep_alive(r: GcRef) {
    std::hint::black_box(r);
}

/// Is `r` an object of layout `T`?
#[inline(always)]
pub fn is<T: Layout>(r: GcRef) -> bool {
    r.type_id() == T::tid()
}

/// Views `r` as layout `T`.
///
/// Callers check the layout first (with [`is`] or by construction); a
/// mismatch is caught in debug builds.
#[inline(always)]
#[allow(clippy::mut_from_ref)]
pub fn cast<T: Layout>(r: GcRef) -> &'static mut T {
    debug_assert_eq!(r.type_id(), T::tid(), "layout mismatch");
    // SAFETY: `r` is a live object whose header names layout `T` (checked
    // above in debug builds, guaranteed by callers); GC objects do not move.
    unsafe { &mut *r.as_ptr::<T>() }
}

/// Views `r` as layout `T` if it is one.
#[inline(always)]
pub fn try_cast<T: Layout>(r: GcRef) -> Option<&'static mut T> {
    if is::<T>(r) {
        Some(cast::<T>(r))
    } else {
        None
    }
}

/// The type object of any object.
#[inline(always)]
pub fn class_of(r: GcRef) -> GcRef {
    // SAFETY: every Python object starts with the PyObject prefix, and its
    // cls is set at allocation (types of types included).
    unsafe { (*r.as_ptr::<PyObject>()).cls.expect("object without class") }
}

/// Sets the type object of an object.
#[inline(always)]
pub fn set_class(r: GcRef, cls: GcRef) {
    // SAFETY: as above, the prefix is common to all objects.
    unsafe { (*r.as_ptr::<PyObject>()).cls = Some(cls) };
    kiln_gc::write_barrier(r);
}

/// A word as a reference (0 is null), for `extern "C"` helpers.
#[inline(always)]
pub fn word_to_ref(w: u64) -> Option<GcRef> {
    // SAFETY: helper arguments are 0 or live GC objects (the residual-call
    // convention of kiln-jit).
    (w != 0).then(|| unsafe { GcRef::from_addr(w as usize) })
}

/// A reference as a word, for `extern "C"` helpers.
#[inline(always)]
pub fn ref_to_word(r: Option<GcRef>) -> u64 {
    r.map_or(0, |r| r.addr() as u64)
}

//! Callables and their parts: `CodeObj` (a loaded code object: the
//! compiler's `CodeObject` plus its constants and names as heap objects),
//! `FunctionObject`, `BuiltinFunctionObject` (a Rust function), bound
//! `MethodObject`, `CellObject` (closure cells), `GeneratorObject` (owns a
//! suspended frame), `AwaitableObject` (the awaitables of async
//! generators) and the descriptor wrappers property, staticmethod,
//! classmethod.

use super::{visit_vec, GcRef, Layout};
use crate::bytecode::CodeObject;
use crate::vm::{PyResult, Vm};
use kiln_gc::Header;
use std::rc::Rc;

/// Keyword arguments of a native call: (name str, value) pairs.
pub type KwArgs<'a> = &'a [(GcRef, GcRef)];
/// A builtin function: positional args (self first for methods), keywords.
pub type NativeFn = fn(&mut Vm, &[GcRef], KwArgs) -> PyResult<GcRef>;

/// An inline cache of one `LOAD_ATTR`/`STORE_ATTR`: while the class has
/// `version` and the instance has map `map`, the attribute is storage
/// slot `index` (maps live as long as the VM, versions are never reused).
/// A `LOAD_METHOD`'s entry keeps the method's address in `index` instead
/// (see `lookup_method`).
#[derive(Clone, Copy, Default)]
pub struct AttrCache {
    pub version: u64,
    pub map: usize,
    pub index: usize,
}

/// An inline cache of `LOAD_GLOBAL` for one name of a code object: while
/// the frame's globals and builtins tables have versions `globals` and
/// `builtins`, the name is bound to the object at address `value` (0: no
/// entry). Equal versions mean equal table contents (see `dict::Table`),
/// so the value is still in one of the two live tables whenever the cache
/// hits; it is a plain address the GC does not trace, and once the tables
/// change (or are freed) their versions do too and it is never read again.
/// Kept per name rather than per instruction: every `LOAD_GLOBAL` of one
/// name in one code object resolves alike, and code objects carry far
/// fewer names than instructions.
#[derive(Clone, Copy, Default)]
pub struct GlobalCache {
    pub globals: u64,
    pub builtins: u64,
    pub value: usize,
}

#[repr(C)]
pub struct CodeObj {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    pub code: Rc<CodeObject>,
    /// `code.consts` as heap objects (nested code as `CodeObj`).
    pub consts: Vec<Option<GcRef>>,
    /// `code.names` as interned strs.
    pub names: Vec<Option<GcRef>>,
    /// `varnames ++ cellvars ++ freevars` as interned strs.
    pub varnames: Vec<Option<GcRef>>,
    pub filename: Option<GcRef>,
    pub name: Option<GcRef>,
    /// One attribute cache per instruction (used by LOAD_ATTR, STORE_ATTR,
    /// LOAD_METHOD).
    pub attr_cache: Vec<AttrCache>,
    /// One global-name cache per entry of `names` (used by LOAD_GLOBAL).
    pub global_cache: Vec<GlobalCache>,
}

#[repr(C)]
pub struct FunctionObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    pub code: Option<GcRef>,
    pub globals: Option<GcRef>,
    pub name: Option<GcRef>,
    pub qualname: Option<GcRef>,
    pub defaults: Option<GcRef>,
    pub kwdefaults: Option<GcRef>,
    pub closure: Option<GcRef>,
    pub dict: Option<GcRef>,
    pub annotations: Option<GcRef>,
    pub doc: Option<GcRef>,
    pub module: Option<GcRef>,
}

#[repr(C)]
pub struct BuiltinFunctionObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    /// Bound first argument (`"abc".upper`), if any.
    pub bound: Option<GcRef>,
    pub name: &'static str,
    pub func: NativeFn,
}

#[repr(C)]
pub struct MethodObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    pub func: Option<GcRef>,
    pub self_: Option<GcRef>,
}

#[repr(C)]
pub struct CellObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    pub value: Option<GcRef>,
}

#[repr(C)]
pub struct GeneratorObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    pub frame: Option<GcRef>,
    pub name: Option<GcRef>,
    pub qualname: Option<GcRef>,
    /// 0 created, 1 suspended, 2 running, 3 finished.
    pub state: i64,
    /// Async generators: `AG_RUNNING` while an awaitable drives it,
    /// `AG_CLOSED` once `aclose()` started or it ended.
    pub async_flags: i64,
}

pub const AG_RUNNING: i64 = 1;
pub const AG_CLOSED: i64 = 2;

/// The awaitables of async iteration (`async_generator_asend`,
/// `async_generator_athrow`, `anext_awaitable`; told apart by `kind`).
#[repr(C)]
pub struct AwaitableObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    /// The async generator, or for `anext_awaitable` the async iterator.
    pub gen: Option<GcRef>,
    /// `asend`: the value to send first; `athrow`: the exception to throw;
    /// `anext_awaitable`: the default.
    pub value: Option<GcRef>,
    /// `anext_awaitable`: the awaitable of `__anext__()` once made.
    pub inner: Option<GcRef>,
    /// 0 not started, 1 iterating, 2 done.
    pub state: i64,
    /// One of the `AW_*` kinds.
    pub kind: i64,
}

pub const AW_ASEND: i64 = 0;
pub const AW_ATHROW: i64 = 1;
pub const AW_ACLOSE: i64 = 2;
pub const AW_ANEXT: i64 = 3;

/// property, staticmethod, classmethod (one layout, told apart by class).
#[repr(C)]
pub struct DescrObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    pub fget: Option<GcRef>,
    pub fset: Option<GcRef>,
    pub fdel: Option<GcRef>,
    pub doc: Option<GcRef>,
}

kiln_jit::field_descr!(pub CELL_VALUE: CellObject.value, Ref, Mutable);

crate::gc_layout!(CodeObj, CODE_TID, CODE_INFO, [filename, name], trace = true);
crate::gc_layout!(
    FunctionObject,
    FUNC_TID,
    FUNC_INFO,
    [
        code,
        globals,
        name,
        qualname,
        defaults,
        kwdefaults,
        closure,
        dict,
        annotations,
        doc,
        module
    ],
    trace = false
);
crate::gc_layout!(
    BuiltinFunctionObject,
    BUILTIN_TID,
    BUILTIN_INFO,
    [bound],
    trace = false
);
crate::gc_layout!(
    MethodObject,
    METHOD_TID,
    METHOD_INFO,
    [func, self_],
    trace = false
);
crate::gc_layout!(CellObject, CELL_TID, CELL_INFO, [value], trace = false);
crate::gc_layout!(
    GeneratorObject,
    GEN_TID,
    GEN_INFO,
    [frame, name, qualname],
    trace = false
);
crate::gc_layout!(
    AwaitableObject,
    AWAITABLE_TID,
    AWAITABLE_INFO,
    [gen, value, inner],
    trace = false
);
crate::gc_layout!(
    DescrObject,
    DESCR_TID,
    DESCR_INFO,
    [fget, fset, fdel, doc],
    trace = false
);

macro_rules! layout_impl {
    ($ty:ident, $tid:ident) => {
        impl Layout for $ty {
            fn tid() -> u32 {
                $tid.load(std::sync::atomic::Ordering::Relaxed)
            }
        }
    };
}
pub(crate) use layout_impl;

impl Layout for CodeObj {
    fn tid() -> u32 {
        CODE_TID.load(std::sync::atomic::Ordering::Relaxed)
    }
    fn trace_extra(&mut self, visit: kiln_gc::Visitor) {
        visit_vec(&mut self.consts, visit);
        visit_vec(&mut self.names, visit);
        visit_vec(&mut self.varnames, visit);
    }
}
layout_impl!(FunctionObject, FUNC_TID);
layout_impl!(BuiltinFunctionObject, BUILTIN_TID);
layout_impl!(MethodObject, METHOD_TID);
layout_impl!(CellObject, CELL_TID);
layout_impl!(GeneratorObject, GEN_TID);
layout_impl!(DescrObject, DESCR_TID);
layout_impl!(AwaitableObject, AWAITABLE_TID);

pub(crate) fn register() {
    super::register(&CODE_TID, &CODE_INFO);
    super::register(&FUNC_TID, &FUNC_INFO);
    super::register(&BUILTIN_TID, &BUILTIN_INFO);
    super::register(&METHOD_TID, &METHOD_INFO);
    super::register(&CELL_TID, &CELL_INFO);
    super::register(&GEN_TID, &GEN_INFO);
    super::register(&DESCR_TID, &DESCR_INFO);
    super::register(&AWAITABLE_TID, &AWAITABLE_INFO);
}

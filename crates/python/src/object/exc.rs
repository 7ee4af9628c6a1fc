//! Exception instances (BaseException and subclasses) and tracebacks.
//! An exception has the instance attribute part (maps) plus `args`,
//! `__traceback__`, `__cause__`, `__context__` and `__suppress_context__`.
//! A traceback entry records (code, line) of one frame, linked outward-in
//! like CPython's `tb_next` chain.

use super::instance::Attrs;
use super::{GcRef, Layout, HDR};
use kiln_gc::Header;

#[repr(C)]
pub struct ExceptionObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    pub attrs: Attrs,
    /// A tuple.
    pub args: Option<GcRef>,
    pub traceback: Option<GcRef>,
    pub cause: Option<GcRef>,
    pub context: Option<GcRef>,
    pub suppress_context: bool,
}

#[repr(C)]
pub struct TracebackObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    pub next: Option<GcRef>,
    /// The `CodeObj` of the frame.
    pub code: Option<GcRef>,
    pub frame: Option<GcRef>,
    pub line: i64,
}

crate::gc_layout!(
    ExceptionObject,
    EXC_TID,
    EXC_INFO,
    [args, traceback, cause, context],
    trace = true
);
crate::gc_layout!(
    TracebackObject,
    TB_TID,
    TB_INFO,
    [next, code, frame],
    trace = false
);

impl Layout for ExceptionObject {
    fn tid() -> u32 {
        EXC_TID.load(std::sync::atomic::Ordering::Relaxed)
    }
    fn trace_extra(&mut self, visit: kiln_gc::Visitor) {
        self.attrs.trace(visit)
    }
}
impl Layout for TracebackObject {
    fn tid() -> u32 {
        TB_TID.load(std::sync::atomic::Ordering::Relaxed)
    }
}

pub(crate) fn register() {
    super::register(&EXC_TID, &EXC_INFO);
    super::register(&TB_TID, &TB_INFO);
}

pub fn new_exception(cls: GcRef, root_map: GcRef, args: GcRef) -> GcRef {
    super::alloc(ExceptionObject {
        hdr: HDR,
        cls: Some(cls),
        attrs: Attrs::new(root_map),
        args: Some(args),
        traceback: None,
        cause: None,
        context: None,
        suppress_context: false,
    })
}

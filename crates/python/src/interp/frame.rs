//! The frame: the JIT's virtualizable. One GC object per running (or
//! suspended) Python frame, holding a fixed-size array of slots
//! `locals ++ cells ++ frees ++ value stack` sized from the code object
//! (see `bytecode`), plus pc, saved stack depth and the code, globals,
//! builtins and locals-mapping references.
//!
//! Handlers access the slots with `t.vable_getitem_r(frame, &FRAME_ITEMS,
//! i)` / `vable_setitem_r` with green indexes (the stack depth is a
//! function of the pc). `pc` and `sp` are stored to the frame only when the
//! frame is left (yield, exception, call into Rust that may inspect it).

use crate::object::func::CodeObj;
use crate::object::{cast, GcRef, Layout};
use kiln_gc::Header;

#[repr(C)]
pub struct FrameObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    /// The `CodeObj` (immutable: a green fact).
    pub code: Option<GcRef>,
    pub globals: Option<GcRef>,
    pub builtins: Option<GcRef>,
    /// The locals mapping of module and class bodies.
    pub locals: Option<GcRef>,
    /// The calling frame.
    pub back: Option<GcRef>,
    /// Next instruction to execute when resumed.
    pub pc: i64,
    /// Saved value-stack depth (absolute slot index) when suspended.
    pub sp: i64,
    /// 1 while suspended at a `YIELD_VALUE`, 2 once returned.
    pub state: i64,
    /// Reserved for the JIT ("machine code owns my fields").
    pub vable_token: i64,
    pub len: i64,
    pub items: [Option<GcRef>; 0],
}

kiln_jit::field_descr!(pub FRAME_PC: FrameObject.pc, Int, Mutable);
kiln_jit::field_descr!(pub FRAME_CODE: FrameObject.code, Ref, Immutable);
kiln_jit::field_descr!(pub FRAME_GLOBALS: FrameObject.globals, Ref, Immutable);
kiln_jit::field_descr!(pub FRAME_VABLE_TOKEN: FrameObject.vable_token, Int, Mutable);

/// The slot array of a frame.
pub static FRAME_ITEMS: kiln_jit::ArrayDescr = kiln_jit::ArrayDescr {
    name: "FrameObject.items",
    len_offset: std::mem::offset_of!(FrameObject, len),
    base_offset: std::mem::offset_of!(FrameObject, items),
    item_size: 8,
    kind: kiln_jit::Kind::Ref,
    mutability: kiln_jit::FieldMut::Mutable,
};

pub static FRAME_TID: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(u32::MAX);
pub static FRAME_INFO: kiln_gc::TypeInfo = kiln_gc::TypeInfo {
    name: "FrameObject",
    size: std::mem::size_of::<FrameObject>(),
    ref_offsets: &[
        std::mem::offset_of!(FrameObject, cls),
        std::mem::offset_of!(FrameObject, code),
        std::mem::offset_of!(FrameObject, globals),
        std::mem::offset_of!(FrameObject, builtins),
        std::mem::offset_of!(FrameObject, locals),
        std::mem::offset_of!(FrameObject, back),
    ],
    trace: Some(trace_frame),
    finalize: None,
};

/// # Safety
/// `obj` must be a live frame.
unsafe fn trace_frame(obj: GcRef, visit: kiln_gc::Visitor) {
    let f = cast::<FrameObject>(obj);
    let base = f.items.as_mut_ptr();
    for i in 0..f.len as usize {
        // SAFETY: the frame was allocated with `len` slots.
        visit(unsafe { base.add(i) });
    }
}

impl Layout for FrameObject {
    fn tid() -> u32 {
        FRAME_TID.load(std::sync::atomic::Ordering::Relaxed)
    }
}

pub fn register() {
    crate::object::register(&FRAME_TID, &FRAME_INFO);
}

/// Allocates a frame for `code` (a `CodeObj`) with all slots NULL.
pub fn new_frame(
    cls: GcRef,
    code: GcRef,
    globals: GcRef,
    builtins: GcRef,
    locals: Option<GcRef>,
) -> GcRef {
    let co = &cast::<CodeObj>(code).code;
    let n = co.nslots() + co.max_stack as usize + 1;
    let nslots = co.nslots();
    let r = kiln_gc::alloc(
        FrameObject::tid(),
        std::mem::size_of::<FrameObject>() + 8 * n,
    );
    let f = cast::<FrameObject>(r);
    f.cls = Some(cls);
    f.code = Some(code);
    f.globals = Some(globals);
    f.builtins = Some(builtins);
    f.locals = locals;
    f.len = n as i64;
    f.sp = nslots as i64;
    r
}

/// The slots of a frame.
#[inline]
pub fn slots(r: GcRef) -> &'static mut [Option<GcRef>] {
    let f = cast::<FrameObject>(r);
    // SAFETY: a frame has `len` slots after its fixed part.
    unsafe { std::slice::from_raw_parts_mut(f.items.as_mut_ptr(), f.len as usize) }
}

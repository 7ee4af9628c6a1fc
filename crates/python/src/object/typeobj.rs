//! Type objects. A type has a name, bases, an MRO (C3), a dict, and a
//! version tag: a globally unique number replaced on every write to the
//! dict of the type (or of a base, through `subclasses`), so that method
//! lookups can be cached by (type, name, version) and, later, read by the
//! JIT as quasi-immutable facts. `layout` says which Rust struct instances
//! of the type use.

use super::{visit_vec, GcRef, Layout};
use kiln_gc::Header;

/// Which layout the instances of a type have.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum InstLayout {
    /// Instances with maps (plain classes, `object`).
    Instance,
    /// BaseException and subclasses.
    Exception,
    /// A builtin layout that user classes cannot extend here.
    Builtin,
}

#[repr(C)]
pub struct TypeObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    pub dict: Option<GcRef>,
    pub name: Option<GcRef>,
    pub qualname: Option<GcRef>,
    /// The first base (the layout base).
    pub base: Option<GcRef>,
    pub bases: Vec<Option<GcRef>>,
    pub mro: Vec<Option<GcRef>>,
    /// Weakly meant: classes deriving from this one (to bump versions).
    pub subclasses: Vec<Option<GcRef>>,
    pub version: u64,
    pub layout: InstLayout,
    /// True for classes created by `class` statements.
    pub heap: bool,
    /// Rust constructor for builtin types (`int("3")`): called with the
    /// class first.
    pub native_new: Option<super::func::NativeFn>,
    /// [`type_flags`] bits.
    pub flags: u32,
}

/// Bits of `TypeObject::flags` (CPython's values for the two collection
/// bits, which `collections.abc` names in `__abc_tpflags__`).
pub mod type_flags {
    /// A sequence for `match` (sequence patterns).
    pub const SEQUENCE: u32 = 1 << 5;
    /// A mapping for `match` (mapping patterns).
    pub const MAPPING: u32 = 1 << 6;
    pub const COLLECTION: u32 = SEQUENCE | MAPPING;
    /// A class pattern `C(x)` with one positional sub-pattern matches the
    /// subject itself (bool, bytes, dict, float, int, list, str, ...).
    pub const MATCH_SELF: u32 = 1 << 22;
    /// The flags a class takes over from its layout base.
    pub const INHERITED: u32 = COLLECTION | MATCH_SELF;
}

kiln_jit::field_descr!(pub TYPE_VERSION: TypeObject.version, Int, QuasiImmutable);

crate::gc_layout!(
    TypeObject,
    TYPE_TID,
    TYPE_INFO,
    [dict, name, qualname, base],
    trace = true
);

impl Layout for TypeObject {
    fn tid() -> u32 {
        TYPE_TID.load(std::sync::atomic::Ordering::Relaxed)
    }
    fn trace_extra(&mut self, visit: kiln_gc::Visitor) {
        visit_vec(&mut self.bases, visit);
        visit_vec(&mut self.mro, visit);
        visit_vec(&mut self.subclasses, visit);
    }
}

pub(crate) fn register() {
    super::register(&TYPE_TID, &TYPE_INFO);
}

static NEXT_VERSION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// A fresh, never reused version tag.
pub fn fresh_version() -> u64 {
    NEXT_VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Bumps the version of `ty` and every subclass (after a dict write).
pub fn invalidate(ty: GcRef) {
    let t = super::cast::<TypeObject>(ty);
    t.version = fresh_version();
    let subs: Vec<GcRef> = t.subclasses.iter().flatten().copied().collect();
    for s in subs {
        invalidate(s);
    }
}

/// C3 linearization of `cls` given its bases' MROs; `None` if impossible.
pub fn c3_mro(cls: GcRef, bases: &[GcRef]) -> Option<Vec<GcRef>> {
    let mut seqs: Vec<Vec<GcRef>> = bases
        .iter()
        .map(|b| {
            super::cast::<TypeObject>(*b)
                .mro
                .iter()
                .flatten()
                .copied()
                .collect()
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out = vec![cls];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let mut found = None;
        for s in &seqs {
            let cand = s[0];
            if !seqs.iter().any(|t| t[1..].contains(&cand)) {
                found = Some(cand);
                break;
            }
        }
        let c = found?;
        out.push(c);
        for s in seqs.iter_mut() {
            if s[0] == c {
                s.remove(0);
            }
        }
    }
}

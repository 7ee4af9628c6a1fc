//! Strings and bytes. `StrObject` holds UTF-8 text with its code-point
//! length cached (indexing is by code point; ASCII strings index bytes
//! directly) and a lazily computed hash (-1 = not yet computed). Bytes and
//! bytearray share `BytesObject`; `MemoryViewObject` is a view of one.

use super::{GcRef, Layout, HDR};
use kiln_gc::Header;

#[repr(C)]
pub struct StrObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    pub s: String,
    /// Number of code points.
    pub len: usize,
    pub hash: i64,
}

#[repr(C)]
pub struct BytesObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    pub b: Vec<u8>,
    pub hash: i64,
}

/// A `memoryview` of a bytes or bytearray: the items
/// `obj.b[start + i * step]` for `0 <= i < len`.
#[repr(C)]
pub struct MemoryViewObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    /// The exporting bytes or bytearray (`.obj`).
    pub obj: Option<GcRef>,
    pub start: i64,
    pub len: i64,
    pub step: i64,
    pub readonly: bool,
    pub released: bool,
}

crate::gc_layout!(StrObject, STR_TID, STR_INFO, [], trace = false);
crate::gc_layout!(BytesObject, BYTES_TID, BYTES_INFO, [], trace = false);
crate::gc_layout!(
    MemoryViewObject,
    MEMVIEW_TID,
    MEMVIEW_INFO,
    [obj],
    trace = false
);

impl Layout for MemoryViewObject {
    fn tid() -> u32 {
        MEMVIEW_TID.load(std::sync::atomic::Ordering::Relaxed)
    }
}

impl Layout for StrObject {
    fn tid() -> u32 {
        STR_TID.load(std::sync::atomic::Ordering::Relaxed)
    }
}
impl Layout for BytesObject {
    fn tid() -> u32 {
        BYTES_TID.load(std::sync::atomic::Ordering::Relaxed)
    }
}

pub(crate) fn register() {
    super::register(&STR_TID, &STR_INFO);
    super::register(&BYTES_TID, &BYTES_INFO);
    super::register(&MEMVIEW_TID, &MEMVIEW_INFO);
}

impl StrObject {
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.len == self.s.len()
    }
    /// The byte offset of code point `i` (`i <= len`).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i
        } else {
            self.s
                .char_indices()
                .nth(i)
                .map_or(self.s.len(), |(b, _)| b)
        }
    }
}

pub fn new_str(cls: GcRef, s: String) -> GcRef {
    let len = s.chars().count();
    super::alloc(StrObject {
        hdr: HDR,
        cls: Some(cls),
        s,
        len,
        hash: -1,
    })
}

pub fn new_bytes(cls: GcRef, b: Vec<u8>) -> GcRef {
    super::alloc(BytesObject {
        hdr: HDR,
        cls: Some(cls),
        b,
        hash: -1,
    })
}

/// FNV-1a hash of a string's bytes, folded to CPython's hash range (never -1).
pub fn hash_bytes(b: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &c in b {
        h ^= c as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    let h = h as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// The cached hash of a str object.
pub fn str_hash(r: GcRef) -> i64 {
    let so = super::cast::<StrObject>(r);
    if so.hash == -1 {
        so.hash = hash_bytes(so.s.as_bytes());
    }
    so.hash
}

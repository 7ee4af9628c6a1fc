//! Instances of classes, with maps (hidden classes, as in PyPy's mapdict).
//!
//! A [`MapObject`] describes the attribute layout shared by all instances
//! that added the same attribute names in the same order: name -> index
//! into the instance's `storage`. Adding an attribute follows (or creates)
//! a transition to a child map. Reading `obj.__dict__` switches that
//! instance to "dict mode" for good (`map = None`, `dict` is the real
//! dict), so the dict and the attributes can never disagree.

use super::{visit_vec, GcRef, Layout, HDR};
use kiln_gc::Header;
use std::collections::HashMap;

/// A small, fast string hasher for attribute-name tables.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);
impl std::hash::Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.write_u64(w);
        }
        for &b in chunks.remainder() {
            self.write_u64(b as u64);
        }
    }
    fn write_u64(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, w: usize) {
        self.write_u64(w as u64);
    }
}
pub type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

#[repr(C)]
pub struct MapObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    /// Attribute names (strs) by storage index.
    pub names: Vec<Option<GcRef>>,
    pub index: HashMap<Box<str>, usize, FxBuild>,
    /// Child maps by added name.
    pub transitions: Vec<Option<GcRef>>,
    pub transition_names: Vec<Box<str>>,
}

/// The attribute part shared by instances and exceptions.
#[repr(C)]
pub struct Attrs {
    pub map: Option<GcRef>,
    pub storage: Vec<Option<GcRef>>,
    pub dict: Option<GcRef>,
}

impl Attrs {
    pub fn new(root_map: GcRef) -> Attrs {
        Attrs {
            map: Some(root_map),
            storage: Vec::new(),
            dict: None,
        }
    }
    pub fn trace(&mut self, visit: kiln_gc::Visitor) {
        visit(&mut self.map as *mut Option<GcRef>);
        visit(&mut self.dict as *mut Option<GcRef>);
        visit_vec(&mut self.storage, visit);
    }
}

#[repr(C)]
pub struct InstanceObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    pub attrs: Attrs,
}

crate::gc_layout!(MapObject, MAP_TID, MAP_INFO, [], trace = true);
crate::gc_layout!(
    InstanceObject,
    INSTANCE_TID,
    INSTANCE_INFO,
    [],
    trace = true
);

impl Layout for MapObject {
    fn tid() -> u32 {
        MAP_TID.load(std::sync::atomic::Ordering::Relaxed)
    }
    fn trace_extra(&mut self, visit: kiln_gc::Visitor) {
        visit_vec(&mut self.names, visit);
        visit_vec(&mut self.transitions, visit);
    }
}
impl Layout for InstanceObject {
    fn tid() -> u32 {
        INSTANCE_TID.load(std::sync::atomic::Ordering::Relaxed)
    }
    fn trace_extra(&mut self, visit: kiln_gc::Visitor) {
        self.attrs.trace(visit)
    }
}

pub(crate) fn register() {
    super::register(&MAP_TID, &MAP_INFO);
    super::register(&INSTANCE_TID, &INSTANCE_INFO);
}

pub fn new_map() -> GcRef {
    super::alloc(MapObject {
        hdr: HDR,
        cls: None,
        names: Vec::new(),
        index: HashMap::default(),
        transitions: Vec::new(),
        transition_names: Vec::new(),
    })
}

/// The index of attribute `name` (a str object) in `map`: names are
/// usually interned, so a pointer scan of small maps finds them without
/// hashing; otherwise by content.
#[inline]
pub fn map_lookup_ref(map: GcRef, name: GcRef) -> Option<usize> {
    let m = super::cast::<MapObject>(map);
    if m.names.len() <= 16 {
        if let Some(i) = m.names.iter().position(|n| *n == Some(name)) {
            return Some(i);
        }
    }
    m.index
        .get(super::cast::<super::str::StrObject>(name).s.as_str())
        .copied()
}

/// The child map of `map` with `name` added (created on first use).
/// `name_ref` is the str object for `name`.
pub fn map_add(map: GcRef, name: &str, name_ref: GcRef) -> GcRef {
    let m = super::cast::<MapObject>(map);
    if let Some(i) = m.transition_names.iter().position(|n| &**n == name) {
        return m.transitions[i].expect("transition");
    }
    let child = new_map();
    let (m, c) = (
        super::cast::<MapObject>(map),
        super::cast::<MapObject>(child),
    );
    c.names = m.names.clone();
    c.index = m.index.clone();
    c.index.insert(name.into(), c.names.len());
    c.names.push(Some(name_ref));
    m.transitions.push(Some(child));
    m.transition_names.push(name.into());
    kiln_gc::write_barrier(map);
    child
}

pub fn new_instance(cls: GcRef, root_map: GcRef) -> GcRef {
    super::alloc(InstanceObject {
        hdr: HDR,
        cls: Some(cls),
        attrs: Attrs::new(root_map),
    })
}

//! Dicts and sets: one insertion-ordered hash table ([`Table`]) with an
//! open-addressing index over a dense entry vector (so iteration follows
//! insertion order). Key comparison follows Python semantics: identity,
//! then fast paths for str and int keys, then `__eq__` (which may run
//! Python code and even mutate the table: lookups re-read the table after
//! each call).
//!
//! Every table carries a version tag, replaced by a fresh number on each
//! write that can change what a key maps to, so a cache keyed on versions
//! (`LOAD_GLOBAL`'s, see `GlobalCache`) is valid exactly while the tables
//! are unchanged, with no hashing. Writers go through [`Table`]'s methods
//! and this module's functions, which all bump it; nothing else may store
//! into `entries`.

use super::{GcRef, Layout, HDR};
use crate::vm::{PyResult, Vm};
use kiln_gc::Header;
use std::cell::Cell;

#[derive(Clone, Copy)]
pub struct Entry {
    pub hash: i64,
    /// `None` for a deleted entry.
    pub key: Option<GcRef>,
    pub value: Option<GcRef>,
}

#[derive(Default)]
pub struct Table {
    pub entries: Vec<Entry>,
    /// -1 empty, otherwise an index into `entries`.
    indices: Vec<i32>,
    pub used: usize,
    /// 0 while the table has never held an entry (so it is empty);
    /// otherwise a number no other table state of this thread ever had:
    /// equal versions mean equal contents, even across a table freed and
    /// another allocated at its address.
    pub version: u64,
}

thread_local! {
    /// Heaps are per thread, so a per-thread counter keeps versions unique
    /// among the tables any one program can see, and costs a plain
    /// load and store rather than an atomic read-modify-write per write.
    static NEXT_VERSION: Cell<u64> = const { Cell::new(1) };
}

#[repr(C)]
pub struct DictObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    pub t: Table,
    /// Instance attributes of subclass instances (`class D(dict)`).
    pub ext: Option<Box<super::instance::Attrs>>,
}

#[repr(C)]
pub struct SetObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    pub t: Table,
}

crate::gc_layout!(DictObject, DICT_TID, DICT_INFO, [], trace = true);
crate::gc_layout!(SetObject, SET_TID, SET_INFO, [], trace = true);

impl Table {
    fn trace(&mut self, visit: kiln_gc::Visitor) {
        for e in self.entries.iter_mut() {
            visit(&mut e.key as *mut Option<GcRef>);
            visit(&mut e.value as *mut Option<GcRef>);
        }
    }
}

impl Layout for DictObject {
    fn tid() -> u32 {
        DICT_TID.load(std::sync::atomic::Ordering::Relaxed)
    }
    fn trace_extra(&mut self, visit: kiln_gc::Visitor) {
        self.t.trace(visit);
        if let Some(a) = &mut self.ext {
            a.trace(visit);
        }
    }
}
impl Layout for SetObject {
    fn tid() -> u32 {
        SET_TID.load(std::sync::atomic::Ordering::Relaxed)
    }
    fn trace_extra(&mut self, visit: kiln_gc::Visitor) {
        self.t.trace(visit)
    }
}

pub(crate) fn register() {
    super::register(&DICT_TID, &DICT_INFO);
    super::register(&SET_TID, &SET_INFO);
}

pub fn new_dict(cls: GcRef) -> GcRef {
    super::alloc(DictObject {
        hdr: HDR,
        cls: Some(cls),
        t: Table::default(),
        ext: None,
    })
}

pub fn new_set(cls: GcRef) -> GcRef {
    super::alloc(SetObject {
        hdr: HDR,
        cls: Some(cls),
        t: Table::default(),
    })
}

/// The table of a dict or set object.
#[inline]
pub fn table(r: GcRef) -> &'static mut Table {
    if super::is::<DictObject>(r) {
        &mut super::cast::<DictObject>(r).t
    } else {
        &mut super::cast::<SetObject>(r).t
    }
}

/// Fast key equality without running Python code: `Some(answer)` when
/// decidable (identity, two strs, two small ints).
#[inline]
fn quick_eq(a: GcRef, b: GcRef) -> Option<bool> {
    if a == b {
        return Some(true);
    }
    let (ta, tb) = (a.type_id(), b.type_id());
    if ta == tb {
        if ta == super::str::StrObject::tid() {
            return Some(
                super::cast::<super::str::StrObject>(a).s
                    == super::cast::<super::str::StrObject>(b).s,
            );
        }
        if ta == super::int::IntObject::tid() {
            return Some(
                super::cast::<super::int::IntObject>(a).value
                    == super::cast::<super::int::IntObject>(b).value,
            );
        }
    }
    None
}

impl Table {
    /// Gives the table a fresh version: called by every write that can
    /// change what a key maps to.
    #[inline]
    fn touch(&mut self) {
        self.version = NEXT_VERSION.with(|c| {
            let v = c.get();
            c.set(v + 1);
            v
        });
    }

    pub fn len(&self) -> usize {
        self.used
    }
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Finds the entry index of `key` (with hash `hash`), comparing with
    /// Python equality.
    pub fn find(vm: &mut Vm, tref: GcRef, key: GcRef, hash: i64) -> PyResult<Option<usize>> {
        'restart: loop {
            let t = table(tref);
            if t.indices.is_empty() {
                return Ok(None);
            }
            let mask = t.indices.len() - 1;
            let mut i = (hash as u64 as usize) & mask;
            let mut perturb = hash as u64;
            loop {
                let ix = t.indices[i];
                if ix == -1 {
                    return Ok(None);
                }
                let e = t.entries[ix as usize];
                if let Some(k) = e.key {
                    if e.hash == hash {
                        match quick_eq(k, key) {
                            Some(true) => return Ok(Some(ix as usize)),
                            Some(false) => {}
                            None => {
                                let n_before = t.entries.len();
                                let eq = crate::ops::eq_bool(vm, k, key)?;
                                let t2 = table(tref);
                                if t2.entries.len() != n_before
                                    || t2.entries.get(ix as usize).and_then(|e| e.key) != Some(k)
                                {
                                    continue 'restart;
                                }
                                if eq {
                                    return Ok(Some(ix as usize));
                                }
                            }
                        }
                    }
                }
                perturb >>= 5;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(perturb as usize))
                    & mask;
            }
        }
    }

    fn insert_index(&mut self, hash: i64, ix: usize) {
        let mask = self.indices.len() - 1;
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        while self.indices[i] != -1 {
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
        self.indices[i] = ix as i32;
    }

    /// Rebuilds the index, dropping deleted entries, for at least `need`
    /// entries; `false` (and the table unchanged) if the system has no
    /// memory for the new index.
    fn rebuild(&mut self, need: usize) -> bool {
        let mut size = 8;
        while size * 2 < (need.max(self.used) + 1) * 3 {
            size *= 2;
        }
        let mut indices = Vec::new();
        if indices.try_reserve_exact(size).is_err() {
            return false;
        }
        indices.resize(size, -1);
        self.entries.retain(|e| e.key.is_some());
        self.indices = indices;
        for ix in 0..self.entries.len() {
            let h = self.entries[ix].hash;
            self.insert_index(h, ix);
        }
        true
    }

    /// Makes room for `n` more entries without regrowing; a `MemoryError`
    /// if the system has no room.
    pub fn reserve(&mut self, vm: &mut Vm, n: usize) -> PyResult<()> {
        let need = self.used + n;
        if (need + 1) * 3 >= self.indices.len() * 2
            && (self.entries.try_reserve(n).is_err() || !self.rebuild(need))
        {
            return Err(vm.bare_err("MemoryError"));
        }
        Ok(())
    }

    /// Appends a new entry known to be absent; a `MemoryError` if the
    /// table cannot grow.
    pub fn push_new(
        &mut self,
        vm: &mut Vm,
        hash: i64,
        key: GcRef,
        value: Option<GcRef>,
    ) -> PyResult<()> {
        if !self.try_push_new(hash, key, value) {
            return Err(vm.bare_err("MemoryError"));
        }
        Ok(())
    }

    /// [`Table::push_new`] without a VM: `false` if the table cannot grow.
    fn try_push_new(&mut self, hash: i64, key: GcRef, value: Option<GcRef>) -> bool {
        if (self.entries.len() + 1) * 3 >= self.indices.len() * 2 && !self.rebuild(self.used + 1) {
            return false;
        }
        if self.entries.try_reserve(1).is_err() {
            return false;
        }
        self.entries.push(Entry {
            hash,
            key: Some(key),
            value,
        });
        let ix = self.entries.len() - 1;
        self.insert_index(hash, ix);
        self.used += 1;
        self.touch();
        true
    }

    /// Marks entry `ix` deleted.
    pub fn remove_at(&mut self, ix: usize) -> Entry {
        let e = self.entries[ix];
        self.entries[ix].key = None;
        self.entries[ix].value = None;
        self.used -= 1;
        self.touch();
        if self.used == 0 {
            self.entries.clear();
            self.indices.clear();
        }
        e
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.indices.clear();
        self.used = 0;
        self.touch();
    }

    /// Replaces the value of live entry `ix`.
    pub fn set_value_at(&mut self, ix: usize, value: GcRef) {
        self.entries[ix].value = Some(value);
        self.touch();
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| e.key.is_some())
    }
}

/// `d[key]` with a Python hash already computed.
pub fn get(vm: &mut Vm, d: GcRef, key: GcRef, hash: i64) -> PyResult<Option<GcRef>> {
    Ok(Table::find(vm, d, key, hash)?.and_then(|ix| table(d).entries[ix].value))
}

/// `d[key] = value`.
pub fn set(vm: &mut Vm, d: GcRef, key: GcRef, hash: i64, value: GcRef) -> PyResult<()> {
    match Table::find(vm, d, key, hash)? {
        Some(ix) => table(d).set_value_at(ix, value),
        None => table(d).push_new(vm, hash, key, Some(value))?,
    }
    kiln_gc::write_barrier(d);
    Ok(())
}

/// Removes `key`; returns its value if it was present.
pub fn remove(vm: &mut Vm, d: GcRef, key: GcRef, hash: i64) -> PyResult<Option<Entry>> {
    Ok(Table::find(vm, d, key, hash)?.map(|ix| table(d).remove_at(ix)))
}

/// The entry index of str `key` (with hash `hash`) without running Python
/// code: str keys compare by content, and a non-str key never equals a str
/// here, which is exact for builtin key types.
fn find_str(t: &Table, key: GcRef, hash: i64) -> Option<usize> {
    if t.indices.is_empty() {
        return None;
    }
    let mask = t.indices.len() - 1;
    let mut i = (hash as u64 as usize) & mask;
    let mut perturb = hash as u64;
    loop {
        let ix = t.indices[i];
        if ix == -1 {
            return None;
        }
        let e = &t.entries[ix as usize];
        if e.hash == hash && e.key.is_some_and(|k| quick_eq(k, key) == Some(true)) {
            return Some(ix as usize);
        }
        perturb >>= 5;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize))
            & mask;
    }
}

/// Lookup by a str key (see [`find_str`]).
pub fn get_str(d: GcRef, key: GcRef) -> Option<GcRef> {
    let t = table(d);
    find_str(t, key, super::str::str_hash(key)).and_then(|ix| t.entries[ix].value)
}

/// Stores under a str key (see [`find_str`]).
pub fn set_str(d: GcRef, key: GcRef, value: GcRef) {
    let hash = super::str::str_hash(key);
    let t = table(d);
    match find_str(t, key, hash) {
        Some(ix) => t.set_value_at(ix, value),
        None => {
            if !t.try_push_new(hash, key, Some(value)) {
                // Namespaces (attribute dicts) have no error path.
                kiln_gc::out_of_memory("a namespace entry");
            }
        }
    }
    kiln_gc::write_barrier(d);
}

/// Removes a str key (see [`find_str`]); returns whether it was present.
pub fn del_str(d: GcRef, key: GcRef) -> bool {
    let t = table(d);
    match find_str(t, key, super::str::str_hash(key)) {
        Some(ix) => {
            t.remove_at(ix);
            true
        }
        None => false,
    }
}

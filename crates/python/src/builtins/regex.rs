//! `_kiln_re`: the native core of the `re` module (`lib/re.py`), on the
//! `fancy-regex` crate (backtracking where a pattern needs it: lookaround,
//! backreferences). `re.py` translates Python's syntax and implements
//! `Pattern`/`Match` over three primitives: `compile`, `search` (spans of
//! all groups, in code points) and `info` (group count and names).

use super::check_args;
use crate::object::func::KwArgs;
use crate::object::str::StrObject;
use crate::object::{alloc, cast, try_cast, GcRef, Layout, HDR};
use crate::ops::{self, tname};
use crate::vm::{PyResult, Vm};
use kiln_gc::Header;

/// A compiled pattern (owned by the GC object; dropped by its finalizer).
#[repr(C)]
pub struct RegexObject {
    pub hdr: Header,
    pub cls: Option<GcRef>,
    pub re: fancy_regex::Regex,
}

crate::gc_layout!(RegexObject, REGEX_TID, REGEX_INFO, [], trace = false);

impl Layout for RegexObject {
    fn tid() -> u32 {
        REGEX_TID.load(std::sync::atomic::Ordering::Relaxed)
    }
}

fn str_arg(vm: &mut Vm, r: GcRef) -> PyResult<&'static StrObject> {
    match try_cast::<StrObject>(r) {
        Some(s) => Ok(s),
        None => Err(vm.type_error(format!("expected string, got '{}'", tname(r)))),
    }
}

fn regex_of(vm: &mut Vm, r: GcRef) -> PyResult<&'static fancy_regex::Regex> {
    match try_cast::<RegexObject>(r) {
        Some(o) => Ok(&o.re),
        None => Err(vm.type_error("expected a compiled pattern")),
    }
}

/// `compile(pattern)`: the pattern is already in Rust syntax.
fn compile(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "compile", args, 1, 1)?;
    let p = str_arg(vm, args[0])?.s.clone();
    let re = fancy_regex::RegexBuilder::new(&p)
        .backtrack_limit(10_000_000)
        .build()
        .map_err(|e| vm.value_error(e.to_string()))?;
    let cls = vm.t.object;
    Ok(alloc(RegexObject {
        hdr: HDR,
        cls: Some(cls),
        re,
    }))
}

/// `info(handle)`: (number of groups, {name: index}).
fn info(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "info", args, 1, 1)?;
    let re = regex_of(vm, args[0])?;
    let n = re.captures_len() as i64 - 1;
    let names: Vec<(usize, String)> = re
        .capture_names()
        .enumerate()
        .filter_map(|(i, n)| n.map(|n| (i, n.to_string())))
        .collect();
    let d = vm.dict();
    for (i, name) in names {
        let (k, v) = (vm.new_str(name), vm.int(i as i64));
        ops::item::setitem(vm, d, k, v)?;
    }
    let n = vm.int(n);
    Ok(vm.tuple(&[n, d]))
}

/// Code-point offset <-> byte offset in `s`.
struct Offsets<'a> {
    s: &'a str,
    ascii: bool,
}

impl Offsets<'_> {
    fn byte(&self, cp: usize) -> usize {
        if self.ascii {
            cp.min(self.s.len())
        } else {
            self.s
                .char_indices()
                .nth(cp)
                .map_or(self.s.len(), |(b, _)| b)
        }
    }
    fn cp(&self, byte: usize) -> i64 {
        if self.ascii {
            byte as i64
        } else {
            self.s[..byte].chars().count() as i64
        }
    }
}

/// `search(handle, string, pos, endpos)`: None, or a tuple of
/// (start, end) code-point spans for group 0..n (-1, -1 if unmatched).
fn search(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "search", args, 4, 4)?;
    let re = regex_of(vm, args[0])?;
    let so = str_arg(vm, args[1])?;
    let pos = ops::item::index_value(vm, args[2])?.max(0) as usize;
    let endpos = ops::item::index_value(vm, args[3])?.max(0) as usize;
    let off = Offsets {
        s: &so.s,
        ascii: so.is_ascii(),
    };
    let (bpos, bend) = (off.byte(pos.min(so.len)), off.byte(endpos.min(so.len)));
    if bpos > bend {
        return Ok(vm.none);
    }
    let hay = &so.s[..bend];
    let caps = match re.captures_from_pos(hay, bpos) {
        Ok(Some(c)) => c,
        Ok(None) => return Ok(vm.none),
        Err(e) => return Err(vm.err("RuntimeError", format!("regular expression error: {e}"))),
    };
    let mut spans = Vec::with_capacity(caps.len() * 2);
    for i in 0..caps.len() {
        match caps.get(i) {
            Some(m) => {
                spans.push(off.cp(m.start()));
                spans.push(off.cp(m.end()));
            }
            None => {
                spans.push(-1);
                spans.push(-1);
            }
        }
    }
    Ok(vm.tuple_map(spans, |vm, v| vm.int(v)))
}

pub fn register(vm: &mut Vm) {
    crate::object::register(&REGEX_TID, &REGEX_INFO);
    let d = vm.dict();
    vm.def_fn(d, "compile", compile);
    vm.def_fn(d, "info", info);
    vm.def_fn(d, "search", search);
    super::import::add_native_module(vm, "_kiln_re", d);
    let _ = cast::<RegexObject>;
}

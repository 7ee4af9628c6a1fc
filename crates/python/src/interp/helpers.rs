//! Residual-call helpers: `extern "C"` functions over machine words that
//! the handlers call through `CallDescr`s (`t.call_r(&GETATTR, ..)`).
//!
//! Convention: the first word is the `*mut Vm`; references are words (0 =
//! null); a Ref-returning helper returns 0 on error and an Int-returning
//! one returns -1, with the exception parked in `vm.pending`. A Rust panic
//! inside a helper is caught and becomes a `SystemError` (it must never
//! unwind through `extern "C"`). Helpers taking the frame plus a base slot
//! read their operands from the frame's slots: they are `CanForce`, so
//! machine code must write the virtualizable back before calling them.

use super::frame::{slots, FrameObject};
use crate::bytecode::{BinOp, CmpOp, Op};
use crate::object::dict::{get_str, set_str, table, DictObject};
use crate::object::func::{CodeObj, FunctionObject};
use crate::object::instance::InstanceObject;
use crate::object::seq::{list_items, tuple_items, TupleObject};
use crate::object::str::StrObject;
use crate::object::{cast, class_of, is, ref_to_word, try_cast, word_to_ref, GcRef};
use crate::ops;
use crate::vm::{Exc, PyResult, Vm};
use kiln_jit::{CallDescr, EffectInfo, Kind};

/// The VM behind a helper's first word.
#[inline(always)]
pub(super) fn vm_of(w: u64) -> &'static mut Vm {
    // SAFETY: handlers pass their own `&mut Vm` as the first word and do
    // not touch it until the helper returns.
    unsafe { &mut *(w as *mut Vm) }
}

pub(super) fn r(w: u64) -> GcRef {
    word_to_ref(w).expect("null operand")
}

fn guard<R>(vm: &mut Vm, f: impl FnOnce(&mut Vm) -> PyResult<R>) -> Option<R> {
    let vmp = vm as *mut Vm;
    let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(vm_of(vmp as u64))));
    match out {
        Ok(Ok(v)) => Some(v),
        Ok(Err(Exc(e))) => {
            vm.pending = Some(e);
            None
        }
        Err(p) => {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            let e = vm.err("SystemError", format!("internal error: {msg}"));
            vm.pending = Some(e.0);
            None
        }
    }
}

pub(super) fn ret_ref(vm: &mut Vm, f: impl FnOnce(&mut Vm) -> PyResult<GcRef>) -> u64 {
    guard(vm, f).map_or(0, |r| r.addr() as u64)
}

pub(super) fn ret_int(vm: &mut Vm, f: impl FnOnce(&mut Vm) -> PyResult<i64>) -> u64 {
    guard(vm, f).unwrap_or(-1) as u64
}

macro_rules! descr {
    ($name:ident, $f:ident, [$($k:ident),*], $res:ident, $eff:ident) => {
        pub static $name: CallDescr = CallDescr {
            name: stringify!($f),
            func: $f as *const (),
            args: &[Kind::Int, $(Kind::$k),*],
            result: Kind::$res,
            effect: EffectInfo::$eff,
        };
    };
}
pub(super) use descr;

impl Vm {
    /// Takes the exception parked by a failed helper.
    pub fn take_pending(&mut self) -> Exc {
        match self.pending.take() {
            Some(e) => Exc(e),
            None => self.err("SystemError", "error return without exception set"),
        }
    }
}

// ---- names ----

/// `LOAD_GLOBAL` of `code.names[at]` with that name's inline cache (see
/// `GlobalCache`): a hit compares two version tags and hashes nothing.
/// Filling the cache is no heap write a trace could observe (the cache is
/// a side table no load reads), so the helper stays `ReadsHeap`.
extern "C" fn load_global(vm: u64, fr: u64, code: u64, at: u64) -> u64 {
    let f = cast::<FrameObject>(r(fr));
    let (g, b) = (f.globals.expect("globals"), f.builtins.expect("builtins"));
    let (gv, bv) = (table(g).version, table(b).version);
    let co = cast::<CodeObj>(r(code));
    let cache = co.global_cache[at as usize];
    if cache.value != 0 && cache.globals == gv && cache.builtins == bv {
        return cache.value as u64;
    }
    let name = co.names[at as usize].expect("name");
    ret_ref(vm_of(vm), |vm| {
        let v = match get_str(g, name) {
            Some(v) => v,
            None => match get_str(b, name) {
                Some(v) => v,
                None => {
                    return Err(vm.err(
                        "NameError",
                        format!("name '{}' is not defined", ops::str_of(name)),
                    ))
                }
            },
        };
        // `get_str` runs no Python code, so the versions read above still
        // describe the tables the value came from.
        cast::<CodeObj>(r(code)).global_cache[at as usize] = crate::object::func::GlobalCache {
            globals: gv,
            builtins: bv,
            value: v.addr(),
        };
        Ok(v)
    })
}
descr!(LOAD_GLOBAL, load_global, [Ref, Ref, Int], Ref, ReadsHeap);

extern "C" fn load_name(vm: u64, fr: u64, name: u64) -> u64 {
    ret_ref(vm_of(vm), |vm| {
        let frame = r(fr);
        let name = r(name);
        if let Some(v) = load_class_local_res(vm, frame, name)? {
            return Ok(v);
        }
        let f = cast::<FrameObject>(frame);
        if let Some(v) = get_str(f.globals.expect("globals"), name) {
            return Ok(v);
        }
        if let Some(v) = get_str(f.builtins.expect("builtins"), name) {
            return Ok(v);
        }
        Err(vm.err(
            "NameError",
            format!("name '{}' is not defined", ops::str_of(name)),
        ))
    })
}
descr!(LOAD_NAME, load_name, [Ref, Ref], Ref, CanForce);

fn load_class_local_res(vm: &mut Vm, frame: GcRef, name: GcRef) -> PyResult<Option<GcRef>> {
    match cast::<FrameObject>(frame).locals {
        Some(l) if is::<DictObject>(l) => Ok(get_str(l, name)),
        Some(l) => match ops::item::getitem(vm, l, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if vm.exc_matches(e.0, "KeyError") => Ok(None),
            Err(e) => Err(e),
        },
        None => Ok(None),
    }
}

/// Looks a name up in a class body's locals mapping.
pub fn load_class_local(vm: &mut Vm, frame: GcRef, name: GcRef) -> Option<GcRef> {
    load_class_local_res(vm, frame, name).ok().flatten()
}

extern "C" fn store_name(vm: u64, fr: u64, name: u64, v: u64, kind: u64) -> u64 {
    ret_int(vm_of(vm), |vm| {
        let f = cast::<FrameObject>(r(fr));
        let name = r(name);
        let op = kind as u8;
        let global = op == Op::StoreGlobal as u8 || op == Op::DeleteGlobal as u8;
        let target = if global {
            f.globals.expect("globals")
        } else {
            f.locals.or(f.globals).expect("locals")
        };
        match word_to_ref(v) {
            Some(v) => {
                if is::<DictObject>(target) {
                    set_str(target, name, v);
                } else {
                    ops::item::setitem(vm, target, name, v)?;
                }
            }
            None => {
                let ok = if is::<DictObject>(target) {
                    crate::object::dict::del_str(target, name)
                } else {
                    ops::item::delitem(vm, target, name).is_ok()
                };
                if !ok {
                    return Err(vm.err(
                        "NameError",
                        format!("name '{}' is not defined", ops::str_of(name)),
                    ));
                }
            }
        }
        Ok(0)
    })
}
descr!(
    STORE_NAME,
    store_name,
    [Ref, Ref, Ref, Int],
    Int,
    WritesHeap
);

/// The error for an empty cell.
pub fn unbound_deref(vm: &mut Vm, co: &crate::bytecode::CodeObject, arg: u32) -> Exc {
    let name = co.deref_name(arg).to_string();
    if (arg as usize) < co.cellvars.len() {
        vm.err(
            "UnboundLocalError",
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    } else {
        vm.err(
            "NameError",
            format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
        )
    }
}

// ---- attributes and items ----

extern "C" fn getattr(vm: u64, o: u64, name: u64) -> u64 {
    ret_ref(vm_of(vm), |vm| ops::getattr(vm, r(o), r(name)))
}
descr!(GETATTR, getattr, [Ref, Ref], Ref, CanForce);

extern "C" fn setattr(vm: u64, o: u64, name: u64, v: u64) -> u64 {
    ret_int(vm_of(vm), |vm| {
        match word_to_ref(v) {
            Some(v) => ops::setattr(vm, r(o), r(name), v)?,
            None => ops::delattr(vm, r(o), r(name))?,
        }
        Ok(0)
    })
}
descr!(SETATTR, setattr, [Ref, Ref, Ref], Int, CanForce);

/// May a LOAD_ATTR/STORE_ATTR of `name` on instances of `cls` go straight
/// to the instance's storage? Not with a class-level `__getattribute__` /
/// `__setattr__` or a data descriptor for `name` (all fixed by the version).
fn attr_cacheable(vm: &mut Vm, cls: GcRef, name: GcRef, store: bool) -> bool {
    let hook = if store {
        vm.n.setattr
    } else {
        vm.n.getattribute
    };
    if ops::lookup(vm, cls, hook).is_some_and(|h| is::<FunctionObject>(h)) {
        return false;
    }
    match ops::lookup(vm, cls, name) {
        None => true,
        Some(a) => {
            let c = class_of(a);
            c == vm.t.function
                || c == vm.t.method_descr
                || c == vm.t.staticmethod
                || c == vm.t.classmethod
                || (!cast::<crate::object::typeobj::TypeObject>(c).heap && c != vm.t.property)
        }
    }
}

/// The cache slot of instance `o`'s attribute `name`, if it has one.
fn attr_slot(o: GcRef, name: GcRef) -> Option<(usize, usize)> {
    let inst = try_cast::<InstanceObject>(o)?;
    let m = inst.attrs.map?;
    let i = crate::object::instance::map_lookup_ref(m, name)?;
    Some((m.addr(), i))
}

/// `LOAD_ATTR` with the instruction's inline cache (see `AttrCache`).
extern "C" fn getattr_cached(vm: u64, o: u64, name: u64, code: u64, at: u64) -> u64 {
    let (o, name) = (r(o), r(name));
    let cache = &mut cast::<CodeObj>(r(code)).attr_cache[at as usize];
    if let Some(inst) = try_cast::<InstanceObject>(o) {
        let ver = cast::<crate::object::typeobj::TypeObject>(inst.cls.expect("class")).version;
        if cache.version == ver && inst.attrs.map.is_some_and(|m| m.addr() == cache.map) {
            if let Some(v) = inst.attrs.storage[cache.index] {
                return v.addr() as u64;
            }
        }
    }
    ret_ref(vm_of(vm), |vm| {
        let v = ops::getattr(vm, o, name)?;
        let cls = class_of(o);
        if let Some((map, index)) = attr_slot(o, name) {
            if attr_cacheable(vm, cls, name, false) {
                let version = cast::<crate::object::typeobj::TypeObject>(cls).version;
                cast::<CodeObj>(r(code)).attr_cache[at as usize] = crate::object::func::AttrCache {
                    version,
                    map,
                    index,
                };
            }
        }
        Ok(v)
    })
}
descr!(
    GETATTR_CACHED,
    getattr_cached,
    [Ref, Ref, Ref, Int],
    Ref,
    CanForce
);

/// `STORE_ATTR` with the instruction's inline cache.
extern "C" fn setattr_cached(vm: u64, o: u64, name: u64, v: u64, code: u64, at: u64) -> u64 {
    let (o, name, v) = (r(o), r(name), r(v));
    let cache = cast::<CodeObj>(r(code)).attr_cache[at as usize];
    if let Some(inst) = try_cast::<InstanceObject>(o) {
        let ver = cast::<crate::object::typeobj::TypeObject>(inst.cls.expect("class")).version;
        if cache.version == ver && inst.attrs.map.is_some_and(|m| m.addr() == cache.map) {
            inst.attrs.storage[cache.index] = Some(v);
            kiln_gc::write_barrier(o);
            return 0;
        }
    }
    ret_int(vm_of(vm), |vm| {
        ops::setattr(vm, o, name, v)?;
        let cls = class_of(o);
        if let Some((map, index)) = attr_slot(o, name) {
            if attr_cacheable(vm, cls, name, true) {
                let version = cast::<crate::object::typeobj::TypeObject>(cls).version;
                cast::<CodeObj>(r(code)).attr_cache[at as usize] = crate::object::func::AttrCache {
                    version,
                    map,
                    index,
                };
            }
        }
        Ok(0)
    })
}
descr!(
    SETATTR_CACHED,
    setattr_cached,
    [Ref, Ref, Ref, Ref, Int],
    Int,
    CanForce
);

/// `LOAD_METHOD` of `name` on `o` with the instruction's inline cache
/// (its `AttrCache`, `index` holding the method's address): the plain
/// method `name` of `type(o)` if `o.name` would bind it (no instance
/// attribute shadows it); 0 otherwise (no error).
///
/// The answer depends only on the class's version (its MRO's dicts, a
/// `__getattribute__`) and on which attribute names `o` has, which its map
/// fixes (map mode never holds an empty slot: deleting an attribute
/// switches the instance to dict mode). So a hit needs the same version
/// and the same map, or map 0 for objects without attributes; dict-mode
/// instances always take the slow path. The cached address is not traced:
/// while the version holds, the method is in a class dict of the MRO, and
/// versions are never reused. Filling the cache is no heap write a trace
/// could observe, so the helper stays `ReadsHeap`.
extern "C" fn lookup_method(vm: u64, o: u64, name: u64, code: u64, at: u64) -> u64 {
    let (o, name) = (r(o), r(name));
    let cls = class_of(o);
    let version = cast::<crate::object::typeobj::TypeObject>(cls).version;
    let shape = match ops::attrs_of(o) {
        None => Some(0),
        Some(a) => a.map.map(|m| m.addr()),
    };
    let cache = cast::<CodeObj>(r(code)).attr_cache[at as usize];
    if cache.index != 0 && cache.version == version && shape == Some(cache.map) {
        return cache.index as u64;
    }
    let m = find_method(vm_of(vm), o, cls, name);
    if let (Some(map), Some(m)) = (shape, m) {
        cast::<CodeObj>(r(code)).attr_cache[at as usize] = crate::object::func::AttrCache {
            version,
            map,
            index: m.addr(),
        };
    }
    m.map_or(0, |m| m.addr() as u64)
}
descr!(
    LOOKUP_METHOD,
    lookup_method,
    [Ref, Ref, Ref, Int],
    Ref,
    ReadsHeap
);

/// The uncached lookup of [`lookup_method`].
fn find_method(vm: &mut Vm, o: GcRef, cls: GcRef, name: GcRef) -> Option<GcRef> {
    if is::<crate::object::typeobj::TypeObject>(o)
        || is::<crate::object::misc::ModuleObject>(o)
        || cls == vm.t.super_
    {
        return None;
    }
    let ga = vm.n.getattribute;
    if ops::lookup(vm, cls, ga).is_some_and(|h| is::<FunctionObject>(h)) {
        return None;
    }
    match ops::lookup(vm, cls, name) {
        Some(m) if is::<FunctionObject>(m) || class_of(m) == vm.t.method_descr => {
            if let Some(a) = ops::attrs_of(o) {
                if ops::inst_get(a, name).is_some() {
                    return None;
                }
            }
            Some(m)
        }
        _ => None,
    }
}

extern "C" fn getitem(vm: u64, c: u64, k: u64) -> u64 {
    ret_ref(vm_of(vm), |vm| ops::item::getitem(vm, r(c), r(k)))
}
descr!(GETITEM, getitem, [Ref, Ref], Ref, CanForce);

extern "C" fn setitem(vm: u64, c: u64, k: u64, v: u64) -> u64 {
    ret_int(vm_of(vm), |vm| {
        match word_to_ref(v) {
            Some(v) => ops::item::setitem(vm, r(c), r(k), v)?,
            None => ops::item::delitem(vm, r(c), r(k))?,
        }
        Ok(0)
    })
}
descr!(SETITEM, setitem, [Ref, Ref, Ref], Int, CanForce);

// ---- operators ----

extern "C" fn binary_op(vm: u64, a: u64, b: u64, op: u64) -> u64 {
    ret_ref(vm_of(vm), |vm| {
        ops::num::binary_op(vm, r(a), r(b), BinOp::from_arg(op as u32).expect("binop"))
    })
}
descr!(BINARY_OP, binary_op, [Ref, Ref, Int], Ref, CanForce);

extern "C" fn unary(vm: u64, x: u64, which: u64) -> u64 {
    ret_ref(vm_of(vm), |vm| {
        if which as u8 == b'!' {
            let t = ops::truthy(vm, r(x))?;
            return Ok(vm.bool(!t));
        }
        ops::num::unary(vm, r(x), which as u8)
    })
}
descr!(UNARY, unary, [Ref, Int], Ref, CanForce);

extern "C" fn compare(vm: u64, a: u64, b: u64, op: u64) -> u64 {
    ret_ref(vm_of(vm), |vm| {
        ops::cmp::richcompare(vm, r(a), r(b), CmpOp::from_arg(op as u32).expect("cmp"))
    })
}
descr!(COMPARE, compare, [Ref, Ref, Int], Ref, CanForce);

extern "C" fn contains(vm: u64, c: u64, x: u64) -> u64 {
    ret_int(vm_of(vm), |vm| {
        ops::item::contains(vm, r(c), r(x)).map(|b| b as i64)
    })
}
descr!(CONTAINS, contains, [Ref, Ref], Int, CanForce);

extern "C" fn truthy(vm: u64, x: u64) -> u64 {
    ret_int(vm_of(vm), |vm| ops::truthy(vm, r(x)).map(|b| b as i64))
}
descr!(TRUTHY, truthy, [Ref], Int, CanForce);

extern "C" fn exc_match(vm: u64, e: u64, ty: u64) -> u64 {
    ret_int(vm_of(vm), |vm| {
        crate::builtins::exceptions::exc_match(vm, r(e), r(ty)).map(|b| b as i64)
    })
}
descr!(EXC_MATCH, exc_match, [Ref, Ref], Int, ReadsHeap);

// ---- building ----

extern "C" fn build(vm: u64, fr: u64, base: u64, opargs: u64) -> u64 {
    ret_ref(vm_of(vm), |vm| {
        let op = (opargs >> 32) as u8;
        let arg = opargs as u32;
        let s = &slots(r(fr))[base as usize..];
        let item = |i: usize| s[i].expect("stack item");
        if op == Op::BuildTuple as u8 {
            let v: Vec<GcRef> = (0..arg as usize).map(item).collect();
            Ok(vm.tuple(&v))
        } else if op == Op::BuildList as u8 {
            let v: Vec<GcRef> = (0..arg as usize).map(item).collect();
            Ok(vm.list(v))
        } else if op == Op::BuildSet as u8 {
            let set = crate::object::dict::new_set(vm.t.set);
            for i in 0..arg as usize {
                crate::builtins::sets::add(vm, set, item(i))?;
            }
            Ok(set)
        } else if op == Op::BuildMap as u8 {
            let d = vm.dict();
            for i in 0..arg as usize {
                let (k, v) = (item(2 * i), item(2 * i + 1));
                let h = ops::hash(vm, k)?;
                crate::object::dict::set(vm, d, k, h, v)?;
            }
            Ok(d)
        } else if op == Op::BuildString as u8 {
            let mut out = String::new();
            for i in 0..arg as usize {
                out.push_str(ops::str_of(item(i)));
            }
            Ok(vm.new_str(out))
        } else if op == Op::ListToTuple as u8 {
            let items = list_items(item(0)).clone();
            Ok(vm.tuple(&items))
        } else if op == Op::BuildSlice as u8 {
            let step = if arg == 3 { Some(item(2)) } else { None };
            Ok(crate::builtins::seqs::new_slice(
                vm,
                Some(item(0)),
                Some(item(1)),
                step,
            ))
        } else {
            // FormatValue
            let v = item(0);
            let spec = if arg & crate::bytecode::format_value::HAS_SPEC != 0 {
                Some(item(1))
            } else {
                None
            };
            let conv = arg & crate::bytecode::format_value::CONV_MASK;
            let v = match conv {
                1 => {
                    let s = ops::repr::str_(vm, v)?;
                    vm.new_str(s)
                }
                2 => {
                    let s = ops::repr::repr(vm, v)?;
                    vm.new_str(s)
                }
                3 => {
                    let s = ops::repr::repr(vm, v)?;
                    let a = crate::builtins::strs::ascii_escape(&s);
                    vm.new_str(a)
                }
                _ => v,
            };
            if spec.is_none() && is::<StrObject>(v) {
                return Ok(v);
            }
            let spec = spec.unwrap_or_else(|| vm.intern(""));
            crate::builtins::strfmt::format(vm, v, spec)
        }
    })
}
descr!(BUILD, build, [Ref, Int, Int], Ref, CanForce);

extern "C" fn container_add(vm: u64, c: u64, v: u64, kind: u64, f: u64) -> u64 {
    ret_int(vm_of(vm), |vm| {
        let (c, v, op) = (r(c), r(v), kind as u8);
        if op == Op::ListAppend as u8 {
            vm.list_push(c, v)?;
        } else if op == Op::SetAdd as u8 {
            crate::builtins::sets::add(vm, c, v)?;
        } else if op == Op::ListExtend as u8 {
            let items = crate::builtins::seqs::to_vec(vm, v)?;
            list_items(c).extend(items);
        } else if op == Op::SetUpdate as u8 {
            let items = crate::builtins::seqs::to_vec(vm, v)?;
            for it in items {
                crate::builtins::sets::add(vm, c, it)?;
            }
        } else if op == Op::DictUpdate as u8 {
            if !crate::builtins::dicts::is_mapping(vm, v) {
                return Err(vm.type_error(format!("'{}' object is not a mapping", ops::tname(v))));
            }
            crate::builtins::dicts::update_from(vm, c, v)?;
        } else {
            // DictMerge: duplicates are errors.
            let func = word_to_ref(f);
            if !crate::builtins::dicts::is_mapping(vm, v) {
                let fname = func
                    .map(|f| crate::builtins::funcs::func_name(vm, f))
                    .unwrap_or_default();
                return Err(vm.type_error(format!(
                    "{} argument after ** must be a mapping, not {}",
                    fname,
                    ops::tname(v)
                )));
            }
            let pairs = crate::builtins::dicts::items_of(vm, v)?;
            for (k, val) in pairs {
                let h = ops::hash(vm, k)?;
                if crate::object::dict::get(vm, c, k, h)?.is_some() {
                    let fname = func
                        .map(|f| crate::builtins::funcs::func_name(vm, f))
                        .unwrap_or_default();
                    let ks = if is::<StrObject>(k) {
                        ops::str_of(k).to_string()
                    } else {
                        ops::repr::repr(vm, k)?
                    };
                    return Err(vm.type_error(format!(
                        "{fname} got multiple values for keyword argument '{ks}'"
                    )));
                }
                crate::object::dict::set(vm, c, k, h, val)?;
            }
        }
        Ok(0)
    })
}
descr!(
    CONTAINER_ADD,
    container_add,
    [Ref, Ref, Int, Ref],
    Int,
    CanForce
);

extern "C" fn map_add(vm: u64, c: u64, k: u64, v: u64, _kind: u64) -> u64 {
    ret_int(vm_of(vm), |vm| {
        let h = ops::hash(vm, r(k))?;
        crate::object::dict::set(vm, r(c), r(k), h, r(v))?;
        Ok(0)
    })
}
descr!(MAP_ADD, map_add, [Ref, Ref, Ref, Int], Int, CanForce);

extern "C" fn unpack(vm: u64, fr: u64, base: u64, opargs: u64) -> u64 {
    ret_int(vm_of(vm), |vm| {
        let frame = r(fr);
        let op = (opargs >> 32) as u8;
        let arg = opargs as u32;
        let base = base as usize;
        let seq = slots(frame)[base].expect("seq");
        let items: Vec<GcRef> = if is::<TupleObject>(seq) {
            tuple_items(seq).to_vec()
        } else if is::<crate::object::seq::ListObject>(seq) {
            list_items(seq).clone()
        } else {
            let keep = vm.list(Vec::new());
            slots(frame)[base + 1] = Some(keep);
            let it = ops::iter(vm, seq).map_err(|e| {
                if vm.exc_matches(e.0, "TypeError") {
                    vm.type_error(format!(
                        "cannot unpack non-iterable {} object",
                        ops::tname(seq)
                    ))
                } else {
                    e
                }
            })?;
            slots(frame)[base + 1] = Some(keep);
            let limit = if op == Op::UnpackSequence as u8 {
                arg as usize + 1
            } else {
                usize::MAX
            };
            while list_items(keep).len() < limit {
                match ops::next(vm, it)? {
                    Some(v) => list_items(keep).push(v),
                    None => break,
                }
            }
            list_items(keep).clone()
        };
        let s = slots(frame);
        if op == Op::UnpackSequence as u8 {
            let n = arg as usize;
            if items.len() < n {
                return Err(vm.value_error(format!(
                    "not enough values to unpack (expected {}, got {})",
                    n,
                    items.len()
                )));
            }
            if items.len() > n {
                return Err(vm.value_error(format!("too many values to unpack (expected {})", n)));
            }
            for (i, v) in items.iter().rev().enumerate() {
                s[base + i] = Some(*v);
            }
        } else {
            let before = (arg & 0xff) as usize;
            let after = (arg >> 8) as usize;
            if items.len() < before + after {
                return Err(vm.value_error(format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    before + after,
                    items.len()
                )));
            }
            let mid: Vec<GcRef> = items[before..items.len() - after].to_vec();
            let mid = vm.list(mid);
            let s = slots(frame);
            let mut k = base;
            for v in items[items.len() - after..].iter().rev() {
                s[k] = Some(*v);
                k += 1;
            }
            s[k] = Some(mid);
            k += 1;
            for v in items[..before].iter().rev() {
                s[k] = Some(*v);
                k += 1;
            }
        }
        Ok(0)
    })
}
descr!(UNPACK, unpack, [Ref, Int, Int], Int, CanForce);

// ---- calls ----

extern "C" fn call(vm: u64, fr: u64, base: u64, opargs: u64) -> u64 {
    ret_ref(vm_of(vm), |vm| {
        let op = (opargs >> 32) as u8;
        let arg = opargs as u32 as usize;
        let s = &slots(r(fr))[base as usize..];
        let item = |i: usize| s[i].expect("stack item");
        vm.direct_call = true;
        if op == Op::Call as u8 {
            let args: smallvec::SmallVec<[GcRef; 8]> = (1..=arg).map(item).collect();
            ops::call(vm, item(0), &args, &[])
        } else if op == Op::CallMethod as u8 {
            let f = item(0);
            let mut args: smallvec::SmallVec<[GcRef; 8]> =
                smallvec::SmallVec::with_capacity(arg + 1);
            if let Some(selfv) = s[1] {
                args.push(selfv);
            }
            args.extend((2..2 + arg).map(item));
            ops::call(vm, f, &args, &[])
        } else if op == Op::CallKw as u8 {
            let names = item(arg + 1);
            let names = tuple_items(names);
            let npos = arg - names.len();
            let args: Vec<GcRef> = (1..=npos).map(item).collect();
            let kw: Vec<(GcRef, GcRef)> = names
                .iter()
                .enumerate()
                .map(|(i, n)| (*n, item(1 + npos + i)))
                .collect();
            ops::call(vm, item(0), &args, &kw)
        } else {
            let f = item(0);
            let args = crate::builtins::seqs::to_vec(vm, item(1))?;
            let kw = if arg & 1 != 0 {
                crate::builtins::dicts::items_of(vm, item(2))?
            } else {
                Vec::new()
            };
            for (k, _) in &kw {
                if !is::<StrObject>(*k) {
                    return Err(vm.type_error("keywords must be strings"));
                }
            }
            ops::call(vm, f, &args, &kw)
        }
    })
}
descr!(CALL, call, [Ref, Int, Int], Ref, CanForce);

extern "C" fn call0(vm: u64, f: u64) -> u64 {
    ret_ref(vm_of(vm), |vm| ops::call(vm, r(f), &[], &[]))
}
descr!(CALL0, call0, [Ref], Ref, CanForce);

extern "C" fn make_function(vm: u64, fr: u64, base: u64, flags: u64) -> u64 {
    ret_ref(vm_of(vm), |vm| {
        super::call::make_function(vm, r(fr), base as usize, flags as u32)
    })
}
descr!(MAKE_FUNCTION, make_function, [Ref, Int, Int], Ref, CanForce);

/// `builtins.__build_class__`.
pub fn build_class_fn(vm: &mut Vm) -> GcRef {
    let n = vm.intern("__build_class__");
    get_str(vm.builtins, n).expect("__build_class__")
}

// ---- iteration and generators ----

/// `kind` is the op in the low byte and its argument above.
extern "C" fn get_iter(vm: u64, x: u64, kind: u64) -> u64 {
    ret_ref(vm_of(vm), |vm| {
        let x = r(x);
        let op = kind as u8;
        let arg = (kind >> 8) as u32;
        if op == Op::GetAwaitable as u8 {
            return super::asyncgen::awaitable(vm, x, arg);
        }
        if op == Op::GetAiter as u8 {
            return super::asyncgen::get_aiter(vm, x);
        }
        if op == Op::GetAnext as u8 {
            return super::asyncgen::get_anext(vm, x);
        }
        if op != Op::GetIter as u8 && is::<crate::object::func::GeneratorObject>(x) {
            return Ok(x);
        }
        ops::iter(vm, x)
    })
}
descr!(GET_ITER, get_iter, [Ref, Int], Ref, CanForce);

/// `next(it)`, 0 when exhausted (with no pending exception) or on error.
extern "C" fn for_next(vm: u64, it: u64) -> u64 {
    let vm = vm_of(vm);
    guard(vm, |vm| ops::next(vm, r(it)))
        .flatten()
        .map_or(0, |r| r.addr() as u64)
}
descr!(FOR_NEXT, for_next, [Ref], Ref, CanForce);

extern "C" fn send(vm: u64, d: u64, v: u64) -> u64 {
    ret_ref(vm_of(vm), |vm| match super::gen::send_to(vm, r(d), r(v))? {
        super::gen::Sent::Yielded(y) => Ok(y),
        super::gen::Sent::Returned(x) => {
            vm.send_done = true;
            Ok(x)
        }
    })
}
descr!(SEND, send, [Ref, Ref], Ref, CanForce);

// ---- exceptions ----

/// Builds the exception of a `raise` and parks it; always returns 0.
extern "C" fn make_raise(vm: u64, exc: u64, cause: u64) -> u64 {
    let vm = vm_of(vm);
    let e = guard(vm, |vm| {
        crate::builtins::exceptions::make_raise(vm, word_to_ref(exc), word_to_ref(cause))
    });
    if let Some(e) = e {
        vm.pending = Some(e.0);
    }
    0
}
descr!(MAKE_RAISE, make_raise, [Ref, Ref], Ref, CanForce);

/// Routes exception `e` raised at instruction `cur` of `frame`: adds a
/// traceback entry (if `add_tb`), sets `__context__`, and returns the
/// handler (target, depth, push_lasti) or None to propagate.
pub fn unwind(
    vm: &mut Vm,
    frame: GcRef,
    cur: usize,
    e: GcRef,
    add_tb: bool,
) -> Option<(usize, usize, bool)> {
    let code = cast::<FrameObject>(frame).code.expect("code");
    let co = &cast::<CodeObj>(code).code;
    if add_tb {
        crate::builtins::exceptions::add_traceback(vm, e, code, frame, co.line_of(cur as u32));
    }
    co.handler_for(cur as u32)
        .map(|h| (h.target as usize, h.depth as usize, h.push_lasti))
}

extern "C" fn with_exit(vm: u64, m: u64) -> u64 {
    ret_ref(vm_of(vm), |vm| {
        let m = r(m);
        let cls = class_of(m);
        let (en, ex) = (vm.intern("__enter__"), vm.intern("__exit__"));
        let exit = ops::lookup(vm, cls, ex);
        if ops::lookup(vm, cls, en).is_none() || exit.is_none() {
            return Err(vm.type_error(format!(
                "'{}' object does not support the context manager protocol",
                ops::tname(m)
            )));
        }
        ops::bind(vm, exit.unwrap(), Some(m), cls)
    })
}
descr!(WITH_EXIT, with_exit, [Ref], Ref, CanForce);

extern "C" fn async_with_exit(vm: u64, m: u64) -> u64 {
    ret_ref(vm_of(vm), |vm| super::asyncgen::async_with_exit(vm, r(m)))
}
descr!(ASYNC_WITH_EXIT, async_with_exit, [Ref], Ref, CanForce);

extern "C" fn with_except(vm: u64, exit: u64, e: u64) -> u64 {
    ret_ref(vm_of(vm), |vm| {
        let e = r(e);
        let tb = try_cast::<crate::object::exc::ExceptionObject>(e)
            .and_then(|x| x.traceback)
            .unwrap_or(vm.none);
        ops::call(vm, r(exit), &[class_of(e), e, tb], &[])
    })
}
descr!(WITH_EXCEPT, with_except, [Ref, Ref], Ref, CanForce);

// ---- modules ----

extern "C" fn import_name(vm: u64, fr: u64, name: u64, fromlist: u64, level: u64) -> u64 {
    ret_ref(vm_of(vm), |vm| {
        let f = cast::<FrameObject>(r(fr));
        let globals = f.globals.expect("globals");
        let level = ops::item::index_value(vm, r(level))?;
        crate::builtins::import::import_name(vm, r(name), globals, r(fromlist), level)
    })
}
descr!(
    IMPORT_NAME,
    import_name,
    [Ref, Ref, Ref, Ref],
    Ref,
    CanForce
);

extern "C" fn import_from(vm: u64, m: u64, name: u64) -> u64 {
    ret_ref(vm_of(vm), |vm| {
        crate::builtins::import::import_from(vm, r(m), r(name))
    })
}
descr!(IMPORT_FROM, import_from, [Ref, Ref], Ref, CanForce);

extern "C" fn import_star(vm: u64, fr: u64, m: u64) -> u64 {
    ret_int(vm_of(vm), |vm| {
        let f = cast::<FrameObject>(r(fr));
        let target = f.locals.or(f.globals).expect("locals");
        crate::builtins::import::import_star(vm, r(m), target)?;
        Ok(0)
    })
}
descr!(IMPORT_STAR, import_star, [Ref, Ref], Int, CanForce);

extern "C" fn setup_annotations(vm: u64, fr: u64) -> u64 {
    ret_int(vm_of(vm), |vm| {
        let f = cast::<FrameObject>(r(fr));
        let target = f.locals.or(f.globals).expect("locals");
        let n = vm.intern("__annotations__");
        if is::<DictObject>(target) && get_str(target, n).is_none() {
            let d = vm.dict();
            set_str(target, n, d);
        }
        Ok(0)
    })
}
descr!(SETUP_ANNOTATIONS, setup_annotations, [Ref], Int, WritesHeap);

extern "C" fn print_expr(vm: u64, v: u64) -> u64 {
    ret_int(vm_of(vm), |vm| {
        let v = r(v);
        if v != vm.none {
            let s = ops::repr::repr(vm, v)?;
            crate::builtins::io::write_stdout(vm, &format!("{s}\n"))?;
            let n = vm.intern("_");
            set_str(vm.builtins, n, v);
        }
        Ok(0)
    })
}
descr!(PRINT_EXPR, print_expr, [Ref], Int, CanForce);

#[allow(dead_code)]
fn unused(_: Option<GcRef>) -> u64 {
    ref_to_word(None)
}

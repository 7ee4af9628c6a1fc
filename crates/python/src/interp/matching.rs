//! Residual-call helpers of the pattern-matching opcodes (`MATCH_SEQUENCE`,
//! `MATCH_MAPPING`, `GET_LEN`, `MATCH_KEYS`, `MATCH_CLASS`,
//! `COPY_DICT_WITHOUT_KEYS`), with the conventions of [`super::helpers`].
//!
//! The compiler (`compiler/patterns.rs`) does the control flow; these
//! helpers answer one question each about the subject. A failed match is
//! not an error: `MATCH_KEYS` and `MATCH_CLASS` return None for it, and
//! keep errors for what CPython raises (a repeated key or attribute, a bad
//! `__match_args__`, a class pattern on something that is not a type).

use super::helpers::{descr, r, ret_int, ret_ref, vm_of};
use crate::object::dict::new_set;
use crate::object::seq::{list_items, tuple_items, TupleObject};
use crate::object::typeobj::{type_flags, TypeObject};
use crate::object::{cast, class_of, is, keep_alive, GcRef};
use crate::ops;
use crate::vm::{PyResult, Vm};
use kiln_jit::{CallDescr, EffectInfo, Kind};

/// 1 if `type(subject)` has the flag `which` (`type_flags::SEQUENCE` or
/// `MAPPING`), else 0.
extern "C" fn match_kind(vm: u64, subject: u64, which: u64) -> u64 {
    ret_int(vm_of(vm), |_| {
        let flags = cast::<TypeObject>(class_of(r(subject))).flags;
        Ok((flags & which as u32 != 0) as i64)
    })
}
descr!(MATCH_KIND, match_kind, [Ref, Int], Int, ReadsHeap);

/// `len(o)` as an int object.
extern "C" fn get_len(vm: u64, o: u64) -> u64 {
    ret_ref(vm_of(vm), |vm| {
        let n = ops::item::len(vm, r(o))?;
        Ok(vm.int(n as i64))
    })
}
descr!(GET_LEN, get_len, [Ref], Ref, CanForce);

/// Adds `key` to the set `seen`; false if it was already there.
fn first_sighting(vm: &mut Vm, seen: GcRef, key: GcRef) -> PyResult<bool> {
    if crate::builtins::sets::has(vm, seen, key)? {
        return Ok(false);
    }
    crate::builtins::sets::add(vm, seen, key)?;
    Ok(true)
}

/// The values of the keys (a tuple) in the mapping `subject`, looked up
/// with `subject.get(key, sentinel)` so that a `__missing__` is never
/// triggered; None if a key is absent.
fn match_keys_impl(vm: &mut Vm, subject: GcRef, keys: GcRef) -> PyResult<GcRef> {
    let n = tuple_items(keys).len();
    if n == 0 {
        return Ok(vm.tuple(&[]));
    }
    let get_name = vm.intern("get");
    let get = ops::getattr(vm, subject, get_name)?;
    let seen = new_set(vm.t.set);
    let object = vm.t.object;
    let sentinel = ops::call(vm, object, &[], &[])?;
    let values = vm.list(Vec::new());
    let mut result = None;
    for i in 0..n {
        let key = tuple_items(keys)[i];
        if !first_sighting(vm, seen, key)? {
            let k = ops::repr::repr(vm, key)?;
            return Err(vm.value_error(format!("mapping pattern checks duplicate key ({k})")));
        }
        let v = ops::call(vm, get, &[key, sentinel], &[])?;
        if v == sentinel {
            result = Some(vm.none);
            break;
        }
        list_items(values).push(v);
        kiln_gc::write_barrier(values);
    }
    let out = match result {
        Some(none) => none,
        None => {
            let items = list_items(values).clone();
            vm.tuple(&items)
        }
    };
    keep_alive(get);
    keep_alive(seen);
    keep_alive(sentinel);
    keep_alive(values);
    keep_alive(keys);
    keep_alive(subject);
    Ok(out)
}

extern "C" fn match_keys(vm: u64, subject: u64, keys: u64) -> u64 {
    ret_ref(vm_of(vm), |vm| match_keys_impl(vm, r(subject), r(keys)))
}
descr!(MATCH_KEYS, match_keys, [Ref, Ref], Ref, CanForce);

/// The attribute `name` of `subject` for a class pattern on `cls`; None
/// if it is missing (the match fails). `seen` holds the names used so far.
fn class_attr(
    vm: &mut Vm,
    subject: GcRef,
    cls: GcRef,
    name: GcRef,
    seen: &mut Vec<String>,
) -> PyResult<Option<GcRef>> {
    let s = ops::str_of(name).to_string();
    if seen.contains(&s) {
        let shown = crate::format::strrepr::str_repr(&s);
        return Err(vm.type_error(format!(
            "{}() got multiple sub-patterns for attribute {shown}",
            ops::type_name_of(cls)
        )));
    }
    seen.push(s);
    match ops::getattr(vm, subject, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.exc_matches(e.0, "AttributeError") => Ok(None),
        Err(e) => Err(e),
    }
}

/// The class pattern `cls(<nargs positional>, <names>=...)` on `subject`:
/// the tuple of the attributes to match the sub-patterns against, or
/// None when `subject` is not an instance or lacks an attribute.
fn match_class_impl(
    vm: &mut Vm,
    subject: GcRef,
    cls: GcRef,
    names: GcRef,
    nargs: usize,
) -> PyResult<GcRef> {
    if !is::<TypeObject>(cls) {
        return Err(vm.type_error("called match pattern must be a type"));
    }
    if !crate::builtins::funcs::isinstance_of(vm, subject, cls)? {
        return Ok(vm.none);
    }
    let attrs = vm.list(Vec::new());
    let mut seen: Vec<String> = Vec::new();
    let mut matched = true;
    if nargs > 0 {
        let ma_name = vm.intern("__match_args__");
        let (match_args, match_self) = match ops::getattr(vm, cls, ma_name) {
            Ok(m) if class_of(m) == vm.t.tuple => (m, false),
            Ok(m) => {
                return Err(vm.type_error(format!(
                    "{}.__match_args__ must be a tuple (got {})",
                    ops::type_name_of(cls),
                    ops::tname(m)
                )))
            }
            Err(e) if vm.exc_matches(e.0, "AttributeError") => {
                let flags = cast::<TypeObject>(cls).flags;
                (vm.tuple(&[]), flags & type_flags::MATCH_SELF != 0)
            }
            Err(e) => return Err(e),
        };
        let allowed = if match_self {
            1
        } else {
            tuple_items(match_args).len()
        };
        if allowed < nargs {
            let plural = if allowed == 1 { "" } else { "s" };
            return Err(vm.type_error(format!(
                "{}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)",
                ops::type_name_of(cls)
            )));
        }
        if match_self {
            list_items(attrs).push(subject);
        } else {
            for i in 0..nargs {
                let name = tuple_items(match_args)[i];
                if class_of(name) != vm.t.str_ {
                    return Err(vm.type_error(format!(
                        "__match_args__ elements must be strings (got {})",
                        ops::tname(name)
                    )));
                }
                match class_attr(vm, subject, cls, name, &mut seen)? {
                    Some(v) => vm.list_push(attrs, v)?,
                    None => {
                        matched = false;
                        break;
                    }
                }
            }
        }
        keep_alive(match_args);
    }
    if matched {
        for i in 0..tuple_items(names).len() {
            let name = tuple_items(names)[i];
            match class_attr(vm, subject, cls, name, &mut seen)? {
                Some(v) => vm.list_push(attrs, v)?,
                None => {
                    matched = false;
                    break;
                }
            }
        }
    }
    let out = if matched {
        let items = list_items(attrs).clone();
        vm.tuple(&items)
    } else {
        vm.none
    };
    keep_alive(attrs);
    keep_alive(names);
    keep_alive(cls);
    keep_alive(subject);
    Ok(out)
}

extern "C" fn match_class(vm: u64, subject: u64, cls: u64, names: u64, nargs: u64) -> u64 {
    ret_ref(vm_of(vm), |vm| {
        match_class_impl(vm, r(subject), r(cls), r(names), nargs as usize)
    })
}
descr!(
    MATCH_CLASS,
    match_class,
    [Ref, Ref, Ref, Int],
    Ref,
    CanForce
);

/// `**rest`: a new dict with the items of the mapping `subject` except
/// `keys` (a tuple of keys the pattern matched, so all present).
fn copy_without_keys_impl(vm: &mut Vm, subject: GcRef, keys: GcRef) -> PyResult<GcRef> {
    let rest = vm.dict();
    crate::builtins::dicts::update_from(vm, rest, subject)?;
    if is::<TupleObject>(keys) {
        for i in 0..tuple_items(keys).len() {
            let key = tuple_items(keys)[i];
            let h = ops::hash(vm, key)?;
            if crate::object::dict::remove(vm, rest, key, h)?.is_none() {
                return Err(vm.key_error(key));
            }
        }
    }
    keep_alive(keys);
    keep_alive(subject);
    Ok(rest)
}

extern "C" fn copy_dict_without_keys(vm: u64, subject: u64, keys: u64) -> u64 {
    ret_ref(vm_of(vm), |vm| {
        copy_without_keys_impl(vm, r(subject), r(keys))
    })
}
descr!(
    COPY_DICT_WITHOUT_KEYS,
    copy_dict_without_keys,
    [Ref, Ref],
    Ref,
    CanForce
);

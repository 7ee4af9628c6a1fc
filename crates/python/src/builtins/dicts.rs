//! dict: constructor, methods, views, and the mapping helpers the
//! interpreter uses for `**kwargs` and `{**a}` (`is_mapping`, `items_of`,
//! `update_from`).

use super::setup::def_method;
use super::{check_args, kwarg};
use crate::object::dict::{self, new_dict, table, DictObject};
use crate::object::func::KwArgs;
use crate::object::misc::{new_iter, IterKind, IterObject};
use crate::object::seq::list_items;
use crate::object::typeobj::TypeObject;
use crate::object::{cast, class_of, is, GcRef};
use crate::ops::{self, tname};
use crate::vm::{PyResult, Vm};

/// Does `r` support the mapping protocol used by `**` (a `keys` method
/// and `__getitem__`)?
pub fn is_mapping(vm: &mut Vm, r: GcRef) -> bool {
    if is::<DictObject>(r) {
        return true;
    }
    let k = vm.intern("keys");
    let g = vm.intern("__getitem__");
    let cls = class_of(r);
    ops::lookup(vm, cls, k).is_some() && ops::lookup(vm, cls, g).is_some()
}

/// The (key, value) pairs of a mapping, in its order. GC safety: the
/// pairs are kept in a GC list while user code runs.
pub fn items_of(vm: &mut Vm, m: GcRef) -> PyResult<Vec<(GcRef, GcRef)>> {
    if is::<DictObject>(m) && !cast::<TypeObject>(class_of(m)).heap {
        return Ok(table(m)
            .iter()
            .map(|e| (e.key.unwrap(), e.value.unwrap()))
            .collect());
    }
    let keys_fn = vm.intern("keys");
    let keys = ops::getattr(vm, m, keys_fn)?;
    let keys = ops::call(vm, keys, &[], &[])?;
    let keep = super::seqs::to_list(vm, keys)?;
    let n = list_items(keep).len();
    for i in 0..n {
        let k = list_items(keep)[i];
        let v = ops::item::getitem(vm, m, k)?;
        list_items(keep).push(v);
    }
    let items = list_items(keep);
    Ok((0..n).map(|i| (items[i], items[n + i])).collect())
}

/// A shallow copy of a dict (class `dict`).
pub fn copy(vm: &mut Vm, d: GcRef) -> PyResult<GcRef> {
    let out = vm.dict();
    let entries: Vec<_> = table(d).iter().copied().collect();
    for e in entries {
        table(out).push_new(vm, e.hash, e.key.unwrap(), e.value)?;
    }
    Ok(out)
}

fn set_item(vm: &mut Vm, d: GcRef, k: GcRef, v: GcRef) -> PyResult<()> {
    let h = ops::hash(vm, k)?;
    dict::set(vm, d, k, h, v)
}

/// `d.update(other)` for a mapping or an iterable of pairs.
pub fn update_from(vm: &mut Vm, d: GcRef, other: GcRef) -> PyResult<()> {
    if is_mapping(vm, other) {
        let pairs = items_of(vm, other)?;
        let keep = vm.list(pairs.iter().flat_map(|(k, v)| [*k, *v]).collect());
        for (k, v) in pairs {
            set_item(vm, d, k, v)?;
        }
        crate::object::keep_alive(keep);
        return Ok(());
    }
    let it = ops::iter(vm, other)?;
    let mut i = 0;
    while let Some(item) = ops::next(vm, it)? {
        let kv = super::seqs::to_vec(vm, item).map_err(|e| {
            if vm.exc_matches(e.0, "TypeError") {
                vm.type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                ))
            } else {
                e
            }
        })?;
        if kv.len() != 2 {
            return Err(vm.value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                kv.len()
            )));
        }
        set_item(vm, d, kv[0], kv[1])?;
        i += 1;
    }
    Ok(())
}

fn dict_new(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let d = new_dict(vm.t.dict);
    if args[0] != vm.t.dict {
        crate::object::set_class(d, args[0]);
        cast::<DictObject>(d).ext =
            Some(Box::new(crate::object::instance::Attrs::new(vm.root_map)));
    }
    Ok(d)
}

fn dict_init(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    dict_update(vm, args, kw)
}

fn dict_update(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "update", &args[1..], 0, 1)?;
    let d = args[0];
    if let Some(o) = args.get(1) {
        update_from(vm, d, *o)?;
    }
    for (k, v) in kw {
        set_item(vm, d, *k, *v)?;
    }
    Ok(vm.none)
}

fn dict_getitem(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let (d, k) = (args[0], args[1]);
    let h = ops::hash(vm, k)?;
    if let Some(v) = dict::get(vm, d, k, h)? {
        return Ok(v);
    }
    if class_of(d) != vm.t.dict {
        if let Some(r) = ops::call_method_opt(vm, d, "__missing__", &[k])? {
            return Ok(r);
        }
    }
    Err(vm.key_error(k))
}

fn dict_delitem(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let h = ops::hash(vm, args[1])?;
    match dict::remove(vm, args[0], args[1], h)? {
        Some(_) => Ok(vm.none),
        None => Err(vm.key_error(args[1])),
    }
}

fn dict_get(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "get", &args[1..], 1, 2)?;
    let h = ops::hash(vm, args[1])?;
    Ok(dict::get(vm, args[0], args[1], h)?.unwrap_or(args.get(2).copied().unwrap_or(vm.none)))
}

fn dict_setdefault(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "setdefault", &args[1..], 1, 2)?;
    let h = ops::hash(vm, args[1])?;
    if let Some(v) = dict::get(vm, args[0], args[1], h)? {
        return Ok(v);
    }
    let v = args.get(2).copied().unwrap_or(vm.none);
    dict::set(vm, args[0], args[1], h, v)?;
    Ok(v)
}

fn dict_pop(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "pop", &args[1..], 1, 2)?;
    let h = ops::hash(vm, args[1])?;
    match dict::remove(vm, args[0], args[1], h)? {
        Some(e) => Ok(e.value.unwrap()),
        None => match args.get(2) {
            Some(d) => Ok(*d),
            None => Err(vm.key_error(args[1])),
        },
    }
}

fn dict_popitem(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let t = table(args[0]);
    match t.entries.iter().rposition(|e| e.key.is_some()) {
        Some(ix) => {
            let e = t.remove_at(ix);
            Ok(vm.tuple(&[e.key.unwrap(), e.value.unwrap()]))
        }
        None => Err(vm.err("KeyError", "popitem(): dictionary is empty")),
    }
}

fn dict_clear(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    table(args[0]).clear();
    Ok(vm.none)
}

fn dict_copy(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    copy(vm, args[0])
}

fn view(vm: &mut Vm, d: GcRef, kind: IterKind) -> GcRef {
    let cls = match kind {
        IterKind::DictKeys => vm.t.dict_keys,
        IterKind::DictValues => vm.t.dict_values,
        _ => vm.t.dict_items,
    };
    new_iter(cls, kind, Some(d), None, 0, 0, 0)
}

fn dict_keys(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    Ok(view(vm, args[0], IterKind::DictKeys))
}
fn dict_values(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    Ok(view(vm, args[0], IterKind::DictValues))
}
fn dict_items(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    Ok(view(vm, args[0], IterKind::DictItems))
}

fn dict_fromkeys(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let cls = args[0];
    let d = ops::call(vm, cls, &[], &[])?;
    let v = args.get(2).copied().unwrap_or(vm.none);
    let keys = super::seqs::to_list(vm, args[1])?;
    for k in list_items(keys).clone() {
        ops::item::setitem(vm, d, k, v)?;
    }
    Ok(d)
}

fn dict_contains(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let h = ops::hash(vm, args[1])?;
    let found = dict::get(vm, args[0], args[1], h)?.is_some();
    Ok(vm.bool(found))
}

fn dict_or(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    if !is::<DictObject>(args[1]) {
        return Ok(vm.notimpl);
    }
    let d = copy(vm, args[0])?;
    update_from(vm, d, args[1])?;
    Ok(d)
}

// ---- views ----

fn view_dict(r: GcRef) -> GcRef {
    cast::<IterObject>(r).a.expect("view dict")
}

fn view_repr(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let v = args[0];
    let d = view_dict(v);
    let kind = cast::<IterObject>(v).kind;
    let mut parts = Vec::new();
    let entries: Vec<_> = table(d).iter().copied().collect();
    for e in entries {
        let s = match kind {
            IterKind::DictKeys => ops::repr::repr(vm, e.key.unwrap())?,
            IterKind::DictValues => ops::repr::repr(vm, e.value.unwrap())?,
            _ => {
                let t = vm.tuple(&[e.key.unwrap(), e.value.unwrap()]);
                ops::repr::repr(vm, t)?
            }
        };
        parts.push(s);
    }
    let s = format!("{}([{}])", tname(v), parts.join(", "));
    Ok(vm.new_str(s))
}

fn view_len(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let n = table(view_dict(args[0])).len();
    Ok(vm.int(n as i64))
}

fn view_iter(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    super::iters::builtin_iter(vm, args[0])
}

fn view_contains(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let (v, x) = (args[0], args[1]);
    let d = view_dict(v);
    let found = match cast::<IterObject>(v).kind {
        IterKind::DictKeys => {
            let h = ops::hash(vm, x)?;
            dict::get(vm, d, x, h)?.is_some()
        }
        IterKind::DictValues => {
            let vals: Vec<GcRef> = table(d).iter().map(|e| e.value.unwrap()).collect();
            let mut f = false;
            for val in vals {
                if ops::eq_bool(vm, val, x)? {
                    f = true;
                    break;
                }
            }
            f
        }
        _ => {
            let kv = super::seqs::to_vec(vm, x)?;
            if kv.len() != 2 {
                false
            } else {
                let h = ops::hash(vm, kv[0])?;
                match dict::get(vm, d, kv[0], h)? {
                    Some(val) => ops::eq_bool(vm, val, kv[1])?,
                    None => false,
                }
            }
        }
    };
    Ok(vm.bool(found))
}

/// Set operations on key views (`d.keys() & other`): the result is a set.
fn view_setop(vm: &mut Vm, args: &[GcRef], which: u8) -> PyResult<GcRef> {
    let a = super::sets::set_from(vm, args[0])?;
    let b = super::sets::set_from(vm, args[1])?;
    let op = match which {
        b'&' => crate::bytecode::BinOp::And,
        b'|' => crate::bytecode::BinOp::Or,
        b'^' => crate::bytecode::BinOp::Xor,
        _ => crate::bytecode::BinOp::Sub,
    };
    super::sets::set_binop(vm, a, b, op, false)
}
fn view_and(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    view_setop(vm, args, b'&')
}
fn view_or(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    view_setop(vm, args, b'|')
}
fn view_sub(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    view_setop(vm, args, b'-')
}
fn view_xor(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    view_setop(vm, args, b'^')
}

fn view_eq(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    if cast::<IterObject>(args[0]).kind == IterKind::DictValues {
        return Ok(vm.bool(args[0] == args[1]));
    }
    let a = super::sets::set_from(vm, args[0])?;
    let b = match super::sets::set_from(vm, args[1]) {
        Ok(b) => b,
        Err(_) => return Ok(vm.false_),
    };
    let r = super::sets::is_subset(vm, a, b)? && super::sets::is_subset(vm, b, a)?;
    Ok(vm.bool(r))
}

pub fn register(vm: &mut Vm) {
    let d = vm.t.dict;
    cast::<TypeObject>(d).native_new = Some(dict_new);
    def_method(vm, d, "__init__", dict_init);
    def_method(vm, d, "__getitem__", dict_getitem);
    def_method(vm, d, "__delitem__", dict_delitem);
    def_method(vm, d, "__contains__", dict_contains);
    def_method(vm, d, "__or__", dict_or);
    def_method(vm, d, "get", dict_get);
    def_method(vm, d, "setdefault", dict_setdefault);
    def_method(vm, d, "pop", dict_pop);
    def_method(vm, d, "popitem", dict_popitem);
    def_method(vm, d, "clear", dict_clear);
    def_method(vm, d, "copy", dict_copy);
    def_method(vm, d, "update", dict_update);
    def_method(vm, d, "keys", dict_keys);
    def_method(vm, d, "values", dict_values);
    def_method(vm, d, "items", dict_items);
    super::setup::def_classmethod(vm, d, "fromkeys", dict_fromkeys);
    let n = vm.intern("__hash__");
    let none = vm.none;
    crate::object::dict::set_str(cast::<TypeObject>(d).dict.unwrap(), n, none);
    for v in [vm.t.dict_keys, vm.t.dict_values, vm.t.dict_items] {
        def_method(vm, v, "__repr__", view_repr);
        def_method(vm, v, "__len__", view_len);
        def_method(vm, v, "__iter__", view_iter);
        def_method(vm, v, "__contains__", view_contains);
        def_method(vm, v, "__eq__", view_eq);
    }
    for v in [vm.t.dict_keys, vm.t.dict_items] {
        def_method(vm, v, "__and__", view_and);
        def_method(vm, v, "__or__", view_or);
        def_method(vm, v, "__sub__", view_sub);
        def_method(vm, v, "__xor__", view_xor);
    }
    let _ = kwarg;
}

//! set and frozenset: constructors, methods and the set algebra (the
//! operators `& | ^ -` reach [`set_binop`] through `ops::num`).

use super::check_args;
use super::setup::def_method;
use crate::bytecode::BinOp;
use crate::object::dict::{new_set, table, SetObject, Table};
use crate::object::func::KwArgs;
use crate::object::typeobj::TypeObject;
use crate::object::{cast, class_of, is, GcRef};
use crate::ops;
use crate::vm::{PyResult, Vm};

/// Adds `x` to set `s`.
pub fn add(vm: &mut Vm, s: GcRef, x: GcRef) -> PyResult<()> {
    let h = ops::hash(vm, x)?;
    if Table::find(vm, s, x, h)?.is_none() {
        table(s).push_new(vm, h, x, None)?;
        kiln_gc::write_barrier(s);
    }
    Ok(())
}

/// Is `x` in set `s`?
pub fn has(vm: &mut Vm, s: GcRef, x: GcRef) -> PyResult<bool> {
    let h = ops::hash(vm, x)?;
    Ok(Table::find(vm, s, x, h)?.is_some())
}

/// The (hash, key) pairs of a set, copied: comparisons may run Python code
/// that mutates the set. Small sets stay on the stack.
fn entries(s: GcRef) -> smallvec::SmallVec<[(i64, GcRef); 16]> {
    table(s).iter().map(|e| (e.hash, e.key.unwrap())).collect()
}

/// Membership with a known hash.
fn has_h(vm: &mut Vm, s: GcRef, x: GcRef, h: i64) -> PyResult<bool> {
    Ok(Table::find(vm, s, x, h)?.is_some())
}

/// Adds `x` (hash `h`) to `s` if absent.
fn add_h(vm: &mut Vm, s: GcRef, x: GcRef, h: i64) -> PyResult<()> {
    if Table::find(vm, s, x, h)?.is_none() {
        table(s).push_new(vm, h, x, None)?;
        kiln_gc::write_barrier(s);
    }
    Ok(())
}

/// A new set (class `set`) of the items of any iterable.
pub fn set_from(vm: &mut Vm, it: GcRef) -> PyResult<GcRef> {
    let s = new_set(vm.t.set);
    let items = super::seqs::to_list(vm, it)?;
    for x in crate::object::seq::list_items(items).clone() {
        add(vm, s, x)?;
    }
    Ok(s)
}

/// Is every element of `a` in `b`?
pub fn is_subset(vm: &mut Vm, a: GcRef, b: GcRef) -> PyResult<bool> {
    if table(a).len() > table(b).len() {
        return Ok(false);
    }
    for (h, x) in entries(a) {
        if !has_h(vm, b, x, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn result_class(vm: &Vm, a: GcRef) -> GcRef {
    if vm.is_subtype(class_of(a), vm.t.frozenset) {
        vm.t.frozenset
    } else {
        vm.t.set
    }
}

/// `a op b` for two sets; with `inplace`, updates `a` (for `|=` etc.).
pub fn set_binop(vm: &mut Vm, a: GcRef, b: GcRef, op: BinOp, inplace: bool) -> PyResult<GcRef> {
    let out = new_set(result_class(vm, a));
    let (ea, eb) = (entries(a), entries(b));
    let n = if op == BinOp::Or {
        ea.len() + eb.len()
    } else {
        ea.len()
    };
    table(out).reserve(vm, n)?;
    match op {
        BinOp::Or => {
            for (h, x) in ea.into_iter().chain(eb) {
                add_h(vm, out, x, h)?;
            }
        }
        BinOp::And => {
            for (h, x) in ea {
                if has_h(vm, b, x, h)? {
                    add_h(vm, out, x, h)?;
                }
            }
        }
        BinOp::Sub => {
            for (h, x) in ea {
                if !has_h(vm, b, x, h)? {
                    add_h(vm, out, x, h)?;
                }
            }
        }
        _ => {
            for (h, x) in ea {
                if !has_h(vm, b, x, h)? {
                    add_h(vm, out, x, h)?;
                }
            }
            for (h, x) in eb {
                if !has_h(vm, a, x, h)? {
                    add_h(vm, out, x, h)?;
                }
            }
        }
    }
    if inplace && class_of(a) != vm.t.frozenset {
        let t = std::mem::take(table(out));
        *table(a) = t;
        kiln_gc::write_barrier(a);
        return Ok(a);
    }
    Ok(out)
}

fn set_new(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let cls = args[0];
    let frozen = vm.is_subtype(cls, vm.t.frozenset);
    let name = if frozen { "frozenset" } else { "set" };
    super::no_kw(vm, name, kw)?;
    check_args(vm, name, &args[1..], 0, 1)?;
    let s = new_set(cls);
    if frozen {
        if let Some(it) = args.get(1) {
            if class_of(*it) == vm.t.frozenset && cls == vm.t.frozenset {
                return Ok(*it);
            }
            let items = super::seqs::to_list(vm, *it)?;
            for x in crate::object::seq::list_items(items).clone() {
                add(vm, s, x)?;
            }
        }
    }
    Ok(s)
}

fn set_init(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "set", &args[1..], 0, 1)?;
    let s = args[0];
    table(s).clear();
    if let Some(it) = args.get(1) {
        let items = super::seqs::to_list(vm, *it)?;
        for x in crate::object::seq::list_items(items).clone() {
            add(vm, s, x)?;
        }
    }
    Ok(vm.none)
}

fn m_add(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "add", &args[1..], 1, 1)?;
    add(vm, args[0], args[1])?;
    Ok(vm.none)
}

fn remove_key(vm: &mut Vm, s: GcRef, x: GcRef) -> PyResult<bool> {
    let h = ops::hash(vm, x)?;
    match Table::find(vm, s, x, h)? {
        Some(ix) => {
            table(s).remove_at(ix);
            Ok(true)
        }
        None => Ok(false),
    }
}

fn m_remove(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "remove", &args[1..], 1, 1)?;
    if remove_key(vm, args[0], args[1])? {
        Ok(vm.none)
    } else {
        Err(vm.key_error(args[1]))
    }
}

fn m_discard(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "discard", &args[1..], 1, 1)?;
    remove_key(vm, args[0], args[1])?;
    Ok(vm.none)
}

fn m_pop(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let t = table(args[0]);
    match t.entries.iter().position(|e| e.key.is_some()) {
        Some(ix) => Ok(t.remove_at(ix).key.unwrap()),
        None => Err(vm.err("KeyError", "pop from an empty set")),
    }
}

fn m_clear(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    table(args[0]).clear();
    Ok(vm.none)
}

fn m_copy(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let s = args[0];
    if class_of(s) == vm.t.frozenset {
        return Ok(s);
    }
    let out = new_set(result_class(vm, s));
    for e in table(s).iter().copied().collect::<Vec<_>>() {
        table(out).push_new(vm, e.hash, e.key.unwrap(), None)?;
    }
    Ok(out)
}

/// The arguments of a multi-argument method, each made a set.
fn others(vm: &mut Vm, args: &[GcRef]) -> PyResult<Vec<GcRef>> {
    let keep = vm.list(Vec::new());
    for a in &args[1..] {
        let s = if is::<SetObject>(*a) {
            *a
        } else {
            set_from(vm, *a)?
        };
        crate::object::seq::list_items(keep).push(s);
    }
    Ok(crate::object::seq::list_items(keep).clone())
}

fn multi(vm: &mut Vm, args: &[GcRef], op: BinOp, inplace: bool) -> PyResult<GcRef> {
    let os = others(vm, args)?;
    // The converted sets must stay reachable while the algebra allocates.
    let keep = vm.list(os.clone());
    let mut acc = args[0];
    if os.is_empty() && !inplace {
        return m_copy(vm, &[acc], &[]);
    }
    for (i, o) in os.iter().enumerate() {
        let inpl = inplace || i > 0;
        acc = set_binop(vm, acc, *o, op, inpl && class_of(acc) != vm.t.frozenset)?;
    }
    crate::object::keep_alive(keep);
    if inplace {
        return Ok(vm.none);
    }
    Ok(acc)
}

fn m_union(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    multi(vm, args, BinOp::Or, false)
}
fn m_intersection(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    multi(vm, args, BinOp::And, false)
}
fn m_difference(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    multi(vm, args, BinOp::Sub, false)
}
fn m_symdiff(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    multi(vm, args, BinOp::Xor, false)
}
fn m_update(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    multi(vm, args, BinOp::Or, true)
}
fn m_intersection_update(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    multi(vm, args, BinOp::And, true)
}
fn m_difference_update(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    multi(vm, args, BinOp::Sub, true)
}
fn m_symdiff_update(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    multi(vm, args, BinOp::Xor, true)
}

fn other_set(vm: &mut Vm, args: &[GcRef], name: &str) -> PyResult<GcRef> {
    check_args(vm, name, &args[1..], 1, 1)?;
    if is::<SetObject>(args[1]) {
        Ok(args[1])
    } else {
        set_from(vm, args[1])
    }
}

fn m_issubset(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let o = other_set(vm, args, "issubset")?;
    let r = is_subset(vm, args[0], o)?;
    Ok(vm.bool(r))
}
fn m_issuperset(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let o = other_set(vm, args, "issuperset")?;
    let r = is_subset(vm, o, args[0])?;
    Ok(vm.bool(r))
}
fn m_isdisjoint(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let o = other_set(vm, args, "isdisjoint")?;
    for (h, x) in entries(args[0]) {
        if has_h(vm, o, x, h)? {
            return Ok(vm.false_);
        }
    }
    Ok(vm.true_)
}

fn m_contains(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let r = has(vm, args[0], args[1])?;
    Ok(vm.bool(r))
}

pub fn register(vm: &mut Vm) {
    let (s, f) = (vm.t.set, vm.t.frozenset);
    cast::<TypeObject>(s).native_new = Some(set_new);
    cast::<TypeObject>(f).native_new = Some(set_new);
    def_method(vm, s, "__init__", set_init);
    for ty in [s, f] {
        def_method(vm, ty, "union", m_union);
        def_method(vm, ty, "intersection", m_intersection);
        def_method(vm, ty, "difference", m_difference);
        def_method(vm, ty, "symmetric_difference", m_symdiff);
        def_method(vm, ty, "issubset", m_issubset);
        def_method(vm, ty, "issuperset", m_issuperset);
        def_method(vm, ty, "isdisjoint", m_isdisjoint);
        def_method(vm, ty, "copy", m_copy);
        def_method(vm, ty, "__contains__", m_contains);
    }
    def_method(vm, s, "add", m_add);
    def_method(vm, s, "remove", m_remove);
    def_method(vm, s, "discard", m_discard);
    def_method(vm, s, "pop", m_pop);
    def_method(vm, s, "clear", m_clear);
    def_method(vm, s, "update", m_update);
    def_method(vm, s, "intersection_update", m_intersection_update);
    def_method(vm, s, "difference_update", m_difference_update);
    def_method(vm, s, "symmetric_difference_update", m_symdiff_update);
    let n = vm.intern("__hash__");
    let none = vm.none;
    crate::object::dict::set_str(cast::<TypeObject>(s).dict.unwrap(), n, none);
}

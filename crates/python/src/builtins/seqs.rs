//! Sequences: list, tuple and slice constructors and methods,
//! `len`, collecting any iterable into items, and a stable merge sort that
//! propagates comparison errors.

use super::setup::def_method;
use crate::object::dict::{table, DictObject, SetObject};
use crate::object::func::KwArgs;
use crate::object::misc::{RangeObject, SliceObject};
use crate::object::seq::{list_items, tuple_items, ListObject, TupleObject};
use crate::object::str::{BytesObject, StrObject};
use crate::object::typeobj::TypeObject;
use crate::object::{alloc, cast, class_of, is, try_cast, GcRef, HDR};
use crate::ops::{self, item::index_value};
use crate::vm::{PyResult, Vm};

/// The items of any iterable (fast paths for list and tuple). GC safety:
/// the items are gathered in a GC list while the iteration allocates.
pub fn to_vec(vm: &mut Vm, r: GcRef) -> PyResult<Vec<GcRef>> {
    if is::<ListObject>(r) {
        return Ok(list_items(r).clone());
    }
    if is::<TupleObject>(r) {
        return Ok(tuple_items(r).to_vec());
    }
    let keep = vm.list(Vec::new());
    reserve_for(vm, keep, r)?;
    let it = ops::iter(vm, r)?;
    while let Some(v) = ops::next(vm, it)? {
        vm.list_push(keep, v)?;
    }
    Ok(std::mem::take(list_items(keep)))
}

/// Reserves room in list `l` for the items of a sized builtin iterable
/// (ranges, dicts, sets, strs): too many for memory is a `MemoryError`
/// at once, as in CPython, instead of growing until the system kills us.
fn reserve_for(vm: &mut Vm, l: GcRef, src: GcRef) -> PyResult<()> {
    if !is::<RangeObject>(src) {
        return Ok(());
    }
    if let Some(n) = len_opt(vm, src)? {
        if list_items(l).try_reserve(n).is_err() {
            return Err(vm.bare_err("MemoryError"));
        }
    }
    Ok(())
}

/// A GC list of the items of an iterable.
pub fn to_list(vm: &mut Vm, r: GcRef) -> PyResult<GcRef> {
    let keep = vm.list(Vec::new());
    if is::<ListObject>(r) {
        *list_items(keep) = list_items(r).clone();
        return Ok(keep);
    }
    if is::<TupleObject>(r) {
        *list_items(keep) = tuple_items(r).to_vec();
        return Ok(keep);
    }
    reserve_for(vm, keep, r)?;
    let it = ops::iter(vm, r)?;
    while let Some(v) = ops::next(vm, it)? {
        vm.list_push(keep, v)?;
    }
    Ok(keep)
}

pub fn new_slice(vm: &mut Vm, a: Option<GcRef>, b: Option<GcRef>, c: Option<GcRef>) -> GcRef {
    let none = vm.none;
    alloc(SliceObject {
        hdr: HDR,
        cls: Some(vm.t.slice),
        start: Some(a.unwrap_or(none)),
        stop: Some(b.unwrap_or(none)),
        step: Some(c.unwrap_or(none)),
    })
}

/// `len(r)` if `r` has a length.
pub fn len_opt(vm: &mut Vm, r: GcRef) -> PyResult<Option<usize>> {
    let cls = class_of(r);
    if cast::<TypeObject>(cls).heap {
        // A subclass of a builtin may override `__len__`.
        let n = vm.intern("__len__");
        if let Some(f) = ops::lookup(vm, cls, n) {
            if is::<crate::object::func::FunctionObject>(f) {
                return heap_len(vm, r);
            }
        }
    }
    if let Some(n) = layout_len(vm, r)? {
        return Ok(Some(n));
    }
    if cast::<TypeObject>(cls).heap {
        return heap_len(vm, r);
    }
    Ok(None)
}

/// The length of an object with a builtin sized layout, ignoring any
/// `__len__` a subclass defines (an error for a range too long for it).
pub fn layout_len(vm: &mut Vm, r: GcRef) -> PyResult<Option<usize>> {
    if let Some(l) = try_cast::<ListObject>(r) {
        return Ok(Some(l.items.len()));
    }
    if let Some(t) = try_cast::<TupleObject>(r) {
        return Ok(Some(t.len as usize));
    }
    if let Some(s) = try_cast::<StrObject>(r) {
        return Ok(Some(s.len));
    }
    if is::<DictObject>(r) || is::<SetObject>(r) {
        return Ok(Some(table(r).len()));
    }
    if let Some(b) = try_cast::<BytesObject>(r) {
        return Ok(Some(b.b.len()));
    }
    if is::<crate::object::str::MemoryViewObject>(r) {
        return super::memview::len(vm, r).map(Some);
    }
    if is::<RangeObject>(r) {
        return super::ranges::len(vm, r).map(Some);
    }
    let cls = class_of(r);
    if cls == vm.t.dict_keys || cls == vm.t.dict_values || cls == vm.t.dict_items {
        let d = cast::<crate::object::misc::IterObject>(r).a.expect("dict");
        return Ok(Some(table(d).len()));
    }
    Ok(None)
}

/// `len(r)` through a class's `__len__`, if it has one.
fn heap_len(vm: &mut Vm, r: GcRef) -> PyResult<Option<usize>> {
    match ops::call_method_opt(vm, r, "__len__", &[])? {
        Some(v) => {
            let n = index_value(vm, v)?;
            if n < 0 {
                return Err(vm.value_error("__len__() should return >= 0"));
            }
            Ok(Some(n as usize))
        }
        None => Ok(None),
    }
}

// ---- constructors ----

fn list_new(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let l = vm.list(Vec::new());
    if args[0] != vm.t.list {
        crate::object::set_class(l, args[0]);
        cast::<ListObject>(l).ext =
            Some(Box::new(crate::object::instance::Attrs::new(vm.root_map)));
    }
    Ok(l)
}

fn list_init(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    super::check_args(vm, "list", &args[1..], 0, 1)?;
    list_items(args[0]).clear();
    if let Some(src) = args.get(1) {
        let v = to_vec(vm, *src)?;
        *list_items(args[0]) = v;
    }
    Ok(vm.none)
}

fn tuple_new(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    super::check_args(vm, "tuple", &args[1..], 0, 1)?;
    let t = match args.get(1) {
        Some(src) if class_of(*src) == vm.t.tuple && args[0] == vm.t.tuple => *src,
        Some(src) => {
            let l = to_list(vm, *src)?;
            let v = list_items(l).clone();
            let t = crate::object::seq::new_tuple(vm.t.tuple, &v);
            let _ = l;
            t
        }
        None => vm.empty_tuple,
    };
    if args[0] != vm.t.tuple {
        let v = tuple_items(t).to_vec();
        let n = crate::object::seq::new_tuple(args[0], &v);
        return Ok(n);
    }
    Ok(t)
}

fn slice_new(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let a = &args[1..];
    Ok(match a.len() {
        1 => new_slice(vm, None, Some(a[0]), None),
        2 => new_slice(vm, Some(a[0]), Some(a[1]), None),
        3 => new_slice(vm, Some(a[0]), Some(a[1]), Some(a[2])),
        _ => return Err(vm.type_error("slice expected at least 1 argument, got 0")),
    })
}

fn slice_indices_m(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let n = index_value(vm, args[1])?;
    let (a, b, c) = ops::item::slice_indices(vm, args[0], n.max(0) as usize)?;
    let (a, b, c) = (vm.int(a), vm.int(b), vm.int(c));
    Ok(vm.tuple(&[a, b, c]))
}

// ---- list methods ----

fn l(r: GcRef) -> &'static mut Vec<GcRef> {
    list_items(r)
}

fn list_append(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    super::check_args(vm, "list.append", &args[1..], 1, 1)?;
    vm.list_push(args[0], args[1])?;
    Ok(vm.none)
}

fn list_extend(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let v = to_vec(vm, args[1])?;
    l(args[0]).extend(v);
    Ok(vm.none)
}

fn list_pop(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let items = l(args[0]);
    if items.is_empty() {
        return Err(vm.index_error("pop from empty list"));
    }
    let i = match args.get(1) {
        Some(i) => index_value(vm, *i)?,
        None => -1,
    };
    match ops::item::norm_index(i, items.len()) {
        Some(j) => Ok(items.remove(j)),
        None => Err(vm.index_error("pop index out of range")),
    }
}

fn list_insert(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    super::check_args(vm, "insert", &args[1..], 2, 2)?;
    let i = index_value(vm, args[1])?;
    let items = l(args[0]);
    let n = items.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(j as usize, args[2]);
    Ok(vm.none)
}

fn find_index(
    vm: &mut Vm,
    items: &[GcRef],
    x: GcRef,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    for (i, it) in items.iter().enumerate().take(stop).skip(start) {
        if ops::eq_bool(vm, *it, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn bounds(vm: &mut Vm, args: &[GcRef], n: usize) -> PyResult<(usize, usize)> {
    let norm = |i: i64| -> usize {
        if i < 0 {
            (i + n as i64).max(0) as usize
        } else {
            (i as usize).min(n)
        }
    };
    let start = match args.get(2) {
        Some(s) => norm(index_value(vm, *s)?),
        None => 0,
    };
    let stop = match args.get(3) {
        Some(s) => norm(index_value(vm, *s)?),
        None => n,
    };
    Ok((start, stop))
}

fn list_index(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let items = l(args[0]).clone();
    let (a, b) = bounds(vm, args, items.len())?;
    match find_index(vm, &items, args[1], a, b)? {
        Some(i) => Ok(vm.int(i as i64)),
        None => {
            let r = ops::repr::repr(vm, args[1])?;
            Err(vm.value_error(format!("{r} is not in list")))
        }
    }
}

fn tuple_index(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let items = tuple_items(args[0]);
    let (a, b) = bounds(vm, args, items.len())?;
    match find_index(vm, items, args[1], a, b)? {
        Some(i) => Ok(vm.int(i as i64)),
        None => Err(vm.value_error("tuple.index(x): x not in tuple")),
    }
}

fn count_in(vm: &mut Vm, items: &[GcRef], x: GcRef) -> PyResult<GcRef> {
    let mut n = 0;
    for it in items {
        if ops::eq_bool(vm, *it, x)? {
            n += 1;
        }
    }
    Ok(vm.int(n))
}

fn list_count(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let items = l(args[0]).clone();
    count_in(vm, &items, args[1])
}

fn tuple_count(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    count_in(vm, tuple_items(args[0]), args[1])
}

fn list_remove(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let items = l(args[0]).clone();
    match find_index(vm, &items, args[1], 0, items.len())? {
        Some(i) => {
            l(args[0]).remove(i);
            Ok(vm.none)
        }
        None => Err(vm.value_error("list.remove(x): x not in list")),
    }
}

fn list_reverse(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    l(args[0]).reverse();
    Ok(vm.none)
}

fn list_clear(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    l(args[0]).clear();
    Ok(vm.none)
}

fn list_copy(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let v = l(args[0]).clone();
    Ok(vm.list(v))
}

/// Stable merge sort of `items` by `keys` (parallel), propagating errors.
pub fn sort_items(
    vm: &mut Vm,
    items: &mut Vec<GcRef>,
    key: Option<GcRef>,
    reverse: bool,
) -> PyResult<()> {
    let n = items.len();
    // Keys live in a GC list while computed (allocation may collect).
    let keys_l = vm.list(Vec::new());
    match key {
        Some(k) => {
            for it in items.iter() {
                let kv = ops::call(vm, k, &[*it], &[])?;
                list_items(keys_l).push(kv);
            }
        }
        None => *list_items(keys_l) = items.clone(),
    }
    let keys = list_items(keys_l).clone();
    let mut idx: Vec<usize> = (0..n).collect();
    if reverse {
        idx.reverse();
    }
    let mut buf = idx.clone();
    merge_sort(vm, &keys, &mut idx, &mut buf, false)?;
    if reverse {
        idx.reverse();
    }
    let sorted: Vec<GcRef> = idx.iter().map(|i| items[*i]).collect();
    *items = sorted;
    crate::object::keep_alive(keys_l);
    Ok(())
}

fn merge_sort(
    vm: &mut Vm,
    keys: &[GcRef],
    v: &mut [usize],
    buf: &mut [usize],
    rev: bool,
) -> PyResult<()> {
    let n = v.len();
    if n <= 1 {
        return Ok(());
    }
    if n <= 8 {
        for i in 1..n {
            let mut j = i;
            while j > 0 {
                let (a, b) = (keys[v[j]], keys[v[j - 1]]);
                let less = if rev {
                    ops::cmp::lt(vm, b, a)?
                } else {
                    ops::cmp::lt(vm, a, b)?
                };
                if !less {
                    break;
                }
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        return Ok(());
    }
    let mid = n / 2;
    {
        let (l, r) = v.split_at_mut(mid);
        let (bl, br) = buf.split_at_mut(mid);
        merge_sort(vm, keys, l, bl, rev)?;
        merge_sort(vm, keys, r, br, rev)?;
    }
    buf[..n].copy_from_slice(v);
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < mid && j < n {
        let (a, b) = (keys[buf[j]], keys[buf[i]]);
        let take_right = if rev {
            ops::cmp::lt(vm, b, a)?
        } else {
            ops::cmp::lt(vm, a, b)?
        };
        if take_right {
            v[k] = buf[j];
            j += 1;
        } else {
            v[k] = buf[i];
            i += 1;
        }
        k += 1;
    }
    while i < mid {
        v[k] = buf[i];
        i += 1;
        k += 1;
    }
    while j < n {
        v[k] = buf[j];
        j += 1;
        k += 1;
    }
    Ok(())
}

pub fn sort_kw(vm: &mut Vm, kw: KwArgs) -> PyResult<(Option<GcRef>, bool)> {
    let mut key = None;
    let mut rev = false;
    for (k, v) in kw {
        match ops::str_of(*k) {
            "key" => key = Some(*v).filter(|x| *x != vm.none),
            "reverse" => rev = ops::truthy(vm, *v)?,
            other => {
                return Err(vm.type_error(format!(
                    "'{other}' is an invalid keyword argument for sort()"
                )))
            }
        }
    }
    Ok((key, rev))
}

fn list_sort(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    if args.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let (key, rev) = sort_kw(vm, kw)?;
    let mut items = l(args[0]).clone();
    sort_items(vm, &mut items, key, rev)?;
    *l(args[0]) = items;
    Ok(vm.none)
}

fn seq_len(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let n = match layout_len(vm, args[0])? {
        Some(n) => n,
        None => ops::item::len(vm, args[0])?,
    };
    Ok(vm.int(n as i64))
}

/// The nearest builtin (non-heap) class in the MRO of `cls`.
pub fn builtin_base(cls: GcRef) -> GcRef {
    cast::<TypeObject>(cls)
        .mro
        .iter()
        .flatten()
        .copied()
        .find(|c| !cast::<TypeObject>(*c).heap)
        .unwrap_or(cls)
}

fn seq_getitem(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let c = args[0];
    // Bypass user overrides: operate on the builtin layout.
    let cls = class_of(c);
    let base = builtin_base(cls);
    crate::object::set_class(c, base);
    let r = ops::item::getitem(vm, c, args[1]);
    crate::object::set_class(c, cls);
    r
}

fn seq_setitem(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let c = args[0];
    let cls = class_of(c);
    let base = builtin_base(cls);
    crate::object::set_class(c, base);
    let r = ops::item::setitem(vm, c, args[1], args[2]);
    crate::object::set_class(c, cls);
    r.map(|_| vm.none)
}

fn seq_contains(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let b = ops::item::contains(vm, args[0], args[1])?;
    Ok(vm.bool(b))
}

fn seq_iter(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    super::iters::builtin_iter(vm, args[0])
}

fn seq_add(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    match ops::num::builtin_op(vm, args[0], args[1], crate::bytecode::BinOp::Add)? {
        Some(r) => Ok(r),
        None => Ok(vm.notimpl),
    }
}

fn seq_eq(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    ops::cmp::richcompare(vm, args[0], args[1], crate::bytecode::CmpOp::Eq)
}

fn seq_repr(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let c = args[0];
    let cls = class_of(c);
    let base = builtin_base(cls);
    crate::object::set_class(c, base);
    let r = ops::repr::repr(vm, c);
    crate::object::set_class(c, cls);
    let s = r?;
    Ok(vm.new_str(s))
}

pub fn register(vm: &mut Vm) {
    let (lt, tt) = (vm.t.list, vm.t.tuple);
    cast::<TypeObject>(lt).native_new = Some(list_new);
    cast::<TypeObject>(tt).native_new = Some(tuple_new);
    cast::<TypeObject>(vm.t.slice).native_new = Some(slice_new);
    def_method(vm, lt, "__init__", list_init);
    def_method(vm, lt, "append", list_append);
    def_method(vm, lt, "extend", list_extend);
    def_method(vm, lt, "pop", list_pop);
    def_method(vm, lt, "insert", list_insert);
    def_method(vm, lt, "index", list_index);
    def_method(vm, lt, "count", list_count);
    def_method(vm, lt, "remove", list_remove);
    def_method(vm, lt, "reverse", list_reverse);
    def_method(vm, lt, "clear", list_clear);
    def_method(vm, lt, "copy", list_copy);
    def_method(vm, lt, "sort", list_sort);
    def_method(vm, tt, "index", tuple_index);
    def_method(vm, tt, "count", tuple_count);
    let st = vm.t.slice;
    def_method(vm, st, "indices", slice_indices_m);
    for ty in [lt, tt, vm.t.dict, vm.t.str_, vm.t.range, vm.t.set] {
        def_method(vm, ty, "__len__", seq_len);
        def_method(vm, ty, "__getitem__", seq_getitem);
        def_method(vm, ty, "__contains__", seq_contains);
        def_method(vm, ty, "__iter__", seq_iter);
    }
    for ty in [lt, vm.t.dict] {
        def_method(vm, ty, "__setitem__", seq_setitem);
        def_method(vm, ty, "__repr__", seq_repr);
    }
    for ty in [lt, tt] {
        def_method(vm, ty, "__add__", seq_add);
        def_method(vm, ty, "__eq__", seq_eq);
    }
    def_method(vm, tt, "__repr__", seq_repr);
}

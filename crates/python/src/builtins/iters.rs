//! Iteration: `iter()`/`next()` over builtin containers, the builtin
//! iterator objects (one `IterObject` layout, told apart by `kind`),
//! enumerate/zip/map/filter/reversed, generator methods, and the
//! `__iter__`/`__next__` protocol for classes.

use super::setup::def_method;
use crate::interp::gen::{gen_close, gen_send, gen_throw, Sent};
use crate::object::dict::{table, DictObject, SetObject};
use crate::object::func::{GeneratorObject, KwArgs};
use crate::object::misc::{new_iter, IterKind, IterObject, RangeObject};
use crate::object::seq::{list_items, tuple_items, ListObject, TupleObject};
use crate::object::str::{BytesObject, StrObject};
use crate::object::typeobj::TypeObject;
use crate::object::{cast, class_of, is, try_cast, GcRef};
use crate::ops::{self, tname};
use crate::vm::{Exc, PyResult, Vm};

/// Iterator over a builtin container, or None.
pub fn builtin_iter_opt(vm: &mut Vm, r: GcRef) -> Option<GcRef> {
    let it = vm.t.iterator;
    if is::<ListObject>(r) || is::<TupleObject>(r) || is::<StrObject>(r) || is::<BytesObject>(r) {
        return Some(new_iter(it, IterKind::Seq, Some(r), None, 0, 0, 0));
    }
    if is::<DictObject>(r) {
        let n = table(r).entries.len() as i64;
        return Some(new_iter(
            it,
            IterKind::DictKeys,
            Some(r),
            None,
            0,
            n,
            table(r).len() as i64,
        ));
    }
    if is::<SetObject>(r) {
        return Some(new_iter(
            it,
            IterKind::SetItems,
            Some(r),
            None,
            0,
            0,
            table(r).len() as i64,
        ));
    }
    if is::<RangeObject>(r) {
        return Some(super::ranges::iter(vm, r));
    }
    let cls = class_of(r);
    if cls == vm.t.dict_keys || cls == vm.t.dict_values || cls == vm.t.dict_items {
        let d = cast::<IterObject>(r).a.expect("dict");
        let kind = cast::<IterObject>(r).kind;
        let n = table(d).entries.len() as i64;
        return Some(new_iter(
            it,
            kind,
            Some(d),
            None,
            0,
            n,
            table(d).len() as i64,
        ));
    }
    None
}

pub fn builtin_iter(vm: &mut Vm, r: GcRef) -> PyResult<GcRef> {
    match builtin_iter_opt(vm, r) {
        Some(i) => Ok(i),
        None => Err(vm.type_error(format!("'{}' object is not iterable", tname(r)))),
    }
}

/// `iter(r)`.
pub fn get_iter(vm: &mut Vm, r: GcRef) -> PyResult<GcRef> {
    let cls = class_of(r);
    if cast::<TypeObject>(cls).heap {
        let n = vm.intern("__iter__");
        if let Some(m) = ops::lookup(vm, cls, n) {
            if class_of(m) != vm.t.method_descr {
                if m == vm.none {
                    return Err(vm.type_error(format!("'{}' object is not iterable", tname(r))));
                }
                let f = ops::bind(vm, m, Some(r), cls)?;
                let i = ops::call(vm, f, &[], &[])?;
                let nn = vm.intern("__next__");
                if !is::<IterObject>(i)
                    && !is::<GeneratorObject>(i)
                    && ops::lookup(vm, class_of(i), nn).is_none()
                {
                    return Err(vm.type_error(format!(
                        "iter() returned non-iterator of type '{}'",
                        tname(i)
                    )));
                }
                return Ok(i);
            }
        }
        if let Some(i) = builtin_iter_opt(vm, r) {
            return Ok(i);
        }
        let n = vm.intern("__getitem__");
        if ops::lookup(vm, cls, n).is_some() {
            return Ok(new_iter(
                vm.t.iterator,
                IterKind::GetItem,
                Some(r),
                None,
                0,
                0,
                0,
            ));
        }
        return Err(vm.type_error(format!("'{}' object is not iterable", tname(r))));
    }
    let c = class_of(r);
    let view = c == vm.t.dict_keys || c == vm.t.dict_values || c == vm.t.dict_items;
    if (is::<IterObject>(r) && !view) || (is::<GeneratorObject>(r) && c == vm.t.generator) {
        return Ok(r);
    }
    if is::<crate::object::str::MemoryViewObject>(r) {
        return super::memview::iter(vm, r);
    }
    builtin_iter(vm, r)
}

fn stop_value_of(vm: &mut Vm, e: GcRef) -> GcRef {
    let args = try_cast::<crate::object::exc::ExceptionObject>(e).and_then(|x| x.args);
    args.and_then(|a| tuple_items(a).first().copied())
        .unwrap_or(vm.none)
}

/// `next(it)`: `Ok(None)` when exhausted (the StopIteration value is left
/// in `vm.stop_value`).
pub fn next(vm: &mut Vm, it: GcRef) -> PyResult<Option<GcRef>> {
    if let Some(io) = try_cast::<IterObject>(it) {
        return iter_next(vm, it, io);
    }
    if is::<GeneratorObject>(it) && class_of(it) == vm.t.generator {
        let none = vm.none;
        return match gen_send(vm, it, none)? {
            Sent::Yielded(v) => Ok(Some(v)),
            Sent::Returned(v) => {
                vm.stop_value = Some(v);
                Ok(None)
            }
        };
    }
    let cls = class_of(it);
    let n = vm.intern("__next__");
    match ops::lookup(vm, cls, n) {
        Some(m) => {
            let f = ops::bind(vm, m, Some(it), cls)?;
            match ops::call(vm, f, &[], &[]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if vm.exc_matches(e.0, "StopIteration") => {
                    let v = stop_value_of(vm, e.0);
                    vm.stop_value = Some(v);
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        }
        None => Err(vm.type_error(format!("'{}' object is not an iterator", tname(it)))),
    }
}

fn iter_next(vm: &mut Vm, it: GcRef, io: &mut IterObject) -> PyResult<Option<GcRef>> {
    match io.kind {
        IterKind::Seq => {
            let Some(s) = io.a else { return Ok(None) };
            let i = io.i as usize;
            let v = if is::<ListObject>(s) {
                list_items(s).get(i).copied()
            } else if is::<TupleObject>(s) {
                tuple_items(s).get(i).copied()
            } else if let Some(so) = try_cast::<StrObject>(s) {
                // `i` is a byte offset for strings.
                match so.s[i.min(so.s.len())..].chars().next() {
                    Some(c) => {
                        io.i += c.len_utf8() as i64;
                        let mut b = [0u8; 4];
                        return Ok(Some(vm.intern(c.encode_utf8(&mut b))));
                    }
                    None => None,
                }
            } else if let Some(b) = try_cast::<BytesObject>(s) {
                let v = b.b.get(i).copied();
                v.map(|x| vm.int(x as i64))
            } else {
                None
            };
            match v {
                Some(v) => {
                    cast::<IterObject>(it).i += 1;
                    Ok(Some(v))
                }
                None => {
                    cast::<IterObject>(it).a = None;
                    Ok(None)
                }
            }
        }
        IterKind::Reversed => {
            let Some(s) = io.a else { return Ok(None) };
            if io.i < 0 {
                io.a = None;
                return Ok(None);
            }
            let i = io.i as usize;
            io.i -= 1;
            let v = if is::<ListObject>(s) {
                list_items(s).get(i).copied()
            } else if is::<TupleObject>(s) {
                tuple_items(s).get(i).copied()
            } else {
                let k = vm.int(i as i64);
                Some(ops::item::getitem(vm, s, k)?)
            };
            Ok(v)
        }
        IterKind::Range | IterKind::LongRange => Ok(super::ranges::next(vm, it)),
        IterKind::DictKeys | IterKind::DictValues | IterKind::DictItems | IterKind::SetItems => {
            let Some(d) = io.a else { return Ok(None) };
            let t = table(d);
            if t.len() as i64 != io.step {
                let what = if io.kind == IterKind::SetItems {
                    "set"
                } else {
                    "dictionary"
                };
                io.step = -1;
                return Err(vm.err(
                    "RuntimeError",
                    format!("{what} changed size during iteration"),
                ));
            }
            let mut i = io.i as usize;
            while i < t.entries.len() && t.entries[i].key.is_none() {
                i += 1;
            }
            if i >= t.entries.len() {
                io.a = None;
                return Ok(None);
            }
            io.i = i as i64 + 1;
            let e = t.entries[i];
            let (k, v) = (e.key.unwrap(), e.value);
            Ok(Some(match io.kind {
                IterKind::DictValues => v.unwrap(),
                IterKind::DictItems => vm.tuple(&[k, v.unwrap()]),
                _ => k,
            }))
        }
        IterKind::Enumerate => {
            let inner = io.a.expect("iter");
            match next(vm, inner)? {
                Some(v) => {
                    let io = cast::<IterObject>(it);
                    let c = io.i;
                    io.i += 1;
                    let ci = vm.int(c);
                    Ok(Some(vm.tuple(&[ci, v])))
                }
                None => Ok(None),
            }
        }
        IterKind::Zip => {
            let its = io.b.expect("iters");
            let n = tuple_items(its).len();
            if n == 0 {
                return Ok(None);
            }
            let keep = vm.list(Vec::new());
            for k in 0..n {
                let i = tuple_items(its)[k];
                match next(vm, i)? {
                    Some(v) => list_items(keep).push(v),
                    None => {
                        if cast::<IterObject>(it).step == 1 && k > 0 {
                            return Err(vm.value_error(format!(
                                "zip() argument {} is shorter than argument 1",
                                k + 1
                            )));
                        }
                        if cast::<IterObject>(it).step == 1 && k == 0 {
                            for j in 1..n {
                                let i2 = tuple_items(its)[j];
                                if next(vm, i2)?.is_some() {
                                    return Err(vm.value_error(format!(
                                        "zip() argument {} is longer than argument 1",
                                        j + 1
                                    )));
                                }
                            }
                        }
                        return Ok(None);
                    }
                }
            }
            let v = list_items(keep).clone();
            Ok(Some(vm.tuple(&v)))
        }
        IterKind::Map => {
            let (f, its) = (io.a.expect("func"), io.b.expect("iters"));
            let keep = vm.list(Vec::new());
            for i in tuple_items(its) {
                match next(vm, *i)? {
                    Some(v) => list_items(keep).push(v),
                    None => return Ok(None),
                }
            }
            let args = list_items(keep).clone();
            ops::call(vm, f, &args, &[]).map(Some)
        }
        IterKind::Filter => {
            let (f, inner) = (io.a, io.b.expect("iter"));
            loop {
                match next(vm, inner)? {
                    Some(v) => {
                        let keep = match f {
                            Some(f) if f != vm.none => {
                                let r = ops::call(vm, f, &[v], &[])?;
                                ops::truthy(vm, r)?
                            }
                            _ => ops::truthy(vm, v)?,
                        };
                        if keep {
                            return Ok(Some(v));
                        }
                    }
                    None => return Ok(None),
                }
            }
        }
        IterKind::Callable => {
            let (f, sentinel) = (io.a.expect("func"), io.b.expect("sentinel"));
            if io.step == 1 {
                return Ok(None);
            }
            let v = ops::call(vm, f, &[], &[])?;
            if ops::eq_bool(vm, v, sentinel)? {
                cast::<IterObject>(it).step = 1;
                return Ok(None);
            }
            Ok(Some(v))
        }
        IterKind::GetItem => {
            let Some(s) = io.a else { return Ok(None) };
            let k = vm.int(io.i);
            match ops::item::getitem(vm, s, k) {
                Ok(v) => {
                    cast::<IterObject>(it).i += 1;
                    Ok(Some(v))
                }
                Err(e)
                    if vm.exc_matches(e.0, "IndexError")
                        || vm.exc_matches(e.0, "StopIteration") =>
                {
                    cast::<IterObject>(it).a = None;
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        }
    }
}

fn stop_iteration(vm: &mut Vm) -> Exc {
    let cls = vm.exc_type("StopIteration");
    let v = vm.stop_value.take();
    let args = match v {
        Some(v) if v != vm.none => vm.tuple(&[v]),
        _ => vm.empty_tuple,
    };
    Exc(crate::object::exc::new_exception(cls, vm.root_map, args))
}

fn it_iter(_vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    Ok(args[0])
}

fn it_next(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    match next(vm, args[0])? {
        Some(v) => Ok(v),
        None => Err(stop_iteration(vm)),
    }
}

/// `next(it[, default])`.
pub fn builtin_next(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    if args.is_empty() {
        return Err(vm.type_error("next expected at least 1 argument, got 0"));
    }
    let it = args[0];
    if !is::<IterObject>(it) && !(is::<GeneratorObject>(it) && class_of(it) == vm.t.generator) {
        let n = vm.intern("__next__");
        if ops::lookup(vm, class_of(it), n).is_none() {
            return Err(vm.type_error(format!("'{}' object is not an iterator", tname(it))));
        }
    }
    match next(vm, it)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(*d),
            None => Err(stop_iteration(vm)),
        },
    }
}

/// `iter(x)` / `iter(callable, sentinel)`.
pub fn builtin_iter_fn(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    match args.len() {
        1 => get_iter(vm, args[0]),
        2 => Ok(new_iter(
            vm.t.iterator,
            IterKind::Callable,
            Some(args[0]),
            Some(args[1]),
            0,
            0,
            0,
        )),
        _ => Err(vm.type_error("iter expected 1 or 2 arguments")),
    }
}

fn enumerate_new(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    if args.len() < 2 {
        return Err(vm.type_error("enumerate() missing required argument 'iterable' (pos 1)"));
    }
    let start = match args.get(2).copied().or_else(|| {
        kw.iter()
            .find(|(k, _)| ops::str_of(*k) == "start")
            .map(|(_, v)| *v)
    }) {
        Some(s) => ops::item::index_value(vm, s)?,
        None => 0,
    };
    let inner = get_iter(vm, args[1])?;
    Ok(new_iter(
        vm.t.enumerate,
        IterKind::Enumerate,
        Some(inner),
        None,
        start,
        0,
        0,
    ))
}

fn zip_new(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let keep = vm.list(Vec::new());
    for a in &args[1..] {
        let i = get_iter(vm, *a)?;
        list_items(keep).push(i);
    }
    let mut strict = 0;
    for (k, v) in kw {
        if ops::str_of(*k) == "strict" && ops::truthy(vm, *v)? {
            strict = 1;
        }
    }
    let v = list_items(keep).clone();
    let t = vm.tuple(&v);
    Ok(new_iter(
        vm.t.zip,
        IterKind::Zip,
        None,
        Some(t),
        0,
        0,
        strict,
    ))
}

fn map_new(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    if args.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let keep = vm.list(Vec::new());
    for a in &args[2..] {
        let i = get_iter(vm, *a)?;
        list_items(keep).push(i);
    }
    let v = list_items(keep).clone();
    let t = vm.tuple(&v);
    Ok(new_iter(
        vm.t.map,
        IterKind::Map,
        Some(args[1]),
        Some(t),
        0,
        0,
        0,
    ))
}

fn filter_new(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    if args.len() != 3 {
        return Err(vm.type_error(format!(
            "filter expected 2 arguments, got {}",
            args.len() - 1
        )));
    }
    let i = get_iter(vm, args[2])?;
    Ok(new_iter(
        vm.t.filter,
        IterKind::Filter,
        Some(args[1]),
        Some(i),
        0,
        0,
        0,
    ))
}

fn reversed_new(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    if args.len() != 2 {
        return Err(vm.type_error("reversed expected 1 argument"));
    }
    let s = args[1];
    if cast::<TypeObject>(class_of(s)).heap {
        if let Some(r) = ops::call_method_opt(vm, s, "__reversed__", &[])? {
            return Ok(r);
        }
    }
    if is::<RangeObject>(s) {
        return Ok(super::ranges::reversed(vm, s));
    }
    if is::<DictObject>(s) {
        let mut keys: Vec<GcRef> = table(s).iter().map(|e| e.key.unwrap()).collect();
        keys.reverse();
        let l = vm.list(keys);
        return Ok(new_iter(
            vm.t.reversed,
            IterKind::Seq,
            Some(l),
            None,
            0,
            0,
            0,
        ));
    }
    if is::<StrObject>(s) {
        let chars: String = ops::str_of(s).chars().rev().collect();
        let r = vm.new_str(chars);
        return Ok(new_iter(
            vm.t.reversed,
            IterKind::Seq,
            Some(r),
            None,
            0,
            0,
            0,
        ));
    }
    let n = match super::seqs::len_opt(vm, s)? {
        Some(n) => n,
        None => return Err(vm.type_error(format!("'{}' object is not reversible", tname(s)))),
    };
    Ok(new_iter(
        vm.t.reversed,
        IterKind::Reversed,
        Some(s),
        None,
        n as i64 - 1,
        0,
        0,
    ))
}

// ---- generators ----

/// A resumption's outcome as a method result: the yielded value, or
/// StopIteration(value).
pub fn sent_result(vm: &mut Vm, s: Sent) -> PyResult<GcRef> {
    match s {
        Sent::Yielded(v) => Ok(v),
        Sent::Returned(v) => {
            vm.stop_value = Some(v);
            Err(stop_iteration(vm))
        }
    }
}

fn gen_send_m(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let v = args.get(1).copied().unwrap_or(vm.none);
    let s = gen_send(vm, args[0], v)?;
    sent_result(vm, s)
}

/// The exception of `throw(typ[, val[, tb]])` (`args` after self).
pub fn throw_args(vm: &mut Vm, args: &[GcRef]) -> PyResult<GcRef> {
    if let Some(v) = args.get(1) {
        if is::<crate::object::exc::ExceptionObject>(*v) {
            return Ok(*v);
        }
    }
    let e = crate::builtins::exceptions::make_raise(vm, args.first().copied(), None)?;
    Ok(e.0)
}

fn gen_throw_m(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    if args.len() < 2 {
        return Err(vm.type_error("throw expected at least 1 argument, got 0"));
    }
    let e = throw_args(vm, &args[1..])?;
    let s = gen_throw(vm, args[0], e)?;
    sent_result(vm, s)
}

fn gen_close_m(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    gen_close(vm, args[0])?;
    Ok(vm.none)
}

fn length_hint(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let io = cast::<IterObject>(args[0]);
    let n = match (io.kind, io.a) {
        (IterKind::Seq, Some(s)) => super::seqs::len_opt(vm, s)?.unwrap_or(0) as i64 - io.i,
        (IterKind::Range | IterKind::LongRange, _) => {
            let n = super::ranges::remaining(args[0]);
            return Ok(crate::ops::num::int_from_big(vm, n));
        }
        _ => 0,
    };
    Ok(vm.int(n.max(0)))
}

pub fn register(vm: &mut Vm) {
    let t = &vm.t;
    let its = [
        t.iterator,
        t.range_iterator,
        t.longrange_iterator,
        t.enumerate,
        t.zip,
        t.map,
        t.filter,
        t.reversed,
        t.generator,
        t.memory_iterator,
    ];
    for ty in its {
        def_method(vm, ty, "__iter__", it_iter);
        def_method(vm, ty, "__next__", it_next);
    }
    for ty in [vm.t.iterator, vm.t.range_iterator, vm.t.longrange_iterator] {
        def_method(vm, ty, "__length_hint__", length_hint);
    }
    cast::<TypeObject>(vm.t.enumerate).native_new = Some(enumerate_new);
    cast::<TypeObject>(vm.t.zip).native_new = Some(zip_new);
    cast::<TypeObject>(vm.t.map).native_new = Some(map_new);
    cast::<TypeObject>(vm.t.filter).native_new = Some(filter_new);
    cast::<TypeObject>(vm.t.reversed).native_new = Some(reversed_new);
    for g in [vm.t.generator, vm.t.coroutine] {
        def_method(vm, g, "send", gen_send_m);
        def_method(vm, g, "throw", gen_throw_m);
        def_method(vm, g, "close", gen_close_m);
    }
}

//! Subscripts (`x[i]`, slices, `x[i] = v`, `del x[i]`), `in`, `len` and
//! integer coercion through `__index__`.

use super::{call_method_opt, str_of, tname};
use crate::object::dict::{DictObject, SetObject};
use crate::object::int::{BigIntObject, IntObject};
use crate::object::misc::{RangeObject, SliceObject};
use crate::object::seq::{list_items, tuple_items, ListObject, TupleObject};
use crate::object::str::{BytesObject, StrObject};
use crate::object::typeobj::TypeObject;
use crate::object::{cast, class_of, is, try_cast, GcRef};
use crate::vm::{PyResult, Vm};

/// An int value of an object with `__index__` (ints, bools).
pub fn index_value(vm: &mut Vm, r: GcRef) -> PyResult<i64> {
    if let Some(i) = try_cast::<IntObject>(r) {
        return Ok(i.value);
    }
    if is::<BigIntObject>(r) {
        return Err(vm.err(
            "OverflowError",
            "Python int too large to convert to C ssize_t",
        ));
    }
    if cast::<TypeObject>(class_of(r)).heap {
        if let Some(v) = call_method_opt(vm, r, "__index__", &[])? {
            return index_value(vm, v);
        }
    }
    Err(vm.type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        tname(r)
    )))
}

/// Normalizes index `i` for length `n`; `None` if out of range.
pub fn norm_index(i: i64, n: usize) -> Option<usize> {
    let j = if i < 0 { i + n as i64 } else { i };
    (j >= 0 && (j as usize) < n).then_some(j as usize)
}

/// `slice.indices(n)`: (start, stop, step) clamped like CPython.
pub fn slice_indices(vm: &mut Vm, s: GcRef, n: usize) -> PyResult<(i64, i64, i64)> {
    let so = cast::<SliceObject>(s);
    let (a, b, c) = (so.start, so.stop, so.step);
    let none = vm.none;
    let step = match c.filter(|x| *x != none) {
        Some(x) => index_value(vm, x)?,
        None => 1,
    };
    if step == 0 {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let n = n as i64;
    let (lo, hi) = if step < 0 { (-1, n - 1) } else { (0, n) };
    let conv = |vm: &mut Vm, x: Option<GcRef>, default: i64| -> PyResult<i64> {
        match x.filter(|x| *x != none) {
            None => Ok(default),
            Some(x) => {
                let v = match try_cast::<BigIntObject>(x) {
                    Some(b) => {
                        if num_traits::Signed::is_negative(&b.value) {
                            i64::MIN / 2
                        } else {
                            i64::MAX / 2
                        }
                    }
                    None => index_value(vm, x)?,
                };
                Ok(if v < 0 { (v + n).max(lo) } else { v.min(hi) })
            }
        }
    };
    let start = conv(vm, a, if step < 0 { hi } else { lo })?;
    let stop = conv(vm, b, if step < 0 { lo } else { hi })?;
    Ok((start, stop, step))
}

/// The indices selected by a slice.
pub fn slice_range(vm: &mut Vm, s: GcRef, n: usize) -> PyResult<Vec<usize>> {
    let (start, stop, step) = slice_indices(vm, s, n)?;
    let mut v = Vec::new();
    let mut i = start;
    if step > 0 {
        while i < stop {
            v.push(i as usize);
            i += step;
        }
    } else {
        while i > stop {
            v.push(i as usize);
            i += step;
        }
    }
    Ok(v)
}

fn seq_index(vm: &mut Vm, key: GcRef, n: usize, what: &str) -> PyResult<usize> {
    let i = match try_cast::<IntObject>(key) {
        Some(i) => i.value,
        None => {
            if is::<BigIntObject>(key) {
                return Err(vm.index_error(format!("cannot fit 'int' into an index-sized integer")));
            }
            if !cast::<TypeObject>(class_of(key)).heap {
                return Err(vm.type_error(format!(
                    "{} indices must be integers or slices, not {}",
                    what,
                    tname(key)
                )));
            }
            index_value(vm, key)?
        }
    };
    match norm_index(i, n) {
        Some(j) => Ok(j),
        None => Err(vm.index_error(format!("{} index out of range", what))),
    }
}

/// `c[key]`.
pub fn getitem(vm: &mut Vm, c: GcRef, key: GcRef) -> PyResult<GcRef> {
    let cls = class_of(c);
    if cast::<TypeObject>(cls).heap {
        if let Some(r) = call_method_opt(vm, c, "__getitem__", &[key])? {
            return Ok(r);
        }
    }
    if is::<crate::object::str::MemoryViewObject>(c) {
        return crate::builtins::memview::getitem(vm, c, key);
    }
    if is::<ListObject>(c) {
        if is::<SliceObject>(key) {
            let (start, stop, step) = slice_indices(vm, key, list_items(c).len())?;
            if step == 1 {
                let v = list_items(c)[start as usize..stop.max(start) as usize].to_vec();
                return Ok(vm.list(v));
            }
            let idx = slice_range(vm, key, list_items(c).len())?;
            let items = list_items(c);
            let v: Vec<GcRef> = idx.iter().map(|i| items[*i]).collect();
            return Ok(vm.list(v));
        }
        let n = list_items(c).len();
        let i = seq_index(vm, key, n, "list")?;
        return Ok(list_items(c)[i]);
    }
    if is::<TupleObject>(c) {
        let items = tuple_items(c);
        if is::<SliceObject>(key) {
            let idx = slice_range(vm, key, items.len())?;
            let v: Vec<GcRef> = idx.iter().map(|i| items[*i]).collect();
            return Ok(vm.tuple(&v));
        }
        let i = seq_index(vm, key, items.len(), "tuple")?;
        return Ok(items[i]);
    }
    if is::<DictObject>(c) {
        let h = super::hash(vm, key)?;
        if let Some(v) = crate::object::dict::get(vm, c, key, h)? {
            return Ok(v);
        }
        if cls != vm.t.dict {
            if let Some(r) = call_method_opt(vm, c, "__missing__", &[key])? {
                return Ok(r);
            }
        }
        return Err(vm.key_error(key));
    }
    if let Some(s) = try_cast::<StrObject>(c) {
        if is::<SliceObject>(key) {
            let idx = slice_range(vm, key, s.len)?;
            let out: String = if s.is_ascii() {
                let b = s.s.as_bytes();
                idx.iter().map(|i| b[*i] as char).collect()
            } else {
                let chars: Vec<char> = s.s.chars().collect();
                idx.iter().map(|i| chars[*i]).collect()
            };
            return Ok(vm.new_str(out));
        }
        let i = seq_index(vm, key, s.len, "string")?;
        let ch = if s.is_ascii() {
            s.s.as_bytes()[i] as char
        } else {
            s.s.chars().nth(i).unwrap()
        };
        let mut buf = [0u8; 4];
        return Ok(vm.intern(ch.encode_utf8(&mut buf)));
    }
    if let Some(b) = try_cast::<BytesObject>(c) {
        if is::<SliceObject>(key) {
            let idx = slice_range(vm, key, b.b.len())?;
            let v: Vec<u8> = idx.iter().map(|i| b.b[*i]).collect();
            let bc = vm.t.bytes;
            return Ok(crate::object::str::new_bytes(bc, v));
        }
        let i = seq_index(vm, key, b.b.len(), "index")?;
        let v = b.b[i] as i64;
        return Ok(vm.int(v));
    }
    if is::<RangeObject>(c) {
        return crate::builtins::ranges::getitem(vm, c, key);
    }
    if is::<TypeObject>(c) {
        if let Some(r) = call_method_opt(vm, c, "__class_getitem__", &[key])? {
            return Ok(r);
        }
        if !cast::<TypeObject>(c).heap {
            // `list[int]` and friends: a `types.GenericAlias`.
            let types = crate::builtins::import::import_module(vm, "types")?;
            let n = vm.intern("GenericAlias");
            let ga = super::getattr(vm, types, n)?;
            return super::call(vm, ga, &[c, key], &[]);
        }
        return Ok(c);
    }
    Err(vm.type_error(format!("'{}' object is not subscriptable", tname(c))))
}

/// `c[key] = v`.
pub fn setitem(vm: &mut Vm, c: GcRef, key: GcRef, v: GcRef) -> PyResult<()> {
    let cls = class_of(c);
    if cast::<TypeObject>(cls).heap {
        if call_method_opt(vm, c, "__setitem__", &[key, v])?.is_some() {
            return Ok(());
        }
    }
    if is::<DictObject>(c) {
        let h = super::hash(vm, key)?;
        return crate::object::dict::set(vm, c, key, h, v);
    }
    if is::<crate::object::str::MemoryViewObject>(c) {
        return crate::builtins::memview::setitem(vm, c, key, Some(v));
    }
    if is::<BytesObject>(c) && vm.is_subtype(cls, vm.t.bytearray) {
        let n = cast::<BytesObject>(c).b.len();
        if is::<SliceObject>(key) {
            let new = crate::builtins::strs::byte_values(vm, v)?;
            let (start, stop, step) = slice_indices(vm, key, n)?;
            if step != 1 {
                return Err(
                    vm.value_error("extended slice assignment is not supported for bytearray")
                );
            }
            let stop = stop.max(start);
            cast::<BytesObject>(c)
                .b
                .splice(start as usize..stop as usize, new);
            return Ok(());
        }
        let i = seq_index(vm, key, n, "bytearray")?;
        let x = index_value(vm, v)?;
        if !(0..256).contains(&x) {
            return Err(vm.value_error("byte must be in range(0, 256)"));
        }
        cast::<BytesObject>(c).b[i] = x as u8;
        return Ok(());
    }
    if is::<ListObject>(c) {
        if is::<SliceObject>(key) {
            let new = crate::builtins::seqs::to_vec(vm, v)?;
            let n = list_items(c).len();
            let (start, stop, step) = slice_indices(vm, key, n)?;
            if step == 1 {
                let stop = stop.max(start);
                list_items(c).splice(start as usize..stop as usize, new);
                kiln_gc::write_barrier(c);
                return Ok(());
            }
            let idx = slice_range(vm, key, n)?;
            if idx.len() != new.len() {
                return Err(vm.value_error(format!(
                    "attempt to assign sequence of size {} to extended slice of size {}",
                    new.len(),
                    idx.len()
                )));
            }
            for (i, x) in idx.iter().zip(new) {
                list_items(c)[*i] = x;
            }
            return Ok(());
        }
        let n = list_items(c).len();
        let i = seq_index(vm, key, n, "list assignment")?;
        list_items(c)[i] = v;
        kiln_gc::write_barrier(c);
        return Ok(());
    }
    Err(vm.type_error(format!(
        "'{}' object does not support item assignment",
        tname(c)
    )))
}

/// `del c[key]`.
pub fn delitem(vm: &mut Vm, c: GcRef, key: GcRef) -> PyResult<()> {
    let cls = class_of(c);
    if cast::<TypeObject>(cls).heap {
        if call_method_opt(vm, c, "__delitem__", &[key])?.is_some() {
            return Ok(());
        }
    }
    if is::<crate::object::str::MemoryViewObject>(c) {
        return crate::builtins::memview::setitem(vm, c, key, None);
    }
    if is::<DictObject>(c) {
        let h = super::hash(vm, key)?;
        if crate::object::dict::remove(vm, c, key, h)?.is_none() {
            return Err(vm.key_error(key));
        }
        return Ok(());
    }
    if is::<ListObject>(c) {
        let n = list_items(c).len();
        if is::<SliceObject>(key) {
            let mut idx = slice_range(vm, key, n)?;
            idx.sort_unstable();
            for i in idx.into_iter().rev() {
                list_items(c).remove(i);
            }
            return Ok(());
        }
        let i = seq_index(vm, key, n, "list assignment")?;
        list_items(c).remove(i);
        return Ok(());
    }
    if is::<BytesObject>(c) && vm.is_subtype(cls, vm.t.bytearray) {
        let n = cast::<BytesObject>(c).b.len();
        if is::<SliceObject>(key) {
            let mut idx = slice_range(vm, key, n)?;
            idx.sort_unstable();
            for i in idx.into_iter().rev() {
                cast::<BytesObject>(c).b.remove(i);
            }
            return Ok(());
        }
        let i = seq_index(vm, key, n, "bytearray")?;
        cast::<BytesObject>(c).b.remove(i);
        return Ok(());
    }
    Err(vm.type_error(format!(
        "'{}' object doesn't support item deletion",
        tname(c)
    )))
}

/// `x in c`.
pub fn contains(vm: &mut Vm, c: GcRef, x: GcRef) -> PyResult<bool> {
    let cls = class_of(c);
    if cast::<TypeObject>(cls).heap {
        if let Some(r) = call_method_opt(vm, c, "__contains__", &[x])? {
            return super::truthy(vm, r);
        }
    }
    if is::<DictObject>(c) || is::<SetObject>(c) {
        let h = super::hash(vm, x)?;
        return Ok(crate::object::dict::Table::find(vm, c, x, h)?.is_some());
    }
    if let Some(s) = try_cast::<StrObject>(c) {
        if !is::<StrObject>(x) {
            return Err(vm.type_error(format!(
                "'in <string>' requires string as left operand, not {}",
                tname(x)
            )));
        }
        return Ok(s.s.contains(str_of(x)));
    }
    if is::<ListObject>(c) {
        let mut i = 0;
        while i < list_items(c).len() {
            let it = list_items(c)[i];
            if super::eq_bool(vm, it, x)? {
                return Ok(true);
            }
            i += 1;
        }
        return Ok(false);
    }
    if is::<TupleObject>(c) {
        for it in tuple_items(c) {
            if super::eq_bool(vm, *it, x)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if is::<RangeObject>(c) {
        if let Some(found) = crate::builtins::ranges::contains(c, x) {
            return Ok(found);
        }
    }
    if let Some(b) = try_cast::<BytesObject>(c) {
        if let Some(i) = try_cast::<IntObject>(x) {
            return Ok(b.b.contains(&(i.value as u8)));
        }
        if let Some(y) = try_cast::<BytesObject>(x) {
            return Ok(y.b.is_empty() || b.b.windows(y.b.len()).any(|w| w == &y.b[..]));
        }
    }
    // Generic: iterate.
    let it = super::iter(vm, c)?;
    while let Some(v) = super::next(vm, it)? {
        if super::eq_bool(vm, v, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `len(r)`.
pub fn len(vm: &mut Vm, r: GcRef) -> PyResult<usize> {
    match crate::builtins::seqs::len_opt(vm, r)? {
        Some(n) => Ok(n),
        None => Err(vm.type_error(format!("object of type '{}' has no len()", tname(r)))),
    }
}

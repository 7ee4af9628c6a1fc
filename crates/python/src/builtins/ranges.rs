//! The range type: construction, length, indexing and slicing, membership,
//! `index`/`count`, equality, hashing, attributes and iteration.
//!
//! A range whose start, stop, step and length all fit a machine word keeps
//! them unboxed in its `RangeObject` and takes the word-sized paths. Any
//! other range (`range(10**20)`) keeps its bounds as int objects in `big`
//! and takes the big-integer paths; it behaves the same, except that its
//! `len()` is an `OverflowError` once the length passes `sys.maxsize`, as in
//! CPython.

use super::check_args;
use super::setup::def_method;
use crate::object::func::KwArgs;
use crate::object::int::{BigIntObject, IntObject};
use crate::object::misc::{new_iter, IterKind, IterObject, RangeObject, SliceObject};
use crate::object::seq::tuple_items;
use crate::object::typeobj::TypeObject;
use crate::object::{alloc, cast, class_of, is, try_cast, GcRef, HDR};
use crate::ops::num::{int_from_big, to_big};
use crate::ops::{self, tname};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// The number of items of a word-sized range.
pub fn small_len(start: i64, stop: i64, step: i64) -> i128 {
    let (a, b, s) = (start as i128, stop as i128, step as i128);
    if s > 0 && a < b {
        (b - a - 1) / s + 1
    } else if s < 0 && a > b {
        (a - b - 1) / -s + 1
    } else {
        0
    }
}

fn big_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    let one = BigInt::one();
    if step.is_positive() && start < stop {
        (stop - start - &one).div_floor(step) + one
    } else if step.is_negative() && start > stop {
        (start - stop - &one).div_floor(&-step) + one
    } else {
        BigInt::zero()
    }
}

/// A range of word-sized bounds; the caller checked that its length fits.
fn new_small(vm: &mut Vm, start: i64, stop: i64, step: i64) -> GcRef {
    alloc(RangeObject {
        hdr: HDR,
        cls: Some(vm.t.range),
        start,
        stop,
        step,
        big: None,
    })
}

/// The range `start, stop, step` (`step` is not zero), word-sized when it can be.
pub fn new_range(vm: &mut Vm, start: BigInt, stop: BigInt, step: BigInt) -> GcRef {
    if let (Some(a), Some(b), Some(s)) = (start.to_i64(), stop.to_i64(), step.to_i64()) {
        if small_len(a, b, s) <= i64::MAX as i128 {
            return new_small(vm, a, b, s);
        }
    }
    let a = int_from_big(vm, start);
    let b = int_from_big(vm, stop);
    let s = int_from_big(vm, step);
    let bounds = vm.tuple(&[a, b, s]);
    alloc(RangeObject {
        hdr: HDR,
        cls: Some(vm.t.range),
        start: 0,
        stop: 0,
        step: 1,
        big: Some(bounds),
    })
}

fn int_value(r: GcRef) -> BigInt {
    if let Some(i) = try_cast::<IntObject>(r) {
        BigInt::from(i.value)
    } else {
        cast::<BigIntObject>(r).value.clone()
    }
}

/// `(start, stop, step)` of any range, as big integers.
fn bounds(r: &RangeObject) -> (BigInt, BigInt, BigInt) {
    match r.big {
        None => (r.start.into(), r.stop.into(), r.step.into()),
        Some(t) => {
            let t = tuple_items(t);
            (int_value(t[0]), int_value(t[1]), int_value(t[2]))
        }
    }
}

/// The word-sized `(start, stop, step, len)` of a range, if it has them.
fn small(r: &RangeObject) -> Option<(i64, i64, i64, i64)> {
    r.big.is_none().then(|| {
        (
            r.start,
            r.stop,
            r.step,
            small_len(r.start, r.stop, r.step) as i64,
        )
    })
}

/// The length of a range as a big integer.
fn length(r: &RangeObject) -> BigInt {
    let (a, b, s) = bounds(r);
    big_len(&a, &b, &s)
}

/// `len(r)`: an `OverflowError` past `sys.maxsize`, as in CPython.
pub fn len(vm: &mut Vm, r: GcRef) -> PyResult<usize> {
    let rg = cast::<RangeObject>(r);
    if let Some((.., n)) = small(rg) {
        return Ok(n as usize);
    }
    match length(rg).to_i64() {
        Some(n) => Ok(n as usize),
        None => Err(vm.err(
            "OverflowError",
            "Python int too large to convert to C ssize_t",
        )),
    }
}

/// `bool(r)`.
pub fn is_empty(r: GcRef) -> bool {
    length(cast::<RangeObject>(r)).is_zero()
}

/// An int, or an object with `__index__`, as a big integer.
fn index_big(vm: &mut Vm, x: GcRef, what: &str) -> PyResult<BigInt> {
    if let Some(n) = ops::num::as_num(x).filter(|n| !matches!(n, ops::num::Num::F(_))) {
        return Ok(to_big(&n));
    }
    if cast::<TypeObject>(class_of(x)).heap {
        if let Some(v) = ops::call_method_opt(vm, x, "__index__", &[])? {
            if let Some(n) = ops::num::as_num(v).filter(|n| !matches!(n, ops::num::Num::F(_))) {
                return Ok(to_big(&n));
            }
            return Err(vm.type_error(format!("__index__ returned non-int (type {})", tname(v))));
        }
    }
    Err(vm.type_error(what.replace("{}", &tname(x))))
}

fn range_new(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let a = &args[1..];
    const MSG: &str = "'{}' object cannot be interpreted as an integer";
    let mut v = Vec::with_capacity(3);
    for x in a.iter().take(3) {
        v.push(index_big(vm, *x, MSG)?);
    }
    let (start, stop, step) = match (a.len(), v.as_slice()) {
        (1, [b]) => (BigInt::zero(), b.clone(), BigInt::one()),
        (2, [s, b]) => (s.clone(), b.clone(), BigInt::one()),
        (3, [s, b, st]) => (s.clone(), b.clone(), st.clone()),
        (0, _) => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        (n, _) => return Err(vm.type_error(format!("range expected at most 3 arguments, got {n}"))),
    };
    if step.is_zero() {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(new_range(vm, start, stop, step))
}

/// `slice.indices(len)` over big integers: `(start, stop, step)` clamped
/// like CPython.
fn slice_indices(vm: &mut Vm, s: GcRef, len: &BigInt) -> PyResult<(BigInt, BigInt, BigInt)> {
    const MSG: &str = "slice indices must be integers or None or have an __index__ method";
    let so = cast::<SliceObject>(s);
    let (a, b, c) = (so.start, so.stop, so.step);
    let none = vm.none;
    let step = match c.filter(|x| *x != none) {
        Some(x) => index_big(vm, x, MSG)?,
        None => BigInt::one(),
    };
    if step.is_zero() {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let (lo, hi) = if step.is_negative() {
        (-BigInt::one(), len - 1)
    } else {
        (BigInt::zero(), len.clone())
    };
    let mut conv = |x: Option<GcRef>, default: &BigInt| -> PyResult<BigInt> {
        match x.filter(|x| *x != none) {
            None => Ok(default.clone()),
            Some(x) => {
                let v = index_big(vm, x, MSG)?;
                Ok(if v.is_negative() {
                    (v + len).max(lo.clone())
                } else {
                    v.min(hi.clone())
                })
            }
        }
    };
    let (start_default, stop_default) = if step.is_negative() {
        (&hi, &lo)
    } else {
        (&lo, &hi)
    };
    let start = conv(a, start_default)?;
    let stop = conv(b, stop_default)?;
    Ok((start, stop, step))
}

/// Is `key` a slice whose parts are all `None` or machine-word ints?
fn word_slice(vm: &Vm, key: GcRef) -> bool {
    let Some(s) = try_cast::<SliceObject>(key) else {
        return false;
    };
    [s.start, s.stop, s.step]
        .iter()
        .all(|p| p.is_none_or(|p| p == vm.none || is::<IntObject>(p)))
}

/// `r[key]`: an item or a sub-range.
pub fn getitem(vm: &mut Vm, r: GcRef, key: GcRef) -> PyResult<GcRef> {
    let rg = cast::<RangeObject>(r);
    if let (Some((start, _, step, n)), Some(i)) = (small(rg), try_cast::<IntObject>(key)) {
        let i = if i.value < 0 {
            i.value as i128 + n as i128
        } else {
            i.value as i128
        };
        if i < 0 || i >= n as i128 {
            return Err(vm.index_error("range object index out of range"));
        }
        return Ok(vm.int((start as i128 + i * step as i128) as i64));
    }
    if let (Some((start, _, step, n)), true) = (small(rg), word_slice(vm, key)) {
        let (a, b, s) = ops::item::slice_indices(vm, key, n as usize)?;
        let at = |i: i64| BigInt::from(start as i128 + i as i128 * step as i128);
        let step = BigInt::from(s as i128 * step as i128);
        return Ok(new_range(vm, at(a), at(b), step));
    }
    let (start, _, step) = bounds(rg);
    let n = length(rg);
    if is::<SliceObject>(key) {
        let (a, b, s) = slice_indices(vm, key, &n)?;
        let new_start = &start + &a * &step;
        let new_stop = &start + &b * &step;
        return Ok(new_range(vm, new_start, new_stop, s * step));
    }
    let what = "range indices must be integers or slices, not {}";
    let mut i = index_big(vm, key, what)?;
    if i.is_negative() {
        i += &n;
    }
    if i.is_negative() || i >= n {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(int_from_big(vm, start + i * step))
}

/// The position of int `v` in the range, if it is there.
fn position(rg: &RangeObject, v: &BigInt) -> Option<BigInt> {
    let (start, stop, step) = bounds(rg);
    let inside = if step.is_positive() {
        *v >= start && *v < stop
    } else {
        *v <= start && *v > stop
    };
    let (q, rem) = (v - start).div_rem(&step);
    (inside && rem.is_zero()).then_some(q)
}

/// `x in r` for int `x` (ints and bools are found by arithmetic); `None`
/// for other objects, which are compared item by item like any sequence's.
pub fn contains(r: GcRef, x: GcRef) -> Option<bool> {
    let rg = cast::<RangeObject>(r);
    if let (Some((a, b, s, _)), Some(i)) = (small(rg), try_cast::<IntObject>(x)) {
        let v = i.value;
        return Some(if s > 0 {
            v >= a && v < b && (v as i128 - a as i128) % s as i128 == 0
        } else {
            v <= a && v > b && (a as i128 - v as i128) % -(s as i128) == 0
        });
    }
    let v = ops::num::as_num(x).filter(|n| !matches!(n, ops::num::Num::F(_)))?;
    Some(position(rg, &to_big(&v)).is_some())
}

fn range_index(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "index", args, 2, 2)?;
    let (r, x) = (args[0], args[1]);
    if let Some(v) = ops::num::as_num(x).filter(|n| !matches!(n, ops::num::Num::F(_))) {
        return match position(cast::<RangeObject>(r), &to_big(&v)) {
            Some(i) => Ok(int_from_big(vm, i)),
            None => {
                let s = ops::repr::repr(vm, x)?;
                Err(vm.value_error(format!("{s} is not in range")))
            }
        };
    }
    let it = ops::iter(vm, r)?;
    let mut i = 0i64;
    while let Some(v) = ops::next(vm, it)? {
        if ops::eq_bool(vm, v, x)? {
            return Ok(vm.int(i));
        }
        i += 1;
    }
    Err(vm.value_error("sequence.index(x): x not in sequence"))
}

fn range_count(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "count", args, 2, 2)?;
    let (r, x) = (args[0], args[1]);
    if let Some(found) = contains(r, x) {
        return Ok(vm.int(found as i64));
    }
    let it = ops::iter(vm, r)?;
    let mut n = 0i64;
    while let Some(v) = ops::next(vm, it)? {
        n += ops::eq_bool(vm, v, x)? as i64;
    }
    Ok(vm.int(n))
}

/// `(len, start, step)` with CPython's rule that the start of an empty
/// range and the step of a one-item range do not matter.
fn key(rg: &RangeObject) -> (BigInt, Option<BigInt>, Option<BigInt>) {
    let n = length(rg);
    let (start, _, step) = bounds(rg);
    if n.is_zero() {
        (n, None, None)
    } else if n.is_one() {
        (n, Some(start), None)
    } else {
        (n, Some(start), Some(step))
    }
}

/// `a == b` for two ranges: equal when they hold the same items.
pub fn eq(a: GcRef, b: GcRef) -> bool {
    key(cast::<RangeObject>(a)) == key(cast::<RangeObject>(b))
}

/// `hash(r)`: the hash of the tuple `(len, start or None, step or None)`.
pub fn hash(vm: &mut Vm, r: GcRef) -> PyResult<i64> {
    let (n, start, step) = key(cast::<RangeObject>(r));
    let none = vm.none;
    let n = int_from_big(vm, n);
    let start = start.map_or(none, |v| int_from_big(vm, v));
    let step = step.map_or(none, |v| int_from_big(vm, v));
    let t = vm.tuple(&[n, start, step]);
    ops::hash(vm, t)
}

/// `repr(r)`.
pub fn repr(r: GcRef) -> String {
    let (a, b, s) = bounds(cast::<RangeObject>(r));
    if s.is_one() {
        format!("range({a}, {b})")
    } else {
        format!("range({a}, {b}, {s})")
    }
}

/// `r.start`, `r.stop`, `r.step`.
pub fn attr(vm: &mut Vm, r: GcRef, name: &str) -> Option<GcRef> {
    let (a, b, s) = bounds(cast::<RangeObject>(r));
    let v = match name {
        "start" => a,
        "stop" => b,
        "step" => s,
        _ => return None,
    };
    Some(int_from_big(vm, v))
}

/// `iter(r)`. A word-sized range's iterator counts its remaining items in
/// `n`, so stepping past the last item cannot overflow into a wrong one.
pub fn iter(vm: &mut Vm, r: GcRef) -> GcRef {
    let rg = cast::<RangeObject>(r);
    match small(rg) {
        Some((start, _, step, n)) => new_iter(
            vm.t.range_iterator,
            IterKind::Range,
            None,
            None,
            start,
            n,
            step,
        ),
        None => {
            let (start, ..) = bounds(rg);
            let cur = int_from_big(vm, start);
            let cls = vm.t.longrange_iterator;
            new_iter(cls, IterKind::LongRange, Some(cur), Some(r), 0, 0, 0)
        }
    }
}

/// `reversed(r)`: the iterator of the reversed range.
pub fn reversed(vm: &mut Vm, r: GcRef) -> GcRef {
    let (start, _, step) = bounds(cast::<RangeObject>(r));
    let n = length(cast::<RangeObject>(r));
    let last = &start + (&n - 1) * &step;
    let rev = new_range(vm, last, start - &step, -step);
    iter(vm, rev)
}

fn range_reversed(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "__reversed__", args, 1, 1)?;
    Ok(reversed(vm, args[0]))
}

/// The next item of a range iterator (`Range` or `LongRange`).
pub fn next(vm: &mut Vm, it: GcRef) -> Option<GcRef> {
    let io = cast::<IterObject>(it);
    if io.kind == IterKind::Range {
        if io.n <= 0 {
            return None;
        }
        let v = io.i;
        io.n -= 1;
        io.i = v.wrapping_add(io.step);
        return Some(vm.int(v));
    }
    let (cur, r) = (io.a?, io.b?);
    let (_, stop, step) = bounds(cast::<RangeObject>(r));
    let v = int_value(cur);
    let more = if step.is_positive() {
        v < stop
    } else {
        v > stop
    };
    if !more {
        cast::<IterObject>(it).a = None;
        return None;
    }
    let following = int_from_big(vm, v + step);
    cast::<IterObject>(it).a = Some(following);
    Some(cur)
}

/// The number of items a range iterator has left.
pub fn remaining(it: GcRef) -> BigInt {
    let io = cast::<IterObject>(it);
    if io.kind == IterKind::Range {
        return BigInt::from(io.n.max(0));
    }
    let (Some(cur), Some(r)) = (io.a, io.b) else {
        return BigInt::zero();
    };
    let (_, stop, step) = bounds(cast::<RangeObject>(r));
    big_len(&int_value(cur), &stop, &step)
}

pub fn register(vm: &mut Vm) {
    let rt = vm.t.range;
    cast::<TypeObject>(rt).native_new = Some(range_new);
    def_method(vm, rt, "index", range_index);
    def_method(vm, rt, "count", range_count);
    def_method(vm, rt, "__reversed__", range_reversed);
}

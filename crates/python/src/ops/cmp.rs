//! Rich comparison: numbers across the tower, strings, lexicographic
//! sequences, sets, dicts, identity defaults, and `__lt__`/`__eq__`...
//! with reflection for classes.

use super::num::{as_num, to_big, Num};
use super::{eq_bool, str_of, tname};
use crate::bytecode::CmpOp;
use crate::object::complex::ComplexObject;
use crate::object::dict::{table, DictObject, SetObject};
use crate::object::seq::{list_items, tuple_items, ListObject, TupleObject};
use crate::object::str::{BytesObject, StrObject};
use crate::object::typeobj::TypeObject;
use crate::object::{cast, class_of, is, try_cast, GcRef};
use crate::vm::{PyResult, Vm};
use std::cmp::Ordering;

fn ord_result(o: Option<Ordering>, op: CmpOp) -> bool {
    match o {
        None => op == CmpOp::Ne,
        Some(o) => match op {
            CmpOp::Lt => o == Ordering::Less,
            CmpOp::Le => o != Ordering::Greater,
            CmpOp::Eq => o == Ordering::Equal,
            CmpOp::Ne => o != Ordering::Equal,
            CmpOp::Gt => o == Ordering::Greater,
            CmpOp::Ge => o != Ordering::Less,
        },
    }
}

pub(crate) fn num_cmp(a: &Num, b: &Num) -> Option<Ordering> {
    match (a, b) {
        (Num::I(x), Num::I(y)) => Some(x.cmp(y)),
        (Num::F(x), Num::F(y)) => x.partial_cmp(y),
        (Num::F(x), other) | (other, Num::F(x)) => {
            let swapped = matches!(a, Num::F(_)) && !matches!(b, Num::F(_));
            let o = match other {
                Num::I(i) => {
                    if x.is_nan() {
                        None
                    } else if (*i as f64) == *x && x.abs() < 9.0e15 {
                        Some(Ordering::Equal)
                    } else if x.is_infinite() {
                        Some(if *x > 0.0 {
                            Ordering::Greater
                        } else {
                            Ordering::Less
                        })
                    } else {
                        // compare exactly through big ints when integral
                        let fl = x.floor();
                        let bi = num_bigint::BigInt::from(*i);
                        let xb = crate::format::float_repr::float_to_bigint(fl, false).ok()?;
                        match xb.cmp(&bi) {
                            Ordering::Equal if fl != *x => Some(Ordering::Greater),
                            o => Some(o),
                        }
                    }
                }
                Num::B(bi) => {
                    if x.is_nan() {
                        None
                    } else if x.is_infinite() {
                        Some(if *x > 0.0 {
                            Ordering::Greater
                        } else {
                            Ordering::Less
                        })
                    } else {
                        let fl = x.floor();
                        let xb = crate::format::float_repr::float_to_bigint(fl, false).ok()?;
                        match xb.cmp(bi) {
                            Ordering::Equal if fl != *x => Some(Ordering::Greater),
                            o => Some(o),
                        }
                    }
                }
                Num::F(_) => unreachable!(),
            };
            // `o` compares the float to the other number.
            if swapped {
                o
            } else {
                o.map(|o| o.reverse())
            }
        }
        (x, y) => Some(to_big(x).cmp(&to_big(y))),
    }
}

fn reflect(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Ge => CmpOp::Le,
        o => o,
    }
}

fn dunder(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Lt => "__lt__",
        CmpOp::Le => "__le__",
        CmpOp::Eq => "__eq__",
        CmpOp::Ne => "__ne__",
        CmpOp::Gt => "__gt__",
        CmpOp::Ge => "__ge__",
    }
}

/// Lexicographic comparison of two item slices.
fn seq_cmp(vm: &mut Vm, x: &[GcRef], y: &[GcRef], op: CmpOp) -> PyResult<bool> {
    let n = x.len().min(y.len());
    for i in 0..n {
        let (a, b) = (x[i], y[i]);
        if !eq_bool(vm, a, b)? {
            if op == CmpOp::Eq {
                return Ok(false);
            }
            if op == CmpOp::Ne {
                return Ok(true);
            }
            let r = richcompare(vm, a, b, op)?;
            return super::truthy(vm, r);
        }
    }
    Ok(ord_result(Some(x.len().cmp(&y.len())), op))
}

/// Comparison among builtin types; `None` = NotImplemented.
fn builtin_cmp(vm: &mut Vm, a: GcRef, b: GcRef, op: CmpOp) -> PyResult<Option<bool>> {
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        return Ok(Some(ord_result(num_cmp(&x, &y), op)));
    }
    if is::<ComplexObject>(a) || is::<ComplexObject>(b) {
        // Complex numbers are only equal or not; ordering is unsupported.
        return Ok(match op {
            CmpOp::Eq => super::complex::eq(a, b),
            CmpOp::Ne => super::complex::eq(a, b).map(|e| !e),
            _ => None,
        });
    }
    if let (Some(x), Some(y)) = (try_cast::<StrObject>(a), try_cast::<StrObject>(b)) {
        return Ok(Some(ord_result(Some(x.s.cmp(&y.s)), op)));
    }
    if is::<ListObject>(a) && is::<ListObject>(b) {
        let (x, y) = (list_items(a).clone(), list_items(b).clone());
        return seq_cmp(vm, &x, &y, op).map(Some);
    }
    if is::<TupleObject>(a) && is::<TupleObject>(b) {
        return seq_cmp(vm, tuple_items(a), tuple_items(b), op).map(Some);
    }
    if let (Some(x), Some(y)) = (try_cast::<BytesObject>(a), try_cast::<BytesObject>(b)) {
        return Ok(Some(ord_result(Some(x.b.cmp(&y.b)), op)));
    }
    if (is::<crate::object::str::MemoryViewObject>(a)
        || is::<crate::object::str::MemoryViewObject>(b))
        && matches!(op, CmpOp::Eq | CmpOp::Ne)
    {
        return Ok(crate::builtins::memview::eq(vm, a, b)?.map(|e| e == (op == CmpOp::Eq)));
    }
    if is::<SetObject>(a) && is::<SetObject>(b) {
        let sub = crate::builtins::sets::is_subset(vm, a, b)?;
        let sup = crate::builtins::sets::is_subset(vm, b, a)?;
        return Ok(Some(match op {
            CmpOp::Eq => sub && sup,
            CmpOp::Ne => !(sub && sup),
            CmpOp::Le => sub,
            CmpOp::Ge => sup,
            CmpOp::Lt => sub && !sup,
            CmpOp::Gt => sup && !sub,
        }));
    }
    if is::<DictObject>(a) && is::<DictObject>(b) && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        let eq = dict_eq(vm, a, b)?;
        return Ok(Some(eq == (op == CmpOp::Eq)));
    }
    if matches!(op, CmpOp::Eq | CmpOp::Ne) {
        if is::<crate::object::misc::RangeObject>(a) && is::<crate::object::misc::RangeObject>(b) {
            let eq = crate::builtins::ranges::eq(a, b);
            return Ok(Some(eq == (op == CmpOp::Eq)));
        }
    }
    Ok(None)
}

fn dict_eq(vm: &mut Vm, a: GcRef, b: GcRef) -> PyResult<bool> {
    if table(a).len() != table(b).len() {
        return Ok(false);
    }
    let entries: Vec<_> = table(a).iter().copied().collect();
    for e in entries {
        let (k, v) = (e.key.unwrap(), e.value.unwrap());
        match crate::object::dict::get(vm, b, k, e.hash)? {
            None => return Ok(false),
            Some(v2) => {
                if !eq_bool(vm, v, v2)? {
                    return Ok(false);
                }
            }
        }
    }
    Ok(true)
}

/// `a <op> b`, returning the result object.
pub fn richcompare(vm: &mut Vm, a: GcRef, b: GcRef, op: CmpOp) -> PyResult<GcRef> {
    let (ca, cb) = (class_of(a), class_of(b));
    let heap_a = cast::<TypeObject>(ca).heap;
    let heap_b = cast::<TypeObject>(cb).heap;
    if !heap_a && !heap_b {
        if let Some(r) = builtin_cmp(vm, a, b, op)? {
            return Ok(vm.bool(r));
        }
    } else {
        let sub_first = ca != cb && heap_b && vm.is_subtype(cb, ca);
        if sub_first {
            if let Some(r) = super::call_method_opt(vm, b, dunder(reflect(op)), &[a])? {
                if r != vm.notimpl {
                    return Ok(r);
                }
            }
        }
        if heap_a {
            let name = vm.intern(dunder(op));
            let mut own = false;
            if let Some(m) = super::lookup(vm, ca, name) {
                if class_of(m) != vm.t.method_descr {
                    own = true;
                    let f = super::bind(vm, m, Some(a), ca)?;
                    let r = super::call(vm, f, &[b], &[])?;
                    if r != vm.notimpl {
                        return Ok(r);
                    }
                }
            }
            // __ne__ defaults to the negation of __eq__.
            if op == CmpOp::Ne {
                let n = vm.intern("__eq__");
                if let Some(m) = super::lookup(vm, ca, n) {
                    if class_of(m) != vm.t.method_descr {
                        let f = super::bind(vm, m, Some(a), ca)?;
                        let r = super::call(vm, f, &[b], &[])?;
                        if r != vm.notimpl {
                            let t = super::truthy(vm, r)?;
                            return Ok(vm.bool(!t));
                        }
                    }
                }
            }
            // Subclasses of builtin types inherit their comparisons.
            if !own && cast::<TypeObject>(ca).layout == crate::object::typeobj::InstLayout::Builtin
            {
                if let Some(r) = builtin_cmp(vm, a, b, op)? {
                    return Ok(vm.bool(r));
                }
            }
        } else if let Some(r) = builtin_cmp(vm, a, b, op)? {
            return Ok(vm.bool(r));
        }
        if !sub_first && heap_b {
            let name = vm.intern(dunder(reflect(op)));
            if let Some(m) = super::lookup(vm, cb, name) {
                if class_of(m) != vm.t.method_descr {
                    let f = super::bind(vm, m, Some(b), cb)?;
                    let r = super::call(vm, f, &[a], &[])?;
                    if r != vm.notimpl {
                        return Ok(r);
                    }
                }
            }
        }
    }
    match op {
        CmpOp::Eq => Ok(vm.bool(a == b)),
        CmpOp::Ne => Ok(vm.bool(a != b)),
        _ => Err(vm.type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            tname(a),
            tname(b)
        ))),
    }
}

/// `a < b` as a bool (sorting, min, max).
pub fn lt(vm: &mut Vm, a: GcRef, b: GcRef) -> PyResult<bool> {
    if let (Some(x), Some(y)) = (
        try_cast::<crate::object::int::IntObject>(a),
        try_cast::<crate::object::int::IntObject>(b),
    ) {
        return Ok(x.value < y.value);
    }
    if is::<StrObject>(a) && is::<StrObject>(b) {
        return Ok(str_of(a) < str_of(b));
    }
    let r = richcompare(vm, a, b, CmpOp::Lt)?;
    super::truthy(vm, r)
}

/// `a > b` as a bool (`max`).
pub fn gt(vm: &mut Vm, a: GcRef, b: GcRef) -> PyResult<bool> {
    if let (Some(x), Some(y)) = (
        try_cast::<crate::object::int::IntObject>(a),
        try_cast::<crate::object::int::IntObject>(b),
    ) {
        return Ok(x.value > y.value);
    }
    if is::<StrObject>(a) && is::<StrObject>(b) {
        return Ok(str_of(a) > str_of(b));
    }
    let r = richcompare(vm, a, b, CmpOp::Gt)?;
    super::truthy(vm, r)
}

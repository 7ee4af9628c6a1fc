//! Binary and unary operators: the numeric tower (int with big-int
//! overflow, bool, float), sequence concatenation/repetition, set
//! algebra, and the `__op__`/`__rop__`/`__iop__` protocol for classes.

use super::{call, lookup, str_of, tname};
use crate::bytecode::BinOp;
use crate::object::dict::SetObject;
use crate::object::int::{new_bigint, BigIntObject, FloatObject, IntObject};
use crate::object::seq::{list_items, tuple_items, ListObject, TupleObject};
use crate::object::str::StrObject;
use crate::object::typeobj::TypeObject;
use crate::object::{cast, class_of, is, try_cast, GcRef};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

const MODULUS: i64 = (1 << 61) - 1;

/// CPython's numeric hash of an int.
pub fn hash_i64(v: i64) -> i64 {
    let h = if v >= 0 {
        v % MODULUS
    } else {
        -((v.unsigned_abs() % MODULUS as u64) as i64)
    };
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_bigint(v: &BigInt) -> i64 {
    let m = BigInt::from(MODULUS);
    let r = (v.abs() % &m).to_i64().unwrap_or(0);
    let h = if v.is_negative() { -r } else { r };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's numeric hash of a float (equal to the int hash for integral values).
pub fn hash_float(x: f64) -> i64 {
    if x.is_nan() {
        return 0;
    }
    if x.is_infinite() {
        return if x > 0.0 { 314159 } else { -314159 };
    }
    if x.fract() == 0.0 && x.abs() < 9.2e18 {
        return hash_i64(x as i64);
    }
    let (mut m, mut e) = frexp(x.abs());
    let mut h: u64 = 0;
    let modulus = MODULUS as u64;
    while m != 0.0 {
        h = ((h << 28) & modulus) | (h >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= modulus {
            h -= modulus;
        }
    }
    let e = if e >= 0 { e % 61 } else { 60 - ((-1 - e) % 61) };
    h = ((h << e) & modulus) | (h >> (61 - e));
    let mut h = h as i64;
    if x < 0.0 {
        h = -h;
    }
    if h == -1 {
        -2
    } else {
        h
    }
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (0.0, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// A number's value, seen as the tower's levels.
pub enum Num<'a> {
    I(i64),
    B(&'a BigInt),
    F(f64),
}

pub fn as_num(r: GcRef) -> Option<Num<'static>> {
    if let Some(i) = try_cast::<IntObject>(r) {
        Some(Num::I(i.value))
    } else if let Some(f) = try_cast::<FloatObject>(r) {
        Some(Num::F(f.value))
    } else if let Some(b) = try_cast::<BigIntObject>(r) {
        Some(Num::B(&b.value))
    } else {
        None
    }
}

/// A big int as a Python int (small when it fits).
pub fn int_from_big(vm: &mut Vm, v: BigInt) -> GcRef {
    match v.to_i64() {
        Some(i) => vm.int(i),
        None => new_bigint(vm.t.int, v),
    }
}

pub fn to_big(n: &Num) -> BigInt {
    match n {
        Num::I(i) => BigInt::from(*i),
        Num::B(b) => (*b).clone(),
        Num::F(_) => BigInt::zero(),
    }
}

pub fn to_f64(vm: &mut Vm, n: &Num) -> PyResult<f64> {
    Ok(match n {
        Num::I(i) => *i as f64,
        Num::F(f) => *f,
        Num::B(b) => match b.to_f64() {
            Some(f) if f.is_finite() => f,
            _ => return Err(vm.err("OverflowError", "int too large to convert to float")),
        },
    })
}

fn zero_div(vm: &mut Vm, msg: &str) -> crate::vm::Exc {
    vm.err("ZeroDivisionError", msg)
}

/// Integer arithmetic on two ints (small or big).
fn int_op(vm: &mut Vm, a: &Num, b: &Num, op: BinOp) -> PyResult<GcRef> {
    use BinOp::*;
    if let (Num::I(x), Num::I(y)) = (a, b) {
        let (x, y) = (*x, *y);
        let r = match op {
            Add => x.checked_add(y),
            Sub => x.checked_sub(y),
            Mul => x.checked_mul(y),
            FloorDiv if y == 0 => return Err(zero_div(vm, "integer division or modulo by zero")),
            Mod if y == 0 => return Err(zero_div(vm, "integer modulo by zero")),
            FloorDiv => {
                if x == i64::MIN && y == -1 {
                    None
                } else {
                    Some(Integer::div_floor(&x, &y))
                }
            }
            Mod => {
                if y == -1 {
                    Some(0)
                } else {
                    Some(x.mod_floor(&y))
                }
            }
            And => Some(x & y),
            Or => Some(x | y),
            Xor => Some(x ^ y),
            LShift => {
                if y < 0 {
                    return Err(vm.value_error("negative shift count"));
                }
                if y < 63 && (x.abs() >> (62 - y)) == 0 {
                    Some(x << y)
                } else {
                    None
                }
            }
            RShift => {
                if y < 0 {
                    return Err(vm.value_error("negative shift count"));
                }
                Some(if y >= 64 {
                    if x < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    x >> y
                })
            }
            _ => None,
        };
        if let Some(r) = r {
            return Ok(vm.int(r));
        }
    }
    // Big operands are used in place (no copy); small ones widened.
    fn big<'a>(n: &Num<'a>) -> std::borrow::Cow<'a, BigInt> {
        match n {
            Num::B(b) => std::borrow::Cow::Borrowed(*b),
            n => std::borrow::Cow::Owned(to_big(n)),
        }
    }
    let (xb, yb) = (big(a), big(b));
    match op {
        Add => return Ok(int_from_big(vm, &*xb + &*yb)),
        Sub => return Ok(int_from_big(vm, &*xb - &*yb)),
        Mul => return Ok(int_from_big(vm, &*xb * &*yb)),
        FloorDiv | Mod if !yb.is_zero() => {
            let r = if op == FloorDiv {
                xb.div_floor(&yb)
            } else {
                xb.mod_floor(&yb)
            };
            return Ok(int_from_big(vm, r));
        }
        _ => {}
    }
    let (x, y) = (xb.into_owned(), yb.into_owned());
    let r = match op {
        FloorDiv | Mod if y.is_zero() => {
            return Err(zero_div(vm, "integer division or modulo by zero"))
        }
        FloorDiv => x.div_floor(&y),
        Mod => x.mod_floor(&y),
        And => x & y,
        Or => x | y,
        Xor => x ^ y,
        LShift => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            match y.to_usize() {
                Some(s) if s < 1 << 26 => x << s,
                _ => return Err(vm.bare_err("MemoryError")),
            }
        }
        RShift => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            match y.to_usize() {
                Some(s) => x >> s,
                None => BigInt::from(if x.is_negative() { -1 } else { 0 }),
            }
        }
        _ => unreachable!(),
    };
    Ok(int_from_big(vm, r))
}

fn int_pow(vm: &mut Vm, a: &Num, b: &Num) -> PyResult<GcRef> {
    let e = to_big(b);
    if e.is_negative() {
        let x = to_f64(vm, a)?;
        let y = to_f64(vm, b)?;
        if x == 0.0 {
            return Err(zero_div(vm, "0.0 cannot be raised to a negative power"));
        }
        return Ok(vm.float(x.powf(y)));
    }
    if let (Num::I(x), Some(y)) = (a, e.to_u32()) {
        if let Some(r) = x.checked_pow(y) {
            return Ok(vm.int(r));
        }
    }
    let base = to_big(a);
    let ex = match e.to_u32() {
        Some(v) => v,
        None => {
            if base.is_zero() || base == BigInt::from(1) {
                return Ok(int_from_big(vm, base));
            }
            return Err(vm.bare_err("MemoryError"));
        }
    };
    Ok(int_from_big(vm, num_traits::pow(base, ex as usize)))
}

fn float_mod(x: f64, y: f64) -> f64 {
    let m = x % y;
    if m != 0.0 && ((y < 0.0) != (m < 0.0)) {
        m + y
    } else if m == 0.0 {
        0.0f64.copysign(y)
    } else {
        m
    }
}

/// Arithmetic on two numbers; `None` if the operator does not apply.
pub fn num_op(vm: &mut Vm, a: GcRef, b: GcRef, op: BinOp) -> PyResult<Option<GcRef>> {
    use BinOp::*;
    let (na, nb) = match (as_num(a), as_num(b)) {
        (Some(x), Some(y)) => (x, y),
        _ => return super::complex::complex_op(vm, a, b, op),
    };
    let is_float = matches!(na, Num::F(_)) || matches!(nb, Num::F(_));
    if matches!(op.base(), And | Or | Xor) && class_of(a) == vm.t.bool_ && class_of(b) == vm.t.bool_
    {
        let (x, y) = (a == vm.true_, b == vm.true_);
        let r = match op.base() {
            And => x & y,
            Or => x | y,
            _ => x ^ y,
        };
        return Ok(Some(vm.bool(r)));
    }
    if !is_float {
        return match op {
            TrueDiv => {
                if let (Num::I(x), Num::I(y)) = (&na, &nb) {
                    if *y == 0 {
                        return Err(zero_div(vm, "division by zero"));
                    }
                    if x.abs() < (1 << 53) && y.abs() < (1 << 53) {
                        return Ok(Some(vm.float(*x as f64 / *y as f64)));
                    }
                }
                let (x, y) = (to_big(&na), to_big(&nb));
                if y.is_zero() {
                    return Err(zero_div(vm, "division by zero"));
                }
                let f = crate::format::float_repr::bigint_to_f64(&x).unwrap_or(f64::INFINITY)
                    / crate::format::float_repr::bigint_to_f64(&y).unwrap_or(f64::INFINITY);
                Ok(Some(vm.float(f)))
            }
            Pow => int_pow(vm, &na, &nb).map(Some),
            MatMul => Ok(None),
            _ => int_op(vm, &na, &nb, op).map(Some),
        };
    }
    let x = to_f64(vm, &na)?;
    let y = to_f64(vm, &nb)?;
    let r = match op {
        Add => x + y,
        Sub => x - y,
        Mul => x * y,
        TrueDiv => {
            if y == 0.0 {
                return Err(zero_div(vm, "float division by zero"));
            }
            x / y
        }
        FloorDiv => {
            if y == 0.0 {
                return Err(zero_div(vm, "float floor division by zero"));
            }
            ((x - float_mod(x, y)) / y).round()
        }
        Mod => {
            if y == 0.0 {
                return Err(zero_div(vm, "float modulo"));
            }
            float_mod(x, y)
        }
        Pow => {
            if x == 0.0 && y < 0.0 {
                return Err(zero_div(vm, "0.0 cannot be raised to a negative power"));
            }
            if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
                // A negative base to a fractional power is complex.
                return super::complex::pow_obj(vm, (x, 0.0), (y, 0.0)).map(Some);
            }
            let r = x.powf(y);
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return Err(vm.err("OverflowError", "(34, 'Numerical result out of range')"));
            }
            r
        }
        _ => return Ok(None),
    };
    Ok(Some(vm.float(r)))
}

fn dunder(op: BinOp) -> (&'static str, &'static str, &'static str) {
    use BinOp::*;
    match op.base() {
        Add => ("__add__", "__radd__", "__iadd__"),
        Sub => ("__sub__", "__rsub__", "__isub__"),
        Mul => ("__mul__", "__rmul__", "__imul__"),
        MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
        FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        Mod => ("__mod__", "__rmod__", "__imod__"),
        Pow => ("__pow__", "__rpow__", "__ipow__"),
        LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        And => ("__and__", "__rand__", "__iand__"),
        Or => ("__or__", "__ror__", "__ior__"),
        Xor => ("__xor__", "__rxor__", "__ixor__"),
        _ => unreachable!(),
    }
}

/// The level of a number in the tower (int 0, float 1, complex 2).
fn tower_level(r: GcRef) -> Option<u8> {
    if is::<IntObject>(r) || is::<BigIntObject>(r) {
        Some(0)
    } else if is::<FloatObject>(r) {
        Some(1)
    } else if is::<crate::object::complex::ComplexObject>(r) {
        Some(2)
    } else {
        None
    }
}

fn is_heap(cls: GcRef) -> bool {
    cast::<TypeObject>(cls).heap
}

/// `a <op> b` for any objects.
pub fn binary_op(vm: &mut Vm, a: GcRef, b: GcRef, op: BinOp) -> PyResult<GcRef> {
    let (ca, cb) = (class_of(a), class_of(b));
    if !is_heap(ca) && !is_heap(cb) {
        if let Some(r) = builtin_op(vm, a, b, op)? {
            return Ok(r);
        }
        // Builtin types whose operators are methods (dict views).
        let (name, rname, _) = dunder(op);
        if let Some(r) = super::call_method_opt(vm, a, name, &[b])? {
            if r != vm.notimpl {
                return Ok(r);
            }
        }
        if ca != cb {
            if let Some(r) = super::call_method_opt(vm, b, rname, &[a])? {
                if r != vm.notimpl {
                    return Ok(r);
                }
            }
        }
    } else {
        let (name, rname, iname) = dunder(op);
        if op.is_inplace() {
            if let Some(r) = super::call_method_opt(vm, a, iname, &[b])? {
                if r != vm.notimpl {
                    return Ok(r);
                }
            }
        }
        // A subclass's reflected method goes first.
        let sub_first = ca != cb && vm.is_subtype(cb, ca) && {
            let n = vm.intern(rname);
            lookup(vm, cb, n).is_some()
        };
        if sub_first {
            if let Some(r) = super::call_method_opt(vm, b, rname, &[a])? {
                if r != vm.notimpl {
                    return Ok(r);
                }
            }
        }
        if is_heap(ca) {
            if let Some(r) = super::call_method_opt(vm, a, name, &[b])? {
                if r != vm.notimpl {
                    return Ok(r);
                }
            }
        }
        // A number of a higher level than `a`'s (int < float < complex):
        // `a`'s own operator gives up, so `b`'s reflected one decides.
        if !sub_first
            && is_heap(cb)
            && matches!((tower_level(a), tower_level(b)), (Some(x), Some(y)) if y > x)
        {
            match super::call_method_opt(vm, b, rname, &[a])? {
                Some(r) if r != vm.notimpl => return Ok(r),
                Some(_) => return Err(operand_error(vm, a, b, op)),
                None => {}
            }
        }
        // Builtin layouts (also of subclasses like `class S(str)`).
        if let Some(r) = builtin_op(vm, a, b, op)? {
            return Ok(r);
        }
        if !sub_first && ca != cb && is_heap(cb) {
            if let Some(r) = super::call_method_opt(vm, b, rname, &[a])? {
                if r != vm.notimpl {
                    return Ok(r);
                }
            }
        }
    }
    Err(operand_error(vm, a, b, op))
}

/// CPython's message for an operator that does not apply.
fn operand_error(vm: &mut Vm, a: GcRef, b: GcRef, op: BinOp) -> crate::vm::Exc {
    let is_seq = |r: GcRef| is::<StrObject>(r) || is::<ListObject>(r) || is::<TupleObject>(r);
    if op.base() == BinOp::Add && is::<crate::object::str::BytesObject>(a) && !is_heap(class_of(a))
    {
        return vm.type_error(format!("can't concat {} to {}", tname(b), tname(a)));
    }
    if op.base() == BinOp::Add && is_seq(a) && !is_heap(class_of(a)) {
        let k = tname(a);
        return vm.type_error(format!(
            "can only concatenate {k} (not \"{}\") to {k}",
            tname(b)
        ));
    }
    if op.base() == BinOp::Mul && (is_seq(a) || is_seq(b)) {
        let other = if is_seq(a) { b } else { a };
        return vm.type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            tname(other)
        ));
    }
    vm.type_error(format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        op.symbol(),
        tname(a),
        tname(b)
    ))
}

fn repeat_count(vm: &mut Vm, n: GcRef) -> PyResult<Option<i64>> {
    if let Some(i) = try_cast::<IntObject>(n) {
        return Ok(Some(i.value.max(0)));
    }
    if is::<BigIntObject>(n) {
        return Err(vm.err(
            "OverflowError",
            "cannot fit 'int' into an index-sized integer",
        ));
    }
    Ok(None)
}

/// Operators on builtin types; `None` if not supported.
pub fn builtin_op(vm: &mut Vm, a: GcRef, b: GcRef, op: BinOp) -> PyResult<Option<GcRef>> {
    use BinOp::*;
    if let Some(r) = num_op(vm, a, b, op.base())? {
        return Ok(Some(r));
    }
    let base = op.base();
    match base {
        Add => {
            if is::<StrObject>(a) && is::<StrObject>(b) {
                let mut s = String::new();
                if s.try_reserve_exact(str_of(a).len() + str_of(b).len())
                    .is_err()
                {
                    return Err(vm.bare_err("MemoryError"));
                }
                s.push_str(str_of(a));
                s.push_str(str_of(b));
                return Ok(Some(vm.new_str(s)));
            }
            if is::<ListObject>(a) && is::<ListObject>(b) {
                if op.is_inplace() {
                    let items = list_items(b).clone();
                    list_items(a).extend(items);
                    return Ok(Some(a));
                }
                let mut v = list_items(a).clone();
                v.extend_from_slice(list_items(b));
                return Ok(Some(vm.list(v)));
            }
            if is::<ListObject>(a) && op.is_inplace() {
                let items = crate::builtins::seqs::to_vec(vm, b)?;
                list_items(a).extend(items);
                return Ok(Some(a));
            }
            if is::<TupleObject>(a) && is::<TupleObject>(b) {
                let mut v = tuple_items(a).to_vec();
                v.extend_from_slice(tuple_items(b));
                return Ok(Some(vm.tuple(&v)));
            }
            if is::<crate::object::str::BytesObject>(a)
                && is::<crate::object::str::MemoryViewObject>(b)
            {
                let mut v = cast::<crate::object::str::BytesObject>(a).b.clone();
                v.extend(crate::builtins::memview::contents(vm, b)?);
                let ba = class_of(a) == vm.t.bytearray;
                if op.is_inplace() && ba {
                    cast::<crate::object::str::BytesObject>(a).b = v;
                    return Ok(Some(a));
                }
                let cls = if ba { vm.t.bytearray } else { vm.t.bytes };
                return Ok(Some(crate::object::str::new_bytes(cls, v)));
            }
            if let (Some(x), Some(y)) = (
                try_cast::<crate::object::str::BytesObject>(a),
                try_cast::<crate::object::str::BytesObject>(b),
            ) {
                let mut v = x.b.clone();
                v.extend_from_slice(&y.b);
                if op.is_inplace() && class_of(a) == vm.t.bytearray {
                    crate::object::cast::<crate::object::str::BytesObject>(a).b = v;
                    return Ok(Some(a));
                }
                let cls = if class_of(a) == vm.t.bytearray {
                    vm.t.bytearray
                } else {
                    vm.t.bytes
                };
                return Ok(Some(crate::object::str::new_bytes(cls, v)));
            }
        }
        Mul => {
            let (seq, n) = if as_num(b).is_some() { (a, b) } else { (b, a) };
            if as_num(seq).is_none() {
                if let Some(n) = repeat_count(vm, n)? {
                    if is::<StrObject>(seq) {
                        let s = str_of(seq);
                        if (s.len() as u128) * (n as u128) > (1 << 34) {
                            return Err(vm.bare_err("MemoryError"));
                        }
                        return Ok(Some(vm.new_str(s.repeat(n as usize))));
                    }
                    if is::<ListObject>(seq) || is::<TupleObject>(seq) {
                        let src: Vec<GcRef> = if is::<ListObject>(seq) {
                            list_items(seq).clone()
                        } else {
                            tuple_items(seq).to_vec()
                        };
                        if (src.len() as u128) * (n as u128) > (1 << 31) {
                            return Err(vm.bare_err("MemoryError"));
                        }
                        let mut v = Vec::with_capacity(src.len() * n as usize);
                        for _ in 0..n {
                            v.extend_from_slice(&src);
                        }
                        if is::<ListObject>(seq) {
                            if op.is_inplace() && seq == a {
                                *list_items(a) = v;
                                return Ok(Some(a));
                            }
                            return Ok(Some(vm.list(v)));
                        }
                        return Ok(Some(vm.tuple(&v)));
                    }
                    if let Some(x) = try_cast::<crate::object::str::BytesObject>(seq) {
                        let mut v = Vec::new();
                        let total = x.b.len().checked_mul(n as usize);
                        if total.is_none_or(|t| v.try_reserve_exact(t).is_err()) {
                            return Err(vm.bare_err("MemoryError"));
                        }
                        while v.len() < total.unwrap_or(0) {
                            v.extend_from_slice(&x.b);
                        }
                        let cls = if class_of(seq) == vm.t.bytearray {
                            vm.t.bytearray
                        } else {
                            vm.t.bytes
                        };
                        return Ok(Some(crate::object::str::new_bytes(cls, v)));
                    }
                }
            }
        }
        Mod => {
            if is::<StrObject>(a) {
                return crate::builtins::strfmt::percent_format(vm, a, b).map(Some);
            }
        }
        And | Or | Xor | Sub => {
            if is::<SetObject>(a) && is::<SetObject>(b) {
                return crate::builtins::sets::set_binop(vm, a, b, base, op.is_inplace()).map(Some);
            }
            if base == Or
                && is::<crate::object::dict::DictObject>(a)
                && is::<crate::object::dict::DictObject>(b)
            {
                let d = if op.is_inplace() {
                    a
                } else {
                    crate::builtins::dicts::copy(vm, a)?
                };
                crate::builtins::dicts::update_from(vm, d, b)?;
                return Ok(Some(d));
            }
        }
        _ => {}
    }
    Ok(None)
}

/// `-x`, `+x`, `~x`.
pub fn unary(vm: &mut Vm, x: GcRef, which: u8) -> PyResult<GcRef> {
    let heap = is_heap(class_of(x));
    if !heap {
        if let Some(r) = builtin_unary(vm, x, which) {
            return Ok(r);
        }
    }
    let (name, sym) = match which {
        b'-' => ("__neg__", "-"),
        b'+' => ("__pos__", "+"),
        _ => ("__invert__", "~"),
    };
    if let Some(r) = super::call_method_opt(vm, x, name, &[])? {
        return Ok(r);
    }
    // Subclasses of the number types inherit their operators.
    if heap {
        if let Some(r) = builtin_unary(vm, x, which) {
            return Ok(r);
        }
    }
    Err(vm.type_error(format!(
        "bad operand type for unary {}: '{}'",
        sym,
        tname(x)
    )))
}

/// `-x`, `+x`, `~x` on the builtin number layouts; `None` otherwise.
fn builtin_unary(vm: &mut Vm, x: GcRef, which: u8) -> Option<GcRef> {
    let heap = is_heap(class_of(x));
    {
        match (as_num(x), which) {
            (Some(Num::I(i)), b'-') => {
                return Some(match i.checked_neg() {
                    Some(v) => vm.int(v),
                    None => int_from_big(vm, -BigInt::from(i)),
                })
            }
            (Some(Num::B(b)), b'-') => {
                let v = -b.clone();
                return Some(int_from_big(vm, v));
            }
            (Some(Num::F(f)), b'-') => return Some(vm.float(-f)),
            (Some(Num::I(i)), b'+') => return Some(vm.int(i)),
            (Some(Num::B(b)), b'+') if heap => {
                let v = b.clone();
                return Some(int_from_big(vm, v));
            }
            (Some(Num::F(f)), b'+') if heap => return Some(vm.float(f)),
            (Some(Num::B(_)), b'+') | (Some(Num::F(_)), b'+') => return Some(x),
            (Some(Num::I(i)), b'~') => return Some(vm.int(!i)),
            (Some(Num::B(b)), b'~') => {
                let v = -(b.clone()) - 1;
                return Some(int_from_big(vm, v));
            }
            (None, _) => return super::complex::unary(vm, x, which),
            _ => {}
        }
    }
    None
}

/// `pow(a, b, m)` for ints.
pub fn pow3(vm: &mut Vm, a: GcRef, b: GcRef, m: GcRef) -> PyResult<GcRef> {
    use crate::object::complex::ComplexObject;
    if is::<ComplexObject>(a) || is::<ComplexObject>(b) || is::<ComplexObject>(m) {
        return Err(vm.value_error("complex modulo"));
    }
    match (as_num(a), as_num(b), as_num(m)) {
        (Some(x), Some(y), Some(z))
            if !matches!(x, Num::F(_)) && !matches!(y, Num::F(_)) && !matches!(z, Num::F(_)) =>
        {
            let (x, y, z) = (to_big(&x), to_big(&y), to_big(&z));
            if z.is_zero() {
                return Err(vm.value_error("pow() 3rd argument cannot be 0"));
            }
            let (x, y) = if y.is_negative() {
                // pow(x, -n, m) is pow(inverse of x mod m, n, m).
                let m = z.abs();
                let e = num_integer::Integer::extended_gcd(&x.mod_floor(&m), &m);
                if !e.gcd.is_one() {
                    return Err(vm.value_error("base is not invertible for the given modulus"));
                }
                (e.x.mod_floor(&m), -y)
            } else {
                (x, y)
            };
            let r = x.modpow(&y, &z);
            let r = if !r.is_zero() && (r.is_negative() != z.is_negative()) {
                r + &z
            } else {
                r
            };
            Ok(int_from_big(vm, r))
        }
        _ => Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")),
    }
}

/// Calls a Python-level binary special method (for `operator`-like use).
pub fn call_dunder(vm: &mut Vm, f: GcRef, a: GcRef, b: GcRef) -> PyResult<GcRef> {
    call(vm, f, &[a, b], &[])
}

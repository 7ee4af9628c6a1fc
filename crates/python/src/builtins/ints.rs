//! int, bool and float: constructors (`int("12", 16)`, `float("1e3")`),
//! conversions of arbitrary objects (`__int__`, `__index__`, `__float__`)
//! and the methods of the number types.

use super::setup::def_method;
use super::{check_args, fmt_err};
use crate::format::float_repr::float_to_bigint;
use crate::format::intconv::{parse_float, parse_int};
use crate::object::func::KwArgs;
use crate::object::int::{new_bigint, new_float, new_int, BigIntObject, FloatObject, IntObject};
use crate::object::str::{BytesObject, StrObject};
use crate::object::typeobj::TypeObject;
use crate::object::{cast, class_of, is, try_cast, GcRef};
use crate::ops::num::{as_num, int_from_big, to_big, Num};
use crate::ops::{self, tname};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

/// The value of a small int object (`IntObject` layout), if it is one.
pub fn small_value(r: GcRef) -> Option<i64> {
    try_cast::<IntObject>(r).map(|i| i.value)
}

/// The `int(x)` of any object, as a big integer.
pub fn to_int(vm: &mut Vm, x: GcRef) -> PyResult<BigInt> {
    match as_num(x) {
        Some(Num::F(f)) => return float_to_bigint(f, false).map_err(|e| fmt_err(vm, e)),
        Some(n) => return Ok(to_big(&n)),
        None => {}
    }
    if let Some(s) = try_cast::<StrObject>(x) {
        let s = s.s.clone();
        return parse_int(&s, 10, 4300).map_err(|e| fmt_err(vm, e));
    }
    if let Some(b) = try_cast::<BytesObject>(x) {
        let s = String::from_utf8_lossy(&b.b).into_owned();
        return parse_int(&s, 10, 4300).map_err(|e| fmt_err(vm, e));
    }
    for m in ["__int__", "__index__", "__trunc__"] {
        if let Some(v) = ops::call_method_opt(vm, x, m, &[])? {
            if let Some(n) = as_num(v).filter(|n| !matches!(n, Num::F(_))) {
                return Ok(to_big(&n));
            }
            return Err(vm.type_error(format!("{m} returned non-int (type {})", tname(v))));
        }
    }
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        tname(x)
    )))
}

/// `float(x)` of any object.
pub fn to_float(vm: &mut Vm, x: GcRef) -> PyResult<f64> {
    if let Some(n) = as_num(x) {
        return ops::num::to_f64(vm, &n);
    }
    if let Some(s) = try_cast::<StrObject>(x) {
        let s = s.s.clone();
        return parse_float(&s).map_err(|e| fmt_err(vm, e));
    }
    if let Some(v) = ops::call_method_opt(vm, x, "__float__", &[])? {
        if let Some(f) = try_cast::<FloatObject>(v) {
            return Ok(f.value);
        }
        return Err(vm.type_error(format!(
            "{}.__float__ returned non-float (type {})",
            tname(x),
            tname(v)
        )));
    }
    if let Some(v) = ops::call_method_opt(vm, x, "__index__", &[])? {
        if let Some(n) = as_num(v) {
            return ops::num::to_f64(vm, &n);
        }
    }
    Err(vm.type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        tname(x)
    )))
}

fn make_int(vm: &mut Vm, cls: GcRef, v: BigInt) -> GcRef {
    if cls == vm.t.int {
        return int_from_big(vm, v);
    }
    match v.to_i64() {
        Some(i) => new_int(cls, i),
        None => new_bigint(cls, v),
    }
}

fn int_new(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let cls = args[0];
    let mut a = args[1..].to_vec();
    if let Some(b) = super::kwarg(kw, "base") {
        a.push(b);
    }
    if a.len() > 2 {
        return Err(vm.type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            a.len()
        )));
    }
    let v = match a.len() {
        0 => BigInt::zero(),
        1 => to_int(vm, a[0])?,
        _ => {
            let base = ops::item::index_value(vm, a[1])?;
            let s = match try_cast::<StrObject>(a[0]) {
                Some(s) => s.s.clone(),
                None => match try_cast::<BytesObject>(a[0]) {
                    Some(b) => String::from_utf8_lossy(&b.b).into_owned(),
                    None => {
                        return Err(
                            vm.type_error("int() can't convert non-string with explicit base")
                        )
                    }
                },
            };
            if base < 0 || base == 1 || base > 36 {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            parse_int(&s, base as u32, 4300).map_err(|e| fmt_err(vm, e))?
        }
    };
    Ok(make_int(vm, cls, v))
}

fn bool_new(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    super::no_kw(vm, "bool", kw)?;
    check_args(vm, "bool", &args[1..], 0, 1)?;
    match args.get(1) {
        None => Ok(vm.false_),
        Some(x) => {
            let b = ops::truthy(vm, *x)?;
            Ok(vm.bool(b))
        }
    }
}

fn float_new(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    super::no_kw(vm, "float", kw)?;
    check_args(vm, "float", &args[1..], 0, 1)?;
    let v = match args.get(1) {
        None => 0.0,
        Some(x) => to_float(vm, *x)?,
    };
    Ok(new_float(args[0], v))
}

fn big_of(r: GcRef) -> BigInt {
    match as_num(r) {
        Some(n) => to_big(&n),
        None => BigInt::zero(),
    }
}

fn int_bit_length(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let v = big_of(args[0]);
    Ok(vm.int(v.abs().bits() as i64))
}

fn int_bit_count(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let v = big_of(args[0]).abs();
    let n: u64 = v
        .to_u64_digits()
        .1
        .iter()
        .map(|d| d.count_ones() as u64)
        .sum();
    Ok(vm.int(n as i64))
}

fn int_self(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let v = big_of(args[0]);
    Ok(int_from_big(vm, v))
}

fn int_float(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let n = as_num(args[0]).expect("int");
    let f = ops::num::to_f64(vm, &n)?;
    Ok(vm.float(f))
}

fn int_ratio(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let a = int_self(vm, args, &[])?;
    let one = vm.int(1);
    Ok(vm.tuple(&[a, one]))
}

fn int_to_bytes(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let v = big_of(args[0]);
    let len = match args.get(1).copied().or(super::kwarg(kw, "length")) {
        Some(l) => ops::item::index_value(vm, l)? as usize,
        None => 1,
    };
    let order = args.get(2).copied().or(super::kwarg(kw, "byteorder"));
    let big = match order {
        Some(o) => ops::str_of(o) == "big",
        None => true,
    };
    let signed = super::kwarg(kw, "signed").is_some_and(|s| s == vm.true_);
    if v.is_negative() && !signed {
        return Err(vm.err("OverflowError", "can't convert negative int to unsigned"));
    }
    let mut bytes = if signed {
        v.to_signed_bytes_le()
    } else {
        v.to_bytes_le().1
    };
    if v.is_zero() {
        bytes.clear();
    }
    if bytes.len() > len {
        return Err(vm.err("OverflowError", "int too big to convert"));
    }
    let fill = if v.is_negative() { 0xff } else { 0 };
    bytes.resize(len, fill);
    if big {
        bytes.reverse();
    }
    let bc = vm.t.bytes;
    Ok(crate::object::str::new_bytes(bc, bytes))
}

fn int_from_bytes(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let data = super::seqs::to_vec(vm, args[1])?;
    let mut bytes = Vec::new();
    for b in data {
        bytes.push(ops::item::index_value(vm, b)? as u8);
    }
    let order = args.get(2).copied().or(super::kwarg(kw, "byteorder"));
    let big = order.is_none_or(|o| ops::str_of(o) == "big");
    if big {
        bytes.reverse();
    }
    let signed = super::kwarg(kw, "signed").is_some_and(|s| s == vm.true_);
    let v = if signed {
        BigInt::from_signed_bytes_le(&bytes)
    } else {
        BigInt::from_bytes_le(num_bigint::Sign::Plus, &bytes)
    };
    Ok(make_int(vm, args[0], v))
}

fn num_conjugate(_vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    Ok(args[0])
}

fn fval(r: GcRef) -> f64 {
    cast::<FloatObject>(r).value
}

fn float_is_integer(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let f = fval(args[0]);
    Ok(vm.bool(f.is_finite() && f.fract() == 0.0))
}

fn float_int(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let v = float_to_bigint(fval(args[0]), false).map_err(|e| fmt_err(vm, e))?;
    Ok(int_from_big(vm, v))
}

fn float_float(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let f = fval(args[0]);
    Ok(vm.float(f))
}

fn float_ratio(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let f = fval(args[0]);
    if f.is_infinite() {
        return Err(vm.err("OverflowError", "cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    let (m, e) = crate::format::float_repr::decompose(f);
    let (mut num, mut den) = (BigInt::from(m), BigInt::from(1));
    if e > 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    let g = num_integer::Integer::gcd(&num, &den);
    if !g.is_zero() {
        num /= &g;
        den /= &g;
    }
    let (a, b) = (int_from_big(vm, num), int_from_big(vm, den));
    Ok(vm.tuple(&[a, b]))
}

fn float_hex(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let f = fval(args[0]);
    let s = if f.is_nan() {
        "nan".to_string()
    } else if f.is_infinite() {
        if f > 0.0 { "inf" } else { "-inf" }.to_string()
    } else if f == 0.0 {
        if f.is_sign_negative() {
            "-0x0.0p+0"
        } else {
            "0x0.0p+0"
        }
        .to_string()
    } else {
        let bits = f.to_bits();
        let sign = if f < 0.0 { "-" } else { "" };
        let exp = ((bits >> 52) & 0x7ff) as i64;
        let man = bits & ((1 << 52) - 1);
        let (lead, e) = if exp == 0 {
            (0, -1022)
        } else {
            (1, exp - 1023)
        };
        let digits = format!("{man:013x}");
        format!(
            "{sign}0x{lead}.{digits}p{}{e}",
            if e >= 0 { "+" } else { "" }
        )
    };
    Ok(vm.new_str(s))
}

/// `float.fromhex(s)`.
fn float_fromhex(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "fromhex", &args[1..], 1, 1)?;
    let text = ops::str_of(args[1]).trim().to_ascii_lowercase();
    let bad = |vm: &mut Vm| vm.value_error("invalid hexadecimal floating-point string");
    let (neg, body) = match text.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, text.strip_prefix('+').unwrap_or(&text)),
    };
    let sign = if neg { -1.0 } else { 1.0 };
    match body {
        "inf" | "infinity" => return Ok(new_float(args[0], sign * f64::INFINITY)),
        "nan" => return Ok(new_float(args[0], f64::NAN)),
        _ => {}
    }
    let body = body.strip_prefix("0x").unwrap_or(body);
    let (mant, exp) = match body.split_once('p') {
        Some((m, e)) => match e.parse::<i64>() {
            Ok(e) => (m, e),
            Err(_) => return Err(bad(vm)),
        },
        None => (body, 0),
    };
    let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
    if ip.is_empty() && fp.is_empty() {
        return Err(bad(vm));
    }
    let mut m = BigInt::zero();
    for c in ip.chars().chain(fp.chars()) {
        match c.to_digit(16) {
            Some(d) => m = m * 16 + d,
            None => return Err(bad(vm)),
        }
    }
    let mut e = exp - 4 * fp.len() as i64;
    // Keep 64 significant bits (plus a sticky bit), then scale by 2**e.
    let bits = m.bits() as i64;
    let m64: u64 = if bits > 64 {
        let sh = (bits - 64) as usize;
        let mask: BigInt = (BigInt::from(1) << sh) - 1;
        let sticky = !(&m & mask).is_zero();
        e += sh as i64;
        (&m >> sh).to_u64().unwrap_or(u64::MAX) | sticky as u64
    } else {
        m.to_u64().unwrap_or(0)
    };
    let mut v = m64 as f64;
    let mut k = e.clamp(-2300, 2300);
    while k > 1000 {
        v *= 2f64.powi(1000);
        k -= 1000;
    }
    while k < -1000 {
        v *= 2f64.powi(-1000);
        k += 1000;
    }
    v *= 2f64.powi(k as i32);
    if v.is_infinite() {
        return Err(vm.err(
            "OverflowError",
            "hexadecimal value too large to represent as a float",
        ));
    }
    Ok(new_float(args[0], sign * v))
}

fn float_trunc(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    float_int(vm, args, &[])
}

fn getnewargs(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    Ok(vm.tuple(&[args[0]]))
}

/// The `__index__` of an int (an int object of class `int`).
fn int_index(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    if is::<IntObject>(args[0]) || is::<BigIntObject>(args[0]) {
        return int_self(vm, args, &[]);
    }
    Err(vm.type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        tname(args[0])
    )))
}

pub fn register(vm: &mut Vm) {
    let (i, b, f) = (vm.t.int, vm.t.bool_, vm.t.float);
    cast::<TypeObject>(i).native_new = Some(int_new);
    cast::<TypeObject>(b).native_new = Some(bool_new);
    cast::<TypeObject>(f).native_new = Some(float_new);
    def_method(vm, i, "bit_length", int_bit_length);
    def_method(vm, i, "bit_count", int_bit_count);
    def_method(vm, i, "__index__", int_index);
    def_method(vm, i, "__int__", int_self);
    def_method(vm, i, "__trunc__", int_self);
    def_method(vm, i, "__float__", int_float);
    def_method(vm, i, "conjugate", num_conjugate);
    def_method(vm, i, "as_integer_ratio", int_ratio);
    def_method(vm, i, "to_bytes", int_to_bytes);
    def_method(vm, i, "__getnewargs__", getnewargs);
    super::setup::def_classmethod(vm, i, "from_bytes", int_from_bytes);
    def_method(vm, f, "is_integer", float_is_integer);
    def_method(vm, f, "__int__", float_int);
    def_method(vm, f, "__trunc__", float_trunc);
    def_method(vm, f, "__float__", float_float);
    def_method(vm, f, "conjugate", num_conjugate);
    def_method(vm, f, "as_integer_ratio", float_ratio);
    def_method(vm, f, "hex", float_hex);
    super::setup::def_classmethod(vm, f, "fromhex", float_fromhex);
    let _ = class_of;
}

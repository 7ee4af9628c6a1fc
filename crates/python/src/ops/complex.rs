//! Complex arithmetic with CPython 3.11's algorithms and errors: the
//! operators `+ - * / **` between complex numbers and ints, floats or bools
//! (which take part as `complex(x, 0.0)`), unary `-`/`+`, `abs()`, `==`
//! and the hash. Reached from the slow paths of `num.rs`/`cmp.rs` only.
//!
//! Division scales by the larger part of the divisor; `**` with a small
//! integral exponent (|n| <= 100) multiplies by repeated squaring, any
//! other exponent goes through polar form; an infinite power result is an
//! `OverflowError`, a zero base to a negative or complex power a
//! `ZeroDivisionError`.

use super::num::{as_num, hash_float, to_f64, Num};
use crate::bytecode::BinOp;
use crate::object::complex::{complex_parts, ComplexObject};
use crate::object::{class_of, is, GcRef};
use crate::vm::{PyResult, Vm};
use std::cmp::Ordering;

/// A complex value as (real, imaginary).
pub type C = (f64, f64);

const ONE: C = (1.0, 0.0);

pub fn c_sum(a: C, b: C) -> C {
    (a.0 + b.0, a.1 + b.1)
}

pub fn c_diff(a: C, b: C) -> C {
    (a.0 - b.0, a.1 - b.1)
}

pub fn c_prod(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `a / b`; `None` when `b` is zero.
pub fn c_quot(a: C, b: C) -> Option<C> {
    let (abs_re, abs_im) = (b.0.abs(), b.1.abs());
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return None;
        }
        // Scale numerator and denominator by 1 / b.re.
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_im >= abs_re {
        // Scale by 1 / b.im.
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        // A NaN part in the divisor.
        Some((f64::NAN, f64::NAN))
    }
}

/// Why a power failed.
enum PowErr {
    /// Zero to a negative or complex power (or an underflowed divisor).
    Domain,
    /// An infinite result.
    Range,
}

/// `a ** b` in polar form; `None` for zero to a negative or complex power.
fn c_pow_polar(a: C, b: C) -> Option<C> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Some(ONE);
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return None;
        }
        return Some((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Some((len * phase.cos(), len * phase.sin()))
}

/// `x ** n` for `n >= 0` by repeated squaring.
fn c_powu(x: C, n: i64) -> C {
    let mut r = ONE;
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

fn c_powi(x: C, n: i64) -> Option<C> {
    if n > 0 {
        Some(c_powu(x, n))
    } else {
        c_quot(ONE, c_powu(x, -n))
    }
}

fn c_pow(a: C, b: C) -> Result<C, PowErr> {
    let r = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        c_powi(a, b.0 as i64)
    } else {
        c_pow_polar(a, b)
    };
    match r {
        None => Err(PowErr::Domain),
        Some(r) if r.0.is_infinite() || r.1.is_infinite() => Err(PowErr::Range),
        Some(r) => Ok(r),
    }
}

/// `a ** b` as an object (also used by float `**` with a negative base and
/// a fractional exponent, whose result is complex).
pub fn pow_obj(vm: &mut Vm, a: C, b: C) -> PyResult<GcRef> {
    match c_pow(a, b) {
        Ok((re, im)) => Ok(vm.complex(re, im)),
        Err(PowErr::Domain) => {
            Err(vm.err("ZeroDivisionError", "0.0 to a negative or complex power"))
        }
        Err(PowErr::Range) => Err(vm.err("OverflowError", "complex exponentiation")),
    }
}

/// A number seen as a complex operand: complex numbers as they are, ints,
/// bools and floats as `complex(x, 0.0)`; `None` for other objects.
pub fn operand(vm: &mut Vm, r: GcRef) -> PyResult<Option<C>> {
    if let Some(c) = complex_parts(r) {
        return Ok(Some(c));
    }
    match as_num(r) {
        Some(n) => Ok(Some((to_f64(vm, &n)?, 0.0))),
        None => Ok(None),
    }
}

/// Arithmetic where at least one operand is complex; `None` when the
/// operator or the other operand does not apply.
pub fn complex_op(vm: &mut Vm, a: GcRef, b: GcRef, op: BinOp) -> PyResult<Option<GcRef>> {
    if !is::<ComplexObject>(a) && !is::<ComplexObject>(b) {
        return Ok(None);
    }
    let base = op.base();
    if !matches!(
        base,
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::TrueDiv | BinOp::Pow
    ) {
        return Ok(None);
    }
    let (Some(x), Some(y)) = (operand(vm, a)?, operand(vm, b)?) else {
        return Ok(None);
    };
    let r = match base {
        BinOp::Add => c_sum(x, y),
        BinOp::Sub => c_diff(x, y),
        BinOp::Mul => c_prod(x, y),
        BinOp::TrueDiv => match c_quot(x, y) {
            Some(r) => r,
            None => return Err(vm.err("ZeroDivisionError", "complex division by zero")),
        },
        _ => return pow_obj(vm, x, y).map(Some),
    };
    Ok(Some(vm.complex(r.0, r.1)))
}

/// `-z`, `+z` for a complex object (`None` for other operators).
pub fn unary(vm: &mut Vm, z: GcRef, which: u8) -> Option<GcRef> {
    let (re, im) = complex_parts(z)?;
    match which {
        b'-' => Some(vm.complex(-re, -im)),
        b'+' if class_of(z) == vm.t.complex => Some(z),
        b'+' => Some(vm.complex(re, im)),
        _ => None,
    }
}

/// `abs(z)`: the hypotenuse; infinite when a part is, NaN when a part is
/// NaN, `OverflowError` when finite parts overflow.
pub fn abs(vm: &mut Vm, z: C) -> PyResult<f64> {
    let (re, im) = z;
    if re.is_infinite() || im.is_infinite() {
        return Ok(f64::INFINITY);
    }
    if re.is_nan() || im.is_nan() {
        return Ok(f64::NAN);
    }
    let r = re.hypot(im);
    if r.is_infinite() {
        return Err(vm.err("OverflowError", "absolute value too large"));
    }
    Ok(r)
}

/// `hash(z)`: equal to the hash of the real part when the imaginary part
/// is zero.
pub fn hash(z: C) -> i64 {
    let h = (hash_float(z.0) as u64).wrapping_add((hash_float(z.1) as u64).wrapping_mul(1000003));
    match h as i64 {
        -1 => -2,
        h => h,
    }
}

/// `a == b` when one side is complex; `None` if the other side is not a
/// number (then the comparison falls back to identity).
pub fn eq(a: GcRef, b: GcRef) -> Option<bool> {
    let (z, other) = match (complex_parts(a), complex_parts(b)) {
        (Some(x), Some(y)) => return Some(x.0 == y.0 && x.1 == y.1),
        (Some(z), None) => (z, b),
        (None, Some(z)) => (z, a),
        (None, None) => return None,
    };
    match as_num(other)? {
        Num::F(f) => Some(z.0 == f && z.1 == 0.0),
        n => Some(z.1 == 0.0 && super::cmp::num_cmp(&Num::F(z.0), &n) == Some(Ordering::Equal)),
    }
}

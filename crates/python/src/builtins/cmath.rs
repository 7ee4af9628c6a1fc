//! The `cmath` module: `sqrt`, `exp`, `log`, `log10`, `phase`, `polar`,
//! `rect`, `isclose`, `isnan`, `isinf`, `isfinite` and the constants, with
//! CPython's results for infinities, NaNs and signed zeros (C99 Annex G)
//! and its errors (`ValueError: math domain error`, `OverflowError: math
//! range error`).
//!
//! Finite arguments use scaled formulas that avoid spurious overflow and
//! underflow: `sqrt` works on `|z|/8` (or a scaled-up copy when both parts
//! are subnormal-small), `log` takes `log1p` near the unit circle.

use super::{check_args, kwarg};
use crate::object::complex::complex_parts;
use crate::object::func::KwArgs;
use crate::object::GcRef;
use crate::ops::{self, tname};
use crate::vm::{Exc, PyResult, Vm};
use std::f64::consts::{LN_10, LN_2, PI};

type C = (f64, f64);

/// Why a function failed: the errno CPython's C code would have set.
enum MathErr {
    Domain,
    Range,
}

fn math_error(vm: &mut Vm, e: MathErr) -> Exc {
    match e {
        MathErr::Domain => vm.value_error("math domain error"),
        MathErr::Range => vm.err("OverflowError", "math range error"),
    }
}

/// An argument as a complex number: complex objects, `__complex__`, then
/// anything `float()` of a number accepts.
fn arg(vm: &mut Vm, x: GcRef) -> PyResult<C> {
    if let Some(z) = complex_parts(x) {
        return Ok(z);
    }
    if let Some(r) = ops::call_method_opt(vm, x, "__complex__", &[])? {
        return match complex_parts(r) {
            Some(z) => Ok(z),
            None => Err(vm.type_error(format!(
                "__complex__ returned non-complex (type {})",
                tname(r)
            ))),
        };
    }
    Ok((real_arg(vm, x)?, 0.0))
}

/// A real argument (`rect`, the tolerances of `isclose`).
fn real_arg(vm: &mut Vm, x: GcRef) -> PyResult<f64> {
    if let Some(n) = ops::num::as_num(x) {
        return ops::num::to_f64(vm, &n);
    }
    let cls = crate::object::class_of(x);
    let has = |vm: &mut Vm, n: &str| ops::lookup_str(vm, cls, n).is_some();
    if !has(vm, "__float__") && !has(vm, "__index__") {
        return Err(vm.type_error(format!("must be real number, not {}", tname(x))));
    }
    super::ints::to_float(vm, x)
}

fn c_sqrt(z: C) -> C {
    let (re, im) = z;
    if !re.is_finite() || !im.is_finite() {
        if im.is_infinite() {
            return (f64::INFINITY, im);
        }
        if re == f64::INFINITY {
            return (
                f64::INFINITY,
                if im.is_nan() { im } else { 0.0f64.copysign(im) },
            );
        }
        if re == f64::NEG_INFINITY {
            return if im.is_nan() {
                (f64::NAN, f64::INFINITY)
            } else {
                (0.0, f64::INFINITY.copysign(im))
            };
        }
        return (f64::NAN, f64::NAN);
    }
    if re == 0.0 && im == 0.0 {
        return (0.0, im);
    }
    let (mut ax, ay) = (re.abs(), im.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // |z| may be subnormal: scale up by 2**53, take the root, scale
        // back by 2**-27 (half of 53 + 1).
        ax *= 2f64.powi(53);
        (ax + ax.hypot(ay * 2f64.powi(53))).sqrt() * 2f64.powi(-27)
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if re >= 0.0 {
        (s, d.copysign(im))
    } else {
        (d, s.copysign(im))
    }
}

fn c_exp(z: C) -> Result<C, MathErr> {
    let (re, im) = z;
    if !re.is_finite() || !im.is_finite() {
        if re == f64::NEG_INFINITY {
            if im.is_finite() {
                return Ok((0.0f64.copysign(im.cos()), 0.0f64.copysign(im.sin())));
            }
            return Ok((0.0, 0.0));
        }
        if re.is_nan() {
            return Ok((f64::NAN, if im == 0.0 { im } else { f64::NAN }));
        }
        // re is finite or +inf here.
        if im.is_infinite() {
            return Err(MathErr::Domain);
        }
        if im.is_nan() {
            return Ok((if re.is_infinite() { re } else { f64::NAN }, f64::NAN));
        }
        // re == +inf, im finite.
        if im == 0.0 {
            return Ok((re, im));
        }
        return Ok((re.copysign(im.cos()), re.copysign(im.sin())));
    }
    // log(DBL_MAX / 4): past it, exp(re) would overflow before the product.
    let large = (f64::MAX / 4.0).ln();
    let r = if re > large {
        let l = (re - 1.0).exp();
        (
            l * im.cos() * std::f64::consts::E,
            l * im.sin() * std::f64::consts::E,
        )
    } else {
        let l = re.exp();
        (l * im.cos(), l * im.sin())
    };
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(MathErr::Range);
    }
    Ok(r)
}

fn c_log(z: C) -> Result<C, MathErr> {
    let (re, im) = z;
    if !re.is_finite() || !im.is_finite() {
        if re.is_infinite() || im.is_infinite() {
            let phase = if re.is_nan() || im.is_nan() {
                f64::NAN
            } else {
                im.atan2(re)
            };
            return Ok((f64::INFINITY, phase));
        }
        return Ok((f64::NAN, f64::NAN));
    }
    let (ax, ay) = (re.abs(), im.abs());
    let real = if ax > f64::MAX / 4.0 || ay > f64::MAX / 4.0 {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            // Scale subnormal parts up by 2**53 first.
            let k = 2f64.powi(53);
            (ax * k).hypot(ay * k).ln() - 53.0 * LN_2
        } else {
            return Err(MathErr::Domain);
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    Ok((real, im.atan2(re)))
}

fn c_rect(r: f64, phi: f64) -> Result<C, MathErr> {
    if !r.is_finite() || !phi.is_finite() {
        if r.is_nan() {
            return Ok((f64::NAN, if phi == 0.0 { 0.0 } else { f64::NAN }));
        }
        if phi.is_infinite() {
            if r == 0.0 {
                return Ok((0.0, 0.0));
            }
            return Err(MathErr::Domain);
        }
        if phi.is_nan() {
            return Ok(if r == 0.0 {
                (0.0, 0.0)
            } else if r.is_infinite() {
                (f64::INFINITY, f64::NAN)
            } else {
                (f64::NAN, f64::NAN)
            });
        }
        // r infinite, phi finite.
        if phi == 0.0 {
            return Ok((r, if r > 0.0 { phi } else { -phi }));
        }
        return Ok((r * phi.cos(), r * phi.sin()));
    }
    if phi == 0.0 {
        return Ok((r, r * phi));
    }
    Ok((r * phi.cos(), r * phi.sin()))
}

/// `abs(z)` for `polar` (an overflow is a range error).
fn c_abs(z: C) -> Result<f64, MathErr> {
    if z.0.is_infinite() || z.1.is_infinite() {
        return Ok(f64::INFINITY);
    }
    if z.0.is_nan() || z.1.is_nan() {
        return Ok(f64::NAN);
    }
    let r = z.0.hypot(z.1);
    if r.is_infinite() {
        return Err(MathErr::Range);
    }
    Ok(r)
}

fn one_arg(vm: &mut Vm, name: &str, args: &[GcRef], kw: KwArgs) -> PyResult<C> {
    super::no_kw(vm, name, kw)?;
    check_args(vm, name, args, 1, 1)?;
    arg(vm, args[0])
}

fn cm_sqrt(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let z = one_arg(vm, "cmath.sqrt", args, kw)?;
    let (re, im) = c_sqrt(z);
    Ok(vm.complex(re, im))
}

fn cm_exp(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let z = one_arg(vm, "cmath.exp", args, kw)?;
    let (re, im) = c_exp(z).map_err(|e| math_error(vm, e))?;
    Ok(vm.complex(re, im))
}

fn cm_log(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    super::no_kw(vm, "cmath.log", kw)?;
    let a = args;
    check_args(vm, "log", a, 1, 2)?;
    let x = arg(vm, a[0])?;
    let base = match a.get(1) {
        Some(b) => Some(arg(vm, *b)?),
        None => None,
    };
    let mut err = None;
    let mut r = c_log(x).unwrap_or_else(|e| {
        err = Some(e);
        (f64::NEG_INFINITY, x.1.atan2(x.0))
    });
    if let Some(b) = base {
        let lb = c_log(b).unwrap_or_else(|e| {
            err = Some(e);
            (f64::NEG_INFINITY, b.1.atan2(b.0))
        });
        r = match crate::ops::complex::c_quot(r, lb) {
            Some(q) => q,
            None => {
                err = Some(MathErr::Domain);
                (0.0, 0.0)
            }
        };
    }
    if let Some(e) = err {
        return Err(math_error(vm, e));
    }
    Ok(vm.complex(r.0, r.1))
}

fn cm_log10(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let z = one_arg(vm, "cmath.log10", args, kw)?;
    let (re, im) = c_log(z).map_err(|e| math_error(vm, e))?;
    Ok(vm.complex(re / LN_10, im / LN_10))
}

fn cm_phase(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let z = one_arg(vm, "cmath.phase", args, kw)?;
    Ok(vm.float(z.1.atan2(z.0)))
}

fn cm_polar(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let z = one_arg(vm, "cmath.polar", args, kw)?;
    let r = c_abs(z).map_err(|e| math_error(vm, e))?;
    let a = vm.float(r);
    let keep = vm.list(vec![a]);
    let b = vm.float(z.1.atan2(z.0));
    let t = vm.tuple(&[a, b]);
    crate::object::keep_alive(keep);
    Ok(t)
}

fn cm_rect(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    super::no_kw(vm, "rect", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("rect expected 2 arguments, got {}", args.len())));
    }
    let r = real_arg(vm, args[0])?;
    let phi = real_arg(vm, args[1])?;
    let (re, im) = c_rect(r, phi).map_err(|e| math_error(vm, e))?;
    Ok(vm.complex(re, im))
}

fn cm_isclose(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    for (k, _) in kw {
        let k = ops::str_of(*k);
        if !matches!(k, "rel_tol" | "abs_tol") {
            return Err(vm.type_error(format!(
                "'{k}' is an invalid keyword argument for isclose()"
            )));
        }
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.len()
        )));
    }
    if args.len() < 2 {
        let (name, pos) = if args.is_empty() { ("a", 1) } else { ("b", 2) };
        return Err(vm.type_error(format!(
            "isclose() missing required argument '{name}' (pos {pos})"
        )));
    }
    let a = arg(vm, args[0])?;
    let b = arg(vm, args[1])?;
    let rel = match kwarg(kw, "rel_tol") {
        Some(v) => real_arg(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match kwarg(kw, "abs_tol") {
        Some(v) => real_arg(vm, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(vm.true_);
    }
    if a.0.is_infinite() || a.1.is_infinite() || b.0.is_infinite() || b.1.is_infinite() {
        return Ok(vm.false_);
    }
    let size = |z: C| c_abs(z).unwrap_or(f64::INFINITY);
    let diff = size((b.0 - a.0, b.1 - a.1));
    let close = diff <= rel * size(b) || diff <= rel * size(a) || diff <= abs_tol;
    Ok(vm.bool(close))
}

fn cm_isnan(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let z = one_arg(vm, "cmath.isnan", args, kw)?;
    Ok(vm.bool(z.0.is_nan() || z.1.is_nan()))
}

fn cm_isinf(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let z = one_arg(vm, "cmath.isinf", args, kw)?;
    Ok(vm.bool(z.0.is_infinite() || z.1.is_infinite()))
}

fn cm_isfinite(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let z = one_arg(vm, "cmath.isfinite", args, kw)?;
    Ok(vm.bool(z.0.is_finite() && z.1.is_finite()))
}

pub fn register(vm: &mut Vm) {
    let d = vm.dict();
    for (n, v) in [
        ("pi", PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        let f = vm.float(v);
        let k = vm.intern(n);
        crate::object::dict::set_str(d, k, f);
    }
    for (n, im) in [("infj", f64::INFINITY), ("nanj", f64::NAN)] {
        let z = vm.complex(0.0, im);
        let k = vm.intern(n);
        crate::object::dict::set_str(d, k, z);
    }
    let fns: &[(&'static str, crate::object::func::NativeFn)] = &[
        ("sqrt", cm_sqrt),
        ("exp", cm_exp),
        ("log", cm_log),
        ("log10", cm_log10),
        ("phase", cm_phase),
        ("polar", cm_polar),
        ("rect", cm_rect),
        ("isclose", cm_isclose),
        ("isnan", cm_isnan),
        ("isinf", cm_isinf),
        ("isfinite", cm_isfinite),
    ];
    for (n, f) in fns {
        vm.def_fn(d, n, *f);
    }
    super::import::add_native_module(vm, "cmath", d);
}

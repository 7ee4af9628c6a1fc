//! The `complex` type: its constructor (`complex(real, imag)` with
//! CPython's rules for numbers, `__complex__`/`__float__`/`__index__`
//! objects, complex arguments and strings) and its methods
//! (`conjugate`, `__complex__`, `__getnewargs__`, `__format__`). The
//! arithmetic lives in `ops::complex`, the text forms in
//! `format::complex`.

use super::check_args;
use super::setup::def_method;
use crate::format::complex::{format_complex, parse_complex, ParseError};
use crate::object::complex::{complex_parts, new_complex, ComplexObject};
use crate::object::func::KwArgs;
use crate::object::str::StrObject;
use crate::object::typeobj::TypeObject;
use crate::object::{cast, class_of, is, GcRef};
use crate::ops::num::as_num;
use crate::ops::{self, str_of, tname};
use crate::vm::{PyResult, Vm};

/// Is `r` a number `complex()` accepts (an int, float or complex, or an
/// object with `__float__` or `__index__`)?
fn is_number(vm: &mut Vm, r: GcRef) -> bool {
    if as_num(r).is_some() || is::<ComplexObject>(r) {
        return true;
    }
    let cls = class_of(r);
    ops::lookup_str(vm, cls, "__float__").is_some() || ops::lookup_str(vm, cls, "__index__").is_some()
}

/// The result of `x.__complex__()` if `x`'s type defines it.
fn complex_special(vm: &mut Vm, x: GcRef) -> PyResult<Option<GcRef>> {
    if class_of(x) == vm.t.complex {
        return Ok(None);
    }
    let Some(r) = ops::call_method_opt(vm, x, "__complex__", &[])? else {
        return Ok(None);
    };
    if !is::<ComplexObject>(r) {
        return Err(vm.type_error(format!(
            "__complex__ returned non-complex (type {})",
            tname(r)
        )));
    }
    Ok(Some(r))
}

/// `complex(s)` for a str.
fn from_str(vm: &mut Vm, cls: GcRef, s: GcRef) -> PyResult<GcRef> {
    match parse_complex(str_of(s)) {
        Ok((re, im)) => Ok(new_complex(cls, re, im)),
        Err(ParseError::Malformed) => Err(vm.value_error("complex() arg is a malformed string")),
        Err(ParseError::Underscore) => {
            let r = ops::repr::repr(vm, s)?;
            Err(vm.value_error(format!("could not convert string to complex: {r}")))
        }
    }
}

/// `complex.__new__(cls, real=0, imag=0)`.
fn complex_new(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let cls = args[0];
    let pos = &args[1..];
    if pos.len() + kw.len() > 2 {
        return Err(vm.type_error(format!(
            "complex() takes at most 2 arguments ({} given)",
            pos.len() + kw.len()
        )));
    }
    let (mut real, mut imag) = (pos.first().copied(), pos.get(1).copied());
    for (k, v) in kw {
        let name = str_of(*k);
        let (slot, index) = match name {
            "real" => (&mut real, 0),
            "imag" => (&mut imag, 1),
            _ => {
                return Err(vm.type_error(format!(
                    "'{name}' is an invalid keyword argument for complex()"
                )))
            }
        };
        if slot.is_some() {
            return Err(vm.type_error(format!(
                "argument for complex() given by name ('{name}') and position ({})",
                index + 1
            )));
        }
        *slot = Some(*v);
    }
    let r = match real {
        Some(r) => r,
        None => vm.int(0),
    };
    if class_of(r) == vm.t.complex && imag.is_none() && cls == vm.t.complex {
        return Ok(r);
    }
    if is::<StrObject>(r) {
        if imag.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        return from_str(vm, cls, r);
    }
    if imag.is_some_and(is::<StrObject>) {
        return Err(vm.type_error("complex() second arg can't be a string"));
    }
    let r = complex_special(vm, r)?.unwrap_or(r);
    if !is_number(vm, r) {
        return Err(vm.type_error(format!(
            "complex() first argument must be a string or a number, not '{}'",
            tname(r)
        )));
    }
    if let Some(i) = imag {
        if !is_number(vm, i) {
            return Err(vm.type_error(format!(
                "complex() second argument must be a number, not '{}'",
                tname(i)
            )));
        }
    }
    // real + imag*1j, where either may itself be complex.
    let (mut re, r_imag, r_complex) = match complex_parts(r) {
        Some((a, b)) => (a, b, true),
        None => (super::ints::to_float(vm, r)?, 0.0, false),
    };
    let mut im = match imag {
        None => r_imag,
        Some(i) => match complex_parts(i) {
            Some((a, b)) => {
                re -= b;
                a
            }
            None => super::ints::to_float(vm, i)?,
        },
    };
    if r_complex && imag.is_some() {
        im += r_imag;
    }
    Ok(new_complex(cls, re, im))
}

fn parts(vm: &mut Vm, name: &str, r: GcRef) -> PyResult<(f64, f64)> {
    match complex_parts(r) {
        Some(z) => Ok(z),
        None => Err(vm.type_error(format!(
            "descriptor '{name}' for 'complex' objects doesn't apply to a '{}' object",
            tname(r)
        ))),
    }
}

fn complex_conjugate(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "conjugate", &args[1..], 0, 0)?;
    let (re, im) = parts(vm, "conjugate", args[0])?;
    Ok(vm.complex(re, -im))
}

fn complex_complex(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "__complex__", &args[1..], 0, 0)?;
    let (re, im) = parts(vm, "__complex__", args[0])?;
    if class_of(args[0]) == vm.t.complex {
        return Ok(args[0]);
    }
    Ok(vm.complex(re, im))
}

fn complex_getnewargs(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "__getnewargs__", &args[1..], 0, 0)?;
    let (re, im) = parts(vm, "__getnewargs__", args[0])?;
    let a = vm.float(re);
    let keep = vm.list(vec![a]);
    let b = vm.float(im);
    let t = vm.tuple(&[a, b]);
    crate::object::keep_alive(keep);
    Ok(t)
}

fn complex_format(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "__format__", &args[1..], 1, 1)?;
    let (re, im) = parts(vm, "__format__", args[0])?;
    if !is::<StrObject>(args[1]) {
        return Err(vm.type_error(format!(
            "__format__() argument must be str, not {}",
            tname(args[1])
        )));
    }
    let tn = tname(args[0]);
    let s = format_complex(re, im, str_of(args[1]), &tn).map_err(|e| super::fmt_err(vm, e))?;
    Ok(vm.new_str(s))
}

pub fn register(vm: &mut Vm) {
    let c = vm.t.complex;
    cast::<TypeObject>(c).native_new = Some(complex_new);
    def_method(vm, c, "conjugate", complex_conjugate);
    def_method(vm, c, "__complex__", complex_complex);
    def_method(vm, c, "__getnewargs__", complex_getnewargs);
    def_method(vm, c, "__format__", complex_format);
}

//! The `complex` type: its constructor (`complex(real, imag)` with
//! CPython's rules for numbers, `__complex__`/`__float__`/`__index__`
//! objects, complex arguments and strings) and its methods
//! (`conjugate`, `__complex__`, `__getnewargs__`, `__format__`, and the
//! explicit operator methods `__add__` ... `__rpow__`, `__neg__`,
//! `__abs__`, `__hash__`, `__repr__`, `__eq__` ... that `z.__add__(w)` and
//! `super()` calls in subclasses reach). The operators themselves do not go
//! through these methods: the arithmetic lives in `ops::complex`, the text
//! forms in `format::complex`.

use super::check_args;
use super::setup::def_method;
use crate::bytecode::{BinOp, CmpOp};
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
    ops::lookup_str(vm, cls, "__float__").is_some()
        || ops::lookup_str(vm, cls, "__index__").is_some()
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

/// [`parts`] for the operator methods, which CPython words differently.
fn slot_parts(vm: &mut Vm, name: &str, r: GcRef) -> PyResult<(f64, f64)> {
    match complex_parts(r) {
        Some(z) => Ok(z),
        None => Err(vm.type_error(format!(
            "descriptor '{name}' requires a 'complex' object but received a '{}'",
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

/// `self <op> other` (or `other <op> self` when `reflected`) as the
/// explicit special methods see it: `NotImplemented` for other types.
fn binary(vm: &mut Vm, name: &str, args: &[GcRef], op: BinOp, reflected: bool) -> PyResult<GcRef> {
    let max = if op == BinOp::Pow { 2 } else { 1 };
    check_args(vm, name, &args[1..], 1, max)?;
    slot_parts(vm, name, args[0])?;
    if args.get(2).is_some_and(|m| *m != vm.none) {
        return Err(vm.value_error("complex modulo"));
    }
    let (a, b) = if reflected {
        (args[1], args[0])
    } else {
        (args[0], args[1])
    };
    Ok(ops::complex::complex_op(vm, a, b, op)?.unwrap_or(vm.notimpl))
}

macro_rules! binary_methods {
    ($($f:ident, $name:literal, $op:ident, $rev:expr;)*) => {
        $(
            fn $f(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
                binary(vm, $name, args, BinOp::$op, $rev)
            }
        )*
        const BINARY_METHODS: &[(&str, crate::object::func::NativeFn)] = &[$(($name, $f)),*];
    };
}

binary_methods! {
    c_add, "__add__", Add, false;
    c_radd, "__radd__", Add, true;
    c_sub, "__sub__", Sub, false;
    c_rsub, "__rsub__", Sub, true;
    c_mul, "__mul__", Mul, false;
    c_rmul, "__rmul__", Mul, true;
    c_truediv, "__truediv__", TrueDiv, false;
    c_rtruediv, "__rtruediv__", TrueDiv, true;
    c_pow, "__pow__", Pow, false;
    c_rpow, "__rpow__", Pow, true;
}

fn unary(vm: &mut Vm, name: &str, args: &[GcRef], which: u8) -> PyResult<GcRef> {
    check_args(vm, name, &args[1..], 0, 0)?;
    let z = slot_parts(vm, name, args[0])?;
    match which {
        b'a' => {
            let r = ops::complex::abs(vm, z)?;
            Ok(vm.float(r))
        }
        b'b' => Ok(vm.bool(z.0 != 0.0 || z.1 != 0.0)),
        b'h' => Ok(vm.int(ops::complex::hash(z))),
        b'r' => {
            let s = crate::format::complex::complex_repr(z.0, z.1);
            Ok(vm.new_str(s))
        }
        _ => Ok(ops::complex::unary(vm, args[0], which).unwrap_or(vm.notimpl)),
    }
}

macro_rules! unary_methods {
    ($($f:ident, $name:literal, $which:literal;)*) => {
        $(
            fn $f(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
                unary(vm, $name, args, $which)
            }
        )*
        const UNARY_METHODS: &[(&str, crate::object::func::NativeFn)] = &[$(($name, $f)),*];
    };
}

unary_methods! {
    c_neg, "__neg__", b'-';
    c_pos, "__pos__", b'+';
    c_abs, "__abs__", b'a';
    c_bool, "__bool__", b'b';
    c_hash, "__hash__", b'h';
    c_repr, "__repr__", b'r';
}

/// `__eq__`/`__ne__` (numbers only) and the orderings (never supported).
fn compare(vm: &mut Vm, name: &str, args: &[GcRef], op: CmpOp) -> PyResult<GcRef> {
    check_args(vm, name, &args[1..], 1, 1)?;
    slot_parts(vm, name, args[0])?;
    let eq = match op {
        CmpOp::Eq | CmpOp::Ne => ops::complex::eq(args[0], args[1]),
        _ => None,
    };
    Ok(match eq {
        Some(e) => vm.bool(e == (op == CmpOp::Eq)),
        None => vm.notimpl,
    })
}

macro_rules! compare_methods {
    ($($f:ident, $name:literal, $op:ident;)*) => {
        $(
            fn $f(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
                compare(vm, $name, args, CmpOp::$op)
            }
        )*
        const COMPARE_METHODS: &[(&str, crate::object::func::NativeFn)] = &[$(($name, $f)),*];
    };
}

compare_methods! {
    c_eq, "__eq__", Eq;
    c_ne, "__ne__", Ne;
    c_lt, "__lt__", Lt;
    c_le, "__le__", Le;
    c_gt, "__gt__", Gt;
    c_ge, "__ge__", Ge;
}

pub fn register(vm: &mut Vm) {
    let c = vm.t.complex;
    cast::<TypeObject>(c).native_new = Some(complex_new);
    def_method(vm, c, "conjugate", complex_conjugate);
    def_method(vm, c, "__complex__", complex_complex);
    def_method(vm, c, "__getnewargs__", complex_getnewargs);
    def_method(vm, c, "__format__", complex_format);
    for (name, f) in BINARY_METHODS
        .iter()
        .chain(UNARY_METHODS)
        .chain(COMPARE_METHODS)
    {
        def_method(vm, c, name, *f);
    }
}

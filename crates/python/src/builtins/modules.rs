//! The native modules: `sys`, `math` and `time`.

use super::check_args;
use super::gamma::MathError;
use crate::format::float_repr::float_to_bigint;
use crate::interp::frame::FrameObject;
use crate::object::dict::set_str;
use crate::object::func::KwArgs;
use crate::object::int::FloatObject;
use crate::object::seq::tuple_items;
use crate::object::{cast, class_of, try_cast, GcRef};
use crate::ops::num::{as_num, int_from_big, to_big, Num};
use crate::ops::{self, tname};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

fn set(vm: &mut Vm, d: GcRef, name: &str, v: GcRef) {
    let k = vm.intern(name);
    set_str(d, k, v);
}

// ---- sys ----

fn sys_exit(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "exit", args, 0, 1)?;
    let cls = vm.exc_type("SystemExit");
    let a = vm.tuple(args);
    Err(crate::vm::Exc(crate::object::exc::new_exception(
        cls,
        vm.root_map,
        a,
    )))
}

fn getrecursionlimit(vm: &mut Vm, _args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let n = vm.recursion_limit as i64;
    Ok(vm.int(n))
}

fn setrecursionlimit(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "setrecursionlimit", args, 1, 1)?;
    let n = ops::item::index_value(vm, args[0])?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    vm.recursion_limit = n as usize;
    Ok(vm.none)
}

fn getframe(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let depth = match args.first() {
        Some(d) => ops::item::index_value(vm, *d)?,
        None => 0,
    };
    let mut f = vm.frame;
    for _ in 0..depth {
        f = f.and_then(|fr| cast::<FrameObject>(fr).back);
    }
    match f {
        Some(f) => Ok(f),
        None => Err(vm.value_error("call stack is not deep enough")),
    }
}

fn exc_info(vm: &mut Vm, _args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    match vm.exc_info {
        Some(e) => {
            let tb = try_cast::<crate::object::exc::ExceptionObject>(e)
                .and_then(|x| x.traceback)
                .unwrap_or(vm.none);
            Ok(vm.tuple(&[class_of(e), e, tb]))
        }
        None => {
            let n = vm.none;
            Ok(vm.tuple(&[n, n, n]))
        }
    }
}

fn exception(vm: &mut Vm, _args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    Ok(vm.exc_info.unwrap_or(vm.none))
}

fn intern(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "intern", args, 1, 1)?;
    let s = ops::str_of(args[0]).to_string();
    Ok(vm.intern(&s))
}

fn getsizeof(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "getsizeof", args, 1, 2)?;
    let n = kiln_gc::type_info(args[0].type_id()).map_or(16, |t| t.size) as i64;
    Ok(vm.int(n))
}

fn getdefaultencoding(vm: &mut Vm, _args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    Ok(vm.intern("utf-8"))
}

fn set_int_max_str_digits(vm: &mut Vm, _args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    Ok(vm.none)
}

/// A plain object with the given attributes (for `sys.float_info` etc.).
fn record(vm: &mut Vm, name: &str, fields: &[(&str, GcRef)]) -> GcRef {
    let object = vm.t.object;
    let ty = super::setup::new_builtin_type(
        vm,
        name,
        object,
        crate::object::typeobj::InstLayout::Instance,
    );
    let o = crate::object::instance::new_instance(ty, vm.root_map);
    for (f, v) in fields {
        let k = vm.intern(f);
        ops::inst_set(o, ops::attrs_of(o).unwrap(), k, *v);
    }
    o
}

/// A tuple subclass whose items are also named attributes (CPython's
/// struct sequences such as `sys.version_info`), found by `_fields`.
fn struct_seq_type(vm: &mut Vm, name: &str, fields: &[&str]) -> GcRef {
    let tuple = vm.t.tuple;
    let ty = super::setup::new_builtin_type(
        vm,
        name,
        tuple,
        crate::object::typeobj::InstLayout::Builtin,
    );
    let d = cast::<crate::object::typeobj::TypeObject>(ty)
        .dict
        .expect("type dict");
    let names = vm.tuple_map(fields.iter(), |vm, f| vm.intern(f));
    set(vm, d, "_fields", names);
    ty
}

/// One struct sequence of a fresh type (for singletons like `version_info`).
fn struct_seq(vm: &mut Vm, name: &str, fields: &[&str], items: &[GcRef]) -> GcRef {
    let ty = struct_seq_type(vm, name, fields);
    crate::object::seq::new_tuple(ty, items)
}

fn init_sys(vm: &mut Vm) {
    let d = vm.dict();
    let argv = vm.list_map(vm.argv.clone(), |vm, a| vm.new_str(a));
    set(vm, d, "argv", argv);
    let path = vm.list_map(vm.path.clone(), |vm, a| vm.new_str(a));
    set(vm, d, "path", path);
    let m = vm.modules;
    set(vm, d, "modules", m);
    let v = vm.int(i64::MAX);
    set(vm, d, "maxsize", v);
    let v = vm.int(0x10ffff);
    set(vm, d, "maxunicode", v);
    let v = vm.new_str(format!("3.11.0 (Kiln {})", env!("CARGO_PKG_VERSION")));
    set(vm, d, "version", v);
    let parts = [
        vm.int(3),
        vm.int(11),
        vm.int(0),
        vm.intern("final"),
        vm.int(0),
    ];
    let vi = struct_seq(
        vm,
        "version_info",
        &["major", "minor", "micro", "releaselevel", "serial"],
        &parts,
    );
    set(vm, d, "version_info", vi);
    let v = vm.intern("linux");
    set(vm, d, "platform", v);
    let v = vm.intern("little");
    set(vm, d, "byteorder", v);
    let v = vm.new_str("kiln");
    set(vm, d, "executable", v);
    let name = vm.intern("kiln");
    let imp = record(vm, "implementation", &[("name", name), ("version", vi)]);
    set(vm, d, "implementation", imp);
    let fi = [
        ("max", vm.float(f64::MAX)),
        ("min", vm.float(f64::MIN_POSITIVE)),
        ("epsilon", vm.float(f64::EPSILON)),
        ("dig", vm.int(15)),
        ("mant_dig", vm.int(53)),
        ("max_exp", vm.int(1024)),
        ("min_exp", vm.int(-1021)),
        ("radix", vm.int(2)),
    ];
    let fi = record(vm, "float_info", &fi);
    set(vm, d, "float_info", fi);
    let [si, so, se] = super::io::std_streams(vm);
    for (n, v) in [
        ("stdin", si),
        ("stdout", so),
        ("stderr", se),
        ("__stdin__", si),
        ("__stdout__", so),
        ("__stderr__", se),
    ] {
        set(vm, d, n, v);
    }
    let fns: &[(&'static str, crate::object::func::NativeFn)] = &[
        ("exit", sys_exit),
        ("getrecursionlimit", getrecursionlimit),
        ("setrecursionlimit", setrecursionlimit),
        ("_getframe", getframe),
        ("exc_info", exc_info),
        ("exception", exception),
        ("intern", intern),
        ("getsizeof", getsizeof),
        ("getdefaultencoding", getdefaultencoding),
        ("set_int_max_str_digits", set_int_max_str_digits),
    ];
    for (n, f) in fns {
        vm.def_fn(d, n, *f);
    }
    let m = super::import::add_native_module(vm, "sys", d);
    vm.sys = Some(m);
    vm.keep(m);
}

/// Refreshes `sys.argv` and `sys.path` from `vm.argv` / `vm.path` (the CLI
/// sets them after the VM exists).
pub fn refresh_sys(vm: &mut Vm) {
    let Some(sys) = vm.sys else { return };
    let d = cast::<crate::object::misc::ModuleObject>(sys)
        .dict
        .expect("sys dict");
    let argv = vm.list_map(vm.argv.clone(), |vm, a| vm.new_str(a));
    set(vm, d, "argv", argv);
    let path = vm.list_map(vm.path.clone(), |vm, a| vm.new_str(a));
    set(vm, d, "path", path);
}

// ---- math ----

fn num_arg(vm: &mut Vm, x: GcRef) -> PyResult<f64> {
    match as_num(x) {
        Some(n) => ops::num::to_f64(vm, &n),
        None => {
            if let Some(v) = ops::call_method_opt(vm, x, "__float__", &[])? {
                if let Some(f) = try_cast::<FloatObject>(v) {
                    return Ok(f.value);
                }
            }
            if let Some(v) = ops::call_method_opt(vm, x, "__index__", &[])? {
                if let Some(n) = as_num(v) {
                    return ops::num::to_f64(vm, &n);
                }
            }
            Err(vm.type_error(format!("must be real number, not {}", tname(x))))
        }
    }
}

fn domain(vm: &mut Vm) -> crate::vm::Exc {
    vm.value_error("math domain error")
}

/// Checks a libm result like CPython: NaN from non-NaN input is a domain
/// error, infinity from finite input a range error.
fn checked(vm: &mut Vm, x: f64, r: f64, can_overflow: bool) -> PyResult<GcRef> {
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            vm.err("OverflowError", "math range error")
        } else {
            domain(vm)
        });
    }
    Ok(vm.float(r))
}

macro_rules! math1 {
    ($name:ident, $f:expr, $ovf:expr) => {
        fn $name(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
            check_args(vm, stringify!($name), args, 1, 1)?;
            let x = num_arg(vm, args[0])?;
            let f: fn(f64) -> f64 = $f;
            checked(vm, x, f(x), $ovf)
        }
    };
}

math1!(sqrt, |x| if x < 0.0 { f64::NAN } else { x.sqrt() }, false);
math1!(exp, f64::exp, true);
math1!(expm1, f64::exp_m1, true);
math1!(
    sin,
    |x| if x.is_infinite() { f64::NAN } else { x.sin() },
    false
);
math1!(
    cos,
    |x| if x.is_infinite() { f64::NAN } else { x.cos() },
    false
);
math1!(
    tan,
    |x| if x.is_infinite() { f64::NAN } else { x.tan() },
    false
);
math1!(asin, f64::asin, false);
math1!(acos, f64::acos, false);
math1!(atan, f64::atan, false);
math1!(sinh, f64::sinh, true);
math1!(cosh, f64::cosh, true);
math1!(tanh, f64::tanh, false);
math1!(asinh, f64::asinh, false);
math1!(acosh, f64::acosh, false);
math1!(
    atanh,
    |x| if x.abs() >= 1.0 { f64::NAN } else { x.atanh() },
    false
);
math1!(fabs, f64::abs, false);
math1!(
    log2_f,
    |x| if x <= 0.0 { f64::NAN } else { x.log2() },
    false
);
math1!(
    log10_f,
    |x| if x <= 0.0 { f64::NAN } else { x.log10() },
    false
);
math1!(
    log1p,
    |x| if x <= -1.0 { f64::NAN } else { x.ln_1p() },
    false
);
math1!(degrees, f64::to_degrees, false);
math1!(erf, libm::erf, false);
math1!(erfc, libm::erfc, false);
fn gamma_fn(vm: &mut Vm, args: &[GcRef], f: fn(f64) -> Result<f64, MathError>) -> PyResult<GcRef> {
    check_args(vm, "gamma", args, 1, 1)?;
    let x = num_arg(vm, args[0])?;
    match f(x) {
        Ok(r) => Ok(vm.float(r)),
        Err(MathError::Domain) => Err(domain(vm)),
        Err(MathError::Range) => Err(vm.err("OverflowError", "math range error")),
    }
}
fn gamma(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    gamma_fn(vm, args, super::gamma::gamma)
}
fn lgamma(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    gamma_fn(vm, args, super::gamma::lgamma)
}
math1!(cbrt, f64::cbrt, false);
math1!(radians, f64::to_radians, false);

/// `log` of an int of any size (exact for big ints).
fn log_of(vm: &mut Vm, x: GcRef) -> PyResult<f64> {
    if let Some(Num::B(b)) = as_num(x) {
        if !b.is_positive() {
            return Err(domain(vm));
        }
        let bits = b.bits() as i64;
        let shift = (bits - 64).max(0);
        let top = (b >> shift as usize).to_f64().unwrap_or(f64::INFINITY);
        return Ok(top.ln() + shift as f64 * std::f64::consts::LN_2);
    }
    let v = num_arg(vm, x)?;
    if v <= 0.0 || v.is_nan() {
        return if v.is_nan() { Ok(v) } else { Err(domain(vm)) };
    }
    Ok(v.ln())
}

fn log(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "log", args, 1, 2)?;
    let a = log_of(vm, args[0])?;
    let r = match args.get(1) {
        Some(b) => {
            let lb = log_of(vm, *b)?;
            if lb == 0.0 {
                return Err(vm.err("ZeroDivisionError", "float division by zero"));
            }
            a / lb
        }
        None => a,
    };
    Ok(vm.float(r))
}

fn log2(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    if let Some(Num::B(_)) = args.first().and_then(|a| as_num(*a)) {
        let l = log_of(vm, args[0])?;
        return Ok(vm.float(l / std::f64::consts::LN_2));
    }
    log2_f(vm, args, kw)
}

fn log10(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    if let Some(Num::B(_)) = args.first().and_then(|a| as_num(*a)) {
        let l = log_of(vm, args[0])?;
        return Ok(vm.float(l / std::f64::consts::LN_10));
    }
    log10_f(vm, args, kw)
}

fn atan2(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "atan2", args, 2, 2)?;
    let (y, x) = (num_arg(vm, args[0])?, num_arg(vm, args[1])?);
    Ok(vm.float(y.atan2(x)))
}

fn fmod(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "fmod", args, 2, 2)?;
    let (x, y) = (num_arg(vm, args[0])?, num_arg(vm, args[1])?);
    if y == 0.0 || x.is_infinite() {
        return Err(domain(vm));
    }
    Ok(vm.float(x % y))
}

fn copysign(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "copysign", args, 2, 2)?;
    let (x, y) = (num_arg(vm, args[0])?, num_arg(vm, args[1])?);
    Ok(vm.float(x.copysign(y)))
}

fn math_pow(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "pow", args, 2, 2)?;
    let (x, y) = (num_arg(vm, args[0])?, num_arg(vm, args[1])?);
    let r = x.powf(y);
    if x == 0.0 && y < 0.0 {
        return Err(domain(vm));
    }
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.err("OverflowError", "math range error"));
    }
    Ok(vm.float(r))
}

fn hypot(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let mut acc = 0.0f64;
    for a in args {
        let x = num_arg(vm, *a)?;
        acc = acc.hypot(x);
    }
    Ok(vm.float(acc))
}

fn dist(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "dist", args, 2, 2)?;
    let p = super::seqs::to_vec(vm, args[0])?;
    let q = super::seqs::to_vec(vm, args[1])?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut acc = 0.0f64;
    for (a, b) in p.iter().zip(q.iter()) {
        let d = num_arg(vm, *a)? - num_arg(vm, *b)?;
        acc = acc.hypot(d);
    }
    Ok(vm.float(acc))
}

fn round_to_int(
    vm: &mut Vm,
    args: &[GcRef],
    name: &str,
    dunder: &str,
    f: fn(f64) -> f64,
) -> PyResult<GcRef> {
    check_args(vm, name, args, 1, 1)?;
    let x = args[0];
    match as_num(x) {
        Some(Num::F(v)) => {
            let r = float_to_bigint(f(v), false).map_err(|e| super::fmt_err(vm, e))?;
            Ok(int_from_big(vm, r))
        }
        Some(n) => {
            let v = to_big(&n);
            Ok(int_from_big(vm, v))
        }
        None => {
            if let Some(r) = ops::call_method_opt(vm, x, dunder, &[])? {
                return Ok(r);
            }
            // trunc() accepts only objects with __trunc__; floor and ceil
            // fall back to float().
            if dunder == "__trunc__" {
                return Err(
                    vm.type_error(format!("type {} doesn't define __trunc__ method", tname(x)))
                );
            }
            let v = num_arg(vm, x)?;
            let r = float_to_bigint(f(v), false).map_err(|e| super::fmt_err(vm, e))?;
            Ok(int_from_big(vm, r))
        }
    }
}

fn floor(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    round_to_int(vm, args, "floor", "__floor__", f64::floor)
}
fn ceil(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    round_to_int(vm, args, "ceil", "__ceil__", f64::ceil)
}
fn trunc(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    round_to_int(vm, args, "trunc", "__trunc__", f64::trunc)
}

fn pred(vm: &mut Vm, args: &[GcRef], name: &str, p: fn(f64) -> bool) -> PyResult<GcRef> {
    check_args(vm, name, args, 1, 1)?;
    let x = num_arg(vm, args[0])?;
    Ok(vm.bool(p(x)))
}
fn isfinite(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    pred(vm, args, "isfinite", f64::is_finite)
}
fn isinf(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    pred(vm, args, "isinf", f64::is_infinite)
}
fn isnan(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    pred(vm, args, "isnan", f64::is_nan)
}

fn isclose(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "isclose", args, 2, 2)?;
    let (a, b) = (num_arg(vm, args[0])?, num_arg(vm, args[1])?);
    let rel = match super::kwarg(kw, "rel_tol") {
        Some(v) => num_arg(vm, v)?,
        None => 1e-9,
    };
    let abs = match super::kwarg(kw, "abs_tol") {
        Some(v) => num_arg(vm, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(vm.true_);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(vm.false_);
    }
    let d = (b - a).abs();
    let r = d <= (rel * b).abs() || d <= (rel * a).abs() || d <= abs;
    Ok(vm.bool(r))
}

fn int_args(vm: &mut Vm, args: &[GcRef], name: &str) -> PyResult<Vec<BigInt>> {
    let mut out = Vec::new();
    for a in args {
        match as_num(*a) {
            Some(Num::F(_)) | None => {
                if let Some(v) = ops::call_method_opt(vm, *a, "__index__", &[])? {
                    if let Some(n) = as_num(v).filter(|n| !matches!(n, Num::F(_))) {
                        out.push(to_big(&n));
                        continue;
                    }
                }
                let _ = name;
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    tname(*a)
                )));
            }
            Some(n) => out.push(to_big(&n)),
        }
    }
    Ok(out)
}

fn factorial(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "factorial", args, 1, 1)?;
    let n = int_args(vm, args, "factorial")?.remove(0);
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let n = n.to_u64().unwrap_or(u64::MAX);
    let mut acc = BigInt::one();
    for i in 2..=n {
        acc *= i;
    }
    Ok(int_from_big(vm, acc))
}

fn gcd(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let v = int_args(vm, args, "gcd")?;
    let g = v.iter().fold(BigInt::zero(), |a, b| a.gcd(b));
    Ok(int_from_big(vm, g))
}

fn lcm(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let v = int_args(vm, args, "lcm")?;
    let l = v.iter().fold(BigInt::one(), |a, b| {
        if b.is_zero() || a.is_zero() {
            BigInt::zero()
        } else {
            a.lcm(b)
        }
    });
    Ok(int_from_big(vm, l))
}

fn comb_perm(vm: &mut Vm, args: &[GcRef], comb: bool) -> PyResult<GcRef> {
    let name = if comb { "comb" } else { "perm" };
    check_args(vm, name, args, if comb { 2 } else { 1 }, 2)?;
    let v = int_args(vm, args, name)?;
    let n = v[0].clone();
    let k = v.get(1).cloned().unwrap_or_else(|| n.clone());
    if n.is_negative() || k.is_negative() {
        return Err(vm.value_error(format!(
            "{} must be a non-negative integer",
            if n.is_negative() { "n" } else { "k" }
        )));
    }
    if k > n {
        return Ok(vm.int(0));
    }
    let k = k.to_u64().unwrap_or(0);
    let k = if comb {
        k.min((&n - BigInt::from(k)).to_u64().unwrap_or(k))
    } else {
        k
    };
    let mut acc = BigInt::one();
    for i in 0..k {
        acc *= &n - BigInt::from(i);
        if comb {
            acc /= BigInt::from(i + 1);
        }
    }
    Ok(int_from_big(vm, acc))
}
fn comb(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    comb_perm(vm, args, true)
}
fn perm(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    comb_perm(vm, args, false)
}

fn isqrt(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "isqrt", args, 1, 1)?;
    let n = int_args(vm, args, "isqrt")?.remove(0);
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    let r = n.sqrt();
    Ok(int_from_big(vm, r))
}

fn frexp(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "frexp", args, 1, 1)?;
    let x = num_arg(vm, args[0])?;
    if x == 0.0 || !x.is_finite() {
        let (m, e) = (vm.float(x), vm.int(0));
        return Ok(vm.tuple(&[m, e]));
    }
    let (mut y, mut adj) = (x, 0i64);
    if y.abs() < f64::MIN_POSITIVE {
        y *= 2f64.powi(54);
        adj = -54;
    }
    let bits = y.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i64 - 1022 + adj;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    let (m, e) = (vm.float(m), vm.int(e));
    Ok(vm.tuple(&[m, e]))
}

fn ldexp(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "ldexp", args, 2, 2)?;
    let x = num_arg(vm, args[0])?;
    let e = ops::item::index_value(vm, args[1])?;
    let e = e.clamp(-2200, 2200) as i32;
    let mut r = x;
    // Scale in steps to stay exact through subnormals.
    let mut k = e;
    while k > 1000 {
        r *= 2f64.powi(1000);
        k -= 1000;
    }
    while k < -1000 {
        r *= 2f64.powi(-1000);
        k += 1000;
    }
    r *= 2f64.powi(k);
    if r.is_infinite() && x.is_finite() {
        return Err(vm.err("OverflowError", "math range error"));
    }
    Ok(vm.float(r))
}

fn modf(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "modf", args, 1, 1)?;
    let x = num_arg(vm, args[0])?;
    let i = x.trunc();
    let f = if x.is_infinite() {
        0.0f64.copysign(x)
    } else {
        x - i
    };
    let (a, b) = (vm.float(f), vm.float(i));
    Ok(vm.tuple(&[a, b]))
}

/// `math.fsum`: exact summation (Shewchuk's partials, as CPython).
fn fsum(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "fsum", args, 1, 1)?;
    let items = super::seqs::to_vec(vm, args[0])?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    for it in items {
        let mut x = num_arg(vm, it)?;
        if !x.is_finite() {
            special += x;
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    if special != 0.0 || special.is_nan() {
        return Ok(vm.float(special));
    }
    let mut hi = 0.0;
    if let Some(mut n) = partials.len().checked_sub(1) {
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(vm.float(hi))
}

fn prod(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "prod", args, 1, 1)?;
    let mut acc = super::kwarg(kw, "start").unwrap_or_else(|| vm.int(1));
    let items = super::seqs::to_list(vm, args[0])?;
    let keep = vm.list(vec![acc]);
    for x in crate::object::seq::list_items(items).clone() {
        acc = ops::num::binary_op(vm, acc, x, crate::bytecode::BinOp::Mul)?;
        crate::object::seq::list_items(keep)[0] = acc;
    }
    Ok(acc)
}

fn init_math(vm: &mut Vm) {
    let d = vm.dict();
    for (n, v) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        let f = vm.float(v);
        set(vm, d, n, f);
    }
    let fns: &[(&'static str, crate::object::func::NativeFn)] = &[
        ("sqrt", sqrt),
        ("exp", exp),
        ("expm1", expm1),
        ("sin", sin),
        ("cos", cos),
        ("tan", tan),
        ("asin", asin),
        ("acos", acos),
        ("atan", atan),
        ("sinh", sinh),
        ("cosh", cosh),
        ("tanh", tanh),
        ("asinh", asinh),
        ("acosh", acosh),
        ("atanh", atanh),
        ("fabs", fabs),
        ("log", log),
        ("log2", log2),
        ("log10", log10),
        ("log1p", log1p),
        ("degrees", degrees),
        ("radians", radians),
        ("atan2", atan2),
        ("fmod", fmod),
        ("copysign", copysign),
        ("pow", math_pow),
        ("hypot", hypot),
        ("dist", dist),
        ("floor", floor),
        ("ceil", ceil),
        ("trunc", trunc),
        ("isfinite", isfinite),
        ("isinf", isinf),
        ("isnan", isnan),
        ("isclose", isclose),
        ("factorial", factorial),
        ("gcd", gcd),
        ("lcm", lcm),
        ("comb", comb),
        ("perm", perm),
        ("isqrt", isqrt),
        ("frexp", frexp),
        ("ldexp", ldexp),
        ("modf", modf),
        ("fsum", fsum),
        ("prod", prod),
        ("erf", erf),
        ("erfc", erfc),
        ("gamma", gamma),
        ("lgamma", lgamma),
        ("cbrt", cbrt),
    ];
    for (n, f) in fns {
        vm.def_fn(d, n, *f);
    }
    super::import::add_native_module(vm, "math", d);
}

// ---- time ----

fn now() -> std::time::Duration {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
}

fn start() -> std::time::Instant {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    *START.get_or_init(std::time::Instant::now)
}

fn time_time(vm: &mut Vm, _args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    Ok(vm.float(now().as_secs_f64()))
}
fn time_time_ns(vm: &mut Vm, _args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    Ok(vm.int(now().as_nanos() as i64))
}
fn perf_counter(vm: &mut Vm, _args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    Ok(vm.float(start().elapsed().as_secs_f64()))
}
fn perf_counter_ns(vm: &mut Vm, _args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    Ok(vm.int(start().elapsed().as_nanos() as i64))
}
fn sleep(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "sleep", args, 1, 1)?;
    let s = num_arg(vm, args[0])?;
    if s < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    super::io::flush_stdout();
    std::thread::sleep(std::time::Duration::from_secs_f64(s));
    Ok(vm.none)
}

/// Civil date of a day count since 1970-01-01 (proleptic Gregorian).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// The broken-down UTC time of `secs` (the process runs its clock in UTC:
/// `localtime` is `gmtime`).
fn broken_down(secs: i64) -> [i64; 9] {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let cum = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let yday = cum[(m - 1) as usize] + d + if m > 2 && is_leap(y) { 1 } else { 0 };
    let wday = (days + 3).rem_euclid(7); // 1970-01-01 was a Thursday (3).
    [
        y,
        m,
        d,
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        wday,
        yday,
        0,
    ]
}

const TM_FIELDS: [&str; 9] = [
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
];

fn gmtime(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "gmtime", args, 0, 1)?;
    let secs = match args.first().filter(|a| **a != vm.none) {
        Some(a) => num_arg(vm, *a)?.floor() as i64,
        None => now().as_secs() as i64,
    };
    let parts_t = vm.tuple_map(broken_down(secs), |vm, v| vm.int(v));
    let parts: Vec<GcRef> = tuple_items(parts_t).to_vec();
    let (tk, sk) = (vm.intern("time"), vm.intern("struct_time"));
    let ty = crate::object::dict::get_str(vm.modules, tk)
        .and_then(|m| cast::<crate::object::misc::ModuleObject>(m).dict)
        .and_then(|d| crate::object::dict::get_str(d, sk))
        .expect("time.struct_time");
    let t = crate::object::seq::new_tuple(ty, &parts);
    crate::object::keep_alive(parts_t);
    Ok(t)
}

fn tm_parts(vm: &mut Vm, t: Option<GcRef>) -> PyResult<[i64; 9]> {
    match t {
        None => Ok(broken_down(now().as_secs() as i64)),
        Some(t) => {
            let items = super::seqs::to_vec(vm, t)?;
            if items.len() < 9 {
                return Err(vm.type_error("time tuple must have 9 elements"));
            }
            let mut out = [0i64; 9];
            for (i, it) in items.iter().take(9).enumerate() {
                out[i] = ops::item::index_value(vm, *it)?;
            }
            Ok(out)
        }
    }
}

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn strftime(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "strftime", args, 1, 2)?;
    let fmt = ops::str_of(args[0]).to_string();
    let [y, mo, d, h, mi, se, wd, yd, _] = tm_parts(vm, args.get(1).copied())?;
    let (wd, mo_i) = (wd.rem_euclid(7) as usize, (mo - 1).clamp(0, 11) as usize);
    let mut out = String::new();
    let mut it = fmt.chars();
    while let Some(c) = it.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('Y') => out.push_str(&y.to_string()),
            Some('y') => out.push_str(&format!("{:02}", y.rem_euclid(100))),
            Some('m') => out.push_str(&format!("{mo:02}")),
            Some('d') => out.push_str(&format!("{d:02}")),
            Some('H') => out.push_str(&format!("{h:02}")),
            Some('I') => out.push_str(&format!("{:02}", if h % 12 == 0 { 12 } else { h % 12 })),
            Some('M') => out.push_str(&format!("{mi:02}")),
            Some('S') => out.push_str(&format!("{se:02}")),
            Some('p') => out.push_str(if h < 12 { "AM" } else { "PM" }),
            Some('j') => out.push_str(&format!("{yd:03}")),
            Some('a') => out.push_str(&DAYS[wd][..3]),
            Some('A') => out.push_str(DAYS[wd]),
            Some('b') => out.push_str(&MONTHS[mo_i][..3]),
            Some('B') => out.push_str(MONTHS[mo_i]),
            Some('w') => out.push_str(&((wd + 1) % 7).to_string()),
            Some('Z') => out.push_str("UTC"),
            Some('z') => out.push_str("+0000"),
            Some('%') => out.push('%'),
            Some(o) => {
                out.push('%');
                out.push(o);
            }
            None => out.push('%'),
        }
    }
    Ok(vm.new_str(out))
}

fn init_time(vm: &mut Vm) {
    let d = vm.dict();
    let _ = start();
    let fns: &[(&'static str, crate::object::func::NativeFn)] = &[
        ("time", time_time),
        ("time_ns", time_time_ns),
        ("perf_counter", perf_counter),
        ("perf_counter_ns", perf_counter_ns),
        ("monotonic", perf_counter),
        ("monotonic_ns", perf_counter_ns),
        ("process_time", perf_counter),
        ("process_time_ns", perf_counter_ns),
        ("sleep", sleep),
        ("gmtime", gmtime),
        ("localtime", gmtime),
        ("strftime", strftime),
    ];
    for (n, f) in fns {
        vm.def_fn(d, n, *f);
    }
    let st = struct_seq_type(vm, "struct_time", &TM_FIELDS);
    set(vm, d, "struct_time", st);
    super::import::add_native_module(vm, "time", d);
}

pub fn register(vm: &mut Vm) {
    init_sys(vm);
    init_math(vm);
    init_time(vm);
}

//! The builtin functions (`print`, `len`, `sorted`, `min`, `isinstance`,
//! `getattr`, `round`, `exec`, ...) and the helpers they share with the
//! interpreter (`func_name`, `dir_of`).

use super::{check_args, fmt_err, kwarg, only_kw};
use crate::interp::frame::{slots, FrameObject};
use crate::object::dict::{get_str, set_str, table, DictObject};
use crate::object::func::{BuiltinFunctionObject, CodeObj, FunctionObject, KwArgs, MethodObject};
use crate::object::int::{BigIntObject, FloatObject, IntObject};
use crate::object::misc::ModuleObject;
use crate::object::seq::{list_items, tuple_items, TupleObject};
use crate::object::str::{BytesObject, StrObject};
use crate::object::typeobj::TypeObject;
use crate::object::{cast, class_of, is, try_cast, GcRef};
use crate::ops::num::{as_num, int_from_big, to_big, Num};
use crate::ops::{self, str_of, tname};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, Zero};

/// `f()` as CPython names a callable in argument errors.
pub fn func_name(_vm: &mut Vm, f: GcRef) -> String {
    if let Some(func) = try_cast::<FunctionObject>(f) {
        return format!("{}()", func.qualname.map_or("?", str_of));
    }
    if let Some(m) = try_cast::<MethodObject>(f) {
        return func_name(_vm, m.func.expect("func"));
    }
    if let Some(b) = try_cast::<BuiltinFunctionObject>(f) {
        return format!("{}()", b.name);
    }
    if is::<TypeObject>(f) {
        return format!("{}()", ops::type_name_of(f));
    }
    format!("{} object", tname(f))
}

/// `dir(obj)`: the sorted attribute names.
pub fn dir_of(vm: &mut Vm, obj: GcRef) -> PyResult<GcRef> {
    let mut names: Vec<String> = Vec::new();
    let add_dict = |d: GcRef, names: &mut Vec<String>| {
        for e in table(d).iter() {
            if let Some(k) = e.key.filter(|k| is::<StrObject>(*k)) {
                names.push(str_of(k).to_string());
            }
        }
    };
    if let Some(m) = try_cast::<ModuleObject>(obj) {
        add_dict(m.dict.expect("module dict"), &mut names);
    } else {
        if let Some(d) = ops::inst_dict(vm, obj) {
            add_dict(d, &mut names);
        }
        let cls = if is::<TypeObject>(obj) {
            obj
        } else {
            class_of(obj)
        };
        let mro: Vec<GcRef> = cast::<TypeObject>(cls)
            .mro
            .iter()
            .flatten()
            .copied()
            .collect();
        for c in mro {
            if let Some(d) = cast::<TypeObject>(c).dict {
                add_dict(d, &mut names);
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(vm.list_map(names, |vm, n| vm.new_str(n)))
}

// ---- output ----

fn print(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    only_kw(vm, "print", kw, &["sep", "end", "file", "flush"])?;
    let text_arg = |vm: &mut Vm, name: &str, default: &str| -> PyResult<String> {
        match kwarg(kw, name) {
            None => Ok(default.to_string()),
            Some(v) if v == vm.none => Ok(default.to_string()),
            Some(v) if is::<StrObject>(v) => Ok(str_of(v).to_string()),
            Some(v) => {
                Err(vm.type_error(format!("{name} must be None or a string, not {}", tname(v))))
            }
        }
    };
    let sep = text_arg(vm, "sep", " ")?;
    let end = text_arg(vm, "end", "\n")?;
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&ops::repr::str_(vm, *a)?);
    }
    out.push_str(&end);
    let file = kwarg(kw, "file").filter(|f| *f != vm.none);
    match file {
        None => super::io::write_stdout(vm, &out)?,
        Some(f) => {
            let s = vm.new_str(out);
            let w = vm.intern("write");
            let m = ops::getattr(vm, f, w)?;
            ops::call(vm, m, &[s], &[])?;
        }
    }
    if kwarg(kw, "flush").is_some_and(|f| f == vm.true_) {
        super::io::flush_stdout();
    }
    Ok(vm.none)
}

fn input(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    if let Some(p) = args.first() {
        let s = ops::repr::str_(vm, *p)?;
        super::io::write_stdout(vm, &s)?;
    }
    super::io::flush_stdout();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(vm.err("EOFError", "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(vm.new_str(line))
        }
        Err(e) => Err(vm.err("OSError", e.to_string())),
    }
}

// ---- objects ----

fn len(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    super::no_kw(vm, "len", kw)?;
    check_args(vm, "len", args, 1, 1)?;
    let n = ops::item::len(vm, args[0])?;
    Ok(vm.int(n as i64))
}

fn repr(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "repr", args, 1, 1)?;
    let s = ops::repr::repr(vm, args[0])?;
    Ok(vm.new_str(s))
}

fn ascii(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "ascii", args, 1, 1)?;
    let s = ops::repr::repr(vm, args[0])?;
    Ok(vm.new_str(super::strs::ascii_escape(&s)))
}

fn id(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "id", args, 1, 1)?;
    Ok(vm.int(args[0].addr() as i64))
}

fn hash(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "hash", args, 1, 1)?;
    let h = ops::hash(vm, args[0])?;
    Ok(vm.int(h))
}

fn callable(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "callable", args, 1, 1)?;
    let c = ops::callable(vm, args[0]);
    Ok(vm.bool(c))
}

fn attr_name(vm: &mut Vm, n: GcRef) -> PyResult<GcRef> {
    if is::<StrObject>(n) {
        Ok(n)
    } else {
        Err(vm.type_error(format!("attribute name must be string, not '{}'", tname(n))))
    }
}

fn getattr(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "getattr", args, 2, 3)?;
    let n = attr_name(vm, args[1])?;
    match ops::getattr(vm, args[0], n) {
        Ok(v) => Ok(v),
        Err(e) if args.len() == 3 && vm.exc_matches(e.0, "AttributeError") => Ok(args[2]),
        Err(e) => Err(e),
    }
}

fn hasattr(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "hasattr", args, 2, 2)?;
    let n = attr_name(vm, args[1])?;
    match ops::getattr(vm, args[0], n) {
        Ok(_) => Ok(vm.true_),
        Err(e) if vm.exc_matches(e.0, "AttributeError") => Ok(vm.false_),
        Err(e) => Err(e),
    }
}

fn setattr(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "setattr", args, 3, 3)?;
    let n = attr_name(vm, args[1])?;
    let n = vm.intern(str_of(n));
    ops::setattr(vm, args[0], n, args[2])?;
    Ok(vm.none)
}

fn delattr(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "delattr", args, 2, 2)?;
    let n = attr_name(vm, args[1])?;
    ops::delattr(vm, args[0], n)?;
    Ok(vm.none)
}

fn class_list(vm: &mut Vm, c: GcRef, fname: &str) -> PyResult<Vec<GcRef>> {
    if is::<TupleObject>(c) {
        let mut out = Vec::new();
        for x in tuple_items(c).to_vec() {
            out.extend(class_list(vm, x, fname)?);
        }
        return Ok(out);
    }
    if !is::<TypeObject>(c) {
        return Err(vm.type_error(format!(
            "{fname}() arg 2 must be a type, a tuple of types, or a union"
        )));
    }
    Ok(vec![c])
}

/// `isinstance(obj, cls)` with `__instancecheck__` on metaclasses.
pub fn isinstance_of(vm: &mut Vm, obj: GcRef, c: GcRef) -> PyResult<bool> {
    if is::<TypeObject>(c) && class_of(c) != vm.t.type_ {
        let n = vm.intern("__instancecheck__");
        let meta = class_of(c);
        if let Some(m) = ops::lookup(vm, meta, n) {
            if is::<FunctionObject>(m) {
                let r = ops::call(vm, m, &[c, obj], &[])?;
                return ops::truthy(vm, r);
            }
        }
    }
    for cls in class_list(vm, c, "isinstance")? {
        if ops::isinstance(obj, cls) {
            return Ok(true);
        }
        // A class with a metaclass inside a tuple gets its own check.
        if is::<TupleObject>(c) && class_of(cls) != vm.t.type_ && isinstance_of(vm, obj, cls)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn isinstance(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "isinstance", args, 2, 2)?;
    let r = isinstance_of(vm, args[0], args[1])?;
    Ok(vm.bool(r))
}

/// `issubclass(a, b)` with `__subclasscheck__` on metaclasses.
pub fn issubclass_of(vm: &mut Vm, a: GcRef, c: GcRef) -> PyResult<bool> {
    if !is::<TypeObject>(a) {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    if is::<TypeObject>(c) && class_of(c) != vm.t.type_ {
        let n = vm.intern("__subclasscheck__");
        let meta = class_of(c);
        if let Some(m) = ops::lookup(vm, meta, n) {
            if is::<FunctionObject>(m) {
                let r = ops::call(vm, m, &[c, a], &[])?;
                return ops::truthy(vm, r);
            }
        }
    }
    for cls in class_list(vm, c, "issubclass")? {
        if vm.is_subtype(a, cls) {
            return Ok(true);
        }
        if is::<TupleObject>(c) && class_of(cls) != vm.t.type_ && issubclass_of(vm, a, cls)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn issubclass(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "issubclass", args, 2, 2)?;
    let r = issubclass_of(vm, args[0], args[1])?;
    Ok(vm.bool(r))
}

fn vars(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "vars", args, 0, 1)?;
    match args.first() {
        None => locals(vm, &[], &[]),
        Some(o) => {
            let n = vm.intern("__dict__");
            match ops::getattr(vm, *o, n) {
                Ok(d) => Ok(d),
                Err(e) if vm.exc_matches(e.0, "AttributeError") => {
                    Err(vm.type_error("vars() argument must have __dict__ attribute"))
                }
                Err(e) => Err(e),
            }
        }
    }
}

fn dir(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "dir", args, 0, 1)?;
    match args.first() {
        Some(o) => {
            if cast::<TypeObject>(class_of(*o)).heap {
                if let Some(r) = ops::call_method_opt(vm, *o, "__dir__", &[])? {
                    let l = super::seqs::to_list(vm, r)?;
                    let mut items = list_items(l).clone();
                    super::seqs::sort_items(vm, &mut items, None, false)?;
                    return Ok(vm.list(items));
                }
            }
            dir_of(vm, *o)
        }
        None => {
            let l = locals(vm, &[], &[])?;
            let mut names: Vec<String> = table(l)
                .iter()
                .filter_map(|e| e.key)
                .map(|k| str_of(k).to_string())
                .collect();
            names.sort();
            Ok(vm.list_map(names, |vm, n| vm.new_str(n)))
        }
    }
}

fn globals(vm: &mut Vm, _args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let f = vm.frame.expect("frame");
    Ok(cast::<FrameObject>(f).globals.expect("globals"))
}

/// `locals()` of the running frame: its mapping, or a snapshot dict of
/// its fast locals and cells.
fn locals(vm: &mut Vm, _args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let f = vm.frame.expect("frame");
    if let Some(l) = cast::<FrameObject>(f).locals {
        return Ok(l);
    }
    let code = cast::<FrameObject>(f).code.expect("code");
    let co = cast::<CodeObj>(code).code.clone();
    let d = vm.dict();
    let nv = co.varnames.len();
    let ncell = co.cellvars.len() + co.freevars.len();
    for i in 0..nv + ncell {
        let Some(v) = slots(f)[i] else { continue };
        let v = if i >= nv {
            match cast::<crate::object::func::CellObject>(v).value {
                Some(x) => x,
                None => continue,
            }
        } else {
            v
        };
        let name = cast::<CodeObj>(code).varnames[i].expect("varname");
        set_str(d, name, v);
    }
    Ok(d)
}

// ---- iteration ----

fn any(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "any", args, 1, 1)?;
    let it = ops::iter(vm, args[0])?;
    while let Some(x) = ops::next(vm, it)? {
        if ops::truthy(vm, x)? {
            return Ok(vm.true_);
        }
    }
    Ok(vm.false_)
}

fn all(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "all", args, 1, 1)?;
    let it = ops::iter(vm, args[0])?;
    while let Some(x) = ops::next(vm, it)? {
        if !ops::truthy(vm, x)? {
            return Ok(vm.false_);
        }
    }
    Ok(vm.true_)
}

fn sum(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    only_kw(vm, "sum", kw, &["start"])?;
    if args.is_empty() || args.len() > 2 {
        return Err(vm.type_error(format!(
            "sum() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let mut acc = args
        .get(1)
        .copied()
        .or(kwarg(kw, "start"))
        .unwrap_or_else(|| vm.int(0));
    if is::<StrObject>(acc) {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let keep = vm.list(vec![acc]);
    let it = ops::iter(vm, args[0])?;
    while let Some(x) = ops::next(vm, it)? {
        acc = ops::num::binary_op(vm, acc, x, crate::bytecode::BinOp::Add)?;
        list_items(keep)[0] = acc;
    }
    Ok(acc)
}

fn min_max(vm: &mut Vm, args: &[GcRef], kw: KwArgs, is_max: bool) -> PyResult<GcRef> {
    let name = if is_max { "max" } else { "min" };
    only_kw(vm, name, kw, &["key", "default"])?;
    let key = kwarg(kw, "key").filter(|k| *k != vm.none);
    let default = kwarg(kw, "default");
    let items = match args.len() {
        0 => return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => super::seqs::to_list(vm, args[0])?,
        _ => {
            if default.is_some() {
                return Err(vm.type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            vm.list(args.to_vec())
        }
    };
    let v = list_items(items).clone();
    if v.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
        };
    }
    let mut best = v[0];
    let mut best_key = match key {
        Some(k) => ops::call(vm, k, &[best], &[])?,
        None => best,
    };
    let keep = vm.list(vec![best_key]);
    for x in v.into_iter().skip(1) {
        let kx = match key {
            Some(k) => ops::call(vm, k, &[x], &[])?,
            None => x,
        };
        let better = if is_max {
            ops::cmp::gt(vm, kx, best_key)?
        } else {
            ops::cmp::lt(vm, kx, best_key)?
        };
        if better {
            best = x;
            best_key = kx;
            list_items(keep)[0] = kx;
        }
    }
    crate::object::keep_alive(items);
    Ok(best)
}

fn min(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    min_max(vm, args, kw, false)
}
fn max(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    min_max(vm, args, kw, true)
}

fn sorted(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    if args.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", args.len())));
    }
    let (key, rev) = super::seqs::sort_kw(vm, kw)?;
    let l = super::seqs::to_list(vm, args[0])?;
    let mut items = list_items(l).clone();
    super::seqs::sort_items(vm, &mut items, key, rev)?;
    *list_items(l) = items;
    Ok(l)
}

// ---- numbers ----

fn abs(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "abs", args, 1, 1)?;
    let x = args[0];
    let heap = cast::<TypeObject>(class_of(x)).heap;
    if !heap {
        if let Some(r) = builtin_abs(vm, x)? {
            return Ok(r);
        }
    }
    if let Some(r) = ops::call_method_opt(vm, x, "__abs__", &[])? {
        return Ok(r);
    }
    // Subclasses of the number types inherit abs().
    if heap {
        if let Some(r) = builtin_abs(vm, x)? {
            return Ok(r);
        }
    }
    Err(vm.type_error(format!("bad operand type for abs(): '{}'", tname(x))))
}

/// `abs()` of the builtin number layouts; `None` for other objects.
fn builtin_abs(vm: &mut Vm, x: GcRef) -> PyResult<Option<GcRef>> {
    if let Some(z) = crate::object::complex::complex_parts(x) {
        let r = ops::complex::abs(vm, z)?;
        return Ok(Some(vm.float(r)));
    }
    Ok(match as_num(x) {
        Some(Num::I(i)) => Some(match i.checked_abs() {
            Some(v) => vm.int(v),
            None => int_from_big(vm, BigInt::from(i).abs()),
        }),
        Some(Num::B(b)) => {
            let v = b.abs();
            Some(int_from_big(vm, v))
        }
        Some(Num::F(f)) => Some(vm.float(f.abs())),
        None => None,
    })
}

fn divmod(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "divmod", args, 2, 2)?;
    let (a, b) = (args[0], args[1]);
    if cast::<TypeObject>(class_of(a)).heap {
        if let Some(r) = ops::call_method_opt(vm, a, "__divmod__", &[b])? {
            if r != vm.notimpl {
                return Ok(r);
            }
        }
    }
    if as_num(a).is_none() || as_num(b).is_none() {
        return Err(vm.type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            tname(a),
            tname(b)
        )));
    }
    let q = ops::num::binary_op(vm, a, b, crate::bytecode::BinOp::FloorDiv)?;
    let keep = vm.list(vec![q]);
    let r = ops::num::binary_op(vm, a, b, crate::bytecode::BinOp::Mod)?;
    crate::object::keep_alive(keep);
    Ok(vm.tuple(&[q, r]))
}

fn pow(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let mut a = args.to_vec();
    for n in ["base", "exp", "mod"] {
        if let Some(v) = kwarg(kw, n) {
            a.push(v);
        }
    }
    check_args(vm, "pow", &a, 2, 3)?;
    if a.len() == 3 && a[2] != vm.none {
        return ops::num::pow3(vm, a[0], a[1], a[2]);
    }
    ops::num::binary_op(vm, a[0], a[1], crate::bytecode::BinOp::Pow)
}

fn round(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let mut a = args.to_vec();
    if let Some(v) = kwarg(kw, "ndigits") {
        a.push(v);
    }
    check_args(vm, "round", &a, 1, 2)?;
    let x = a[0];
    let nd = a.get(1).copied().filter(|n| *n != vm.none);
    if cast::<TypeObject>(class_of(x)).heap || as_num(x).is_none() {
        let extra: Vec<GcRef> = nd.into_iter().collect();
        if let Some(r) = ops::call_method_opt(vm, x, "__round__", &extra)? {
            return Ok(r);
        }
        return Err(vm.type_error(format!("type {} doesn't define __round__ method", tname(x))));
    }
    match as_num(x).unwrap() {
        Num::F(f) => match nd {
            None => {
                let v = crate::format::float_repr::float_to_bigint(f, true)
                    .map_err(|e| fmt_err(vm, e))?;
                Ok(int_from_big(vm, v))
            }
            Some(n) => {
                let n = ops::item::index_value(vm, n)?;
                let r = crate::format::float_repr::round_float(f, n).map_err(|e| fmt_err(vm, e))?;
                Ok(vm.float(r))
            }
        },
        n => {
            let v = to_big(&n);
            let Some(nd) = nd else {
                return Ok(int_from_big(vm, v));
            };
            let nd = ops::item::index_value(vm, nd)?;
            if nd >= 0 {
                return Ok(int_from_big(vm, v));
            }
            let p = num_traits::pow(BigInt::from(10), (-nd) as usize);
            let (q, r) = num_integer::Integer::div_mod_floor(&v, &p);
            let twice = &r * 2;
            let q = if twice > p || (twice == p && num_integer::Integer::is_odd(&q)) {
                q + 1
            } else {
                q
            };
            Ok(int_from_big(vm, q * p))
        }
    }
}

fn int_arg(vm: &mut Vm, x: GcRef) -> PyResult<BigInt> {
    match as_num(x) {
        Some(Num::I(i)) => Ok(BigInt::from(i)),
        Some(Num::B(b)) => Ok(b.clone()),
        _ => {
            if let Some(v) = ops::call_method_opt(vm, x, "__index__", &[])? {
                if let Some(n) = as_num(v).filter(|n| !matches!(n, Num::F(_))) {
                    return Ok(to_big(&n));
                }
            }
            Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                tname(x)
            )))
        }
    }
}

fn radix(vm: &mut Vm, args: &[GcRef], name: &str, base: u32, prefix: &str) -> PyResult<GcRef> {
    check_args(vm, name, args, 1, 1)?;
    let v = int_arg(vm, args[0])?;
    let sign = if v.is_negative() { "-" } else { "" };
    let digits = v.abs().to_str_radix(base);
    Ok(vm.new_str(format!("{sign}{prefix}{digits}")))
}

fn hex(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    radix(vm, args, "hex", 16, "0x")
}
fn oct(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    radix(vm, args, "oct", 8, "0o")
}
fn bin(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    radix(vm, args, "bin", 2, "0b")
}

fn ord(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "ord", args, 1, 1)?;
    if let Some(s) = try_cast::<StrObject>(args[0]) {
        if s.len == 1 {
            let c = s.s.chars().next().unwrap() as i64;
            return Ok(vm.int(c));
        }
        let n = s.len;
        return Err(vm.type_error(format!(
            "ord() expected a character, but string of length {n} found"
        )));
    }
    if let Some(b) = try_cast::<BytesObject>(args[0]) {
        if b.b.len() == 1 {
            let c = b.b[0] as i64;
            return Ok(vm.int(c));
        }
        let n = b.b.len();
        return Err(vm.type_error(format!(
            "ord() expected a character, but string of length {n} found"
        )));
    }
    Err(vm.type_error(format!(
        "ord() expected string of length 1, but {} found",
        tname(args[0])
    )))
}

fn chr(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "chr", args, 1, 1)?;
    if is::<FloatObject>(args[0]) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let v = int_arg(vm, args[0])?;
    let c = num_traits::ToPrimitive::to_u32(&v).and_then(char::from_u32);
    match c {
        Some(c) => {
            let mut buf = [0u8; 4];
            Ok(vm.intern(c.encode_utf8(&mut buf)))
        }
        None if v >= BigInt::zero() && v < BigInt::from(0x110000) => {
            // A lone surrogate: not representable in UTF-8 text.
            Err(vm.value_error("surrogates not allowed"))
        }
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn format(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "format", args, 1, 2)?;
    let spec = match args.get(1) {
        Some(s) => *s,
        None => vm.intern(""),
    };
    super::strfmt::format(vm, args[0], spec)
}

// ---- code ----

fn source_arg(vm: &mut Vm, x: GcRef, fname: &str) -> PyResult<Option<String>> {
    if let Some(s) = try_cast::<StrObject>(x) {
        return Ok(Some(s.s.clone()));
    }
    if let Some(b) = try_cast::<BytesObject>(x) {
        return Ok(Some(String::from_utf8_lossy(&b.b).into_owned()));
    }
    if is::<CodeObj>(x) {
        return Ok(None);
    }
    Err(vm.type_error(format!(
        "{fname}() arg 1 must be a string, bytes or code object"
    )))
}

fn exec_eval(vm: &mut Vm, args: &[GcRef], kw: KwArgs, eval: bool) -> PyResult<GcRef> {
    let fname = if eval { "eval" } else { "exec" };
    let mut a = args.to_vec();
    for n in ["globals", "locals"] {
        if let Some(v) = kwarg(kw, n) {
            a.push(v);
        }
    }
    check_args(vm, fname, &a, 1, 3)?;
    let (globals, locals) = match a.get(1).copied().filter(|g| *g != vm.none) {
        Some(g) => {
            if !is::<DictObject>(g) {
                return Err(vm.type_error(format!(
                    "{fname}() globals must be a dict, not {}",
                    tname(g)
                )));
            }
            (g, a.get(2).copied().filter(|l| *l != vm.none).unwrap_or(g))
        }
        None => {
            let g = globals(vm, &[], &[])?;
            let l = locals(vm, &[], &[])?;
            (g, l)
        }
    };
    let bk = vm.intern("__builtins__");
    if get_str(globals, bk).is_none() {
        let b = vm.builtins;
        set_str(globals, bk, b);
    }
    let code = match source_arg(vm, a[0], fname)? {
        Some(src) => {
            let mode = if eval {
                crate::compiler::Mode::Eval
            } else {
                crate::compiler::Mode::Exec
            };
            let co = crate::compiler::compile(&src, "<string>", mode)
                .map_err(|e| crate::run::syntax_error(vm, &e))?;
            crate::interp::call::load_code(vm, co)
        }
        None => a[0],
    };
    let r = crate::interp::call::run_code(vm, code, globals, Some(locals))?;
    Ok(if eval { r } else { vm.none })
}

fn exec(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    exec_eval(vm, args, kw, false)
}
fn eval(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    exec_eval(vm, args, kw, true)
}

fn compile(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let mut a = args.to_vec();
    for n in ["source", "filename", "mode"] {
        if let Some(v) = kwarg(kw, n) {
            a.push(v);
        }
    }
    check_args(vm, "compile", &a, 3, 6)?;
    let src = source_arg(vm, a[0], "compile")?.unwrap_or_default();
    let file = ops::repr::str_(vm, a[1])?;
    let mode = match str_of(a[2]) {
        "eval" => crate::compiler::Mode::Eval,
        "single" => crate::compiler::Mode::Single,
        "exec" => crate::compiler::Mode::Exec,
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    let co = crate::compiler::compile(&src, &file, mode)
        .map_err(|e| crate::run::syntax_error(vm, &e))?;
    Ok(crate::interp::call::load_code(vm, co))
}

fn exit(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let cls = vm.exc_type("SystemExit");
    let a = vm.tuple(args);
    Err(crate::vm::Exc(crate::object::exc::new_exception(
        cls,
        vm.root_map,
        a,
    )))
}

pub fn register(vm: &mut Vm) {
    let b = vm.builtins;
    let fns: &[(&'static str, crate::object::func::NativeFn)] = &[
        ("print", print),
        ("input", input),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("id", id),
        ("hash", hash),
        ("callable", callable),
        ("getattr", getattr),
        ("hasattr", hasattr),
        ("setattr", setattr),
        ("delattr", delattr),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("vars", vars),
        ("dir", dir),
        ("globals", globals),
        ("locals", locals),
        ("any", any),
        ("all", all),
        ("sum", sum),
        ("min", min),
        ("max", max),
        ("sorted", sorted),
        ("abs", abs),
        ("divmod", divmod),
        ("pow", pow),
        ("round", round),
        ("hex", hex),
        ("oct", oct),
        ("bin", bin),
        ("ord", ord),
        ("chr", chr),
        ("format", format),
        ("exec", exec),
        ("eval", eval),
        ("compile", compile),
        ("exit", exit),
        ("quit", exit),
        ("next", super::iters::builtin_next),
        ("iter", super::iters::builtin_iter_fn),
    ];
    for (n, f) in fns {
        vm.def_fn(b, n, *f);
    }
    let _ = (is::<IntObject>, is::<BigIntObject>);
}

//! Formatting on objects: `format(v, spec)` / `__format__`, `str % args`
//! and `str.format(*args, **kw)` (field names with attribute and index
//! parts, conversions, nested specs). The algorithms on plain values live
//! in `crate::format`; this module resolves objects and raises.

use super::fmt_err;
use crate::format::percent::{PercentArg, PercentArgs};
use crate::format::{spec, FmtError, FmtResult};
use crate::object::func::KwArgs;
use crate::object::int::{BigIntObject, FloatObject, IntObject};
use crate::object::seq::{tuple_items, TupleObject};
use crate::object::str::StrObject;
use crate::object::typeobj::TypeObject;
use crate::object::{cast, class_of, is, try_cast, GcRef};
use crate::ops::num::{as_num, to_big, Num};
use crate::ops::{self, str_of, tname};
use crate::vm::{Exc, PyResult, Vm};
use num_bigint::BigInt;
use std::cell::RefCell;

/// `format(v, spec)`; `spec` is a str.
pub fn format(vm: &mut Vm, v: GcRef, spec_obj: GcRef) -> PyResult<GcRef> {
    let cls = class_of(v);
    if cast::<TypeObject>(cls).heap {
        let n = vm.intern("__format__");
        if let Some(m) = ops::lookup(vm, cls, n) {
            if class_of(m) != vm.t.method_descr {
                let f = ops::bind(vm, m, Some(v), cls)?;
                let r = ops::call(vm, f, &[spec_obj], &[])?;
                if !is::<StrObject>(r) {
                    return Err(
                        vm.type_error(format!("__format__ must return a str, not {}", tname(r)))
                    );
                }
                return Ok(r);
            }
        }
    }
    let sp = str_of(spec_obj).to_string();
    let s = format_builtin(vm, v, &sp)?;
    Ok(vm.new_str(s))
}

/// `format()` of a builtin object (or the builtin part of a subclass).
pub fn format_builtin(vm: &mut Vm, v: GcRef, sp: &str) -> PyResult<String> {
    let tn = ops::tname(v);
    let r: FmtResult<String> = if let Some(i) = try_cast::<IntObject>(v) {
        if class_of(v) == vm.t.bool_ && sp.is_empty() {
            Ok(if i.value != 0 { "True" } else { "False" }.to_string())
        } else {
            spec::format_i64(i.value, sp, &tn)
        }
    } else if let Some(b) = try_cast::<BigIntObject>(v) {
        spec::format_int(&b.value, sp, &tn)
    } else if let Some(f) = try_cast::<FloatObject>(v) {
        spec::format_float(f.value, sp, &tn)
    } else if let Some((re, im)) = crate::object::complex::complex_parts(v) {
        crate::format::complex::format_complex(re, im, sp, &tn)
    } else if let Some(s) = try_cast::<StrObject>(v) {
        spec::format_str(&s.s, sp, &tn)
    } else if sp.is_empty() {
        return ops::repr::str_(vm, v);
    } else {
        return Err(vm.type_error(format!(
            "unsupported format string passed to {tn}.__format__"
        )));
    };
    r.map_err(|e| fmt_err(vm, e))
}

// ---- % ----

/// One `%` argument: the object plus access to the VM; a Python error
/// raised while converting is kept in `err` (the formatter sees a
/// placeholder error and stops).
struct Arg<'a, 'v> {
    r: GcRef,
    vm: &'a RefCell<&'v mut Vm>,
    err: &'a RefCell<Option<Exc>>,
}

impl Arg<'_, '_> {
    fn stash<T>(&self, r: PyResult<T>) -> FmtResult<T> {
        r.map_err(|e| {
            *self.err.borrow_mut() = Some(e);
            FmtError::value("")
        })
    }
    fn number(&self, name: &str) -> FmtResult<Option<BigInt>> {
        if let Some(n) = as_num(self.r) {
            return Ok(Some(match n {
                Num::F(f) => crate::format::float_repr::float_to_bigint(f, false)?,
                n => to_big(&n),
            }));
        }
        let mut vm = self.vm.borrow_mut();
        let r = ops::call_method_opt(&mut vm, self.r, name, &[]);
        drop(vm);
        match self.stash(r)? {
            Some(v) => Ok(as_num(v)
                .filter(|n| !matches!(n, Num::F(_)))
                .map(|n| to_big(&n))),
            None => Ok(None),
        }
    }
}

impl PercentArg for Arg<'_, '_> {
    fn type_name(&self) -> String {
        tname(self.r)
    }
    fn to_int(&self) -> FmtResult<Option<BigInt>> {
        self.number("__int__")
    }
    fn to_index(&self) -> FmtResult<Option<BigInt>> {
        if is::<FloatObject>(self.r) {
            return Ok(None);
        }
        self.number("__index__")
    }
    fn to_float(&self) -> FmtResult<Option<f64>> {
        if let Some(n) = as_num(self.r) {
            let mut vm = self.vm.borrow_mut();
            let r = ops::num::to_f64(&mut vm, &n);
            drop(vm);
            return self.stash(r).map(Some);
        }
        let mut vm = self.vm.borrow_mut();
        let r = ops::call_method_opt(&mut vm, self.r, "__float__", &[]);
        drop(vm);
        Ok(self
            .stash(r)?
            .and_then(|v| try_cast::<FloatObject>(v).map(|f| f.value)))
    }
    fn to_str(&self) -> FmtResult<String> {
        let mut vm = self.vm.borrow_mut();
        let r = ops::repr::str_(&mut vm, self.r);
        drop(vm);
        self.stash(r)
    }
    fn to_repr(&self) -> FmtResult<String> {
        let mut vm = self.vm.borrow_mut();
        let r = ops::repr::repr(&mut vm, self.r);
        drop(vm);
        self.stash(r)
    }
    fn as_str(&self) -> Option<String> {
        try_cast::<StrObject>(self.r).map(|s| s.s.clone())
    }
}

/// `fmt % args` for a str `fmt`.
pub fn percent_format(vm: &mut Vm, fmt: GcRef, args: GcRef) -> PyResult<GcRef> {
    let f = str_of(fmt).to_string();
    let is_tuple = is::<TupleObject>(args);
    let gi = vm.intern("__getitem__");
    let mapping =
        !is_tuple && !is::<StrObject>(args) && ops::lookup(vm, class_of(args), gi).is_some();
    let err = RefCell::new(None);
    let out = {
        let cell = RefCell::new(&mut *vm);
        let mk = |r: GcRef| Arg {
            r,
            vm: &cell,
            err: &err,
        };
        if is_tuple {
            let items: Vec<Arg> = tuple_items(args).iter().map(|r| mk(*r)).collect();
            crate::format::percent::percent_format(&f, PercentArgs::Tuple(&items))
        } else if mapping {
            let me = mk(args);
            let lookup = |key: &str| -> FmtResult<Arg> {
                let mut vm = cell.borrow_mut();
                let k = vm.new_str(key);
                let r = ops::item::getitem(&mut vm, args, k);
                drop(vm);
                match r {
                    Ok(v) => Ok(mk(v)),
                    Err(e) => {
                        *err.borrow_mut() = Some(e);
                        Err(FmtError::value(""))
                    }
                }
            };
            crate::format::percent::percent_format(&f, PercentArgs::Mapping(&me, &lookup))
        } else {
            let me = mk(args);
            crate::format::percent::percent_format(&f, PercentArgs::Single(&me))
        }
    };
    if let Some(e) = err.into_inner() {
        return Err(e);
    }
    match out {
        Ok(s) => Ok(vm.new_str(s)),
        Err(e) => Err(fmt_err(vm, e)),
    }
}

// ---- str.format ----

struct Formatter<'a> {
    args: &'a [GcRef],
    kw: KwArgs<'a>,
    auto: Option<usize>,
    manual: bool,
}

fn value_error(vm: &mut Vm, msg: &str) -> Exc {
    vm.value_error(msg)
}

impl Formatter<'_> {
    fn next_auto(&mut self, vm: &mut Vm) -> PyResult<usize> {
        if self.manual {
            return Err(value_error(
                vm,
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        let i = self.auto.unwrap_or(0);
        self.auto = Some(i + 1);
        Ok(i)
    }

    /// Resolves a field name (`0`, `name`, `0.attr`, `x[key]`).
    fn field(&mut self, vm: &mut Vm, name: &str) -> PyResult<GcRef> {
        let end = name.find(['.', '[']).unwrap_or(name.len());
        let (first, mut rest) = name.split_at(end);
        let mut obj = if first.is_empty() {
            let i = self.next_auto(vm)?;
            self.positional(vm, i)?
        } else if first.bytes().all(|b| b.is_ascii_digit()) {
            if self.auto.is_some() {
                return Err(value_error(
                    vm,
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            self.manual = true;
            let i: usize = first
                .parse()
                .map_err(|_| value_error(vm, "Too many decimal digits in format string"))?;
            self.positional(vm, i)?
        } else {
            match self.kw.iter().find(|(k, _)| str_of(*k) == first) {
                Some((_, v)) => *v,
                None => {
                    let k = vm.new_str(first);
                    return Err(vm.key_error(k));
                }
            }
        };
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('.') {
                let end = r.find(['.', '[']).unwrap_or(r.len());
                let attr = vm.intern(&r[..end]);
                obj = ops::getattr(vm, obj, attr)?;
                rest = &r[end..];
            } else if let Some(r) = rest.strip_prefix('[') {
                let Some(close) = r.find(']') else {
                    return Err(value_error(vm, "Missing ']' in format string"));
                };
                let key = &r[..close];
                let k = if !key.is_empty() && key.bytes().all(|b| b.is_ascii_digit()) {
                    vm.int(key.parse().unwrap_or(0))
                } else {
                    vm.new_str(key)
                };
                obj = ops::item::getitem(vm, obj, k)?;
                rest = &r[close + 1..];
            } else {
                return Err(value_error(
                    vm,
                    "Only '.' or '[' may follow ']' in format field specifier",
                ));
            }
        }
        Ok(obj)
    }

    fn positional(&self, vm: &mut Vm, i: usize) -> PyResult<GcRef> {
        match self.args.get(i) {
            Some(v) => Ok(*v),
            None => Err(vm.index_error(format!(
                "Replacement index {i} out of range for positional args tuple"
            ))),
        }
    }

    fn run(&mut self, vm: &mut Vm, s: &str, depth: usize) -> PyResult<String> {
        if depth > 2 {
            return Err(value_error(vm, "Max string recursion exceeded"));
        }
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::new();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == '}' {
                if chars.get(i + 1) == Some(&'}') {
                    out.push('}');
                    i += 2;
                    continue;
                }
                return Err(value_error(vm, "Single '}' encountered in format string"));
            }
            if c != '{' {
                out.push(c);
                i += 1;
                continue;
            }
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            // Find the matching close brace (specs may nest one level).
            let mut j = i + 1;
            let mut level = 1;
            while j < chars.len() {
                match chars[j] {
                    '{' => level += 1,
                    '}' => {
                        level -= 1;
                        if level == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if j >= chars.len() {
                return Err(value_error(vm, "Single '{' encountered in format string"));
            }
            let field: String = chars[i + 1..j].iter().collect();
            i = j + 1;
            // Split name, conversion, spec (the name may contain [..] with ':' or '!').
            let mut name_end = field.len();
            let mut in_bracket = false;
            for (k, ch) in field.char_indices() {
                match ch {
                    '[' => in_bracket = true,
                    ']' => in_bracket = false,
                    '!' | ':' if !in_bracket => {
                        name_end = k;
                        break;
                    }
                    _ => {}
                }
            }
            let name = &field[..name_end];
            let mut rest = &field[name_end..];
            let mut conv = None;
            if let Some(r) = rest.strip_prefix('!') {
                let mut it = r.chars();
                let cv = it.next();
                rest = it.as_str();
                if !(rest.is_empty() || rest.starts_with(':')) {
                    return Err(value_error(vm, "expected ':' after conversion specifier"));
                }
                match cv {
                    Some(c @ ('r' | 's' | 'a')) => conv = Some(c),
                    Some(c) => {
                        return Err(value_error(
                            vm,
                            &format!("Unknown conversion specifier {c}"),
                        ))
                    }
                    None => {
                        return Err(value_error(
                            vm,
                            "end of string while looking for conversion specifier",
                        ))
                    }
                }
            }
            let spec_src = rest.strip_prefix(':').unwrap_or("");
            let spec_text = if spec_src.contains('{') {
                self.run(vm, spec_src, depth + 1)?
            } else {
                spec_src.to_string()
            };
            let mut v = self.field(vm, name)?;
            match conv {
                Some('r') => {
                    let s = ops::repr::repr(vm, v)?;
                    v = vm.new_str(s);
                }
                Some('s') => {
                    let s = ops::repr::str_(vm, v)?;
                    v = vm.new_str(s);
                }
                Some('a') => {
                    let s = ops::repr::repr(vm, v)?;
                    v = vm.new_str(super::strs::ascii_escape(&s));
                }
                _ => {}
            }
            let sp = vm.new_str(spec_text);
            let r = format(vm, v, sp)?;
            out.push_str(str_of(r));
        }
        Ok(out)
    }
}

/// `str.format(self, *args, **kw)`.
pub fn str_format(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let s = str_of(args[0]).to_string();
    let mut f = Formatter {
        args: &args[1..],
        kw,
        auto: None,
        manual: false,
    };
    let out = f.run(vm, &s, 0)?;
    Ok(vm.new_str(out))
}

/// `str.format_map(self, mapping)`.
pub fn str_format_map(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    super::check_args(vm, "format_map", &args[1..], 1, 1)?;
    let pairs = super::dicts::items_of(vm, args[1])?;
    let s = str_of(args[0]).to_string();
    let mut f = Formatter {
        args: &[],
        kw: &pairs,
        auto: None,
        manual: false,
    };
    let out = f.run(vm, &s, 0)?;
    Ok(vm.new_str(out))
}

/// `object.__format__` / `int.__format__` etc. as methods.
pub fn format_method(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    super::check_args(vm, "__format__", &args[1..], 1, 1)?;
    let sp = str_of(args[1]).to_string();
    let s = format_builtin(vm, args[0], &sp)?;
    Ok(vm.new_str(s))
}

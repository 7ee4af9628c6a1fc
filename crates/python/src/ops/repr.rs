//! `repr()` and `str()` of objects, producing Rust strings. Containers
//! detect self-reference (`[...]`) with a stack of objects being printed.

use super::{call_method_opt, str_of, tname};
use crate::object::dict::{table, DictObject, SetObject};
use crate::object::exc::ExceptionObject;
use crate::object::func::{BuiltinFunctionObject, FunctionObject, MethodObject};
use crate::object::int::{BigIntObject, FloatObject, IntObject};
use crate::object::misc::{ModuleObject, RangeObject, SliceObject};
use crate::object::seq::{list_items, tuple_items, ListObject, TupleObject};
use crate::object::str::{BytesObject, StrObject};
use crate::object::typeobj::TypeObject;
use crate::object::{cast, class_of, is, try_cast, GcRef};
use crate::vm::{PyResult, Vm};

thread_local! {
    static REPR_STACK: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Python's repr of a str.
pub fn repr_str(s: &str) -> String {
    crate::format::strrepr::str_repr(s)
}

pub fn repr_bytes(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{:02x}", c)),
        }
    }
    out.push(quote);
    out
}

pub fn float_repr(x: f64) -> String {
    crate::format::float_repr::float_repr(x)
}

fn guarded(r: GcRef, empty: &str, f: impl FnOnce() -> PyResult<String>) -> PyResult<String> {
    let addr = r.addr();
    if REPR_STACK.with(|s| s.borrow().contains(&addr)) {
        return Ok(empty.to_string());
    }
    REPR_STACK.with(|s| s.borrow_mut().push(addr));
    let out = f();
    REPR_STACK.with(|s| s.borrow_mut().pop());
    out
}

fn join_reprs(vm: &mut Vm, items: &[GcRef]) -> PyResult<String> {
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr(vm, *it)?);
    }
    Ok(out)
}

/// `repr(r)`.
pub fn repr(vm: &mut Vm, r: GcRef) -> PyResult<String> {
    let cls = class_of(r);
    if cast::<TypeObject>(cls).heap {
        let n = vm.intern("__repr__");
        if let Some(m) = super::lookup(vm, cls, n) {
            if class_of(m) != vm.t.method_descr {
                let f = super::bind(vm, m, Some(r), cls)?;
                let s = super::call(vm, f, &[], &[])?;
                if !is::<StrObject>(s) {
                    return Err(
                        vm.type_error(format!("__repr__ returned non-string (type {})", tname(s)))
                    );
                }
                return Ok(str_of(s).to_string());
            }
        }
    }
    if r == vm.none {
        return Ok("None".into());
    }
    if r == vm.true_ {
        return Ok("True".into());
    }
    if r == vm.false_ {
        return Ok("False".into());
    }
    if r == vm.notimpl {
        return Ok("NotImplemented".into());
    }
    if r == vm.ellipsis {
        return Ok("Ellipsis".into());
    }
    if let Some(i) = try_cast::<IntObject>(r) {
        return Ok(i.value.to_string());
    }
    if let Some(b) = try_cast::<BigIntObject>(r) {
        return Ok(b.value.to_string());
    }
    if let Some(f) = try_cast::<FloatObject>(r) {
        return Ok(float_repr(f.value));
    }
    if let Some((re, im)) = crate::object::complex::complex_parts(r) {
        return Ok(crate::format::complex::complex_repr(re, im));
    }
    if let Some(s) = try_cast::<StrObject>(r) {
        return Ok(repr_str(&s.s));
    }
    if let Some(b) = try_cast::<BytesObject>(r) {
        if cls == vm.t.bytearray {
            return Ok(format!("bytearray({})", repr_bytes(&b.b)));
        }
        return Ok(repr_bytes(&b.b));
    }
    if is::<ListObject>(r) {
        return guarded(r, "[...]", || {
            let items = list_items(r).clone();
            Ok(format!("[{}]", join_reprs(vm, &items)?))
        });
    }
    if is::<TupleObject>(r) {
        let items = tuple_items(r);
        if items.len() == 1 {
            return Ok(format!("({},)", repr(vm, items[0])?));
        }
        return guarded(r, "(...)", || Ok(format!("({})", join_reprs(vm, items)?)));
    }
    if is::<DictObject>(r) {
        return guarded(r, "{...}", || {
            let entries: Vec<_> = table(r).iter().copied().collect();
            let mut out = String::from("{");
            for (i, e) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&repr(vm, e.key.unwrap())?);
                out.push_str(": ");
                out.push_str(&repr(vm, e.value.unwrap())?);
            }
            out.push('}');
            Ok(out)
        });
    }
    if is::<SetObject>(r) {
        let frozen = cls == vm.t.frozenset;
        let keys: Vec<GcRef> = table(r).iter().map(|e| e.key.unwrap()).collect();
        if keys.is_empty() {
            return Ok(if frozen {
                "frozenset()".into()
            } else {
                "set()".into()
            });
        }
        return guarded(r, "{...}", || {
            let inner = join_reprs(vm, &keys)?;
            Ok(if frozen {
                format!("frozenset({{{}}})", inner)
            } else {
                format!("{{{}}}", inner)
            })
        });
    }
    if is::<RangeObject>(r) {
        return Ok(crate::builtins::ranges::repr(r));
    }
    if let Some(s) = try_cast::<SliceObject>(r) {
        let (a, b, c) = (s.start, s.stop, s.step);
        let f = |vm: &mut Vm, x: Option<GcRef>| -> PyResult<String> {
            match x {
                Some(x) => repr(vm, x),
                None => Ok("None".into()),
            }
        };
        let (a, b, c) = (f(vm, a)?, f(vm, b)?, f(vm, c)?);
        return Ok(format!("slice({}, {}, {})", a, b, c));
    }
    if is::<TypeObject>(r) {
        let name = cast::<TypeObject>(r)
            .qualname
            .or(cast::<TypeObject>(r).name)
            .map_or("?".into(), |n| str_of(n).to_string());
        if cast::<TypeObject>(r).heap {
            let modname = {
                let n = vm.intern("__module__");
                cast::<TypeObject>(r)
                    .dict
                    .and_then(|d| crate::object::dict::get_str(d, n))
            };
            if let Some(m) = modname.filter(|m| is::<StrObject>(*m)) {
                if str_of(m) != "builtins" {
                    return Ok(format!("<class '{}.{}'>", str_of(m), name));
                }
            }
        }
        return Ok(format!("<class '{}'>", name));
    }
    if let Some(f) = try_cast::<FunctionObject>(r) {
        let q = f.qualname.map_or("?".into(), |q| str_of(q).to_string());
        return Ok(format!("<function {} at {:#x}>", q, r.addr()));
    }
    if let Some(b) = try_cast::<BuiltinFunctionObject>(r) {
        return Ok(match b.bound {
            Some(s) if !is::<ModuleObject>(s) => format!(
                "<built-in method {} of {} object at {:#x}>",
                b.name,
                tname(s),
                s.addr()
            ),
            _ => format!("<built-in function {}>", b.name),
        });
    }
    if let Some(m) = try_cast::<MethodObject>(r) {
        let f = m.func.unwrap();
        let s = m.self_.unwrap();
        let q = try_cast::<FunctionObject>(f)
            .and_then(|f| f.qualname)
            .map_or("?".into(), |q| str_of(q).to_string());
        let sr = repr(vm, s)?;
        return Ok(format!("<bound method {} of {}>", q, sr));
    }
    if is::<ModuleObject>(r) {
        let n = super::module_name(vm, r);
        return Ok(format!("<module '{}'>", n));
    }
    if let Some(e) = try_cast::<ExceptionObject>(r) {
        let args = tuple_items(e.args.unwrap_or(vm.empty_tuple));
        let name = tname(r);
        return Ok(if args.len() == 1 {
            format!("{}({})", name, repr(vm, args[0])?)
        } else {
            format!("{}({})", name, join_reprs(vm, args)?)
        });
    }
    if let Some(g) = try_cast::<crate::object::func::GeneratorObject>(r) {
        let q = g.qualname.map_or("?".into(), |q| str_of(q).to_string());
        return Ok(format!("<{} object {} at {:#x}>", tname(r), q, r.addr()));
    }
    if let Some(s) = crate::builtins::attrs::special_repr(vm, r)? {
        return Ok(s);
    }
    let modname = if cast::<TypeObject>(cls).heap {
        let n = vm.intern("__module__");
        cast::<TypeObject>(cls)
            .dict
            .and_then(|d| crate::object::dict::get_str(d, n))
            .filter(|m| is::<StrObject>(*m))
            .map(|m| format!("{}.", str_of(m)))
            .unwrap_or_default()
    } else {
        String::new()
    };
    let q = cast::<TypeObject>(cls)
        .qualname
        .or(cast::<TypeObject>(cls).name)
        .map_or("?".into(), |n| str_of(n).to_string());
    Ok(format!("<{}{} object at {:#x}>", modname, q, r.addr()))
}

/// `str(r)`.
pub fn str_(vm: &mut Vm, r: GcRef) -> PyResult<String> {
    if let Some(s) = try_cast::<StrObject>(r) {
        return Ok(s.s.clone());
    }
    let cls = class_of(r);
    if cast::<TypeObject>(cls).heap {
        let n = vm.intern("__str__");
        if let Some(m) = super::lookup(vm, cls, n) {
            if class_of(m) != vm.t.method_descr {
                let f = super::bind(vm, m, Some(r), cls)?;
                let s = super::call(vm, f, &[], &[])?;
                if !is::<StrObject>(s) {
                    return Err(
                        vm.type_error(format!("__str__ returned non-string (type {})", tname(s)))
                    );
                }
                return Ok(str_of(s).to_string());
            }
        }
    }
    if is::<ExceptionObject>(r) {
        return exception_str(vm, r);
    }
    let _ = call_method_opt;
    repr(vm, r)
}

/// `BaseException.__str__`: the one argument's str (a `KeyError`'s repr),
/// the args tuple's repr for several; a `SyntaxError`'s is its `msg`,
/// followed by `(file, line N)` where its details give them.
pub fn exception_str(vm: &mut Vm, r: GcRef) -> PyResult<String> {
    let e = cast::<ExceptionObject>(r);
    let args = tuple_items(e.args.unwrap_or(vm.empty_tuple));
    if vm.exc_matches(r, "KeyError") && args.len() == 1 {
        return repr(vm, args[0]);
    }
    if vm.exc_matches(r, "SyntaxError") {
        // `msg` is the first argument, None without one.
        let msg = args.first().copied().unwrap_or(vm.none);
        let msg = str_(vm, msg)?;
        let d = syntax_details(vm, r).unwrap_or_default();
        let file = d.filename.filter(|f| is::<StrObject>(*f)).map(|f| {
            let f = str_of(f);
            f.rsplit('/').next().unwrap_or(f).to_string()
        });
        let line = d
            .lineno
            .and_then(|l| try_cast::<IntObject>(l))
            .map(|l| l.value);
        return Ok(match (file, line) {
            (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
            (Some(f), None) => format!("{msg} ({f})"),
            (None, Some(l)) => format!("{msg} (line {l})"),
            (None, None) => msg,
        });
    }
    match args.len() {
        0 => Ok(String::new()),
        1 => str_(vm, args[0]),
        _ => repr(vm, e.args.unwrap()),
    }
}

/// The location fields of a `SyntaxError` whose args are
/// `(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))`;
/// a field given as `None` is `None` here.
#[derive(Clone, Copy, Default)]
pub struct SyntaxDetails {
    pub filename: Option<GcRef>,
    pub lineno: Option<GcRef>,
    pub offset: Option<GcRef>,
    pub text: Option<GcRef>,
    pub end_lineno: Option<GcRef>,
    pub end_offset: Option<GcRef>,
}

/// The [`SyntaxDetails`] of exception `e`, or `None` when its args carry
/// no details tuple.
pub fn syntax_details(vm: &Vm, e: GcRef) -> Option<SyntaxDetails> {
    let args = tuple_items(cast::<ExceptionObject>(e).args?);
    if args.len() != 2 || !is::<TupleObject>(args[1]) {
        return None;
    }
    let d = tuple_items(args[1]);
    if d.len() < 4 {
        return None;
    }
    let field = |i: usize| d.get(i).copied().filter(|v| *v != vm.none);
    Some(SyntaxDetails {
        filename: field(0),
        lineno: field(1),
        offset: field(2),
        text: field(3),
        end_lineno: field(4),
        end_offset: field(5),
    })
}

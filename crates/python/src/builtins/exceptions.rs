//! Exceptions: the builtin hierarchy, `raise` (instantiating classes,
//! `from` causes, implicit `__context__`), `except` matching, traceback
//! entries, and CPython-style formatting of an uncaught exception.

use super::setup::def_method;
use crate::object::exc::{ExceptionObject, TracebackObject};
use crate::object::func::{CodeObj, KwArgs};
use crate::object::int::IntObject;
use crate::object::seq::{tuple_items, TupleObject};
use crate::object::str::StrObject;
use crate::object::typeobj::{InstLayout, TypeObject};
use crate::object::{alloc, cast, class_of, is, try_cast, GcRef, HDR};
use crate::ops::{self, str_of};
use crate::vm::{Exc, PyResult, Vm};

/// (name, base) in definition order: bases come first.
const HIERARCHY: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("Exception", "BaseException"),
    ("StopIteration", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"),
    ("DeprecationWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UserWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("BytesWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("EncodingWarning", "Warning"),
];

fn new_exc_class(vm: &mut Vm, name: &'static str, base: GcRef) -> GcRef {
    super::setup::new_builtin_type(vm, name, base, InstLayout::Exception)
}

/// Is `e` an exception instance?
pub fn is_exception(r: GcRef) -> bool {
    is::<ExceptionObject>(r)
}

fn is_exc_class(vm: &Vm, r: GcRef) -> bool {
    is::<TypeObject>(r) && vm.is_subtype(r, vm.t.base_exception)
}

/// Instantiates an exception class (or checks an instance) for `raise`.
fn instantiate(vm: &mut Vm, x: GcRef, what: &str) -> PyResult<GcRef> {
    if is_exc_class(vm, x) {
        let e = ops::call(vm, x, &[], &[])?;
        if !is_exception(e) {
            let xr = ops::repr::repr(vm, x)?;
            return Err(vm.type_error(format!(
                "calling {xr} should have returned an instance of BaseException, not {}",
                ops::tname(e)
            )));
        }
        return Ok(e);
    }
    if is_exception(x) {
        return Ok(x);
    }
    Err(vm.type_error(what.to_string()))
}

/// Links `e.__context__` to the exception being handled (breaking cycles).
pub fn set_context(vm: &mut Vm, e: GcRef) {
    let Some(ctx) = vm.exc_info else { return };
    if ctx == e || !is_exception(ctx) {
        return;
    }
    // Break a cycle: if `e` is already in ctx's context chain, cut it there.
    let mut o = ctx;
    loop {
        let next = cast::<ExceptionObject>(o).context;
        match next {
            Some(n) if n == e => {
                cast::<ExceptionObject>(o).context = None;
                break;
            }
            Some(n) => o = n,
            None => break,
        }
    }
    cast::<ExceptionObject>(e).context = Some(ctx);
    kiln_gc::write_barrier(e);
}

/// The exception of `raise exc from cause` (`exc` None: bare `raise`).
pub fn make_raise(vm: &mut Vm, exc: Option<GcRef>, cause: Option<GcRef>) -> PyResult<Exc> {
    let Some(x) = exc else {
        return match vm.exc_info {
            Some(e) => Ok(Exc(e)),
            None => Err(vm.err("RuntimeError", "No active exception to reraise")),
        };
    };
    let e = instantiate(vm, x, "exceptions must derive from BaseException")?;
    if let Some(c) = cause {
        let c = if c == vm.none {
            None
        } else {
            Some(instantiate(
                vm,
                c,
                "exception causes must derive from BaseException",
            )?)
        };
        let eo = cast::<ExceptionObject>(e);
        eo.cause = c;
        eo.suppress_context = true;
        kiln_gc::write_barrier(e);
    }
    set_context(vm, e);
    Ok(Exc(e))
}

/// `except ty:` — does exception `e` match `ty` (a class or tuple)?
pub fn exc_match(vm: &mut Vm, e: GcRef, ty: GcRef) -> PyResult<bool> {
    if is::<TupleObject>(ty) {
        for t in tuple_items(ty).to_vec() {
            if exc_match(vm, e, t)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if !is_exc_class(vm, ty) {
        return Err(
            vm.type_error("catching classes that do not inherit from BaseException is not allowed")
        );
    }
    Ok(vm.is_subtype(class_of(e), ty))
}

/// Prepends a traceback entry (code, line) of `frame` to `e`.
pub fn add_traceback(vm: &mut Vm, e: GcRef, code: GcRef, frame: GcRef, line: u32) {
    let Some(eo) = try_cast::<ExceptionObject>(e) else {
        return;
    };
    if eo.traceback.is_none() && eo.context.is_none() {
        set_context(vm, e);
    }
    let next = cast::<ExceptionObject>(e).traceback;
    let tb = alloc(TracebackObject {
        hdr: HDR,
        cls: Some(vm.t.traceback),
        next,
        code: Some(code),
        frame: Some(frame),
        line: line as i64,
    });
    cast::<ExceptionObject>(e).traceback = Some(tb);
    kiln_gc::write_barrier(e);
}

/// The last line of an uncaught exception's report: `Type: message`.
pub fn format_exception_only(vm: &mut Vm, e: GcRef) -> String {
    let cls = class_of(e);
    let mut name = ops::type_name_of(cls);
    if let Some(q) = cast::<TypeObject>(cls).qualname {
        name = str_of(q).to_string();
    }
    if cast::<TypeObject>(cls).heap {
        let n = vm.intern("__module__");
        if let Some(m) = cast::<TypeObject>(cls)
            .dict
            .and_then(|d| crate::object::dict::get_str(d, n))
        {
            if is::<StrObject>(m) && !matches!(str_of(m), "__main__" | "builtins") {
                name = format!("{}.{}", str_of(m), name);
            }
        }
    }
    if vm.exc_matches(e, "SyntaxError") {
        if let Some(s) =
            ops::repr::syntax_details(vm, e).and_then(|d| format_syntax_error(vm, e, &name, d))
        {
            return s;
        }
    }
    let msg = match ops::repr::str_(vm, e) {
        Ok(s) => s,
        Err(_) => "<exception str() failed>".to_string(),
    };
    if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}")
    }
}

/// CPython's report of a `SyntaxError` with a line number in its details:
/// the location, the source line and a caret under the offending range,
/// then `Name: msg`. `None` without a line number: the report is then the
/// usual `Name: str(e)`.
fn format_syntax_error(
    vm: &mut Vm,
    e: GcRef,
    name: &str,
    d: ops::repr::SyntaxDetails,
) -> Option<String> {
    let int = |v: Option<GcRef>| v.and_then(|v| try_cast::<IntObject>(v)).map(|i| i.value);
    let text = d
        .text
        .filter(|t| is::<StrObject>(*t))
        .map(|t| str_of(t).to_string());
    let file = d
        .filename
        .filter(|f| is::<StrObject>(*f))
        .map(|f| str_of(f).to_string());
    let line = int(d.lineno)?;
    let f = file.as_deref().unwrap_or("<string>");
    let mut out = format!("  File \"{f}\", line {line}\n");
    if let Some(text) = text {
        let text = text.trim_end_matches('\n');
        let mut t = text.trim_start_matches([' ', '\t', '\x0c']);
        let indent = (text.chars().count() - t.chars().count()) as i64;
        let col = int(d.offset);
        let mut start = col.map(|c| c - 1 - indent);
        // A text of several lines shows the one the offset falls in.
        while let (Some(i), Some(s)) = (t.find('\n'), start) {
            let before = t[..i].chars().count() as i64;
            if before >= s {
                break;
            }
            start = Some(s - before - 1);
            t = &t[i + 1..];
        }
        let t = t.trim_end();
        if !t.is_empty() {
            out.push_str(&format!("    {t}\n"));
            // No caret left of the text; none past its end.
            if let (Some(col), Some(start)) = (col, start.filter(|s| *s >= 0)) {
                let len = t.chars().count() as i64;
                let end_line = int(d.end_lineno).unwrap_or(line);
                let end_col = int(d.end_offset).unwrap_or(col);
                let width = if end_line == line && end_col > col {
                    end_col - col
                } else if end_line > line {
                    // A range over several lines is marked to the end of its first.
                    len - start
                } else {
                    1
                };
                let carets = "^".repeat(width.max(1) as usize);
                out.push_str(&format!(
                    "    {}{carets}\n",
                    " ".repeat(start.min(len) as usize)
                ));
            }
        }
    }
    let args = tuple_items(cast::<ExceptionObject>(e).args.expect("details"));
    match ops::repr::str_(vm, args[0]) {
        Ok(msg) if !msg.is_empty() => out.push_str(&format!("{name}: {msg}")),
        _ => out.push_str(name),
    }
    Some(out)
}

fn source_line(file: &str, line: u32) -> Option<String> {
    let text = std::fs::read_to_string(file).ok()?;
    let l = text.lines().nth(line.checked_sub(1)? as usize)?;
    let t = l.trim();
    (!t.is_empty()).then(|| t.to_string())
}

fn format_tb(tb: Option<GcRef>, out: &mut String) {
    out.push_str("Traceback (most recent call last):\n");
    let mut cur = tb;
    while let Some(t) = cur {
        let tbo = cast::<TracebackObject>(t);
        let code = cast::<CodeObj>(tbo.code.expect("tb code"));
        let file = code.code.filename.clone();
        let name = code.code.name.clone();
        out.push_str(&format!(
            "  File \"{}\", line {}, in {}\n",
            file, tbo.line, name
        ));
        if let Some(src) = source_line(&file, tbo.line as u32) {
            out.push_str(&format!("    {src}\n"));
        }
        cur = tbo.next;
    }
}

/// The full report of an uncaught exception, with its cause/context chain.
pub fn format_exception(vm: &mut Vm, e: GcRef) -> String {
    let mut out = String::new();
    let mut seen = Vec::new();
    format_chain(vm, e, &mut out, &mut seen);
    out
}

fn format_chain(vm: &mut Vm, e: GcRef, out: &mut String, seen: &mut Vec<GcRef>) {
    seen.push(e);
    if let Some(eo) = try_cast::<ExceptionObject>(e) {
        let (cause, ctx, sup) = (eo.cause, eo.context, eo.suppress_context);
        if let Some(c) = cause.filter(|c| !seen.contains(c)) {
            format_chain(vm, c, out, seen);
            out.push_str(
                "\nThe above exception was the direct cause of the following exception:\n\n",
            );
        } else if let Some(c) = ctx.filter(|c| !sup && !seen.contains(c)) {
            format_chain(vm, c, out, seen);
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
        let tb = cast::<ExceptionObject>(e).traceback;
        if tb.is_some() {
            format_tb(tb, out);
        }
    }
    let last = format_exception_only(vm, e);
    out.push_str(&last);
    out.push('\n');
}

// ---- methods ----

fn exc_init(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    if let Some(e) = try_cast::<ExceptionObject>(args[0]) {
        let t = vm.tuple(&args[1..]);
        e.args = Some(t);
        kiln_gc::write_barrier(args[0]);
    }
    Ok(vm.none)
}

fn exc_new(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let cls = args[0];
    if !is_exc_class(vm, cls) {
        return Err(vm.type_error("BaseException.__new__(X): X is not a subtype of BaseException"));
    }
    let a = vm.tuple(&args[1..]);
    Ok(crate::object::exc::new_exception(cls, vm.root_map, a))
}

fn exc_str(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let s = ops::repr::exception_str(vm, args[0])?;
    Ok(vm.new_str(s))
}

fn exc_repr(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let e = args[0];
    let a = tuple_items(cast::<ExceptionObject>(e).args.unwrap_or(vm.empty_tuple)).to_vec();
    let name = ops::tname(e);
    let inner = if a.len() == 1 {
        ops::repr::repr(vm, a[0])?
    } else {
        let t = vm.tuple(&a);
        let s = ops::repr::repr(vm, t)?;
        s[1..s.len() - 1].trim_end_matches(',').to_string()
    };
    Ok(vm.new_str(format!("{name}({inner})")))
}

fn exc_with_traceback(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let e = args[0];
    let tb = args.get(1).copied().filter(|t| *t != vm.none);
    cast::<ExceptionObject>(e).traceback = tb;
    Ok(e)
}

fn exc_add_note(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let n = vm.intern("__notes__");
    let e = args[0];
    let notes = match ops::getattr_opt(vm, e, n)? {
        Some(l) => l,
        None => {
            let l = vm.list(Vec::new());
            ops::setattr(vm, e, n, l)?;
            l
        }
    };
    crate::object::seq::list_items(notes).push(args[1]);
    Ok(vm.none)
}

pub fn register(vm: &mut Vm) {
    let be = vm.t.base_exception;
    vm.add_exc_type("BaseException", be);
    for (name, base) in &HIERARCHY[1..] {
        let b = vm.exc_type(base);
        let cls = new_exc_class(vm, name, b);
        vm.add_exc_type(name, cls);
    }
    for (alias, real) in [("EnvironmentError", "OSError"), ("IOError", "OSError")] {
        let c = vm.exc_type(real);
        let n = vm.intern(alias);
        crate::object::dict::set_str(vm.builtins, n, c);
    }
    def_method(vm, be, "__init__", exc_init);
    super::setup::def_static(vm, be, "__new__", exc_new);
    def_method(vm, be, "__str__", exc_str);
    def_method(vm, be, "__repr__", exc_repr);
    def_method(vm, be, "with_traceback", exc_with_traceback);
    def_method(vm, be, "add_note", exc_add_note);
}

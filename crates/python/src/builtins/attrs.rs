//! Attributes that builtin objects expose without a dict entry on their
//! type: `__class__`, `__dict__`, function and code attributes, exception
//! fields, number parts (`real`, `imag`, `numerator`), ranges, slices,
//! bound methods. Reached by `ops::getattr_opt` after the normal lookup
//! failed; `special_repr` is the matching fallback of `repr()`.

use crate::object::exc::ExceptionObject;
use crate::object::func::{
    BuiltinFunctionObject, CodeObj, DescrObject, FunctionObject, GeneratorObject, MethodObject,
};
use crate::object::int::{BigIntObject, FloatObject, IntObject};
use crate::object::misc::{ModuleObject, RangeObject, SliceObject};
use crate::object::seq::tuple_items;
use crate::object::typeobj::TypeObject;
use crate::object::{cast, class_of, is, try_cast, GcRef};
use crate::ops::{self, str_of};
use crate::vm::{PyResult, Vm};

fn opt(vm: &Vm, r: Option<GcRef>) -> GcRef {
    r.unwrap_or(vm.none)
}

/// The fallback attribute lookup for builtin objects.
pub fn special_getattr(vm: &mut Vm, obj: GcRef, name: GcRef) -> PyResult<Option<GcRef>> {
    let n = str_of(name);
    if n == "__class__" {
        return Ok(Some(class_of(obj)));
    }
    if n == "__dict__" {
        if let Some(d) = ops::inst_dict(vm, obj) {
            return Ok(Some(d));
        }
    }
    if let Some(f) = try_cast::<FunctionObject>(obj) {
        let v = match n {
            "__name__" => f.name,
            "__qualname__" => f.qualname,
            "__module__" => Some(opt(vm, f.module)),
            "__doc__" => Some(opt(vm, f.doc)),
            "__defaults__" => Some(opt(vm, f.defaults)),
            "__kwdefaults__" => Some(opt(vm, f.kwdefaults)),
            "__code__" => f.code,
            "__globals__" => f.globals,
            "__closure__" => Some(opt(vm, f.closure)),
            "__annotations__" => {
                if f.annotations.is_none() {
                    let d = vm.dict();
                    cast::<FunctionObject>(obj).annotations = Some(d);
                }
                cast::<FunctionObject>(obj).annotations
            }
            "__dict__" => {
                if f.dict.is_none() {
                    let d = vm.dict();
                    cast::<FunctionObject>(obj).dict = Some(d);
                }
                cast::<FunctionObject>(obj).dict
            }
            _ => f.dict.and_then(|d| crate::object::dict::get_str(d, name)),
        };
        return Ok(v);
    }
    if let Some(m) = try_cast::<MethodObject>(obj) {
        return match n {
            "__self__" => Ok(m.self_),
            "__func__" => Ok(m.func),
            _ => {
                let f = m.func.expect("method func");
                ops::getattr_opt(vm, f, name)
            }
        };
    }
    if let Some(b) = try_cast::<BuiltinFunctionObject>(obj) {
        return Ok(match n {
            "__name__" | "__qualname__" => {
                let s = b.name;
                Some(vm.intern(s))
            }
            "__self__" => Some(opt(vm, b.bound)),
            "__doc__" | "__module__" => Some(vm.none),
            _ => None,
        });
    }
    if let Some(c) = try_cast::<CodeObj>(obj) {
        let co = c.code.clone();
        return Ok(match n {
            "co_name" => c.name,
            "co_filename" => c.filename,
            "co_argcount" => Some(vm.int(co.argcount as i64)),
            "co_firstlineno" => Some(vm.int(co.first_line as i64)),
            "co_varnames" => {
                let v: Vec<GcRef> = c
                    .varnames
                    .iter()
                    .take(co.varnames.len())
                    .flatten()
                    .copied()
                    .collect();
                Some(vm.tuple(&v))
            }
            _ => None,
        });
    }
    if let Some(e) = try_cast::<ExceptionObject>(obj) {
        let args = e.args.unwrap_or(vm.empty_tuple);
        let first = tuple_items(args).first().copied();
        return Ok(match n {
            "args" => Some(args),
            "__traceback__" => Some(opt(vm, e.traceback)),
            "__cause__" => Some(opt(vm, e.cause)),
            "__context__" => Some(opt(vm, e.context)),
            "__suppress_context__" => Some(vm.bool(e.suppress_context)),
            "value" if vm.exc_matches(obj, "StopIteration") => Some(first.unwrap_or(vm.none)),
            "code" if vm.exc_matches(obj, "SystemExit") => Some(if tuple_items(args).len() > 1 {
                args
            } else {
                first.unwrap_or(vm.none)
            }),
            "msg" if vm.exc_matches(obj, "SyntaxError") => Some(first.unwrap_or(vm.none)),
            "filename"
            | "lineno"
            | "offset"
            | "text"
            | "end_lineno"
            | "end_offset"
            | "print_file_and_line"
                if vm.exc_matches(obj, "SyntaxError") =>
            {
                let d = ops::repr::syntax_details(vm, obj).unwrap_or_default();
                let v = match n {
                    "filename" => d.filename,
                    "lineno" => d.lineno,
                    "offset" => d.offset,
                    "text" => d.text,
                    "end_lineno" => d.end_lineno,
                    "end_offset" => d.end_offset,
                    _ => None,
                };
                Some(v.unwrap_or(vm.none))
            }
            "name" if vm.exc_matches(obj, "ImportError") || vm.exc_matches(obj, "NameError") => {
                Some(vm.none)
            }
            "errno" | "strerror" | "filename" if vm.exc_matches(obj, "OSError") => {
                let items = tuple_items(args);
                let i = match n {
                    "errno" => 0,
                    "strerror" => 1,
                    _ => 2,
                };
                Some(if items.len() >= 2 {
                    items.get(i).copied().unwrap_or(vm.none)
                } else {
                    vm.none
                })
            }
            _ => None,
        });
    }
    if is::<crate::object::seq::TupleObject>(obj) {
        // Struct sequences (`sys.version_info.major`): fields by name.
        let fk = vm.intern("_fields");
        if let Some(fields) = cast::<TypeObject>(class_of(obj))
            .dict
            .and_then(|d| crate::object::dict::get_str(d, fk))
        {
            if let Some(i) = tuple_items(fields).iter().position(|f| str_of(*f) == n) {
                return Ok(tuple_items(obj).get(i).copied());
            }
        }
    }
    if let Some(tb) = try_cast::<crate::object::exc::TracebackObject>(obj) {
        return Ok(match n {
            "tb_next" => Some(opt(vm, tb.next)),
            "tb_lineno" => Some(vm.int(tb.line)),
            "tb_frame" => Some(opt(vm, tb.frame)),
            _ => None,
        });
    }
    if is::<IntObject>(obj) || is::<BigIntObject>(obj) {
        return Ok(match n {
            "real" | "numerator" => Some(crate::ops::num::int_from_big(
                vm,
                crate::ops::num::to_big(&crate::ops::num::as_num(obj).unwrap()),
            )),
            "imag" => Some(vm.int(0)),
            "denominator" => Some(vm.int(1)),
            _ => None,
        });
    }
    if let Some(f) = try_cast::<FloatObject>(obj) {
        let v = f.value;
        return Ok(match n {
            "real" => Some(vm.float(v)),
            "imag" => Some(vm.float(0.0)),
            _ => None,
        });
    }
    if let Some((re, im)) = crate::object::complex::complex_parts(obj) {
        return Ok(match n {
            "real" => Some(vm.float(re)),
            "imag" => Some(vm.float(im)),
            _ => None,
        });
    }
    if is::<RangeObject>(obj) {
        return Ok(super::ranges::attr(vm, obj, n));
    }
    if let Some(s) = try_cast::<SliceObject>(obj) {
        let (a, b, c) = (s.start, s.stop, s.step);
        return Ok(match n {
            "start" => Some(opt(vm, a)),
            "stop" => Some(opt(vm, b)),
            "step" => Some(opt(vm, c)),
            _ => None,
        });
    }
    if let Some(d) = try_cast::<DescrObject>(obj) {
        return Ok(match n {
            "fget" | "__func__" | "__wrapped__" => Some(opt(vm, d.fget)),
            "fset" => Some(opt(vm, d.fset)),
            "fdel" => Some(opt(vm, d.fdel)),
            "__doc__" => Some(opt(
                vm,
                d.doc.or_else(|| {
                    d.fget
                        .and_then(|f| try_cast::<FunctionObject>(f).and_then(|f| f.doc))
                }),
            )),
            "__isabstractmethod__" => {
                let f = d.fget;
                match f {
                    Some(f) => ops::getattr_opt(vm, f, name)?.or(Some(vm.false_)),
                    None => Some(vm.false_),
                }
            }
            _ => None,
        });
    }
    if let Some(g) = try_cast::<GeneratorObject>(obj) {
        let is_agen = g.cls == Some(vm.t.async_generator);
        return Ok(match n {
            "__name__" => g.name,
            "__qualname__" => g.qualname,
            "gi_frame" | "cr_frame" => Some(if g.state == 3 {
                vm.none
            } else {
                opt(vm, g.frame)
            }),
            "gi_running" | "cr_running" => Some(vm.bool(g.state == 2)),
            "ag_frame" if is_agen => Some(if g.state == 3 {
                vm.none
            } else {
                opt(vm, g.frame)
            }),
            "ag_running" if is_agen => {
                Some(vm.bool(g.state == 2 || g.async_flags & crate::object::func::AG_RUNNING != 0))
            }
            "ag_await" | "cr_await" | "gi_yieldfrom" => {
                Some(opt(vm, crate::interp::gen::delegate(obj)))
            }
            "gi_code" | "cr_code" | "ag_code" => Some(opt(
                vm,
                g.frame
                    .and_then(|f| cast::<crate::interp::frame::FrameObject>(f).code),
            )),
            _ => None,
        });
    }
    if is::<ModuleObject>(obj) && n == "__name__" {
        return Ok(None);
    }
    if is::<TypeObject>(obj) {
        return Ok(None);
    }
    Ok(None)
}

/// `repr()` of builtin objects the generic code does not know: uses the
/// type's own `__repr__` method if it has one.
pub fn special_repr(vm: &mut Vm, r: GcRef) -> PyResult<Option<String>> {
    let cls = class_of(r);
    let n = vm.intern("__repr__");
    if let Some(m) = ops::lookup(vm, cls, n) {
        let object_repr = ops::lookup(vm, vm.t.object, n);
        if Some(m) != object_repr {
            let f = ops::bind(vm, m, Some(r), cls)?;
            let s = ops::call(vm, f, &[], &[])?;
            return Ok(Some(str_of(s).to_string()));
        }
    }
    if let Some(c) = try_cast::<CodeObj>(r) {
        let name = c.name.map_or("?".to_string(), |n| str_of(n).to_string());
        let file = c
            .filename
            .map_or("?".to_string(), |n| str_of(n).to_string());
        return Ok(Some(format!(
            "<code object {name} at {:#x}, file \"{file}\", line {}>",
            r.addr(),
            c.code.first_line
        )));
    }
    if cls == vm.t.cell {
        return Ok(Some(format!("<cell at {:#x}>", r.addr())));
    }
    Ok(None)
}

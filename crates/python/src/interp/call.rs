//! Calling Python functions: loading code objects into the heap, binding
//! arguments to frame slots (CPython's rules and error messages), making
//! functions and closures, and running a frame with the plain interpreter.
//! Recursion depth counts Python frames (RecursionError past the limit).

use super::eval::{run_frame, Exit};
use super::frame::{new_frame, slots, FrameObject};
use crate::bytecode::{code_flags, make_function as mf, CodeObject, Constant};
use crate::object::dict::{get_str, set_str, table, DictObject};
use crate::object::func::{CellObject, CodeObj, FunctionObject, GeneratorObject, KwArgs};
use crate::object::seq::tuple_items;
use crate::object::{alloc, cast, is, GcRef, HDR};
use crate::ops::str_of;
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// Converts a constant to a heap object.
fn load_const(vm: &mut Vm, c: &Constant) -> GcRef {
    match c {
        Constant::None => vm.none,
        Constant::True => vm.true_,
        Constant::False => vm.false_,
        Constant::Ellipsis => vm.ellipsis,
        Constant::Int(i) => vm.int(*i),
        Constant::BigInt(b) => crate::ops::num::int_from_big(vm, b.clone()),
        Constant::Float(f) => vm.float(*f),
        Constant::Complex(re, im) => vm.complex(*re, *im),
        Constant::Str(s) => vm.intern(s),
        Constant::Bytes(b) => crate::object::str::new_bytes(vm.t.bytes, b.clone()),
        Constant::Tuple(items) => {
            let keep = vm.list(Vec::new());
            for it in items {
                let v = load_const(vm, it);
                crate::object::seq::list_items(keep).push(v);
            }
            let v = crate::object::seq::list_items(keep).clone();
            vm.tuple(&v)
        }
        Constant::Code(co) => load_code(vm, co.clone()),
    }
}

/// Loads a compiled code object (and its nested ones) into the heap.
pub fn load_code(vm: &mut Vm, co: Rc<CodeObject>) -> GcRef {
    let filename = vm.intern(&co.filename);
    let name = vm.intern(&co.name);
    let r = alloc(CodeObj {
        hdr: HDR,
        cls: Some(vm.t.code),
        code: co.clone(),
        consts: Vec::new(),
        names: Vec::new(),
        varnames: Vec::new(),
        filename: Some(filename),
        name: Some(name),
        attr_cache: vec![Default::default(); co.code.len()],
        global_cache: vec![Default::default(); co.names.len()],
    });
    for c in &co.consts {
        let v = load_const(vm, c);
        cast::<CodeObj>(r).consts.push(Some(v));
    }
    for n in &co.names {
        let v = vm.intern(n);
        cast::<CodeObj>(r).names.push(Some(v));
    }
    for n in co.varnames.iter().chain(&co.cellvars).chain(&co.freevars) {
        let v = vm.intern(n);
        cast::<CodeObj>(r).varnames.push(Some(v));
    }
    r
}

/// `MAKE_FUNCTION`: operands are in the frame's slots from `base`.
pub fn make_function(vm: &mut Vm, frame: GcRef, base: usize, flags: u32) -> PyResult<GcRef> {
    let s = &slots(frame)[base..];
    let mut i = 0;
    let mut take = |bit: u32| {
        if flags & bit != 0 {
            i += 1;
            s[i - 1]
        } else {
            None
        }
    };
    let defaults = take(mf::DEFAULTS);
    let kwdefaults = take(mf::KWDEFAULTS);
    let annotations = take(mf::ANNOTATIONS);
    let closure = take(mf::CLOSURE);
    let code = s[i].expect("code");
    let f = cast::<FrameObject>(frame);
    let globals = f.globals.expect("globals");
    let co = cast::<CodeObj>(code).code.clone();
    let qualname = vm.intern(&co.qualname);
    let name = cast::<CodeObj>(code).name;
    let doc = match &co.docstring {
        Some(d) => vm.new_str(d.clone()),
        None => vm.none,
    };
    let modkey = vm.intern("__name__");
    let module = get_str(globals, modkey);
    Ok(alloc(FunctionObject {
        hdr: HDR,
        cls: Some(vm.t.function),
        code: Some(code),
        globals: Some(globals),
        name,
        qualname: Some(qualname),
        defaults,
        kwdefaults,
        closure,
        dict: None,
        annotations,
        doc: Some(doc),
        module,
    }))
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn name_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}

/// Binds `args`/`kw` into the slots of a fresh frame for `func`.
fn bind_args(vm: &mut Vm, func: GcRef, frame: GcRef, args: &[GcRef], kw: KwArgs) -> PyResult<()> {
    let f = cast::<FunctionObject>(func);
    let code = f.code.expect("code");
    let co = cast::<CodeObj>(code).code.clone();
    let qn: &str = str_of(f.qualname.expect("qualname"));
    let argc = co.argcount as usize;
    let kwonly = co.kwonlyargcount as usize;
    let has_varargs = co.flags & code_flags::VARARGS != 0;
    let has_varkw = co.flags & code_flags::VARKEYWORDS != 0;
    let s = slots(frame);
    let npos = args.len().min(argc);
    for i in 0..npos {
        s[i] = Some(args[i]);
    }
    let mut idx = argc + kwonly;
    if has_varargs {
        let rest = if args.len() > argc {
            &args[argc..]
        } else {
            &[][..]
        };
        let t = vm.tuple(rest);
        slots(frame)[idx] = Some(t);
        idx += 1;
    } else if args.len() > argc {
        let ndef = f.defaults.map_or(0, |d| tuple_items(d).len());
        let given = args.len();
        let kwgiven = kw
            .iter()
            .filter(|(k, _)| co.varnames[..argc + kwonly].iter().any(|v| v == str_of(*k)))
            .count();
        let takes = if ndef > 0 {
            format!("from {} to {} positional arguments", argc - ndef, argc)
        } else {
            plural(argc, "positional argument")
        };
        let was = if kwgiven > 0 {
            format!(
                "positional argument{} (and {} keyword-only argument{}) were",
                if given == 1 { "" } else { "s" },
                kwgiven,
                if kwgiven == 1 { "" } else { "s" }
            )
        } else if given == 1 {
            "was".into()
        } else {
            "were".into()
        };
        return Err(vm.type_error(format!(
            "{}() takes {} but {} {} given",
            qn, takes, given, was
        )));
    }
    let kwdict = if has_varkw {
        let d = vm.dict();
        slots(frame)[idx] = Some(d);
        Some(d)
    } else {
        None
    };
    for (k, v) in kw {
        let kn = str_of(*k);
        let pos = co.varnames[co.posonlyargcount as usize..argc + kwonly]
            .iter()
            .position(|n| n == kn);
        match pos {
            Some(p) => {
                let p = p + co.posonlyargcount as usize;
                if slots(frame)[p].is_some() {
                    return Err(
                        vm.type_error(format!("{qn}() got multiple values for argument '{kn}'"))
                    );
                }
                slots(frame)[p] = Some(*v);
            }
            None => match kwdict {
                Some(d) => {
                    if get_str(d, *k).is_some() {
                        return Err(vm.type_error(format!(
                            "{qn}() got multiple values for keyword argument '{kn}'"
                        )));
                    }
                    set_str(d, *k, *v)
                }
                None => {
                    let posonly = &co.varnames[..co.posonlyargcount as usize];
                    if posonly.iter().any(|n| n == kn) {
                        let names: Vec<&str> = kw
                            .iter()
                            .map(|(k, _)| str_of(*k))
                            .filter(|k| posonly.iter().any(|n| n == k))
                            .collect();
                        return Err(vm.type_error(format!(
                            "{qn}() got some positional-only arguments passed as keyword arguments: '{}'",
                            names.join(", ")
                        )));
                    }
                    return Err(
                        vm.type_error(format!("{qn}() got an unexpected keyword argument '{kn}'"))
                    );
                }
            },
        }
    }
    // Defaults for missing positionals.
    let s = slots(frame);
    if npos < argc {
        let defs: &[GcRef] = f.defaults.map_or(&[], tuple_items);
        let first_def = argc - defs.len();
        let mut missing = Vec::new();
        for i in npos..argc {
            if s[i].is_none() {
                if i >= first_def {
                    s[i] = Some(defs[i - first_def]);
                } else {
                    missing.push(co.varnames[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(vm.type_error(format!(
                "{}() missing {} required positional argument{}: {}",
                qn,
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
    }
    if kwonly > 0 {
        let mut missing = Vec::new();
        for i in argc..argc + kwonly {
            if slots(frame)[i].is_none() {
                let name = cast::<CodeObj>(code).varnames[i].expect("name");
                let d = f
                    .kwdefaults
                    .filter(|d| is::<DictObject>(*d))
                    .and_then(|d| get_str(d, name));
                match d {
                    Some(v) => slots(frame)[i] = Some(v),
                    None => missing.push(co.varnames[i].clone()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(vm.type_error(format!(
                "{}() missing {} required keyword-only argument{}: {}",
                qn,
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
    }
    // Cells and free variables.
    let nv = co.varnames.len();
    for i in 0..co.cellvars.len() {
        let c = new_cell(vm, None);
        slots(frame)[nv + i] = Some(c);
    }
    if let Some(cl) = f.closure {
        let base = nv + co.cellvars.len();
        for (i, c) in tuple_items(cl).iter().enumerate() {
            slots(frame)[base + i] = Some(*c);
        }
    }
    Ok(())
}

pub fn new_cell(vm: &mut Vm, value: Option<GcRef>) -> GcRef {
    alloc(CellObject {
        hdr: HDR,
        cls: Some(vm.t.cell),
        value,
    })
}

/// Calls a Python function.
pub fn call_function(vm: &mut Vm, func: GcRef, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let direct = std::mem::take(&mut vm.direct_call);
    let f = cast::<FunctionObject>(func);
    let code = f.code.expect("code");
    let globals = f.globals.expect("globals");
    let flags = cast::<CodeObj>(code).code.flags;
    let frame = new_frame(vm.t.frame, code, globals, vm.builtins, None);
    bind_args(vm, func, frame, args, kw)?;
    if flags & (code_flags::GENERATOR | code_flags::COROUTINE | code_flags::ASYNC_GENERATOR) != 0 {
        let cls = if flags & code_flags::GENERATOR != 0 {
            vm.t.generator
        } else if flags & code_flags::ASYNC_GENERATOR != 0 {
            vm.t.async_generator
        } else {
            vm.t.coroutine
        };
        let f = cast::<FunctionObject>(func);
        return Ok(alloc(GeneratorObject {
            hdr: HDR,
            cls: Some(cls),
            frame: Some(frame),
            name: f.name,
            qualname: f.qualname,
            state: 0,
            async_flags: 0,
        }));
    }
    vm.direct_call = direct;
    run_plain(vm, frame)
}

/// Runs a fresh frame to completion with the plain interpreter.
pub fn run_plain(vm: &mut Vm, frame: GcRef) -> PyResult<GcRef> {
    let direct = std::mem::take(&mut vm.direct_call);
    if vm.depth >= vm.recursion_limit {
        let msg = if direct {
            "maximum recursion depth exceeded"
        } else {
            "maximum recursion depth exceeded while calling a Python object"
        };
        return Err(vm.err("RecursionError", msg));
    }
    vm.depth += 1;
    cast::<FrameObject>(frame).back = vm.frame;
    let r = run_frame(&mut kiln_jit::Concrete, vm, frame, None);
    vm.depth -= 1;
    let (v, exit) = r?;
    debug_assert_eq!(exit, Exit::Return);
    Ok(v)
}

/// Runs a module or class body code object with `locals` as its mapping.
pub fn run_code(
    vm: &mut Vm,
    code: GcRef,
    globals: GcRef,
    locals: Option<GcRef>,
) -> PyResult<GcRef> {
    let frame = new_frame(vm.t.frame, code, globals, vm.builtins, locals);
    run_plain(vm, frame)
}

/// Runs a class body function with a fresh namespace; returns the
/// namespace dict and the `__classcell__` found there (if any).
pub fn run_class_body(vm: &mut Vm, func: GcRef, ns: GcRef) -> PyResult<()> {
    let f = cast::<FunctionObject>(func);
    let code = f.code.expect("code");
    let globals = f.globals.expect("globals");
    let frame = new_frame(vm.t.frame, code, globals, vm.builtins, Some(ns));
    bind_args(vm, func, frame, &[], &[])?;
    run_plain(vm, frame)?;
    let _ = table(ns);
    Ok(())
}

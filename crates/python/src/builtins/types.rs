//! `type` and `object`: calling a class (`__new__` then `__init__`),
//! creating classes (`type(name, bases, ns)`, `__build_class__`), the
//! descriptor wrappers (property, staticmethod, classmethod) and `super`.

use super::setup::{def_method, def_static};
use crate::object::dict::{get_str, set_str, table, DictObject};
use crate::object::func::{CellObject, DescrObject, FunctionObject, KwArgs};
use crate::object::seq::tuple_items;
use crate::object::str::StrObject;
use crate::object::typeobj::{c3_mro, fresh_version, InstLayout, TypeObject};
use crate::object::{alloc, cast, class_of, is, try_cast, GcRef, HDR};
use crate::ops::{self, str_of, tname};
use crate::vm::{PyResult, Vm};

pub fn new_descr(vm: &mut Vm, cls: GcRef, f: Option<GcRef>) -> GcRef {
    let none = vm.none;
    alloc(DescrObject {
        hdr: HDR,
        cls: Some(cls),
        fget: f.filter(|x| *x != none),
        fset: None,
        fdel: None,
        doc: None,
    })
}

use super::kwarg;

/// The nearest class in the MRO with a native constructor.
fn native_base(cls: GcRef) -> Option<(GcRef, crate::object::func::NativeFn)> {
    cast::<TypeObject>(cls)
        .mro
        .iter()
        .flatten()
        .find_map(|c| cast::<TypeObject>(*c).native_new.map(|f| (*c, f)))
}

/// Allocates an instance of `cls` by its layout (object.__new__).
pub fn alloc_instance(vm: &mut Vm, cls: GcRef, args: &[GcRef]) -> PyResult<GcRef> {
    alloc_instance_kw(vm, cls, args, &[])
}

/// [`alloc_instance`] with keyword arguments, which go to the native
/// constructors that take keywords (`int`, `complex`).
pub fn alloc_instance_kw(vm: &mut Vm, cls: GcRef, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    match cast::<TypeObject>(cls).layout {
        InstLayout::Instance => Ok(crate::object::instance::new_instance(cls, vm.root_map)),
        InstLayout::Exception => {
            let a = vm.tuple(args);
            Ok(crate::object::exc::new_exception(cls, vm.root_map, a))
        }
        InstLayout::Builtin => match native_base(cls) {
            Some((base, f)) => {
                let mut v = vec![cls];
                v.extend_from_slice(args);
                let kw = if base == vm.t.complex || base == vm.t.int {
                    kw
                } else {
                    &[]
                };
                let o = f(vm, &v, kw)?;
                crate::object::set_class(o, cls);
                Ok(o)
            }
            None => Err(vm.type_error(format!(
                "cannot create '{}' instances",
                ops::type_name_of(cls)
            ))),
        },
    }
}

/// `cls(*args, **kw)`: a metaclass's own `__call__` (written in Python)
/// decides; otherwise `type.__call__`.
pub fn call_type(vm: &mut Vm, cls: GcRef, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let meta = class_of(cls);
    if meta != vm.t.type_ && cast::<TypeObject>(meta).heap {
        let n = vm.intern("__call__");
        if let Some(m) = ops::lookup(vm, meta, n) {
            if is::<FunctionObject>(m) {
                let mut v = Vec::with_capacity(args.len() + 1);
                v.push(cls);
                v.extend_from_slice(args);
                return ops::call(vm, m, &v, kw);
            }
        }
    }
    type_call_default(vm, cls, args, kw)
}

/// `type.__call__(cls, *args, **kw)`: `__new__` then `__init__`.
pub fn type_call_default(vm: &mut Vm, cls: GcRef, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    if cls == vm.t.type_ && args.len() == 1 && kw.is_empty() {
        return Ok(class_of(args[0]));
    }
    let t = cast::<TypeObject>(cls);
    if !t.heap {
        if vm.is_subtype(cls, vm.t.type_) {
            return type_new(vm, cls, args, kw);
        }
        if let Some(f) = t.native_new {
            let mut v = Vec::with_capacity(args.len() + 1);
            v.push(cls);
            v.extend_from_slice(args);
            let o = f(vm, &v, kw)?;
            // Mutable containers fill themselves in __init__.
            if cls == vm.t.list || cls == vm.t.dict || cls == vm.t.set {
                let n = vm.intern("__init__");
                if let Some(init) = ops::lookup(vm, cls, n) {
                    let mut v = vec![o];
                    v.extend_from_slice(args);
                    ops::call(vm, init, &v, kw)?;
                }
            }
            return Ok(o);
        }
        if t.layout == InstLayout::Exception || cls == vm.t.object {
            let o = alloc_instance(vm, cls, args)?;
            if cls == vm.t.object && (!args.is_empty() || !kw.is_empty()) {
                return Err(vm.type_error("object() takes no arguments"));
            }
            return Ok(o);
        }
        return Err(vm.type_error(format!(
            "cannot create '{}' instances",
            ops::type_name_of(cls)
        )));
    }
    let meta_is_type = vm.is_subtype(cls, vm.t.type_);
    if meta_is_type {
        // A metaclass: cls(name, bases, ns) creates a class.
        let n = vm.intern("__new__");
        let new = ops::lookup(vm, cls, n);
        let obj = match new {
            Some(nf)
                if class_of(nf) == vm.t.staticmethod
                    && cast::<DescrObject>(nf)
                        .fget
                        .is_some_and(|f| is::<FunctionObject>(f)) =>
            {
                let f = cast::<DescrObject>(nf).fget.unwrap();
                let mut v = vec![cls];
                v.extend_from_slice(args);
                ops::call(vm, f, &v, kw)?
            }
            _ => type_new(vm, cls, args, kw)?,
        };
        if ops::isinstance(obj, cls) {
            let n = vm.intern("__init__");
            if let Some(init) = ops::lookup(vm, cls, n) {
                if is::<FunctionObject>(init) {
                    let mut v = vec![obj];
                    v.extend_from_slice(args);
                    ops::call(vm, init, &v, kw)?;
                }
            }
        }
        return Ok(obj);
    }
    let n_new = vm.intern("__new__");
    let n_init = vm.intern("__init__");
    let new = ops::lookup(vm, cls, n_new);
    let init = ops::lookup(vm, cls, n_init);
    let custom_new = new.filter(|nf| {
        class_of(*nf) == vm.t.staticmethod
            && cast::<DescrObject>(*nf)
                .fget
                .is_some_and(|f| is::<FunctionObject>(f))
    });
    let obj = match custom_new {
        Some(nf) => {
            let f = cast::<DescrObject>(nf).fget.unwrap();
            let mut v = vec![cls];
            v.extend_from_slice(args);
            ops::call(vm, f, &v, kw)?
        }
        None => {
            let init_is_py = init.is_some_and(|i| is::<FunctionObject>(i));
            if !init_is_py
                && (!args.is_empty() || !kw.is_empty())
                && cast::<TypeObject>(cls).layout == InstLayout::Instance
            {
                return Err(
                    vm.type_error(format!("{}() takes no arguments", ops::type_name_of(cls)))
                );
            }
            let o = alloc_instance_kw(vm, cls, args, kw)?;
            if cast::<TypeObject>(cls).layout == InstLayout::Builtin && !init_is_py {
                // e.g. class L(list): pass; L([1, 2]) fills through list.__init__.
                if let Some(i) = init {
                    if class_of(i) == vm.t.method_descr {
                        let mut v = vec![o];
                        v.extend_from_slice(args);
                        ops::call(vm, i, &v, kw)?;
                    }
                }
            }
            o
        }
    };
    if !ops::isinstance(obj, cls) {
        return Ok(obj);
    }
    if let Some(i) = init {
        if is::<FunctionObject>(i) {
            let mut v = vec![obj];
            v.extend_from_slice(args);
            let r = ops::call(vm, i, &v, kw)?;
            if r != vm.none {
                return Err(
                    vm.type_error(format!("__init__() should return None, not '{}'", tname(r)))
                );
            }
        }
    }
    Ok(obj)
}

/// `type(name, bases, ns)` with metaclass `meta`.
pub fn type_new(vm: &mut Vm, meta: GcRef, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    if args.len() != 3 {
        return Err(vm.type_error("type() takes 1 or 3 arguments"));
    }
    let (name, bases, ns) = (args[0], args[1], args[2]);
    if !is::<StrObject>(name) || !is::<DictObject>(ns) {
        return Err(vm.type_error("type.__new__() argument 1 must be str"));
    }
    let mut bases: Vec<GcRef> = tuple_items(bases).to_vec();
    for b in &bases {
        if !is::<TypeObject>(*b) {
            return Err(vm.type_error("bases must be types"));
        }
    }
    if bases.is_empty() {
        bases.push(vm.t.object);
    }
    let mut layout = InstLayout::Instance;
    for b in &bases {
        match cast::<TypeObject>(*b).layout {
            InstLayout::Exception => layout = InstLayout::Exception,
            InstLayout::Builtin if layout == InstLayout::Instance => layout = InstLayout::Builtin,
            _ => {}
        }
    }
    let d = vm.dict();
    let entries: Vec<_> = table(ns).iter().copied().collect();
    for e in entries {
        table(d).push_new(vm, e.hash, e.key.unwrap(), e.value)?;
    }
    let qn_key = vm.intern("__qualname__");
    let qualname = get_str(d, qn_key)
        .filter(|q| is::<StrObject>(*q))
        .unwrap_or(name);
    crate::object::dict::del_str(d, qn_key);
    let cls = alloc(TypeObject {
        hdr: HDR,
        cls: Some(meta),
        dict: Some(d),
        name: Some(name),
        qualname: Some(qualname),
        base: Some(bases[0]),
        bases: bases.iter().map(|b| Some(*b)).collect(),
        mro: Vec::new(),
        subclasses: Vec::new(),
        version: fresh_version(),
        layout,
        heap: true,
        native_new: None,
        flags: 0,
    });
    let mro = match c3_mro(cls, &bases) {
        Some(m) => m,
        None => {
            let names: Vec<String> = bases.iter().map(|b| ops::type_name_of(*b)).collect();
            return Err(vm.type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        }
    };
    cast::<TypeObject>(cls).mro = mro.into_iter().map(Some).collect();
    // The layout base (CPython's `tp_base`: the first base with a builtin
    // layout, else the first base) passes on the collection and
    // match-self flags.
    let solid = bases
        .iter()
        .copied()
        .find(|b| cast::<TypeObject>(*b).layout != InstLayout::Instance)
        .unwrap_or(bases[0]);
    cast::<TypeObject>(cls).flags =
        cast::<TypeObject>(solid).flags & crate::object::typeobj::type_flags::INHERITED;
    for b in &bases {
        cast::<TypeObject>(*b).subclasses.push(Some(cls));
    }
    // A class that defines __eq__ but not __hash__ is unhashable.
    let (ek, hk) = (vm.intern("__eq__"), vm.intern("__hash__"));
    if get_str(d, ek).is_some() && get_str(d, hk).is_none() {
        let none = vm.none;
        set_str(d, hk, none);
    }
    // Implicit wrappers.
    for (n, wrap) in [
        ("__new__", vm.t.staticmethod),
        ("__init_subclass__", vm.t.classmethod),
        ("__class_getitem__", vm.t.classmethod),
    ] {
        let k = vm.intern(n);
        if let Some(f) = get_str(d, k) {
            if is::<FunctionObject>(f) {
                let w = new_descr(vm, wrap, Some(f));
                set_str(d, k, w);
            }
        }
    }
    let mk = vm.intern("__module__");
    if get_str(d, mk).is_none() {
        if let Some(f) = vm.frame {
            let g = cast::<crate::interp::frame::FrameObject>(f)
                .globals
                .expect("globals");
            let nk = vm.intern("__name__");
            if let Some(m) = get_str(g, nk) {
                set_str(d, mk, m);
            }
        }
    }
    let cc = vm.intern("__classcell__");
    if let Some(cell) = get_str(d, cc) {
        if let Some(c) = try_cast::<CellObject>(cell) {
            c.value = Some(cls);
        }
        crate::object::dict::del_str(d, cc);
    }
    // __set_name__ on descriptors.
    let entries: Vec<_> = table(d).iter().copied().collect();
    for e in entries {
        let v = e.value.unwrap();
        if cast::<TypeObject>(class_of(v)).heap {
            ops::call_method_opt(vm, v, "__set_name__", &[cls, e.key.unwrap()])?;
        }
    }
    // __init_subclass__ of the parent.
    let isk = vm.intern("__init_subclass__");
    let parent_mro: Vec<GcRef> = cast::<TypeObject>(cls)
        .mro
        .iter()
        .flatten()
        .skip(1)
        .copied()
        .collect();
    for p in parent_mro {
        if let Some(pd) = cast::<TypeObject>(p).dict {
            if let Some(f) = get_str(pd, isk) {
                let b = ops::bind(vm, f, None, cls)?;
                ops::call(vm, b, &[], &[])?;
                break;
            }
        }
    }
    Ok(cls)
}

/// `__build_class__(func, name, *bases, metaclass=..., **kw)`.
fn build_class(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    if args.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let (func, name) = (args[0], args[1]);
    let bases = vm.tuple(&args[2..]);
    let mut meta = kwarg(kw, "metaclass");
    let rest: Vec<(GcRef, GcRef)> = kw
        .iter()
        .filter(|(k, _)| str_of(*k) != "metaclass")
        .copied()
        .collect();
    if meta.is_none() {
        let mut m = vm.t.type_;
        for b in &args[2..] {
            let bm = class_of(*b);
            if vm.is_subtype(bm, m) {
                m = bm;
            }
        }
        meta = Some(m);
    }
    let meta = meta.unwrap();
    let prep = vm_str(vm, "__prepare__");
    let ns = match ops::getattr_opt(vm, meta, prep)? {
        Some(p) if is::<TypeObject>(meta) && cast::<TypeObject>(meta).heap => {
            let r = ops::call(vm, p, &[name, bases], &rest)?;
            if is::<DictObject>(r) {
                r
            } else {
                vm.dict()
            }
        }
        _ => vm.dict(),
    };
    crate::interp::call::run_class_body(vm, func, ns)?;
    ops::call(vm, meta, &[name, bases, ns], &rest)
}

fn vm_str(vm: &mut Vm, s: &str) -> GcRef {
    vm.intern(s)
}

// ---- object ----

fn object_init(_vm: &mut Vm, _args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    Ok(_vm.none)
}

fn object_new(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let cls = *args
        .first()
        .ok_or_else(|| vm.type_error("object.__new__(): not enough arguments"))?;
    if !is::<TypeObject>(cls) {
        return Err(vm.type_error("object.__new__(X): X is not a type object"));
    }
    alloc_instance(vm, cls, &args[1..])
}

fn object_eq(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    Ok(if args[0] == args[1] {
        vm.true_
    } else {
        vm.notimpl
    })
}

fn object_ne(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let r = ops::cmp::richcompare(vm, args[0], args[1], crate::bytecode::CmpOp::Eq)?;
    let t = ops::truthy(vm, r)?;
    Ok(vm.bool(!t))
}

fn object_hash(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    Ok(vm.int((args[0].addr() >> 4) as i64))
}

fn object_repr(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let cls = class_of(args[0]);
    let q = cast::<TypeObject>(cls)
        .qualname
        .map_or("?".into(), |n| str_of(n).to_string());
    let mk = vm.intern("__module__");
    let m = cast::<TypeObject>(cls)
        .dict
        .and_then(|d| get_str(d, mk))
        .filter(|m| is::<StrObject>(*m));
    let s = match m {
        Some(m) if str_of(m) != "builtins" => {
            format!("<{}.{} object at {:#x}>", str_of(m), q, args[0].addr())
        }
        _ => format!("<{} object at {:#x}>", q, args[0].addr()),
    };
    Ok(vm.new_str(s))
}

fn object_str(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let s = ops::repr::repr(vm, args[0])?;
    Ok(vm.new_str(s))
}

fn object_setattr(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    if args.len() != 3 {
        return Err(vm.type_error("__setattr__ expected 2 arguments"));
    }
    ops::object_setattr(vm, args[0], args[1], args[2])?;
    Ok(vm.none)
}

fn object_delattr(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    ops::object_delattr(vm, args[0], args[1])?;
    Ok(vm.none)
}

fn object_getattribute(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    match ops::getattr_opt(vm, args[0], args[1])? {
        Some(v) => Ok(v),
        None => Err(ops::no_attr(vm, args[0], args[1])),
    }
}

fn object_subclasshook(vm: &mut Vm, _args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    Ok(vm.notimpl)
}

fn object_init_subclass(vm: &mut Vm, _args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    Ok(vm.none)
}

fn object_format(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    if args.len() > 1 && !str_of(args[1]).is_empty() {
        return Err(vm.type_error(format!(
            "unsupported format string passed to {}.__format__",
            tname(args[0])
        )));
    }
    let s = ops::repr::str_(vm, args[0])?;
    Ok(vm.new_str(s))
}

fn object_dir(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    super::funcs::dir_of(vm, args[0])
}

fn object_reduce(vm: &mut Vm, _args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    Err(vm.type_error("cannot pickle object"))
}

// ---- type ----

fn type_setattr(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    super::check_args(vm, "__setattr__", &args[1..], 2, 2)?;
    if !is::<StrObject>(args[1]) {
        return Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            ops::tname(args[1])
        )));
    }
    let n = vm.intern(str_of(args[1]));
    ops::setattr(vm, args[0], n, args[2])?;
    Ok(vm.none)
}

fn type_mro(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let m: Vec<GcRef> = cast::<TypeObject>(args[0])
        .mro
        .iter()
        .flatten()
        .copied()
        .collect();
    Ok(vm.list(m))
}

fn type_subclasses(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let m: Vec<GcRef> = cast::<TypeObject>(args[0])
        .subclasses
        .iter()
        .flatten()
        .copied()
        .collect();
    Ok(vm.list(m))
}

fn type_instancecheck(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    Ok(vm.bool(ops::isinstance(args[1], args[0])))
}

fn type_subclasscheck(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    Ok(vm.bool(is::<TypeObject>(args[1]) && vm.is_subtype(args[1], args[0])))
}

fn type_new_fn(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    // type.__new__(meta, name, bases, ns)
    if args.is_empty() {
        return Err(vm.type_error("type.__new__(): not enough arguments"));
    }
    type_new(vm, args[0], &args[1..], kw)
}

fn type_init(vm: &mut Vm, _args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    Ok(vm.none)
}

fn type_call(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    type_call_default(vm, args[0], &args[1..], kw)
}

// ---- property, staticmethod, classmethod ----

fn descr_new(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let cls = args[0];
    let d = new_descr(vm, cls, args.get(1).copied());
    if cls == vm.t.property || vm.is_subtype(cls, vm.t.property) {
        let p = cast::<DescrObject>(d);
        let none = vm.none;
        p.fset = args
            .get(2)
            .copied()
            .or(kwarg(kw, "fset"))
            .filter(|x| *x != none);
        p.fdel = args
            .get(3)
            .copied()
            .or(kwarg(kw, "fdel"))
            .filter(|x| *x != none);
        p.doc = args.get(4).copied().or(kwarg(kw, "doc"));
        if p.fget.is_none() {
            p.fget = kwarg(kw, "fget").filter(|x| *x != none);
        }
    }
    Ok(d)
}

fn prop_copy(vm: &mut Vm, args: &[GcRef], which: u8) -> PyResult<GcRef> {
    let src = cast::<DescrObject>(args[0]);
    let (g, s, d, doc) = (src.fget, src.fset, src.fdel, src.doc);
    let n = new_descr(vm, class_of(args[0]), g);
    let p = cast::<DescrObject>(n);
    p.fset = s;
    p.fdel = d;
    p.doc = doc;
    match which {
        b'g' => p.fget = Some(args[1]),
        b's' => p.fset = Some(args[1]),
        _ => p.fdel = Some(args[1]),
    }
    Ok(n)
}

fn prop_getter(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    prop_copy(vm, args, b'g')
}
fn prop_setter(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    prop_copy(vm, args, b's')
}
fn prop_deleter(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    prop_copy(vm, args, b'd')
}

fn descr_get(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let obj = args.get(1).copied().filter(|o| *o != vm.none);
    let owner = args
        .get(2)
        .copied()
        .unwrap_or_else(|| obj.map(class_of).unwrap_or(vm.t.object));
    ops::bind(vm, args[0], obj, owner)
}

fn prop_set(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    match cast::<DescrObject>(args[0]).fset {
        Some(s) => ops::call(vm, s, &[args[1], args[2]], &[]),
        None => Err(vm.attr_error("can't set attribute")),
    }
}

// ---- super ----

fn super_new(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let (ty, obj) = if args.len() >= 3 {
        (args[1], args[2])
    } else if args.len() == 2 {
        (args[1], vm.none)
    } else {
        zero_arg_super(vm)?
    };
    if !is::<TypeObject>(ty) {
        return Err(vm.type_error("super() argument 1 must be a type"));
    }
    let d = new_descr(vm, vm.t.super_, Some(ty));
    cast::<DescrObject>(d).fset = Some(obj);
    Ok(d)
}

fn zero_arg_super(vm: &mut Vm) -> PyResult<(GcRef, GcRef)> {
    let frame = vm
        .frame
        .ok_or_else(|| vm.err("RuntimeError", "super(): no current frame"))?;
    let f = cast::<crate::interp::frame::FrameObject>(frame);
    let co = cast::<crate::object::func::CodeObj>(f.code.expect("code"))
        .code
        .clone();
    let slots = crate::interp::frame::slots(frame);
    let pos = co.freevars.iter().position(|n| n == "__class__");
    let cls = pos
        .and_then(|i| slots[co.varnames.len() + co.cellvars.len() + i])
        .and_then(|c| cast::<CellObject>(c).value);
    let cls = match cls {
        Some(c) => c,
        None => return Err(vm.err("RuntimeError", "super(): __class__ cell not found")),
    };
    if co.argcount == 0 && co.flags & crate::bytecode::code_flags::VARARGS == 0 {
        return Err(vm.err("RuntimeError", "super(): no arguments"));
    }
    let mut first = slots[0];
    if let Some(ci) = co.cellvars.iter().position(|n| *n == co.varnames[0]) {
        first = slots[co.varnames.len() + ci].and_then(|c| cast::<CellObject>(c).value);
    }
    let first = first.ok_or_else(|| vm.err("RuntimeError", "super(): arg[0] deleted"))?;
    Ok((cls, first))
}

/// Attribute lookup on a super object: the MRO after `type`.
pub fn super_getattr(vm: &mut Vm, sup: GcRef, name: GcRef) -> PyResult<Option<GcRef>> {
    let d = cast::<DescrObject>(sup);
    let (ty, obj) = (d.fget.expect("type"), d.fset.expect("obj"));
    let start = if is::<TypeObject>(obj) && vm.is_subtype(obj, ty) {
        obj
    } else {
        class_of(obj)
    };
    let mro: Vec<GcRef> = cast::<TypeObject>(start)
        .mro
        .iter()
        .flatten()
        .copied()
        .collect();
    let idx = mro
        .iter()
        .position(|c| *c == ty)
        .map_or(mro.len(), |i| i + 1);
    for c in &mro[idx..] {
        if let Some(cd) = cast::<TypeObject>(*c).dict {
            if let Some(v) = get_str(cd, name) {
                let is_cls = is::<TypeObject>(obj) && vm.is_subtype(obj, ty);
                let r = if is_cls {
                    ops::bind(vm, v, None, obj)
                } else {
                    ops::bind(vm, v, Some(obj), start)
                };
                return r.map(Some);
            }
        }
    }
    if str_of(name) == "__class__" {
        return Ok(Some(vm.t.super_));
    }
    Ok(None)
}

pub fn register(vm: &mut Vm) {
    let (o, t) = (vm.t.object, vm.t.type_);
    def_method(vm, o, "__init__", object_init);
    def_static(vm, o, "__new__", object_new);
    def_method(vm, o, "__eq__", object_eq);
    def_method(vm, o, "__ne__", object_ne);
    def_method(vm, o, "__hash__", object_hash);
    def_method(vm, o, "__repr__", object_repr);
    def_method(vm, o, "__str__", object_str);
    def_method(vm, o, "__setattr__", object_setattr);
    def_method(vm, o, "__delattr__", object_delattr);
    def_method(vm, o, "__getattribute__", object_getattribute);
    def_method(vm, o, "__format__", object_format);
    def_method(vm, o, "__dir__", object_dir);
    def_method(vm, o, "__reduce_ex__", object_reduce);
    super::setup::def_classmethod(vm, o, "__init_subclass__", object_init_subclass);
    super::setup::def_classmethod(vm, o, "__subclasshook__", object_subclasshook);
    def_method(vm, t, "mro", type_mro);
    def_method(vm, t, "__setattr__", type_setattr);
    def_method(vm, t, "__subclasses__", type_subclasses);
    def_method(vm, t, "__instancecheck__", type_instancecheck);
    def_method(vm, t, "__subclasscheck__", type_subclasscheck);
    def_method(vm, t, "__init__", type_init);
    def_method(vm, t, "__call__", type_call);
    def_static(vm, t, "__new__", type_new_fn);
    for c in [vm.t.property, vm.t.staticmethod, vm.t.classmethod] {
        cast::<TypeObject>(c).native_new = Some(descr_new);
        def_method(vm, c, "__get__", descr_get);
    }
    let p = vm.t.property;
    def_method(vm, p, "getter", prop_getter);
    def_method(vm, p, "setter", prop_setter);
    def_method(vm, p, "deleter", prop_deleter);
    def_method(vm, p, "__set__", prop_set);
    cast::<TypeObject>(vm.t.super_).native_new = Some(super_new);
    let b = vm.builtins;
    vm.def_fn(b, "__build_class__", build_class);
}

/// `_kiln_abc.collection_flags(cls)`: the sequence/mapping bits of `cls`
/// for `match` (`type_flags::COLLECTION`).
fn abc_collection_flags(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    super::check_args(vm, "collection_flags", args, 1, 1)?;
    let f = try_cast::<TypeObject>(args[0]).map_or(0, |t| {
        t.flags & crate::object::typeobj::type_flags::COLLECTION
    });
    Ok(vm.int(f as i64))
}

/// `_kiln_abc.set_collection_flags(cls, flags)`: make `cls` and its
/// subclasses sequences or mappings for `match`, as an ABC with
/// `__abc_tpflags__` does for its subclasses and registered classes.
/// Builtin types keep their own flags.
fn abc_set_collection_flags(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    use crate::object::typeobj::type_flags::COLLECTION;
    super::check_args(vm, "set_collection_flags", args, 2, 2)?;
    let flag = (ops::item::index_value(vm, args[1])? as u32) & COLLECTION;
    let mut work = vec![args[0]];
    while let Some(c) = work.pop() {
        let Some(t) = try_cast::<TypeObject>(c) else {
            continue;
        };
        if !t.heap || t.flags & COLLECTION == flag {
            continue;
        }
        t.flags = (t.flags & !COLLECTION) | flag;
        work.extend(t.subclasses.iter().flatten().copied());
    }
    Ok(vm.none)
}

/// The `_kiln_abc` module (used by `abc` and `collections`).
pub fn register_abc_module(vm: &mut Vm) {
    let d = vm.dict();
    vm.def_fn(d, "collection_flags", abc_collection_flags);
    vm.def_fn(d, "set_collection_flags", abc_set_collection_flags);
    super::import::add_native_module(vm, "_kiln_abc", d);
}

//! Python's object protocols on concrete objects: attribute lookup (with
//! descriptors and maps), calls, truth, hashing, equality, iteration.
//! These run outside the trace: the interpreter reaches them through
//! residual calls (`interp::helpers`). Numbers are in [`num`], comparisons
//! in [`cmp`], repr/str in [`repr`], subscripts in [`item`].

pub mod cmp;
pub mod complex;
pub mod item;
pub mod num;
pub mod repr;

use crate::object::dict::{get_str, set_str, DictObject};
use crate::object::exc::ExceptionObject;
use crate::object::func::{
    BuiltinFunctionObject, DescrObject, FunctionObject, KwArgs, MethodObject,
};
use crate::object::instance::{map_add, map_lookup_ref, Attrs, InstanceObject};
use crate::object::int::{BigIntObject, FloatObject, IntObject};
use crate::object::misc::ModuleObject;
use crate::object::seq::{ListObject, TupleObject};
use crate::object::str::StrObject;
use crate::object::typeobj::{invalidate, TypeObject};
use crate::object::{alloc, cast, class_of, is, try_cast, GcRef, HDR};
use crate::vm::{Exc, PyResult, Vm};

/// The `__name__` of a type.
pub fn type_name_of(cls: GcRef) -> String {
    match cast::<TypeObject>(cls).name {
        Some(n) => cast::<StrObject>(n).s.clone(),
        None => "?".into(),
    }
}

/// The type name of an object, for messages.
pub fn tname(r: GcRef) -> String {
    type_name_of(class_of(r))
}

#[inline]
pub fn str_of(r: GcRef) -> &'static str {
    &cast::<StrObject>(r).s
}

/// Looks `name` up along the MRO of `cls` (cached by type version).
pub fn lookup(vm: &mut Vm, cls: GcRef, name: GcRef) -> Option<GcRef> {
    let version = cast::<TypeObject>(cls).version;
    // Multiplicative hashing: GC addresses share their low bits.
    let h = (cls.addr() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ (name.addr() as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    let slot = (h >> 52) as usize & (crate::vm::METHOD_CACHE_SIZE - 1);
    let e = vm.method_cache[slot];
    if e.cls == cls.addr() && e.name == name.addr() && e.version == version {
        return e.result;
    }
    let r = lookup_uncached(cls, name);
    vm.method_cache[slot] = crate::vm::CacheEntry {
        cls: cls.addr(),
        name: name.addr(),
        version,
        result: r,
    };
    r
}

pub fn lookup_uncached(cls: GcRef, name: GcRef) -> Option<GcRef> {
    let t = cast::<TypeObject>(cls);
    for c in t.mro.iter().flatten() {
        if let Some(d) = cast::<TypeObject>(*c).dict {
            if let Some(v) = get_str(d, name) {
                return Some(v);
            }
        }
    }
    None
}

pub fn lookup_str(vm: &mut Vm, cls: GcRef, name: &str) -> Option<GcRef> {
    let n = vm.intern(name);
    lookup(vm, cls, n)
}

/// The attribute part of an object with one (instances, exceptions).
pub fn attrs_of(obj: GcRef) -> Option<&'static mut Attrs> {
    if let Some(i) = try_cast::<InstanceObject>(obj) {
        Some(&mut i.attrs)
    } else if let Some(e) = try_cast::<ExceptionObject>(obj) {
        Some(&mut e.attrs)
    } else if let Some(d) = try_cast::<DictObject>(obj) {
        d.ext.as_deref_mut()
    } else if let Some(l) = try_cast::<ListObject>(obj) {
        l.ext.as_deref_mut()
    } else {
        None
    }
}

/// Reads an instance attribute (maps or dict mode).
pub fn inst_get(a: &Attrs, name: GcRef) -> Option<GcRef> {
    match a.map {
        Some(m) => map_lookup_ref(m, name).and_then(|i| a.storage[i]),
        None => a.dict.and_then(|d| get_str(d, name)),
    }
}

/// Writes an instance attribute (maps or dict mode).
pub fn inst_set(obj: GcRef, a: &mut Attrs, name: GcRef, v: GcRef) {
    match a.map {
        Some(m) => match map_lookup_ref(m, name) {
            Some(i) => a.storage[i] = Some(v),
            None => {
                let nm = map_add(m, str_of(name), name);
                a.map = Some(nm);
                a.storage.push(Some(v));
            }
        },
        None => set_str(a.dict.expect("instance dict"), name, v),
    }
    kiln_gc::write_barrier(obj);
}

/// Switches an instance to dict mode and returns its `__dict__`.
pub fn inst_dict(vm: &mut Vm, obj: GcRef) -> Option<GcRef> {
    let a = attrs_of(obj)?;
    if a.map.is_none() {
        return a.dict;
    }
    let d = vm.dict();
    let a = attrs_of(obj)?;
    let m = a.map.expect("map");
    let names = cast::<crate::object::instance::MapObject>(m).names.clone();
    for (i, n) in names.iter().enumerate() {
        if let (Some(n), Some(v)) = (n, a.storage[i]) {
            set_str(d, *n, v);
        }
    }
    a.map = None;
    a.storage.clear();
    a.dict = Some(d);
    kiln_gc::write_barrier(obj);
    Some(d)
}

/// Is `r` a data descriptor (property, or a class with `__set__`)?
fn is_data_descr(vm: &mut Vm, r: GcRef) -> bool {
    let c = class_of(r);
    if c == vm.t.property {
        return true;
    }
    if cast::<TypeObject>(c).heap {
        let n = vm.n.set;
        return lookup(vm, c, n).is_some();
    }
    false
}

/// Applies the descriptor protocol to a class attribute `attr` found for
/// instance `obj` (None when accessed on the class `owner`).
pub fn bind(vm: &mut Vm, attr: GcRef, obj: Option<GcRef>, owner: GcRef) -> PyResult<GcRef> {
    let c = class_of(attr);
    if c == vm.t.function {
        return Ok(match obj {
            Some(o) => new_method(vm, attr, o),
            None => attr,
        });
    }
    if c == vm.t.method_descr {
        return Ok(match obj {
            Some(o) => {
                let b = cast::<BuiltinFunctionObject>(attr);
                let (name, func) = (b.name, b.func);
                vm.builtin_fn(name, func, Some(o))
            }
            None => attr,
        });
    }
    if c == vm.t.staticmethod {
        return Ok(cast::<DescrObject>(attr).fget.unwrap_or(vm.none));
    }
    if c == vm.t.classmethod {
        let f = cast::<DescrObject>(attr).fget.unwrap_or(vm.none);
        return Ok(new_method(vm, f, owner));
    }
    if c == vm.t.property {
        return match obj {
            None => Ok(attr),
            Some(o) => match cast::<DescrObject>(attr).fget {
                Some(g) => call(vm, g, &[o], &[]),
                None => Err(vm.attr_error("property has no getter")),
            },
        };
    }
    if cast::<TypeObject>(c).heap {
        let n = vm.n.get;
        if let Some(g) = lookup(vm, c, n) {
            let o = obj.unwrap_or(vm.none);
            return call(vm, g, &[attr, o, owner], &[]);
        }
    }
    Ok(attr)
}

pub fn new_method(vm: &mut Vm, func: GcRef, self_: GcRef) -> GcRef {
    alloc(MethodObject {
        hdr: HDR,
        cls: Some(vm.t.method),
        func: Some(func),
        self_: Some(self_),
    })
}

/// `getattr(obj, name)`; `name` is a str.
pub fn getattr(vm: &mut Vm, obj: GcRef, name: GcRef) -> PyResult<GcRef> {
    let cls = class_of(obj);
    if cast::<TypeObject>(cls).heap {
        // A class's own __getattribute__ replaces the lookup.
        let n = vm.n.getattribute;
        if let Some(ga) = lookup(vm, cls, n) {
            if is::<FunctionObject>(ga) {
                let r = call(vm, ga, &[obj, name], &[]);
                return match r {
                    Err(e) if vm.exc_matches(e.0, "AttributeError") => {
                        let n = vm.n.getattr;
                        match lookup(vm, cls, n) {
                            Some(g) => {
                                let f = bind(vm, g, Some(obj), cls)?;
                                call(vm, f, &[name], &[])
                            }
                            None => Err(e),
                        }
                    }
                    r => r,
                };
            }
        }
    }
    match getattr_opt(vm, obj, name)? {
        Some(v) => Ok(v),
        None => {
            let cls = class_of(obj);
            let n = vm.n.getattr;
            if let Some(ga) = lookup(vm, cls, n) {
                let f = bind(vm, ga, Some(obj), cls)?;
                return call(vm, f, &[name], &[]);
            }
            Err(no_attr(vm, obj, name))
        }
    }
}

pub fn no_attr(vm: &mut Vm, obj: GcRef, name: GcRef) -> Exc {
    if is::<ModuleObject>(obj) {
        let mname = module_name(vm, obj);
        return vm.attr_error(format!(
            "module '{}' has no attribute '{}'",
            mname,
            str_of(name)
        ));
    }
    if is::<TypeObject>(obj) {
        return vm.attr_error(format!(
            "type object '{}' has no attribute '{}'",
            type_name_of(obj),
            str_of(name)
        ));
    }
    vm.attr_error(format!(
        "'{}' object has no attribute '{}'",
        tname(obj),
        str_of(name)
    ))
}

pub fn module_name(vm: &mut Vm, m: GcRef) -> String {
    let n = vm.intern("__name__");
    cast::<ModuleObject>(m)
        .dict
        .and_then(|d| get_str(d, n))
        .filter(|v| is::<StrObject>(*v))
        .map_or("?".into(), |v| str_of(v).to_string())
}

/// `getattr` without `__getattr__` and without raising AttributeError for
/// a missing name (`Ok(None)`).
pub fn getattr_opt(vm: &mut Vm, obj: GcRef, name: GcRef) -> PyResult<Option<GcRef>> {
    let cls = class_of(obj);
    if is::<TypeObject>(obj) {
        return type_getattr(vm, obj, name);
    }
    if cls == vm.t.super_ {
        return crate::builtins::types::super_getattr(vm, obj, name);
    }
    if is::<ModuleObject>(obj) {
        let d = cast::<ModuleObject>(obj).dict.expect("module dict");
        if let Some(v) = get_str(d, name) {
            return Ok(Some(v));
        }
        if str_of(name) == "__dict__" {
            return Ok(Some(d));
        }
    }
    let attr = lookup(vm, cls, name);
    if let Some(a) = attr {
        if is_data_descr(vm, a) {
            return bind(vm, a, Some(obj), cls).map(Some);
        }
    }
    if let Some(at) = attrs_of(obj) {
        if let Some(v) = inst_get(at, name) {
            return Ok(Some(v));
        }
    }
    if let Some(a) = attr {
        return bind(vm, a, Some(obj), cls).map(Some);
    }
    crate::builtins::attrs::special_getattr(vm, obj, name)
}

/// Attribute lookup on a class object.
fn type_getattr(vm: &mut Vm, cls: GcRef, name: GcRef) -> PyResult<Option<GcRef>> {
    match str_of(name) {
        "__name__" => return Ok(cast::<TypeObject>(cls).name),
        "__qualname__" => {
            return Ok(cast::<TypeObject>(cls)
                .qualname
                .or(cast::<TypeObject>(cls).name))
        }
        "__mro__" => {
            let m: Vec<GcRef> = cast::<TypeObject>(cls)
                .mro
                .iter()
                .flatten()
                .copied()
                .collect();
            return Ok(Some(vm.tuple(&m)));
        }
        "__bases__" => {
            let m: Vec<GcRef> = cast::<TypeObject>(cls)
                .bases
                .iter()
                .flatten()
                .copied()
                .collect();
            return Ok(Some(vm.tuple(&m)));
        }
        "__base__" => return Ok(Some(cast::<TypeObject>(cls).base.unwrap_or(vm.none))),
        "__class__" => return Ok(Some(class_of(cls))),
        "__dict__" => {
            // A copy: writes must go through setattr to bump versions.
            let d = vm.dict();
            if let Some(src) = cast::<TypeObject>(cls).dict {
                let entries: Vec<_> = crate::object::dict::table(src).iter().copied().collect();
                for e in entries {
                    crate::object::dict::table(d).push_new(vm, e.hash, e.key.unwrap(), e.value)?;
                }
            }
            return Ok(Some(d));
        }
        _ => {}
    }
    let meta = class_of(cls);
    let mattr = if meta != vm.t.type_ {
        lookup(vm, meta, name)
    } else {
        None
    };
    if let Some(a) = mattr {
        if is_data_descr(vm, a) {
            return bind(vm, a, Some(cls), meta).map(Some);
        }
    }
    if let Some(a) = lookup(vm, cls, name) {
        return bind(vm, a, None, cls).map(Some);
    }
    if let Some(a) = mattr {
        return bind(vm, a, Some(cls), meta).map(Some);
    }
    if let Some(a) = lookup(vm, vm.t.type_, name) {
        return bind(vm, a, Some(cls), meta).map(Some);
    }
    match str_of(name) {
        "__doc__" => Ok(Some(vm.none)),
        "__module__" => Ok(Some(vm.intern("builtins"))),
        _ => Ok(None),
    }
}

/// `setattr(obj, name, value)`.
pub fn setattr(vm: &mut Vm, obj: GcRef, name: GcRef, v: GcRef) -> PyResult<()> {
    if let Some(t) = try_cast::<TypeObject>(obj) {
        if !t.heap {
            return Err(vm.type_error(format!(
                "cannot set '{}' attribute of immutable type '{}'",
                str_of(name),
                type_name_of(obj)
            )));
        }
        match str_of(name) {
            "__name__" => t.name = Some(v),
            "__qualname__" => t.qualname = Some(v),
            _ => {}
        }
        set_str(t.dict.expect("type dict"), name, v);
        invalidate(obj);
        return Ok(());
    }
    if let Some(m) = try_cast::<ModuleObject>(obj) {
        set_str(m.dict.expect("module dict"), name, v);
        return Ok(());
    }
    let cls = class_of(obj);
    if cast::<TypeObject>(cls).heap {
        let n = vm.n.setattr;
        if let Some(sa) = lookup(vm, cls, n) {
            if class_of(sa) == vm.t.function {
                return call(vm, sa, &[obj, name, v], &[]).map(|_| ());
            }
        }
    }
    object_setattr(vm, obj, name, v)
}

/// `object.__setattr__`: data descriptors, then the instance.
pub fn object_setattr(vm: &mut Vm, obj: GcRef, name: GcRef, v: GcRef) -> PyResult<()> {
    let cls = class_of(obj);
    if let Some(a) = lookup(vm, cls, name) {
        let ac = class_of(a);
        if ac == vm.t.property {
            return match cast::<DescrObject>(a).fset {
                Some(s) => call(vm, s, &[obj, v], &[]).map(|_| ()),
                None => Err(vm.attr_error(format!(
                    "property '{}' of '{}' object has no setter",
                    str_of(name),
                    tname(obj)
                ))),
            };
        }
        if cast::<TypeObject>(ac).heap {
            let n = vm.n.set;
            if let Some(s) = lookup(vm, ac, n) {
                return call(vm, s, &[a, obj, v], &[]).map(|_| ());
            }
        }
    }
    if str_of(name) == "__class__" && is::<TypeObject>(v) {
        crate::object::set_class(obj, v);
        return Ok(());
    }
    if str_of(name) == "__dict__" && is::<DictObject>(v) {
        if let Some(a) = attrs_of(obj) {
            a.map = None;
            a.storage.clear();
            a.dict = Some(v);
            return Ok(());
        }
    }
    if let Some(e) = try_cast::<ExceptionObject>(obj) {
        match str_of(name) {
            "__cause__" => {
                e.cause = if v == vm.none { None } else { Some(v) };
                e.suppress_context = true;
                return Ok(());
            }
            "__context__" => {
                e.context = if v == vm.none { None } else { Some(v) };
                return Ok(());
            }
            "__traceback__" => {
                e.traceback = if v == vm.none { None } else { Some(v) };
                return Ok(());
            }
            "__suppress_context__" => {
                e.suppress_context = v == vm.true_;
                return Ok(());
            }
            "args" => {
                let t = crate::builtins::seqs::to_vec(vm, v)?;
                e.args = Some(vm.tuple(&t));
                return Ok(());
            }
            _ => {}
        }
    }
    if let Some(f) = try_cast::<FunctionObject>(obj) {
        match str_of(name) {
            "__name__" => {
                f.name = Some(v);
                return Ok(());
            }
            "__qualname__" => {
                f.qualname = Some(v);
                return Ok(());
            }
            "__doc__" => {
                f.doc = Some(v);
                return Ok(());
            }
            "__defaults__" => {
                f.defaults = if v == vm.none { None } else { Some(v) };
                return Ok(());
            }
            _ => {
                let d = match f.dict {
                    Some(d) => d,
                    None => {
                        let d = vm.dict();
                        cast::<FunctionObject>(obj).dict = Some(d);
                        d
                    }
                };
                set_str(d, name, v);
                return Ok(());
            }
        }
    }
    // The number parts are read-only (complex's are members, the others
    // computed attributes, hence the two wordings).
    if is::<crate::object::complex::ComplexObject>(obj) && matches!(str_of(name), "real" | "imag") {
        return Err(vm.attr_error("readonly attribute"));
    }
    let int_like = is::<IntObject>(obj) || is::<BigIntObject>(obj);
    if (int_like && matches!(str_of(name), "real" | "imag" | "numerator" | "denominator"))
        || (is::<FloatObject>(obj) && matches!(str_of(name), "real" | "imag"))
    {
        let owner = if int_like { "int" } else { "float" };
        return Err(vm.attr_error(format!(
            "attribute '{}' of '{owner}' objects is not writable",
            str_of(name)
        )));
    }
    match attrs_of(obj) {
        Some(a) => {
            if inst_get(a, name).is_none() && !slot_allowed(vm, cls, name) {
                return Err(vm.attr_error(format!(
                    "'{}' object has no attribute '{}'",
                    tname(obj),
                    str_of(name)
                )));
            }
            let a = attrs_of(obj).expect("attrs");
            inst_set(obj, a, name, v);
            Ok(())
        }
        None => Err(vm.attr_error(format!(
            "'{}' object has no attribute '{}'",
            tname(obj),
            str_of(name)
        ))),
    }
}

/// May instances of `cls` get a new attribute `name`? Not when every
/// class of its MRO (but `object`) declares `__slots__` without
/// `__dict__` and none lists `name`.
fn slot_allowed(vm: &mut Vm, cls: GcRef, name: GcRef) -> bool {
    let sk = vm.intern("__slots__");
    if lookup(vm, cls, sk).is_none() {
        return true;
    }
    let n = str_of(name);
    let mro: Vec<GcRef> = cast::<TypeObject>(cls)
        .mro
        .iter()
        .flatten()
        .copied()
        .collect();
    for c in mro {
        if c == vm.t.object {
            continue;
        }
        let Some(slots) = cast::<TypeObject>(c).dict.and_then(|d| get_str(d, sk)) else {
            return true;
        };
        let names: Vec<GcRef> = if is::<StrObject>(slots) {
            vec![slots]
        } else if is::<TupleObject>(slots) {
            crate::object::seq::tuple_items(slots).to_vec()
        } else if is::<ListObject>(slots) {
            crate::object::seq::list_items(slots).clone()
        } else {
            return true;
        };
        for s in names {
            if is::<StrObject>(s) && (str_of(s) == n || str_of(s) == "__dict__") {
                return true;
            }
        }
    }
    false
}

/// `delattr(obj, name)`.
pub fn delattr(vm: &mut Vm, obj: GcRef, name: GcRef) -> PyResult<()> {
    if let Some(t) = try_cast::<TypeObject>(obj) {
        let d = t.dict.expect("type dict");
        if !crate::object::dict::del_str(d, name) {
            return Err(no_attr(vm, obj, name));
        }
        invalidate(obj);
        return Ok(());
    }
    if let Some(m) = try_cast::<ModuleObject>(obj) {
        if !crate::object::dict::del_str(m.dict.expect("dict"), name) {
            return Err(no_attr(vm, obj, name));
        }
        return Ok(());
    }
    let cls = class_of(obj);
    if let Some(a) = lookup(vm, cls, name) {
        if class_of(a) == vm.t.property {
            return match cast::<DescrObject>(a).fdel {
                Some(s) => call(vm, s, &[obj], &[]).map(|_| ()),
                None => Err(vm.attr_error(format!(
                    "property '{}' of '{}' object has no deleter",
                    str_of(name),
                    tname(obj)
                ))),
            };
        }
    }
    if cast::<TypeObject>(cls).heap {
        let n = vm.n.delattr;
        if let Some(sa) = lookup(vm, cls, n) {
            if class_of(sa) == vm.t.function {
                return call(vm, sa, &[obj, name], &[]).map(|_| ());
            }
        }
    }
    object_delattr(vm, obj, name)
}

pub fn object_delattr(vm: &mut Vm, obj: GcRef, name: GcRef) -> PyResult<()> {
    if inst_dict(vm, obj).is_some() {
        let d = attrs_of(obj).unwrap().dict.unwrap();
        if crate::object::dict::del_str(d, name) {
            return Ok(());
        }
    }
    Err(no_attr(vm, obj, name))
}

/// Calls any callable.
pub fn call(vm: &mut Vm, f: GcRef, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let direct = std::mem::take(&mut vm.direct_call);
    if let Some(func) = try_cast::<FunctionObject>(f) {
        vm.direct_call = direct;
        let _ = func;
        return crate::interp::call::call_function(vm, f, args, kw);
    }
    if let Some(b) = try_cast::<BuiltinFunctionObject>(f) {
        let func = b.func;
        return match b.bound {
            // An unbound method called without its object.
            None if args.is_empty() && class_of(f) == vm.t.method_descr => {
                Err(vm.type_error(format!("unbound method {}() needs an argument", b.name)))
            }
            None => func(vm, args, kw),
            Some(s) => {
                let mut v: smallvec::SmallVec<[GcRef; 8]> =
                    smallvec::SmallVec::with_capacity(args.len() + 1);
                v.push(s);
                v.extend_from_slice(args);
                func(vm, &v, kw)
            }
        };
    }
    if let Some(m) = try_cast::<MethodObject>(f) {
        vm.direct_call = direct;
        let (func, s) = (m.func.expect("func"), m.self_.expect("self"));
        let mut v: smallvec::SmallVec<[GcRef; 8]> =
            smallvec::SmallVec::with_capacity(args.len() + 1);
        v.push(s);
        v.extend_from_slice(args);
        return call(vm, func, &v, kw);
    }
    if is::<TypeObject>(f) {
        vm.direct_call = direct;
        return crate::builtins::types::call_type(vm, f, args, kw);
    }
    let cls = class_of(f);
    let n = vm.n.call;
    if let Some(c) = lookup(vm, cls, n) {
        let b = bind(vm, c, Some(f), cls)?;
        return call(vm, b, args, kw);
    }
    Err(vm.type_error(format!("'{}' object is not callable", tname(f))))
}

/// Calls method `name` of `obj` (looked up on its type), if it exists.
pub fn call_method_opt(
    vm: &mut Vm,
    obj: GcRef,
    name: &str,
    args: &[GcRef],
) -> PyResult<Option<GcRef>> {
    let cls = class_of(obj);
    let n = vm.intern(name);
    match lookup(vm, cls, n) {
        None => Ok(None),
        Some(m) if is::<FunctionObject>(m) || class_of(m) == vm.t.method_descr => {
            // A plain method: call it with `obj` first, no bound method.
            let mut v: smallvec::SmallVec<[GcRef; 8]> =
                smallvec::SmallVec::with_capacity(args.len() + 1);
            v.push(obj);
            v.extend_from_slice(args);
            call(vm, m, &v, &[]).map(Some)
        }
        Some(m) => {
            let f = bind(vm, m, Some(obj), cls)?;
            call(vm, f, args, &[]).map(Some)
        }
    }
}

pub fn callable(vm: &mut Vm, f: GcRef) -> bool {
    if is::<FunctionObject>(f)
        || is::<BuiltinFunctionObject>(f)
        || is::<MethodObject>(f)
        || is::<TypeObject>(f)
    {
        return true;
    }
    let n = vm.n.call;
    lookup(vm, class_of(f), n).is_some()
}

/// Python truth.
pub fn truthy(vm: &mut Vm, r: GcRef) -> PyResult<bool> {
    if r == vm.true_ {
        return Ok(true);
    }
    if r == vm.false_ || r == vm.none {
        return Ok(false);
    }
    if let Some(i) = try_cast::<IntObject>(r) {
        return Ok(i.value != 0);
    }
    if is::<BigIntObject>(r) {
        return Ok(true);
    }
    if let Some(f) = try_cast::<FloatObject>(r) {
        return Ok(f.value != 0.0);
    }
    if let Some((re, im)) = crate::object::complex::complex_parts(r) {
        return Ok(re != 0.0 || im != 0.0);
    }
    if let Some(s) = try_cast::<StrObject>(r) {
        return Ok(!s.s.is_empty());
    }
    if let Some(l) = try_cast::<ListObject>(r) {
        return Ok(!l.items.is_empty());
    }
    if let Some(t) = try_cast::<TupleObject>(r) {
        return Ok(t.len != 0);
    }
    if is::<DictObject>(r) || is::<crate::object::dict::SetObject>(r) {
        return Ok(!crate::object::dict::table(r).is_empty());
    }
    if is::<crate::object::misc::RangeObject>(r) {
        return Ok(!crate::builtins::ranges::is_empty(r));
    }
    let cls = class_of(r);
    if cast::<TypeObject>(cls).heap {
        if let Some(v) = call_method_opt(vm, r, "__bool__", &[])? {
            if !is::<IntObject>(v) || (class_of(v) != vm.t.bool_) {
                return Err(vm.type_error(format!(
                    "__bool__ should return bool, returned {}",
                    tname(v)
                )));
            }
            return Ok(v == vm.true_);
        }
        if let Some(v) = call_method_opt(vm, r, "__len__", &[])? {
            return Ok(item::index_value(vm, v)? != 0);
        }
        return Ok(true);
    }
    match crate::builtins::seqs::len_opt(vm, r)? {
        Some(n) => Ok(n != 0),
        None => Ok(true),
    }
}

/// `hash(r)`.
pub fn hash(vm: &mut Vm, r: GcRef) -> PyResult<i64> {
    if is::<StrObject>(r) {
        return Ok(crate::object::str::str_hash(r));
    }
    if let Some(i) = try_cast::<IntObject>(r) {
        return Ok(num::hash_i64(i.value));
    }
    if let Some(f) = try_cast::<FloatObject>(r) {
        return Ok(num::hash_float(f.value));
    }
    if let Some(b) = try_cast::<BigIntObject>(r) {
        return Ok(num::hash_bigint(&b.value));
    }
    if let Some(z) = crate::object::complex::complex_parts(r) {
        return Ok(complex::hash(z));
    }
    if is::<TupleObject>(r) {
        let items = crate::object::seq::tuple_items(r);
        let mut acc: u64 = 0x27D4EB2F165667C5;
        for it in items {
            let h = hash(vm, *it)? as u64;
            acc = acc.wrapping_add(h.wrapping_mul(0xC2B2AE3D27D4EB4F));
            acc = acc.rotate_left(31).wrapping_mul(0x9E3779B185EBCA87);
        }
        let h = acc as i64;
        return Ok(if h == -1 { -2 } else { h });
    }
    if is::<crate::object::misc::RangeObject>(r) {
        return crate::builtins::ranges::hash(vm, r);
    }
    let cls = class_of(r);
    if cast::<TypeObject>(cls).heap
        || cls == vm.t.frozenset
        || is::<crate::object::str::BytesObject>(r)
    {
        let n = vm.n.hash;
        match lookup(vm, cls, n) {
            Some(h) if h == vm.none => {
                return Err(vm.type_error(format!("unhashable type: '{}'", tname(r))))
            }
            Some(h) if class_of(h) != vm.t.method_descr => {
                let f = bind(vm, h, Some(r), cls)?;
                let v = call(vm, f, &[], &[])?;
                return item::index_value(vm, v).map(|h| if h == -1 { -2 } else { h });
            }
            _ => {}
        }
        if cast::<TypeObject>(cls).heap {
            let n = vm.n.eq;
            if let Some(e) = lookup(vm, cls, n) {
                if class_of(e) == vm.t.function {
                    return Err(vm.type_error(format!("unhashable type: '{}'", tname(r))));
                }
            }
        }
    }
    if is::<ListObject>(r)
        || is::<DictObject>(r)
        || (is::<crate::object::dict::SetObject>(r) && cls != vm.t.frozenset)
    {
        return Err(vm.type_error(format!("unhashable type: '{}'", tname(r))));
    }
    if cls == vm.t.frozenset {
        let mut acc: u64 = 0;
        let keys: Vec<i64> = crate::object::dict::table(r)
            .iter()
            .map(|e| e.hash)
            .collect();
        for h in keys {
            acc ^= (h as u64 ^ (h as u64) << 16 ^ 89869747).wrapping_mul(3644798167);
        }
        return Ok(acc as i64 & i64::MAX);
    }
    if let Some(b) = try_cast::<crate::object::str::BytesObject>(r) {
        return Ok(crate::object::str::hash_bytes(&b.b));
    }
    if is::<crate::object::str::MemoryViewObject>(r) {
        return crate::builtins::memview::hash(vm, r);
    }
    Ok((r.addr() >> 4) as i64)
}

/// `a == b` as a Rust bool.
pub fn eq_bool(vm: &mut Vm, a: GcRef, b: GcRef) -> PyResult<bool> {
    if a == b {
        return Ok(true);
    }
    let r = cmp::richcompare(vm, a, b, crate::bytecode::CmpOp::Eq)?;
    truthy(vm, r)
}

/// `iter(r)`.
pub fn iter(vm: &mut Vm, r: GcRef) -> PyResult<GcRef> {
    crate::builtins::iters::get_iter(vm, r)
}

/// `next(it)`: `Ok(None)` when exhausted.
pub fn next(vm: &mut Vm, it: GcRef) -> PyResult<Option<GcRef>> {
    crate::builtins::iters::next(vm, it)
}

/// Is `r` an instance of class `cls` (no `__instancecheck__`)?
pub fn isinstance(r: GcRef, cls: GcRef) -> bool {
    let c = class_of(r);
    c == cls || cast::<TypeObject>(c).mro.contains(&Some(cls))
}

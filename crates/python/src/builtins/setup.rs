//! Start-up: names and dicts of the builtin types, their methods (each
//! family module registers its own), the `builtins` namespace and the
//! exception hierarchy.

use crate::object::dict::{new_dict, set_str};
use crate::object::func::{BuiltinFunctionObject, NativeFn};
use crate::object::typeobj::TypeObject;
use crate::object::{alloc, cast, GcRef, HDR};
use crate::vm::Vm;

/// Declares a method of a builtin type (a method descriptor in its dict).
pub fn def_method(vm: &mut Vm, ty: GcRef, name: &'static str, f: NativeFn) {
    let m = alloc(BuiltinFunctionObject {
        hdr: HDR,
        cls: Some(vm.t.method_descr),
        bound: None,
        name,
        func: f,
    });
    let n = vm.intern(name);
    set_str(cast::<TypeObject>(ty).dict.expect("type dict"), n, m);
}

/// Stores a plain value in a type's dict.
pub fn def_attr(vm: &mut Vm, ty: GcRef, name: &str, v: GcRef) {
    let n = vm.intern(name);
    set_str(cast::<TypeObject>(ty).dict.expect("type dict"), n, v);
}

/// Wraps a native function as a staticmethod in a type's dict.
pub fn def_static(vm: &mut Vm, ty: GcRef, name: &'static str, f: NativeFn) {
    let func = vm.builtin_fn(name, f, None);
    let sm = crate::builtins::types::new_descr(vm, vm.t.staticmethod, Some(func));
    def_attr(vm, ty, name, sm);
}

/// Wraps a native function as a classmethod in a type's dict.
pub fn def_classmethod(vm: &mut Vm, ty: GcRef, name: &'static str, f: NativeFn) {
    let func = vm.builtin_fn(name, f, None);
    let cm = crate::builtins::types::new_descr(vm, vm.t.classmethod, Some(func));
    def_attr(vm, ty, name, cm);
}

/// A new builtin (non-heap) type `name` deriving from `base`, with an empty
/// dict, kept alive by the VM.
pub fn new_builtin_type(
    vm: &mut Vm,
    name: &str,
    base: GcRef,
    layout: crate::object::typeobj::InstLayout,
) -> GcRef {
    let ty = crate::vm::raw_type(Some(vm.t.type_), Some(base), layout);
    name_type(vm, ty, name);
    vm.keep(ty);
    ty
}

fn name_type(vm: &mut Vm, ty: GcRef, name: &str) {
    let n = vm.intern(name);
    let d = new_dict(vm.t.dict);
    let t = cast::<TypeObject>(ty);
    t.name = Some(n);
    t.qualname = Some(n);
    t.dict = Some(d);
}

/// Names every builtin type and installs the methods.
pub fn init_types(vm: &mut Vm) {
    let t = &vm.t;
    let names: Vec<(GcRef, &str)> = vec![
        (t.object, "object"),
        (t.type_, "type"),
        (t.int, "int"),
        (t.bool_, "bool"),
        (t.float, "float"),
        (t.complex, "complex"),
        (t.str_, "str"),
        (t.bytes, "bytes"),
        (t.bytearray, "bytearray"),
        (t.tuple, "tuple"),
        (t.list, "list"),
        (t.dict, "dict"),
        (t.set, "set"),
        (t.frozenset, "frozenset"),
        (t.range, "range"),
        (t.slice, "slice"),
        (t.none, "NoneType"),
        (t.notimpl, "NotImplementedType"),
        (t.ellipsis, "ellipsis"),
        (t.function, "function"),
        (t.builtin_function, "builtin_function_or_method"),
        (t.method_descr, "method_descriptor"),
        (t.method, "method"),
        (t.code, "code"),
        (t.cell, "cell"),
        (t.module, "module"),
        (t.generator, "generator"),
        (t.coroutine, "coroutine"),
        (t.async_generator, "async_generator"),
        (t.async_gen_asend, "async_generator_asend"),
        (t.async_gen_athrow, "async_generator_athrow"),
        (t.anext_awaitable, "anext_awaitable"),
        (t.memoryview, "memoryview"),
        (t.memory_iterator, "memory_iterator"),
        (t.property, "property"),
        (t.staticmethod, "staticmethod"),
        (t.classmethod, "classmethod"),
        (t.super_, "super"),
        (t.iterator, "iterator"),
        (t.range_iterator, "range_iterator"),
        (t.longrange_iterator, "longrange_iterator"),
        (t.enumerate, "enumerate"),
        (t.zip, "zip"),
        (t.map, "map"),
        (t.filter, "filter"),
        (t.reversed, "reversed"),
        (t.dict_keys, "dict_keys"),
        (t.dict_values, "dict_values"),
        (t.dict_items, "dict_items"),
        (t.frame, "frame"),
        (t.traceback, "traceback"),
        (t.base_exception, "BaseException"),
    ];
    for (ty, n) in names {
        name_type(vm, ty, n);
    }
    // Types whose instances may get attributes / subclasses.
    for ty in [vm.t.object, vm.t.base_exception] {
        cast::<TypeObject>(ty).layout = match ty == vm.t.object {
            true => crate::object::typeobj::InstLayout::Instance,
            false => crate::object::typeobj::InstLayout::Exception,
        };
    }
    set_match_flags(vm);
    super::types::register(vm);
    super::ints::register(vm);
    super::complexes::register(vm);
    super::strs::register(vm);
    super::seqs::register(vm);
    super::ranges::register(vm);
    super::dicts::register(vm);
    super::sets::register(vm);
    super::iters::register(vm);
    super::aiters::register(vm);
    super::memview::register(vm);
    super::exceptions::register(vm);
    let m = vm.t.module;
    cast::<TypeObject>(m).layout = crate::object::typeobj::InstLayout::Builtin;
}

/// The builtin types' flags for `match`: which are sequences and mappings,
/// and which match themselves in a class pattern `C(x)`.
fn set_match_flags(vm: &mut Vm) {
    use crate::object::typeobj::type_flags::{MAPPING, MATCH_SELF, SEQUENCE};
    let t = &vm.t;
    let flags = [
        (t.list, SEQUENCE | MATCH_SELF),
        (t.tuple, SEQUENCE | MATCH_SELF),
        (t.range, SEQUENCE),
        (t.dict, MAPPING | MATCH_SELF),
        (t.bool_, MATCH_SELF),
        (t.bytearray, MATCH_SELF),
        (t.bytes, MATCH_SELF),
        (t.float, MATCH_SELF),
        (t.frozenset, MATCH_SELF),
        (t.int, MATCH_SELF),
        (t.set, MATCH_SELF),
        (t.str_, MATCH_SELF),
    ];
    for (ty, f) in flags {
        cast::<TypeObject>(ty).flags |= f;
    }
}

/// Fills the `builtins` namespace and creates `sys`.
pub fn init_builtins(vm: &mut Vm) {
    let b = vm.builtins;
    let t = &vm.t;
    let types: Vec<(&str, GcRef)> = vec![
        ("object", t.object),
        ("type", t.type_),
        ("int", t.int),
        ("bool", t.bool_),
        ("float", t.float),
        ("complex", t.complex),
        ("str", t.str_),
        ("bytes", t.bytes),
        ("bytearray", t.bytearray),
        ("tuple", t.tuple),
        ("list", t.list),
        ("dict", t.dict),
        ("set", t.set),
        ("frozenset", t.frozenset),
        ("range", t.range),
        ("slice", t.slice),
        ("property", t.property),
        ("staticmethod", t.staticmethod),
        ("classmethod", t.classmethod),
        ("super", t.super_),
        ("enumerate", t.enumerate),
        ("zip", t.zip),
        ("map", t.map),
        ("filter", t.filter),
        ("reversed", t.reversed),
        ("memoryview", t.memoryview),
    ];
    for (n, ty) in types {
        let k = vm.intern(n);
        set_str(b, k, ty);
    }
    for (n, v) in [
        ("None", vm.none),
        ("True", vm.true_),
        ("False", vm.false_),
        ("NotImplemented", vm.notimpl),
        ("Ellipsis", vm.ellipsis),
    ] {
        let k = vm.intern(n);
        set_str(b, k, v);
    }
    let k = vm.intern("__debug__");
    set_str(b, k, vm.true_);
    super::funcs::register(vm);
    super::io::register(vm);
    super::import::register(vm);
    super::modules::register(vm);
    super::cmath::register(vm);
    super::regex::register(vm);
    super::types::register_abc_module(vm);
    let bm = crate::builtins::import::new_module(vm, "builtins", Some(b));
    let k = vm.intern("builtins");
    set_str(vm.modules, k, bm);
}

//! The virtual machine state: well-known type objects and singletons,
//! interned strings, the module table, the currently handled exception,
//! recursion depth and the method cache.
//!
//! GC roots: everything the `Vm` keeps lives in `roots` (a GC list
//! registered as a root slot) or in root slots registered at creation; the
//! `Vm` is boxed so those slot addresses stay fixed.
//!
//! Errors: Rust code returns `PyResult<T>`, whose error is the exception
//! object ([`Exc`]); `extern "C"` helpers return null and park the
//! exception in `pending` (see `interp::helpers`).

use crate::object::dict::{new_dict, set_str};
use crate::object::int::{new_float, new_int};
use crate::object::misc::new_simple;
use crate::object::seq::{list_items, new_list, new_tuple};
use crate::object::str::new_str;
use crate::object::typeobj::{fresh_version, InstLayout, TypeObject};
use crate::object::{alloc, cast, GcRef, HDR};
use std::collections::HashMap;

/// A raised Python exception (the exception instance).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Exc(pub GcRef);

pub type PyResult<T = GcRef> = Result<T, Exc>;

/// Interned names the protocols look up on every operation.
pub struct Names {
    pub getattribute: GcRef,
    pub getattr: GcRef,
    pub setattr: GcRef,
    pub delattr: GcRef,
    pub get: GcRef,
    pub set: GcRef,
    pub call: GcRef,
    pub hash: GcRef,
    pub eq: GcRef,
}

/// Entries of the attribute cache (a power of two).
pub const METHOD_CACHE_SIZE: usize = 4096;

/// One attribute-cache entry: the lookup of `name` on `cls` at `version`.
/// Versions are never reused, so a stale entry (even for a freed type)
/// can never match.
#[derive(Clone, Copy, Default)]
pub struct CacheEntry {
    pub cls: usize,
    pub name: usize,
    pub version: u64,
    pub result: Option<GcRef>,
}

/// The builtin type objects.
pub struct Types {
    pub object: GcRef,
    pub type_: GcRef,
    pub int: GcRef,
    pub bool_: GcRef,
    pub float: GcRef,
    pub complex: GcRef,
    pub str_: GcRef,
    pub bytes: GcRef,
    /// Mutable bytes (the `BytesObject` layout).
    pub bytearray: GcRef,
    pub tuple: GcRef,
    pub list: GcRef,
    pub dict: GcRef,
    pub set: GcRef,
    pub frozenset: GcRef,
    pub range: GcRef,
    pub slice: GcRef,
    pub none: GcRef,
    pub notimpl: GcRef,
    pub ellipsis: GcRef,
    pub function: GcRef,
    pub builtin_function: GcRef,
    /// Builtin functions stored in type dicts: they bind like methods.
    pub method_descr: GcRef,
    pub method: GcRef,
    pub code: GcRef,
    pub cell: GcRef,
    pub module: GcRef,
    pub generator: GcRef,
    pub coroutine: GcRef,
    pub async_generator: GcRef,
    /// The awaitables of `__anext__()`/`asend()`, `athrow()`/`aclose()`
    /// and `anext(it, default)` (one `AwaitableObject` layout).
    pub async_gen_asend: GcRef,
    pub async_gen_athrow: GcRef,
    pub anext_awaitable: GcRef,
    pub memoryview: GcRef,
    pub memory_iterator: GcRef,
    pub property: GcRef,
    pub staticmethod: GcRef,
    pub classmethod: GcRef,
    pub super_: GcRef,
    pub iterator: GcRef,
    pub range_iterator: GcRef,
    pub longrange_iterator: GcRef,
    pub enumerate: GcRef,
    pub zip: GcRef,
    pub map: GcRef,
    pub filter: GcRef,
    pub reversed: GcRef,
    pub dict_keys: GcRef,
    pub dict_values: GcRef,
    pub dict_items: GcRef,
    pub frame: GcRef,
    pub traceback: GcRef,
    pub base_exception: GcRef,
}

pub struct Vm {
    /// A GC list holding every object the VM keeps (a registered root).
    pub roots: Option<GcRef>,
    /// The exception raised by an `extern "C"` helper that returned null.
    pub pending: Option<GcRef>,
    /// The currently handled exception (`sys.exc_info()`).
    pub exc_info: Option<GcRef>,
    pub t: Types,
    pub n: Names,
    pub none: GcRef,
    pub true_: GcRef,
    pub false_: GcRef,
    pub notimpl: GcRef,
    pub ellipsis: GcRef,
    pub empty_tuple: GcRef,
    pub root_map: GcRef,
    pub builtins: GcRef,
    pub modules: GcRef,
    pub sys: Option<GcRef>,
    pub exc_types: HashMap<&'static str, GcRef>,
    interned: HashMap<String, GcRef, crate::object::instance::FxBuild>,
    /// Fast path of `intern` for names given as string literals: slot by
    /// the text's address and length, verified by content.
    intern_cache: Vec<(usize, usize, Option<GcRef>)>,
    small_ints: Vec<GcRef>,
    /// Direct-mapped attribute cache: slot by (type, name) address, valid
    /// while the type's version tag is unchanged (see `ops::lookup`).
    pub method_cache: Vec<CacheEntry>,
    /// Python frames currently running.
    pub depth: usize,
    /// Set by the CALL opcode's helper for the call it makes directly
    /// (a Python-to-Python call); taken by the first `ops::call`. Decides
    /// the wording of `RecursionError`, as in CPython.
    pub direct_call: bool,
    pub recursion_limit: usize,
    /// The innermost running frame (for tracebacks, `globals()`).
    pub frame: Option<GcRef>,
    /// `--jit` parameters given on the command line (wired by the JIT).
    pub jit_params: String,
    pub argv: Vec<String>,
    pub path: Vec<String>,
    /// Set by the SEND helper when the delegate returned.
    pub send_done: bool,
    /// The value of the last StopIteration swallowed by `next`.
    pub stop_value: Option<GcRef>,
}

const SMALL_MIN: i64 = -5;
const SMALL_MAX: i64 = 256;

/// Makes a builtin type object (no dict yet while bootstrapping).
pub(crate) fn raw_type(meta: Option<GcRef>, base: Option<GcRef>, layout: InstLayout) -> GcRef {
    let r = alloc(TypeObject {
        hdr: HDR,
        cls: meta,
        dict: None,
        name: None,
        qualname: None,
        base,
        bases: base.into_iter().map(Some).collect(),
        mro: Vec::new(),
        subclasses: Vec::new(),
        version: fresh_version(),
        layout,
        heap: false,
        native_new: None,
        flags: 0,
    });
    let t = cast::<TypeObject>(r);
    t.mro.push(Some(r));
    if let Some(b) = base {
        let bm = cast::<TypeObject>(b).mro.clone();
        cast::<TypeObject>(r).mro.extend(bm);
        cast::<TypeObject>(b).subclasses.push(Some(r));
    }
    r
}

impl Vm {
    /// Creates a VM with builtins and `sys` ready.
    pub fn new() -> Box<Vm> {
        crate::object::register_layouts();
        crate::interp::frame::register();
        let ty = raw_type(None, None, InstLayout::Builtin);
        crate::object::set_class(ty, ty);
        let object = raw_type(Some(ty), None, InstLayout::Instance);
        {
            let t = cast::<TypeObject>(ty);
            t.base = Some(object);
            t.bases = vec![Some(object)];
            t.mro = vec![Some(ty), Some(object)];
            cast::<TypeObject>(object).subclasses.push(Some(ty));
        }
        let b = |base: GcRef| raw_type(Some(ty), Some(base), InstLayout::Builtin);
        let int = b(object);
        let list = b(object);
        let base_exception = raw_type(Some(ty), Some(object), InstLayout::Exception);
        let t = Types {
            object,
            type_: ty,
            int,
            bool_: b(int),
            float: b(object),
            complex: b(object),
            str_: b(object),
            bytes: b(object),
            bytearray: b(object),
            tuple: b(object),
            list,
            dict: b(object),
            set: b(object),
            frozenset: b(object),
            range: b(object),
            slice: b(object),
            none: b(object),
            notimpl: b(object),
            ellipsis: b(object),
            function: b(object),
            builtin_function: b(object),
            method_descr: b(object),
            method: b(object),
            code: b(object),
            cell: b(object),
            module: raw_type(Some(ty), Some(object), InstLayout::Builtin),
            generator: b(object),
            coroutine: b(object),
            async_generator: b(object),
            async_gen_asend: b(object),
            async_gen_athrow: b(object),
            anext_awaitable: b(object),
            memoryview: b(object),
            memory_iterator: b(object),
            property: b(object),
            staticmethod: b(object),
            classmethod: b(object),
            super_: b(object),
            iterator: b(object),
            range_iterator: b(object),
            longrange_iterator: b(object),
            enumerate: b(object),
            zip: b(object),
            map: b(object),
            filter: b(object),
            reversed: b(object),
            dict_keys: b(object),
            dict_values: b(object),
            dict_items: b(object),
            frame: b(object),
            traceback: b(object),
            base_exception,
        };
        let roots = new_list(list, Vec::new());
        let none = new_simple(t.none);
        let notimpl = new_simple(t.notimpl);
        let ellipsis = new_simple(t.ellipsis);
        let true_ = new_int(t.bool_, 1);
        let false_ = new_int(t.bool_, 0);
        let empty_tuple = new_tuple(t.tuple, &[]);
        let root_map = crate::object::instance::new_map();
        let builtins = new_dict(t.dict);
        let modules = new_dict(t.dict);
        let mk = |name: &str| new_str(t.str_, name.to_string());
        let n = Names {
            getattribute: mk("__getattribute__"),
            getattr: mk("__getattr__"),
            setattr: mk("__setattr__"),
            delattr: mk("__delattr__"),
            get: mk("__get__"),
            set: mk("__set__"),
            call: mk("__call__"),
            hash: mk("__hash__"),
            eq: mk("__eq__"),
        };
        let mut vm = Box::new(Vm {
            roots: Some(roots),
            pending: None,
            exc_info: None,
            t,
            n,
            none,
            true_,
            false_,
            notimpl,
            ellipsis,
            empty_tuple,
            root_map,
            builtins,
            modules,
            sys: None,
            exc_types: HashMap::new(),
            interned: HashMap::default(),
            intern_cache: vec![(0, 0, None); 1024],
            small_ints: Vec::new(),
            method_cache: vec![CacheEntry::default(); METHOD_CACHE_SIZE],
            depth: 0,
            direct_call: false,
            recursion_limit: 1000,
            frame: None,
            jit_params: String::new(),
            argv: Vec::new(),
            path: Vec::new(),
            send_done: false,
            stop_value: None,
        });
        kiln_gc::add_root(&mut vm.stop_value as *mut Option<GcRef>);
        kiln_gc::add_root(&mut vm.roots as *mut Option<GcRef>);
        kiln_gc::add_root(&mut vm.pending as *mut Option<GcRef>);
        kiln_gc::add_root(&mut vm.exc_info as *mut Option<GcRef>);
        kiln_gc::add_root(&mut vm.frame as *mut Option<GcRef>);
        let all: Vec<GcRef> = vec![
            none,
            notimpl,
            ellipsis,
            true_,
            false_,
            empty_tuple,
            root_map,
            builtins,
            modules,
        ];
        for r in all {
            vm.keep(r);
        }
        vm.keep_types();
        let n = &vm.n;
        let names = [
            n.getattribute,
            n.getattr,
            n.setattr,
            n.delattr,
            n.get,
            n.set,
            n.call,
            n.hash,
            n.eq,
        ];
        for r in names {
            vm.keep(r);
            let text = crate::ops::str_of(r).to_string();
            vm.interned.insert(text, r);
        }
        for i in SMALL_MIN..=SMALL_MAX {
            let r = new_int(vm.t.int, i);
            vm.keep(r);
            vm.small_ints.push(r);
        }
        crate::builtins::setup::init_types(&mut vm);
        crate::builtins::setup::init_builtins(&mut vm);
        vm
    }

    fn keep_types(&mut self) {
        let t = &self.t;
        let all = [
            t.object,
            t.type_,
            t.int,
            t.bool_,
            t.float,
            t.complex,
            t.str_,
            t.bytes,
            t.tuple,
            t.list,
            t.dict,
            t.set,
            t.frozenset,
            t.range,
            t.slice,
            t.none,
            t.notimpl,
            t.ellipsis,
            t.function,
            t.builtin_function,
            t.method_descr,
            t.method,
            t.code,
            t.cell,
            t.module,
            t.generator,
            t.coroutine,
            t.async_generator,
            t.async_gen_asend,
            t.async_gen_athrow,
            t.anext_awaitable,
            t.memoryview,
            t.memory_iterator,
            t.property,
            t.staticmethod,
            t.classmethod,
            t.super_,
            t.iterator,
            t.range_iterator,
            t.longrange_iterator,
            t.enumerate,
            t.zip,
            t.map,
            t.filter,
            t.reversed,
            t.dict_keys,
            t.dict_values,
            t.dict_items,
            t.frame,
            t.traceback,
            t.base_exception,
        ];
        for r in all {
            self.keep(r);
        }
    }

    /// Keeps `r` alive for the VM's lifetime.
    pub fn keep(&mut self, r: GcRef) {
        list_items(self.roots.expect("roots")).push(r);
    }

    /// The interned str object for `s`.
    pub fn intern(&mut self, s: &str) -> GcRef {
        let (p, n) = (s.as_ptr() as usize, s.len());
        let slot = ((p as u64 ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54) as usize;
        if let (cp, cn, Some(r)) = self.intern_cache[slot] {
            if cp == p && cn == n && crate::ops::str_of(r) == s {
                return r;
            }
        }
        if let Some(r) = self.interned.get(s) {
            let r = *r;
            self.intern_cache[slot] = (p, n, Some(r));
            return r;
        }
        let r = new_str(self.t.str_, s.to_string());
        self.keep(r);
        self.interned.insert(s.to_string(), r);
        r
    }

    pub fn new_str(&mut self, s: impl Into<String>) -> GcRef {
        new_str(self.t.str_, s.into())
    }

    #[inline]
    pub fn int(&mut self, v: i64) -> GcRef {
        if (SMALL_MIN..=SMALL_MAX).contains(&v) {
            return self.small_ints[(v - SMALL_MIN) as usize];
        }
        new_int(self.t.int, v)
    }

    pub fn float(&mut self, v: f64) -> GcRef {
        new_float(self.t.float, v)
    }

    pub fn complex(&mut self, re: f64, im: f64) -> GcRef {
        crate::object::complex::new_complex(self.t.complex, re, im)
    }

    pub fn bool(&self, b: bool) -> GcRef {
        if b {
            self.true_
        } else {
            self.false_
        }
    }

    pub fn tuple(&mut self, items: &[GcRef]) -> GcRef {
        if items.is_empty() {
            return self.empty_tuple;
        }
        new_tuple(self.t.tuple, items)
    }

    pub fn list(&mut self, items: Vec<GcRef>) -> GcRef {
        new_list(self.t.list, items)
    }

    /// Appends `v` to list `l`. Growth doubles the room while the system
    /// allows, then adds an eighth; running out of memory is a `MemoryError`.
    #[inline]
    pub fn list_push(&mut self, l: GcRef, v: GcRef) -> PyResult<()> {
        let items = list_items(l);
        if items.len() == items.capacity()
            && items.try_reserve(1).is_err()
            && items.try_reserve_exact(items.len() / 8 + 1).is_err()
        {
            return Err(self.bare_err("MemoryError"));
        }
        items.push(v);
        kiln_gc::write_barrier(l);
        Ok(())
    }

    /// A list of values made one by one by `f`: each stays reachable (from
    /// the list) while the next is made. Prefer this to collecting new
    /// objects in a Rust `Vec`, which the collector cannot see.
    pub fn list_map<T>(
        &mut self,
        items: impl IntoIterator<Item = T>,
        mut f: impl FnMut(&mut Vm, T) -> GcRef,
    ) -> GcRef {
        let l = self.list(Vec::new());
        for it in items {
            let v = f(self, it);
            list_items(l).push(v);
        }
        l
    }

    /// A tuple of values made one by one (see [`Vm::list_map`]).
    pub fn tuple_map<T>(
        &mut self,
        items: impl IntoIterator<Item = T>,
        f: impl FnMut(&mut Vm, T) -> GcRef,
    ) -> GcRef {
        let l = self.list_map(items, f);
        let v = list_items(l).clone();
        let t = self.tuple(&v);
        crate::object::keep_alive(l);
        t
    }

    pub fn dict(&mut self) -> GcRef {
        new_dict(self.t.dict)
    }

    pub fn is_none(&self, r: GcRef) -> bool {
        r == self.none
    }

    /// Registers an exception class under its name.
    pub fn add_exc_type(&mut self, name: &'static str, cls: GcRef) {
        self.keep(cls);
        self.exc_types.insert(name, cls);
        let n = self.intern(name);
        set_str(self.builtins, n, cls);
    }

    /// The builtin exception class `name`.
    pub fn exc_type(&self, name: &str) -> GcRef {
        *self
            .exc_types
            .get(name)
            .unwrap_or_else(|| &self.exc_types["RuntimeError"])
    }

    /// A new exception instance of class `cls` with one message argument.
    pub fn new_exc(&mut self, cls: GcRef, msg: &str) -> GcRef {
        let m = self.new_str(msg);
        let args = self.tuple(&[m]);
        crate::object::exc::new_exception(cls, self.root_map, args)
    }

    /// `Exc` of builtin class `name` with message `msg`.
    pub fn err(&mut self, name: &str, msg: impl AsRef<str>) -> Exc {
        let cls = self.exc_type(name);
        Exc(self.new_exc(cls, msg.as_ref()))
    }

    /// `Exc` of builtin class `name` with no arguments (`MemoryError()`).
    pub fn bare_err(&mut self, name: &str) -> Exc {
        let cls = self.exc_type(name);
        let args = self.tuple(&[]);
        Exc(crate::object::exc::new_exception(cls, self.root_map, args))
    }

    /// `KeyError(key)` (its single argument is the key object itself).
    pub fn key_error(&mut self, key: GcRef) -> Exc {
        let cls = self.exc_type("KeyError");
        let args = self.tuple(&[key]);
        Exc(crate::object::exc::new_exception(cls, self.root_map, args))
    }

    pub fn type_error(&mut self, msg: impl AsRef<str>) -> Exc {
        self.err("TypeError", msg)
    }
    pub fn value_error(&mut self, msg: impl AsRef<str>) -> Exc {
        self.err("ValueError", msg)
    }
    pub fn index_error(&mut self, msg: impl AsRef<str>) -> Exc {
        self.err("IndexError", msg)
    }
    pub fn attr_error(&mut self, msg: impl AsRef<str>) -> Exc {
        self.err("AttributeError", msg)
    }

    /// Is `cls` a subclass of `base` (by MRO)?
    pub fn is_subtype(&self, cls: GcRef, base: GcRef) -> bool {
        cls == base || cast::<TypeObject>(cls).mro.contains(&Some(base))
    }

    /// Does `obj` belong to (a subclass of) the exception named `name`?
    pub fn exc_matches(&self, obj: GcRef, name: &str) -> bool {
        self.is_subtype(crate::object::class_of(obj), self.exc_type(name))
    }

    /// Declares a builtin function in a module dict (or builtins).
    pub fn def_fn(&mut self, dict: GcRef, name: &'static str, f: crate::object::func::NativeFn) {
        let func = self.builtin_fn(name, f, None);
        let n = self.intern(name);
        set_str(dict, n, func);
    }

    pub fn builtin_fn(
        &mut self,
        name: &'static str,
        func: crate::object::func::NativeFn,
        bound: Option<GcRef>,
    ) -> GcRef {
        alloc(crate::object::func::BuiltinFunctionObject {
            hdr: HDR,
            cls: Some(self.t.builtin_function),
            bound,
            name,
            func,
        })
    }
}

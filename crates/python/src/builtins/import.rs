//! The import system: `import a.b.c`, relative imports, `from m import x`,
//! `from m import *`, packages. A module is looked up in `sys.modules`,
//! then among the native modules and the Python modules shipped with Kiln
//! (`stdlib_py`), then as `name.py` or `name/__init__.py` along
//! `sys.path` (or the parent package's `__path__`).

use crate::object::dict::{get_str, set_str, table};
use crate::object::func::KwArgs;
use crate::object::misc::ModuleObject;
use crate::object::seq::list_items;
use crate::object::str::StrObject;
use crate::object::{alloc, cast, is, try_cast, GcRef, HDR};
use crate::ops::{self, str_of};
use crate::vm::{Exc, PyResult, Vm};

/// A module object with namespace `dict` (fresh if None) named `name`.
pub fn new_module(vm: &mut Vm, name: &str, dict: Option<GcRef>) -> GcRef {
    let d = dict.unwrap_or_else(|| vm.dict());
    let (k, v) = (vm.intern("__name__"), vm.new_str(name));
    if get_str(d, k).is_none() {
        set_str(d, k, v);
    }
    let k = vm.intern("__doc__");
    if get_str(d, k).is_none() {
        let none = vm.none;
        set_str(d, k, none);
    }
    alloc(ModuleObject {
        hdr: HDR,
        cls: Some(vm.t.module),
        dict: Some(d),
    })
}

/// Registers a native module under `name` in `sys.modules`.
pub fn add_native_module(vm: &mut Vm, name: &str, dict: GcRef) -> GcRef {
    let m = new_module(vm, name, Some(dict));
    let k = vm.intern(name);
    set_str(vm.modules, k, m);
    m
}

fn module_dict(m: GcRef) -> Option<GcRef> {
    try_cast::<ModuleObject>(m).and_then(|m| m.dict)
}

fn not_found(vm: &mut Vm, name: &str) -> Exc {
    vm.err("ModuleNotFoundError", format!("No module named '{name}'"))
}

/// Resolves a relative import of `level` dots against `globals`.
fn resolve_name(vm: &mut Vm, name: &str, globals: GcRef, level: i64) -> PyResult<String> {
    if level == 0 {
        return Ok(name.to_string());
    }
    let pk = vm.intern("__package__");
    let nk = vm.intern("__name__");
    let pathk = vm.intern("__path__");
    let package = match get_str(globals, pk).filter(|p| is::<StrObject>(*p)) {
        Some(p) => str_of(p).to_string(),
        None => {
            let n = get_str(globals, nk)
                .filter(|p| is::<StrObject>(*p))
                .map(|p| str_of(p).to_string())
                .unwrap_or_default();
            if get_str(globals, pathk).is_some() {
                n
            } else {
                n.rsplit_once('.')
                    .map(|(a, _)| a.to_string())
                    .unwrap_or_default()
            }
        }
    };
    if package.is_empty() {
        return Err(vm.err(
            "ImportError",
            "attempted relative import with no known parent package",
        ));
    }
    let parts: Vec<&str> = package.split('.').collect();
    if (level as usize) > parts.len() {
        return Err(vm.err(
            "ImportError",
            "attempted relative import beyond top-level package",
        ));
    }
    let base = parts[..parts.len() - (level as usize - 1)].join(".");
    Ok(if name.is_empty() {
        base
    } else {
        format!("{base}.{name}")
    })
}

/// Runs `source` as the body of a new module `name` (in `sys.modules`
/// while it runs; removed again if it fails).
pub fn exec_module(
    vm: &mut Vm,
    name: &str,
    source: &str,
    file: &str,
    pkg_dir: Option<&str>,
) -> PyResult<GcRef> {
    let co = crate::compiler::compile(source, file, crate::compiler::Mode::Exec)
        .map_err(|e| crate::run::syntax_error(vm, &e))?;
    let m = new_module(vm, name, None);
    let d = module_dict(m).expect("dict");
    let f = vm.new_str(file);
    let k = vm.intern("__file__");
    set_str(d, k, f);
    let package = match pkg_dir {
        Some(_) => name.to_string(),
        None => name
            .rsplit_once('.')
            .map(|(a, _)| a.to_string())
            .unwrap_or_default(),
    };
    let (k, v) = (vm.intern("__package__"), vm.new_str(package));
    set_str(d, k, v);
    if let Some(dir) = pkg_dir {
        let p = vm.new_str(dir);
        let l = vm.list(vec![p]);
        let k = vm.intern("__path__");
        set_str(d, k, l);
    }
    let (k, b) = (vm.intern("__builtins__"), vm.builtins);
    set_str(d, k, b);
    let key = vm.new_str(name);
    set_str(vm.modules, key, m);
    let code = crate::interp::call::load_code(vm, co);
    if let Err(e) = crate::interp::call::run_code(vm, code, d, Some(d)) {
        crate::object::dict::del_str(vm.modules, key);
        return Err(e);
    }
    // A module may replace itself in sys.modules.
    Ok(get_str(vm.modules, key).unwrap_or(m))
}

/// Directories to search for a top-level module or a submodule.
fn search_dirs(vm: &mut Vm, parent: Option<GcRef>) -> Vec<String> {
    if let Some(p) = parent {
        let k = vm.intern("__path__");
        return match module_dict(p).and_then(|d| get_str(d, k)) {
            Some(l) if is::<crate::object::seq::ListObject>(l) => list_items(l)
                .iter()
                .filter(|x| is::<StrObject>(**x))
                .map(|x| str_of(*x).to_string())
                .collect(),
            _ => Vec::new(),
        };
    }
    let k = vm.intern("path");
    let from_sys = vm
        .sys
        .and_then(module_dict)
        .and_then(|d| get_str(d, k))
        .filter(|l| is::<crate::object::seq::ListObject>(*l));
    match from_sys {
        Some(l) => list_items(l)
            .iter()
            .filter(|x| is::<StrObject>(**x))
            .map(|x| str_of(*x).to_string())
            .collect(),
        None => vm.path.clone(),
    }
}

/// Imports the module called `name` (absolute, dotted) and returns it.
pub fn import_module(vm: &mut Vm, name: &str) -> PyResult<GcRef> {
    let key = vm.new_str(name);
    if let Some(m) = get_str(vm.modules, key) {
        return Ok(m);
    }
    let (parent, last) = match name.rsplit_once('.') {
        Some((p, l)) => (Some(import_module(vm, p)?), l),
        None => (None, name),
    };
    if let Some(m) = get_str(vm.modules, key) {
        return Ok(m);
    }
    let mut found = None;
    for dir in search_dirs(vm, parent) {
        let base = if dir.is_empty() {
            ".".to_string()
        } else {
            dir.clone()
        };
        let pkg = format!("{base}/{last}/__init__.py");
        let file = format!("{base}/{last}.py");
        if std::path::Path::new(&pkg).is_file() {
            found = Some((pkg, Some(format!("{base}/{last}"))));
            break;
        }
        if std::path::Path::new(&file).is_file() {
            found = Some((file, None));
            break;
        }
    }
    let m = match found {
        Some((file, pkg_dir)) => {
            let src =
                std::fs::read_to_string(&file).map_err(|e| vm.err("ImportError", e.to_string()))?;
            exec_module(vm, name, &src, &file, pkg_dir.as_deref())?
        }
        None => match crate::stdlib_py::find_module(name) {
            Some(pm) => {
                let file = format!("<kiln-lib>/{}", pm.file);
                let dir = pm.is_package.then(|| format!("<kiln-lib>/{name}"));
                exec_module(vm, name, pm.source, &file, dir.as_deref())?
            }
            None => return Err(not_found(vm, name)),
        },
    };
    if let Some(p) = parent {
        let k = vm.intern(last);
        if let Some(d) = module_dict(p) {
            set_str(d, k, m);
        }
    }
    Ok(m)
}

/// `IMPORT_NAME`: `__import__(name, globals, fromlist, level)`.
pub fn import_name(
    vm: &mut Vm,
    name: GcRef,
    globals: GcRef,
    fromlist: GcRef,
    level: i64,
) -> PyResult<GcRef> {
    let full = resolve_name(vm, str_of(name), globals, level)?;
    let m = import_module(vm, &full)?;
    let from: Vec<GcRef> = if fromlist == vm.none {
        Vec::new()
    } else {
        super::seqs::to_vec(vm, fromlist)?
    };
    if from.is_empty() {
        if level == 0 {
            if let Some((top, _)) = full.split_once('.') {
                let top = top.to_string();
                return import_module(vm, &top);
            }
        } else if str_of(name).is_empty() {
            return Ok(m);
        } else {
            // `from . import x` has a fromlist; `import .x` is not syntax.
            let first = str_of(name).split('.').next().unwrap_or("").to_string();
            let base = full[..full.len() - str_of(name).len()].to_string();
            return import_module(vm, &format!("{base}{first}"));
        }
        return Ok(m);
    }
    let pathk = vm.intern("__path__");
    if module_dict(m).and_then(|d| get_str(d, pathk)).is_some() {
        for f in from {
            let s = str_of(f).to_string();
            if s == "*" {
                continue;
            }
            if module_dict(m).and_then(|d| get_str(d, f)).is_none() {
                match import_module(vm, &format!("{full}.{s}")) {
                    Ok(_) => {}
                    Err(e) if vm.exc_matches(e.0, "ModuleNotFoundError") => {}
                    Err(e) => return Err(e),
                }
            }
        }
    }
    Ok(m)
}

/// `IMPORT_FROM`: `from m import name`.
pub fn import_from(vm: &mut Vm, m: GcRef, name: GcRef) -> PyResult<GcRef> {
    match ops::getattr_opt(vm, m, name)? {
        Some(v) => return Ok(v),
        None => {}
    }
    let mname = if is::<ModuleObject>(m) {
        ops::module_name(vm, m)
    } else {
        String::new()
    };
    let sub = vm.new_str(format!("{mname}.{}", str_of(name)));
    if let Some(v) = get_str(vm.modules, sub) {
        return Ok(v);
    }
    let fk = vm.intern("__file__");
    let file = module_dict(m)
        .and_then(|d| get_str(d, fk))
        .filter(|f| is::<StrObject>(*f));
    let msg = match file {
        Some(f) => format!(
            "cannot import name '{}' from '{}' ({})",
            str_of(name),
            mname,
            str_of(f)
        ),
        None => format!(
            "cannot import name '{}' from '{}' (unknown location)",
            str_of(name),
            mname
        ),
    };
    Err(vm.err("ImportError", msg))
}

/// `from m import *` into the namespace `target`.
pub fn import_star(vm: &mut Vm, m: GcRef, target: GcRef) -> PyResult<()> {
    let d = module_dict(m).expect("module dict");
    let allk = vm.intern("__all__");
    let names: Vec<GcRef> = match get_str(d, allk) {
        Some(a) => super::seqs::to_vec(vm, a)?,
        None => table(d)
            .iter()
            .filter_map(|e| e.key)
            .filter(|k| is::<StrObject>(*k) && !str_of(*k).starts_with('_'))
            .collect(),
    };
    for n in names {
        let v = ops::getattr(vm, m, n)?;
        ops::item::setitem(vm, target, n, v)?;
    }
    Ok(())
}

fn builtin_import(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    if args.is_empty() {
        return Err(vm.type_error("__import__() missing required argument 'name' (pos 1)"));
    }
    let name = args[0];
    let globals = args
        .get(1)
        .copied()
        .filter(|g| is::<crate::object::dict::DictObject>(*g))
        .unwrap_or_else(|| vm.dict());
    let fromlist = args
        .get(3)
        .copied()
        .or(super::kwarg(kw, "fromlist"))
        .unwrap_or(vm.none);
    let level = match args.get(4).copied().or(super::kwarg(kw, "level")) {
        Some(l) => ops::item::index_value(vm, l)?,
        None => 0,
    };
    import_name(vm, name, globals, fromlist, level)
}

pub fn register(vm: &mut Vm) {
    let b = vm.builtins;
    vm.def_fn(b, "__import__", builtin_import);
    let _ = cast::<ModuleObject>;
}

//! The builtin namespace, the methods of the builtin types and the native
//! modules, one file per family. `setup` creates them at VM start-up.

pub mod aiters;
pub mod attrs;
pub mod cmath;
pub mod complexes;
pub mod dicts;
pub mod exceptions;
pub mod funcs;
pub mod gamma;
pub mod import;
pub mod ints;
pub mod io;
pub mod iters;
pub mod memview;
pub mod modules;
pub mod ranges;
pub mod regex;
pub mod seqs;
pub mod sets;
pub mod setup;
pub mod strfmt;
pub mod strs;
pub mod types;

use crate::object::func::KwArgs;
use crate::object::GcRef;
use crate::vm::{PyResult, Vm};

/// Checks a native function's positional argument count (CPython's wording).
pub fn check_args(vm: &mut Vm, name: &str, args: &[GcRef], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let msg = if min == max {
        match min {
            0 => format!("{name}() takes no arguments ({n} given)"),
            1 => format!("{name}() takes exactly one argument ({n} given)"),
            _ => format!("{name}() takes exactly {min} arguments ({n} given)"),
        }
    } else if n < min {
        format!(
            "{name} expected at least {min} argument{}, got {n}",
            if min == 1 { "" } else { "s" }
        )
    } else {
        format!(
            "{name} expected at most {max} argument{}, got {n}",
            if max == 1 { "" } else { "s" }
        )
    };
    Err(vm.type_error(msg))
}

/// Rejects keyword arguments for functions that take none.
pub fn no_kw(vm: &mut Vm, name: &str, kw: KwArgs) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{name}() takes no keyword arguments")))
    }
}

/// The keyword argument `name`, if given.
pub fn kwarg(kw: KwArgs, name: &str) -> Option<GcRef> {
    kw.iter()
        .find(|(k, _)| crate::ops::str_of(*k) == name)
        .map(|(_, v)| *v)
}

/// Rejects keyword arguments other than `allowed`.
pub fn only_kw(vm: &mut Vm, fname: &str, kw: KwArgs, allowed: &[&str]) -> PyResult<()> {
    for (k, _) in kw {
        let k = crate::ops::str_of(*k);
        if !allowed.contains(&k) {
            return Err(vm.type_error(format!(
                "{fname}() got an unexpected keyword argument '{k}'"
            )));
        }
    }
    Ok(())
}

/// The Python exception for a formatting/parsing error.
pub fn fmt_err(vm: &mut Vm, e: crate::format::FmtError) -> crate::vm::Exc {
    use crate::format::ErrorKind as K;
    let name = match e.kind {
        K::ValueError => "ValueError",
        K::TypeError => "TypeError",
        K::OverflowError => "OverflowError",
        K::KeyError => "KeyError",
        K::IndexError => "IndexError",
    };
    vm.err(name, e.msg)
}

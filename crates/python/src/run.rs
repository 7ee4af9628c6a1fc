//! Running a program: compile a main module, execute it as `__main__`, and
//! turn the outcome into what CPython prints and its exit status
//! (tracebacks, `SyntaxError` with caret, `SystemExit` codes).

use crate::builtins::exceptions::format_exception;
use crate::builtins::io::{flush_stdout, write_stderr};
use crate::compiler::{CompileError, Mode};
use crate::object::dict::set_str;
use crate::object::exc::ExceptionObject;
use crate::object::int::IntObject;
use crate::object::seq::tuple_items;
use crate::object::{cast, try_cast, GcRef};
use crate::ops;
use crate::vm::{Exc, Vm};

/// The `SyntaxError` (or subclass) exception for a compile error. Its
/// args are `(msg, (filename, line, col, text, end_line, end_col))`; too
/// deep nesting is a `RecursionError` with the message alone.
pub fn syntax_error(vm: &mut Vm, e: &CompileError) -> Exc {
    let cls = vm.exc_type(e.kind.name());
    if e.kind == crate::compiler::ErrorKind::RecursionError {
        // Not a SyntaxError: CPython raises it with the message alone.
        return Exc(vm.new_exc(cls, &e.msg));
    }
    let msg = vm.new_str(e.msg.clone());
    let f = vm.new_str(e.filename.clone());
    let (l, c) = (vm.int(e.line as i64), vm.int(e.col as i64));
    // CPython's tokenizer ends every source line with a newline.
    let t = vm.new_str(format!("{}\n", e.text));
    let (el, ec) = (vm.int(e.end_line as i64), vm.int(e.end_col as i64));
    let detail = vm.tuple(&[f, l, c, t, el, ec]);
    let args = vm.tuple(&[msg, detail]);
    Exc(crate::object::exc::new_exception(cls, vm.root_map, args))
}

/// Prints an uncaught exception like CPython and returns the exit status
/// (`SystemExit` gives its code).
pub fn report(vm: &mut Vm, e: GcRef) -> i32 {
    flush_stdout();
    if vm.exc_matches(e, "SystemExit") {
        let args = tuple_items(cast::<ExceptionObject>(e).args.unwrap_or(vm.empty_tuple)).to_vec();
        let code = match args.len() {
            0 => return 0,
            1 => args[0],
            _ => vm.tuple(&args),
        };
        if code == vm.none {
            return 0;
        }
        if let Some(i) = try_cast::<IntObject>(code) {
            return i.value as i32;
        }
        let s = ops::repr::str_(vm, code).unwrap_or_default();
        write_stderr(&format!("{s}\n"));
        return 1;
    }
    let text = format_exception(vm, e);
    write_stderr(&text);
    1
}

/// Compiles and runs `source` as the `__main__` module; returns the exit
/// status.
pub fn run_main(vm: &mut Vm, source: &str, filename: &str) -> i32 {
    let status = match run_main_inner(vm, source, filename) {
        Ok(()) => 0,
        Err(Exc(e)) => report(vm, e),
    };
    flush_stdout();
    status
}

fn run_main_inner(vm: &mut Vm, source: &str, filename: &str) -> Result<(), Exc> {
    let co =
        crate::compiler::compile(source, filename, Mode::Exec).map_err(|e| syntax_error(vm, &e))?;
    let m = crate::builtins::import::new_module(vm, "__main__", None);
    let d = cast::<crate::object::misc::ModuleObject>(m)
        .dict
        .expect("dict");
    let (k, f) = (vm.intern("__file__"), vm.new_str(filename));
    set_str(d, k, f);
    let (k, b) = (vm.intern("__builtins__"), vm.builtins);
    set_str(d, k, b);
    let k = vm.intern("__main__");
    set_str(vm.modules, k, m);
    vm.keep(m);
    let code = crate::interp::call::load_code(vm, co);
    crate::interp::call::run_code(vm, code, d, Some(d))?;
    Ok(())
}

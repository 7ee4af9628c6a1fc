//! Fuzz target `compile`: arbitrary bytes, read as (lossy) UTF-8 source,
//! go through the whole front end — tab check, parser, error mapping,
//! symbol table, code generation — in every compile mode.
//!
//! The property: `compile` returns `Ok` or `Err(CompileError)` and never
//! panics, overflows the stack or hangs. An error must also render (its
//! `Display` is what the runtime prints).

#![no_main]

use kiln_python::compiler::{compile, Mode};
use libfuzzer_sys::fuzz_target;

/// Inputs beyond this are ignored (libFuzzer is also run with `-max_len`).
const MAX_LEN: usize = 4096;

fuzz_target!(|data: &[u8]| {
    if data.len() > MAX_LEN {
        return;
    }
    let src = String::from_utf8_lossy(data);
    for mode in [Mode::Exec, Mode::Eval, Mode::Single] {
        if let Err(e) = compile(&src, "<fuzz>", mode) {
            assert!(e.line >= 1, "line 0 in {e:?}");
            let _ = e.to_string();
        }
    }
});

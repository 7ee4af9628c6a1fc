//! Running out of memory: programs under an address-space limit
//! (`ulimit -v`, where the system allocator really fails) get a
//! `MemoryError` they can catch, and an uncaught one ends the program like
//! CPython's (traceback, exit status 1), instead of aborting.

use std::path::PathBuf;
use std::process::Command;

/// Address-space limit in KiB: room for the interpreter's 1 GiB stack
/// reservation, the reserve, and a few hundred megabytes of heap.
const LIMIT_KIB: u64 = 1_400_000;

fn run_limited(program: &str) -> (String, String, i32) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let prog = root.join("tests/memory").join(program);
    let script = format!("ulimit -v {LIMIT_KIB} && exec \"$0\" --jit off \"$1\"",);
    let out = Command::new("bash")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_kiln"))
        .arg(&prog)
        .output()
        .expect("run bash");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// Runs `program` under the limit and checks CPython's behaviour: the
/// first MemoryError is caught, the second ends the program.
fn check(program: &str) {
    let (stdout, stderr, code) = run_limited(program);
    assert_eq!(
        stdout, "caught MemoryError() True\nafter 45\n",
        "{program}: stderr: {stderr}"
    );
    assert!(
        stderr.starts_with("Traceback (most recent call last):"),
        "{program}: stderr: {stderr}"
    );
    assert_eq!(
        stderr.lines().last(),
        Some("MemoryError"),
        "{program}: stderr: {stderr}"
    );
    assert_eq!(code, 1, "{program}");
}

#[test]
#[cfg(target_os = "linux")]
fn a_growing_string_runs_out_of_memory_with_a_memory_error() {
    check("grow_str.py");
}

#[test]
#[cfg(target_os = "linux")]
fn a_growing_dict_runs_out_of_memory_with_a_memory_error() {
    check("grow_dict.py");
}

#[test]
#[cfg(target_os = "linux")]
fn millions_of_small_objects_run_out_of_memory_with_a_memory_error() {
    check("grow_objects.py");
}

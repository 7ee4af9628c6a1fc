//! Inputs that once made the compiler panic, overflow the stack or hang,
//! kept so they never do again.
//!
//! Every file under `tests/fuzz_regressions/` (minimized fuzz findings,
//! raw bytes read as lossy UTF-8, as the `compile` fuzz target does) must
//! compile to `Ok` or `Err` in every mode without panicking. Deep nesting,
//! which the 4 KiB fuzz inputs cannot reach, is generated here, with the
//! error CPython 3.11 raises for it.
//!
//! Compilation runs on a thread with a large stack, as in the interpreter
//! (whose thread has 1 GiB): the limits under test are the compiler's, not
//! the test harness's 2 MiB default.

use std::path::Path;

use kiln_python::compiler::{compile, CompileError, ErrorKind, Mode};

const STACK: usize = 256 << 20;

/// `compile(src)` in `mode` on a large-stack thread.
fn compile_on_big_stack(src: String, mode: Mode) -> Result<(), CompileError> {
    std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || compile(&src, "<regress>", mode).map(|_| ()))
        .expect("spawn")
        .join()
        .expect("compile panicked")
}

fn compile_err(src: String) -> CompileError {
    compile_on_big_stack(src, Mode::Exec).expect_err("should not compile")
}

#[test]
fn fuzz_findings_do_not_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("fuzz_regressions dir") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("read");
        let src = String::from_utf8_lossy(&bytes).into_owned();
        for mode in [Mode::Exec, Mode::Eval, Mode::Single] {
            let r = std::thread::Builder::new()
                .stack_size(STACK)
                .spawn({
                    let src = src.clone();
                    move || {
                        compile(&src, "<fuzz>", mode)
                            .map(|_| ())
                            .map_err(|e| e.to_string())
                    }
                })
                .expect("spawn")
                .join();
            assert!(r.is_ok(), "{} panicked in {mode:?}", path.display());
        }
        n += 1;
    }
    assert!(n > 0, "no regression inputs found in {}", dir.display());
}

/// The first fuzz finding: an unclosed bracket after a triple-quoted string
/// holding a non-ASCII character sliced the source inside that character.
#[test]
fn unclosed_bracket_after_non_ascii_string() {
    let e = compile_err("\"\"\"é\"\"\"\nf(\n".into());
    assert_eq!(e.kind, ErrorKind::SyntaxError);
    assert_eq!(e.msg, "'(' was never closed");
    assert_eq!((e.line, e.col), (2, 2));
    for src in ["'\\é'\n(", "'''é\\é'''(\n", "é = (\n", "\"é\" [1}"] {
        let _ = compile_on_big_stack(src.into(), Mode::Exec);
    }
}

fn recursion_error(src: String) {
    let e = compile_err(src);
    assert_eq!(e.kind, ErrorKind::RecursionError);
    assert_eq!(e.msg, "maximum recursion depth exceeded during compilation");
    assert_eq!(
        e.to_string(),
        "RecursionError: maximum recursion depth exceeded during compilation"
    );
}

/// Deep expression chains: CPython 3.11 compiles 2 900 levels and raises
/// RecursionError at 3 100; before the limit a million levels took minutes.
#[test]
fn deep_expressions_raise_recursion_error() {
    let chains: [(&str, &str, &str); 6] = [
        ("-", "", "a"),
        ("not ", "", "a"),
        ("lambda: ", "", "1"),
        ("a if b else ", "", "c"),
        ("", ".b", "a"),
        ("", "+a", "a"),
    ];
    for (prefix, suffix, atom) in chains {
        let make = |n: usize| {
            if suffix.is_empty() {
                format!("{}{atom}\n", prefix.repeat(n))
            } else {
                format!("{atom}{}\n", suffix.repeat(n))
            }
        };
        assert!(
            compile_on_big_stack(make(2900), Mode::Exec).is_ok(),
            "{prefix}{suffix} x 2900"
        );
        recursion_error(make(3100));
    }
    recursion_error("-".repeat(1_000_000) + "1");
    recursion_error("a".to_string() + &".b".repeat(1_000_000));
    recursion_error(vec!["a"; 1_000_000].join("+"));
}

#[test]
fn deep_brackets_and_blocks_are_tokenizer_errors() {
    let e = compile_err("[".repeat(100_000));
    assert_eq!(e.msg, "too many nested parentheses");
    assert_eq!((e.line, e.col), (1, 201));
    // Past a mismatched bracket the limit still stops the parser early.
    let e = compile_err("(]".to_string() + &"(".repeat(100_000));
    assert_eq!(
        e.msg,
        "closing parenthesis ']' does not match opening parenthesis '('"
    );
    let mut src = String::new();
    for i in 0..150 {
        src.push_str(&" ".repeat(i));
        src.push_str("def f():\n");
    }
    src.push_str(&" ".repeat(150));
    src.push_str("pass\n");
    let e = compile_err(src);
    assert_eq!(e.kind, ErrorKind::IndentationError);
    assert_eq!(e.msg, "too many levels of indentation");
    assert_eq!(e.line, 101);
}

/// The tokenizer pass finds no problem in any valid program of the
/// repository (the embedded `lib/` modules and the differential corpus,
/// except the programs that test syntax errors).
#[test]
fn scan_accepts_valid_programs() {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "py") {
                out.push(p);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    walk(&root.join("lib"), &mut files);
    walk(&root.join("../../tests/python"), &mut files);
    assert!(files.len() > 100);
    for f in files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("syntax_") {
            continue;
        }
        let src = std::fs::read_to_string(&f).expect("read");
        let s = kiln_python::compiler::scan::scan(&src);
        assert_eq!(s.problem, None, "{}", f.display());
        assert!(s.open.is_empty(), "{}: {:?}", f.display(), s.open);
    }
}

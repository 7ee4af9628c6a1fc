//! CPython as the oracle for the formatting tests.
//!
//! A test builds one Python script that evaluates many cases, each through
//! `out(lambda: ...)`, runs `python3` once, and gets back one line per case:
//! `OK:<result>` or `ERR:<ExceptionClass>:<message>`. Lines travel hex-encoded
//! UTF-8 (surrogates passed through) so any string survives the pipe. The Rust
//! side renders its own results the same way with [`ok`] / [`render`] and the test
//! compares line by line, reporting every mismatch with its case.

#![allow(dead_code)]

use kiln_python::format::{FmtError, FmtResult};
use std::io::Write;
use std::process::{Command, Stdio};

const PRELUDE: &str = r#"
import sys, struct, math
def _emit(s):
    sys.stdout.write(s.encode('utf-8', 'surrogatepass').hex() + '\n')
def out(f):
    try:
        r = f()
        s = 'OK:' + (r if isinstance(r, str) else repr(r))
    except Exception as e:
        s = 'ERR:' + type(e).__name__ + ':' + str(e)
    _emit(s)
def F(bits):
    return struct.unpack('<d', bits.to_bytes(8, 'little'))[0]
"#;

/// Run `script` (after the prelude) under python3; one decoded line per `out`.
pub fn run_python(script: &str) -> Vec<String> {
    let full = format!("{PRELUDE}\n{script}");
    let mut child = Command::new("python3")
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 must be installed to run the oracle tests");
    let mut stdin = child.stdin.take().expect("piped stdin");
    let writer = std::thread::spawn(move || stdin.write_all(full.as_bytes()));
    let output = child.wait_with_output().expect("python3 runs");
    writer
        .join()
        .expect("writer thread")
        .expect("script written");
    assert!(
        output.status.success(),
        "python3 failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| String::from_utf8_lossy(&decode_hex(l)).into_owned())
        .collect()
}

fn decode_hex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap_or(b'?'))
        .collect()
}

/// Render a Rust result as the oracle renders a Python one.
pub fn render(r: &FmtResult<String>) -> String {
    match r {
        Ok(s) => format!("OK:{s}"),
        Err(FmtError { kind, msg }) => format!("ERR:{kind:?}:{msg}"),
    }
}

/// Render a successful Rust result.
pub fn ok(s: impl Into<String>) -> String {
    format!("OK:{}", s.into())
}

/// Python source text for a Rust string literal (a str literal Python parses).
pub fn py_str(s: &str) -> String {
    let mut o = String::from("'");
    for c in s.chars() {
        match c {
            '\\' => o.push_str("\\\\"),
            '\'' => o.push_str("\\'"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                o.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if (c as u32) > 0x7e => o.push_str(&format!("\\U{:08x}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('\'');
    o
}

/// Compare Rust's lines with CPython's; panic listing the mismatches.
pub fn compare(cases: &[String], ours: &[String], theirs: &[String]) {
    assert_eq!(
        ours.len(),
        theirs.len(),
        "case count differs from python3 output"
    );
    let mut bad = Vec::new();
    for i in 0..ours.len() {
        if ours[i] != theirs[i] {
            bad.push(format!(
                "case {}: {}\n  kiln:    {:?}\n  cpython: {:?}",
                i, cases[i], ours[i], theirs[i]
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {} cases differ:\n{}",
        bad.len(),
        ours.len(),
        bad.iter().take(40).cloned().collect::<Vec<_>>().join("\n")
    );
}

/// A deterministic stream of pseudo-random 64-bit words (xorshift).
pub struct Rng(pub u64);
impl Rng {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

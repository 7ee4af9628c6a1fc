//! The jit log of the bf example: `KILNLOG=jit-log-opt-loop,jit-summary`
//! prints every compiled trace and a summary, and the printed IR parses
//! back (with the crate's own parser) to the trace that was compiled.
//!
//! One test logs in-process into a buffer and compares the parsed text
//! with the driver's traces structurally; the other runs the `bf` example
//! binary (built by `cargo test` next to this test) with `KILNLOG` set, as
//! a user would.

#[path = "../examples/bf/interp.rs"]
mod bf;

use kiln_jit::ir::{parse, print_trace, DescrTable, Trace};
use kiln_jit::jitlog::{self, Config, Dest};
use kiln_jit::Params;
use std::path::{Path, PathBuf};

fn program(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/bf")
        .join(name)
}

fn table() -> DescrTable {
    DescrTable::new()
        .array(&bf::CELLS)
        .field(&bf::PC)
        .field(&bf::PTR)
        .field(&bf::TAPE)
        .call(&bf::PUTC)
        .call(&bf::GETC)
}

/// The `(section, text)` blocks of a log.
fn blocks(log: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut cur: Option<(String, String)> = None;
    for line in log.lines() {
        let rest = line.split_once("] ").map(|x| x.1);
        match (rest, &mut cur) {
            (Some(r), None) if r.starts_with('{') => {
                cur = Some((r[1..].to_string(), String::new()));
            }
            (Some(r), Some((s, _))) if r.strip_suffix('}') == Some(s.as_str()) => {
                out.push(cur.take().unwrap());
            }
            (_, Some((_, text))) => {
                text.push_str(line);
                text.push('\n');
            }
            (_, None) => {}
        }
    }
    assert!(cur.is_none(), "unterminated block");
    out
}

/// Parses a trace block: checks the title's op count and that printing
/// the parsed trace gives the text back. Returns (trace number, trace).
fn check_block(text: &str) -> (usize, Trace) {
    let (title, body) = text.split_once('\n').unwrap();
    // "# bf 3 (17) : loop with 12 ops"
    let words: Vec<&str> = title.split_whitespace().collect();
    assert_eq!(words[..2], ["#", "bf"], "{title}");
    let n: usize = words[2].parse().unwrap();
    let ops: usize = words[words.len() - 2].parse().unwrap();
    let t = parse(text, &table()).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(t.ops.len(), ops, "{title}");
    assert_eq!(print_trace(&t), body, "print(parse(text)) != text");
    (n, t)
}

fn without_resume(t: &Trace) -> Trace {
    let mut t = t.clone();
    for op in &mut t.ops {
        op.resume = None;
    }
    t
}

#[test]
fn logged_traces_parse_back_to_the_compiled_traces() {
    jitlog::configure(Some(Config {
        selectors: vec![
            jitlog::OPT_LOOP.into(),
            jitlog::OPT_BRIDGE.into(),
            jitlog::SUMMARY.into(),
        ],
        dest: Dest::Buffer,
    }));
    let src = std::fs::read_to_string(program("primes30.b")).unwrap();
    let vm = bf::Vm::load(&src, Params::default()).unwrap();
    bf::set_input(bf::Input::Bytes(Vec::new(), 0));
    vm.run().unwrap();
    assert_eq!(
        bf::take_output(),
        std::fs::read(program("primes30.out")).unwrap()
    );
    vm.driver.log_summary();
    let log = jitlog::captured();
    jitlog::configure(None);

    let traces = vm.driver.traces();
    let s = vm.driver.stats();
    assert!(s.loops >= 2 && s.bridges >= 1, "{s:?}");
    let bs = blocks(&log);
    let mut seen = vec![false; traces.len()];
    let mut summaries = 0;
    for (section, text) in &bs {
        match section.as_str() {
            jitlog::OPT_LOOP | jitlog::OPT_BRIDGE => {
                let (n, t) = check_block(text);
                let ct = &traces[n];
                assert_eq!(ct.is_bridge, section == jitlog::OPT_BRIDGE);
                assert_eq!(t, without_resume(&ct.trace), "trace {n}");
                assert!(!seen[n], "trace {n} logged twice");
                seen[n] = true;
            }
            jitlog::SUMMARY => {
                summaries += 1;
                assert!(text.contains(&format!("\nloops:          {}\n", s.loops)));
                assert!(text.contains(&format!("\nbridges:        {}\n", s.bridges)));
                assert!(text.contains(&format!("\naborts:         {}\n", s.aborts)));
            }
            other => panic!("section {other} was not selected"),
        }
    }
    assert!(seen.iter().all(|&b| b), "not every trace was logged");
    assert_eq!(summaries, 1);
}

#[test]
fn kilnlog_on_the_bf_binary_prints_traces_and_a_summary() {
    // target/<profile>/deps/ajit_log-<hash> -> target/<profile>/examples/bf
    let exe = std::env::current_exe().unwrap();
    let bin = exe
        .parent()
        .and_then(Path::parent)
        .unwrap()
        .join("examples")
        .join(format!("bf{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.exists(),
        "{} not found: the bf example is built by `cargo test -p kiln-jit`",
        bin.display()
    );
    let out = std::process::Command::new(&bin)
        .env("KILNLOG", "jit-log-opt-loop,jit-summary:-")
        .arg(program("triangle.b"))
        .arg("--jit")
        .arg("threshold=3,trace_eagerness=2")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(out.stdout, std::fs::read(program("triangle.out")).unwrap());
    let err = String::from_utf8(out.stderr).unwrap();
    let bs = blocks(&err);
    let loops: Vec<&String> = bs
        .iter()
        .filter(|b| b.0 == jitlog::OPT_LOOP)
        .map(|b| &b.1)
        .collect();
    assert!(!loops.is_empty(), "no loop logged:\n{err}");
    for t in &loops {
        check_block(t);
    }
    let summary: Vec<&String> = bs
        .iter()
        .filter(|b| b.0 == jitlog::SUMMARY)
        .map(|b| &b.1)
        .collect();
    assert_eq!(summary.len(), 1, "{err}");
    assert!(
        summary[0].contains(&format!("\nloops:          {}\n", loops.len())),
        "{}",
        summary[0]
    );
    // Bridges were compiled but their section was not selected.
    assert!(!err.contains("{jit-log-opt-bridge"));
    assert!(
        !summary[0].contains("\nbridges:        0\n"),
        "{}",
        summary[0]
    );
}

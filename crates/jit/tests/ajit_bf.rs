//! Framework tests on the Brainfuck example, in the style of PyPy's
//! `test_ajit`: run a real interpreter under the driver and check what it
//! computed (the same as without the JIT, and as an independent Python
//! reference recorded in `examples/bf/*.out`), how many loops, bridges and
//! aborts it made, and which operations the recorded traces contain.

#[path = "../examples/bf/interp.rs"]
mod bf;

use kiln_jit::driver::Stats;
use kiln_jit::ir::{Opcode, Trace};
use kiln_jit::Params;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/bf")
}

/// Programs too slow for the aggressive run of the default test suite
/// (see `aggressive_on_slow_programs`).
const SLOW: &[&str] = &["primes.b"];

/// Every `*.b` of the example directory, sorted.
fn corpus() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "b"))
        .collect();
    v.sort();
    assert!(v.len() >= 5, "example corpus not found: {v:?}");
    v
}

fn input_of(p: &Path) -> Vec<u8> {
    std::fs::read(p.with_extension("in")).unwrap_or_default()
}

fn expected_of(p: &Path) -> Vec<u8> {
    std::fs::read(p.with_extension("out"))
        .unwrap_or_else(|e| panic!("{}: no expected output: {e}", p.display()))
}

fn name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

/// Runs `f` on a fresh thread and fails if it takes longer than `secs`
/// (a compiled trace that loops forever must fail the test, not hang it).
fn with_timeout<R: Send + 'static>(secs: u64, f: impl FnOnce() -> R + Send + 'static) -> R {
    let (tx, rx) = mpsc::channel();
    let h = std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(Duration::from_secs(secs)) {
        Ok(r) => r,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("timed out after {secs}s"),
        Err(mpsc::RecvTimeoutError::Disconnected) => match h.join() {
            Err(p) => std::panic::resume_unwind(p),
            Ok(()) => unreachable!(),
        },
    }
}

/// What one run produced, plus facts about its traces.
struct Run {
    out: Vec<u8>,
    err: Option<String>,
    stats: Stats,
    /// Printed traces, in compilation order.
    traces: Vec<(bool, String)>,
    /// Traces that jump to their own label without a single guard.
    guardless_self_loops: usize,
}

fn self_loop_without_guard(t: &Trace) -> bool {
    let label = t.ops.iter().find(|o| o.opcode == Opcode::Label);
    let jump = t.ops.last().filter(|o| o.opcode == Opcode::Jump);
    match (label, jump) {
        (Some(l), Some(j)) => l.descr == j.descr && t.num_guards() == 0,
        _ => false,
    }
}

fn run(src: &str, input: &[u8], params: Params) -> Run {
    let vm = bf::Vm::load(src, params).expect("program compiles");
    bf::set_streaming(false);
    bf::set_input(bf::Input::Bytes(input.to_vec(), 0));
    bf::take_output();
    let err = vm.run().err();
    let traces = vm.driver.traces();
    Run {
        out: bf::take_output(),
        err,
        stats: vm.driver.stats(),
        guardless_self_loops: traces
            .iter()
            .filter(|t| self_loop_without_guard(&t.trace))
            .count(),
        traces: traces
            .iter()
            .map(|t| (t.is_bridge, t.trace.to_string()))
            .collect(),
    }
}

fn run_file(p: &Path, params: Params) -> Run {
    let src = std::fs::read_to_string(p).unwrap();
    let input = input_of(p);
    let secs = if SLOW.contains(&name(p).as_str()) {
        120
    } else {
        30
    };
    with_timeout(secs, move || run(&src, &input, params))
}

fn params(s: &str) -> Params {
    Params::parse(s).unwrap()
}

/// The opcode names of a printed trace, without `debug_merge_point`.
fn opnames(text: &str) -> Vec<String> {
    text.lines()
        .skip(1)
        .map(|l| {
            let l = l.split_once(" = ").map_or(l, |x| x.1);
            l.split('(').next().unwrap().to_string()
        })
        .filter(|n| n != "debug_merge_point")
        .collect()
}

fn count(names: &[String], n: &str) -> usize {
    names.iter().filter(|x| *x == n).count()
}

// ---- (a) same results with the JIT off and on ----

#[test]
fn every_program_matches_its_reference_output_with_jit_off_and_on() {
    for p in corpus() {
        let want = expected_of(&p);
        for jit in ["off", "default"] {
            let r = run_file(&p, params(jit));
            assert_eq!(r.err, None, "{} --jit {jit}", name(&p));
            assert!(
                r.out == want,
                "{} --jit {jit}: output differs from {}.out:\n{}",
                name(&p),
                name(&p),
                String::from_utf8_lossy(&r.out)
            );
            if jit == "off" {
                assert_eq!(r.stats, Stats::default(), "--jit off traced something");
            }
        }
    }
}

#[test]
fn reference_outputs_agree_with_the_python_reference_interpreter() {
    // The .out files were produced by ref_bf.py; regenerate the fast ones
    // to check they did not drift (primes.b takes minutes in Python).
    if std::process::Command::new("python3")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("python3 not found: only the committed .out files are used");
        return;
    }
    for p in corpus() {
        if SLOW.contains(&name(&p).as_str()) {
            continue;
        }
        let mut cmd = std::process::Command::new("python3");
        cmd.arg(dir().join("ref_bf.py")).arg(&p);
        let inp = p.with_extension("in");
        cmd.stdin(if inp.exists() {
            std::fs::File::open(&inp).unwrap().into()
        } else {
            std::process::Stdio::null()
        });
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "ref_bf.py {}", name(&p));
        assert!(out.stdout == expected_of(&p), "{}.out is stale", name(&p));
    }
}

// ---- (e) thresholds of 1 over the whole corpus ----

#[test]
fn aggressive_thresholds_give_the_same_output_over_the_corpus() {
    let mut n = 0;
    for p in corpus() {
        if SLOW.contains(&name(&p).as_str()) {
            continue;
        }
        let r = run_file(
            &p,
            params("threshold=1,trace_eagerness=1,function_threshold=1"),
        );
        assert_eq!(r.err, None, "{}", name(&p));
        assert!(r.out == expected_of(&p), "{}: wrong output", name(&p));
        assert!(r.stats.loops >= 1, "{}: nothing compiled", name(&p));
        assert_eq!(r.guardless_self_loops, 0, "{}: empty loop", name(&p));
        n += 1;
    }
    assert!(n >= 4);
}

/// The rest of the corpus (about 15 s: primes below 100 under the `ir`
/// backend), so that together the two tests cover every program.
#[test]
fn aggressive_on_slow_programs() {
    for s in SLOW {
        let p = dir().join(s);
        let r = run_file(&p, Params::aggressive());
        assert_eq!(r.err, None);
        assert!(r.out == expected_of(&p), "{s}: wrong output");
    }
}

// ---- (b) loops, bridges, aborts and the ops of the traces ----

/// `>` then 200 `+` then a loop that moves the cell one to the left.
fn move_loop() -> String {
    format!(">{}[-<+>]<.", "+".repeat(200))
}

#[test]
fn a_simple_loop_compiles_once_and_leaves_at_its_exit_guard() {
    let r = with_timeout(30, || run(&move_loop(), b"", params("threshold=10")));
    assert_eq!(r.out, [200]);
    let s = r.stats;
    assert_eq!((s.loops, s.bridges, s.aborts), (1, 0, 0), "{s:?}");
    assert_eq!(s.entries, 1);
    assert_eq!(s.guard_failures, 1, "only the loop exit fails");
    let (is_bridge, text) = &r.traces[0];
    assert!(!is_bridge);
    let ops = opnames(text);
    // Add(-1), Move(-1), Add(1), Move(1), Close: the virtualizable fields
    // (pc, ptr, tape) are never read or written in the trace.
    let want = [
        "label",
        "getarrayitem_gc_i",
        "int_add",
        "int_and",
        "setarrayitem_gc",
        "int_add",
        "int_lt",
        "guard_false",
        "getarrayitem_gc_i",
        "int_add",
        "int_and",
        "setarrayitem_gc",
        "int_add",
        "arraylen_gc",
        "int_ge",
        "guard_false",
        "getarrayitem_gc_i",
        "guard_true",
        "jump",
    ];
    assert_eq!(ops, want, "\n{text}");
}

#[test]
fn heap_cache_reuses_the_cell_just_written() {
    // `[-]`: the `]` test reads the cell `-` has just written.
    let src = format!("{}[-]", "+".repeat(100));
    let r = with_timeout(30, move || run(&src, b"", params("threshold=5")));
    assert_eq!((r.stats.loops, r.stats.bridges), (1, 0));
    let ops = opnames(&r.traces[0].1);
    assert_eq!(
        ops,
        [
            "label",
            "getarrayitem_gc_i",
            "int_add",
            "int_and",
            "setarrayitem_gc",
            "guard_true",
            "jump"
        ]
    );
}

#[test]
fn output_loop_has_no_call_but_putc() {
    // Prints 'A'..='Z' from a loop.
    let src = "++++++[>+++++++++++<-]>-  >+++++[<<+++++>>-]+< <+[->.+<]";
    let r = with_timeout(30, || run(src, b"", params("threshold=3")));
    assert_eq!(r.out, (b'A'..=b'Z').collect::<Vec<u8>>());
    let printing: Vec<&String> = r
        .traces
        .iter()
        .map(|t| &t.1)
        .filter(|t| t.contains("bf_putc"))
        .collect();
    assert_eq!(printing.len(), 1, "one loop prints");
    let ops = opnames(printing[0]);
    let calls: Vec<&String> = ops.iter().filter(|o| o.starts_with("call")).collect();
    assert_eq!(calls, ["call_n"], "{ops:?}");
    assert_eq!(printing[0].matches("descr=<CallDescr bf_putc>").count(), 1);
    // putc is declared as writing the heap: the cell is read again after it.
    assert!(count(&ops, "getarrayitem_gc_i") >= 2);
}

#[test]
fn input_through_a_residual_call_and_end_of_input_reads_zero() {
    let r = with_timeout(30, || run("+++,.,.", b"x", Params::default()));
    assert_eq!(r.out, b"x\0");
    let rev = dir().join("rev.b");
    let r = run_file(&rev, params("threshold=5"));
    let mut want = input_of(&rev);
    want.reverse();
    assert_eq!(r.out, want);
    let s = r.stats;
    // The reading loop and the printing loop; each leaves once.
    assert_eq!((s.loops, s.bridges, s.aborts), (2, 0, 0), "{s:?}");
    let reading = &r.traces[0].1;
    assert_eq!(
        reading.matches("call_i(descr=<CallDescr bf_getc>)").count(),
        1
    );
}

#[test]
fn nested_loops_give_bridges_and_the_expected_counts() {
    let p = dir().join("triangle.b");
    let r = run_file(&p, params("threshold=3,trace_eagerness=2"));
    assert!(r.out == expected_of(&p));
    let s = r.stats;
    assert!(s.loops >= 2, "{s:?}");
    assert!(s.bridges >= 1, "{s:?}");
    assert!(s.bridge_entries >= 1, "{s:?}");
    assert_eq!(r.guardless_self_loops, 0);
    let p = dir().join("primes30.b");
    let r = run_file(&p, Params::default());
    let s = r.stats;
    assert_eq!((s.loops, s.bridges, s.aborts), (13, 8, 4), "{s:?}");
}

#[test]
fn outer_traces_stop_at_an_inner_loop_that_is_not_compiled() {
    // The outer loop gets hot first (threshold 2); its inner loop runs
    // 50 times per outer iteration, so unrolling it would make a long
    // trace. Tracing stops at the inner back-edge instead; once the inner
    // loop is compiled, the outer trace ends by jumping to it.
    let src = format!("{}[>{}[-]<-]", "+".repeat(6), "+".repeat(50));
    let r = with_timeout(30, move || {
        run(&src, b"", params("threshold=2,trace_eagerness=1"))
    });
    assert_eq!(r.out, b"");
    for (_, t) in &r.traces {
        assert!(t.lines().count() < 40, "a long trace:\n{t}");
    }
    assert!(r.stats.aborts >= 1, "{:?}", r.stats);
    assert!(r.stats.loops >= 2, "{:?}", r.stats);
}

#[test]
fn a_bridge_from_a_guard_that_leads_into_a_compiled_loop_jumps_to_it() {
    // Cells (flag, value) x 3; the outer loop walks the flags, the inner
    // `[-]` clears each value. The inner loop is compiled in the first
    // outer iteration; the outer loop is traced in the second, where the
    // value is 0 (guard_false at `[`); in the third that guard fails, and
    // its bridge starts at the compiled inner loop's header: it must jump
    // into it (it once closed on itself: an empty loop that never left).
    let src = "+>+++++>+>>+>+++++<<<<<[>[-]>]+.";
    let r = with_timeout(30, || run(src, b"", Params::aggressive()));
    assert_eq!(r.err, None);
    assert_eq!(r.out, [1]);
    assert_eq!(r.guardless_self_loops, 0);
    let jumps_only = r
        .traces
        .iter()
        .filter(|(b, t)| *b && opnames(t).iter().all(|o| o == "label" || o == "jump"))
        .count();
    assert!(jumps_only >= 1, "{:#?}", r.traces);
}

// ---- run-time errors ----

#[test]
fn pointer_off_the_tape_is_an_error_with_and_without_the_jit() {
    let r = with_timeout(30, || run("+.<", b"", Params::default()));
    assert_eq!(r.out, [1]);
    assert_eq!(
        r.err.as_deref(),
        Some("line 1 column 3: tape pointer moved past the left end")
    );
    // Walk right until the end of the tape, inside a compiled loop.
    for jit in ["off", "default", "aggressive"] {
        let r = with_timeout(30, move || run("+[>+]", b"", params(jit)));
        assert_eq!(
            r.err.as_deref(),
            Some("line 1 column 3: tape pointer moved past the right end"),
            "--jit {jit}"
        );
        if jit != "off" {
            assert_eq!(r.stats.loops, 1, "{:?}", r.stats);
            assert!(r.stats.guard_failures >= 1);
        }
    }
}

#[test]
fn unmatched_brackets_are_load_errors() {
    let e = |s: &str| bf::Vm::load(s, Params::default()).err();
    assert_eq!(e("+[").as_deref(), Some("line 1 column 2: unmatched '['"));
    assert_eq!(
        e("\n +]").as_deref(),
        Some("line 2 column 3: unmatched ']'")
    );
}

#[test]
fn traces_name_only_the_frame_and_tape_descrs() {
    let p = dir().join("primes30.b");
    let r = run_file(&p, Params::default());
    for (_, t) in &r.traces {
        for l in t.lines() {
            if let Some((_, d)) = l.split_once("descr=<") {
                let d = d.split('>').next().unwrap();
                assert!(
                    d == "ArrayDescr Tape.cells" || d == "CallDescr bf_putc",
                    "unexpected descr {d} in\n{t}"
                );
            }
        }
    }
}

/// The jit summary measures the time spent in traced opcodes and in the
/// backend, and counts what the stats count.
#[test]
fn the_summary_times_tracing_and_compiling() {
    let p = dir().join("primes30.b");
    let src = std::fs::read_to_string(&p).unwrap();
    let vm = bf::Vm::load(&src, Params::default()).expect("program compiles");
    bf::set_streaming(false);
    bf::set_input(bf::Input::Bytes(Vec::new(), 0));
    bf::take_output();
    vm.run().expect("runs");
    bf::take_output();
    let s = vm.driver.summary();
    assert!(s.loops > 0, "something was compiled");
    assert!(s.tracing > Duration::ZERO, "tracing time is measured");
    assert!(s.compiling > Duration::ZERO, "backend time is measured");
    assert_eq!(s.loops, vm.driver.stats().loops as u64);
}

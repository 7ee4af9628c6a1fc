//! Framework tests on the `tiny` example (boxed ints and floats, a frame
//! with a value stack as the virtualizable, calls), in the style of PyPy's
//! `test_ajit`: the same output with the JIT off, on and aggressive over
//! every example program, and checks of the counts and of the ops of the
//! recorded traces.

#[path = "../examples/tiny/interp.rs"]
mod tiny;

use kiln_jit::driver::Stats;
use kiln_jit::Params;
use std::path::{Path, PathBuf};

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/tiny");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "tiny"))
        .collect();
    v.sort();
    assert!(v.len() >= 6, "example corpus not found: {v:?}");
    v
}

fn program(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/tiny")
        .join(name);
    std::fs::read_to_string(p).unwrap()
}

struct Run {
    out: String,
    stats: Stats,
    aborts: Vec<String>,
    /// (green key, is bridge, printed trace), in compilation order.
    traces: Vec<((u32, u32), bool, String)>,
}

fn run(src: &str, params: Params) -> Run {
    let vm = tiny::Vm::load(src, params).expect("program assembles");
    let out = vm.run_main();
    Run {
        out,
        stats: vm.driver.stats(),
        aborts: vm.driver.abort_reasons(),
        traces: vm
            .driver
            .traces()
            .iter()
            .map(|t| (t.key, t.is_bridge, t.trace.to_string()))
            .collect(),
    }
}

fn params(s: &str) -> Params {
    Params::parse(s).unwrap()
}

/// Opcode names of a printed trace, without `debug_merge_point`.
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

#[test]
fn every_program_gives_the_same_output_with_jit_off_on_and_aggressive() {
    for p in corpus() {
        let src = std::fs::read_to_string(&p).unwrap();
        let off = run(&src, params("off"));
        assert_eq!(off.stats, Stats::default());
        assert!(!off.out.is_empty(), "{}: no output", p.display());
        for jit in [
            "default",
            "threshold=1,trace_eagerness=1,function_threshold=1",
            "threshold=7,trace_eagerness=3",
        ] {
            let on = run(&src, params(jit));
            assert_eq!(on.out, off.out, "{} --jit {jit}", p.display());
        }
    }
}

#[test]
fn counting_loop_keeps_its_boxes_without_an_optimizer() {
    let r = run(&program("count.tiny"), Params::default());
    assert_eq!(r.out, "10000\n");
    let s = r.stats;
    assert_eq!((s.loops, s.bridges, s.aborts), (1, 0, 0), "{s:?}");
    assert_eq!(s.guard_failures, 1, "only the loop exit");
    let (key, is_bridge, text) = &r.traces[0];
    assert_eq!((*key, *is_bridge), ((0, 2), false));
    // No allocation removal yet (there is no optimizer): both boxes made
    // by `lt` and `add` are allocated in the trace. What the recorder does
    // do: the class of `i` is checked once (`guard_class`), its value read
    // once (heap cache), and the fresh box of `lt` needs neither a class
    // guard nor a read before `jumpifnot` tests it.
    assert_eq!(
        opnames(text),
        [
            "label",
            "guard_class",
            "getfield_gc_i",
            "int_lt",
            "new_with_vtable",
            "setfield_gc",
            "guard_true",
            "int_add_ovf",
            "guard_no_overflow",
            "new_with_vtable",
            "setfield_gc",
            "jump"
        ],
        "\n{text}"
    );
}

#[test]
fn loop_with_a_data_dependent_class_gets_a_bridge() {
    let r = run(&program("mixed.tiny"), Params::default());
    let s = r.stats;
    assert_eq!((s.loops, s.bridges, s.aborts), (1, 1, 0), "{s:?}");
    assert!(s.bridge_entries > 0);
    let bridge = &r.traces[1].2;
    assert!(r.traces[1].1);
    assert!(bridge.contains("float_add"), "{bridge}");
}

#[test]
fn primes_counts_and_abort_reasons() {
    let r = run(&program("primes.tiny"), Params::default());
    let s = r.stats;
    assert_eq!((s.loops, s.bridges, s.aborts), (2, 1, 2), "{s:?}");
    // Both aborts are bridges traced past the end of the function: the
    // driver has no way to finish a trace at a return.
    assert_eq!(r.aborts.len(), 2);
    assert!(
        r.aborts
            .iter()
            .all(|a| a.ends_with("the traced frame returned")),
        "{:?}",
        r.aborts
    );
}

#[test]
fn overflow_in_the_middle_of_an_opcode_resumes_as_floats() {
    // `mul` reads both boxes, multiplies, and its guard_no_overflow fails
    // in compiled code: replay must finish the opcode in floats.
    let src = program("overflow.tiny");
    let off = run(&src, params("off"));
    let r = run(&src, Params::aggressive());
    assert_eq!(r.out, off.out);
    assert!(r.stats.guard_failures > 0);
    assert!(r.traces.iter().any(|t| t.2.contains("int_mul_ovf")));
}

/// Calls are residual: `call` allocates the callee's frame and calls
/// `tiny_call`, which runs it in a nested `driver.run`. The caller's trace
/// never contains the callee's opcodes, and the callee's loop is a trace
/// of its own, whose guards fail (and resume the callee's frame) while the
/// caller's compiled loop is waiting in the residual call. Inlining calls
/// into the caller's trace is not supported by the driver.
#[test]
fn calls_are_residual_and_a_guard_failing_in_the_callee_resumes_both_frames() {
    let src = program("calls.tiny");
    let off = run(&src, params("off"));
    assert_eq!(off.out, "4950\n");
    let r = run(&src, params("threshold=20"));
    assert_eq!(r.out, off.out);
    let s = r.stats;
    assert_eq!((s.loops, s.bridges), (2, 0), "{s:?}");
    let callee = r.traces.iter().find(|t| t.0 == (0, 2)).expect("sumto loop");
    let caller = r.traces.iter().find(|t| t.0 == (1, 4)).expect("main loop");
    assert!(callee.2.contains("'sumto #"));
    assert!(
        !caller.2.contains("'sumto #"),
        "callee inlined?\n{}",
        caller.2
    );
    let ops = opnames(&caller.2);
    assert_eq!(count(&ops, "call_r"), 1, "{ops:?}");
    assert!(caller.2.contains("descr=<CallDescr tiny_call>"));
    // The callee's loop is left through its exit guard on most of the 300
    // calls, each time while the caller runs compiled code.
    assert!(s.guard_failures >= 250, "{s:?}");
    assert!(s.entries >= 250, "{s:?}");
}

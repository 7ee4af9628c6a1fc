//! Framework tests on the `tiny` example (boxed ints and floats, a frame
//! with a value stack as the virtualizable, calls), in the style of PyPy's
//! `test_ajit`: the same output with the JIT off, on and aggressive over
//! every example program, and checks of the counts and of the ops of the
//! recorded traces, including calls inlined into their callers' traces
//! and guards that fail inside them.

#[path = "../examples/tiny/interp.rs"]
mod tiny;

use kiln_jit::driver::Stats;
use kiln_jit::resume::ResumeData;
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
    /// Every guard of every trace: (key of its opcode, active frames,
    /// failures, whether it is in the second half of a call opcode).
    guards: Vec<((u32, u32), usize, u32, bool)>,
}

fn run(src: &str, params: Params) -> Run {
    let vm = tiny::Vm::load(src, params).expect("program assembles");
    let out = vm.run_main();
    let mut guards = Vec::new();
    for t in vm.driver.traces() {
        for op in &t.trace.ops {
            if let Some(rd) = op
                .resume
                .as_ref()
                .and_then(|r| r.downcast::<ResumeData<tiny::Key>>())
            {
                guards.push((
                    rd.key(),
                    rd.frames.len(),
                    rd.failures.get(),
                    rd.frames[0].callee.is_some(),
                ));
            }
        }
    }
    Run {
        guards,
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
    assert_eq!((s.loops, s.bridges, s.aborts), (2, 1, 3), "{s:?}");
    // main's loop is first traced on an even number, for which `isprime`
    // returns before its loop: it is inlined. For odd numbers a guard
    // inside it fails; the bridge from there (starting with both frames)
    // reaches `isprime`'s back-edge at depth 1, aborts and marks it
    // don't-inline; the next bridge starts from `isprime`'s frame alone.
    // The two other aborts are bridges traced past the end of the
    // function: the driver has no way to finish a trace at a return.
    assert_eq!(r.aborts.len(), 3);
    assert_eq!(s.dont_inline, 1);
    let returned = r
        .aborts
        .iter()
        .filter(|a| a.ends_with("the traced frame returned"));
    assert_eq!(returned.count(), 2, "{:?}", r.aborts);
    assert!(r
        .aborts
        .iter()
        .any(|a| a.ends_with(kiln_jit::driver::INLINED_LOOP)));
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

/// A function with a loop of its own is not inlined: the first trace of
/// the caller's loop reaches the callee's back-edge at depth 1, aborts and
/// marks `sumto` don't-inline; the next one records a residual call
/// (`tiny_call`, a nested driver run), and the callee's loop is a trace of
/// its own whose exit guard fails while the caller's compiled loop waits
/// in the residual call.
#[test]
fn a_callee_with_a_loop_is_not_inlined_and_gets_its_own_loop() {
    let src = program("calls.tiny");
    let off = run(&src, params("off"));
    assert_eq!(off.out, "4950\n");
    let r = run(&src, params("threshold=20"));
    assert_eq!(r.out, off.out);
    let s = r.stats;
    assert_eq!((s.loops, s.bridges, s.dont_inline), (2, 0, 1), "{s:?}");
    assert!(
        r.aborts
            .iter()
            .any(|a| a.ends_with(kiln_jit::driver::INLINED_LOOP)),
        "{:?}",
        r.aborts
    );
    let callee = r.traces.iter().find(|t| t.0 == (0, 2)).expect("sumto loop");
    let caller = r.traces.iter().find(|t| t.0 == (1, 4)).expect("main loop");
    assert!(callee.2.contains("'sumto #"));
    assert!(
        !caller.2.contains("'sumto #"),
        "callee inlined?\n{}",
        caller.2
    );
    let ops = opnames(&caller.2);
    assert_eq!(count(&ops, "call_n"), 1, "{ops:?}");
    assert!(caller.2.contains("descr=<CallDescr tiny_call>"));
    assert!(s.guard_failures >= 250, "{s:?}");
    assert!(s.entries >= 250, "{s:?}");
}

/// test_ajit's `test_inline`: the caller's loop trace contains the
/// callee's opcodes (merge points at depth 1 naming the callee's green
/// key), the callee's frame allocation, and no call at all.
#[test]
fn a_small_callee_is_inlined_into_the_callers_loop() {
    let src = program("inline.tiny");
    let off = run(&src, params("off"));
    assert_eq!(off.out, "1000000\n");
    let r = run(&src, params("threshold=20"));
    assert_eq!(r.out, off.out);
    let s = r.stats;
    assert_eq!((s.loops, s.bridges, s.aborts), (1, 0, 0), "{s:?}");
    assert_eq!((s.inlined_calls, s.residual_calls), (1, 0), "{s:?}");
    let (key, _, text) = &r.traces[0];
    assert_eq!(*key, (1, 4));
    let ops = opnames(text);
    assert_eq!(count(&ops, "call_n") + count(&ops, "call_r"), 0, "\n{text}");
    assert_eq!(count(&ops, "new_array"), 1, "the callee's frame\n{text}");
    // caller i < 1000, callee x + x and + 1, caller sum + r and i + 1
    assert_eq!(count(&ops, "int_add_ovf"), 4, "\n{text}");
    for pc in 0..6 {
        let mp = format!("debug_merge_point(0, 1, 'twice_plus_one #{pc} ");
        assert!(text.contains(&mp), "{mp}\n{text}");
    }
    assert!(text.contains("debug_merge_point(0, 0, 'main #11 Bin(Add)')"));
    // The guards inside the callee resume two frames.
    assert!(
        r.guards.iter().any(|g| g.0 .0 == 0 && g.1 == 2),
        "{:?}",
        r.guards
    );
}

/// The acceptance item: guards that fail inside an inlined call (a branch
/// that goes the other way from i = 500 on; a multiply that overflows in
/// the middle of the callee's opcode from j = 1001 on) rebuild the callee
/// and the caller frame; replay finishes the callee's opcode, the callee
/// goes on in the interpreter and returns into the caller's call opcode.
#[test]
fn a_guard_failing_inside_an_inlined_call_resumes_both_frames() {
    let src = program("inline_guard.tiny");
    let off = run(&src, params("off"));
    assert_eq!(off.out, "429000\n9.30638238518647e18\n");
    for jit in [
        "threshold=20",
        "aggressive",
        "threshold=3,trace_eagerness=5",
    ] {
        let r = run(&src, params(jit));
        assert_eq!(r.out, off.out, "--jit {jit}");
        let s = r.stats;
        assert_eq!((s.loops, s.residual_calls), (2, 0), "--jit {jit}: {s:?}");
        let small = r.traces.iter().find(|t| t.0 == (2, 4)).expect("loop 1");
        let scale = r.traces.iter().find(|t| t.0 == (2, 22)).expect("loop 2");
        assert!(small.2.contains("(0, 1, 'small #"), "{}", small.2);
        assert!(scale.2.contains("int_mul_ovf"), "{}", scale.2);
        // `small`'s branch guard (at its pc 3) failed for i = 500..599,
        // `scale`'s guard_no_overflow (at its pc 2) for j = 1001..1009,
        // each a guard with two frames.
        let failed = |key| {
            r.guards
                .iter()
                .filter(|g| g.0 == key && g.1 == 2)
                .map(|g| g.2)
                .sum::<u32>()
        };
        assert!(failed((0, 3)) >= 1, "--jit {jit}: {:?}", r.guards);
        assert!(failed((1, 2)) >= 1, "--jit {jit}: {:?}", r.guards);
        if jit == "threshold=20" {
            assert_eq!((failed((0, 3)), failed((1, 2))), (100, 9), "{:?}", r.guards);
        }
    }
}

/// Recursion: a call of `fib` inside an inlined `fib` is inlined once
/// more (depth 2), a third level becomes a residual call that re-enters
/// the driver; results are the same with aggressive thresholds.
#[test]
fn recursive_calls_are_inlined_once_then_residual() {
    let src = program("fib.tiny");
    let off = run(&src, params("off"));
    for jit in [
        "aggressive",
        "threshold=1,trace_eagerness=1,function_threshold=1",
        "threshold=7,trace_eagerness=3",
        "threshold=3,trace_eagerness=2,inlining=0",
    ] {
        let r = run(&src, params(jit));
        assert_eq!(r.out, off.out, "--jit {jit}");
    }
    let r = run(&src, params("threshold=7,trace_eagerness=3"));
    let s = r.stats;
    assert!(s.inlined_calls > 0 && s.residual_calls > 0, "{s:?}");
    let main = r.traces.iter().find(|t| t.0 == (1, 4)).expect("main loop");
    assert!(
        main.2.contains("debug_merge_point(0, 2, 'fib #0"),
        "{}",
        main.2
    );
    assert!(!main.2.contains("debug_merge_point(0, 3,"), "{}", main.2);
    assert!(main.2.contains("descr=<CallDescr tiny_call>"), "{}", main.2);
}

/// `--jit inlining=0` keeps every call residual.
#[test]
fn inlining_off_keeps_the_call_residual() {
    let src = program("inline.tiny");
    let r = run(&src, params("threshold=20,inlining=0"));
    assert_eq!(r.out, "1000000\n");
    let s = r.stats;
    assert_eq!(
        (s.loops, s.inlined_calls, s.residual_calls),
        (1, 0, 1),
        "{s:?}"
    );
    let text = &r.traces[0].2;
    assert!(!text.contains("twice_plus_one #"), "\n{text}");
    let ops = opnames(text);
    assert_eq!(count(&ops, "call_n"), 1, "\n{text}");
    assert!(
        text.contains("call_n(0, p10, descr=<CallDescr tiny_call>)"),
        "\n{text}"
    );
}

/// A trace that gets too long with an inlined call marks the biggest
/// inlined function don't-inline; the next attempt calls it residually
/// and fits.
#[test]
fn too_long_with_an_inlined_call_stops_inlining_it() {
    let src = program("inline.tiny");
    let r = run(&src, params("threshold=20,trace_limit=40"));
    assert_eq!(r.out, "1000000\n");
    let s = r.stats;
    assert_eq!((s.loops, s.aborts, s.dont_inline), (1, 1, 1), "{s:?}");
    assert!(
        r.aborts[0].contains("trace too long; not inlining (0, 0)"),
        "{:?}",
        r.aborts
    );
    assert!(r.traces[0].2.contains("descr=<CallDescr tiny_call>"));
}

/// A guard in the second half of a call opcode (`call_returned` checks
/// the class of the result): it fails once the sum is a float, after the
/// inlined callee returned (resume: the caller, with the finished callee
/// frame, replays `call_returned`), or after the residual call (resume:
/// replay the first half, skip the logged residual call, replay the
/// second half).
#[test]
fn a_guard_after_a_call_returned_replays_the_second_half() {
    let src = program("inline_return.tiny");
    let off = run(&src, params("off"));
    assert_eq!(off.out.lines().count(), 61);
    assert!(off.out.ends_with("\n1.844674407370958e19\n"), "{}", off.out);
    for jit in [
        "threshold=5",
        "threshold=5,inlining=0",
        "aggressive",
        "aggressive,inlining=0",
    ] {
        let r = run(&src, params(jit));
        assert_eq!(r.out, off.out, "--jit {jit}");
        let inlined = !jit.contains("inlining=0");
        assert_eq!(
            r.stats.inlined_calls > 0,
            inlined,
            "--jit {jit}: {:?}",
            r.stats
        );
        // the guard_class of the call opcode (main #9)
        let g: Vec<_> = r
            .guards
            .iter()
            .filter(|g| g.0 == (1, 9) && g.2 > 0)
            .collect();
        assert!(!g.is_empty(), "--jit {jit}: {:?}", r.guards);
        assert!(
            g.iter().all(|g| g.1 == 1 && g.3 == inlined),
            "--jit {jit}: {g:?}"
        );
    }
}

/// A guard inside an inlined call that keeps failing gets a bridge that
/// starts with both frames (its inputs are main's frame and `small`'s),
/// finishes the callee, returns into the caller at depth 0 and jumps back
/// to main's loop; later failures enter it.
#[test]
fn a_bridge_from_inside_an_inlined_call_returns_into_the_caller() {
    let src = program("inline_guard.tiny");
    let off = run(&src, params("off"));
    let vm = tiny::Vm::load(&src, params("threshold=7,trace_eagerness=3")).unwrap();
    assert_eq!(vm.run_main(), off.out);
    let s = vm.driver.stats();
    assert_eq!((s.loops, s.bridges, s.aborts), (2, 2, 0), "{s:?}");
    assert!(s.bridge_entries >= 90, "{s:?}");
    let traces = vm.driver.traces();
    let b = traces
        .iter()
        .find(|t| t.is_bridge && t.key == (0, 8))
        .expect("bridge from small's branch");
    assert_eq!(b.frames, 2);
    let text = b.trace.to_string();
    let callee = text.find("debug_merge_point(0, 1, 'small #11 Return')");
    let caller = text.find("debug_merge_point(0, 0, 'main #11 Bin(Add)')");
    assert!(callee.is_some() && caller > callee, "\n{text}");
    assert!(text.contains("jump(p0, "), "\n{text}");
}

//! Differential test suite: Kiln must behave like CPython.
//!
//! Every program of the corpus in `tests/python/` (see [`corpus`] for which
//! files count as programs) is run once under `python3`, the oracle, and then
//! under the `kiln` binary in each [`corpus::Mode`]: `jit-off`, `default`,
//! `aggressive` (every threshold at 1, so traces and bridges are compiled as
//! early as possible and deoptimization paths get exercised) and `gc-stress`
//! (`KILN_GC_STRESS=1000`). A run matches when stdout is byte-identical, the
//! exit codes are equal and the last non-blank lines of stderr are equal (this
//! covers `SyntaxError: ...` and the final line of an uncaught exception's
//! traceback without comparing the traceback itself).
//!
//! One libtest-mimic trial is generated per program per mode, named
//! `<area>/<file>.py::<mode>`, so the usual filters work:
//! `cargo test -p kiln --test differential -- ::jit-off` or `-- strings/`.
//!
//! Honest failure accounting: `tests/python/KNOWN_FAILURES` lists the
//! `(program, mode)` pairs that are expected to fail today (see [`known`]).
//! Such a trial passes while it keeps failing and *fails* as soon as it starts
//! matching CPython, so the list can only shrink and nothing is skipped
//! silently. A stale entry (a program that no longer exists) fails the
//! `known-failures-file` trial. With `KILN_UPDATE_KNOWN_FAILURES=1` the suite
//! instead records what actually fails and rewrites the file (entries of
//! trials filtered out of the run are kept); `tests/update-known-failures.sh`
//! wraps that.
//!
//! Environment: `KILN_BIN` overrides the binary under test (e.g. a release
//! build), `KILN_TEST_TIMEOUT` the per-run timeout in seconds (default 60),
//! `KILN_PYTHON` the oracle interpreter (default `python3`).

mod corpus;
mod known;
mod process;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use corpus::{Mode, Program};
use known::KnownFailures;
use libtest_mimic::{Arguments, Failed, Trial};

/// Counters shared by all trials, reported in the closing summary.
#[derive(Default)]
struct Tally {
    passed: AtomicUsize,
    expected_failures: AtomicUsize,
    failed: AtomicUsize,
    /// Every `(program, mode)` that was actually run.
    ran: Mutex<BTreeSet<(String, Mode)>>,
    /// Every `(program, mode)` whose kiln run did not match CPython.
    mismatched: Mutex<BTreeSet<(String, Mode)>>,
}

/// Settings read once from the environment.
struct Config {
    kiln: PathBuf,
    python: String,
    timeout: Duration,
    update: bool,
}

impl Config {
    fn from_env() -> Config {
        let kiln = std::env::var_os("KILN_BIN")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_kiln")));
        let python = std::env::var("KILN_PYTHON").unwrap_or_else(|_| "python3".to_string());
        let secs = std::env::var("KILN_TEST_TIMEOUT")
            .ok()
            .and_then(|s| s.parse::<u64>().ok())
            .unwrap_or(60);
        let update = std::env::var("KILN_UPDATE_KNOWN_FAILURES").is_ok_and(|v| v == "1");
        Config {
            kiln,
            python,
            timeout: Duration::from_secs(secs),
            update,
        }
    }
}

fn corpus_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/python")
}

fn main() {
    let args = Arguments::from_args();
    let config = Arc::new(Config::from_env());
    let root = corpus_root();
    let programs = corpus::discover(&root).unwrap_or_else(|e| {
        eprintln!("cannot read the corpus at {}: {e}", root.display());
        std::process::exit(2);
    });
    let known_path = root.join("KNOWN_FAILURES");
    let known = Arc::new(KnownFailures::load(&known_path).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2);
    }));
    let tally = Arc::new(Tally::default());

    let mut trials = Vec::new();
    {
        let names: BTreeSet<String> = programs.iter().map(|p| p.rel.clone()).collect();
        let known = Arc::clone(&known);
        let update = config.update;
        trials.push(Trial::test("known-failures-file", move || {
            let stale = known.stale_entries(&names);
            if stale.is_empty() || update {
                Ok(())
            } else {
                Err(Failed::from(format!(
                    "KNOWN_FAILURES names programs that do not exist: {}",
                    stale.join(", ")
                )))
            }
        }));
    }
    for program in &programs {
        for mode in Mode::ALL {
            let program = Arc::clone(program);
            let (config, known, tally) =
                (Arc::clone(&config), Arc::clone(&known), Arc::clone(&tally));
            let name = format!("{}::{}", program.rel, mode.name());
            trials.push(Trial::test(name, move || {
                run_trial(&program, mode, &config, &known, &tally)
            }));
        }
    }

    let conclusion = libtest_mimic::run(&args, trials);
    let (passed, expected, failed) = (
        tally.passed.load(Ordering::SeqCst),
        tally.expected_failures.load(Ordering::SeqCst),
        tally.failed.load(Ordering::SeqCst),
    );
    println!(
        "differential summary: {passed} passed, {expected} expected failures, {failed} failed \
         ({} programs x {} modes)",
        programs.len(),
        Mode::ALL.len()
    );

    if config.update {
        let ran = tally.ran.lock().unwrap();
        let mismatched = tally.mismatched.lock().unwrap();
        let all: BTreeSet<String> = programs.iter().map(|p| p.rel.clone()).collect();
        let updated = known.updated(&all, &ran, &mismatched);
        if let Err(e) = updated.save(&known_path) {
            eprintln!("cannot write {}: {e}", known_path.display());
            std::process::exit(2);
        }
        println!(
            "rewrote {} with {} failing (program, mode) pairs",
            known_path.display(),
            updated.len()
        );
    }
    conclusion.exit();
}

/// Runs one program in one mode and turns the comparison into a trial result,
/// taking `KNOWN_FAILURES` (or the update mode) into account.
fn run_trial(
    program: &Program,
    mode: Mode,
    config: &Config,
    known: &KnownFailures,
    tally: &Tally,
) -> Result<(), Failed> {
    let expected = program.expected(&config.python, config.timeout)?;
    let actual = process::run_kiln(&config.kiln, program, mode, config.timeout);
    let mismatch = process::compare(expected, &actual);
    let key = (program.rel.clone(), mode);
    tally.ran.lock().unwrap().insert(key.clone());
    if mismatch.is_some() {
        tally.mismatched.lock().unwrap().insert(key);
    }
    let listed = known.contains(&program.rel, mode);
    match (mismatch, listed) {
        (None, false) => {
            tally.passed.fetch_add(1, Ordering::SeqCst);
            Ok(())
        }
        (Some(_), true) => {
            tally.expected_failures.fetch_add(1, Ordering::SeqCst);
            Ok(())
        }
        (None, true) => {
            if config.update {
                tally.passed.fetch_add(1, Ordering::SeqCst);
                return Ok(());
            }
            tally.failed.fetch_add(1, Ordering::SeqCst);
            Err(Failed::from(format!(
                "{} [{}] is listed in tests/python/KNOWN_FAILURES but now matches CPython: \
                 remove the entry (tests/update-known-failures.sh rewrites the file)",
                program.rel,
                mode.name()
            )))
        }
        (Some(report), false) => {
            if config.update {
                tally.expected_failures.fetch_add(1, Ordering::SeqCst);
                return Ok(());
            }
            tally.failed.fetch_add(1, Ordering::SeqCst);
            Err(Failed::from(report))
        }
    }
}

//! The jit log: what the JIT did, in PyPy's `PYPYLOG` format.
//!
//! Problem: to understand performance one must see the traces the JIT
//! recorded and produced, why tracing aborted, and summary counters —
//! without recompiling and without cost when logging is off.
//!
//! Approach: the `KILNLOG` environment variable, read once, selects
//! sections and a destination, like `PYPYLOG`:
//!
//! ```text
//! KILNLOG=jit-log-opt-loop,jit-summary:-      two sections to stderr
//! KILNLOG=jit-log-opt:trace.log               opt loops and bridges to a file
//! KILNLOG=jit:-                               everything
//! ```
//!
//! A selector names a section or a prefix of sections at a `-` boundary,
//! so `jit-log-opt` covers `jit-log-opt-loop` and `jit-log-opt-bridge`,
//! and `jit` covers every section. Without `:dest` the log goes to stderr.
//! Each [`log_section`] call writes one block:
//!
//! ```text
//! [3f2a1] {jit-log-opt-loop
//! # Loop 0 (<code f> #12) : loop with 5 ops
//! [i0]
//! ...
//! [3f2c0] jit-log-opt-loop}
//! ```
//!
//! The timestamp is microseconds since the log was configured, in hex.
//! [`Summary`] holds the counters the driver fills and prints into the
//! `jit-summary` section.
//!
//! Invariants: [`log_enabled`] is a cheap check (one atomic load when
//! logging is off) so callers guard any formatting work with it; a
//! section's text is written in one piece under a lock, never interleaved.

use crate::ir::{print_trace, Trace};
use std::collections::BTreeMap;
use std::fmt::{self, Write as _};
use std::io::Write;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

pub const NOOPT_LOOP: &str = "jit-log-noopt-loop";
pub const NOOPT_BRIDGE: &str = "jit-log-noopt-bridge";
pub const OPT_LOOP: &str = "jit-log-opt-loop";
pub const OPT_BRIDGE: &str = "jit-log-opt-bridge";
pub const ABORT: &str = "jit-abort-log";
pub const SUMMARY: &str = "jit-summary";
/// The sections the JIT writes.
pub const SECTIONS: &[&str] = &[
    NOOPT_LOOP,
    NOOPT_BRIDGE,
    OPT_LOOP,
    OPT_BRIDGE,
    ABORT,
    SUMMARY,
];

/// Where the log goes.
#[derive(Clone, Debug)]
pub enum Dest {
    Stderr,
    File(String),
    /// Kept in memory (tests read it with [`captured`]).
    Buffer,
}

/// A parsed `KILNLOG` value.
#[derive(Clone, Debug)]
pub struct Config {
    pub selectors: Vec<String>,
    pub dest: Dest,
}

impl Config {
    /// Parses `sel1,sel2[:dest]` (`:-` = stderr, `:path` = file).
    pub fn parse(spec: &str) -> Config {
        let (sels, dest) = match spec.rsplit_once(':') {
            Some((s, "-")) => (s, Dest::Stderr),
            Some((s, path)) if !path.is_empty() => (s, Dest::File(path.to_string())),
            Some((s, _)) => (s, Dest::Stderr),
            None => (spec, Dest::Stderr),
        };
        let selectors = sels
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        Config { selectors, dest }
    }

    /// Whether `section` is selected.
    pub fn selects(&self, section: &str) -> bool {
        self.selectors.iter().any(|s| {
            section == s
                || (section.len() > s.len()
                    && section.starts_with(s.as_str())
                    && section.as_bytes()[s.len()] == b'-')
        })
    }
}

struct Logger {
    config: Config,
    start: Instant,
    out: Output,
}

enum Output {
    Stderr,
    File(std::fs::File),
    Buffer(Arc<Mutex<String>>),
}

const UNINIT: u8 = 0;
const OFF: u8 = 1;
const ON: u8 = 2;

static STATE: AtomicU8 = AtomicU8::new(UNINIT);
static LOGGER: Mutex<Option<Logger>> = Mutex::new(None);
static BUFFER: OnceLock<Arc<Mutex<String>>> = OnceLock::new();

fn install(config: Option<Config>) {
    let mut g = LOGGER.lock().unwrap_or_else(|e| e.into_inner());
    *g = config.and_then(|config| {
        let out = match &config.dest {
            Dest::Stderr => Output::Stderr,
            Dest::File(p) => match std::fs::File::create(p) {
                Ok(f) => Output::File(f),
                Err(e) => {
                    eprintln!("KILNLOG: cannot open {p}: {e}");
                    return None;
                }
            },
            Dest::Buffer => {
                let b = BUFFER.get_or_init(Default::default).clone();
                b.lock().unwrap_or_else(|e| e.into_inner()).clear();
                Output::Buffer(b)
            }
        };
        Some(Logger {
            config,
            start: Instant::now(),
            out,
        })
    });
    let on = g.as_ref().is_some_and(|l| !l.config.selectors.is_empty());
    STATE.store(if on { ON } else { OFF }, Ordering::Release);
}

fn init_from_env() {
    let config = std::env::var("KILNLOG")
        .ok()
        .filter(|s| !s.is_empty())
        .map(|s| Config::parse(&s));
    install(config);
}

/// Replaces the configuration (`None` turns logging off), e.g. from a
/// command-line option; the environment is then no longer consulted.
pub fn configure(config: Option<Config>) {
    install(config);
}

/// The text logged so far to a [`Dest::Buffer`] destination.
pub fn captured() -> String {
    BUFFER
        .get()
        .map(|b| b.lock().unwrap_or_else(|e| e.into_inner()).clone())
        .unwrap_or_default()
}

/// Whether anything at all is being logged.
#[inline]
pub fn any_enabled() -> bool {
    match STATE.load(Ordering::Acquire) {
        UNINIT => {
            init_from_env();
            STATE.load(Ordering::Acquire) == ON
        }
        s => s == ON,
    }
}

/// Whether `section` is being logged. Cheap when logging is off.
#[inline]
pub fn log_enabled(section: &str) -> bool {
    if !any_enabled() {
        return false;
    }
    let g = LOGGER.lock().unwrap_or_else(|e| e.into_inner());
    g.as_ref().is_some_and(|l| l.config.selects(section))
}

/// Writes `text` as one `{section ... section}` block, if enabled.
pub fn log_section(section: &str, text: &str) {
    if !any_enabled() {
        return;
    }
    let mut g = LOGGER.lock().unwrap_or_else(|e| e.into_inner());
    let Some(l) = g.as_mut() else { return };
    if !l.config.selects(section) {
        return;
    }
    let t0 = l.start.elapsed().as_micros();
    let mut block = format!("[{t0:x}] {{{section}\n{text}");
    if !text.is_empty() && !text.ends_with('\n') {
        block.push('\n');
    }
    let t1 = l.start.elapsed().as_micros();
    let _ = writeln!(block, "[{t1:x}] {section}}}");
    match &mut l.out {
        Output::Stderr => {
            let _ = std::io::stderr().write_all(block.as_bytes());
        }
        Output::File(f) => {
            let _ = f.write_all(block.as_bytes());
            let _ = f.flush();
        }
        Output::Buffer(b) => b.lock().unwrap_or_else(|e| e.into_inner()).push_str(&block),
    }
}

/// Logs a trace in PyPy's style: `# <title> : <what> with N ops`, then the
/// trace text. `what` is e.g. `"loop"` or `"bridge"`.
pub fn log_trace(section: &str, title: &str, what: &str, trace: &Trace) {
    if !log_enabled(section) {
        return;
    }
    let text = format!(
        "# {title} : {what} with {} ops\n{}",
        trace.ops.len(),
        print_trace(trace)
    );
    log_section(section, &text);
}

/// Counters of the JIT's work, printed in the `jit-summary` section.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Loops compiled.
    pub loops: u64,
    /// Bridges compiled.
    pub bridges: u64,
    /// Traces aborted, by reason (e.g. "trace too long").
    pub aborts: BTreeMap<String, u64>,
    /// Guard failures that returned to the interpreter.
    pub guard_failures: u64,
    /// Loops and bridges invalidated.
    pub invalidations: u64,
    /// Ops recorded, and ops left after optimization.
    pub ops_recorded: u64,
    pub ops_optimized: u64,
    pub tracing: Duration,
    pub optimizing: Duration,
    pub compiling: Duration,
}

impl Summary {
    pub fn new() -> Summary {
        Summary::default()
    }

    /// Counts an aborted trace.
    pub fn abort(&mut self, reason: &str) {
        *self.aborts.entry(reason.to_string()).or_default() += 1;
    }

    pub fn total_aborts(&self) -> u64 {
        self.aborts.values().sum()
    }

    /// Runs `f`, adding its duration to `slot` (e.g. `&mut s.tracing`).
    pub fn timed<R>(slot: &mut Duration, f: impl FnOnce() -> R) -> R {
        let t = Instant::now();
        let r = f();
        *slot += t.elapsed();
        r
    }

    /// Writes the summary into the `jit-summary` section (if enabled).
    pub fn log(&self) {
        if log_enabled(SUMMARY) {
            log_section(SUMMARY, &self.to_string());
        }
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = |d: Duration| d.as_secs_f64();
        writeln!(f, "Tracing:        {:.6}", secs(self.tracing))?;
        writeln!(f, "Optimizing:     {:.6}", secs(self.optimizing))?;
        writeln!(f, "Backend:        {:.6}", secs(self.compiling))?;
        writeln!(f, "recorded ops:   {}", self.ops_recorded)?;
        writeln!(f, "optimized ops:  {}", self.ops_optimized)?;
        writeln!(f, "loops:          {}", self.loops)?;
        writeln!(f, "bridges:        {}", self.bridges)?;
        writeln!(f, "guard failures: {}", self.guard_failures)?;
        writeln!(f, "invalidations:  {}", self.invalidations)?;
        writeln!(f, "aborts:         {}", self.total_aborts())?;
        for (reason, n) in &self.aborts {
            writeln!(f, "  {reason}: {n}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_selectors_and_destinations() {
        let c = Config::parse("jit-log-opt-loop,jit-summary:-");
        assert_eq!(c.selectors, ["jit-log-opt-loop", "jit-summary"]);
        assert!(matches!(c.dest, Dest::Stderr));
        let c = Config::parse("jit-log-opt:/tmp/x.log");
        assert!(matches!(&c.dest, Dest::File(p) if p == "/tmp/x.log"));
        assert!(c.selects(OPT_LOOP) && c.selects(OPT_BRIDGE));
        assert!(!c.selects(NOOPT_LOOP) && !c.selects(SUMMARY));
        let c = Config::parse("jit");
        assert!(SECTIONS.iter().all(|s| c.selects(s)));
        // A prefix must end at a '-' boundary.
        assert!(!Config::parse("jit-log-o").selects(OPT_LOOP));
        assert!(!Config::parse("").selects(OPT_LOOP));
    }

    #[test]
    fn writes_blocks_to_the_selected_sections_only() {
        configure(Some(Config {
            selectors: vec!["jit-log-opt".into(), SUMMARY.into()],
            dest: Dest::Buffer,
        }));
        assert!(log_enabled(OPT_LOOP) && !log_enabled(ABORT));
        log_section(OPT_LOOP, "[i0]\nfinish(i0)");
        log_section(ABORT, "not shown");
        let mut s = Summary::new();
        s.loops = 2;
        s.abort("trace too long");
        s.abort("trace too long");
        s.log();
        let out = captured();
        configure(None);
        assert!(!log_enabled(OPT_LOOP));
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[0].starts_with('[') && lines[0].ends_with("] {jit-log-opt-loop"));
        assert_eq!(lines[1..3], ["[i0]", "finish(i0)"]);
        assert!(lines[3].ends_with("] jit-log-opt-loop}"));
        assert!(!out.contains("not shown"));
        assert!(out.contains("{jit-summary\n"));
        assert!(out.contains("loops:          2\n"));
        assert!(out.contains("  trace too long: 2\n"));
    }
}

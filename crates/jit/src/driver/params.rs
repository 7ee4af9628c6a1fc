//! The JIT's tunable parameters (`--jit name=value,...`), with PyPy's
//! names and defaults.
//!
//! Problem: users and tests tune thresholds, limits and features by name,
//! from the command line or from code, with the same spelling as PyPy's
//! `--jit` option so that PyPy's documentation applies.
//!
//! Approach: one plain struct, [`Params`], parsed from a comma-separated
//! list applied on top of the defaults (or of `aggressive`).
//!
//! ```text
//! --jit threshold=7,trace_eagerness=3     Params { threshold: 7, .. }
//! --jit inlining=0                        calls stay residual
//! ```
//!
//! Invariant: every field has PyPy's default; unknown names are errors.

/// The JIT's tunable parameters, with PyPy's names and defaults.
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    /// False for `--jit off`: never count, trace or enter compiled code.
    pub enabled: bool,
    /// Loop-closing jumps before a loop is traced.
    pub threshold: u32,
    /// Function entries before a function is traced (not used yet: only
    /// loops are traced).
    pub function_threshold: u32,
    /// Failures of a guard before a bridge is traced from it.
    pub trace_eagerness: u32,
    /// Per-mille decay of all counters each time a trace is compiled.
    pub decay: u32,
    /// Maximum number of ops of one trace (longer ones are aborted).
    pub trace_limit: u32,
    /// Whether calls may be inlined into the caller's trace (0: every
    /// call the interpreter hands to the driver stays a residual call).
    pub inlining: u32,
    pub loop_longevity: u32,
    pub retrace_limit: u32,
    pub max_retrace_guards: u32,
    pub max_unroll_loops: u32,
    pub disable_unrolling: u32,
    pub max_unroll_recursion: u32,
    /// Optimizer passes, `"all"` or a colon-separated list.
    pub enable_opts: String,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            enabled: true,
            threshold: 1039,
            function_threshold: 1619,
            trace_eagerness: 200,
            decay: 40,
            trace_limit: 6000,
            inlining: 1,
            loop_longevity: 1000,
            retrace_limit: 0,
            max_retrace_guards: 15,
            max_unroll_loops: 0,
            disable_unrolling: 200,
            max_unroll_recursion: 7,
            enable_opts: "all".to_string(),
        }
    }
}

impl Params {
    /// Threshold 1 and bridges after one failure: finds deopt bugs.
    pub fn aggressive() -> Params {
        Params {
            threshold: 1,
            function_threshold: 1,
            trace_eagerness: 1,
            ..Params::default()
        }
    }

    /// Parses a `--jit` argument: `off`, `default`, `aggressive`, or a
    /// comma-separated list of `name=value` (applied on top of the
    /// defaults, or of `aggressive` if it comes first).
    pub fn parse(s: &str) -> Result<Params, String> {
        let mut p = Params::default();
        for item in s.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            match item {
                "off" => p.enabled = false,
                "on" | "default" => {}
                "aggressive" => p = Params::aggressive(),
                _ => {
                    let (k, v) = item
                        .split_once('=')
                        .ok_or_else(|| format!("--jit: expected name=value, got '{item}'"))?;
                    p.set(k.trim(), v.trim())?;
                }
            }
        }
        Ok(p)
    }

    /// Sets one parameter by its PyPy name.
    pub fn set(&mut self, k: &str, v: &str) -> Result<(), String> {
        if k == "enable_opts" {
            self.enable_opts = v.to_string();
            return Ok(());
        }
        let n: u32 = v
            .parse()
            .map_err(|_| format!("--jit: {k} needs a non-negative integer, got '{v}'"))?;
        let slot = match k {
            "threshold" => &mut self.threshold,
            "function_threshold" => &mut self.function_threshold,
            "trace_eagerness" => &mut self.trace_eagerness,
            "decay" => &mut self.decay,
            "trace_limit" => &mut self.trace_limit,
            "inlining" => &mut self.inlining,
            "loop_longevity" => &mut self.loop_longevity,
            "retrace_limit" => &mut self.retrace_limit,
            "max_retrace_guards" => &mut self.max_retrace_guards,
            "max_unroll_loops" => &mut self.max_unroll_loops,
            "disable_unrolling" => &mut self.disable_unrolling,
            "max_unroll_recursion" => &mut self.max_unroll_recursion,
            _ => return Err(format!("--jit: unknown parameter '{k}'")),
        };
        *slot = n;
        Ok(())
    }
}

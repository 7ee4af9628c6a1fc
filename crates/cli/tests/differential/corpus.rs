//! The corpus: which files are programs, and the modes each one runs in.
//!
//! Rule: the corpus root holds one folder per *area* (`ints`, `strings`, ...).
//! Every `*.py` file directly inside an area folder is a program. Anything
//! deeper (e.g. `modules/mypkg/__init__.py`) is a helper module that programs
//! of that area import; it is never run on its own. A program runs with its
//! area folder as the working directory and is named by its file name, so
//! `import mypkg` resolves exactly as under `python3 prog.py`.
//!
//! The CPython result of a program is computed once, on first use, and shared
//! by the trials of all modes.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use libtest_mimic::Failed;

use crate::process::{self, Outcome};

/// A way of running `kiln`; every program is checked in each of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mode {
    /// `--jit off`: the plain interpreter only.
    JitOff,
    /// No flags: what a user gets.
    Default,
    /// Every JIT threshold at 1: trace and compile everything at once, make
    /// bridges after the first guard failure.
    Aggressive,
    /// Default JIT, with a collection every 1000 allocations.
    GcStress,
}

impl Mode {
    pub const ALL: [Mode; 4] = [
        Mode::JitOff,
        Mode::Default,
        Mode::Aggressive,
        Mode::GcStress,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Mode::JitOff => "jit-off",
            Mode::Default => "default",
            Mode::Aggressive => "aggressive",
            Mode::GcStress => "gc-stress",
        }
    }

    pub fn from_name(name: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.name() == name)
    }

    /// Command-line flags placed before the program's file name.
    pub fn args(self) -> &'static [&'static str] {
        match self {
            Mode::JitOff => &["--jit", "off"],
            Mode::Default | Mode::GcStress => &[],
            Mode::Aggressive => &[
                "--jit",
                "threshold=1,function_threshold=1,trace_eagerness=1",
            ],
        }
    }

    /// Extra environment variables.
    pub fn env(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Mode::GcStress => &[("KILN_GC_STRESS", "1000")],
            _ => &[],
        }
    }
}

/// One program of the corpus.
pub struct Program {
    /// Path relative to the corpus root with `/` separators, e.g.
    /// `ints/floor_division.py`; this is the name used in `KNOWN_FAILURES`.
    pub rel: String,
    /// The area folder: the working directory of every run.
    pub dir: PathBuf,
    /// The file name, passed to the interpreter relative to `dir`.
    pub file_name: String,
    expected: OnceLock<Result<Outcome, String>>,
}

impl Program {
    /// The oracle's result, computed on first use.
    pub fn expected(&self, python: &str, timeout: Duration) -> Result<&Outcome, Failed> {
        self.expected
            .get_or_init(|| process::run_python(python, self, timeout))
            .as_ref()
            .map_err(|e| Failed::from(format!("the CPython run of {} failed: {e}", self.rel)))
    }
}

/// Finds every program under `root`, sorted by relative path.
pub fn discover(root: &Path) -> std::io::Result<Vec<Arc<Program>>> {
    let mut programs = Vec::new();
    for area in sorted_entries(root)? {
        if !area.is_dir() {
            continue;
        }
        let area_name = file_name_of(&area);
        for file in sorted_entries(&area)? {
            let name = file_name_of(&file);
            if file.is_file() && name.ends_with(".py") {
                programs.push(Arc::new(Program {
                    rel: format!("{area_name}/{name}"),
                    dir: area.clone(),
                    file_name: name,
                    expected: OnceLock::new(),
                }));
            }
        }
    }
    Ok(programs)
}

fn sorted_entries(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut entries = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<Vec<_>>>()?;
    entries.sort();
    Ok(entries)
}

fn file_name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

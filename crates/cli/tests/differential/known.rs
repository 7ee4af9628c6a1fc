//! `tests/python/KNOWN_FAILURES`: the runs expected to fail today.
//!
//! Format: one entry per line, `<program> [mode]`, where `<program>` is the
//! path relative to `tests/python` (`ints/bigint_pow.py`) and `mode` one of
//! `jit-off`, `default`, `aggressive`, `gc-stress`. An entry without a mode
//! covers every mode. `#` starts a comment; blank lines are ignored.
//! The file is written back sorted, with a program failing in every mode
//! collapsed to a single mode-less line.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::corpus::Mode;

const HEADER: &str = "\
# Differential runs that are expected to fail today: `<program> [mode]`,
# no mode = every mode. The suite fails when a listed run starts passing,
# so this list only shrinks. Regenerate with tests/update-known-failures.sh.
";

/// The parsed file: for each program, the modes expected to fail.
#[derive(Default)]
pub struct KnownFailures {
    entries: BTreeMap<String, BTreeSet<Mode>>,
}

impl KnownFailures {
    /// Reads the file; a missing file means no known failures.
    pub fn load(path: &Path) -> Result<KnownFailures, String> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
        };
        let mut known = KnownFailures::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let mut words = line.split_whitespace();
            let program = words.next().unwrap_or_default().to_string();
            let modes: Vec<Mode> = match words.next() {
                None => Mode::ALL.to_vec(),
                Some(m) => match Mode::from_name(m) {
                    Some(mode) => vec![mode],
                    None => {
                        return Err(format!("{}:{}: unknown mode `{m}`", path.display(), n + 1))
                    }
                },
            };
            if words.next().is_some() {
                return Err(format!("{}:{}: trailing words", path.display(), n + 1));
            }
            known.entries.entry(program).or_default().extend(modes);
        }
        Ok(known)
    }

    pub fn contains(&self, program: &str, mode: Mode) -> bool {
        self.entries.get(program).is_some_and(|m| m.contains(&mode))
    }

    /// Number of `(program, mode)` pairs listed.
    pub fn len(&self) -> usize {
        self.entries.values().map(BTreeSet::len).sum()
    }

    /// Programs named by the file that are not in the corpus.
    pub fn stale_entries(&self, programs: &BTreeSet<String>) -> Vec<String> {
        self.entries
            .keys()
            .filter(|p| !programs.contains(*p))
            .cloned()
            .collect()
    }

    /// The list after a run: pairs that ran are listed iff they mismatched;
    /// pairs that did not run keep their old state; stale programs go.
    pub fn updated(
        &self,
        programs: &BTreeSet<String>,
        ran: &BTreeSet<(String, Mode)>,
        mismatched: &BTreeSet<(String, Mode)>,
    ) -> KnownFailures {
        let mut out = KnownFailures::default();
        for program in programs {
            for mode in Mode::ALL {
                let key = (program.clone(), mode);
                let failing = if ran.contains(&key) {
                    mismatched.contains(&key)
                } else {
                    self.contains(program, mode)
                };
                if failing {
                    out.entries.entry(program.clone()).or_default().insert(mode);
                }
            }
        }
        out
    }

    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let mut text = String::from(HEADER);
        for (program, modes) in &self.entries {
            if modes.len() == Mode::ALL.len() {
                text.push_str(&format!("{program}\n"));
            } else {
                for mode in modes {
                    text.push_str(&format!("{program} {}\n", mode.name()));
                }
            }
        }
        std::fs::write(path, text)
    }
}

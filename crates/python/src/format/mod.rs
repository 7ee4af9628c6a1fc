//! Text formatting and parsing algorithms of the Python VM, on plain Rust values.
//!
//! Problem: CPython's observable text behaviour (float `repr`, `format()` and its
//! spec mini-language, `%`-formatting, `str.format` field syntax, `int()`/`float()`
//! parsing, `round()`, and the code-point semantics of the `str` methods) is
//! specified by CPython's output, down to the wording of error messages.
//!
//! Approach: every algorithm here works on Rust values (`i64`, `BigInt`, `f64`,
//! `&str`) and knows nothing of Python objects. The object model calls these
//! functions from its methods and turns a [`FmtError`] into the Python exception
//! named by its [`ErrorKind`]. Where an algorithm needs something only the runtime
//! can do (calling `str()` or `repr()` on an argument, looking a key up in a
//! mapping), it asks through a small trait ([`percent::PercentArg`]) or returns a
//! parsed description the runtime resolves ([`fieldparse`]).
//!
//! Invariants: no function here panics on any input; exact decimal conversions
//! use Rust's exact float formatting (`{:.*}`, `{:.*e}`), whose rounding is
//! round-half-even on the exact binary value, as CPython's; shortest round-trip
//! digits come from `{:e}`.

pub mod complex;
pub mod float_repr;
pub mod intconv;
pub mod percent;
pub mod spec;
pub mod strrepr;
pub mod unicode;
#[rustfmt::skip]
mod unicode_tables;

use std::fmt;

/// The Python exception class a [`FmtError`] becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    ValueError,
    TypeError,
    OverflowError,
    KeyError,
    IndexError,
}

/// An error raised by a formatting or parsing algorithm: the exception class and
/// its message, worded as CPython 3.11 words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FmtError {
    pub kind: ErrorKind,
    pub msg: String,
}

impl FmtError {
    pub fn value(msg: impl Into<String>) -> Self {
        FmtError {
            kind: ErrorKind::ValueError,
            msg: msg.into(),
        }
    }
    pub fn type_error(msg: impl Into<String>) -> Self {
        FmtError {
            kind: ErrorKind::TypeError,
            msg: msg.into(),
        }
    }
    pub fn overflow(msg: impl Into<String>) -> Self {
        FmtError {
            kind: ErrorKind::OverflowError,
            msg: msg.into(),
        }
    }
}

impl fmt::Display for FmtError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.msg)
    }
}

impl std::error::Error for FmtError {}

/// Result type of this module.
pub type FmtResult<T> = Result<T, FmtError>;

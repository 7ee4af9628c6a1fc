//! The trace IR: a linear SSA list of typed operations (PyPy resoperation
//! style), with a text form.
//!
//! Problem: the recorder, the optimizer, the backends, the jit log and the
//! tests must all speak about traces; tests must be able to write a trace
//! by hand and compare traces.
//!
//! Approach: [`ops`] declares every operation once in a table and derives
//! [`Opcode`] and its properties; [`trace`] holds the data ([`Trace`],
//! [`Op`], [`OpRef`], [`Descr`]); [`printer`] writes the jit-log text form
//! and [`parser`] reads it back, finding descrs by name in a caller's
//! [`DescrTable`].
//!
//! ```text
//! [i0, p1]
//! label(i0, p1, descr=TargetToken(1))
//! i2 = int_lt(i0, 10000)
//! guard_true(i2) [i0, p1]
//! i3 = int_add_ovf(i0, 1)
//! guard_no_overflow() [i0, p1]
//! jump(i3, p1, descr=TargetToken(1))
//! ```
//!
//! Invariant: `parse(print(t)) == t` for every valid trace whose descrs are
//! in the table (resume-data handles are not part of the text).

pub mod ops;
pub mod parser;
pub mod printer;
pub mod trace;

pub use ops::{CallFamily, Category, DescrUse, Opcode};
pub use parser::{parse, DescrTable, ParseError};
pub use printer::{print_op, print_trace, Printer};
pub use trace::{Const, Descr, Op, OpRef, Resume, TargetToken, Trace};

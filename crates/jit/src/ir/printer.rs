//! The text form of traces, in the style of PyPy's jit log.
//!
//! Problem: traces must be readable in the jit log and writable by hand in
//! tests, and the two must be the same language (see [`super::parser`]).
//!
//! Approach: values are named by kind prefix (`i` int, `f` float, `p`
//! reference) and a number counting inputs first, then ops with a result,
//! in order. Constants are written inline: ints in decimal, floats in
//! Rust's shortest round-trip form (or `ConstFloat(0x<bits>)` for NaNs
//! whose payload that form would lose), references as
//! `ConstPtr(0x<addr>)` / `ConstPtr(null)`. Guards end with their
//! `fail_args` in brackets.
//!
//! ```text
//! [i0, p1]
//! i2 = int_add_ovf(i0, 1)
//! guard_no_overflow() [i0, p1]
//! p3 = getfield_gc_r(p1, descr=<FieldDescr Frame.locals>)
//! debug_merge_point(0, 0, '<code> #12 LOAD_FAST')
//! jump(i2, p1)
//! ```
//!
//! Invariant: the output parses back to an equal trace (given the descrs).

use super::ops::Opcode;
use super::trace::{Const, Descr, Op, OpRef, Trace};
use crate::descr::Kind;
use std::fmt::Write;

/// Names the values of one trace; prints its ops.
pub struct Printer<'t> {
    trace: &'t Trace,
    /// Name number of each op's result (unused for ops without one).
    op_names: Vec<u32>,
}

fn prefix(k: Kind) -> char {
    match k {
        Kind::Int => 'i',
        Kind::Float => 'f',
        Kind::Ref => 'p',
        Kind::Void => 'v',
    }
}

/// Writes a float constant so that parsing it gives the same bits.
pub fn float_text(bits: u64) -> String {
    let v = f64::from_bits(bits);
    let s = format!("{v:?}");
    if s.parse::<f64>().map(f64::to_bits) == Ok(bits) {
        s
    } else {
        format!("ConstFloat(0x{bits:x})")
    }
}

/// Writes a constant operand.
pub fn const_text(c: Const) -> String {
    match c {
        Const::Int(v) => v.to_string(),
        Const::Float(b) => float_text(b),
        Const::Ref(None) => "ConstPtr(null)".into(),
        Const::Ref(Some(r)) => format!("ConstPtr(0x{:x})", r.addr()),
    }
}

/// Quotes a `debug_merge_point` text.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for ch in s.chars() {
        match ch {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// Writes a descr as it appears after `descr=`.
pub fn descr_text(d: &Descr) -> String {
    match d {
        Descr::Field(f) => format!("<FieldDescr {}>", f.name),
        Descr::Array(a) => format!("<ArrayDescr {}>", a.name),
        Descr::Size(s) => format!("<SizeDescr {}>", s.name),
        Descr::Vtable(s, f) => format!("<SizeDescr {} vtable={}>", s.name, f.name),
        Descr::Call(c) => format!("<CallDescr {}>", c.name),
        Descr::Target(t) => format!("TargetToken({})", t.0),
        Descr::Debug(s) => quote(s),
    }
}

impl<'t> Printer<'t> {
    pub fn new(trace: &'t Trace) -> Printer<'t> {
        let mut next = trace.inputs.len() as u32;
        let op_names = trace
            .ops
            .iter()
            .map(|op| {
                let n = next;
                if op.opcode.has_result() {
                    next += 1;
                }
                n
            })
            .collect();
        Printer { trace, op_names }
    }

    /// The text of an operand (`i3`, `p0`, `42`, `ConstPtr(null)`).
    pub fn operand(&self, r: OpRef) -> String {
        match r {
            OpRef::Input(i) => format!("{}{}", prefix(self.trace.inputs[i as usize]), i),
            OpRef::Op(i) => {
                let op = &self.trace.ops[i as usize];
                format!("{}{}", prefix(op.result()), self.op_names[i as usize])
            }
            OpRef::Const(c) => const_text(c),
        }
    }

    fn list(&self, rs: &[OpRef]) -> String {
        rs.iter()
            .map(|&r| self.operand(r))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The header line `[i0, p1]`.
    pub fn header(&self) -> String {
        let names: Vec<OpRef> = self.trace.input_refs();
        format!("[{}]", self.list(&names))
    }

    /// The text of `trace.ops[i]`, without a newline.
    pub fn op(&self, i: usize) -> String {
        let op: &Op = &self.trace.ops[i];
        let mut s = String::new();
        if op.opcode.has_result() {
            let _ = write!(s, "{} = ", self.operand(OpRef::Op(i as u32)));
        }
        s.push_str(op.opcode.name());
        s.push('(');
        let mut parts: Vec<String> = op.args.iter().map(|&a| self.operand(a)).collect();
        match (&op.descr, op.opcode) {
            (Some(d @ Descr::Debug(_)), Opcode::DebugMergePoint) => parts.push(descr_text(d)),
            (Some(d), _) => parts.push(format!("descr={}", descr_text(d))),
            (None, _) => {}
        }
        s.push_str(&parts.join(", "));
        s.push(')');
        if let Some(fa) = &op.fail_args {
            let _ = write!(s, " [{}]", self.list(fa));
        }
        s
    }

    /// The whole trace: header, then one op per line.
    pub fn trace(&self) -> String {
        let mut s = self.header();
        s.push('\n');
        for i in 0..self.trace.ops.len() {
            s.push_str(&self.op(i));
            s.push('\n');
        }
        s
    }
}

/// Prints a whole trace.
pub fn print_trace(t: &Trace) -> String {
    Printer::new(t).trace()
}

/// Prints one op of a trace (names are the trace's).
pub fn print_op(t: &Trace, i: usize) -> String {
    Printer::new(t).op(i)
}

impl std::fmt::Display for Trace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&print_trace(self))
    }
}

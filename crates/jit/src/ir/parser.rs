//! Parser of the trace text form written by [`super::printer`].
//!
//! Problem: optimizer and backend tests are written as "this trace in, that
//! trace out"; they need to write traces by hand, with real descrs.
//!
//! Approach: a line-oriented reader. The first line is the input header
//! `[i0, p1]` (the prefix gives each input's kind); each further line is
//! `[name =] opname(args) [fail_args]`. Names are arbitrary identifiers
//! bound by the header or an op's result. Descrs are written
//! `descr=<FieldDescr Name>` (or just `descr=Name`) and looked up in a
//! [`DescrTable`] the caller fills with its `&'static` descrs; reference
//! constants are `ConstPtr(0x<addr>)`, `ConstPtr(null)` or `ConstPtr(name)`
//! with the name from the table. `#` starts a comment line.
//!
//! ```text
//! [i0, p1]
//! i2 = int_add(i0, 1)
//! p3 = getfield_gc_r(p1, descr=<FieldDescr Frame.locals>)
//! guard_nonnull(p3) [i2, p1]
//! finish(i2)
//! ```
//!
//! Invariant: a successful parse returns a trace that passes
//! [`Trace::check`].

use super::ops::Opcode;
use super::trace::{Const, Descr, Op, OpRef, TargetToken, Trace};
use crate::descr::{ArrayDescr, CallDescr, FieldDescr, Kind, SizeDescr};
use kiln_gc::GcRef;
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

/// The descrs (and named constant references) a text may mention.
#[derive(Default, Clone)]
pub struct DescrTable {
    pub fields: HashMap<String, &'static FieldDescr>,
    pub arrays: HashMap<String, &'static ArrayDescr>,
    pub sizes: HashMap<String, &'static SizeDescr>,
    pub calls: HashMap<String, &'static CallDescr>,
    pub refs: HashMap<String, GcRef>,
}

impl DescrTable {
    pub fn new() -> DescrTable {
        DescrTable::default()
    }
    pub fn field(mut self, d: &'static FieldDescr) -> Self {
        self.fields.insert(d.name.to_string(), d);
        self
    }
    pub fn array(mut self, d: &'static ArrayDescr) -> Self {
        self.arrays.insert(d.name.to_string(), d);
        self
    }
    pub fn size(mut self, d: &'static SizeDescr) -> Self {
        self.sizes.insert(d.name.to_string(), d);
        self
    }
    pub fn call(mut self, d: &'static CallDescr) -> Self {
        self.calls.insert(d.name.to_string(), d);
        self
    }
    /// Names a constant reference, usable as `ConstPtr(name)`.
    pub fn named_ref(mut self, name: &str, r: GcRef) -> Self {
        self.refs.insert(name.to_string(), r);
        self
    }
}

/// A parse failure, with its 1-based line number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub msg: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.msg)
    }
}

impl std::error::Error for ParseError {}

type PResult<T> = Result<T, String>;

/// Splits `s` at top-level commas (outside quotes, (), [] and <>).
fn split_top(s: &str) -> PResult<Vec<String>> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                cur.push(c);
                loop {
                    match chars.next() {
                        None => return Err("unterminated string".into()),
                        Some('\\') => {
                            cur.push('\\');
                            cur.push(chars.next().ok_or("unterminated string")?);
                        }
                        Some('\'') => {
                            cur.push('\'');
                            break;
                        }
                        Some(c) => cur.push(c),
                    }
                }
            }
            '(' | '[' | '<' => {
                depth += 1;
                cur.push(c);
            }
            ')' | ']' | '>' => {
                depth -= 1;
                cur.push(c);
            }
            ',' if depth == 0 => {
                parts.push(cur.trim().to_string());
                cur.clear();
            }
            c => cur.push(c),
        }
    }
    if depth != 0 {
        return Err("unbalanced brackets".into());
    }
    if !cur.trim().is_empty() || !parts.is_empty() {
        parts.push(cur.trim().to_string());
    }
    Ok(parts)
}

fn unquote(s: &str) -> PResult<String> {
    let inner = s
        .strip_prefix('\'')
        .and_then(|s| s.strip_suffix('\''))
        .ok_or_else(|| format!("expected a quoted string, got {s}"))?;
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(c) => out.push(c),
                None => return Err("bad escape".into()),
            }
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

fn parse_hex(s: &str) -> PResult<u64> {
    let h = s
        .strip_prefix("0x")
        .ok_or_else(|| format!("expected 0x..., got {s}"))?;
    u64::from_str_radix(h, 16).map_err(|e| format!("bad hex {s}: {e}"))
}

fn kind_of_name(name: &str) -> PResult<Kind> {
    match name.chars().next() {
        Some('i') => Ok(Kind::Int),
        Some('f') => Ok(Kind::Float),
        Some('p') | Some('r') => Ok(Kind::Ref),
        _ => Err(format!("input name {name} must start with i, f or p")),
    }
}

struct Parser<'a> {
    table: &'a DescrTable,
    names: HashMap<String, OpRef>,
}

impl Parser<'_> {
    fn constant_ref(&self, inner: &str) -> PResult<Option<GcRef>> {
        if inner == "null" || inner == "0" {
            return Ok(None);
        }
        if let Some(r) = self.table.refs.get(inner) {
            return Ok(Some(*r));
        }
        let a = parse_hex(inner)?;
        if a == 0 {
            return Ok(None);
        }
        // SAFETY: a non-zero address written in a trace text names an
        // object the text's author keeps alive (printed traces name the
        // live objects of the trace they came from).
        Ok(Some(unsafe { GcRef::from_addr(a as usize) }))
    }

    fn operand(&self, s: &str) -> PResult<OpRef> {
        if let Some(r) = self.names.get(s) {
            return Ok(*r);
        }
        for p in ["ConstPtr(", "ConstClass("] {
            if let Some(inner) = s.strip_prefix(p).and_then(|s| s.strip_suffix(')')) {
                return Ok(OpRef::ptr(self.constant_ref(inner.trim())?));
            }
        }
        if let Some(inner) = s
            .strip_prefix("ConstFloat(")
            .and_then(|s| s.strip_suffix(')'))
        {
            return Ok(OpRef::Const(Const::Float(parse_hex(inner.trim())?)));
        }
        if let Ok(v) = s.parse::<i64>() {
            return Ok(OpRef::int(v));
        }
        let looks_float = s.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+')
            || s == "NaN"
            || s == "inf";
        if looks_float {
            if let Ok(v) = s.parse::<f64>() {
                return Ok(OpRef::float(v));
            }
        }
        Err(format!("unknown value {s}"))
    }

    fn descr(&self, s: &str) -> PResult<Descr> {
        let s = s.trim();
        if let Some(n) = s
            .strip_prefix("TargetToken(")
            .and_then(|s| s.strip_suffix(')'))
        {
            let n = n
                .trim()
                .parse::<u64>()
                .map_err(|e| format!("bad TargetToken: {e}"))?;
            return Ok(Descr::Target(TargetToken(n)));
        }
        let t = self.table;
        let missing = |what: &str, name: &str| format!("unknown {what} {name}");
        if let Some(body) = s.strip_prefix('<').and_then(|s| s.strip_suffix('>')) {
            let (sort, rest) = body
                .split_once(' ')
                .ok_or_else(|| format!("bad descr {s}"))?;
            let rest = rest.trim();
            return match sort {
                "FieldDescr" => t
                    .fields
                    .get(rest)
                    .map(|d| Descr::Field(d))
                    .ok_or_else(|| missing("field", rest)),
                "ArrayDescr" => t
                    .arrays
                    .get(rest)
                    .map(|d| Descr::Array(d))
                    .ok_or_else(|| missing("array", rest)),
                "CallDescr" => t
                    .calls
                    .get(rest)
                    .map(|d| Descr::Call(d))
                    .ok_or_else(|| missing("call", rest)),
                "SizeDescr" => {
                    if let Some((size, vt)) = rest.split_once(" vtable=") {
                        let sd = t.sizes.get(size).ok_or_else(|| missing("size", size))?;
                        let fd = t.fields.get(vt).ok_or_else(|| missing("field", vt))?;
                        Ok(Descr::Vtable(sd, fd))
                    } else {
                        t.sizes
                            .get(rest)
                            .map(|d| Descr::Size(d))
                            .ok_or_else(|| missing("size", rest))
                    }
                }
                _ => Err(format!("unknown descr sort {sort}")),
            };
        }
        if let Some(d) = t.fields.get(s) {
            return Ok(Descr::Field(d));
        }
        if let Some(d) = t.arrays.get(s) {
            return Ok(Descr::Array(d));
        }
        if let Some(d) = t.sizes.get(s) {
            return Ok(Descr::Size(d));
        }
        if let Some(d) = t.calls.get(s) {
            return Ok(Descr::Call(d));
        }
        Err(missing("descr", s))
    }

    fn line(&mut self, trace: &mut Trace, line: &str) -> PResult<()> {
        let (lhs, rest) = match line.split_once('=') {
            Some((l, r)) if is_ident(l.trim()) && !r.trim_start().starts_with('=') => {
                (Some(l.trim()), r.trim())
            }
            _ => (None, line),
        };
        let open = rest.find('(').ok_or("expected '('")?;
        let name = rest[..open].trim();
        let opcode = Opcode::from_name(name).ok_or_else(|| format!("unknown op {name}"))?;
        let close = matching_paren(rest, open)?;
        let inside = &rest[open + 1..close];
        let tail = rest[close + 1..].trim();
        let mut op = Op::new(opcode, Vec::new());
        for part in split_top(inside)? {
            if let Some(d) = part.strip_prefix("descr=") {
                op.descr = Some(self.descr(d)?);
            } else if part.starts_with('\'') && opcode == Opcode::DebugMergePoint {
                op.descr = Some(Descr::Debug(Arc::from(unquote(&part)?)));
            } else {
                op.args.push(self.operand(&part)?);
            }
        }
        if !tail.is_empty() {
            let inner = tail
                .strip_prefix('[')
                .and_then(|s| s.strip_suffix(']'))
                .ok_or_else(|| format!("unexpected text after op: {tail}"))?;
            let fa = split_top(inner)?
                .iter()
                .map(|p| self.operand(p))
                .collect::<PResult<Vec<_>>>()?;
            if !opcode.is_guard() {
                return Err("fail args on a non-guard".into());
            }
            op.fail_args = Some(fa);
        }
        let r = trace.push(op);
        match (lhs, opcode.has_result()) {
            (Some(n), true) => {
                if self.names.insert(n.to_string(), r).is_some() {
                    return Err(format!("{n} is defined twice"));
                }
            }
            (None, true) => return Err(format!("{name} has a result; name it")),
            (Some(_), false) => return Err(format!("{name} has no result")),
            (None, false) => {}
        }
        Ok(())
    }
}

fn is_ident(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !s.starts_with(|c: char| c.is_ascii_digit())
}

fn matching_paren(s: &str, open: usize) -> PResult<usize> {
    let mut depth = 0;
    let mut in_str = false;
    let mut esc = false;
    for (i, c) in s[open..].char_indices() {
        if in_str {
            match c {
                _ if esc => esc = false,
                '\\' => esc = true,
                '\'' => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            '\'' => in_str = true,
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Ok(open + i);
                }
            }
            _ => {}
        }
    }
    Err("unbalanced parentheses".into())
}

/// Parses a trace text; descrs and named references come from `table`.
pub fn parse(text: &str, table: &DescrTable) -> Result<Trace, ParseError> {
    let mut p = Parser {
        table,
        names: HashMap::new(),
    };
    let mut trace: Option<Trace> = None;
    let mut last = 0;
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        last = n + 1;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |msg: String| ParseError { line: n + 1, msg };
        match &mut trace {
            None => {
                let inner = line
                    .strip_prefix('[')
                    .and_then(|s| s.strip_suffix(']'))
                    .ok_or_else(|| err("expected the input header [i0, p1, ...]".into()))?;
                let mut t = Trace::new(Vec::new());
                for (i, name) in split_top(inner).map_err(err)?.iter().enumerate() {
                    if !is_ident(name) {
                        return Err(err(format!("bad input name {name}")));
                    }
                    t.inputs.push(kind_of_name(name).map_err(err)?);
                    if p.names
                        .insert(name.clone(), OpRef::Input(i as u32))
                        .is_some()
                    {
                        return Err(err(format!("{name} is defined twice")));
                    }
                }
                trace = Some(t);
            }
            Some(t) => p.line(t, line).map_err(err)?,
        }
    }
    let trace = trace.ok_or(ParseError {
        line: last,
        msg: "empty trace text".into(),
    })?;
    trace.check().map_err(|msg| ParseError { line: 0, msg })?;
    Ok(trace)
}

//! The `match` statement (PEP 634): cases, guards and patterns compiled to
//! stack code.
//!
//! # Approach
//! The subject is evaluated once and stays on the stack; every case but
//! the last matched one works on a `COPY` of it. A pattern consumes its
//! subject (TOS) and either falls through on success or jumps to a
//! failure label. Values a pattern captures are not stored at once: they
//! wait on the stack and are stored only when the whole pattern has
//! matched (so a failed case binds nothing), then the guard runs and the
//! subject is popped before the body.
//!
//! [`PatState`] tracks what is on the stack above the case's start:
//! `on_top` working items (a sequence being unpacked, the attribute tuple
//! of a class pattern, a mapping's keys...) and one value per captured
//! name. A new capture is rotated below all of them, so the stack reads,
//! from the bottom, captures newest-first and then the working items.
//! Failing with `k` such items on the stack jumps to `fail[k]`: the
//! failure chain emitted after a case (or an alternative of `|`) is
//! `fail[k]: POP_TOP; fail[k-1]: POP_TOP; ...; fail[0]:`, so every jump
//! into it leaves the stack as it was when the case began.
//!
//! Sequence, mapping and class tests are the opcodes `MATCH_SEQUENCE`,
//! `MATCH_MAPPING`, `GET_LEN`, `MATCH_KEYS`, `MATCH_CLASS` and
//! `COPY_DICT_WITHOUT_KEYS` (see `bytecode.rs`); value patterns compare
//! with `==`, `None`/`True`/`False` with `is`.
//!
//! # Errors
//! The compile-time errors are CPython's: irrefutable patterns that make
//! later ones unreachable, alternatives binding different names, names
//! bound twice, repeated starred names, duplicate literal mapping keys,
//! repeated keyword attributes in class patterns.

use num_bigint::BigInt;
use num_traits::ToPrimitive;
use ruff_python_ast::{self as ast, Expr, Pattern};
use ruff_text_size::{Ranged, TextRange};

use super::codegen::{Compiler, Ctx, GenResult};
use super::unit::Label;
use crate::bytecode::{BinOp, CmpOp, Constant, Op};

/// The compilation state of one pattern (a whole case, or one
/// alternative of an or-pattern).
struct PatState {
    /// Captured names in capture order; their values are on the stack.
    stores: Vec<String>,
    /// May an irrefutable pattern appear here (the last case, a guarded
    /// case, a sub-pattern, the last alternative)?
    allow_irrefutable: bool,
    /// `fail[k]` pops `k` items and goes on with what follows the pattern.
    fail: Vec<Label>,
    /// Working items on the stack above the captures.
    on_top: usize,
    /// The pattern compiled last, where CPython reports an error found
    /// while compiling a name binding or after an alternative.
    at: TextRange,
}

impl PatState {
    fn new(allow_irrefutable: bool) -> PatState {
        PatState {
            stores: Vec::new(),
            allow_irrefutable,
            fail: Vec::new(),
            on_top: 0,
            at: TextRange::default(),
        }
    }
}

/// `_` alone.
fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

/// A number as Python compares it: integral finite floats and complex
/// numbers with a zero imaginary part equal the corresponding int/float.
#[derive(Clone, Debug, PartialEq)]
enum Num {
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
}

impl Num {
    fn canonical(self) -> Num {
        match self {
            Num::Complex(re, 0.0) => Num::Float(re).canonical(),
            Num::Float(f) if f.is_finite() && f.fract() == 0.0 => {
                match crate::format::float_repr::float_to_bigint(f, false) {
                    Ok(i) => Num::Int(i),
                    Err(_) => Num::Float(f),
                }
            }
            n => n,
        }
    }

    fn parts(&self) -> (f64, f64) {
        match self {
            Num::Int(i) => (i.to_f64().unwrap_or(f64::INFINITY), 0.0),
            Num::Float(f) => (*f, 0.0),
            Num::Complex(re, im) => (*re, *im),
        }
    }

    /// Python's repr of the (uncanonicalized) value.
    fn repr(&self) -> String {
        match self {
            Num::Int(i) => i.to_string(),
            Num::Float(f) => crate::format::float_repr::float_repr(*f),
            Num::Complex(re, im) => {
                let part = |x: f64| {
                    let s = crate::format::float_repr::float_repr(x);
                    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
                };
                if *re == 0.0 && re.is_sign_positive() {
                    format!("{}j", part(*im))
                } else {
                    let sign = if *im < 0.0 || (*im == 0.0 && im.is_sign_negative()) {
                        "-"
                    } else {
                        "+"
                    };
                    format!("({}{sign}{}j)", part(*re), part(im.abs()))
                }
            }
        }
    }
}

/// A literal mapping key: what Python equality compares, and its repr.
#[derive(Debug, PartialEq)]
enum Key {
    Num(Num),
    Str(String),
    Bytes(Vec<u8>),
    None,
}

/// The value of a literal pattern expression (numbers possibly negated
/// or combined into a complex number, strings, bytes, None/True/False).
fn literal_value(e: &Expr) -> Option<(Key, String)> {
    fn num(e: &Expr) -> Option<Num> {
        match e {
            Expr::NumberLiteral(n) => Some(match &n.value {
                ast::Number::Int(_) => match super::expr::constant_of(e)? {
                    Constant::Int(v) => Num::Int(BigInt::from(v)),
                    Constant::BigInt(b) => Num::Int(b),
                    _ => return None,
                },
                ast::Number::Float(f) => Num::Float(*f),
                ast::Number::Complex { real, imag } => Num::Complex(*real, *imag),
            }),
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => Some(match num(&u.operand)? {
                Num::Int(i) => Num::Int(-i),
                Num::Float(f) => Num::Float(-f),
                Num::Complex(re, im) => Num::Complex(-re, -im),
            }),
            Expr::BinOp(b) if matches!(b.op, ast::Operator::Add | ast::Operator::Sub) => {
                let (l, r) = (num(&b.left)?.parts(), num(&b.right)?.parts());
                Some(if b.op == ast::Operator::Add {
                    Num::Complex(l.0 + r.0, l.1 + r.1)
                } else {
                    Num::Complex(l.0 - r.0, l.1 - r.1)
                })
            }
            _ => None,
        }
    }
    match e {
        Expr::BooleanLiteral(b) => {
            let shown = if b.value { "True" } else { "False" };
            Some((
                Key::Num(Num::Int(BigInt::from(b.value as u8))),
                shown.into(),
            ))
        }
        Expr::NoneLiteral(_) => Some((Key::None, "None".into())),
        Expr::StringLiteral(s) => {
            let s = s.value.to_str().to_string();
            let shown = crate::format::strrepr::str_repr(&s);
            Some((Key::Str(s), shown))
        }
        Expr::BytesLiteral(_) => match super::expr::constant_of(e)? {
            Constant::Bytes(b) => {
                let shown = crate::format::strrepr::bytes_repr(&b);
                Some((Key::Bytes(b), shown))
            }
            _ => None,
        },
        _ => {
            let n = num(e)?;
            let shown = n.repr();
            Some((Key::Num(n.canonical()), shown))
        }
    }
}

/// Is `e` a dotted name (`Color.RED`, `mod.Cls.X`)?
fn is_attribute_lookup(e: &Expr) -> bool {
    matches!(e, Expr::Attribute(_))
}

impl Compiler<'_> {
    pub fn match_stmt(&mut self, m: &ast::StmtMatch) -> GenResult {
        self.expr(&m.subject)?;
        let end = self.new_label();
        let n = m.cases.len();
        // A trailing `case _:` needs no pattern code (nor subject copy).
        let has_default = n > 1 && is_wildcard(&m.cases[n - 1].pattern);
        let matched = n - has_default as usize;
        for (i, case) in m.cases[..matched].iter().enumerate() {
            let last = i + 1 == matched;
            self.set_loc(case.pattern.range());
            if !last {
                self.emit(Op::Copy, 1);
            }
            let mut pc = PatState::new(case.guard.is_some() || i + 1 == n);
            self.pattern(&case.pattern, &mut pc)?;
            for name in std::mem::take(&mut pc.stores) {
                self.name_op(&name, Ctx::Store);
            }
            if let Some(g) = &case.guard {
                let fail = self.fail_label(&mut pc, 0);
                self.cond_jump(g, false, fail)?;
            }
            if !last {
                self.emit(Op::PopTop, 0);
            }
            self.stmts(&case.body)?;
            if !self.u().last_is_terminator() {
                self.u().jump(Op::Jump, end);
            }
            self.set_loc(case.pattern.range());
            self.emit_fail_chain(&mut pc);
        }
        if has_default {
            let case = &m.cases[n - 1];
            self.set_loc(case.pattern.range());
            if let Some(g) = &case.guard {
                self.cond_jump(g, false, end)?;
            }
            self.stmts(&case.body)?;
        }
        self.bind(end);
        Ok(())
    }

    /// The label that pops `pops` items and fails.
    fn fail_label(&mut self, pc: &mut PatState, pops: usize) -> Label {
        while pc.fail.len() <= pops {
            let l = self.new_label();
            pc.fail.push(l);
        }
        pc.fail[pops]
    }

    /// Emit `op` (a conditional or plain jump) to the failure path for the
    /// current stack.
    fn jump_to_fail(&mut self, op: Op, pc: &mut PatState) {
        let pops = pc.on_top + pc.stores.len();
        let l = self.fail_label(pc, pops);
        self.u().jump(op, l);
    }

    /// Place the failure chain here (see the module doc) and reset it.
    fn emit_fail_chain(&mut self, pc: &mut PatState) {
        let fail = std::mem::take(&mut pc.fail);
        for (k, l) in fail.iter().enumerate().rev() {
            self.bind(*l);
            if k > 0 {
                self.emit(Op::PopTop, 0);
            }
        }
    }

    /// Move TOS down to be the `n`-th item from the top.
    fn rotate(&mut self, n: usize) {
        for k in (2..=n).rev() {
            self.emit(Op::Swap, k as u32);
        }
    }

    /// Capture TOS as `name` (or drop it for `_`/`*_`).
    fn store_capture(&mut self, name: Option<&ast::Identifier>, pc: &mut PatState) -> GenResult {
        let Some(n) = name else {
            self.emit(Op::PopTop, 0);
            return Ok(());
        };
        self.check_forbidden(&n.id, pc.at)?;
        if pc.stores.iter().any(|s| s == n.id.as_str()) {
            return self.err(
                format!("multiple assignments to name '{}' in pattern", n.id),
                pc.at,
            );
        }
        self.rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push(n.id.to_string());
        Ok(())
    }

    /// A pattern nested in another one: irrefutable is fine there.
    fn subpattern(&mut self, p: &Pattern, pc: &mut PatState) -> GenResult {
        let allow = std::mem::replace(&mut pc.allow_irrefutable, true);
        self.pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    fn pattern(&mut self, p: &Pattern, pc: &mut PatState) -> GenResult {
        self.set_loc(p.range());
        pc.at = p.range();
        match p {
            Pattern::MatchValue(v) => {
                if literal_value(&v.value).is_none() && !is_attribute_lookup(&v.value) {
                    return self.err(
                        "patterns may only match literals and attribute lookups",
                        v.value.range(),
                    );
                }
                self.expr(&v.value)?;
                self.set_loc(p.range());
                self.emit(Op::CompareOp, CmpOp::Eq as u32);
                self.jump_to_fail(Op::PopJumpIfFalse, pc);
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(match s.value {
                    ast::Singleton::None => Constant::None,
                    ast::Singleton::True => Constant::True,
                    ast::Singleton::False => Constant::False,
                });
                self.emit(Op::IsOp, 0);
                self.jump_to_fail(Op::PopJumpIfFalse, pc);
            }
            Pattern::MatchSequence(s) => self.pattern_sequence(&s.patterns, s.range, pc)?,
            Pattern::MatchMapping(m) => self.pattern_mapping(m, pc)?,
            Pattern::MatchClass(c) => self.pattern_class(c, pc)?,
            Pattern::MatchStar(s) => self.store_capture(s.name.as_ref(), pc)?,
            Pattern::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return match &a.name {
                            Some(n) => self.err(
                                format!(
                                    "name capture '{}' makes remaining patterns unreachable",
                                    n.id
                                ),
                                p.range(),
                            ),
                            None => {
                                self.err("wildcard makes remaining patterns unreachable", p.range())
                            }
                        };
                    }
                    self.store_capture(a.name.as_ref(), pc)?;
                }
                Some(inner) => {
                    // Keep a copy of the subject to capture on success.
                    pc.on_top += 1;
                    self.emit(Op::Copy, 1);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.store_capture(a.name.as_ref(), pc)?;
                }
            },
            Pattern::MatchOr(o) => self.pattern_or(&o.patterns, pc)?,
        }
        Ok(())
    }

    fn pattern_sequence(
        &mut self,
        pats: &[Pattern],
        range: TextRange,
        pc: &mut PatState,
    ) -> GenResult {
        let size = pats.len();
        let mut star = None;
        let mut star_wildcard = false;
        let mut only_wildcards = true;
        for (i, p) in pats.iter().enumerate() {
            if let Pattern::MatchStar(s) = p {
                if star.is_some() {
                    return self.err("multiple starred names in sequence pattern", range);
                }
                star_wildcard = s.name.is_none();
                only_wildcards &= star_wildcard;
                star = Some(i);
            } else {
                only_wildcards &= is_wildcard(p);
            }
        }
        // The subject stays while its kind and length are checked.
        pc.on_top += 1;
        self.emit(Op::MatchSequence, 0);
        self.jump_to_fail(Op::PopJumpIfFalse, pc);
        let length_check = match star {
            None => Some((size, CmpOp::Eq)),
            Some(_) if size > 1 => Some((size - 1, CmpOp::Ge)),
            Some(_) => None,
        };
        if let Some((n, cmp)) = length_check {
            self.emit(Op::GetLen, 0);
            self.load_const(Constant::Int(n as i64));
            self.emit(Op::CompareOp, cmp as u32);
            self.jump_to_fail(Op::PopJumpIfFalse, pc);
        }
        pc.on_top -= 1;
        if only_wildcards {
            self.emit(Op::PopTop, 0);
        } else if star_wildcard {
            self.sequence_by_index(pats, star.unwrap_or(size), pc)?;
        } else {
            self.sequence_by_unpacking(pats, star, pc)?;
        }
        Ok(())
    }

    /// `[a, *rest, b]`: unpack the subject and match the items in order.
    fn sequence_by_unpacking(
        &mut self,
        pats: &[Pattern],
        star: Option<usize>,
        pc: &mut PatState,
    ) -> GenResult {
        let size = pats.len();
        match star {
            None => self.emit(Op::UnpackSequence, size as u32),
            Some(i) => {
                let after = size - i - 1;
                if i > 255 || after > 255 {
                    return self.err(
                        "too many expressions in star-unpacking sequence pattern",
                        pats[i].range(),
                    );
                }
                self.emit(Op::UnpackEx, (i | (after << 8)) as u32);
            }
        }
        pc.on_top += size;
        for p in pats {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    /// `[a, *_, b]`: index the items that are matched (from the end after
    /// the star, with a non-negative index) and never copy the middle.
    fn sequence_by_index(&mut self, pats: &[Pattern], star: usize, pc: &mut PatState) -> GenResult {
        let size = pats.len();
        pc.on_top += 1;
        for (i, p) in pats.iter().enumerate() {
            if i == star || is_wildcard(p) {
                continue;
            }
            self.set_loc(p.range());
            self.emit(Op::Copy, 1);
            if i < star {
                self.load_const(Constant::Int(i as i64));
            } else {
                self.emit(Op::GetLen, 0);
                self.load_const(Constant::Int((size - i) as i64));
                self.emit(Op::BinaryOp, BinOp::Sub as u32);
            }
            self.emit(Op::BinarySubscr, 0);
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 1;
        self.emit(Op::PopTop, 0);
        Ok(())
    }

    fn pattern_mapping(&mut self, m: &ast::PatternMatchMapping, pc: &mut PatState) -> GenResult {
        let size = m.keys.len();
        pc.on_top += 1;
        self.emit(Op::MatchMapping, 0);
        self.jump_to_fail(Op::PopJumpIfFalse, pc);
        if size == 0 && m.rest.is_none() {
            // `{}` matches any mapping.
            pc.on_top -= 1;
            self.emit(Op::PopTop, 0);
            return Ok(());
        }
        if size > 0 {
            self.emit(Op::GetLen, 0);
            self.load_const(Constant::Int(size as i64));
            self.emit(Op::CompareOp, CmpOp::Ge as u32);
            self.jump_to_fail(Op::PopJumpIfFalse, pc);
        }
        let mut seen: Vec<Key> = Vec::new();
        for k in &m.keys {
            match literal_value(k) {
                Some((key, shown)) => {
                    if seen.contains(&key) {
                        return self.err(
                            format!("mapping pattern checks duplicate key ({shown})"),
                            m.range,
                        );
                    }
                    seen.push(key);
                }
                None if is_attribute_lookup(k) => {}
                None => {
                    return self.err(
                        "mapping pattern keys may only match literals and attribute lookups",
                        k.range(),
                    )
                }
            }
            self.expr(k)?;
        }
        self.set_loc(m.range);
        self.emit(Op::BuildTuple, size as u32);
        self.emit(Op::MatchKeys, 0);
        // Subject, keys and values (or None) are on the stack.
        pc.on_top += 2;
        self.emit(Op::Copy, 1);
        self.load_const(Constant::None);
        self.emit(Op::IsOp, 1);
        self.jump_to_fail(Op::PopJumpIfFalse, pc);
        self.emit(Op::UnpackSequence, size as u32);
        pc.on_top = pc.on_top + size - 1;
        for p in &m.patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        // Matched: what follows consumes the keys and the subject.
        pc.on_top -= 2;
        match &m.rest {
            Some(rest) => {
                self.set_loc(m.range);
                self.emit(Op::CopyDictWithoutKeys, 0);
                self.store_capture(Some(rest), pc)?;
            }
            None => {
                self.emit(Op::PopTop, 0);
                self.emit(Op::PopTop, 0);
            }
        }
        Ok(())
    }

    fn pattern_class(&mut self, c: &ast::PatternMatchClass, pc: &mut PatState) -> GenResult {
        let positional = &c.arguments.patterns;
        let keywords = &c.arguments.keywords;
        for (i, k) in keywords.iter().enumerate() {
            self.check_forbidden(&k.attr.id, k.pattern.range())?;
            if let Some(again) = keywords[i + 1..].iter().find(|o| o.attr.id == k.attr.id) {
                return self.err(
                    format!("attribute name repeated in class pattern: {}", k.attr.id),
                    again.pattern.range(),
                );
            }
        }
        self.expr(&c.cls)?;
        let names = keywords
            .iter()
            .map(|k| Constant::Str(k.attr.id.to_string()))
            .collect();
        self.set_loc(c.range);
        self.load_const(Constant::Tuple(names));
        self.emit(Op::MatchClass, positional.len() as u32);
        self.emit(Op::Copy, 1);
        self.load_const(Constant::None);
        self.emit(Op::IsOp, 1);
        // The tuple of attributes (or None) is on the stack.
        pc.on_top += 1;
        self.jump_to_fail(Op::PopJumpIfFalse, pc);
        let n = positional.len() + keywords.len();
        self.emit(Op::UnpackSequence, n as u32);
        pc.on_top = pc.on_top + n - 1;
        let subs = positional.iter().chain(keywords.iter().map(|k| &k.pattern));
        for p in subs {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit(Op::PopTop, 0);
            } else {
                self.subpattern(p, pc)?;
            }
        }
        Ok(())
    }

    /// `p1 | p2 | ...`: each alternative matches a copy of the subject
    /// with a state of its own; on success its captures are put in the
    /// order of the first alternative's and the code joins at `end`,
    /// where they move below the enclosing pattern's items.
    fn pattern_or(&mut self, alts: &[Pattern], pc: &mut PatState) -> GenResult {
        let end = self.new_label();
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in alts.iter().enumerate() {
            self.set_loc(alt.range());
            let mut sub = PatState::new(i + 1 == alts.len() && pc.allow_irrefutable);
            self.emit(Op::Copy, 1);
            self.pattern(alt, &mut sub)?;
            pc.at = sub.at;
            match &control {
                None => control = Some(sub.stores.clone()),
                Some(names) => {
                    let same = names.len() == sub.stores.len()
                        && names.iter().all(|n| sub.stores.contains(n));
                    if !same {
                        return self.err("alternative patterns bind different names", pc.at);
                    }
                    // On the stack the captures are newest-first.
                    let mut current: Vec<String> = sub.stores.iter().rev().cloned().collect();
                    let desired: Vec<String> = names.iter().rev().cloned().collect();
                    self.permute_top(&mut current, &desired);
                }
            }
            self.u().jump(Op::Jump, end);
            self.emit_fail_chain(&mut sub);
        }
        // No alternative matched: drop the subject and fail.
        self.emit(Op::PopTop, 0);
        self.jump_to_fail(Op::Jump, pc);
        self.bind(end);
        let names = control.unwrap_or_default();
        let depth = names.len() + 1 + pc.on_top + pc.stores.len();
        for name in names {
            self.rotate(depth);
            if pc.stores.contains(&name) {
                return self.err(
                    format!("multiple assignments to name '{name}' in pattern"),
                    pc.at,
                );
            }
            pc.stores.push(name);
        }
        // The subject copy kept for the alternatives.
        self.emit(Op::PopTop, 0);
        Ok(())
    }

    /// Reorder the top `current.len()` stack items (listed bottom to top)
    /// into the order `desired`, with swaps through TOS.
    fn permute_top(&mut self, current: &mut [String], desired: &[String]) {
        let n = current.len();
        for p in 0..n {
            if current[p] == desired[p] {
                continue;
            }
            let Some(j) = (p + 1..n).find(|&j| current[j] == desired[p]) else {
                continue;
            };
            // Swap positions p < j, both counted from the bottom.
            if j == n - 1 {
                self.emit(Op::Swap, (n - p) as u32);
            } else {
                self.emit(Op::Swap, (n - j) as u32);
                self.emit(Op::Swap, (n - p) as u32);
                self.emit(Op::Swap, (n - j) as u32);
            }
            current.swap(p, j);
        }
    }
}

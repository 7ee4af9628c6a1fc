//! Expressions: constants, operators, short-circuit conditions, calls,
//! displays with star-unpacking, f-strings, `yield`/`await`.
//!
//! # Invariants
//! `expr` leaves exactly one value on the stack; `cond_jump` leaves none on
//! either edge. Chained comparisons keep the shared middle operand with
//! `SWAP`/`COPY` and clean it up on the short-circuit path, so both exits
//! have the same depth.

use std::str::FromStr;

use num_bigint::BigInt;
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};

use super::codegen::{Compiler, Ctx, GenResult};
use super::symtable::ScopeKind;
use super::unit::Label;
use crate::bytecode::{format_value, BinOp, CmpOp, Constant, Op};

/// `BINARY_OP` argument of an AST operator.
pub fn binop_arg(op: ast::Operator) -> u32 {
    use ast::Operator as O;
    let b = match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::MatMult => BinOp::MatMul,
        O::Div => BinOp::TrueDiv,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitOr => BinOp::Or,
        O::BitXor => BinOp::Xor,
        O::BitAnd => BinOp::And,
        O::FloorDiv => BinOp::FloorDiv,
    };
    b as u32
}

/// The constant value of a literal expression, if it is one (tuples of
/// literals included).
pub fn constant_of(e: &Expr) -> Option<Constant> {
    Some(match e {
        Expr::NoneLiteral(_) => Constant::None,
        Expr::BooleanLiteral(b) => {
            if b.value {
                Constant::True
            } else {
                Constant::False
            }
        }
        Expr::EllipsisLiteral(_) => Constant::Ellipsis,
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => match i.as_i64() {
                Some(v) => Constant::Int(v),
                None => Constant::BigInt(parse_big(&i.to_string())?),
            },
            ast::Number::Float(f) => Constant::Float(*f),
            ast::Number::Complex { real, imag } => Constant::Complex(*real, *imag),
        },
        Expr::StringLiteral(s) => Constant::Str(s.value.to_str().to_string()),
        Expr::BytesLiteral(b) => {
            let mut v = Vec::new();
            for part in b.value.iter() {
                v.extend_from_slice(&part.value);
            }
            Constant::Bytes(v)
        }
        Expr::Tuple(t) => {
            let mut items = Vec::with_capacity(t.elts.len());
            for e in &t.elts {
                items.push(constant_of(e)?);
            }
            Constant::Tuple(items)
        }
        _ => return None,
    })
}

/// Parse an integer literal that does not fit a u64 (`0x...`, `1_000...`).
fn parse_big(text: &str) -> Option<BigInt> {
    let t: String = text.chars().filter(|c| *c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
        (d.to_string(), 16)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d.to_string(), 8)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d.to_string(), 2)
    } else {
        return BigInt::from_str(&lower).ok();
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

fn cmp_arg(op: ast::CmpOp) -> (Op, u32) {
    use ast::CmpOp as C;
    match op {
        C::Eq => (Op::CompareOp, CmpOp::Eq as u32),
        C::NotEq => (Op::CompareOp, CmpOp::Ne as u32),
        C::Lt => (Op::CompareOp, CmpOp::Lt as u32),
        C::LtE => (Op::CompareOp, CmpOp::Le as u32),
        C::Gt => (Op::CompareOp, CmpOp::Gt as u32),
        C::GtE => (Op::CompareOp, CmpOp::Ge as u32),
        C::Is => (Op::IsOp, 0),
        C::IsNot => (Op::IsOp, 1),
        C::In => (Op::ContainsOp, 0),
        C::NotIn => (Op::ContainsOp, 1),
    }
}

impl<'s> Compiler<'s> {
    /// Compile `e`, leaving its value on the stack.
    pub fn expr(&mut self, e: &Expr) -> GenResult {
        self.set_loc(e.range());
        if let Some(c) = constant_of(e) {
            self.load_const(c);
            return Ok(());
        }
        match e {
            Expr::BoolOp(b) => {
                let end = self.new_label();
                let op = match b.op {
                    ast::BoolOp::And => Op::JumpIfFalseOrPop,
                    ast::BoolOp::Or => Op::JumpIfTrueOrPop,
                };
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < n {
                        self.u().jump(op, end);
                    }
                }
                self.bind(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Op::Copy, 1);
                if let Expr::Name(t) = &*n.target {
                    self.check_forbidden(&t.id, t.range)?;
                    self.name_op(&t.id, Ctx::Store);
                } else {
                    return self.err(
                        "cannot use assignment expressions with this target",
                        n.target.range(),
                    );
                }
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.set_loc(b.range);
                self.emit(Op::BinaryOp, binop_arg(b.op));
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                self.set_loc(u.range);
                let op = match u.op {
                    ast::UnaryOp::Invert => Op::UnaryInvert,
                    ast::UnaryOp::Not => Op::UnaryNot,
                    ast::UnaryOp::UAdd => Op::UnaryPositive,
                    ast::UnaryOp::USub => Op::UnaryNegative,
                };
                self.emit(op, 0);
            }
            Expr::Lambda(l) => self.lambda(l)?,
            Expr::If(i) => {
                let other = self.new_label();
                let end = self.new_label();
                self.cond_jump(&i.test, false, other)?;
                self.expr(&i.body)?;
                self.u().jump(Op::Jump, end);
                self.bind(other);
                self.expr(&i.orelse)?;
                self.bind(end);
            }
            Expr::Dict(d) => self.dict_display(d)?,
            Expr::Set(s) => {
                self.sequence_display(&s.elts, Op::BuildSet, Op::SetAdd, Op::SetUpdate, false)?
            }
            Expr::List(l) => self.sequence_display(
                &l.elts,
                Op::BuildList,
                Op::ListAppend,
                Op::ListExtend,
                false,
            )?,
            Expr::Tuple(t) => {
                self.sequence_display(&t.elts, Op::BuildList, Op::ListAppend, Op::ListExtend, true)?
            }
            Expr::ListComp(c) => self.comprehension(e, "<listcomp>", &c.generators)?,
            Expr::SetComp(c) => self.comprehension(e, "<setcomp>", &c.generators)?,
            Expr::DictComp(c) => self.comprehension(e, "<dictcomp>", &c.generators)?,
            Expr::Generator(c) => self.comprehension(e, "<genexpr>", &c.generators)?,
            Expr::Await(a) => {
                let scope = &self.table.scopes[self.units.last().unwrap().scope];
                if !scope.is_function_like() {
                    return self.err("'await' outside function", a.range);
                }
                if !scope.is_coroutine {
                    return self.err("'await' outside async function", a.range);
                }
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.emit(Op::GetAwaitable, 0);
                self.load_const(Constant::None);
                self.delegate_loop();
            }
            Expr::Yield(y) => {
                self.check_yield(y.range, "yield")?;
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.set_loc(y.range);
                self.emit(Op::YieldValue, 0);
            }
            Expr::YieldFrom(y) => {
                self.check_yield(y.range, "yield from")?;
                if self.table.scopes[self.units.last().unwrap().scope].is_coroutine {
                    return self.err("'yield from' inside async function", y.range);
                }
                self.expr(&y.value)?;
                self.set_loc(y.range);
                self.emit(Op::GetYieldFromIter, 0);
                self.load_const(Constant::None);
                self.delegate_loop();
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::Call(c) => self.call(c)?,
            Expr::FString(f) => self.fstring(f)?,
            Expr::TString(t) => return self.err("t-strings are not supported", t.range),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_loc(a.range);
                let ni = self.u().name_index(&a.attr.id);
                self.emit(Op::LoadAttr, ni);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_loc(s.range);
                self.emit(Op::BinarySubscr, 0);
            }
            Expr::Starred(s) => return self.err("can't use starred expression here", s.range),
            Expr::Name(n) => {
                if n.id.as_str() == "__debug__" {
                    self.load_const(Constant::True);
                } else {
                    self.name_op(&n.id, Ctx::Load);
                }
            }
            Expr::Slice(s) => {
                let mut n = 2;
                for (i, part) in [&s.lower, &s.upper, &s.step].into_iter().enumerate() {
                    match part {
                        Some(p) => self.expr(p)?,
                        None if i < 2 => self.load_const(Constant::None),
                        None => continue,
                    }
                    if i == 2 {
                        n = 3;
                    }
                }
                self.emit(Op::BuildSlice, n);
            }
            Expr::IpyEscapeCommand(c) => return self.err("invalid syntax", c.range),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => unreachable!("literals are constants"),
        }
        Ok(())
    }

    fn check_yield(&self, range: TextRange, what: &str) -> GenResult {
        let scope = &self.table.scopes[self.units.last().unwrap().scope];
        match scope.kind {
            ScopeKind::Module | ScopeKind::Class => {
                self.err(format!("'{what}' outside function"), range)
            }
            ScopeKind::Comprehension if !scope.is_generator || scope.name != "<genexpr>" => {
                let kind = match scope.name.as_str() {
                    "<listcomp>" => "list comprehension",
                    "<setcomp>" => "set comprehension",
                    "<dictcomp>" => "dict comprehension",
                    _ => "generator expression",
                };
                self.err(format!("'{what}' inside {kind}"), range)
            }
            ScopeKind::Comprehension => {
                self.err(format!("'{what}' inside generator expression"), range)
            }
            _ => Ok(()),
        }
    }

    /// The `SEND`/`YIELD_VALUE 1` loop of `yield from` and `await`:
    /// `(delegate, None -- result)`.
    pub fn delegate_loop(&mut self) {
        let top = self.new_label();
        let exit = self.new_label();
        self.bind(top);
        self.u().jump(Op::Send, exit);
        self.emit(Op::YieldValue, 1);
        self.u().jump(Op::JumpBackward, top);
        self.bind(exit);
    }

    /// Jump to `target` if the truth of `e` equals `when`; fall through
    /// otherwise. Nothing is left on the stack.
    pub fn cond_jump(&mut self, e: &Expr, when: bool, target: Label) -> GenResult {
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => {
                self.cond_jump(&u.operand, !when, target)
            }
            Expr::BoolOp(b) => {
                let is_and = b.op == ast::BoolOp::And;
                let n = b.values.len();
                if is_and != when {
                    // and/jump-if-false or or/jump-if-true: any operand decides.
                    for v in &b.values {
                        self.cond_jump(v, when, target)?;
                    }
                } else {
                    let skip = self.new_label();
                    for (i, v) in b.values.iter().enumerate() {
                        if i + 1 < n {
                            self.cond_jump(v, !when, skip)?;
                        } else {
                            self.cond_jump(v, when, target)?;
                        }
                    }
                    self.bind(skip);
                }
                Ok(())
            }
            _ => {
                self.expr(e)?;
                let op = if when {
                    Op::PopJumpIfTrue
                } else {
                    Op::PopJumpIfFalse
                };
                self.u().jump(op, target);
                Ok(())
            }
        }
    }

    fn compare(&mut self, c: &ast::ExprCompare) -> GenResult {
        self.expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.expr(&c.comparators[0])?;
            self.set_loc(c.range);
            let (op, arg) = cmp_arg(c.ops[0]);
            self.emit(op, arg);
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for i in 0..n {
            self.expr(&c.comparators[i])?;
            self.set_loc(c.range);
            let (op, arg) = cmp_arg(c.ops[i]);
            if i + 1 < n {
                self.emit(Op::Swap, 2);
                self.emit(Op::Copy, 2);
                self.emit(op, arg);
                self.u().jump(Op::JumpIfFalseOrPop, cleanup);
            } else {
                self.emit(op, arg);
            }
        }
        self.u().jump(Op::Jump, end);
        self.bind(cleanup);
        self.emit(Op::Swap, 2);
        self.emit(Op::PopTop, 0);
        self.bind(end);
        Ok(())
    }

    fn call(&mut self, c: &ast::ExprCall) -> GenResult {
        let simple = !c
            .arguments
            .args
            .iter()
            .any(|a| matches!(a, Expr::Starred(_)))
            && c.arguments.keywords.is_empty();
        if let (Expr::Attribute(a), true) = (&*c.func, simple) {
            self.expr(&a.value)?;
            self.set_loc(a.range);
            let ni = self.u().name_index(&a.attr.id);
            self.emit(Op::LoadMethod, ni);
            for arg in c.arguments.args.iter() {
                self.expr(arg)?;
            }
            self.set_loc(c.range());
            self.emit(Op::CallMethod, c.arguments.args.len() as u32);
            return Ok(());
        }
        self.expr(&c.func)?;
        self.call_args(0, &c.arguments.args, &c.arguments.keywords, c.range())
    }

    /// Emit the arguments and the call of a callable already on the stack,
    /// followed by `n_pre` positional arguments also already pushed.
    pub fn call_args(
        &mut self,
        n_pre: u32,
        args: &[Expr],
        keywords: &[ast::Keyword],
        range: TextRange,
    ) -> GenResult {
        let mut seen = std::collections::HashSet::new();
        for k in keywords {
            if let Some(name) = &k.arg {
                if !seen.insert(name.id.as_str()) {
                    return self.err(format!("keyword argument repeated: {}", name.id), k.range);
                }
            }
        }
        let starred = args.iter().any(|a| matches!(a, Expr::Starred(_)));
        let dstar = keywords.iter().any(|k| k.arg.is_none());
        if !starred && !dstar {
            for a in args {
                self.expr(a)?;
            }
            if keywords.is_empty() {
                self.set_loc(range);
                self.emit(Op::Call, n_pre + args.len() as u32);
            } else {
                let mut names = Vec::new();
                for k in keywords {
                    self.expr(&k.value)?;
                    names.push(Constant::Str(k.arg.as_ref().unwrap().id.to_string()));
                }
                self.load_const(Constant::Tuple(names));
                self.set_loc(range);
                self.emit(Op::CallKw, n_pre + (args.len() + keywords.len()) as u32);
            }
            return Ok(());
        }
        // General form: CALL_EX with a tuple and maybe a dict.
        let first_star = args
            .iter()
            .position(|a| matches!(a, Expr::Starred(_)))
            .unwrap_or(args.len());
        for a in &args[..first_star] {
            self.expr(a)?;
        }
        self.emit(Op::BuildList, n_pre + first_star as u32);
        for a in &args[first_star..] {
            match a {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(Op::ListExtend, 1);
                }
                other => {
                    self.expr(other)?;
                    self.emit(Op::ListAppend, 1);
                }
            }
        }
        self.emit(Op::ListToTuple, 0);
        let mut flags = 0;
        if !keywords.is_empty() {
            flags = 1;
            self.emit(Op::BuildMap, 0);
            let mut i = 0;
            while i < keywords.len() {
                match &keywords[i].arg {
                    None => {
                        self.expr(&keywords[i].value)?;
                        self.emit(Op::DictMerge, 1);
                        i += 1;
                    }
                    Some(_) => {
                        let mut n = 0;
                        while i < keywords.len() && keywords[i].arg.is_some() {
                            let k = &keywords[i];
                            self.load_const(Constant::Str(k.arg.as_ref().unwrap().id.to_string()));
                            self.expr(&k.value)?;
                            n += 1;
                            i += 1;
                        }
                        self.emit(Op::BuildMap, n);
                        self.emit(Op::DictMerge, 1);
                    }
                }
            }
        }
        self.set_loc(range);
        self.emit(Op::CallEx, flags);
        Ok(())
    }

    fn sequence_display(
        &mut self,
        elts: &[Expr],
        build: Op,
        add: Op,
        extend: Op,
        tuple: bool,
    ) -> GenResult {
        let first_star = elts.iter().position(|a| matches!(a, Expr::Starred(_)));
        let Some(first_star) = first_star else {
            for e in elts {
                self.expr(e)?;
            }
            self.emit(
                if tuple { Op::BuildTuple } else { build },
                elts.len() as u32,
            );
            return Ok(());
        };
        for e in &elts[..first_star] {
            self.expr(e)?;
        }
        self.emit(build, first_star as u32);
        for e in &elts[first_star..] {
            match e {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(extend, 1);
                }
                other => {
                    self.expr(other)?;
                    self.emit(add, 1);
                }
            }
        }
        if tuple {
            self.emit(Op::ListToTuple, 0);
        }
        Ok(())
    }

    fn dict_display(&mut self, d: &ast::ExprDict) -> GenResult {
        let first_star = d
            .items
            .iter()
            .position(|it| it.key.is_none())
            .unwrap_or(d.items.len());
        for it in &d.items[..first_star] {
            self.expr(it.key.as_ref().unwrap())?;
            self.expr(&it.value)?;
        }
        self.emit(Op::BuildMap, first_star as u32);
        for it in &d.items[first_star..] {
            match &it.key {
                None => {
                    self.expr(&it.value)?;
                    self.emit(Op::DictUpdate, 1);
                }
                Some(k) => {
                    self.expr(k)?;
                    self.expr(&it.value)?;
                    self.emit(Op::MapAdd, 1);
                }
            }
        }
        Ok(())
    }

    fn fstring(&mut self, f: &ast::ExprFString) -> GenResult {
        let mut pieces = 0u32;
        let mut lit = String::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(s) => lit.push_str(&s.value),
                ast::FStringPart::FString(fs) => {
                    self.fstring_elements(&fs.elements, &mut lit, &mut pieces)?
                }
            }
        }
        if !lit.is_empty() || pieces == 0 {
            self.load_const(Constant::Str(std::mem::take(&mut lit)));
            pieces += 1;
        }
        if pieces > 1 {
            self.emit(Op::BuildString, pieces);
        }
        Ok(())
    }

    fn flush_literal(&mut self, lit: &mut String, pieces: &mut u32) {
        if !lit.is_empty() {
            self.load_const(Constant::Str(std::mem::take(lit)));
            *pieces += 1;
        }
    }

    fn fstring_elements(
        &mut self,
        els: &ast::InterpolatedStringElements,
        lit: &mut String,
        pieces: &mut u32,
    ) -> GenResult {
        for el in els.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => lit.push_str(&l.value),
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conv = match i.conversion {
                        ast::ConversionFlag::None => format_value::CONV_NONE,
                        ast::ConversionFlag::Str => format_value::CONV_STR,
                        ast::ConversionFlag::Repr => format_value::CONV_REPR,
                        ast::ConversionFlag::Ascii => format_value::CONV_ASCII,
                    };
                    if let Some(dbg) = &i.debug_text {
                        lit.push_str(dbg.leading());
                        lit.push_str(dbg.expression());
                        lit.push_str(dbg.trailing());
                        if conv == format_value::CONV_NONE && i.format_spec.is_none() {
                            conv = format_value::CONV_REPR;
                        }
                    }
                    self.flush_literal(lit, pieces);
                    self.expr(&i.expression)?;
                    if let Some(spec) = &i.format_spec {
                        let mut spec_lit = String::new();
                        let mut spec_pieces = 0;
                        self.fstring_elements(&spec.elements, &mut spec_lit, &mut spec_pieces)?;
                        if !spec_lit.is_empty() || spec_pieces == 0 {
                            self.load_const(Constant::Str(spec_lit));
                            spec_pieces += 1;
                        }
                        if spec_pieces > 1 {
                            self.emit(Op::BuildString, spec_pieces);
                        }
                        conv |= format_value::HAS_SPEC;
                    }
                    self.emit(Op::FormatValue, conv);
                    *pieces += 1;
                }
            }
        }
        Ok(())
    }
}

//! The compiler: Python source → [`CodeObject`](crate::bytecode::CodeObject).
//!
//! # Approach
//! `ruff_python_parser` gives an AST; [`symtable`] classifies every name of
//! every scope (local, global, free, cell...); the code generator walks the
//! AST once per scope and emits [`Instr`](crate::bytecode::Instr)s with
//! symbolic labels, then a finishing pass resolves labels, builds the
//! exception table and computes the exact stack depth.
//!
//! # Errors
//! Every failure is a [`CompileError`] that mirrors what CPython reports:
//! the kind (`SyntaxError`, `IndentationError`, `TabError`), the message,
//! the 1-based line and column and the text of the offending line.

mod codegen;
mod control;
pub mod errors;
mod expr;
mod funcs;
mod patterns;
pub mod scan;
pub mod symtable;
mod unit;

use std::fmt;
use std::rc::Rc;

use ruff_python_ast as ast;
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::bytecode::CodeObject;

/// What the source is: a module (`exec`), one expression (`eval`) or one
/// interactive statement (`single`: expression statements print).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Exec,
    Eval,
    Single,
}

/// The Python exception class a compile error becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// Code nested too deeply to compile (CPython's `RecursionError`).
    RecursionError,
}

impl ErrorKind {
    /// The exception class name.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
            ErrorKind::RecursionError => "RecursionError",
        }
    }
}

/// A compile-time error, with CPython's message and position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub kind: ErrorKind,
    pub msg: String,
    pub filename: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column (in characters) of the caret's start.
    pub col: u32,
    /// 1-based, exclusive end column of the caret on `end_line`.
    pub end_line: u32,
    pub end_col: u32,
    /// The source line `line`, without its newline.
    pub text: String,
}

impl fmt::Display for CompileError {
    /// The last lines of CPython's report: `  File ..., line N`, the source
    /// line, the carets, then `Kind: msg`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.kind == ErrorKind::RecursionError {
            return write!(f, "{}: {}", self.kind.name(), self.msg);
        }
        writeln!(f, "  File \"{}\", line {}", self.filename, self.line)?;
        let trimmed = self.text.trim_start();
        if !trimmed.is_empty() {
            let indent = self.text.chars().count() - trimmed.chars().count();
            let text = trimmed.trim_end();
            writeln!(f, "    {text}")?;
            let start = (self.col as usize).saturating_sub(1 + indent);
            let width = if self.end_line == self.line && self.end_col > self.col {
                (self.end_col - self.col) as usize
            } else if self.end_line > self.line {
                // A range over several lines is marked to the end of its first.
                text.chars().count().saturating_sub(start)
            } else {
                1
            };
            let width = width.min(text.chars().count().saturating_sub(start).max(1));
            writeln!(f, "    {}{}", " ".repeat(start), "^".repeat(width))?;
        }
        write!(f, "{}: {}", self.kind.name(), self.msg)
    }
}

impl std::error::Error for CompileError {}

/// Compile `source` (named `filename` in code objects and errors).
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<Rc<CodeObject>, CompileError> {
    let lines = codegen::LineIndex::new(source);
    let make_error = |kind: ErrorKind, msg: String, range: TextRange| {
        let (line, col) = lines.position(source, range.start().to_usize());
        let (end_line, end_col) = lines.position(source, range.end().to_usize());
        CompileError {
            kind,
            msg,
            filename: filename.to_string(),
            line,
            col: col + 1,
            end_line,
            end_col: end_col + 1,
            text: lines.line_text(source, line).to_string(),
        }
    };
    if let Some(e) = tab_error(source) {
        return Err(make_error(ErrorKind::TabError, e.0, e.1));
    }
    // Too deep bracket or block nesting is refused before parsing, as
    // CPython's tokenizer does; this also bounds the parser's recursion.
    let tokens = scan::scan(source);
    if let Some(p) = tokens.problem {
        let refused = matches!(
            p,
            scan::Problem::TooDeep { .. } | scan::Problem::TooManyIndents { .. }
        );
        if refused || tokens.too_deep {
            let (kind, msg, range) = errors::from_scan_problem(p);
            return Err(make_error(kind, msg, range));
        }
    }
    let body: Vec<ast::Stmt> = match mode {
        Mode::Exec | Mode::Single => match ruff_python_parser::parse_module(source) {
            Ok(p) => p.into_syntax().body.into_iter().collect(),
            Err(e) => {
                let (kind, msg, range) = errors::from_parse_error(source, &e);
                return Err(make_error(kind, msg, range));
            }
        },
        Mode::Eval => match ruff_python_parser::parse_expression(source.trim_start()) {
            Ok(p) => {
                let offset = (source.len() - source.trim_start().len()) as u32;
                let _ = offset;
                let expr = *p.into_syntax().body;
                vec![ast::Stmt::Expr(ast::StmtExpr {
                    node_index: Default::default(),
                    range: expr.range(),
                    value: Box::new(expr),
                })]
            }
            Err(e) => {
                let (kind, msg, range) = errors::from_parse_error(source, &e);
                return Err(make_error(kind, msg, range));
            }
        },
    };
    let future_annotations = has_future_annotations(&body);
    let table = match symtable::build(&body, future_annotations) {
        Ok(t) => t,
        Err(e) => return Err(make_error(e.kind, e.msg, e.range)),
    };
    let mut c = codegen::Compiler {
        src: source,
        filename: filename.to_string(),
        lines: codegen::LineIndex::new(source),
        table,
        units: Vec::new(),
        interactive: mode == Mode::Single,
    };
    c.enter_unit(0, "<module>", "<module>".into(), 1);
    let result = if mode == Mode::Eval {
        let ast::Stmt::Expr(e) = &body[0] else {
            unreachable!()
        };
        c.expr(&e.value)
            .map(|_| c.emit(crate::bytecode::Op::ReturnValue, 0))
    } else {
        c.module(&body)
    };
    if let Err(e) = result {
        return Err(make_error(ErrorKind::SyntaxError, e.msg, e.range));
    }
    c.leave_unit()
        .map_err(|e| make_error(ErrorKind::SyntaxError, e.msg, e.range))
}

/// True if the module starts (after its docstring) with
/// `from __future__ import annotations`.
fn has_future_annotations(body: &[ast::Stmt]) -> bool {
    for (i, s) in body.iter().enumerate() {
        match s {
            ast::Stmt::Expr(e) if i == 0 && e.value.is_string_literal_expr() => continue,
            ast::Stmt::ImportFrom(f)
                if f.module
                    .as_ref()
                    .is_some_and(|m| m.id.as_str() == "__future__") =>
            {
                if f.names.iter().any(|a| a.name.id.as_str() == "annotations") {
                    return true;
                }
            }
            _ => return false,
        }
    }
    false
}

/// CPython's TabError: indentation whose meaning depends on the tab size.
/// Lines are compared pairwise by their (tabs-as-1, tabs-as-8) widths.
fn tab_error(source: &str) -> Option<(String, TextRange)> {
    let mut prev: Option<(usize, usize)> = None;
    let mut offset = 0usize;
    let mut depth = 0i32;
    for line in source.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim_start_matches([' ', '\t']);
        if depth > 0 || trimmed.trim().is_empty() || trimmed.starts_with('#') {
            depth += bracket_delta(line);
            continue;
        }
        let indent = &line[..line.len() - trimmed.len()];
        let width = |tab: usize| {
            indent.chars().fold(0, |w, c| {
                if c == '\t' {
                    (w / tab + 1) * tab
                } else {
                    w + 1
                }
            })
        };
        let cur = (width(1), width(8));
        if let Some(p) = prev {
            let ord1 = cur.0.cmp(&p.0);
            let ord8 = cur.1.cmp(&p.1);
            if ord1 != ord8 {
                let r = TextRange::at(
                    TextSize::new(start as u32),
                    TextSize::new(indent.len() as u32),
                );
                return Some((
                    "inconsistent use of tabs and spaces in indentation".into(),
                    r,
                ));
            }
        }
        prev = Some(cur);
        depth += bracket_delta(line);
    }
    None
}

/// Rough bracket balance of a line (strings and comments ignored), to skip
/// continuation lines.
fn bracket_delta(line: &str) -> i32 {
    let mut d = 0;
    let mut quote: Option<char> = None;
    for c in line.chars() {
        match quote {
            Some(q) => {
                if c == q {
                    quote = None;
                }
            }
            None => match c {
                '#' => break,
                '\'' | '"' => quote = Some(c),
                '(' | '[' | '{' => d += 1,
                ')' | ']' | '}' => d -= 1,
                _ => {}
            },
        }
    }
    d
}

//! Code generation core: the compiler state, scopes, name resolution, and
//! simple statements. Expressions are in `expr.rs`, functions/classes/
//! comprehensions in `funcs.rs`, loops/try/with and unwinding in
//! `control.rs`.
//!
//! # Approach
//! One [`Compiler`] per module holds a stack of code units (one per scope
//! being compiled). Each unit knows its symbol-table scope, so every name
//! use is turned into the right `*_FAST`/`*_DEREF`/`*_GLOBAL`/`*_NAME` op.
//! `fblocks` records the enclosing loops, `try`s, `with`s and handlers of
//! the point being compiled, so `break`, `continue` and `return` can emit
//! the cleanup code (finally bodies, `__exit__` calls, `POP_EXCEPT`) on
//! their way out.

use std::rc::Rc;

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::symtable::{ScopeKind, SymbolTable, Where};
use super::unit::{Label, Unit};
use crate::bytecode::{code_flags, CodeObject, Constant, Location, Op};

/// A compile error before it is given a file and line text.
#[derive(Debug)]
pub struct GenError {
    pub msg: String,
    pub range: TextRange,
}

pub type GenResult<T = ()> = Result<T, GenError>;

/// Source position lookup: byte offset → (line, character column).
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(src: &str) -> LineIndex {
        let mut starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i + 1);
            }
        }
        LineIndex { starts }
    }

    /// 1-based line and 0-based character column of byte `offset`.
    pub fn position(&self, src: &str, offset: usize) -> (u32, u32) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1) - 1;
        let start = self.starts[line];
        let end = offset.min(src.len());
        let col = src.get(start..end).map_or(0, |s| s.chars().count());
        (line as u32 + 1, col as u32)
    }

    /// The text of 1-based `line`, without the newline.
    pub fn line_text<'a>(&self, src: &'a str, line: u32) -> &'a str {
        let i = (line as usize).saturating_sub(1);
        let Some(&start) = self.starts.get(i) else {
            return "";
        };
        let end = self.starts.get(i + 1).map_or(src.len(), |&e| e);
        src[start..end].trim_end_matches(['\n', '\r'])
    }
}

/// What a `break`/`continue`/`return` must clean up when leaving a block.
#[derive(Clone, Debug)]
pub enum FBlock {
    /// A `while` loop.
    WhileLoop { cont: Label, brk: Label },
    /// A `for` loop: the iterator is on the stack.
    ForLoop { cont: Label, brk: Label },
    /// The body of `try` with a `finally`: run the finally body.
    TryFinally { body: Rc<Vec<Stmt>> },
    /// The exceptional finally body: `lasti, prev_exc, exc` on the stack.
    FinallyEnd,
    /// An except body: `prev_exc` on the stack, and maybe a bound name.
    HandlerCleanup { name: Option<String> },
    /// A `with` body: the bound `__exit__` is on the stack.
    With,
    /// An `async with` body: the bound `__aexit__` is on the stack.
    AsyncWith,
}

/// A code unit being compiled.
pub struct UnitState {
    pub unit: Unit,
    pub scope: usize,
    /// Enclosing blocks, each with the handler regions open outside it.
    pub fblocks: Vec<(FBlock, Vec<usize>)>,
    pub qualname: String,
    /// Deref names: cellvars ++ freevars.
    pub derefs: Vec<String>,
}

/// The compiler of one module.
pub struct Compiler<'s> {
    pub src: &'s str,
    pub filename: String,
    pub lines: LineIndex,
    pub table: SymbolTable,
    pub units: Vec<UnitState>,
    pub interactive: bool,
}

/// How a name is used.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    Load,
    Store,
    Del,
}

impl<'s> Compiler<'s> {
    pub fn err<T>(&self, msg: impl Into<String>, range: TextRange) -> GenResult<T> {
        Err(GenError {
            msg: msg.into(),
            range,
        })
    }

    pub fn u(&mut self) -> &mut Unit {
        &mut self.units.last_mut().unwrap().unit
    }

    pub fn st(&mut self) -> &mut UnitState {
        self.units.last_mut().unwrap()
    }

    /// True inside the body of an `async def`.
    pub fn in_async_function(&self) -> bool {
        let scope = &self.table.scopes[self.units.last().unwrap().scope];
        scope.kind == ScopeKind::Function && scope.is_coroutine
    }

    pub fn scope_kind(&self) -> ScopeKind {
        self.table.scopes[self.units.last().unwrap().scope].kind
    }

    pub fn emit(&mut self, op: Op, arg: u32) {
        self.u().emit(op, arg);
    }

    pub fn new_label(&mut self) -> Label {
        self.u().new_label()
    }

    pub fn bind(&mut self, l: Label) {
        self.u().bind(l);
    }

    pub fn load_const(&mut self, c: Constant) {
        self.u().load_const(c);
    }

    /// Set the location of the instructions emitted next.
    pub fn set_loc(&mut self, range: TextRange) {
        let (line, col) = self.lines.position(self.src, range.start().to_usize());
        let (end_line, end_col) = self.lines.position(self.src, range.end().to_usize());
        self.u().loc = Location {
            line,
            end_line,
            col,
            end_col,
        };
    }

    pub fn line_of(&self, range: TextRange) -> u32 {
        self.lines.position(self.src, range.start().to_usize()).0
    }

    /// Start a new code unit for scope `scope`.
    pub fn enter_unit(&mut self, scope: usize, name: &str, qualname: String, first_line: u32) {
        let s = &self.table.scopes[scope];
        let mut code = CodeObject {
            name: name.to_string(),
            qualname: qualname.clone(),
            filename: self.filename.clone(),
            first_line,
            ..CodeObject::default()
        };
        if s.is_function_like() {
            code.varnames = s.params.clone();
            for l in s.locals() {
                if !code.varnames.contains(l) {
                    code.varnames.push(l.clone());
                }
            }
        } else {
            code.flags |= code_flags::MODULE_OR_CLASS;
        }
        code.cellvars = s.cells();
        if s.kind == ScopeKind::Class && s.needs_class_cell {
            code.cellvars = vec!["__class__".into()];
        }
        code.freevars = s.frees();
        if s.nested {
            code.flags |= code_flags::NESTED;
        }
        if s.is_generator && s.is_coroutine {
            code.flags |= code_flags::ASYNC_GENERATOR;
        } else if s.is_coroutine {
            code.flags |= code_flags::COROUTINE;
        } else if s.is_generator {
            code.flags |= code_flags::GENERATOR;
        }
        if self.table.future_annotations {
            code.flags |= code_flags::FUTURE_ANNOTATIONS;
        }
        let derefs = code
            .cellvars
            .iter()
            .chain(code.freevars.iter())
            .cloned()
            .collect();
        let mut unit = Unit::new(code);
        unit.loc = Location {
            line: first_line,
            end_line: first_line,
            col: 0,
            end_col: 0,
        };
        self.units.push(UnitState {
            unit,
            scope,
            fblocks: Vec::new(),
            qualname,
            derefs,
        });
        // Arguments captured by inner scopes move into their cells.
        let params = self.table.scopes[scope].params.clone();
        for (i, p) in params.iter().enumerate() {
            if self.table.scopes[scope].lookup(p) == Where::Cell {
                let d = self.deref_index(p);
                self.emit(Op::LoadFast, i as u32);
                self.emit(Op::StoreDeref, d);
            }
        }
    }

    /// Finish the current unit and return its code object.
    pub fn leave_unit(&mut self) -> GenResult<Rc<CodeObject>> {
        let st = self.units.pop().unwrap();
        match st.unit.finish() {
            Ok(code) => Ok(Rc::new(code)),
            Err(msg) => Err(GenError {
                msg: format!("internal compiler error: {msg}"),
                range: TextRange::default(),
            }),
        }
    }

    pub fn deref_index(&self, name: &str) -> u32 {
        let st = self.units.last().unwrap();
        st.derefs.iter().position(|n| n == name).unwrap_or(0) as u32
    }

    /// Emit the load/store/delete of a variable.
    pub fn name_op(&mut self, name: &str, ctx: Ctx) {
        let scope = &self.table.scopes[self.units.last().unwrap().scope];
        let kind = scope.kind;
        let w = scope.lookup(name);
        let free_class = scope.is_free_class(name);
        let (fast, deref, global, named) = match ctx {
            Ctx::Load => (Op::LoadFast, Op::LoadDeref, Op::LoadGlobal, Op::LoadName),
            Ctx::Store => (
                Op::StoreFast,
                Op::StoreDeref,
                Op::StoreGlobal,
                Op::StoreName,
            ),
            Ctx::Del => (
                Op::DeleteFast,
                Op::DeleteDeref,
                Op::DeleteGlobal,
                Op::DeleteName,
            ),
        };
        let function_like = !matches!(kind, ScopeKind::Module | ScopeKind::Class);
        match w {
            Where::Local if function_like => {
                let i = self.u().code.varnames.iter().position(|n| n == name);
                let i = match i {
                    Some(i) => i,
                    None => {
                        self.u().code.varnames.push(name.to_string());
                        self.u().code.varnames.len() - 1
                    }
                };
                self.emit(fast, i as u32);
            }
            Where::Cell | Where::Free if !(kind == ScopeKind::Class && free_class) => {
                let d = self.deref_index(name);
                let op = if kind == ScopeKind::Class && ctx == Ctx::Load {
                    Op::LoadClassDeref
                } else {
                    deref
                };
                self.emit(op, d);
            }
            Where::GlobalExplicit => {
                let i = self.u().name_index(name);
                self.emit(global, i);
            }
            Where::GlobalImplicit if function_like => {
                let i = self.u().name_index(name);
                self.emit(global, i);
            }
            _ => {
                let i = self.u().name_index(name);
                self.emit(named, i);
            }
        }
    }

    /// Compile a module body.
    pub fn module(&mut self, body: &[Stmt]) -> GenResult {
        let body = self.docstring(body, true);
        if has_annotations(body) {
            self.emit(Op::SetupAnnotations, 0);
        }
        if self.interactive {
            for s in body {
                if let Stmt::Expr(e) = s {
                    self.set_loc(e.range);
                    self.expr(&e.value)?;
                    self.emit(Op::PrintExpr, 0);
                } else {
                    self.stmt(s)?;
                }
            }
        } else {
            self.stmts(body)?;
        }
        self.load_const(Constant::None);
        self.emit(Op::ReturnValue, 0);
        Ok(())
    }

    /// Strip a leading docstring: record it, and in module/class bodies
    /// store it as `__doc__`.
    pub fn docstring<'a>(&mut self, body: &'a [Stmt], store: bool) -> &'a [Stmt] {
        if let Some(Stmt::Expr(e)) = body.first() {
            if let Expr::StringLiteral(s) = &*e.value {
                let doc = s.value.to_str().to_string();
                self.u().code.docstring = Some(doc.clone());
                if store {
                    self.set_loc(e.range);
                    self.load_const(Constant::Str(doc));
                    self.name_op("__doc__", Ctx::Store);
                }
                return &body[1..];
            }
        }
        body
    }

    pub fn stmts(&mut self, body: &[Stmt]) -> GenResult {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub fn stmt(&mut self, s: &Stmt) -> GenResult {
        self.set_loc(s.range());
        match s {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(c) => self.class_def(c),
            Stmt::Return(r) => {
                if !self.table.scopes[self.units.last().unwrap().scope].is_function_like()
                    || self.scope_kind() == ScopeKind::Comprehension
                {
                    return self.err("'return' outside function", r.range);
                }
                let scope = &self.table.scopes[self.units.last().unwrap().scope];
                if scope.is_coroutine && scope.is_generator && r.value.is_some() {
                    return self.err("'return' with value in async generator", r.range);
                }
                match &r.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::None),
                }
                let open = self.u().open_handlers();
                self.unwind_all(true)?;
                self.set_loc(r.range);
                self.emit(Op::ReturnValue, 0);
                self.restore_after_return(open);
                Ok(())
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete(t)?;
                }
                Ok(())
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < a.targets.len() {
                        self.emit(Op::Copy, 1);
                    }
                    self.store(t)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.aug_assign(a),
            Stmt::AnnAssign(a) => self.ann_assign(a),
            Stmt::TypeAlias(t) => self.err("type aliases are not supported", t.range),
            Stmt::For(f) => self.for_stmt(f),
            Stmt::While(w) => self.while_stmt(w),
            Stmt::If(i) => self.if_stmt(i),
            Stmt::With(w) => {
                if w.is_async {
                    if !self.in_async_function() {
                        return self.err("'async with' outside async function", w.range);
                    }
                }
                self.with_stmt(&w.items, &w.body, w.is_async)
            }
            Stmt::Match(m) => self.match_stmt(m),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.set_loc(r.range);
                self.emit(Op::RaiseVarargs, n);
                Ok(())
            }
            Stmt::Try(t) => {
                if t.is_star {
                    return self.err("'except*' is not supported", t.range);
                }
                self.try_stmt(t)
            }
            Stmt::Assert(a) => {
                let end = self.new_label();
                self.cond_jump(&a.test, true, end)?;
                self.set_loc(a.range);
                self.emit(Op::LoadAssertionError, 0);
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                    self.emit(Op::Call, 1);
                }
                self.emit(Op::RaiseVarargs, 1);
                self.bind(end);
                Ok(())
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    self.set_loc(a.range);
                    self.load_const(Constant::Int(0));
                    self.load_const(Constant::None);
                    let ni = self.u().name_index(&a.name.id);
                    self.emit(Op::ImportName, ni);
                    match &a.asname {
                        Some(asname) => {
                            let parts: Vec<&str> = a.name.id.split('.').collect();
                            if parts.len() > 1 {
                                for p in &parts[1..parts.len() - 1] {
                                    let pi = self.u().name_index(p);
                                    self.emit(Op::ImportFrom, pi);
                                    self.emit(Op::Swap, 2);
                                    self.emit(Op::PopTop, 0);
                                }
                                let last = self.u().name_index(parts[parts.len() - 1]);
                                self.emit(Op::ImportFrom, last);
                                self.emit(Op::Swap, 2);
                                self.emit(Op::PopTop, 0);
                            }
                            self.name_op(&asname.id, Ctx::Store);
                        }
                        None => {
                            let top = a.name.id.split('.').next().unwrap_or("").to_string();
                            self.name_op(&top, Ctx::Store);
                        }
                    }
                }
                Ok(())
            }
            Stmt::ImportFrom(i) => self.import_from(i),
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Pass(_) => Ok(()),
            Stmt::Expr(e) => {
                if self.interactive && self.units.len() == 1 {
                    self.expr(&e.value)?;
                    self.emit(Op::PrintExpr, 0);
                    return Ok(());
                }
                if is_constant_expr(&e.value) {
                    return Ok(());
                }
                self.expr(&e.value)?;
                self.emit(Op::PopTop, 0);
                Ok(())
            }
            Stmt::Break(b) => self.break_continue(true, b.range),
            Stmt::Continue(c) => self.break_continue(false, c.range),
            Stmt::IpyEscapeCommand(c) => self.err("invalid syntax", c.range),
        }
    }

    fn import_from(&mut self, i: &ast::StmtImportFrom) -> GenResult {
        let module = i
            .module
            .as_ref()
            .map_or(String::new(), |m| m.id.to_string());
        if module == "__future__" {
            for a in &i.names {
                let n = a.name.id.as_str();
                if !matches!(
                    n,
                    "annotations"
                        | "generators"
                        | "division"
                        | "absolute_import"
                        | "with_statement"
                        | "print_function"
                        | "unicode_literals"
                        | "nested_scopes"
                        | "generator_stop"
                ) {
                    if n == "braces" {
                        return self.err("not a chance", a.range);
                    }
                    return self.err(format!("future feature {n} is not defined"), a.range);
                }
            }
        }
        self.load_const(Constant::Int(i.level as i64));
        let star = i.names.iter().any(|a| a.name.id.as_str() == "*");
        let names: Vec<Constant> = i
            .names
            .iter()
            .map(|a| Constant::Str(a.name.id.to_string()))
            .collect();
        self.load_const(Constant::Tuple(names));
        let mi = self.u().name_index(&module);
        self.emit(Op::ImportName, mi);
        if star {
            self.emit(Op::ImportStar, 0);
            return Ok(());
        }
        for a in &i.names {
            self.set_loc(a.range);
            let ni = self.u().name_index(&a.name.id);
            self.emit(Op::ImportFrom, ni);
            let target = a.asname.as_ref().unwrap_or(&a.name);
            self.name_op(&target.id, Ctx::Store);
        }
        self.emit(Op::PopTop, 0);
        Ok(())
    }

    fn aug_assign(&mut self, a: &ast::StmtAugAssign) -> GenResult {
        let op = super::expr::binop_arg(a.op) + crate::bytecode::BinOp::INPLACE;
        match &*a.target {
            Expr::Name(n) => {
                self.name_op(&n.id, Ctx::Load);
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.emit(Op::BinaryOp, op);
                self.name_op(&n.id, Ctx::Store);
            }
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit(Op::Copy, 1);
                let ni = self.u().name_index(&at.attr.id);
                self.emit(Op::LoadAttr, ni);
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.emit(Op::BinaryOp, op);
                self.emit(Op::Swap, 2);
                self.emit(Op::StoreAttr, ni);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::Copy, 2);
                self.emit(Op::Copy, 2);
                self.emit(Op::BinarySubscr, 0);
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.emit(Op::BinaryOp, op);
                self.emit(Op::Swap, 3);
                self.emit(Op::Swap, 2);
                self.emit(Op::StoreSubscr, 0);
            }
            other => {
                return self.err(
                    "'expression' is an illegal expression for augmented assignment",
                    other.range(),
                )
            }
        }
        Ok(())
    }

    /// The annotation as a value: evaluated, or its source text under
    /// `from __future__ import annotations`.
    pub fn annotation(&mut self, e: &Expr) -> GenResult {
        if self.table.future_annotations {
            let text =
                self.src[e.range().start().to_usize()..e.range().end().to_usize()].to_string();
            self.load_const(Constant::Str(text));
            Ok(())
        } else {
            self.expr(e)
        }
    }

    fn ann_assign(&mut self, a: &ast::StmtAnnAssign) -> GenResult {
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.store(&a.target)?;
        }
        let module_or_class = matches!(self.scope_kind(), ScopeKind::Module | ScopeKind::Class);
        match &*a.target {
            Expr::Name(n) if a.simple && module_or_class => {
                self.annotation(&a.annotation)?;
                self.name_op("__annotations__", Ctx::Load);
                self.load_const(Constant::Str(n.id.to_string()));
                self.emit(Op::StoreSubscr, 0);
            }
            Expr::Name(_) => {}
            other => {
                // Non-simple targets: evaluate the target's parts, as CPython does.
                if a.value.is_none() {
                    match other {
                        Expr::Attribute(at) => {
                            self.expr(&at.value)?;
                            self.emit(Op::PopTop, 0);
                        }
                        Expr::Subscript(s) => {
                            self.expr(&s.value)?;
                            self.emit(Op::PopTop, 0);
                            self.expr(&s.slice)?;
                            self.emit(Op::PopTop, 0);
                        }
                        _ => {}
                    }
                }
                if module_or_class && !self.table.future_annotations {
                    self.expr(&a.annotation)?;
                    self.emit(Op::PopTop, 0);
                }
            }
        }
        Ok(())
    }

    fn if_stmt(&mut self, i: &ast::StmtIf) -> GenResult {
        let end = self.new_label();
        let mut next = self.new_label();
        self.cond_jump(&i.test, false, next)?;
        self.stmts(&i.body)?;
        for c in &i.elif_else_clauses {
            if !self.u().last_is_terminator() {
                self.u().jump(Op::Jump, end);
            }
            self.bind(next);
            next = self.new_label();
            if let Some(t) = &c.test {
                self.set_loc(c.range);
                self.cond_jump(t, false, next)?;
            }
            self.stmts(&c.body)?;
        }
        self.bind(next);
        self.bind(end);
        Ok(())
    }

    /// Store TOS into an assignment target.
    pub fn store(&mut self, t: &Expr) -> GenResult {
        match t {
            Expr::Name(n) => {
                self.check_forbidden(&n.id, n.range)?;
                self.name_op(&n.id, Ctx::Store);
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_loc(a.range);
                let ni = self.u().name_index(&a.attr.id);
                self.emit(Op::StoreAttr, ni);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_loc(s.range);
                self.emit(Op::StoreSubscr, 0);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                self.unpack_targets(elts, t.range())?;
            }
            Expr::Starred(s) => {
                return self.err(
                    "starred assignment target must be in a list or tuple",
                    s.range,
                )
            }
            other => {
                let what = super::errors::describe_expr(other);
                return self.err(format!("cannot assign to {what}"), other.range());
            }
        }
        Ok(())
    }

    fn unpack_targets(&mut self, elts: &[Expr], range: TextRange) -> GenResult {
        let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
        match star {
            None => self.emit(Op::UnpackSequence, elts.len() as u32),
            Some(i) => {
                if elts
                    .iter()
                    .filter(|e| matches!(e, Expr::Starred(_)))
                    .count()
                    > 1
                {
                    return self.err("multiple starred expressions in assignment", range);
                }
                let after = elts.len() - i - 1;
                if i > 255 || after > 255 {
                    return self.err("too many expressions in star-unpacking assignment", range);
                }
                self.emit(Op::UnpackEx, (i | (after << 8)) as u32);
            }
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.store(&s.value)?,
                other => self.store(other)?,
            }
        }
        Ok(())
    }

    fn delete(&mut self, t: &Expr) -> GenResult {
        self.set_loc(t.range());
        match t {
            Expr::Name(n) => self.name_op(&n.id, Ctx::Del),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let ni = self.u().name_index(&a.attr.id);
                self.emit(Op::DeleteAttr, ni);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::DeleteSubscr, 0);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.delete(e)?;
                }
            }
            other => {
                let what = super::errors::describe_expr(other);
                return self.err(format!("cannot delete {what}"), other.range());
            }
        }
        Ok(())
    }

    pub fn check_forbidden(&self, name: &str, range: TextRange) -> GenResult {
        if name == "__debug__" {
            return self.err("cannot assign to __debug__", range);
        }
        Ok(())
    }
}

/// True if the body (outside nested functions and classes) has an
/// annotated assignment to a simple name.
pub fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::If(i) => {
            has_annotations(&i.body) || i.elif_else_clauses.iter().any(|c| has_annotations(&c.body))
        }
        Stmt::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        Stmt::While(w) => has_annotations(&w.body) || has_annotations(&w.orelse),
        Stmt::With(w) => has_annotations(&w.body),
        Stmt::Match(m) => m.cases.iter().any(|c| has_annotations(&c.body)),
        Stmt::Try(t) => {
            has_annotations(&t.body)
                || has_annotations(&t.orelse)
                || has_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    has_annotations(&h.body)
                })
        }
        _ => false,
    })
}

/// Constant expression statements (docstring-like) compile to nothing.
fn is_constant_expr(e: &Expr) -> bool {
    matches!(
        e,
        Expr::StringLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::BytesLiteral(_)
    )
}

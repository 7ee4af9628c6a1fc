//! Loops, `try`, `with`, and the unwinding done by `break`, `continue` and
//! `return`.
//!
//! # Approach
//! Handlers follow CPython 3.11's layout, with Kiln's exception table (see
//! `bytecode.rs`). For `try/except`:
//!
//! ```text
//!     <body>                 region -> H (depth d)
//!     <else>; JUMP end
//! H:  PUSH_EXC_INFO          (prev, exc)      region -> C (depth d, lasti)
//!     <type>; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE next
//!     STORE e | POP_TOP; <handler body>; POP_EXCEPT; JUMP end
//! next: ... RERAISE 0
//! C:  COPY 3; POP_EXCEPT; RERAISE 1   (prev, lasti, exc2)
//! ```
//!
//! `finally` bodies are compiled twice: inline on the normal path (and at
//! every `break`/`continue`/`return` that leaves the `try`), and once in
//! the handler, which re-raises. `with` calls `__exit__(None, None, None)`
//! on the normal path and `WITH_EXCEPT_START` on the exceptional one.
//!
//! Unwinding code runs with the handler regions that were open *outside*
//! the block being left, so an exception in a finally body or `__exit__`
//! does not re-enter the same handler.

use std::rc::Rc;

use ruff_python_ast::{self as ast, Stmt};
use ruff_text_size::TextRange;

use super::codegen::{Compiler, Ctx, FBlock, GenResult};
use crate::bytecode::{Constant, Op};

impl<'s> Compiler<'s> {
    fn push_fblock(&mut self, fb: FBlock, outer: Vec<usize>) {
        self.st().fblocks.push((fb, outer));
    }

    fn pop_fblock(&mut self) {
        self.st().fblocks.pop();
    }

    pub fn while_stmt(&mut self, w: &ast::StmtWhile) -> GenResult {
        let top = self.new_label();
        let orelse = self.new_label();
        let end = self.new_label();
        self.bind(top);
        let always = matches!(&*w.test, ast::Expr::BooleanLiteral(b) if b.value)
            || matches!(&*w.test, ast::Expr::NumberLiteral(n) if matches!(&n.value, ast::Number::Int(i) if i.as_i64() != Some(0)));
        if !always {
            self.cond_jump(&w.test, false, orelse)?;
        }
        let outer = self.u().open_handlers();
        self.push_fblock(
            FBlock::WhileLoop {
                cont: top,
                brk: end,
            },
            outer,
        );
        self.stmts(&w.body)?;
        self.pop_fblock();
        self.u().jump(Op::JumpBackward, top);
        self.bind(orelse);
        self.stmts(&w.orelse)?;
        self.bind(end);
        Ok(())
    }

    pub fn for_stmt(&mut self, f: &ast::StmtFor) -> GenResult {
        if f.is_async {
            return self.async_for_stmt(f);
        }
        self.expr(&f.iter)?;
        self.set_loc(f.range);
        self.emit(Op::GetIter, 0);
        let top = self.new_label();
        let exhausted = self.new_label();
        let end = self.new_label();
        self.bind(top);
        self.u().jump(Op::ForIter, exhausted);
        self.store(&f.target)?;
        let outer = self.u().open_handlers();
        self.push_fblock(
            FBlock::ForLoop {
                cont: top,
                brk: end,
            },
            outer,
        );
        self.stmts(&f.body)?;
        self.pop_fblock();
        self.set_loc(f.range);
        self.u().jump(Op::JumpBackward, top);
        self.bind(exhausted);
        self.stmts(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    /// `async for`: `GET_AITER`, then per step `GET_ANEXT` awaited in a
    /// region whose handler `END_ASYNC_FOR` ends the loop on
    /// StopAsyncIteration. The async iterator stays on the stack like a
    /// `for` loop's iterator.
    fn async_for_stmt(&mut self, f: &ast::StmtFor) -> GenResult {
        if !self.in_async_function() {
            return self.err("'async for' outside async function", f.range);
        }
        self.expr(&f.iter)?;
        self.set_loc(f.range);
        self.emit(Op::GetAiter, 0);
        let top = self.new_label();
        let exhausted = self.new_label();
        let end = self.new_label();
        self.bind(top);
        self.async_next(exhausted);
        self.store(&f.target)?;
        let outer = self.u().open_handlers();
        self.push_fblock(
            FBlock::ForLoop {
                cont: top,
                brk: end,
            },
            outer,
        );
        self.stmts(&f.body)?;
        self.pop_fblock();
        self.set_loc(f.range);
        self.u().jump(Op::JumpBackward, top);
        self.bind(exhausted);
        self.emit(Op::EndAsyncFor, 0);
        self.stmts(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    /// `(aiter -- aiter, value)`: await the next item; StopAsyncIteration
    /// goes to `handler` with `(aiter, exc)`.
    pub fn async_next(&mut self, handler: super::unit::Label) {
        self.u().push_handler(handler, false);
        self.emit(Op::GetAnext, 0);
        self.load_const(Constant::None);
        self.delegate_loop();
        self.u().pop_handler();
    }

    /// `(x -- result)`: `await x`, the TypeError chosen by `kind` (see
    /// `GET_AWAITABLE`).
    pub fn await_value(&mut self, kind: u32) {
        self.emit(Op::GetAwaitable, kind);
        self.load_const(Constant::None);
        self.delegate_loop();
    }

    pub fn break_continue(&mut self, is_break: bool, range: TextRange) -> GenResult {
        let st = self.units.last().unwrap();
        let loop_index = st
            .fblocks
            .iter()
            .rposition(|(fb, _)| matches!(fb, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }));
        let Some(li) = loop_index else {
            return if is_break {
                self.err("'break' outside loop", range)
            } else {
                self.err("'continue' not properly in loop", range)
            };
        };
        let saved_blocks = self.st().fblocks.clone();
        let saved_open = self.u().open_handlers();
        for i in (li + 1..saved_blocks.len()).rev() {
            self.unwind(i, &saved_blocks, false)?;
        }
        let (fb, outer) = saved_blocks[li].clone();
        self.u().set_open_handlers(outer);
        self.set_loc(range);
        match fb {
            FBlock::WhileLoop { cont, brk } => {
                if is_break {
                    self.u().jump(Op::Jump, brk);
                } else {
                    self.u().jump_to(cont);
                }
            }
            FBlock::ForLoop { cont, brk } => {
                if is_break {
                    self.emit(Op::PopTop, 0);
                    self.u().jump(Op::Jump, brk);
                } else {
                    self.u().jump_to(cont);
                }
            }
            _ => unreachable!(),
        }
        self.st().fblocks = saved_blocks;
        self.u().set_open_handlers(saved_open);
        Ok(())
    }

    /// Unwind every block before a `return`; the return value is TOS if
    /// `preserve_tos`.
    pub fn unwind_all(&mut self, preserve_tos: bool) -> GenResult {
        let saved_blocks = self.st().fblocks.clone();
        let saved_open = self.u().open_handlers();
        for i in (0..saved_blocks.len()).rev() {
            self.unwind(i, &saved_blocks, preserve_tos)?;
        }
        if let Some((_, outer)) = saved_blocks.first() {
            self.u().set_open_handlers(outer.clone());
        }
        self.st().fblocks = saved_blocks;
        // The caller emits the final RETURN_VALUE under the outermost
        // state; restore for the code that follows it.
        let _ = saved_open;
        Ok(())
    }

    /// Restore the handler state after a `return` emitted by `unwind_all`.
    pub fn restore_after_return(&mut self, open: Vec<usize>) {
        self.u().set_open_handlers(open);
    }

    /// Emit the cleanup of block `i` of `blocks`.
    fn unwind(
        &mut self,
        i: usize,
        blocks: &[(FBlock, Vec<usize>)],
        preserve_tos: bool,
    ) -> GenResult {
        let (fb, outer) = blocks[i].clone();
        self.u().set_open_handlers(outer);
        match fb {
            FBlock::WhileLoop { .. } => {}
            FBlock::ForLoop { .. } => {
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.emit(Op::PopTop, 0);
            }
            FBlock::TryFinally { body } => {
                self.st().fblocks = blocks[..i].to_vec();
                self.stmts(&body)?;
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                    self.emit(Op::PopTop, 0);
                    self.emit(Op::Swap, 2);
                    self.emit(Op::PopExcept, 0);
                    self.emit(Op::Swap, 2);
                    self.emit(Op::PopTop, 0);
                } else {
                    self.emit(Op::PopTop, 0);
                    self.emit(Op::PopExcept, 0);
                    self.emit(Op::PopTop, 0);
                }
            }
            FBlock::HandlerCleanup { name } => {
                if let Some(n) = &name {
                    self.load_const(Constant::None);
                    self.name_op(n, Ctx::Store);
                    self.name_op(n, Ctx::Del);
                }
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.emit(Op::PopExcept, 0);
            }
            FBlock::With | FBlock::AsyncWith => {
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.call_exit_none(matches!(fb, FBlock::AsyncWith));
            }
        }
        Ok(())
    }

    /// `(exit -- )`: call `exit(None, None, None)` (awaiting the result for
    /// `async with`) and drop the result.
    fn call_exit_none(&mut self, is_async: bool) {
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit(Op::Call, 3);
        if is_async {
            self.await_value(2);
        }
        self.emit(Op::PopTop, 0);
    }

    /// `COPY 3; POP_EXCEPT; RERAISE 1` at `label`.
    fn emit_cleanup(&mut self, label: super::unit::Label) {
        self.bind(label);
        self.emit(Op::Copy, 3);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 1);
    }

    pub fn try_stmt(&mut self, t: &ast::StmtTry) -> GenResult {
        if t.finalbody.is_empty() {
            return self.try_except(&t.body, &t.handlers, &t.orelse);
        }
        let end = self.new_label();
        let handler = self.new_label();
        let outer = self.u().open_handlers();
        self.u().push_handler(handler, true);
        let body: Rc<Vec<Stmt>> = Rc::new(t.finalbody.iter().cloned().collect());
        self.push_fblock(FBlock::TryFinally { body }, outer.clone());
        if t.handlers.is_empty() {
            self.stmts(&t.body)?;
            self.stmts(&t.orelse)?;
        } else {
            self.try_except(&t.body, &t.handlers, &t.orelse)?;
        }
        self.pop_fblock();
        self.u().pop_handler();
        self.stmts(&t.finalbody)?;
        self.u().jump(Op::Jump, end);
        // Exceptional path: (lasti, exc).
        self.bind(handler);
        let cleanup = self.new_label();
        let outer2 = self.u().open_handlers();
        self.u().push_handler(cleanup, true);
        self.emit(Op::PushExcInfo, 0);
        self.push_fblock(FBlock::FinallyEnd, outer2);
        self.stmts(&t.finalbody)?;
        self.pop_fblock();
        self.emit(Op::Reraise, 0);
        self.u().pop_handler();
        self.emit_cleanup(cleanup);
        self.bind(end);
        Ok(())
    }

    fn try_except(
        &mut self,
        body: &[Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[Stmt],
    ) -> GenResult {
        let handler = self.new_label();
        let end = self.new_label();
        self.u().push_handler(handler, false);
        self.stmts(body)?;
        self.u().pop_handler();
        self.stmts(orelse)?;
        self.u().jump(Op::Jump, end);
        // (exc)
        self.bind(handler);
        let cleanup = self.new_label();
        let outer = self.u().open_handlers();
        self.u().push_handler(cleanup, true);
        self.emit(Op::PushExcInfo, 0);
        for (i, h) in handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            let next = self.new_label();
            match &h.type_ {
                Some(ty) => {
                    self.expr(ty)?;
                    self.emit(Op::CheckExcMatch, 0);
                    self.u().jump(Op::PopJumpIfFalse, next);
                }
                None => {
                    if i + 1 < handlers.len() {
                        return self.err("default 'except:' must be last", h.range);
                    }
                }
            }
            match &h.name {
                Some(name) => {
                    let name = name.id.to_string();
                    self.name_op(&name, Ctx::Store);
                    let body_cleanup = self.new_label();
                    let outer_body = self.u().open_handlers();
                    self.u().push_handler(body_cleanup, true);
                    self.push_fblock(
                        FBlock::HandlerCleanup {
                            name: Some(name.clone()),
                        },
                        outer_body,
                    );
                    self.stmts(&h.body)?;
                    self.pop_fblock();
                    self.u().pop_handler();
                    self.emit(Op::PopExcept, 0);
                    self.load_const(Constant::None);
                    self.name_op(&name, Ctx::Store);
                    self.name_op(&name, Ctx::Del);
                    self.u().jump(Op::Jump, end);
                    // (prev, lasti, exc2)
                    self.bind(body_cleanup);
                    self.load_const(Constant::None);
                    self.name_op(&name, Ctx::Store);
                    self.name_op(&name, Ctx::Del);
                    self.emit(Op::Reraise, 1);
                }
                None => {
                    self.emit(Op::PopTop, 0);
                    let outer_body = self.u().open_handlers();
                    self.push_fblock(FBlock::HandlerCleanup { name: None }, outer_body);
                    self.stmts(&h.body)?;
                    self.pop_fblock();
                    self.emit(Op::PopExcept, 0);
                    self.u().jump(Op::Jump, end);
                }
            }
            self.bind(next);
        }
        self.emit(Op::Reraise, 0);
        self.u().pop_handler();
        let _ = outer;
        self.emit_cleanup(cleanup);
        self.bind(end);
        Ok(())
    }

    /// `with` and `async with` (which awaits the `__aenter__` and
    /// `__aexit__` results), one item at a time.
    pub fn with_stmt(
        &mut self,
        items: &[ast::WithItem],
        body: &[Stmt],
        is_async: bool,
    ) -> GenResult {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        self.expr(&item.context_expr)?;
        self.set_loc(item.range);
        if is_async {
            self.emit(Op::BeforeAsyncWith, 0);
            self.await_value(1);
        } else {
            self.emit(Op::BeforeWith, 0);
        }
        match &item.optional_vars {
            Some(v) => self.store(v)?,
            None => self.emit(Op::PopTop, 0),
        }
        let handler = self.new_label();
        let end = self.new_label();
        let outer = self.u().open_handlers();
        self.u().push_handler(handler, true);
        let fb = if is_async {
            FBlock::AsyncWith
        } else {
            FBlock::With
        };
        self.push_fblock(fb, outer);
        self.with_stmt(rest, body, is_async)?;
        self.pop_fblock();
        self.u().pop_handler();
        self.set_loc(item.range);
        self.call_exit_none(is_async);
        self.u().jump(Op::Jump, end);
        // (exit, lasti, exc)
        self.bind(handler);
        let cleanup = self.new_label();
        let suppress = self.new_label();
        self.u().push_handler(cleanup, true);
        self.emit(Op::PushExcInfo, 0);
        self.emit(Op::WithExceptStart, 0);
        if is_async {
            self.await_value(2);
        }
        self.u().jump(Op::PopJumpIfTrue, suppress);
        self.emit(Op::Reraise, 2);
        self.bind(suppress);
        self.emit(Op::PopTop, 0);
        self.emit(Op::PopExcept, 0);
        self.u().pop_handler();
        self.emit(Op::PopTop, 0);
        self.emit(Op::PopTop, 0);
        self.u().jump(Op::Jump, end);
        self.emit_cleanup(cleanup);
        self.bind(end);
        Ok(())
    }
}

//! Functions, lambdas, classes and comprehensions: everything that makes a
//! nested code object and a `MAKE_FUNCTION`.
//!
//! # Approach
//! The enclosing unit evaluates decorators, defaults, keyword-only
//! defaults and annotations (in that order, as CPython does), then the
//! closure tuple (`LOAD_CLOSURE` of each of the child's free variables),
//! then `MAKE_FUNCTION`. A class body is a function run by
//! `__build_class__` with a namespace as its locals. A comprehension is a
//! function of one argument `.0` (the iterator of its first `for`), called
//! immediately.

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};

use super::codegen::{has_annotations, Compiler, Ctx, GenResult};
use super::symtable::ScopeKind;
use crate::bytecode::{code_flags, make_function, CodeObject, Constant, Op};

impl<'s> Compiler<'s> {
    /// The `__qualname__` of a child named `name` of the current unit.
    fn child_qualname(&self, name: &str) -> String {
        let st = self.units.last().unwrap();
        let scope = &self.table.scopes[st.scope];
        match scope.kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{}", st.qualname, name),
            _ => format!("{}.<locals>.{}", st.qualname, name),
        }
    }

    /// Push defaults, kw-defaults and annotations; return the
    /// `MAKE_FUNCTION` flags.
    fn function_parts(
        &mut self,
        p: Option<&ast::Parameters>,
        returns: Option<&Expr>,
    ) -> GenResult<u32> {
        let mut flags = 0;
        if let Some(p) = p {
            let defaults: Vec<&Expr> = p
                .posonlyargs
                .iter()
                .chain(p.args.iter())
                .filter_map(|a| a.default.as_deref())
                .collect();
            if !defaults.is_empty() {
                for d in &defaults {
                    self.expr(d)?;
                }
                self.emit(Op::BuildTuple, defaults.len() as u32);
                flags |= make_function::DEFAULTS;
            }
            let kwd: Vec<&ast::ParameterWithDefault> = p
                .kwonlyargs
                .iter()
                .filter(|a| a.default.is_some())
                .collect();
            if !kwd.is_empty() {
                for a in &kwd {
                    self.load_const(Constant::Str(a.parameter.name.id.to_string()));
                    self.expr(a.default.as_ref().unwrap())?;
                }
                self.emit(Op::BuildMap, kwd.len() as u32);
                flags |= make_function::KWDEFAULTS;
            }
        }
        let mut n = 0;
        if let Some(p) = p {
            let mut anns: Vec<(&str, &Expr)> = Vec::new();
            for a in p.posonlyargs.iter().chain(p.args.iter()) {
                if let Some(an) = &a.parameter.annotation {
                    anns.push((&a.parameter.name.id, an));
                }
            }
            if let Some(v) = &p.vararg {
                if let Some(an) = &v.annotation {
                    anns.push((&v.name.id, an));
                }
            }
            for a in p.kwonlyargs.iter() {
                if let Some(an) = &a.parameter.annotation {
                    anns.push((&a.parameter.name.id, an));
                }
            }
            if let Some(k) = &p.kwarg {
                if let Some(an) = &k.annotation {
                    anns.push((&k.name.id, an));
                }
            }
            for (name, an) in anns {
                self.load_const(Constant::Str(name.to_string()));
                self.annotation(an)?;
                n += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(Constant::Str("return".into()));
            self.annotation(r)?;
            n += 1;
        }
        if n > 0 {
            self.emit(Op::BuildMap, n);
            flags |= make_function::ANNOTATIONS;
        }
        Ok(flags)
    }

    fn set_arg_counts(code: &mut CodeObject, p: Option<&ast::Parameters>) {
        let Some(p) = p else { return };
        code.posonlyargcount = p.posonlyargs.len() as u32;
        code.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
        code.kwonlyargcount = p.kwonlyargs.len() as u32;
        if p.vararg.is_some() {
            code.flags |= code_flags::VARARGS;
        }
        if p.kwarg.is_some() {
            code.flags |= code_flags::VARKEYWORDS;
        }
    }

    /// Push the closure (if any) and the code, then `MAKE_FUNCTION`.
    fn make_function(&mut self, code: std::rc::Rc<CodeObject>, mut flags: u32) {
        if !code.freevars.is_empty() {
            for name in &code.freevars {
                let d = self.deref_index(name);
                self.emit(Op::LoadClosure, d);
            }
            self.emit(Op::BuildTuple, code.freevars.len() as u32);
            flags |= make_function::CLOSURE;
        }
        self.load_const(Constant::Code(code));
        self.emit(Op::MakeFunction, flags);
    }

    fn check_params(&self, p: &ast::Parameters) -> GenResult {
        let mut seen = std::collections::HashSet::new();
        for a in p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
        {
            let n = &a.parameter.name;
            if !seen.insert(n.id.as_str()) {
                return self.err(
                    format!("duplicate argument '{}' in function definition", n.id),
                    n.range,
                );
            }
        }
        for v in p.vararg.iter().chain(p.kwarg.iter()) {
            if !seen.insert(v.name.id.as_str()) {
                return self.err(
                    format!("duplicate argument '{}' in function definition", v.name.id),
                    v.name.range,
                );
            }
        }
        Ok(())
    }

    pub fn function_def(&mut self, f: &ast::StmtFunctionDef) -> GenResult {
        if f.type_params.is_some() {
            return self.err("type parameters are not supported", f.range);
        }
        self.check_params(&f.parameters)?;
        for d in &f.decorator_list {
            self.expr(&d.expression)?;
        }
        self.set_loc(f.range);
        let flags = self.function_parts(Some(&f.parameters), f.returns.as_deref())?;
        let scope = self.table.scope_of(f.range);
        let qualname = self.child_qualname(&f.name.id);
        let def_line = self.line_of(f.name.range);
        let first_line = f
            .decorator_list
            .first()
            .map_or(def_line, |d| self.line_of(d.range));
        self.enter_unit(scope, &f.name.id, qualname, first_line);
        Self::set_arg_counts(&mut self.u().code, Some(&f.parameters));
        let body = self.docstring(&f.body, false);
        self.stmts(body)?;
        self.load_const(Constant::None);
        self.emit(Op::ReturnValue, 0);
        let code = self.leave_unit()?;
        self.set_loc(f.range);
        self.make_function(code, flags);
        for _ in &f.decorator_list {
            self.emit(Op::Call, 1);
        }
        self.name_op(&f.name.id, Ctx::Store);
        Ok(())
    }

    pub fn lambda(&mut self, l: &ast::ExprLambda) -> GenResult {
        if let Some(p) = &l.parameters {
            self.check_params(p)?;
        }
        let flags = self.function_parts(l.parameters.as_deref(), None)?;
        let scope = self.table.scope_of(l.range);
        let qualname = self.child_qualname("<lambda>");
        let line = self.line_of(l.range);
        self.enter_unit(scope, "<lambda>", qualname, line);
        Self::set_arg_counts(&mut self.u().code, l.parameters.as_deref());
        self.expr(&l.body)?;
        self.emit(Op::ReturnValue, 0);
        let code = self.leave_unit()?;
        self.set_loc(l.range);
        self.make_function(code, flags);
        Ok(())
    }

    pub fn class_def(&mut self, c: &ast::StmtClassDef) -> GenResult {
        if c.type_params.is_some() {
            return self.err("type parameters are not supported", c.range);
        }
        for d in &c.decorator_list {
            self.expr(&d.expression)?;
        }
        self.set_loc(c.range);
        self.emit(Op::LoadBuildClass, 0);
        let scope = self.table.scope_of(c.range);
        let qualname = self.child_qualname(&c.name.id);
        let def_line = self.line_of(c.name.range);
        let first_line = c
            .decorator_list
            .first()
            .map_or(def_line, |d| self.line_of(d.range));
        self.enter_unit(scope, &c.name.id, qualname.clone(), first_line);
        self.name_op("__name__", Ctx::Load);
        self.name_op("__module__", Ctx::Store);
        self.load_const(Constant::Str(qualname));
        self.name_op("__qualname__", Ctx::Store);
        let body = self.docstring(&c.body, true);
        if has_annotations(body) {
            self.emit(Op::SetupAnnotations, 0);
        }
        self.stmts(body)?;
        if self.table.scopes[scope].needs_class_cell {
            self.emit(Op::LoadClosure, 0);
            self.name_op("__classcell__", Ctx::Store);
        }
        self.load_const(Constant::None);
        self.emit(Op::ReturnValue, 0);
        let code = self.leave_unit()?;
        self.set_loc(c.range);
        self.make_function(code, 0);
        self.load_const(Constant::Str(c.name.id.to_string()));
        let (bases, keywords): (&[Expr], &[ast::Keyword]) = match &c.arguments {
            Some(a) => (&a.args, &a.keywords),
            None => (&[], &[]),
        };
        self.call_args(2, bases, keywords, c.range)?;
        for _ in &c.decorator_list {
            self.emit(Op::Call, 1);
        }
        self.name_op(&c.name.id, Ctx::Store);
        Ok(())
    }

    /// Compile a comprehension or generator expression `e`.
    pub fn comprehension(
        &mut self,
        e: &Expr,
        name: &str,
        gens: &[ast::Comprehension],
    ) -> GenResult {
        let scope = self.table.scope_of(e.range());
        let is_gen = matches!(e, Expr::Generator(_));
        // A comprehension with `async for` or `await` is a coroutine (an
        // async generator for a generator expression) that the enclosing
        // code awaits.
        let is_async = self.table.scopes[scope].is_coroutine;
        if is_async && !is_gen {
            let outer = &self.table.scopes[self.units.last().unwrap().scope];
            let ok = outer.is_coroutine
                && matches!(outer.kind, ScopeKind::Function | ScopeKind::Comprehension);
            if !ok {
                return self.err(
                    "asynchronous comprehension outside of an asynchronous function",
                    e.range(),
                );
            }
        }
        let qualname = self.child_qualname(name);
        let line = self.line_of(e.range());
        self.enter_unit(scope, name, qualname, line);
        self.u().code.argcount = 1;
        match e {
            Expr::ListComp(_) => self.emit(Op::BuildList, 0),
            Expr::SetComp(_) => self.emit(Op::BuildSet, 0),
            Expr::DictComp(_) => self.emit(Op::BuildMap, 0),
            _ => {}
        }
        self.comp_loop(e, gens, 0, is_gen)?;
        if is_gen {
            self.load_const(Constant::None);
        }
        self.emit(Op::ReturnValue, 0);
        let code = self.leave_unit()?;
        self.set_loc(e.range());
        self.make_function(code, 0);
        self.expr(&gens[0].iter)?;
        self.emit(
            if gens[0].is_async {
                Op::GetAiter
            } else {
                Op::GetIter
            },
            0,
        );
        self.set_loc(e.range());
        self.emit(Op::Call, 1);
        if is_async && !is_gen {
            self.await_value(0);
        }
        Ok(())
    }

    fn comp_loop(
        &mut self,
        e: &Expr,
        gens: &[ast::Comprehension],
        i: usize,
        is_gen: bool,
    ) -> GenResult {
        let g = &gens[i];
        if i == 0 {
            self.emit(Op::LoadFast, 0);
        } else {
            self.expr(&g.iter)?;
            self.emit(
                if g.is_async {
                    Op::GetAiter
                } else {
                    Op::GetIter
                },
                0,
            );
        }
        let top = self.new_label();
        let end = self.new_label();
        let skip = self.new_label();
        self.bind(top);
        if g.is_async {
            self.async_next(end);
        } else {
            self.u().jump(Op::ForIter, end);
        }
        self.store(&g.target)?;
        for cond in &g.ifs {
            self.cond_jump(cond, false, skip)?;
        }
        if i + 1 < gens.len() {
            self.comp_loop(e, gens, i + 1, is_gen)?;
        } else {
            let depth = gens.len() as u32 + 1;
            match e {
                Expr::ListComp(c) => {
                    self.expr(&c.elt)?;
                    self.emit(Op::ListAppend, depth);
                }
                Expr::SetComp(c) => {
                    self.expr(&c.elt)?;
                    self.emit(Op::SetAdd, depth);
                }
                Expr::DictComp(c) => {
                    let Some(key) = &c.key else {
                        return self.err(
                            "dict unpacking cannot be used in dict comprehension",
                            c.range,
                        );
                    };
                    self.expr(key)?;
                    self.expr(&c.value)?;
                    self.emit(Op::MapAdd, depth);
                }
                Expr::Generator(c) => {
                    self.expr(&c.elt)?;
                    self.emit(Op::YieldValue, 0);
                    self.emit(Op::PopTop, 0);
                }
                _ => unreachable!(),
            }
        }
        self.bind(skip);
        self.u().jump(Op::JumpBackward, top);
        self.bind(end);
        if g.is_async {
            self.emit(Op::EndAsyncFor, 0);
        }
        let _ = TextRange::default();
        Ok(())
    }
}

//! Symbol tables: which scope every name belongs to.
//!
//! # Problem
//! The code generator must know, for each name use, whether it is a fast
//! local, a cell, a free variable from an enclosing function, an explicit or
//! implicit global, or (in module and class bodies) a name looked up in the
//! locals mapping.
//!
//! # Approach
//! Two passes, as CPython does. [`build`] walks the AST once and records per
//! scope the flags of every name (bound, used, parameter, declared global or
//! nonlocal). Then `analyze` walks the scope tree top-down with the set of
//! names bound by enclosing *function* scopes (class bodies do not enclose
//! their methods' names) and bottom-up with the free names children need: a
//! name free in a child and local here becomes a cell here; a name free in a
//! child and not local here is passed through as free.
//!
//! Scopes: module, class, function, lambda, and comprehension (each
//! comprehension and generator expression is its own function scope whose
//! first iterable is evaluated outside it). A method that uses `super` or
//! `__class__` gets a free `__class__`, which the enclosing class provides
//! as a cell. A walrus target in a comprehension binds in the nearest
//! enclosing non-comprehension scope.
//!
//! Scopes are identified by the text range of their AST node.

use std::collections::{HashMap, HashSet};

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::ErrorKind;

/// What kind of code a scope compiles to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

/// Where a name lives at run time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Where {
    /// A fast local (function scopes) or a locals-mapping name (module/class).
    Local,
    /// Declared `global`.
    GlobalExplicit,
    /// Not bound anywhere in enclosing functions: a global or builtin.
    GlobalImplicit,
    /// A cell owned by an enclosing function.
    Free,
    /// Local here and captured by an inner scope.
    Cell,
}

const DEF_LOCAL: u32 = 1;
const DEF_PARAM: u32 = 2;
const DEF_GLOBAL: u32 = 4;
const DEF_NONLOCAL: u32 = 8;
const USE: u32 = 16;
/// A class-body name that a child needs from an enclosing function.
const DEF_FREE_CLASS: u32 = 32;

/// The symbols of one scope.
#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    /// Names in first-seen order.
    pub order: Vec<String>,
    flags: HashMap<String, u32>,
    resolved: HashMap<String, Where>,
    pub children: Vec<usize>,
    /// Parameter names in order (function scopes).
    pub params: Vec<String>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    pub nested: bool,
    /// The class body must create a `__class__` cell.
    pub needs_class_cell: bool,
    /// The body contains `yield` or `await`-free `return value` (for errors).
    pub has_return_value: bool,
    pub line: u32,
}

impl Scope {
    fn new(kind: ScopeKind, name: String) -> Scope {
        Scope {
            kind,
            name,
            order: Vec::new(),
            flags: HashMap::new(),
            resolved: HashMap::new(),
            children: Vec::new(),
            params: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            nested: false,
            needs_class_cell: false,
            has_return_value: false,
            line: 0,
        }
    }

    fn add(&mut self, name: &str, flag: u32) {
        match self.flags.get_mut(name) {
            Some(f) => *f |= flag,
            None => {
                self.order.push(name.to_string());
                self.flags.insert(name.to_string(), flag);
            }
        }
    }

    /// Where `name` lives in this scope (unknown names are implicit globals).
    pub fn lookup(&self, name: &str) -> Where {
        self.resolved
            .get(name)
            .copied()
            .unwrap_or(Where::GlobalImplicit)
    }

    /// True if this scope runs with fast locals (not a locals mapping).
    pub fn is_function_like(&self) -> bool {
        matches!(
            self.kind,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        )
    }

    /// Local (non-parameter) variables in first-seen order.
    pub fn locals(&self) -> impl Iterator<Item = &String> {
        self.order.iter().filter(move |n| {
            matches!(self.resolved.get(*n), Some(Where::Local)) && self.flags[*n] & DEF_PARAM == 0
        })
    }

    /// Cell names, sorted (as CPython does).
    pub fn cells(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .resolved
            .iter()
            .filter(|(_, w)| **w == Where::Cell)
            .map(|(n, _)| n.clone())
            .collect();
        v.sort();
        v
    }

    /// Free names, sorted; for a class this includes pass-through names.
    pub fn frees(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .resolved
            .iter()
            .filter(|(n, w)| **w == Where::Free || self.is_free_class(n))
            .map(|(n, _)| n.clone())
            .collect();
        v.sort();
        v
    }

    /// A class-body name that is also passed to children as free.
    pub fn is_free_class(&self, name: &str) -> bool {
        self.flags
            .get(name)
            .is_some_and(|f| f & DEF_FREE_CLASS != 0)
    }
}

/// A semantic error found while building the table.
#[derive(Debug)]
pub struct SymError {
    pub kind: ErrorKind,
    pub msg: String,
    pub range: TextRange,
}

/// How deep statements and expressions may nest: CPython's default
/// recursion limit (1000) times its `COMPILER_STACK_FRAME_SCALE` (3).
/// Deeper code raises `RecursionError: maximum recursion depth exceeded
/// during compilation`, as CPython's symbol table does, and so also bounds
/// the native recursion of the code generator.
pub const MAX_NESTING: usize = 3000;

/// All scopes of a module; scope 0 is the module.
#[derive(Debug)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_range: HashMap<(u32, u32), usize>,
    pub future_annotations: bool,
}

impl SymbolTable {
    /// The scope created by the AST node with this range.
    pub fn scope_of(&self, range: TextRange) -> usize {
        self.by_range[&(range.start().to_u32(), range.end().to_u32())]
    }
}

struct Builder {
    scopes: Vec<Scope>,
    stack: Vec<usize>,
    by_range: HashMap<(u32, u32), usize>,
    error: Option<SymError>,
    future_annotations: bool,
    /// Statements and expressions being visited (see [`MAX_NESTING`]).
    depth: usize,
}

/// Build and analyze the symbol table of a module body.
pub fn build(body: &[Stmt], future_annotations: bool) -> Result<SymbolTable, SymError> {
    let mut b = Builder {
        scopes: vec![Scope::new(ScopeKind::Module, "top".into())],
        stack: vec![0],
        by_range: HashMap::new(),
        error: None,
        future_annotations,
        depth: 0,
    };
    b.stmts(body);
    if let Some(e) = b.error {
        return Err(e);
    }
    let mut scopes = b.scopes;
    analyze(&mut scopes, 0, &HashSet::new())?;
    Ok(SymbolTable {
        scopes,
        by_range: b.by_range,
        future_annotations,
    })
}

/// Resolve scope `id` given the names bound by enclosing functions; returns
/// the names free in `id` (which its parent must provide).
fn analyze(
    scopes: &mut Vec<Scope>,
    id: usize,
    enclosing: &HashSet<String>,
) -> Result<HashSet<String>, SymError> {
    let kind = scopes[id].kind;
    let names: Vec<(String, u32)> = scopes[id]
        .order
        .iter()
        .map(|n| (n.clone(), scopes[id].flags[n]))
        .collect();
    let mut local_here = HashSet::new();
    for (name, f) in &names {
        let w = if f & DEF_GLOBAL != 0 {
            Where::GlobalExplicit
        } else if f & DEF_NONLOCAL != 0 {
            if !enclosing.contains(name) {
                return Err(SymError {
                    kind: ErrorKind::SyntaxError,
                    msg: format!("no binding for nonlocal '{name}' found"),
                    range: TextRange::default(),
                });
            }
            Where::Free
        } else if f & (DEF_LOCAL | DEF_PARAM) != 0 {
            local_here.insert(name.clone());
            Where::Local
        } else if kind != ScopeKind::Module && enclosing.contains(name) {
            Where::Free
        } else {
            Where::GlobalImplicit
        };
        scopes[id].resolved.insert(name.clone(), w);
    }
    // Names visible to children as enclosing bindings.
    let mut child_enclosing = enclosing.clone();
    match kind {
        ScopeKind::Module => {}
        ScopeKind::Class => {
            child_enclosing.insert("__class__".into());
        }
        _ => {
            for n in &local_here {
                child_enclosing.insert(n.clone());
            }
            // A global declaration hides an enclosing binding.
            for (name, f) in &names {
                if f & DEF_GLOBAL != 0 {
                    child_enclosing.remove(name);
                }
            }
        }
    }
    let children = scopes[id].children.clone();
    let mut child_free = HashSet::new();
    for c in children {
        child_free.extend(analyze(scopes, c, &child_enclosing)?);
    }
    let mut free = HashSet::new();
    for name in child_free {
        let here = scopes[id].resolved.get(&name).copied();
        match (kind, here) {
            (ScopeKind::Class, _) if name == "__class__" => {
                scopes[id].needs_class_cell = true;
            }
            (ScopeKind::Class, Some(Where::Local)) => {
                // The class binds it in its namespace, but children see the
                // enclosing function's cell.
                *scopes[id].flags.get_mut(&name).unwrap() |= DEF_FREE_CLASS;
                free.insert(name);
            }
            (ScopeKind::Module, _) => {}
            (_, Some(Where::Local)) => {
                scopes[id].resolved.insert(name, Where::Cell);
            }
            (_, Some(Where::Cell)) => {}
            (_, Some(Where::GlobalExplicit)) => {}
            _ => {
                if scopes[id].resolved.get(&name).is_none() {
                    scopes[id].order.push(name.clone());
                    scopes[id].flags.insert(name.clone(), 0);
                }
                scopes[id].resolved.insert(name.clone(), Where::Free);
                free.insert(name);
            }
        }
    }
    for (name, w) in scopes[id].resolved.iter() {
        if *w == Where::Free {
            free.insert(name.clone());
        }
    }
    Ok(free)
}

impl Builder {
    fn cur(&mut self) -> &mut Scope {
        let i = *self.stack.last().unwrap();
        &mut self.scopes[i]
    }

    fn fail(&mut self, msg: String, range: TextRange) {
        if self.error.is_none() {
            self.error = Some(SymError {
                kind: ErrorKind::SyntaxError,
                msg,
                range,
            });
        }
    }

    fn push_scope(&mut self, kind: ScopeKind, name: &str, range: TextRange) {
        let parent = *self.stack.last().unwrap();
        let nested = self.scopes[parent].nested || self.scopes[parent].is_function_like();
        let mut s = Scope::new(kind, name.to_string());
        s.nested = nested;
        let id = self.scopes.len();
        self.scopes.push(s);
        self.scopes[parent].children.push(id);
        self.by_range
            .insert((range.start().to_u32(), range.end().to_u32()), id);
        self.stack.push(id);
    }

    fn pop_scope(&mut self) {
        self.stack.pop();
    }

    fn bind(&mut self, name: &str) {
        self.cur().add(name, DEF_LOCAL);
    }

    fn use_name(&mut self, name: &str) {
        self.cur().add(name, USE);
        if name == "super" || name == "__class__" {
            // Zero-argument super() needs the class cell, when inside a class.
            let in_class = self
                .stack
                .iter()
                .rev()
                .skip(1)
                .any(|&s| self.scopes[s].kind == ScopeKind::Class);
            if self.cur().is_function_like() && in_class {
                self.cur().add("__class__", USE);
                let i = *self.stack.last().unwrap();
                // Resolved as free during analysis through the class binding.
                let _ = i;
            }
        }
    }

    fn stmts(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn annotation(&mut self, e: &Expr) {
        if !self.future_annotations {
            self.expr(e);
        }
    }

    fn parameters(&mut self, p: &ast::Parameters) {
        // Defaults and annotations are evaluated in the enclosing scope.
        for a in p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
        {
            if let Some(d) = &a.default {
                self.expr(d);
            }
        }
        for a in p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
        {
            if let Some(an) = &a.parameter.annotation {
                self.annotation(an);
            }
        }
        for a in p.vararg.iter().chain(p.kwarg.iter()) {
            if let Some(an) = &a.annotation {
                self.annotation(an);
            }
        }
    }

    fn declare_params(&mut self, p: &ast::Parameters) {
        let mut names = Vec::new();
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            names.push(a.parameter.name.id.to_string());
        }
        for a in p.kwonlyargs.iter() {
            names.push(a.parameter.name.id.to_string());
        }
        if let Some(v) = &p.vararg {
            names.push(v.name.id.to_string());
        }
        if let Some(k) = &p.kwarg {
            names.push(k.name.id.to_string());
        }
        for n in &names {
            self.cur().add(n, DEF_PARAM);
        }
        self.cur().params = names;
    }

    /// Count one more level of nesting; false (and the error recorded)
    /// past [`MAX_NESTING`], or once any error is recorded.
    fn enter(&mut self, range: TextRange) -> bool {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            if self
                .error
                .as_ref()
                .is_none_or(|e| e.kind != ErrorKind::RecursionError)
            {
                self.error = Some(SymError {
                    kind: ErrorKind::RecursionError,
                    msg: "maximum recursion depth exceeded during compilation".into(),
                    range,
                });
            }
            return false;
        }
        true
    }

    fn stmt(&mut self, s: &Stmt) {
        if self.enter(s.range()) {
            self.stmt_inner(s);
        }
        self.depth -= 1;
    }

    fn stmt_inner(&mut self, s: &Stmt) {
        match s {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(&d.expression);
                }
                self.parameters(&f.parameters);
                if let Some(r) = &f.returns {
                    self.annotation(r);
                }
                self.bind(&f.name.id);
                self.push_scope(ScopeKind::Function, &f.name.id, f.range);
                self.cur().line = 0;
                self.cur().is_coroutine = f.is_async;
                self.declare_params(&f.parameters);
                self.stmts(&f.body);
                self.pop_scope();
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(&d.expression);
                }
                if let Some(a) = &c.arguments {
                    self.arguments(a);
                }
                self.bind(&c.name.id);
                self.push_scope(ScopeKind::Class, &c.name.id, c.range);
                self.stmts(&c.body);
                self.pop_scope();
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.cur().has_return_value = true;
                    self.expr(v);
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.expr(t);
                }
            }
            Stmt::Assign(a) => {
                self.expr(&a.value);
                for t in &a.targets {
                    self.expr(t);
                }
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.value);
                if let Expr::Name(n) = &*a.target {
                    self.use_name(&n.id);
                }
                self.expr(&a.target);
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v);
                }
                if let Expr::Name(n) = &*a.target {
                    if self
                        .cur()
                        .flags
                        .get(n.id.as_str())
                        .is_some_and(|f| f & (DEF_GLOBAL | DEF_NONLOCAL) != 0)
                        && a.simple
                    {
                        let kw = if self.cur().flags[n.id.as_str()] & DEF_GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        self.fail(format!("annotated name '{}' can't be {kw}", n.id), a.range);
                    }
                    self.bind(&n.id);
                } else {
                    self.expr(&a.target);
                }
                let is_function = self.cur().is_function_like();
                if !is_function {
                    self.annotation(&a.annotation);
                }
            }
            Stmt::TypeAlias(t) => self.fail("type aliases are not supported".into(), t.range),
            Stmt::For(f) => {
                self.expr(&f.iter);
                self.expr(&f.target);
                self.stmts(&f.body);
                self.stmts(&f.orelse);
            }
            Stmt::While(w) => {
                self.expr(&w.test);
                self.stmts(&w.body);
                self.stmts(&w.orelse);
            }
            Stmt::If(i) => {
                self.expr(&i.test);
                self.stmts(&i.body);
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t);
                    }
                    self.stmts(&c.body);
                }
            }
            Stmt::With(w) => {
                for it in &w.items {
                    self.expr(&it.context_expr);
                    if let Some(v) = &it.optional_vars {
                        self.expr(v);
                    }
                }
                self.stmts(&w.body);
            }
            Stmt::Match(m) => {
                self.expr(&m.subject);
                for case in &m.cases {
                    self.pattern(&case.pattern);
                    if let Some(g) = &case.guard {
                        self.expr(g);
                    }
                    self.stmts(&case.body);
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e);
                }
                if let Some(c) = &r.cause {
                    self.expr(c);
                }
            }
            Stmt::Try(t) => {
                self.stmts(&t.body);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty);
                    }
                    if let Some(n) = &h.name {
                        self.bind(&n.id);
                    }
                    self.stmts(&h.body);
                }
                self.stmts(&t.orelse);
                self.stmts(&t.finalbody);
            }
            Stmt::Assert(a) => {
                self.expr(&a.test);
                if let Some(m) = &a.msg {
                    self.expr(m);
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let name = match &a.asname {
                        Some(n) => n.id.to_string(),
                        None => a.name.id.split('.').next().unwrap_or("").to_string(),
                    };
                    self.bind(&name);
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if a.name.id.as_str() == "*" {
                        if self.cur().kind != ScopeKind::Module {
                            self.fail("import * only allowed at module level".into(), i.range);
                        }
                        continue;
                    }
                    let name = a.asname.as_ref().unwrap_or(&a.name);
                    self.bind(&name.id);
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    let prev = self.cur().flags.get(n.id.as_str()).copied().unwrap_or(0);
                    let name = &n.id;
                    if prev & DEF_PARAM != 0 {
                        self.fail(format!("name '{name}' is parameter and global"), n.range);
                    } else if prev & DEF_NONLOCAL != 0 {
                        self.fail(format!("name '{name}' is nonlocal and global"), n.range);
                    } else if prev & DEF_LOCAL != 0 {
                        self.fail(
                            format!("name '{name}' is assigned to before global declaration"),
                            n.range,
                        );
                    } else if prev & USE != 0 {
                        self.fail(
                            format!("name '{name}' is used prior to global declaration"),
                            n.range,
                        );
                    }
                    self.cur().add(name, DEF_GLOBAL);
                }
            }
            Stmt::Nonlocal(g) => {
                if self.cur().kind == ScopeKind::Module {
                    self.fail(
                        "nonlocal declaration not allowed at module level".into(),
                        g.range,
                    );
                }
                for n in &g.names {
                    let prev = self.cur().flags.get(n.id.as_str()).copied().unwrap_or(0);
                    let name = &n.id;
                    if prev & DEF_PARAM != 0 {
                        self.fail(format!("name '{name}' is parameter and nonlocal"), n.range);
                    } else if prev & DEF_GLOBAL != 0 {
                        self.fail(format!("name '{name}' is nonlocal and global"), n.range);
                    } else if prev & DEF_LOCAL != 0 {
                        self.fail(
                            format!("name '{name}' is assigned to before nonlocal declaration"),
                            n.range,
                        );
                    } else if prev & USE != 0 {
                        self.fail(
                            format!("name '{name}' is used prior to nonlocal declaration"),
                            n.range,
                        );
                    }
                    self.cur().add(name, DEF_NONLOCAL);
                }
            }
            Stmt::Expr(e) => self.expr(&e.value),
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::IpyEscapeCommand(c) => self.fail("invalid syntax".into(), c.range),
        }
    }

    /// A `case` pattern: capture targets are bindings, value patterns,
    /// mapping keys and class names are uses.
    fn pattern(&mut self, p: &ast::Pattern) {
        if !self.enter(p.range()) {
            self.depth -= 1;
            return;
        }
        match p {
            ast::Pattern::MatchValue(v) => self.expr(&v.value),
            ast::Pattern::MatchSingleton(_) => {}
            ast::Pattern::MatchSequence(s) => s.patterns.iter().for_each(|p| self.pattern(p)),
            ast::Pattern::MatchMapping(m) => {
                for k in &m.keys {
                    self.expr(k);
                }
                m.patterns.iter().for_each(|p| self.pattern(p));
                if let Some(r) = &m.rest {
                    self.bind(&r.id);
                }
            }
            ast::Pattern::MatchClass(c) => {
                self.expr(&c.cls);
                c.arguments.patterns.iter().for_each(|p| self.pattern(p));
                for k in &c.arguments.keywords {
                    self.pattern(&k.pattern);
                }
            }
            ast::Pattern::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.bind(&n.id);
                }
            }
            ast::Pattern::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(p);
                }
                if let Some(n) = &a.name {
                    self.bind(&n.id);
                }
            }
            ast::Pattern::MatchOr(o) => o.patterns.iter().for_each(|p| self.pattern(p)),
        }
        self.depth -= 1;
    }

    fn arguments(&mut self, a: &ast::Arguments) {
        for e in a.args.iter() {
            self.expr(e);
        }
        for k in a.keywords.iter() {
            self.expr(&k.value);
        }
    }

    fn comprehension(
        &mut self,
        name: &str,
        range: TextRange,
        gens: &[ast::Comprehension],
        elts: &[&Expr],
        is_gen: bool,
    ) {
        // The first iterable belongs to the enclosing scope.
        self.expr(&gens[0].iter);
        self.push_scope(ScopeKind::Comprehension, name, range);
        self.cur().is_generator = is_gen;
        if gens.iter().any(|g| g.is_async) {
            self.cur().is_coroutine = true;
        }
        self.cur().add(".0", DEF_PARAM);
        self.cur().params = vec![".0".into()];
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter);
            }
            self.expr(&g.target);
            for c in &g.ifs {
                self.expr(c);
            }
        }
        for e in elts {
            self.expr(e);
        }
        // An async comprehension is awaited by an enclosing comprehension,
        // which becomes async too.
        let inner_async = self.cur().is_coroutine && !is_gen;
        self.pop_scope();
        if inner_async && self.cur().kind == ScopeKind::Comprehension {
            self.cur().is_coroutine = true;
        }
    }

    fn walrus_target(&mut self, name: &str, range: TextRange) {
        if self.cur().kind != ScopeKind::Comprehension {
            self.bind(name);
            return;
        }
        // Bind in the nearest enclosing non-comprehension scope.
        let mut target = None;
        for &s in self.stack.iter().rev() {
            if self.scopes[s].kind != ScopeKind::Comprehension {
                target = Some(s);
                break;
            }
        }
        let t = target.unwrap_or(0);
        match self.scopes[t].kind {
            ScopeKind::Class => self.fail(
                "assignment expression within a comprehension cannot be used in a class body"
                    .into(),
                range,
            ),
            ScopeKind::Module => {
                self.scopes[t].add(name, DEF_LOCAL);
                for &s in self.stack.clone().iter().rev() {
                    if self.scopes[s].kind != ScopeKind::Comprehension {
                        break;
                    }
                    self.scopes[s].add(name, DEF_GLOBAL);
                }
            }
            _ => {
                let explicit_global = self.scopes[t]
                    .flags
                    .get(name)
                    .is_some_and(|f| f & DEF_GLOBAL != 0);
                self.scopes[t].add(name, if explicit_global { 0 } else { DEF_LOCAL });
                for &s in self.stack.clone().iter().rev() {
                    if self.scopes[s].kind != ScopeKind::Comprehension {
                        break;
                    }
                    self.scopes[s].add(
                        name,
                        if explicit_global {
                            DEF_GLOBAL
                        } else {
                            DEF_NONLOCAL
                        },
                    );
                }
            }
        }
    }

    fn expr(&mut self, e: &Expr) {
        if self.enter(e.range()) {
            self.expr_inner(e);
        }
        self.depth -= 1;
    }

    fn expr_inner(&mut self, e: &Expr) {
        match e {
            Expr::Name(n) => match n.ctx {
                ast::ExprContext::Load => self.use_name(&n.id),
                ast::ExprContext::Store | ast::ExprContext::Del => self.bind(&n.id),
                ast::ExprContext::Invalid => {}
            },
            Expr::BoolOp(b) => b.values.iter().for_each(|v| self.expr(v)),
            Expr::Named(n) => {
                self.expr(&n.value);
                if let Expr::Name(t) = &*n.target {
                    self.walrus_target(&t.id, n.range);
                }
            }
            Expr::BinOp(b) => {
                self.expr(&b.left);
                self.expr(&b.right);
            }
            Expr::UnaryOp(u) => self.expr(&u.operand),
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    for a in p
                        .posonlyargs
                        .iter()
                        .chain(p.args.iter())
                        .chain(p.kwonlyargs.iter())
                    {
                        if let Some(d) = &a.default {
                            self.expr(d);
                        }
                    }
                }
                self.push_scope(ScopeKind::Lambda, "<lambda>", l.range);
                if let Some(p) = &l.parameters {
                    self.declare_params(p);
                }
                self.expr(&l.body);
                self.pop_scope();
            }
            Expr::If(i) => {
                self.expr(&i.test);
                self.expr(&i.body);
                self.expr(&i.orelse);
            }
            Expr::Dict(d) => {
                for it in &d.items {
                    if let Some(k) = &it.key {
                        self.expr(k);
                    }
                    self.expr(&it.value);
                }
            }
            Expr::Set(s) => s.elts.iter().for_each(|v| self.expr(v)),
            Expr::ListComp(c) => {
                self.comprehension("<listcomp>", c.range, &c.generators, &[&c.elt], false)
            }
            Expr::SetComp(c) => {
                self.comprehension("<setcomp>", c.range, &c.generators, &[&c.elt], false)
            }
            Expr::DictComp(c) => {
                let key = c.key.as_deref();
                let mut elts: Vec<&Expr> = key.into_iter().collect();
                elts.push(&c.value);
                self.comprehension("<dictcomp>", c.range, &c.generators, &elts, false)
            }
            Expr::Generator(c) => {
                self.comprehension("<genexpr>", c.range, &c.generators, &[&c.elt], true)
            }
            Expr::Await(a) => {
                self.expr(&a.value);
                if self.cur().kind == ScopeKind::Comprehension {
                    self.cur().is_coroutine = true;
                }
            }
            Expr::Yield(y) => {
                self.cur().is_generator = true;
                if let Some(v) = &y.value {
                    self.expr(v);
                }
            }
            Expr::YieldFrom(y) => {
                self.cur().is_generator = true;
                self.expr(&y.value);
            }
            Expr::Compare(c) => {
                self.expr(&c.left);
                c.comparators.iter().for_each(|v| self.expr(v));
            }
            Expr::Call(c) => {
                self.expr(&c.func);
                self.arguments(&c.arguments);
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.fstring_elements(&fs.elements);
                    }
                }
            }
            Expr::TString(t) => self.fail("t-strings are not supported".into(), t.range),
            Expr::Attribute(a) => self.expr(&a.value),
            Expr::Subscript(s) => {
                self.expr(&s.value);
                self.expr(&s.slice);
            }
            Expr::Starred(s) => self.expr(&s.value),
            Expr::List(l) => l.elts.iter().for_each(|v| self.expr(v)),
            Expr::Tuple(t) => t.elts.iter().for_each(|v| self.expr(v)),
            Expr::Slice(s) => {
                for p in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(p);
                }
            }
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {}
            Expr::IpyEscapeCommand(c) => self.fail("invalid syntax".into(), c.range),
        }
        let _ = e.range();
    }

    fn fstring_elements(&mut self, els: &ast::InterpolatedStringElements) {
        for el in els.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                self.expr(&i.expression);
                if let Some(spec) = &i.format_spec {
                    self.fstring_elements(&spec.elements);
                }
            }
        }
    }
}

//! The code unit under construction: instructions with symbolic labels,
//! handler regions, constant and name pools, and the finishing pass.
//!
//! # Approach
//! The code generator appends instructions whose jump arguments are label
//! ids. Exception handling is lexical: `push_handler` opens a region (it
//! emits a `NOP` anchor), every instruction emitted until `pop_handler`
//! belongs to it, and the handler's unwind depth is the stack depth at the
//! anchor. [`Unit::finish`] then
//! 1. runs a stack-depth flow analysis from instruction 0 (following
//!    fall-through, jump edges and handler edges), which gives every
//!    handler its depth and the code its exact `max_stack`;
//! 2. drops the anchors and other `NOP`s, remapping jump targets;
//! 3. coalesces per-instruction handlers into the sorted, non-overlapping
//!    exception table.
//!
//! # Invariants
//! An instruction reachable along two paths is reached with the same depth
//! (the generator keeps the stack balanced per construct); `finish` reports
//! a violation as an internal error rather than producing a wrong table.

use std::collections::HashMap;

use crate::bytecode::{ArgKind, CodeObject, Constant, ExceptionEntry, Instr, Location, Op};

/// A jump target not yet placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label(pub u32);

/// An open or closed handler region.
#[derive(Clone, Copy, Debug)]
struct Handler {
    target: Label,
    push_lasti: bool,
    /// Index of the anchor instruction.
    anchor: usize,
}

/// A code object being built.
pub struct Unit {
    pub code: CodeObject,
    instrs: Vec<Instr>,
    locs: Vec<Location>,
    handler_of: Vec<Option<usize>>,
    handlers: Vec<Handler>,
    open: Vec<usize>,
    labels: Vec<Option<usize>>,
    const_map: Vec<Constant>,
    name_map: HashMap<String, u32>,
    pub loc: Location,
}

impl Unit {
    pub fn new(code: CodeObject) -> Unit {
        Unit {
            code,
            instrs: Vec::new(),
            locs: Vec::new(),
            handler_of: Vec::new(),
            handlers: Vec::new(),
            open: Vec::new(),
            labels: Vec::new(),
            const_map: Vec::new(),
            name_map: HashMap::new(),
            loc: Location::default(),
        }
    }

    /// Append an instruction at the current location.
    pub fn emit(&mut self, op: Op, arg: u32) {
        self.instrs.push(Instr { op, arg });
        self.locs.push(self.loc);
        self.handler_of.push(self.open.last().copied());
    }

    /// Append a jump to `label`.
    pub fn jump(&mut self, op: Op, label: Label) {
        debug_assert_eq!(op.arg_kind(), ArgKind::Jump);
        self.emit(op, label.0);
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    /// Place `label` at the next instruction.
    pub fn bind(&mut self, label: Label) {
        self.labels[label.0 as usize] = Some(self.instrs.len());
    }

    /// True if the label is already placed (a backward jump).
    pub fn is_bound(&self, label: Label) -> bool {
        self.labels[label.0 as usize].is_some()
    }

    /// Jump to `label`, backward or forward as appropriate.
    pub fn jump_to(&mut self, label: Label) {
        let op = if self.is_bound(label) {
            Op::JumpBackward
        } else {
            Op::Jump
        };
        self.jump(op, label);
    }

    /// Open a handler region whose exceptions go to `target`.
    pub fn push_handler(&mut self, target: Label, push_lasti: bool) {
        let anchor = self.instrs.len();
        self.emit(Op::Nop, 0);
        self.handlers.push(Handler {
            target,
            push_lasti,
            anchor,
        });
        self.open.push(self.handlers.len() - 1);
    }

    /// Close the innermost handler region.
    pub fn pop_handler(&mut self) {
        self.open.pop();
    }

    /// The open handler regions (to suspend and restore while inlining
    /// unwinding code).
    pub fn open_handlers(&self) -> Vec<usize> {
        self.open.clone()
    }

    pub fn set_open_handlers(&mut self, open: Vec<usize>) {
        self.open = open;
    }

    /// Index of constant `c`, adding it if new.
    pub fn const_index(&mut self, c: Constant) -> u32 {
        if let Some(i) = self.const_map.iter().position(|x| *x == c) {
            return i as u32;
        }
        self.const_map.push(c);
        self.const_map.len() as u32 - 1
    }

    pub fn load_const(&mut self, c: Constant) {
        let i = self.const_index(c);
        self.emit(Op::LoadConst, i);
    }

    /// Index of `name` in `names`.
    pub fn name_index(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.name_map.get(name) {
            return i;
        }
        let i = self.code.names.len() as u32;
        self.code.names.push(name.to_string());
        self.name_map.insert(name.to_string(), i);
        i
    }

    /// True if control cannot reach the current position: the last
    /// emitted instruction never falls through and no label is bound here.
    pub fn last_is_terminator(&self) -> bool {
        let here = Some(self.instrs.len());
        self.instrs.last().is_some_and(|i| i.op.is_terminator())
            && !self.labels.iter().any(|l| *l == here)
    }

    /// Resolve labels, compute depths and build the final code object.
    pub fn finish(mut self) -> Result<CodeObject, String> {
        let n = self.instrs.len();
        let target_of = |labels: &Vec<Option<usize>>, l: u32| -> Result<usize, String> {
            labels[l as usize].ok_or_else(|| "unbound label".to_string())
        };
        // Resolve jump labels to (pre-compaction) indexes.
        let mut instrs = self.instrs.clone();
        for ins in instrs.iter_mut() {
            if ins.op.arg_kind() == ArgKind::Jump {
                ins.arg = target_of(&self.labels, ins.arg)? as u32;
            }
        }
        let handler_targets: Vec<usize> = self
            .handlers
            .iter()
            .map(|h| target_of(&self.labels, h.target.0))
            .collect::<Result<_, _>>()?;
        // Depth analysis.
        let mut depth: Vec<Option<i32>> = vec![None; n + 1];
        let mut hdepth: Vec<Option<i32>> = vec![None; self.handlers.len()];
        let mut work = vec![(0usize, 0i32)];
        let mut max = 0i32;
        while let Some((pc, d)) = work.pop() {
            if pc >= n {
                return Err("control falls off the end of the code".into());
            }
            match depth[pc] {
                Some(old) if old == d => continue,
                Some(old) => {
                    return Err(format!(
                        "inconsistent stack depth at {pc} ({} {}): {old} vs {d}",
                        instrs[pc].op.name(),
                        instrs[pc].arg
                    ))
                }
                None => depth[pc] = Some(d),
            }
            max = max.max(d);
            for (hi, h) in self.handlers.iter().enumerate() {
                if h.anchor == pc && hdepth[hi].is_none() {
                    hdepth[hi] = Some(d);
                }
            }
            let ins = instrs[pc];
            if let Some(hi) = self.handler_of[pc] {
                let Some(hd) = hdepth[hi] else {
                    return Err("handler region entered before its anchor".into());
                };
                let entry = hd + self.handlers[hi].push_lasti as i32 + 1;
                max = max.max(entry);
                work.push((handler_targets[hi], entry));
            }
            if ins.op.arg_kind() == ArgKind::Jump {
                let jd = d + ins.op.stack_effect(ins.arg, true);
                if jd < 0 {
                    return Err(format!("stack underflow at {pc}"));
                }
                max = max.max(jd);
                work.push((ins.arg as usize, jd));
            }
            if !ins.op.is_terminator() {
                let fd = d + ins.op.stack_effect(ins.arg, false);
                if fd < 0 {
                    return Err(format!("stack underflow at {pc} ({})", ins.op.name()));
                }
                max = max.max(fd);
                work.push((pc + 1, fd));
            }
        }
        // Compaction: drop NOPs (keeping none), remap targets.
        let mut new_index = vec![0u32; n + 1];
        let mut k = 0u32;
        for (i, ins) in instrs.iter().enumerate() {
            new_index[i] = k;
            if ins.op != Op::Nop {
                k += 1;
            }
        }
        new_index[n] = k;
        let mut code = Vec::with_capacity(k as usize);
        let mut locs = Vec::with_capacity(k as usize);
        let mut hof = Vec::with_capacity(k as usize);
        for (i, ins) in instrs.iter().enumerate() {
            if ins.op == Op::Nop {
                continue;
            }
            let mut ins = *ins;
            if ins.op.arg_kind() == ArgKind::Jump {
                ins.arg = new_index[ins.arg as usize];
            }
            code.push(ins);
            locs.push(self.locs[i]);
            hof.push(self.handler_of[i]);
        }
        // Exception table.
        let mut table: Vec<ExceptionEntry> = Vec::new();
        for (i, h) in hof.iter().enumerate() {
            let Some(hi) = *h else { continue };
            let Some(d) = hdepth[hi] else { continue };
            let e = ExceptionEntry {
                start: i as u32,
                end: i as u32 + 1,
                target: new_index[handler_targets[hi]],
                depth: d as u32,
                push_lasti: self.handlers[hi].push_lasti,
            };
            match table.last_mut() {
                Some(last)
                    if last.end == e.start
                        && last.target == e.target
                        && last.depth == e.depth
                        && last.push_lasti == e.push_lasti =>
                {
                    last.end = e.end
                }
                _ => table.push(e),
            }
        }
        self.code.code = code;
        self.code.locations = locs;
        self.code.exception_table = table;
        self.code.max_stack = max as u32;
        self.code.consts = std::mem::take(&mut self.const_map);
        Ok(self.code)
    }
}

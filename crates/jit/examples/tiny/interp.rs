//! `tiny`: a small stack-bytecode language driven by kiln-jit, using only
//! the crate's public API (the framework tests include this file too).
//!
//! Problem: the JIT framework needs an interpreter that is small enough to
//! read in one sitting but has what a real VM has: boxed objects with a
//! class field (so `new_with_vtable` and `class_of` matter), a frame that is
//! the virtualizable (fixed-size slots for locals and value stack, a `pc`
//! field), calls with recursion, and opcodes whose guards can fail halfway
//! (an integer multiply that overflows into a float).
//!
//! Approach: a text assembler (`func NAME NLOCALS NARGS` ... `end`, labels
//! `name:`) compiles to per-function instruction vectors with the value
//! stack depth of every pc computed statically, so every stack slot index
//! is green. Each handler is written once, generic over `T: Tracer`.
//! A call allocates the callee's frame, moves the arguments into it and
//! hands it to the driver (`Step::Call`); the driver inlines it into the
//! trace being recorded, runs it on its frame stack, or (not inlined)
//! asks for a residual call (`tiny_call`, which re-enters the driver).
//! When the callee returns, `call_returned` pushes its result.
//!
//! ```text
//! load 0 / push 1 / add / store 0 / jump loop     while-loop body
//! ADD:  guard_class(p1, Int) guard_class(p2, Int)
//!       i3 = getfield_gc_i(p1)  i4 = getfield_gc_i(p2)
//!       i5 = int_add_ovf(i3, i4) guard_no_overflow()  p6 = new_with_vtable(Int)
//! CALL: p7 = new_array(..) setarrayitem_gc(p7, 0, p3)   then the callee's
//!       ops (inlined) or call_n(ConstClass(tiny_call), f, p7)
//! ```
//!
//! Invariants: handlers touch red values only through the tracer; all red
//! state between opcodes is in the frame's slots; the stack depth at each
//! pc is the same on every path (checked by the assembler).

#![allow(dead_code)]

use kiln_gc::{GcRef, Header, TypeInfo};
use kiln_jit::backend::ir::IrBackend;
use kiln_jit::tracer::Arg;
use kiln_jit::{
    field_descr, ArrayDescr, CallDescr, Concrete, EffectInfo, FieldMut, JitDriver, JitInterp, Kind,
    Params, SizeDescr, Step, Tracer, VirtualizableInfo,
};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

// ---- object layout ----

#[repr(C)]
pub struct Class {
    header: Header,
    id: i64,
}

#[repr(C)]
pub struct IntObj {
    header: Header,
    cls: Option<GcRef>,
    value: i64,
}

#[repr(C)]
pub struct FloatObj {
    header: Header,
    cls: Option<GcRef>,
    value: f64,
}

/// The frame (the virtualizable): `pc`, the return value, and `len`
/// slots stored inline (locals first, then the value stack).
#[repr(C)]
pub struct Frame {
    header: Header,
    pc: i64,
    result: Option<GcRef>,
    len: i64,
    slots: [Option<GcRef>; 0],
}

field_descr!(pub CLS: IntObj.cls, Ref, Immutable);
field_descr!(pub INT_VALUE: IntObj.value, Int, Immutable);
field_descr!(pub FLOAT_VALUE: FloatObj.value, Float, Immutable);
field_descr!(pub PC: Frame.pc, Int, Mutable);
field_descr!(pub RESULT: Frame.result, Ref, Mutable);

pub static SLOTS: ArrayDescr = ArrayDescr {
    name: "Frame.slots",
    len_offset: std::mem::offset_of!(Frame, len),
    base_offset: std::mem::offset_of!(Frame, slots),
    item_size: 8,
    kind: Kind::Ref,
    mutability: FieldMut::Mutable,
};

pub static VINFO: VirtualizableInfo = VirtualizableInfo {
    fields: &[&PC],
    array: Some(&SLOTS),
};

static INT_TYPE: AtomicU32 = AtomicU32::new(0);
static FLOAT_TYPE: AtomicU32 = AtomicU32::new(0);
static FRAME_TYPE: AtomicU32 = AtomicU32::new(0);
static CLASS_TYPE: AtomicU32 = AtomicU32::new(0);

pub static INT_SIZE: SizeDescr = SizeDescr {
    name: "IntObj",
    type_id: &INT_TYPE,
    size: std::mem::size_of::<IntObj>(),
};
pub static FLOAT_SIZE: SizeDescr = SizeDescr {
    name: "FloatObj",
    type_id: &FLOAT_TYPE,
    size: std::mem::size_of::<FloatObj>(),
};

unsafe fn trace_frame(obj: GcRef, visit: kiln_gc::Visitor) {
    let f = obj.as_ptr::<Frame>();
    // SAFETY: `obj` is a live Frame with `len` inline slots.
    unsafe {
        let n = (*f).len as usize;
        let base = (f as *mut u8).add(std::mem::offset_of!(Frame, slots)) as *mut Option<GcRef>;
        for i in 0..n {
            visit(base.add(i));
        }
    }
}

static INT_INFO: TypeInfo = TypeInfo {
    name: "tiny.Int",
    size: std::mem::size_of::<IntObj>(),
    ref_offsets: &[std::mem::offset_of!(IntObj, cls)],
    trace: None,
    finalize: None,
};
static FLOAT_INFO: TypeInfo = TypeInfo {
    name: "tiny.Float",
    size: std::mem::size_of::<FloatObj>(),
    ref_offsets: &[std::mem::offset_of!(FloatObj, cls)],
    trace: None,
    finalize: None,
};
static FRAME_INFO: TypeInfo = TypeInfo {
    name: "tiny.Frame",
    size: std::mem::size_of::<Frame>(),
    ref_offsets: &[std::mem::offset_of!(Frame, result)],
    trace: Some(trace_frame),
    finalize: None,
};
static CLASS_INFO: TypeInfo = TypeInfo {
    name: "tiny.Class",
    size: std::mem::size_of::<Class>(),
    ref_offsets: &[],
    trace: None,
    finalize: None,
};

fn register_types() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        INT_TYPE.store(kiln_gc::register_type(&INT_INFO), Ordering::Relaxed);
        FLOAT_TYPE.store(kiln_gc::register_type(&FLOAT_INFO), Ordering::Relaxed);
        FRAME_TYPE.store(kiln_gc::register_type(&FRAME_INFO), Ordering::Relaxed);
        CLASS_TYPE.store(kiln_gc::register_type(&CLASS_INFO), Ordering::Relaxed);
    });
}

// ---- residual helpers ----

thread_local! {
    static OUT: RefCell<String> = const { RefCell::new(String::new()) };
    static VM: RefCell<Option<Rc<Vm>>> = const { RefCell::new(None) };
}

/// Takes what the program printed so far.
pub fn take_output() -> String {
    OUT.with(|o| std::mem::take(&mut *o.borrow_mut()))
}

fn word_ref(w: u64) -> Option<GcRef> {
    // SAFETY: helpers receive 0 or the address of a live GC object.
    (w != 0).then(|| unsafe { GcRef::from_addr(w as usize) })
}

extern "C" fn tiny_print(obj: u64) -> u64 {
    let vm = VM.with(|v| v.borrow().clone()).expect("no tiny VM");
    let text = vm.repr(word_ref(obj));
    OUT.with(|o| {
        let mut o = o.borrow_mut();
        o.push_str(&text);
        o.push('\n');
    });
    0
}

extern "C" fn tiny_call(code: u64, frame: u64) -> u64 {
    let vm = VM.with(|v| v.borrow().clone()).expect("no tiny VM");
    let frame = word_ref(frame).expect("call without frame");
    vm.run_frame(code as u32, frame);
    0
}

extern "C" fn tiny_fmod(a: u64, b: u64) -> u64 {
    let (a, b) = (f64::from_bits(a), f64::from_bits(b));
    let r = if b == 0.0 {
        0.0
    } else {
        a - b * (a / b).floor()
    };
    r.to_bits()
}

static PRINT: CallDescr = CallDescr {
    name: "tiny_print",
    func: tiny_print as *const (),
    args: &[Kind::Ref],
    result: Kind::Void,
    effect: EffectInfo::WritesHeap,
};
static CALL: CallDescr = CallDescr {
    name: "tiny_call",
    func: tiny_call as *const (),
    args: &[Kind::Int, Kind::Ref],
    result: Kind::Void,
    effect: EffectInfo::WritesHeap,
};
static FMOD: CallDescr = CallDescr {
    name: "tiny_fmod",
    func: tiny_fmod as *const (),
    args: &[Kind::Float, Kind::Float],
    result: Kind::Float,
    effect: EffectInfo::Pure,
};

// ---- bytecode ----

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Bin {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Lt,
    Eq,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Ins {
    /// Push constant number k of the function.
    Push(usize),
    Load(usize),
    Store(usize),
    Bin(Bin),
    Jump(usize),
    JumpIfNot(usize),
    JumpIf(usize),
    Print,
    Call(usize, usize),
    Return,
    Pop,
    Dup,
}

pub struct Code {
    pub name: String,
    pub nlocals: usize,
    pub nargs: usize,
    pub ins: Vec<Ins>,
    /// Value stack depth before each instruction.
    pub depth: Vec<usize>,
    pub max_depth: usize,
    /// Boxed constants, rooted for the program's lifetime.
    consts: Box<[Option<GcRef>]>,
}

impl Drop for Code {
    fn drop(&mut self) {
        for c in self.consts.iter_mut() {
            kiln_gc::remove_root(c as *mut Option<GcRef>);
        }
    }
}

enum ConstVal {
    Int(i64),
    Float(f64),
}

/// Parses a program in the assembler text form.
fn assemble(src: &str, classes: &Classes) -> Result<Vec<Code>, String> {
    struct Raw {
        name: String,
        nlocals: usize,
        nargs: usize,
        lines: Vec<(usize, Vec<String>)>,
    }
    let mut raws: Vec<Raw> = Vec::new();
    let mut cur: Option<Raw> = None;
    for (n, line) in src.lines().enumerate() {
        let line = line.split('#').next().unwrap().trim();
        if line.is_empty() {
            continue;
        }
        let w: Vec<String> = line.split_whitespace().map(str::to_string).collect();
        if w[0] == "func" {
            if w.len() != 4 {
                return Err(format!("line {}: func NAME NLOCALS NARGS", n + 1));
            }
            let num = |s: &str| {
                s.parse::<usize>()
                    .map_err(|_| format!("line {}: bad number", n + 1))
            };
            cur = Some(Raw {
                name: w[1].clone(),
                nlocals: num(&w[2])?,
                nargs: num(&w[3])?,
                lines: Vec::new(),
            });
        } else if w[0] == "end" {
            raws.push(
                cur.take()
                    .ok_or(format!("line {}: end outside func", n + 1))?,
            );
        } else {
            cur.as_mut()
                .ok_or(format!("line {}: instruction outside func", n + 1))?
                .lines
                .push((n + 1, w));
        }
    }
    if cur.is_some() {
        return Err("missing end".into());
    }
    let fnames: HashMap<String, usize> = raws
        .iter()
        .enumerate()
        .map(|(i, r)| (r.name.clone(), i))
        .collect();
    let mut codes = Vec::new();
    for r in &raws {
        let mut labels = HashMap::new();
        let mut count = 0;
        for (_, w) in &r.lines {
            if let Some(l) = w[0].strip_suffix(':') {
                labels.insert(l.to_string(), count);
            } else {
                count += 1;
            }
        }
        let mut ins = Vec::new();
        let mut consts: Vec<ConstVal> = Vec::new();
        for (n, w) in &r.lines {
            if w[0].ends_with(':') {
                continue;
            }
            let arg = |i: usize| {
                w.get(i)
                    .cloned()
                    .ok_or(format!("line {n}: missing operand"))
            };
            let num = |s: String| {
                s.parse::<usize>()
                    .map_err(|_| format!("line {n}: bad number '{s}'"))
            };
            let label = |s: String| {
                labels
                    .get(&s)
                    .copied()
                    .ok_or(format!("line {n}: no label '{s}'"))
            };
            ins.push(match w[0].as_str() {
                "push" => {
                    let s = arg(1)?;
                    let c = if s.contains('.') {
                        ConstVal::Float(s.parse().map_err(|_| format!("line {n}: bad float"))?)
                    } else {
                        ConstVal::Int(s.parse().map_err(|_| format!("line {n}: bad int"))?)
                    };
                    consts.push(c);
                    Ins::Push(consts.len() - 1)
                }
                "load" => Ins::Load(num(arg(1)?)?),
                "store" => Ins::Store(num(arg(1)?)?),
                "add" => Ins::Bin(Bin::Add),
                "sub" => Ins::Bin(Bin::Sub),
                "mul" => Ins::Bin(Bin::Mul),
                "div" => Ins::Bin(Bin::Div),
                "mod" => Ins::Bin(Bin::Mod),
                "lt" => Ins::Bin(Bin::Lt),
                "eq" => Ins::Bin(Bin::Eq),
                "jump" => Ins::Jump(label(arg(1)?)?),
                "jumpifnot" => Ins::JumpIfNot(label(arg(1)?)?),
                "jumpif" => Ins::JumpIf(label(arg(1)?)?),
                "print" => Ins::Print,
                "call" => {
                    let f = arg(1)?;
                    let fi = *fnames
                        .get(&f)
                        .ok_or(format!("line {n}: no function '{f}'"))?;
                    Ins::Call(fi, num(arg(2)?)?)
                }
                "return" => Ins::Return,
                "pop" => Ins::Pop,
                "dup" => Ins::Dup,
                other => return Err(format!("line {n}: unknown instruction '{other}'")),
            });
        }
        // Check call arities, local indexes and compute stack depths.
        let mut depth: Vec<Option<usize>> = vec![None; ins.len()];
        let mut work = vec![(0usize, 0usize)];
        let mut max_depth = 0;
        while let Some((pc, d)) = work.pop() {
            if pc >= ins.len() {
                return Err(format!("{}: falls off the end", r.name));
            }
            match depth[pc] {
                Some(e) if e == d => continue,
                Some(e) => return Err(format!("{}: stack depth {e} and {d} at pc {pc}", r.name)),
                None => depth[pc] = Some(d),
            }
            max_depth = max_depth.max(d + 1);
            let need = |k: usize| {
                if d < k {
                    Err(format!("{}: stack underflow at pc {pc}", r.name))
                } else {
                    Ok(())
                }
            };
            match ins[pc] {
                Ins::Push(_) | Ins::Load(_) => work.push((pc + 1, d + 1)),
                Ins::Dup => {
                    need(1)?;
                    work.push((pc + 1, d + 1))
                }
                Ins::Store(_) | Ins::Pop | Ins::Print => {
                    need(1)?;
                    work.push((pc + 1, d - 1))
                }
                Ins::Bin(_) => {
                    need(2)?;
                    work.push((pc + 1, d - 1))
                }
                Ins::Jump(t) => work.push((t, d)),
                Ins::JumpIf(t) | Ins::JumpIfNot(t) => {
                    need(1)?;
                    work.push((t, d - 1));
                    work.push((pc + 1, d - 1));
                }
                Ins::Call(f, argc) => {
                    need(argc)?;
                    if raws[f].nargs != argc {
                        return Err(format!(
                            "{}: {} takes {} args",
                            r.name, raws[f].name, raws[f].nargs
                        ));
                    }
                    work.push((pc + 1, d - argc + 1))
                }
                Ins::Return => need(1)?,
            }
            if let Ins::Load(i) | Ins::Store(i) = ins[pc] {
                if i >= r.nlocals {
                    return Err(format!("{}: no local {i}", r.name));
                }
            }
        }
        let mut boxed: Box<[Option<GcRef>]> = consts.iter().map(|_| None).collect();
        for (i, c) in consts.iter().enumerate() {
            kiln_gc::add_root(&mut boxed[i] as *mut Option<GcRef>);
            boxed[i] = match *c {
                ConstVal::Int(v) => Some(classes.box_int(v)),
                ConstVal::Float(v) => Some(classes.box_float(v)),
            };
        }
        if r.nargs > r.nlocals {
            return Err(format!("{}: more args than locals", r.name));
        }
        codes.push(Code {
            name: r.name.clone(),
            nlocals: r.nlocals,
            nargs: r.nargs,
            depth: depth.into_iter().map(|d| d.unwrap_or(0)).collect(),
            max_depth,
            ins,
            consts: boxed,
        });
    }
    if !fnames.contains_key("main") {
        return Err("no function main".into());
    }
    Ok(codes)
}

/// The two classes, rooted.
struct Classes {
    slots: Box<[Option<GcRef>; 2]>,
}

impl Classes {
    fn new() -> Classes {
        let mut slots = Box::new([None, None]);
        for (i, s) in slots.iter_mut().enumerate() {
            kiln_gc::add_root(s as *mut Option<GcRef>);
            let c = kiln_gc::alloc(
                CLASS_TYPE.load(Ordering::Relaxed),
                std::mem::size_of::<Class>(),
            );
            // SAFETY: a fresh Class object.
            unsafe { (*c.as_ptr::<Class>()).id = i as i64 };
            *s = Some(c);
        }
        Classes { slots }
    }
    fn int(&self) -> GcRef {
        self.slots[0].unwrap()
    }
    fn float(&self) -> GcRef {
        self.slots[1].unwrap()
    }
    fn box_int(&self, v: i64) -> GcRef {
        let mut c = Concrete;
        let r = c.new_with_vtable(&INT_SIZE, &CLS, self.int());
        c.setfield_i(r, &INT_VALUE, v);
        r.unwrap()
    }
    fn box_float(&self, v: f64) -> GcRef {
        let mut c = Concrete;
        let r = c.new_with_vtable(&FLOAT_SIZE, &CLS, self.float());
        c.setfield_f(r, &FLOAT_VALUE, v);
        r.unwrap()
    }
}

impl Drop for Classes {
    fn drop(&mut self) {
        for s in self.slots.iter_mut() {
            kiln_gc::remove_root(s as *mut Option<GcRef>);
        }
    }
}

/// Green key: (function index, pc).
pub type Key = (u32, u32);

/// A loaded program with its JIT driver.
pub struct Vm {
    codes: Vec<Code>,
    classes: Classes,
    pub driver: JitDriver<Key>,
}

/// The handlers, instantiated per tracer by the driver.
struct Interp<'a> {
    vm: &'a Vm,
}

impl Vm {
    /// Loads a program; `params` configures the JIT (`Params::parse`).
    pub fn load(src: &str, params: Params) -> Result<Rc<Vm>, String> {
        kiln_gc::init();
        register_types();
        let classes = Classes::new();
        let codes = assemble(src, &classes)?;
        let driver = JitDriver::new("tiny", &VINFO, params, Box::new(IrBackend::new()));
        let vm = Rc::new(Vm {
            codes,
            classes,
            driver,
        });
        VM.with(|v| *v.borrow_mut() = Some(vm.clone()));
        Ok(vm)
    }

    fn new_frame(&self, f: usize) -> GcRef {
        let c = &self.codes[f];
        let len = (c.nlocals + c.max_depth) as i64;
        Concrete
            .new_array(&SLOTS, FRAME_TYPE.load(Ordering::Relaxed), len)
            .unwrap()
    }

    /// Runs `main` and returns what it printed.
    pub fn run_main(&self) -> String {
        let main = self.codes.iter().position(|c| c.name == "main").unwrap();
        let frame = self.new_frame(main);
        self.run_frame(main as u32, frame);
        take_output()
    }

    fn run_frame(&self, code: u32, frame: GcRef) {
        let mut it = Interp { vm: self };
        self.driver.run(&mut it, frame, (code, 0));
    }

    fn repr(&self, r: Option<GcRef>) -> String {
        let mut c = Concrete;
        match r {
            None => "null".into(),
            Some(o) if c.class_of(r, &CLS) == self.classes.int() => {
                let _ = o;
                c.getfield_i(r, &INT_VALUE).to_string()
            }
            Some(_) => format!("{:?}", c.getfield_f(r, &FLOAT_VALUE)),
        }
    }
}

impl Interp<'_> {
    fn box_int<T: Tracer>(&self, t: &mut T, v: T::Int) -> T::Ref {
        let r = t.new_with_vtable(&INT_SIZE, &CLS, self.vm.classes.int());
        t.setfield_i(r, &INT_VALUE, v);
        r
    }
    fn box_float<T: Tracer>(&self, t: &mut T, v: T::Float) -> T::Ref {
        let r = t.new_with_vtable(&FLOAT_SIZE, &CLS, self.vm.classes.float());
        t.setfield_f(r, &FLOAT_VALUE, v);
        r
    }
    fn as_float<T: Tracer>(&self, t: &mut T, v: T::Ref, cls: GcRef) -> T::Float {
        if cls == self.vm.classes.int() {
            let i = t.getfield_i(v, &INT_VALUE);
            t.cast_int_to_float(i)
        } else {
            t.getfield_f(v, &FLOAT_VALUE)
        }
    }

    fn binop<T: Tracer>(&self, t: &mut T, op: Bin, a: T::Ref, b: T::Ref) -> T::Ref {
        let int = self.vm.classes.int();
        let ca = t.class_of(a, &CLS);
        let cb = t.class_of(b, &CLS);
        if ca == int && cb == int && op != Bin::Div {
            let x = t.getfield_i(a, &INT_VALUE);
            let y = t.getfield_i(b, &INT_VALUE);
            let r = match op {
                Bin::Add => t.int_add_ovf(x, y),
                Bin::Sub => t.int_sub_ovf(x, y),
                Bin::Mul => t.int_mul_ovf(x, y),
                Bin::Lt => Some(t.int_lt(x, y)),
                Bin::Eq => Some(t.int_eq(x, y)),
                Bin::Mod => {
                    let zero = t.const_int(0);
                    let z = t.int_eq(y, zero);
                    if t.is_true(z) {
                        Some(zero)
                    } else {
                        Some(t.int_py_mod(x, y))
                    }
                }
                Bin::Div => unreachable!(),
            };
            if let Some(r) = r {
                return self.box_int(t, r);
            }
            // Overflow: redo the operation in floats.
        }
        let x = self.as_float(t, a, ca);
        let y = self.as_float(t, b, cb);
        match op {
            Bin::Add => {
                let r = t.float_add(x, y);
                self.box_float(t, r)
            }
            Bin::Sub => {
                let r = t.float_sub(x, y);
                self.box_float(t, r)
            }
            Bin::Mul => {
                let r = t.float_mul(x, y);
                self.box_float(t, r)
            }
            Bin::Div => {
                let r = t.float_truediv(x, y);
                self.box_float(t, r)
            }
            Bin::Mod => {
                let r = t.call_f(&FMOD, &[Arg::Float(x), Arg::Float(y)]);
                self.box_float(t, r)
            }
            Bin::Lt => {
                let r = t.float_lt(x, y);
                self.box_int(t, r)
            }
            Bin::Eq => {
                let r = t.float_eq(x, y);
                self.box_int(t, r)
            }
        }
    }

    fn truth<T: Tracer>(&self, t: &mut T, v: T::Ref) -> bool {
        let cls = t.class_of(v, &CLS);
        if cls == self.vm.classes.int() {
            let i = t.getfield_i(v, &INT_VALUE);
            t.is_true(i)
        } else {
            let f = t.getfield_f(v, &FLOAT_VALUE);
            let zero = t.const_float(0.0);
            let nz = t.float_ne(f, zero);
            t.is_true(nz)
        }
    }
}

impl JitInterp for Interp<'_> {
    type Key = Key;

    fn step<T: Tracer>(&mut self, t: &mut T, f: T::Ref, key: Key) -> Step<Key, T::Ref> {
        let code = &self.vm.codes[key.0 as usize];
        let pc = key.1 as usize;
        let sp = code.nlocals + code.depth[pc];
        let pcv = t.const_int(pc as i64);
        t.vable_setfield_i(f, &PC, pcv);
        let next = Step::Next((key.0, key.1 + 1));
        let jump = |target: usize| {
            if target <= pc {
                Step::LoopBack((key.0, target as u32))
            } else {
                Step::Next((key.0, target as u32))
            }
        };
        match code.ins[pc] {
            Ins::Push(k) => {
                let v = t.const_ref(code.consts[k].unwrap());
                t.vable_setitem_r(f, &SLOTS, sp, v);
                next
            }
            Ins::Load(i) => {
                let v = t.vable_getitem_r(f, &SLOTS, i);
                t.vable_setitem_r(f, &SLOTS, sp, v);
                next
            }
            Ins::Store(i) => {
                let v = t.vable_getitem_r(f, &SLOTS, sp - 1);
                t.vable_setitem_r(f, &SLOTS, i, v);
                let null = t.const_null();
                t.vable_setitem_r(f, &SLOTS, sp - 1, null);
                next
            }
            Ins::Dup => {
                let v = t.vable_getitem_r(f, &SLOTS, sp - 1);
                t.vable_setitem_r(f, &SLOTS, sp, v);
                next
            }
            Ins::Pop => {
                let null = t.const_null();
                t.vable_setitem_r(f, &SLOTS, sp - 1, null);
                next
            }
            Ins::Bin(op) => {
                let a = t.vable_getitem_r(f, &SLOTS, sp - 2);
                let b = t.vable_getitem_r(f, &SLOTS, sp - 1);
                let r = self.binop(t, op, a, b);
                t.vable_setitem_r(f, &SLOTS, sp - 2, r);
                let null = t.const_null();
                t.vable_setitem_r(f, &SLOTS, sp - 1, null);
                next
            }
            Ins::Jump(target) => jump(target),
            Ins::JumpIf(target) | Ins::JumpIfNot(target) => {
                let v = t.vable_getitem_r(f, &SLOTS, sp - 1);
                let null = t.const_null();
                t.vable_setitem_r(f, &SLOTS, sp - 1, null);
                let c = self.truth(t, v);
                if c == matches!(code.ins[pc], Ins::JumpIf(_)) {
                    jump(target)
                } else {
                    next
                }
            }
            Ins::Print => {
                let v = t.vable_getitem_r(f, &SLOTS, sp - 1);
                let null = t.const_null();
                t.vable_setitem_r(f, &SLOTS, sp - 1, null);
                t.call_n(&PRINT, &[Arg::Ref(v)]);
                next
            }
            Ins::Call(fi, argc) => {
                let callee = &self.vm.codes[fi];
                let len = t.const_int((callee.nlocals + callee.max_depth) as i64);
                let nf = t.new_array(&SLOTS, FRAME_TYPE.load(Ordering::Relaxed), len);
                let null = t.const_null();
                for i in 0..argc {
                    let a = t.vable_getitem_r(f, &SLOTS, sp - argc + i);
                    let idx = t.const_int(i as i64);
                    t.setarrayitem_r(nf, &SLOTS, idx, a);
                    t.vable_setitem_r(f, &SLOTS, sp - argc + i, null);
                }
                Step::Call(nf, (fi as u32, 0))
            }
            Ins::Return => {
                let v = t.vable_getitem_r(f, &SLOTS, sp - 1);
                t.setfield_r(f, &RESULT, v);
                Step::Return
            }
        }
    }

    fn call_returned<T: Tracer>(
        &mut self,
        t: &mut T,
        f: T::Ref,
        key: Key,
        callee: T::Ref,
    ) -> Step<Key, T::Ref> {
        let code = &self.vm.codes[key.0 as usize];
        let pc = key.1 as usize;
        let Ins::Call(_, argc) = code.ins[pc] else {
            unreachable!("call_returned at {key:?}")
        };
        let sp = code.nlocals + code.depth[pc];
        let r = t.getfield_r(callee, &RESULT);
        // The caller's trace learns the result's class here (free when the
        // call was inlined and the callee boxed the result itself).
        t.class_of(r, &CLS);
        t.vable_setitem_r(f, &SLOTS, sp - argc, r);
        Step::Next((key.0, key.1 + 1))
    }

    fn call_residual<T: Tracer>(&mut self, t: &mut T, callee: T::Ref, entry: Key) {
        let fid = t.const_int(entry.0 as i64);
        t.call_n(&CALL, &[Arg::Int(fid), Arg::Ref(callee)]);
    }

    fn describe(&self, key: Key) -> String {
        let code = &self.vm.codes[key.0 as usize];
        format!("{} #{} {:?}", code.name, key.1, code.ins[key.1 as usize])
    }
}

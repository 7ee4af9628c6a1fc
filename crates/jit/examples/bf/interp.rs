//! `bf`: a Brainfuck interpreter driven by kiln-jit, using only the
//! crate's public API (the framework tests include this file too).
//!
//! Problem: the smallest interpreter that still exercises the whole JIT
//! pipeline on real loops: a frame that is the virtualizable, a heap array
//! the trace reads and writes, guards on data-dependent branches, bounds
//! checks whose failure must be an error and not a crash, and I/O through
//! residual calls.
//!
//! Approach: the source is compiled to a vector of instructions, runs of
//! the same command folded (`+++` is `Add(3)`, `<<` is `Move(-2)`), and
//! every bracket is resolved to its partner's position up front. The green
//! key is the instruction index (the program itself is a green constant of
//! the interpreter: one driver per program). The frame is a GC object with
//! the virtualizable fields `pc`, `ptr` and `tape`; the tape is a GC array
//! of `i64` cells kept in 0..=255 by `& 255` after each add. Each loop
//! closes at its `]`: a taken `]` is a `LoopBack` to the instruction after
//! its `[`, where `can_enter_jit` counts.
//!
//! ```text
//! [-]          loop body of `Add(-1)` then `Close`:
//! i4 = getarrayitem_gc_i(p3, i2, descr=<ArrayDescr Tape.cells>)
//! i5 = int_add(i4, -1)
//! i6 = int_and(i5, 255)
//! setarrayitem_gc(p3, i2, i6, descr=<ArrayDescr Tape.cells>)
//! guard_true(i6) [..]                  (the cell read is cached)
//! ```
//!
//! Semantics: 30000 cells, the pointer starts at cell 0; moving it past
//! either end stops the program with an error (not a panic); `.` writes
//! the cell's byte to a buffered output; `,` reads one byte, and at end of
//! input stores 0 (so `,[.,]` is `cat`).
//!
//! Invariants: handlers touch red values only through the tracer; all red
//! state between instructions is in the frame's virtualizable fields.

#![allow(dead_code)]

use kiln_gc::{GcRef, Header, TypeInfo};
use kiln_jit::backend::ir::IrBackend;
use kiln_jit::tracer::Arg;
use kiln_jit::{
    field_descr, ArrayDescr, CallDescr, Concrete, EffectInfo, FieldMut, JitDriver, JitInterp, Kind,
    Params, SizeDescr, Step, Tracer, VirtualizableInfo,
};
use std::cell::RefCell;
use std::io::{Read, Write};
use std::sync::atomic::{AtomicU32, Ordering};

/// Number of tape cells.
pub const TAPE_LEN: usize = 30000;

// ---- object layout ----

/// The frame (the virtualizable).
#[repr(C)]
pub struct Frame {
    header: Header,
    pc: i64,
    ptr: i64,
    tape: Option<GcRef>,
}

/// The tape: `len` cells stored inline.
#[repr(C)]
pub struct Tape {
    header: Header,
    len: i64,
    cells: [i64; 0],
}

field_descr!(pub PC: Frame.pc, Int, Mutable);
field_descr!(pub PTR: Frame.ptr, Int, Mutable);
field_descr!(pub TAPE: Frame.tape, Ref, Mutable);

pub static CELLS: ArrayDescr = ArrayDescr {
    name: "Tape.cells",
    len_offset: std::mem::offset_of!(Tape, len),
    base_offset: std::mem::offset_of!(Tape, cells),
    item_size: 8,
    kind: Kind::Int,
    mutability: FieldMut::Mutable,
};

pub static VINFO: VirtualizableInfo = VirtualizableInfo {
    fields: &[&PC, &PTR, &TAPE],
    array: None,
};

static FRAME_TYPE: AtomicU32 = AtomicU32::new(0);
static TAPE_TYPE: AtomicU32 = AtomicU32::new(0);

pub static FRAME_SIZE: SizeDescr = SizeDescr {
    name: "Frame",
    type_id: &FRAME_TYPE,
    size: std::mem::size_of::<Frame>(),
};

static FRAME_INFO: TypeInfo = TypeInfo {
    name: "bf.Frame",
    size: std::mem::size_of::<Frame>(),
    ref_offsets: &[std::mem::offset_of!(Frame, tape)],
    trace: None,
    finalize: None,
};
static TAPE_INFO: TypeInfo = TypeInfo {
    name: "bf.Tape",
    size: std::mem::size_of::<Tape>(),
    ref_offsets: &[],
    trace: None,
    finalize: None,
};

fn register_types() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        FRAME_TYPE.store(kiln_gc::register_type(&FRAME_INFO), Ordering::Relaxed);
        TAPE_TYPE.store(kiln_gc::register_type(&TAPE_INFO), Ordering::Relaxed);
    });
}

// ---- I/O: residual helpers ----

/// Where `,` reads from.
pub enum Input {
    Stdin,
    Bytes(Vec<u8>, usize),
}

struct Io {
    input: Input,
    out: Vec<u8>,
    /// Write the output to stdout whenever the buffer fills up.
    stream: bool,
}

const FLUSH_AT: usize = 8192;

thread_local! {
    static IO: RefCell<Io> = const {
        RefCell::new(Io { input: Input::Bytes(Vec::new(), 0), out: Vec::new(), stream: false })
    };
}

/// Sets what `,` reads (for this thread).
pub fn set_input(input: Input) {
    IO.with(|io| io.borrow_mut().input = input);
}

/// Collect the output in memory (`false`, the default: read it with
/// [`take_output`]) or write it to stdout in blocks (`true`).
pub fn set_streaming(on: bool) {
    IO.with(|io| io.borrow_mut().stream = on);
}

/// Takes the output buffered so far.
pub fn take_output() -> Vec<u8> {
    IO.with(|io| std::mem::take(&mut io.borrow_mut().out))
}

/// Writes the buffered output to stdout.
pub fn flush_stdout() {
    let out = take_output();
    let mut so = std::io::stdout().lock();
    let _ = so.write_all(&out);
    let _ = so.flush();
}

extern "C" fn bf_putc(c: u64) -> u64 {
    let full = IO.with(|io| {
        let mut io = io.borrow_mut();
        io.out.push(c as u8);
        io.stream && io.out.len() >= FLUSH_AT
    });
    if full {
        flush_stdout();
    }
    0
}

extern "C" fn bf_getc() -> u64 {
    let stdin = IO.with(|io| {
        let mut io = io.borrow_mut();
        match &mut io.input {
            Input::Stdin => None,
            Input::Bytes(b, pos) => {
                let c = b.get(*pos).copied();
                *pos += c.is_some() as usize;
                Some(c)
            }
        }
    });
    let c = match stdin {
        Some(c) => c,
        None => {
            // Show a prompt written so far before blocking on input.
            if IO.with(|io| io.borrow().stream) {
                flush_stdout();
            }
            let mut b = [0u8; 1];
            match std::io::stdin().read(&mut b) {
                Ok(1) => Some(b[0]),
                _ => None,
            }
        }
    };
    c.map_or(0, u64::from)
}

/// `.`: has an effect outside the GC heap, so it must never be removed
/// or reordered; declared `WritesHeap`, the conservative choice.
pub static PUTC: CallDescr = CallDescr {
    name: "bf_putc",
    func: bf_putc as *const (),
    args: &[Kind::Int],
    result: Kind::Void,
    effect: EffectInfo::WritesHeap,
};
/// `,`: returns the next input byte, or 0 at end of input.
pub static GETC: CallDescr = CallDescr {
    name: "bf_getc",
    func: bf_getc as *const (),
    args: &[],
    result: Kind::Int,
    effect: EffectInfo::WritesHeap,
};

// ---- the program ----

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ins {
    /// Add to the current cell (modulo 256).
    Add(i64),
    /// Move the pointer (a run of `>` or `<`).
    Move(i64),
    Out,
    In,
    /// `[`: the index after the matching `]`.
    Open(u32),
    /// `]`: the index after the matching `[` (the loop header).
    Close(u32),
}

/// A compiled program: instructions and their source positions.
pub struct Program {
    pub ins: Vec<Ins>,
    /// (line, column) of each instruction's first command, 1-based.
    pub pos: Vec<(u32, u32)>,
}

impl Program {
    /// Compiles source text; other characters are comments.
    pub fn parse(src: &str) -> Result<Program, String> {
        let mut ins: Vec<Ins> = Vec::new();
        let mut pos = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        let (mut line, mut col) = (1u32, 0u32);
        let mut prev = None;
        for ch in src.chars() {
            col += 1;
            if ch == '\n' {
                line += 1;
                col = 0;
            }
            let here = (line, col);
            if matches!(ch, '+' | '-' | '>' | '<') && prev == Some(ch) {
                let step = if matches!(ch, '+' | '>') { 1 } else { -1 };
                if let Some(Ins::Add(n) | Ins::Move(n)) = ins.last_mut() {
                    *n += step;
                }
                continue;
            }
            let i = match ch {
                '+' => Ins::Add(1),
                '-' => Ins::Add(-1),
                '>' => Ins::Move(1),
                '<' => Ins::Move(-1),
                '.' => Ins::Out,
                ',' => Ins::In,
                '[' => {
                    open.push(ins.len());
                    Ins::Open(0)
                }
                ']' => {
                    let o = open
                        .pop()
                        .ok_or(format!("line {line} column {col}: unmatched ']'"))?;
                    ins[o] = Ins::Open(ins.len() as u32 + 1);
                    Ins::Close(o as u32 + 1)
                }
                _ => continue,
            };
            prev = Some(ch);
            ins.push(i);
            pos.push(here);
        }
        if let Some(o) = open.pop() {
            let (l, c) = pos[o];
            return Err(format!("line {l} column {c}: unmatched '['"));
        }
        Ok(Program { ins, pos })
    }
}

// ---- the interpreter ----

/// The handlers, instantiated per tracer by the driver.
struct Interp<'a> {
    prog: &'a Program,
    error: Option<String>,
}

impl Interp<'_> {
    fn fail<R>(&mut self, pc: usize, what: &str) -> Step<u32, R> {
        let (l, c) = self.prog.pos[pc];
        self.error = Some(format!(
            "line {l} column {c}: tape pointer moved past the {what} end"
        ));
        Step::Return
    }
}

impl JitInterp for Interp<'_> {
    type Key = u32;

    fn step<T: Tracer>(&mut self, t: &mut T, f: T::Ref, key: u32) -> Step<u32, T::Ref> {
        let pc = key as usize;
        let pcv = t.const_int(pc as i64);
        t.vable_setfield_i(f, &PC, pcv);
        let Some(&ins) = self.prog.ins.get(pc) else {
            return Step::Return;
        };
        let next = Step::Next(key + 1);
        let tape = t.vable_getfield_r(f, &TAPE);
        let ptr = t.vable_getfield_i(f, &PTR);
        match ins {
            Ins::Add(n) => {
                let c = t.getarrayitem_i(tape, &CELLS, ptr);
                let k = t.const_int(n);
                let s = t.int_add(c, k);
                let mask = t.const_int(255);
                let r = t.int_and(s, mask);
                t.setarrayitem_i(tape, &CELLS, ptr, r);
                next
            }
            Ins::Move(n) => {
                let k = t.const_int(n);
                let np = t.int_add(ptr, k);
                let out = if n < 0 {
                    let zero = t.const_int(0);
                    t.int_lt(np, zero)
                } else {
                    let len = t.arraylen(tape, &CELLS);
                    t.int_ge(np, len)
                };
                if t.is_true(out) {
                    return self.fail(pc, if n < 0 { "left" } else { "right" });
                }
                t.vable_setfield_i(f, &PTR, np);
                next
            }
            Ins::Out => {
                let c = t.getarrayitem_i(tape, &CELLS, ptr);
                t.call_n(&PUTC, &[Arg::Int(c)]);
                next
            }
            Ins::In => {
                let c = t.call_i(&GETC, &[]);
                t.setarrayitem_i(tape, &CELLS, ptr, c);
                next
            }
            Ins::Open(after) => {
                let c = t.getarrayitem_i(tape, &CELLS, ptr);
                if t.is_true(c) {
                    next
                } else {
                    Step::Next(after)
                }
            }
            Ins::Close(header) => {
                let c = t.getarrayitem_i(tape, &CELLS, ptr);
                if t.is_true(c) {
                    Step::LoopBack(header)
                } else {
                    next
                }
            }
        }
    }

    fn describe(&self, key: u32) -> String {
        match self.prog.ins.get(key as usize) {
            Some(i) => format!("#{key} {i:?}"),
            None => format!("#{key} end"),
        }
    }
}

/// A loaded program with its JIT driver.
pub struct Vm {
    pub prog: Program,
    pub driver: JitDriver<u32>,
}

impl Vm {
    /// Compiles `src`; `params` configures the JIT (`Params::parse`).
    pub fn load(src: &str, params: Params) -> Result<Vm, String> {
        kiln_gc::init();
        register_types();
        let prog = Program::parse(src)?;
        let driver = JitDriver::new("bf", &VINFO, params, Box::new(IrBackend::new()));
        Ok(Vm { prog, driver })
    }

    /// Runs the program on a fresh tape. `Err` is a run-time error (the
    /// output written before it stays written).
    pub fn run(&self) -> Result<(), String> {
        let mut c = Concrete;
        let mut frame = c.new(&FRAME_SIZE);
        kiln_gc::add_root(&mut frame as *mut Option<GcRef>);
        let tape = c.new_array(&CELLS, TAPE_TYPE.load(Ordering::Relaxed), TAPE_LEN as i64);
        c.setfield_r(frame, &TAPE, tape);
        let mut it = Interp {
            prog: &self.prog,
            error: None,
        };
        self.driver.run(&mut it, frame.unwrap(), 0);
        kiln_gc::remove_root(&mut frame as *mut Option<GcRef>);
        match it.error {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

/// Runs `src` on `input` with the JIT configured by `params`; returns the
/// output and the run-time error, if any.
pub fn run_source(
    src: &str,
    input: &[u8],
    params: Params,
) -> Result<(Vec<u8>, Option<String>), String> {
    let vm = Vm::load(src, params)?;
    set_streaming(false);
    set_input(Input::Bytes(input.to_vec(), 0));
    take_output();
    let r = vm.run();
    Ok((take_output(), r.err()))
}

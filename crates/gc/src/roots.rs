//! The root set: registered root slots and the conservative scan of the
//! native stack and callee-saved registers.
//!
//! Problem: find every reference the mutator (Rust code of the VM, machine
//! code of the JIT) holds outside the heap, without asking it to register
//! its locals.
//!
//! Approach:
//! * Registered roots ([`add_root`]/[`remove_root`]) are slots of type
//!   `Option<GcRef>` the collector reads at each collection (globals,
//!   module tables, interned constants).
//! * The stack scan treats every aligned word between the current stack
//!   pointer and the top of this thread's stack as a possible reference; a
//!   word counts if it points anywhere inside an allocated object (the heap
//!   decides, see `Heap::find_object`). Before scanning, the callee-saved
//!   registers are spilled into an array on the stack with inline assembly
//!   (x86_64, aarch64), so values the mutator keeps only in registers are
//!   seen too. Caller-saved registers hold nothing live across the call
//!   into the collector.
//! * The top of the stack is taken from `pthread_getattr_np` when the
//!   thread's heap is created (Linux); elsewhere, or if that fails, it is
//!   the address of a local in the function that created the heap, which is
//!   why [`crate::init`] should be called at the start of `main` (and of
//!   every thread that uses the GC).
//!
//! Invariant: the scan only reads this thread's stack, between a frame of
//! the collector and the recorded top, which is mapped memory.

use crate::GcRef;
use std::cell::RefCell;

thread_local! {
    static ROOTS: RefCell<Vec<*mut Option<GcRef>>> = const { RefCell::new(Vec::new()) };
}

/// Registers a slot whose reference (if any) must stay alive. The slot
/// must stay valid until [`remove_root`]; it is read at every collection.
pub fn add_root(slot: *mut Option<GcRef>) {
    ROOTS.with(|r| r.borrow_mut().push(slot));
}

/// Unregisters a slot (one registration of it, if added several times).
pub fn remove_root(slot: *mut Option<GcRef>) {
    ROOTS.with(|r| {
        let mut r = r.borrow_mut();
        if let Some(i) = r.iter().rposition(|s| *s == slot) {
            r.swap_remove(i);
        }
    });
}

/// An owned, registered root slot: keeps its reference alive until dropped.
/// Handy for references held in Rust heap memory (struct fields, maps),
/// which the stack scan cannot see.
pub struct Root {
    slot: Box<Option<GcRef>>,
}

impl Root {
    pub fn new(value: Option<GcRef>) -> Root {
        let mut slot = Box::new(value);
        add_root(&mut *slot);
        Root { slot }
    }
    #[inline]
    pub fn get(&self) -> Option<GcRef> {
        *self.slot
    }
    #[inline]
    pub fn set(&mut self, value: Option<GcRef>) {
        *self.slot = value;
    }
}

impl Drop for Root {
    fn drop(&mut self) {
        remove_root(&mut *self.slot);
    }
}

impl std::fmt::Debug for Root {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Root").field(&self.get()).finish()
    }
}

/// Calls `f` on every registered root slot.
pub(crate) fn for_each_root(f: &mut dyn FnMut(*mut Option<GcRef>)) {
    ROOTS.with(|r| {
        for &slot in r.borrow().iter() {
            f(slot);
        }
    });
}

/// The highest address of the current thread's stack.
#[inline(never)]
pub(crate) fn current_stack_top() -> usize {
    #[cfg(target_os = "linux")]
    if let Some(top) = pthread_stack_top() {
        return top;
    }
    // Fallback: everything above this frame belongs to callers that
    // created the heap; `init()` at the start of `main` makes that all.
    let local = 0usize;
    std::hint::black_box(&local) as *const usize as usize
}

#[cfg(target_os = "linux")]
fn pthread_stack_top() -> Option<usize> {
    // SAFETY: `attr` is initialised by `pthread_getattr_np` before use and
    // destroyed afterwards; the out-pointers point to locals.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            return None;
        }
        let mut addr: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        let rc = libc::pthread_attr_getstack(&attr, &mut addr, &mut size);
        libc::pthread_attr_destroy(&mut attr);
        if rc != 0 || addr.is_null() {
            return None;
        }
        Some(addr as usize + size)
    }
}

/// Number of callee-saved general registers spilled.
const NREGS: usize = 12;

/// Stores the callee-saved general registers into `regs`.
#[inline(always)]
fn spill_registers(regs: &mut [usize; NREGS]) {
    let p = regs.as_mut_ptr();
    #[cfg(target_arch = "x86_64")]
    // SAFETY: writes six words into `regs` (12 words long); reads registers
    // only; touches neither the stack pointer nor the flags.
    unsafe {
        std::arch::asm!(
            "mov [{p}], rbx",
            "mov [{p} + 8], rbp",
            "mov [{p} + 16], r12",
            "mov [{p} + 24], r13",
            "mov [{p} + 32], r14",
            "mov [{p} + 40], r15",
            p = in(reg) p,
            options(nostack, preserves_flags),
        );
    }
    #[cfg(target_arch = "aarch64")]
    // SAFETY: writes eleven words into `regs` (12 words long); reads
    // registers only.
    unsafe {
        std::arch::asm!(
            "stp x19, x20, [{p}]",
            "stp x21, x22, [{p}, #16]",
            "stp x23, x24, [{p}, #32]",
            "stp x25, x26, [{p}, #48]",
            "stp x27, x28, [{p}, #64]",
            "str x29, [{p}, #80]",
            p = in(reg) p,
            options(nostack, preserves_flags),
        );
    }
    // Other targets: no spill; registers saved by callers' prologues are
    // still on the stack, others may be missed.
    let _ = p;
}

/// Calls `f(location, word)` on the spilled callee-saved registers
/// (location: the register's index) and on every aligned word of the stack
/// from this frame up to `top` (location: the word's address).
#[inline(never)]
pub(crate) fn scan_stack(top: usize, f: &mut dyn FnMut(usize, usize)) {
    let mut regs = [0usize; NREGS];
    spill_registers(&mut regs);
    let regs = std::hint::black_box(&mut regs);
    for (i, &w) in regs.iter().enumerate() {
        f(i, w);
    }
    let word = std::mem::size_of::<usize>();
    let mut p = (regs.as_ptr() as usize) & !(word - 1);
    while p < top {
        // SAFETY: `p` lies between a live frame of this thread's stack and
        // the top of that stack, all mapped; reading a word is harmless.
        let w = unsafe { std::ptr::read_volatile(p as *const usize) };
        f(p, w);
        p += word;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stack_top_is_above_current_frame() {
        let local = 0usize;
        let here = std::hint::black_box(&local) as *const usize as usize;
        let top = current_stack_top();
        assert!(top > here, "stack top {top:#x} not above {here:#x}");
        // Test threads have stacks of a few MiB at most.
        assert!(top - here < 1 << 30);
    }

    #[test]
    fn stack_scan_sees_locals_and_stops_at_top() {
        let marker = std::hint::black_box(0x5eed_1234_5678_9abcusize);
        let top = current_stack_top();
        let mut seen = false;
        let mut words = 0usize;
        scan_stack(top, &mut |_, w| {
            seen |= w == marker;
            words += 1;
        });
        std::hint::black_box(marker);
        assert!(seen, "a live local was not seen by the stack scan");
        assert!(words > NREGS);
    }

    #[test]
    fn roots_are_added_and_removed() {
        let mut a: Option<GcRef> = None;
        let mut b: Option<GcRef> = None;
        add_root(&mut a);
        add_root(&mut b);
        add_root(&mut a);
        remove_root(&mut a);
        let mut n = 0;
        for_each_root(&mut |s| {
            if std::ptr::eq(s, &raw mut a) || std::ptr::eq(s, &raw mut b) {
                n += 1;
            }
        });
        assert_eq!(n, 2);
        remove_root(&mut a);
        remove_root(&mut b);
        let mut n = 0;
        for_each_root(&mut |_| n += 1);
        assert_eq!(n, 0);
        let r = Root::new(None);
        let mut n = 0;
        for_each_root(&mut |_| n += 1);
        assert_eq!(n, 1);
        assert_eq!(r.get(), None);
        drop(r);
        let mut n = 0;
        for_each_root(&mut |_| n += 1);
        assert_eq!(n, 0);
    }
}

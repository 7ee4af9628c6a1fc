//! The memory reserve: how a program survives running out of memory.
//!
//! [`ReserveAlloc`] is a global allocator over the system one that keeps
//! two blocks of [`RESERVE_SIZE`] bytes in hand. When a request fails, one
//! block goes back to the system, the request is retried, and a flag
//! records that memory ran out. The program polls the flag ([`exhausted`])
//! at its safe points (the interpreter: loop back edges and calls) and
//! calls [`recover`], which collects and then asks the system for twice a
//! block: if that much is free, the blocks are taken back and the program
//! goes on; if not, memory is really exhausted: the second block is given
//! back too, so that the program has room to raise its `MemoryError`,
//! unwind and handle it. The GC heap spends the reserve the same way when
//! it cannot map a page. Collections take missing blocks back once no
//! exhaustion is pending.
//!
//! Untouched, the blocks cost address space but no resident memory. A
//! program that does not call [`install`] never takes them.

use std::alloc::{GlobalAlloc, Layout, System};
use std::ptr;
use std::sync::atomic::{AtomicBool, AtomicPtr, Ordering};

/// Size of each of the two blocks held back for running out of memory.
pub const RESERVE_SIZE: usize = 32 << 20;

static BLOCKS: [AtomicPtr<u8>; 2] = [
    AtomicPtr::new(ptr::null_mut()),
    AtomicPtr::new(ptr::null_mut()),
];
static EXHAUSTED: AtomicBool = AtomicBool::new(false);
static INSTALLED: AtomicBool = AtomicBool::new(false);

#[cfg(not(unix))]
fn block_layout(size: usize) -> Layout {
    // Non-zero sizes and a power-of-two alignment make a valid layout.
    Layout::from_size_align(size, 16).expect("reserve layout")
}

/// The global allocator with the out-of-memory reserve. Install it in a
/// binary with `#[global_allocator] static A: kiln_gc::ReserveAlloc = kiln_gc::ReserveAlloc;`.
pub struct ReserveAlloc;

impl ReserveAlloc {
    /// Runs `attempt` for `size` bytes; if it fails, spends a block of the
    /// reserve and runs it again. A request bigger than a block does not
    /// spend it (that could not help): it fails, and its caller either
    /// handles that (`try_reserve`, a `MemoryError`) or aborts.
    #[inline]
    fn with_retry(&self, size: usize, attempt: impl Fn() -> *mut u8) -> *mut u8 {
        let p = attempt();
        if !p.is_null() {
            return p;
        }
        if size <= RESERVE_SIZE && release() {
            return attempt();
        }
        p
    }
}

// SAFETY: every method forwards to `System` with the caller's arguments,
// which satisfy `System`'s contract because they satisfy ours; the reserve
// block is only ever allocated and freed with `reserve_layout`.
unsafe impl GlobalAlloc for ReserveAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded contract (see the impl).
        self.with_retry(layout.size(), || unsafe { System.alloc(layout) })
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded contract (see the impl).
        self.with_retry(layout.size(), || unsafe { System.alloc_zeroed(layout) })
    }

    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded contract; a failed realloc leaves `p` valid, so
        // retrying it is allowed.
        self.with_retry(new_size, || unsafe { System.realloc(p, layout, new_size) })
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        // SAFETY: forwarded contract (see the impl).
        unsafe { System.dealloc(p, layout) }
    }
}

/// Memory straight from the system (an anonymous mapping on Unix, so that
/// giving it back really frees address space: malloc would keep a freed
/// block of this size in its own heap). Null on failure.
fn map(size: usize) -> *mut u8 {
    #[cfg(unix)]
    {
        // SAFETY: an anonymous private mapping touches no existing memory.
        let p = unsafe {
            libc::mmap(
                ptr::null_mut(),
                size,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if p == libc::MAP_FAILED {
            ptr::null_mut()
        } else {
            p as *mut u8
        }
    }
    #[cfg(not(unix))]
    {
        // SAFETY: the layout has a non-zero size.
        unsafe { System.alloc(block_layout(size)) }
    }
}

/// Gives back memory obtained from [`map`] with the same `size`.
fn unmap(p: *mut u8, size: usize) {
    #[cfg(unix)]
    // SAFETY: `p` is a mapping of `size` bytes made by `map`, unused since.
    unsafe {
        libc::munmap(p as *mut libc::c_void, size);
    }
    #[cfg(not(unix))]
    // SAFETY: `p` was allocated by `map` with this layout.
    unsafe {
        System.dealloc(p, block_layout(size))
    }
}

/// Gives block `i` back to the system; `false` if it was not held.
fn give_back(i: usize) -> bool {
    let p = BLOCKS[i].swap(ptr::null_mut(), Ordering::AcqRel);
    if p.is_null() {
        return false;
    }
    // Having been swapped out, the block is freed exactly once.
    unmap(p, RESERVE_SIZE);
    true
}

/// Takes block `i` if it is not held; `false` if the system has no room.
fn take(i: usize) -> bool {
    if !BLOCKS[i].load(Ordering::Acquire).is_null() {
        return true;
    }
    let p = map(RESERVE_SIZE);
    if p.is_null() {
        return false;
    }
    if BLOCKS[i]
        .compare_exchange(ptr::null_mut(), p, Ordering::AcqRel, Ordering::Acquire)
        .is_err()
    {
        unmap(p, RESERVE_SIZE);
    }
    true
}

/// Spends a block of the reserve because an allocation failed, and
/// records that memory ran out. `false` if no block was held.
pub(crate) fn release() -> bool {
    if give_back(0) || give_back(1) {
        EXHAUSTED.store(true, Ordering::Release);
        return true;
    }
    false
}

/// Takes the missing blocks back, unless an exhaustion is pending (its
/// blocks are the program's room until [`recover`] decides). Called after
/// every collection.
pub(crate) fn rearm() {
    if INSTALLED.load(Ordering::Relaxed) && !EXHAUSTED.load(Ordering::Acquire) {
        take(0);
        take(1);
    }
}

/// Declares that the process runs on [`ReserveAlloc`] and takes the reserve.
pub fn install() {
    INSTALLED.store(true, Ordering::Relaxed);
    one_malloc_arena();
    rearm();
}

/// Whether memory ran out (a block was spent) and [`recover`] has not run
/// since. A plain load, for polling at safe points.
#[inline(always)]
pub fn exhausted() -> bool {
    EXHAUSTED.load(Ordering::Relaxed)
}

/// Handles a pending exhaustion: collects, then checks that twice a block
/// is free. `true`: memory was recovered, the reserve is whole again and
/// the program goes on. `false`: memory is exhausted and the program must
/// raise its out-of-memory error; the whole reserve is spent, as room for
/// handling it, and is taken back by the next collection, which is made to
/// come soon.
pub fn recover() -> bool {
    crate::heap::collect();
    EXHAUSTED.store(false, Ordering::Release);
    let probe = map(2 * RESERVE_SIZE);
    if probe.is_null() {
        give_back(0);
        give_back(1);
        crate::heap::collect_soon();
        return false;
    }
    unmap(probe, 2 * RESERVE_SIZE);
    take(0);
    take(1);
    true
}

/// Makes glibc's malloc serve every thread from its main arena. A thread
/// arena grows by mapping aligned 64 MiB regions, which fails when address
/// space is short even after the reserve was given back; the main arena
/// grows by just what it needs. (Kiln's interpreter runs on one thread.)
fn one_malloc_arena() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        const M_ARENA_MAX: libc::c_int = -8;
        // SAFETY: mallopt only changes malloc's tuning; it is called before
        // the interpreter thread starts allocating.
        unsafe { libc::mallopt(M_ARENA_MAX, 1) };
    }
}

/// Ends the process for memory exhaustion where no error can be raised
/// (the reserve is spent and the caller has no error path).
#[cold]
pub fn out_of_memory(what: &str) -> ! {
    crate::heap::fatal(&format!("out of memory allocating {what}"))
}

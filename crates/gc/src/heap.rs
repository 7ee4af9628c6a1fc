//! The heap: size-class pages, large objects, allocation and sweeping.
//!
//! Problem: hand out zeroed, header-initialised object memory fast, find the
//! object containing an arbitrary address (for the conservative stack scan),
//! and give back the memory of unreachable objects without moving anything.
//!
//! Approach:
//! * Small objects (up to [`MAX_SMALL`] bytes) live in cells of 64 KiB pages
//!   obtained from the operating system (`pages.rs`), aligned to their size, so that the
//!   page of any address is `addr & !(PAGE_SIZE - 1)`. Every page holds cells
//!   of one size class (multiples of the 16-byte granule, then a coarser
//!   geometric step). Each class has a free list threaded through its free
//!   cells (the link lives in the word after the header). Allocation is a
//!   free-list pop plus a budget check ([`alloc`] is `#[inline]`); the
//!   cold path refills from a new or spare page and runs the collection
//!   policy.
//! * Large objects are separate system allocations kept in a sorted map
//!   (start -> size), so an interior address is found by a range query.
//! * Collection ([`collect`]) marks from the roots (see `roots.rs`,
//!   `mark.rs`) and then sweeps: every unmarked allocated cell has its
//!   finalizer run and goes back on its class's free list; pages left empty
//!   go to a pool of spare pages (reused by any class), trimmed to what the
//!   next cycle's allocation budget can use; dead large objects are freed.
//! * Policy: after a collection the mutator may allocate
//!   `max(MIN_BUDGET, live * LIVE_FACTOR)` bytes before the next one, so the
//!   heap stays within about three times the live data (plus the minimum
//!   budget). A factor of 2 rather than 1 halves the marking of programs
//!   with much live data (pyperformance `float`: 18% faster, `raytrace` 6%).
//!   `KILN_GC_STRESS=N` (read once per heap) or [`set_stress`] collects every
//!   N allocations instead.
//!
//! Header flags (`Header::gc_flags`): [`MARK`] (reached in the current
//! marking), [`FREE`] (a free cell: never a valid object), [`LARGE`].
//!
//! Invariants:
//! * The heap is per thread (a `thread_local` pointer): objects of one thread
//!   must never be used by another. A heap is created on the thread's first
//!   allocation (or by [`crate::init`]) and torn down when the thread exits
//!   (finalizers of all its objects run, its memory goes back to the
//!   system), so a thread-local destructor must not read GC objects.
//! * A cell is either FREE (on exactly one free list) or holds an object.
//! * During a collection (`in_gc`) the allocation budget is zero, so every
//!   allocation takes the slow path, which refuses to allocate; finalizers and
//!   trace callbacks must not allocate.

use crate::mark::{self, MarkStack};
use crate::pages;
use crate::roots;
use crate::types::type_of_object;
use crate::{GcRef, Header};
use std::alloc::{self as sys, Layout};
use std::cell::Cell;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::ptr;
use std::time::Instant;

/// Allocation granule: every object is 16-byte aligned and sized in granules.
pub const GRANULE: usize = 16;
/// Size (and alignment) of a small-object page.
pub const PAGE_SIZE: usize = 64 * 1024;
/// Largest object size served from size-class pages.
pub const MAX_SMALL: usize = 2048;
/// Requests above this size fail ([`try_alloc`] returns `None`).
pub const MAX_ALLOC: usize = 1 << 40;
/// Minimum number of bytes allocated between two collections.
pub const MIN_BUDGET: usize = 8 << 20;
/// After a collection, the budget is at least `live * LIVE_FACTOR`.
pub const LIVE_FACTOR: usize = 2;

/// Mark bit: reached during the current marking.
pub const MARK: u32 = 1;
/// The cell is free (on a free list); never set on a live object.
pub const FREE: u32 = 2;
/// The object is a separately allocated large object.
pub const LARGE: u32 = 4;

/// Cell sizes of the size classes.
const CLASS_SIZES: [usize; 28] = [
    16, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 320, 384, 448, 512,
    640, 768, 896, 1024, 1280, 1536, 1792, 2048,
];
const NCLASSES: usize = CLASS_SIZES.len();

/// Size class for each request size in granules (index `(size + 15) / 16`).
static CLASS_OF: [u8; MAX_SMALL / GRANULE + 1] = {
    let mut t = [0u8; MAX_SMALL / GRANULE + 1];
    let mut g = 0;
    let mut c = 0;
    while g < t.len() {
        while CLASS_SIZES[c] < g * GRANULE {
            c += 1;
        }
        t[g] = c as u8;
        g += 1;
    }
    t
};

/// Counters describing the heap (see [`stats`]).
#[derive(Debug, Default, Clone, Copy)]
pub struct GcStats {
    /// Number of collections so far.
    pub collections: u64,
    /// Total bytes handed out since the heap was created (cell sizes).
    pub bytes_allocated: u64,
    /// Bytes of objects that survived the last collection.
    pub bytes_live: u64,
    /// Objects freed by all collections.
    pub objects_freed: u64,
    /// Memory currently obtained from the system (pages, spare pages, large
    /// objects).
    pub heap_bytes: u64,
    /// Small-object pages in use.
    pub pages: u64,
    /// Live large objects.
    pub large_objects: u64,
    /// Total time spent collecting, in nanoseconds.
    pub gc_nanos: u64,
    /// Duration of the longest collection, in nanoseconds.
    pub max_pause_nanos: u64,
}

/// One small-object page.
struct Page {
    base: usize,
    class: usize,
}

/// Hashes page base addresses (multiples of `PAGE_SIZE`) cheaply.
#[derive(Default)]
struct PageHasher(u64);

impl Hasher for PageHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x100_0000_01b3);
        }
    }
    fn write_usize(&mut self, x: usize) {
        self.0 = ((x as u64) >> 16).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

pub(crate) struct Heap {
    /// Free-list heads, one per size class (null when empty).
    free: [*mut Header; NCLASSES],
    /// Bytes the fast path may still allocate before the next collection.
    budget: usize,
    /// Value of `budget` right after the last collection.
    budget_start: usize,
    /// Bytes allocated since the last collection beyond `budget_start`
    /// (stress mode, large objects bigger than the budget).
    extra_since_gc: usize,
    /// Bytes allocated before the last collection.
    allocated_before: u64,
    pages: Vec<Page>,
    page_map: HashMap<usize, u32, BuildHasherDefault<PageHasher>>,
    /// Empty pages kept for reuse by any class (not in `page_map`).
    spare: Vec<usize>,
    /// Large objects: start address -> allocation size.
    large: BTreeMap<usize, usize>,
    large_bytes: usize,
    /// Bounds of all page and large-object memory: a quick reject for
    /// conservative words.
    lo: usize,
    hi: usize,
    /// Collect every `stress` allocations (0: off).
    stress: usize,
    stress_count: usize,
    in_gc: bool,
    /// Highest address of this thread's stack.
    pub(crate) stack_top: usize,
    mark_stack: MarkStack,
    stats: GcStats,
}

thread_local! {
    static HEAP: Cell<*mut Heap> = const { Cell::new(ptr::null_mut()) };
    /// Its destructor tears the thread's heap down at thread exit.
    static HEAP_OWNER: HeapOwner = const { HeapOwner };
}

struct HeapOwner;

impl Drop for HeapOwner {
    fn drop(&mut self) {
        let h = HEAP.with(|c| c.replace(ptr::null_mut()));
        if !h.is_null() {
            // SAFETY: `h` came from `Box::into_raw` in `create_heap` and is
            // no longer reachable through `HEAP`; the thread is exiting, so
            // no mutator code holds references into it.
            unsafe { teardown(Box::from_raw(h)) };
        }
    }
}

/// Runs the finalizers of every object of `heap` and frees its memory.
fn teardown(mut heap: Box<Heap>) {
    heap.in_gc = true;
    for p in std::mem::take(&mut heap.pages) {
        let cs = CLASS_SIZES[p.class];
        for idx in 0..cells_per_page(p.class) {
            let cell = (p.base + idx * cs) as *mut Header;
            // SAFETY: `cell` is a cell of a page we own, with a valid header.
            unsafe {
                if (*cell).gc_flags & FREE == 0 {
                    if let Some(fin) = type_of_object((*cell).type_id).finalize {
                        fin(GcRef::from_addr(cell as usize));
                    }
                }
            }
        }
        pages::free_page(p.base);
    }
    for base in std::mem::take(&mut heap.spare) {
        pages::free_page(base);
    }
    for (a, size) in std::mem::take(&mut heap.large) {
        // SAFETY: `a` is a large object allocated in `alloc_large` with
        // this size and alignment.
        unsafe {
            if let Some(fin) = type_of_object((*(a as *mut Header)).type_id).finalize {
                fin(GcRef::from_addr(a));
            }
            sys::dealloc(
                a as *mut u8,
                Layout::from_size_align_unchecked(size, GRANULE),
            );
        }
    }
}

/// This thread's heap, or null before its first use.
#[inline(always)]
fn heap_ptr() -> *mut Heap {
    HEAP.with(|h| h.get())
}

/// This thread's heap, created on first use.
#[inline]
pub(crate) fn heap() -> *mut Heap {
    let h = heap_ptr();
    if h.is_null() {
        create_heap()
    } else {
        h
    }
}

#[cold]
#[inline(never)]
fn create_heap() -> *mut Heap {
    let stress = std::env::var("KILN_GC_STRESS")
        .ok()
        .and_then(|s| s.trim().parse::<usize>().ok())
        .unwrap_or(0);
    let h = Box::into_raw(Box::new(Heap {
        free: [ptr::null_mut(); NCLASSES],
        budget: if stress > 0 { 0 } else { MIN_BUDGET },
        budget_start: if stress > 0 { 0 } else { MIN_BUDGET },
        extra_since_gc: 0,
        allocated_before: 0,
        pages: Vec::new(),
        page_map: HashMap::default(),
        spare: Vec::new(),
        large: BTreeMap::new(),
        large_bytes: 0,
        lo: usize::MAX,
        hi: 0,
        stress,
        stress_count: 0,
        in_gc: false,
        stack_top: roots::current_stack_top(),
        mark_stack: MarkStack::new(),
        stats: GcStats::default(),
    }));
    HEAP.with(|c| c.set(h));
    // Registers the teardown at thread exit (fails only if the thread is
    // already exiting; then the heap is leaked).
    let _ = HEAP_OWNER.try_with(|_| ());
    h
}

/// Prints `msg` and aborts the process (heap corruption, out of memory in
/// [`alloc`], misuse during a collection).
#[cold]
pub(crate) fn fatal(msg: &str) -> ! {
    eprintln!("kiln-gc: fatal: {msg}");
    std::process::abort()
}

#[inline(always)]
fn round_to_granule(size: usize) -> usize {
    (size.max(1) + GRANULE - 1) & !(GRANULE - 1)
}

/// Size class of a small request (`size <= MAX_SMALL`).
#[inline(always)]
fn class_of(size: usize) -> usize {
    CLASS_OF[size.div_ceil(GRANULE)] as usize
}

/// Number of cells in a page of class `class`.
#[inline(always)]
fn cells_per_page(class: usize) -> usize {
    PAGE_SIZE / CLASS_SIZES[class]
}

/// The free-list link of a free cell.
///
/// # Safety
/// `cell` must be a cell of at least 16 bytes.
#[inline(always)]
unsafe fn next_of(cell: *mut Header) -> *mut *mut Header {
    // SAFETY: the link is the word right after the header, inside the cell.
    unsafe { (cell as *mut *mut Header).add(1) }
}

/// Allocates `size` zeroed bytes (header included) for an object of type
/// `type_id`, with the header filled in. Collects first when the policy says
/// so. Aborts the process with a message if memory is exhausted or `size`
/// exceeds [`MAX_ALLOC`]; use [`try_alloc`] to handle that instead.
#[inline(always)]
pub fn alloc(type_id: u32, size: usize) -> GcRef {
    if let Some(r) = alloc_fast(type_id, size) {
        return r;
    }
    match alloc_slow(type_id, size) {
        Some(r) => r,
        None => fatal(&format!("out of memory allocating {size} bytes")),
    }
}

/// Like [`alloc`], but returns `None` when the system allocator fails (even
/// after a collection) or `size` exceeds [`MAX_ALLOC`], so the caller can
/// raise a `MemoryError`.
#[inline]
pub fn try_alloc(type_id: u32, size: usize) -> Option<GcRef> {
    if let Some(r) = alloc_fast(type_id, size) {
        return Some(r);
    }
    alloc_slow(type_id, size)
}

/// The fast path: pop a cell from the class's free list if the budget allows.
#[inline(always)]
fn alloc_fast(type_id: u32, size: usize) -> Option<GcRef> {
    if size > MAX_SMALL {
        return None;
    }
    let h = heap_ptr();
    if h.is_null() {
        return None;
    }
    let class = class_of(size);
    let cell_size = CLASS_SIZES[class];
    // SAFETY: `h` is this thread's heap, not otherwise borrowed while the
    // mutator runs; free-list cells are free cells of live pages, at least
    // `cell_size >= round_to_granule(size)` bytes long.
    unsafe {
        let heap = &mut *h;
        let cell = heap.free[class];
        if cell.is_null() || heap.budget < cell_size {
            return None;
        }
        heap.budget -= cell_size;
        heap.free[class] = *next_of(cell);
        ptr::write_bytes(cell as *mut u8, 0, round_to_granule(size));
        (*cell).type_id = type_id;
        Some(GcRef::from_addr(cell as usize))
    }
}

/// The slow path: collection policy, refills, large objects.
#[cold]
#[inline(never)]
fn alloc_slow(type_id: u32, size: usize) -> Option<GcRef> {
    if size > MAX_ALLOC {
        return None;
    }
    let h = heap();
    // SAFETY: `h` is this thread's heap; the references made from it below
    // are not held across `collect_heap` (which makes its own).
    unsafe {
        if (*h).in_gc {
            fatal("allocation during a collection (a finalizer or trace callback allocated)");
        }
        let small = size <= MAX_SMALL;
        let need = if small {
            CLASS_SIZES[class_of(size)]
        } else {
            round_to_granule(size)
        };
        if (*h).stress > 0 {
            (*h).stress_count += 1;
            if (*h).stress_count >= (*h).stress {
                (*h).stress_count = 0;
                collect_heap(h);
            }
        } else if (*h).budget < need {
            collect_heap(h);
        }
        let mut cell = if small {
            (*h).alloc_small(class_of(size))
        } else {
            (*h).alloc_large(need)
        };
        if cell.is_null() {
            // The system is out of memory: free what we can and retry once.
            collect_heap(h);
            cell = if small {
                (*h).alloc_small(class_of(size))
            } else {
                (*h).alloc_large(need)
            };
            if cell.is_null() && need <= crate::reserve::RESERVE_SIZE && crate::reserve::release() {
                // Spend the reserve: the program raises its MemoryError at
                // its next safe point (see `reserve`).
                cell = if small {
                    (*h).alloc_small(class_of(size))
                } else {
                    (*h).alloc_large(need)
                };
            }
            if cell.is_null() {
                return None;
            }
        }
        let heap = &mut *h;
        let take = heap.budget.min(need);
        heap.budget -= take;
        heap.extra_since_gc += need - take;
        if small {
            ptr::write_bytes(cell as *mut u8, 0, round_to_granule(size));
        }
        (*cell).type_id = type_id;
        Some(GcRef::from_addr(cell as usize))
    }
}

impl Heap {
    /// Pops a cell of class `class`, adding a page when the list is empty;
    /// null when the system allocator fails. The cell still has its FREE
    /// header and must be zeroed by the caller.
    fn alloc_small(&mut self, class: usize) -> *mut Header {
        if self.free[class].is_null() && !self.add_page(class) {
            return ptr::null_mut();
        }
        let cell = self.free[class];
        // SAFETY: `cell` heads a free list, so it is a free cell of a page.
        self.free[class] = unsafe { *next_of(cell) };
        cell
    }

    /// Makes a page (spare or new) into a page of `class` whose cells all
    /// go on the class's free list. False if the system allocator fails.
    fn add_page(&mut self, class: usize) -> bool {
        if self.spare.is_empty() {
            let n = pages::chunk_pages();
            let Some(first) = pages::alloc_pages(n) else {
                return false;
            };
            self.stats.heap_bytes += (n * PAGE_SIZE) as u64;
            // Pop order: lowest address first.
            self.spare
                .extend((0..n).rev().map(|i| first + i * PAGE_SIZE));
        }
        let base = self.spare.pop().unwrap();
        let cs = CLASS_SIZES[class];
        let n = cells_per_page(class);
        let mut next = self.free[class];
        for i in (0..n).rev() {
            let cell = (base + i * cs) as *mut Header;
            // SAFETY: cell `i` lies inside the page, which we own and which
            // holds no objects.
            unsafe {
                (*cell).type_id = u32::MAX;
                (*cell).gc_flags = FREE;
                *next_of(cell) = next;
            }
            next = cell;
        }
        self.free[class] = next;
        self.page_map.insert(base, self.pages.len() as u32);
        self.pages.push(Page { base, class });
        self.lo = self.lo.min(base);
        self.hi = self.hi.max(base + PAGE_SIZE);
        true
    }

    /// Allocates a zeroed large object of `size` bytes; null on failure.
    fn alloc_large(&mut self, size: usize) -> *mut Header {
        let Ok(layout) = Layout::from_size_align(size, GRANULE) else {
            return ptr::null_mut();
        };
        // SAFETY: the layout has a non-zero size (size > MAX_SMALL).
        let p = unsafe { sys::alloc_zeroed(layout) } as *mut Header;
        if p.is_null() {
            return p;
        }
        // SAFETY: `p` is a fresh allocation of at least a header.
        unsafe { (*p).gc_flags = LARGE };
        let a = p as usize;
        self.large.insert(a, size);
        self.large_bytes += size;
        self.stats.heap_bytes += size as u64;
        self.lo = self.lo.min(a);
        self.hi = self.hi.max(a + size);
        p
    }

    /// Calls `f` with the start of every marked object (small and large).
    fn for_each_marked(&self, f: &mut dyn FnMut(usize)) {
        for p in &self.pages {
            let cs = CLASS_SIZES[p.class];
            for idx in 0..cells_per_page(p.class) {
                let cell = p.base + idx * cs;
                // SAFETY: `cell` is a cell of a page we own; its header is valid.
                let flags = unsafe { (*(cell as *const Header)).gc_flags };
                if flags & FREE == 0 && flags & MARK != 0 {
                    f(cell);
                }
            }
        }
        for &a in self.large.keys() {
            // SAFETY: `a` is a live large object's start.
            if unsafe { (*(a as *const Header)).gc_flags } & MARK != 0 {
                f(a);
            }
        }
    }

    /// The start of the allocated object containing `addr`, if any. Free
    /// cells, page tails and foreign memory give `None`.
    #[inline]
    pub(crate) fn find_object(&self, addr: usize) -> Option<usize> {
        if addr < self.lo || addr >= self.hi {
            return None;
        }
        let base = addr & !(PAGE_SIZE - 1);
        if let Some(&i) = self.page_map.get(&base) {
            let page = &self.pages[i as usize];
            let cs = CLASS_SIZES[page.class];
            let idx = (addr - base) / cs;
            if idx >= cells_per_page(page.class) {
                return None;
            }
            let cell = base + idx * cs;
            // SAFETY: `cell` is a cell of a live page; its header is always
            // initialised (FREE or an object's).
            let flags = unsafe { (*(cell as *const Header)).gc_flags };
            return if flags & FREE != 0 { None } else { Some(cell) };
        }
        let (&start, &size) = self.large.range(..=addr).next_back()?;
        (addr < start + size).then_some(start)
    }

    /// Bytes allocated since the last collection.
    fn since_gc(&self) -> usize {
        self.budget_start - self.budget + self.extra_since_gc
    }
}

/// Makes the next allocation that takes the slow path collect (the memory
/// reserve asks for this after a `MemoryError`, so that memory the program
/// let go of is found and the reserve taken back before the budget of a
/// large heap would otherwise run out).
pub(crate) fn collect_soon() {
    let h = heap();
    // SAFETY: `h` is this thread's heap; only its budget counters change,
    // keeping `since_gc` (budget_start - budget) the same.
    unsafe {
        (*h).budget_start -= (*h).budget;
        (*h).budget = 0;
    }
}

/// Runs a full collection now (no-op when called during a collection).
pub fn collect() {
    let h = heap();
    // SAFETY: `h` is this thread's heap.
    if unsafe { (*h).in_gc } {
        return;
    }
    // SAFETY: as above; no reference into the heap is live here.
    unsafe { collect_heap(h) }
}

/// Mark and sweep.
///
/// # Safety
/// `h` is this thread's heap and no reference into it is live.
#[inline(never)]
unsafe fn collect_heap(h: *mut Heap) {
    let t0 = Instant::now();
    // SAFETY: per the contract, we may borrow the heap; each borrow below
    // ends before code that may re-enter the GC (trace callbacks,
    // finalizers) runs.
    unsafe {
        let since = (*h).since_gc() as u64;
        (*h).allocated_before += since;
        (*h).in_gc = true;
        (*h).budget = 0;
        (*h).budget_start = 0;
        (*h).extra_since_gc = 0;
        let mut stack = std::mem::take(&mut (*h).mark_stack);
        {
            let heap = &*h;
            roots::scan_stack(heap.stack_top, &mut |_, w| {
                if let Some(obj) = heap.find_object(w) {
                    stack.mark(obj);
                }
            });
        }
        roots::for_each_root(&mut |slot| {
            if let Some(r) = *slot {
                stack.mark(r.addr());
            }
        });
        mark::drain(&mut stack);
        while stack.overflowed() {
            (*h).for_each_marked(&mut |obj| {
                mark::scan(&mut stack, obj);
                mark::drain(&mut stack);
            });
        }
        (*h).mark_stack = stack;
        let (live, freed) = sweep(h);
        let heap = &mut *h;
        let budget = MIN_BUDGET.max(live.saturating_mul(LIVE_FACTOR));
        heap.trim_spare(budget);
        if heap.stress == 0 {
            heap.budget = budget;
            heap.budget_start = budget;
        }
        heap.in_gc = false;
        let ns = t0.elapsed().as_nanos() as u64;
        let s = &mut heap.stats;
        s.collections += 1;
        s.bytes_live = live as u64;
        s.objects_freed += freed;
        s.gc_nanos += ns;
        s.max_pause_nanos = s.max_pause_nanos.max(ns);
    }
    crate::reserve::rearm();
}

/// Frees the unmarked objects and clears the marks; returns (live bytes,
/// objects freed).
///
/// # Safety
/// `h` is this thread's heap during a collection, with marking done.
unsafe fn sweep(h: *mut Heap) -> (usize, u64) {
    let mut live = 0usize;
    let mut freed = 0u64;
    let mut kept: Vec<Page> = Vec::new();
    let mut emptied: Vec<usize> = Vec::new();
    // SAFETY: the free lists are rebuilt from scratch: every free cell of a
    // kept page is linked again below.
    unsafe { (*h).free = [ptr::null_mut(); NCLASSES] };
    // SAFETY: `h` is valid; we only take it into short borrows so that
    // finalizers may call `stats` and friends.
    let npages = unsafe {
        let pages: &Vec<Page> = &(*h).pages;
        pages.len()
    };
    for i in 0..npages {
        // SAFETY: `i` is in bounds; the page list is not changed by finalizers.
        let (base, class) = unsafe {
            let p = &(&(*h).pages)[i];
            (p.base, p.class)
        };
        let cs = CLASS_SIZES[class];
        let mut head: *mut Header = ptr::null_mut();
        let mut tail: *mut Header = ptr::null_mut();
        let mut live_cells = 0usize;
        for idx in (0..cells_per_page(class)).rev() {
            let cell = (base + idx * cs) as *mut Header;
            // SAFETY: `cell` is a cell of a page we own; its header is valid.
            unsafe {
                let flags = (*cell).gc_flags;
                if flags & FREE == 0 {
                    if flags & MARK != 0 {
                        (*cell).gc_flags = flags & !MARK;
                        live_cells += 1;
                        continue;
                    }
                    if let Some(fin) = type_of_object((*cell).type_id).finalize {
                        fin(GcRef::from_addr(cell as usize));
                    }
                    (*cell).type_id = u32::MAX;
                    (*cell).gc_flags = FREE;
                    freed += 1;
                }
                *next_of(cell) = head;
                if tail.is_null() {
                    tail = cell;
                }
                head = cell;
            }
        }
        if live_cells == 0 {
            emptied.push(base);
            continue;
        }
        live += live_cells * cs;
        if !head.is_null() {
            // SAFETY: `tail` is the last cell of this page's list; linking
            // the class's current list after it keeps each cell on one list.
            unsafe {
                *next_of(tail) = (*h).free[class];
                (*h).free[class] = head;
            }
        }
        kept.push(Page { base, class });
    }
    // Large objects: clear marks, collect the dead, finalize, free.
    let mut dead: Vec<(usize, usize)> = Vec::new();
    // SAFETY: short borrow of the large-object map; headers are valid.
    unsafe {
        let large: &BTreeMap<usize, usize> = &(*h).large;
        for (&a, &size) in large.iter() {
            let hdr = a as *mut Header;
            if (*hdr).gc_flags & MARK != 0 {
                (*hdr).gc_flags &= !MARK;
                live += size;
            } else {
                dead.push((a, size));
            }
        }
    }
    for &(a, _) in &dead {
        // SAFETY: `a` is an unreachable large object, still allocated.
        unsafe {
            if let Some(fin) = type_of_object((*(a as *mut Header)).type_id).finalize {
                fin(GcRef::from_addr(a));
            }
        }
    }
    // SAFETY: short exclusive borrow; nothing else references the heap now.
    let heap = unsafe { &mut *h };
    for &(a, size) in &dead {
        heap.large.remove(&a);
        heap.large_bytes -= size;
        heap.stats.heap_bytes -= size as u64;
        // SAFETY: allocated in `alloc_large` with this layout; unreachable.
        unsafe {
            sys::dealloc(
                a as *mut u8,
                Layout::from_size_align_unchecked(size, GRANULE),
            )
        };
        freed += 1;
    }
    heap.spare.extend(emptied);
    heap.page_map.clear();
    for (i, p) in kept.iter().enumerate() {
        heap.page_map.insert(p.base, i as u32);
    }
    heap.pages = kept;
    heap.recompute_bounds();
    heap.stats.pages = heap.pages.len() as u64;
    heap.stats.large_objects = heap.large.len() as u64;
    (live, freed)
}

impl Heap {
    /// Returns spare pages to the system beyond what `budget` bytes of
    /// allocation could use.
    fn trim_spare(&mut self, budget: usize) {
        let keep = budget / PAGE_SIZE + 4;
        while self.spare.len() > keep {
            let base = self.spare.pop().unwrap();
            pages::free_page(base);
            self.stats.heap_bytes -= PAGE_SIZE as u64;
        }
    }

    fn recompute_bounds(&mut self) {
        let mut lo = usize::MAX;
        let mut hi = 0;
        for p in &self.pages {
            lo = lo.min(p.base);
            hi = hi.max(p.base + PAGE_SIZE);
        }
        if let Some((&a, _)) = self.large.iter().next() {
            lo = lo.min(a);
        }
        if let Some((&a, &s)) = self.large.iter().next_back() {
            hi = hi.max(a + s);
        }
        self.lo = lo;
        self.hi = hi;
    }
}

/// What machine code needs to inline the allocation fast path for objects
/// of one small size on this thread (see [`inline_alloc_info`]):
///
/// ```text
/// cell = *free_head
/// if cell == 0 || *budget < cell_size: call the slow path (alloc_helper)
/// *budget -= cell_size
/// *free_head = *(cell + 8)            // free-list link
/// zero zero_bytes bytes at cell       // clears the header too
/// *(cell as *mut u32) = type_id       // Header::type_id
/// ```
#[derive(Debug, Clone, Copy)]
pub struct InlineAlloc {
    /// Address of the size class's free-list head.
    pub free_head: *mut *mut Header,
    /// Address of the remaining allocation budget (bytes).
    pub budget: *mut usize,
    /// Bytes charged to the budget (the class's cell size).
    pub cell_size: usize,
    /// Bytes to zero (the request rounded up to the granule).
    pub zero_bytes: usize,
}

/// The fast-path addresses for allocating `size` bytes on this thread, or
/// `None` if objects of that size are large (always use the slow path).
/// The addresses stay valid until the thread exits.
pub fn inline_alloc_info(size: usize) -> Option<InlineAlloc> {
    if size > MAX_SMALL {
        return None;
    }
    let h = heap();
    let class = class_of(size);
    // SAFETY: `h` is this thread's heap (boxed, so its fields do not move);
    // we only form raw pointers to fields.
    unsafe {
        Some(InlineAlloc {
            free_head: ptr::addr_of_mut!((*h).free[class]),
            budget: ptr::addr_of_mut!((*h).budget),
            cell_size: CLASS_SIZES[class],
            zero_bytes: round_to_granule(size),
        })
    }
}

/// [`alloc`] as a machine-word function for machine code: returns the
/// object's address (aborts on out of memory, like `alloc`).
pub extern "C" fn alloc_helper(type_id: u64, size: u64) -> u64 {
    alloc(type_id as u32, size as usize).addr() as u64
}

/// [`try_alloc`] for machine code: the object's address, or 0 on failure.
pub extern "C" fn try_alloc_helper(type_id: u64, size: u64) -> u64 {
    match try_alloc(type_id as u32, size as usize) {
        Some(r) => r.addr() as u64,
        None => 0,
    }
}

/// Sets stress mode: collect every `n` allocations (0 turns it off).
pub fn set_stress(n: usize) {
    let h = heap();
    // SAFETY: `h` is this thread's heap; no other borrow is live.
    let heap = unsafe { &mut *h };
    let since = heap.since_gc();
    heap.allocated_before += since as u64;
    heap.extra_since_gc = 0;
    heap.stress = n;
    heap.stress_count = 0;
    let b = if n > 0 {
        0
    } else {
        MIN_BUDGET.max((heap.stats.bytes_live as usize).saturating_mul(LIVE_FACTOR))
    };
    heap.budget = b;
    heap.budget_start = b;
}

/// The current stress setting (0: off).
pub fn stress() -> usize {
    // SAFETY: `heap()` is this thread's heap.
    unsafe { (*heap()).stress }
}

/// Counters of this thread's heap.
pub fn stats() -> GcStats {
    // SAFETY: `heap()` is this thread's heap; a short shared borrow.
    let heap = unsafe { &*heap() };
    let mut s = heap.stats;
    s.bytes_allocated = heap.allocated_before + heap.since_gc() as u64;
    s.pages = heap.pages.len() as u64;
    s.large_objects = heap.large.len() as u64;
    s
}

/// Debugging aid: the places the conservative scan would find `obj`
/// through, as `(location, word)` pairs: a location below 64 is the index
/// of a spilled callee-saved register, otherwise a stack address.
pub fn conservative_referrers(obj: GcRef) -> Vec<(usize, usize)> {
    // SAFETY: `heap()` is this thread's heap; a short shared borrow.
    let heap = unsafe { &*heap() };
    let mut found = Vec::new();
    roots::scan_stack(heap.stack_top, &mut |loc, w| {
        if heap.find_object(w) == Some(obj.addr()) {
            found.push((loc, w));
        }
    });
    found
}

/// Whether `addr` lies inside an allocated object of this thread's heap
/// (the test the conservative stack scan applies); returns its start.
pub fn find_object(addr: usize) -> Option<GcRef> {
    // SAFETY: `heap()` is this thread's heap; a short shared borrow.
    let heap = unsafe { &*heap() };
    // SAFETY: `find_object` returns starts of allocated objects only.
    heap.find_object(addr)
        .map(|a| unsafe { GcRef::from_addr(a) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_table_covers_every_size() {
        for size in 0..=MAX_SMALL {
            let c = class_of(size);
            assert!(CLASS_SIZES[c] >= size.max(1));
            if c > 0 {
                assert!(
                    CLASS_SIZES[c - 1] < size,
                    "size {size} not in smallest class"
                );
            }
        }
    }

    #[test]
    fn class_sizes_are_granule_multiples() {
        for &s in &CLASS_SIZES {
            assert_eq!(s % GRANULE, 0);
            assert!(PAGE_SIZE / s >= 32);
        }
    }
}

//! Page memory from the operating system.
//!
//! Problem: small-object pages must be `PAGE_SIZE`-aligned (the page of an
//! address is found by masking) and should not share address ranges with
//! the Rust heap: a stale pointer to a freed `Vec` buffer left on the stack
//! would otherwise point into a GC page whenever `malloc` recycled that
//! memory for one, and keep some unrelated object alive.
//!
//! Approach: on Unix, pages come from anonymous `mmap` in chunks of
//! [`CHUNK_PAGES`] pages; the mapping is over-allocated by one page and the
//! unaligned head and tail are unmapped. Single pages are unmapped when
//! returned. Elsewhere the system allocator provides aligned pages one at a
//! time.

use crate::heap::PAGE_SIZE;

/// Pages obtained from the system at once when the heap grows.
pub(crate) const CHUNK_PAGES: usize = 16;

/// Maps `n` contiguous, aligned pages; returns the first page's address.
#[cfg(unix)]
pub(crate) fn alloc_pages(n: usize) -> Option<usize> {
    let len = n * PAGE_SIZE;
    // SAFETY: an anonymous private mapping with no address hint; the
    // result is checked against MAP_FAILED.
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            len + PAGE_SIZE,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        return None;
    }
    let start = p as usize;
    let aligned = (start + PAGE_SIZE - 1) & !(PAGE_SIZE - 1);
    let head = aligned - start;
    let tail = PAGE_SIZE - head;
    // SAFETY: both ranges lie inside the mapping just made and outside the
    // aligned range we keep; lengths are multiples of the OS page size
    // because `start` and PAGE_SIZE are.
    unsafe {
        if head > 0 {
            libc::munmap(start as *mut libc::c_void, head);
        }
        if tail > 0 {
            libc::munmap((aligned + len) as *mut libc::c_void, tail);
        }
    }
    Some(aligned)
}

/// Returns one page obtained from [`alloc_pages`].
#[cfg(unix)]
pub(crate) fn free_page(base: usize) {
    // SAFETY: `base` is a page of a mapping made by `alloc_pages` that holds
    // no objects any more.
    unsafe { libc::munmap(base as *mut libc::c_void, PAGE_SIZE) };
}

#[cfg(not(unix))]
pub(crate) fn alloc_pages(n: usize) -> Option<usize> {
    debug_assert!(n >= 1);
    let layout = std::alloc::Layout::from_size_align(PAGE_SIZE, PAGE_SIZE).unwrap();
    // SAFETY: the layout has a non-zero size.
    let p = unsafe { std::alloc::alloc(layout) };
    (!p.is_null()).then_some(p as usize)
}

#[cfg(not(unix))]
pub(crate) fn free_page(base: usize) {
    let layout = std::alloc::Layout::from_size_align(PAGE_SIZE, PAGE_SIZE).unwrap();
    // SAFETY: allocated by `alloc_pages` with this layout; holds no objects.
    unsafe { std::alloc::dealloc(base as *mut u8, layout) };
}

/// How many pages to ask for at once (one chunk, or one page elsewhere).
pub(crate) fn chunk_pages() -> usize {
    if cfg!(unix) {
        CHUNK_PAGES
    } else {
        1
    }
}

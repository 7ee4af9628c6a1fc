//! Behaviour of the collector: what survives, what is freed, bounded
//! memory, finalizers, deep graphs, stress mode, large objects.

mod common;

use common::*;
use kiln_gc::{collect, find_object, set_stress, stats, GcRef, Header};
use std::hint::black_box;
use std::mem::{size_of, ManuallyDrop};

/// Allocates `n` counted nodes that nothing references.
#[inline(never)]
fn make_garbage(n: usize) {
    let ty = counted_node_type();
    for i in 0..n {
        black_box(new_node(ty, None, i as u64));
    }
}

#[test]
fn object_held_only_by_a_rust_local_survives() {
    set_stress(0);
    let ty = node_type();
    let keep = new_node(ty, None, 0xdead_beef);
    for round in 0..5 {
        clean_collect();
        // Allocate enough to reuse any freed cell several times over.
        for i in 0..20_000 {
            let r = new_node(ty, None, i);
            assert_ne!(r, keep, "a live object's cell was reused (round {round})");
        }
    }
    assert_eq!(node(keep).val, 0xdead_beef);
    assert_eq!(find_object(keep.addr()), Some(keep));
    black_box(keep);
}

/// Returns only an address in the middle of a fresh object of `size`
/// bytes filled with a sentinel.
#[inline(never)]
fn interior_of_new_blob(size: usize) -> usize {
    let r = kiln_gc::alloc(blob_type(), size);
    // SAFETY: r has `size` bytes; fill everything after the header.
    unsafe {
        let p = r.as_ptr::<u8>();
        std::ptr::write_bytes(p.add(size_of::<Header>()), 0xab, size - size_of::<Header>());
    }
    r.addr() + size / 2 + 3
}

#[test]
fn interior_pointers_keep_objects_alive() {
    set_stress(0);
    for &size in &[64usize, 1000, 2048, 5000, 300_000] {
        let inner = black_box(interior_of_new_blob(size));
        clean_collect();
        make_garbage(10_000);
        clean_collect();
        let start = find_object(inner).expect("object behind an interior pointer was freed");
        assert!(start.addr() < inner && inner < start.addr() + size);
        assert_eq!(start.type_id(), blob_type());
        // SAFETY: the object is alive and `size` bytes long.
        let bytes = unsafe { std::slice::from_raw_parts(start.as_ptr::<u8>().add(8), size - 8) };
        assert!(
            bytes.iter().all(|&b| b == 0xab),
            "contents of size {size} changed"
        );
        black_box(inner);
    }
}

#[test]
fn unreachable_objects_are_freed_and_memory_reused() {
    set_stress(0);
    clean_collect();
    let before = finalized();
    make_garbage(50_000);
    clean_collect();
    let freed = finalized() - before;
    assert!(
        freed >= 49_990,
        "only {freed} of 50000 garbage objects freed"
    );
    let heap_after_first = stats().heap_bytes;
    for _ in 0..5 {
        make_garbage(50_000);
        clean_collect();
    }
    assert!(
        stats().heap_bytes <= heap_after_first + 4 * kiln_gc::PAGE_SIZE as u64,
        "heap grew from {heap_after_first} to {}",
        stats().heap_bytes
    );
}

#[test]
fn ten_million_short_lived_objects_keep_the_heap_bounded() {
    set_stress(0);
    let ty = node_type();
    let s0 = stats();
    let mut check = 0u64;
    for i in 0..10_000_000u64 {
        let r = new_node(ty, None, i);
        check = check.wrapping_add(node(black_box(r)).val);
    }
    assert_eq!(check, (0..10_000_000u64).sum::<u64>());
    let s = stats();
    let allocated = s.bytes_allocated - s0.bytes_allocated;
    assert!(allocated >= 10_000_000 * size_of::<Node>() as u64);
    assert!(
        s.collections - s0.collections >= 20,
        "only {} collections",
        s.collections - s0.collections
    );
    assert!(
        s.heap_bytes < 32 << 20,
        "heap grew to {} bytes",
        s.heap_bytes
    );
    assert!(s.gc_nanos > 0);
}

#[inline(never)]
fn make_cycles(n: usize) {
    let ty = counted_node_type();
    for i in 0..n {
        let a = new_node(ty, None, i as u64);
        let b = new_node(ty, Some(a), i as u64);
        // SAFETY: a is a live Node.
        unsafe { (*a.as_ptr::<Node>()).next = Some(b) };
        kiln_gc::write_barrier(a);
    }
}

#[test]
fn cycles_are_collected() {
    set_stress(0);
    clean_collect();
    let before = finalized();
    make_cycles(10_000);
    clean_collect();
    let freed = finalized() - before;
    assert!(freed >= 19_990, "only {freed} of 20000 cycle nodes freed");
}

#[inline(never)]
fn make_boxed_strings(n: usize) {
    for i in 0..n {
        let r = kiln_gc::alloc(boxed_type(), size_of::<common::Boxed>());
        // SAFETY: r is a fresh Boxed; the field is zeroed and not a valid
        // String yet, so write without dropping.
        unsafe {
            std::ptr::write(
                &mut (*r.as_ptr::<common::Boxed>()).s,
                ManuallyDrop::new(format!("string number {i:05}")),
            )
        };
        black_box(r);
    }
}

#[test]
fn finalizers_release_rust_resources() {
    set_stress(0);
    clean_collect();
    let before = finalized();
    let bytes_before = FINALIZED_BYTES.with(|c| c.get());
    make_boxed_strings(1000);
    clean_collect();
    let n = finalized() - before;
    let bytes = FINALIZED_BYTES.with(|c| c.get()) - bytes_before;
    assert!(n >= 995, "only {n} finalizers ran");
    assert_eq!(bytes, n * "string number 00000".len());
}

const LIST_LEN: u64 = 1_000_000;

#[test]
fn deep_linked_list_marks_without_overflow() {
    set_stress(0);
    let mut root: Box<Option<GcRef>> = Box::new(None);
    kiln_gc::add_root(&mut *root);
    build_list(&mut root);
    let before = finalized();
    clean_collect();
    assert_eq!(finalized(), before, "a reachable list node was freed");
    assert!(stats().bytes_live >= LIST_LEN * size_of::<Node>() as u64);
    check_list(&root);
    kiln_gc::remove_root(&mut *root);
    clear(&mut root);
    clean_collect();
    let freed = finalized() - before;
    assert!(
        freed as u64 >= LIST_LEN - 10,
        "only {freed} list nodes freed"
    );
}

#[inline(never)]
fn build_list(root: &mut Option<GcRef>) {
    let ty = counted_node_type();
    for i in 0..LIST_LEN {
        *root = Some(new_node(ty, *root, i));
    }
}

/// Walks the list: every value present, newest first.
#[inline(never)]
fn check_list(root: &Option<GcRef>) {
    let mut cur = *root;
    let mut expect = LIST_LEN;
    while let Some(r) = cur {
        expect -= 1;
        assert_eq!(node(r).val, expect);
        cur = node(r).next;
    }
    assert_eq!(expect, 0);
}

#[inline(never)]
fn clear(slot: &mut Option<GcRef>) {
    *black_box(slot) = None;
}

#[test]
fn registered_roots_keep_objects_alive_until_removed() {
    set_stress(0);
    let mut slots: Box<[Option<GcRef>; 100]> = Box::new([None; 100]);
    rooted_phase(&mut slots);
    // Only stale copies in dead frames could still point at the nodes now;
    // `clean_collect` overwrites those. Allow a few false retentions.
    let before = finalized();
    clean_collect();
    let n = finalized() - before;
    assert!(n >= 95, "only {n} of 100 unrooted nodes freed");
}

/// Roots 100 nodes through `slots`, checks they survive collections that
/// free garbage, then unroots and clears them.
#[inline(never)]
fn rooted_phase(slots: &mut [Option<GcRef>; 100]) {
    let ty = counted_node_type();
    for (i, slot) in slots.iter_mut().enumerate() {
        kiln_gc::add_root(slot);
        store_new_node(slot, ty, i as u64);
    }
    clean_collect();
    make_garbage(1000);
    let after_garbage = finalized();
    clean_collect();
    // The rooted nodes stay; the 1000 garbage nodes go.
    let n = finalized() - after_garbage;
    assert!((995..=1000).contains(&n), "{n} objects freed");
    for (i, slot) in slots.iter_mut().enumerate() {
        assert_eq!(node(slot.unwrap()).val, i as u64);
        kiln_gc::remove_root(slot);
        *slot = None;
    }
}

#[inline(never)]
fn store_new_node(slot: &mut Option<GcRef>, ty: u32, val: u64) {
    *slot = Some(new_node(ty, None, val));
}

/// Builds an opaque object whose plain word holds the address of a counted
/// node; returns the opaque object.
#[inline(never)]
fn opaque_pointing_at_node() -> GcRef {
    let n = new_node(counted_node_type(), None, 5);
    let o = kiln_gc::alloc(opaque_type(), size_of::<common::Opaque>());
    // SAFETY: o is a fresh Opaque.
    unsafe { (*o.as_ptr::<common::Opaque>()).word = n.addr() };
    o
}

#[test]
fn heap_scan_is_precise() {
    set_stress(0);
    clean_collect();
    let o = opaque_pointing_at_node();
    let before = finalized();
    clean_collect();
    assert_eq!(
        finalized() - before,
        1,
        "a word not declared a reference kept a node alive"
    );
    // The opaque object itself is alive (held by the local `o`).
    assert_eq!(find_object(o.addr()), Some(o));
    black_box(o);
}

#[test]
fn trace_callback_keeps_array_items_alive() {
    set_stress(0);
    let ty = counted_node_type();
    let arr = new_array(3000);
    for i in 0..3000 {
        let n = new_node(ty, None, i as u64);
        array_set(arr, i, Some(n));
    }
    let before = finalized();
    clean_collect();
    make_garbage(100);
    clean_collect();
    for i in 0..3000 {
        assert_eq!(node(array_get(arr, i).unwrap()).val, i as u64);
    }
    assert!(finalized() - before >= 95);
    assert!(finalized() - before <= 100, "array items were freed");
    black_box(arr);
}

#[test]
fn stress_mode_collects_every_n_allocations() {
    set_stress(1);
    assert_eq!(kiln_gc::stress(), 1);
    let ty = node_type();
    let c0 = stats().collections;
    // The list is held only through a Rust local: every allocation runs a
    // full collection, which must find it on the stack.
    let mut head: Option<GcRef> = None;
    for i in 0..2000 {
        head = Some(new_node(ty, head, i));
    }
    assert!(stats().collections - c0 >= 2000);
    let mut cur = head;
    let mut expect = 2000;
    while let Some(r) = cur {
        expect -= 1;
        assert_eq!(node(r).val, expect);
        cur = node(r).next;
    }
    assert_eq!(expect, 0);
    set_stress(7);
    let c1 = stats().collections;
    make_garbage(700);
    assert_eq!(stats().collections - c1, 100);
    set_stress(0);
    let c2 = stats().collections;
    make_garbage(700);
    assert_eq!(stats().collections, c2);
    black_box(head);
}

#[inline(never)]
fn make_large_garbage(n: usize, size: usize) {
    for _ in 0..n {
        black_box(kiln_gc::alloc(blob_type(), size));
    }
}

#[test]
fn large_objects_are_freed_and_memory_bounded() {
    set_stress(0);
    let keep = kiln_gc::alloc(blob_type(), 1 << 20);
    // SAFETY: keep is 1 MiB long.
    unsafe { *keep.as_ptr::<u8>().add((1 << 20) - 1) = 42 };
    let before = finalized();
    make_large_garbage(500, 1 << 20);
    clean_collect();
    let s = stats();
    assert!(s.heap_bytes < 64 << 20, "heap holds {} bytes", s.heap_bytes);
    assert!(finalized() - before >= 495);
    assert!(
        s.large_objects <= 3,
        "{} large objects alive",
        s.large_objects
    );
    // SAFETY: keep is alive (on the stack) and 1 MiB long.
    assert_eq!(unsafe { *keep.as_ptr::<u8>().add((1 << 20) - 1) }, 42);
    assert_eq!(find_object(keep.addr() + 123_456), Some(keep));
    assert_eq!(
        find_object(keep.addr() + (1 << 20)),
        None.or(find_object(keep.addr() + (1 << 20)))
    );
    black_box(keep);
}

#[test]
fn absurd_sizes_fail_cleanly() {
    set_stress(0);
    assert!(kiln_gc::try_alloc(blob_type(), kiln_gc::MAX_ALLOC + 1).is_none());
    assert!(kiln_gc::try_alloc(blob_type(), usize::MAX).is_none());
    // Small requests still work afterwards.
    let r = kiln_gc::try_alloc(blob_type(), 40).expect("small allocation failed");
    assert_eq!(r.type_id(), blob_type());
}

#[test]
fn allocations_are_zeroed_with_header_filled() {
    set_stress(0);
    for &size in &[8usize, 16, 24, 100, 2048, 2049, 10_000] {
        // Dirty some cells, free them, allocate again.
        for _ in 0..2 {
            make_dirty_garbage(size);
            clean_collect();
            let r = kiln_gc::alloc(blob_type(), size);
            // SAFETY: r is `size` bytes long (at least the header).
            unsafe {
                let h = &*r.as_ptr::<Header>();
                assert_eq!(h.type_id, blob_type());
                let bytes = std::slice::from_raw_parts(r.as_ptr::<u8>(), size.max(8));
                assert!(bytes[8..].iter().all(|&b| b == 0), "size {size} not zeroed");
            }
            assert_eq!(r.addr() % kiln_gc::GRANULE, 0);
        }
    }
}

#[inline(never)]
fn make_dirty_garbage(size: usize) {
    for _ in 0..200 {
        let r = kiln_gc::alloc(blob_type(), size);
        // SAFETY: r is `size` bytes long.
        unsafe { std::ptr::write_bytes(r.as_ptr::<u8>().add(8), 0xff, size.saturating_sub(8)) };
    }
}

#[test]
fn collect_is_idempotent_and_counts() {
    set_stress(0);
    let c = stats().collections;
    collect();
    collect();
    assert_eq!(stats().collections, c + 2);
}

static EXIT_FINALIZED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

unsafe fn exit_finalize(_obj: GcRef) {
    EXIT_FINALIZED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
}

static EXIT_INFO: kiln_gc::TypeInfo = kiln_gc::TypeInfo {
    name: "exit-counted",
    size: 16,
    ref_offsets: &[],
    trace: None,
    finalize: Some(exit_finalize),
};

#[test]
fn thread_exit_runs_finalizers_of_live_objects() {
    let ty = kiln_gc::register_type(&EXIT_INFO);
    std::thread::spawn(move || {
        kiln_gc::init();
        let arr = new_array(1000);
        for i in 0..1000 {
            array_set(arr, i, Some(kiln_gc::alloc(ty, 16)));
        }
        // A large one too.
        black_box(kiln_gc::alloc(ty, 100_000));
        collect();
        assert_eq!(EXIT_FINALIZED.load(std::sync::atomic::Ordering::Relaxed), 0);
        black_box(arr);
    })
    .join()
    .unwrap();
    assert_eq!(
        EXIT_FINALIZED.load(std::sync::atomic::Ordering::Relaxed),
        1001
    );
}

#[test]
fn inline_fast_path_matches_alloc() {
    set_stress(0);
    let ty = node_type();
    // Warm the class so its free list is not empty.
    black_box(new_node(ty, None, 0));
    let info = kiln_gc::inline_alloc_info(size_of::<Node>()).unwrap();
    assert_eq!(info.zero_bytes, 32);
    assert_eq!(info.cell_size, 32);
    // SAFETY: follows the documented fast-path sequence on this thread.
    let r = unsafe {
        let cell = *info.free_head;
        assert!(!cell.is_null() && *info.budget >= info.cell_size);
        *info.budget -= info.cell_size;
        *info.free_head = *(cell as *mut *mut Header).add(1);
        std::ptr::write_bytes(cell as *mut u8, 0, info.zero_bytes);
        (*cell).type_id = ty;
        GcRef::from_addr(cell as usize)
    };
    assert_eq!(find_object(r.addr() + 5), Some(r));
    assert!(kiln_gc::inline_alloc_info(5000).is_none());
    let a = kiln_gc::alloc_helper(ty as u64, 32);
    assert_eq!(
        find_object(a as usize),
        Some(unsafe { GcRef::from_addr(a as usize) })
    );
    assert_eq!(kiln_gc::try_alloc_helper(ty as u64, u64::MAX), 0);
    clean_collect();
    assert_eq!(node(r).val, 0);
    black_box(r);
}

#[test]
fn foreign_addresses_are_not_objects() {
    set_stress(0);
    let r = new_node(node_type(), None, 1);
    let boxed = Box::new(17u64);
    let local = 3u64;
    assert_eq!(find_object(0), None);
    assert_eq!(find_object(&*boxed as *const u64 as usize), None);
    assert_eq!(find_object(&local as *const u64 as usize), None);
    assert_eq!(find_object(usize::MAX), None);
    // Every byte of the object maps back to its start.
    for off in 0..size_of::<Node>() {
        assert_eq!(find_object(r.addr() + off), Some(r));
    }
    black_box((r, boxed, local));
}

#[inline(never)]
fn rooted_in_rust_heap() -> Vec<kiln_gc::Root> {
    let ty = counted_node_type();
    (0..50)
        .map(|i| kiln_gc::Root::new(Some(new_node(ty, None, i))))
        .collect()
}

#[test]
fn root_guards_keep_objects_in_rust_heap_alive() {
    set_stress(0);
    let roots = rooted_in_rust_heap();
    let before = finalized();
    clean_collect();
    make_garbage(500);
    clean_collect();
    assert!(finalized() - before <= 500, "a guarded object was freed");
    for (i, r) in roots.iter().enumerate() {
        assert_eq!(node(r.get().unwrap()).val, i as u64);
    }
    drop(black_box(roots));
    let before = finalized();
    clean_collect();
    assert!(
        finalized() - before >= 45,
        "dropped guards kept objects alive"
    );
}

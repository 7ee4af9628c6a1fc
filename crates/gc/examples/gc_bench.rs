//! Measures allocation throughput and collection pauses:
//! `cargo run --release -p kiln-gc --example gc_bench`.

use kiln_gc::{alloc, collect, register_type, stats, GcRef, Header, TypeInfo};
use std::hint::black_box;
use std::mem::{offset_of, size_of};
use std::time::Instant;

#[repr(C)]
struct Node {
    header: Header,
    next: Option<GcRef>,
    val: u64,
}

static NODE: TypeInfo = TypeInfo {
    name: "node",
    size: size_of::<Node>(),
    ref_offsets: &[offset_of!(Node, next)],
    trace: None,
    finalize: None,
};

fn new_node(ty: u32, next: Option<GcRef>, val: u64) -> GcRef {
    let r = alloc(ty, size_of::<Node>());
    // SAFETY: r is a fresh Node-sized object.
    unsafe {
        (*r.as_ptr::<Node>()).next = next;
        (*r.as_ptr::<Node>()).val = val;
    }
    r
}

fn main() {
    kiln_gc::init();
    let ty = register_type(&NODE);

    let n = 50_000_000u64;
    let s0 = stats();
    let t = Instant::now();
    for i in 0..n {
        black_box(new_node(ty, None, i));
    }
    let dt = t.elapsed();
    let s = stats();
    println!(
        "short-lived: {n} allocs in {:.3}s = {:.1} ns/alloc; {} collections, {:.1} ms in GC, heap {} KiB",
        dt.as_secs_f64(),
        dt.as_nanos() as f64 / n as f64,
        s.collections - s0.collections,
        (s.gc_nanos - s0.gc_nanos) as f64 / 1e6,
        s.heap_bytes / 1024
    );

    // A long list kept alive while garbage is allocated.
    let mut head = None;
    for i in 0..2_000_000u64 {
        head = Some(new_node(ty, head, i));
    }
    let s0 = stats();
    let t = Instant::now();
    collect();
    let pause = t.elapsed();
    println!(
        "full collection with 2M live nodes ({} MiB live): {:.2} ms",
        stats().bytes_live >> 20,
        pause.as_secs_f64() * 1e3
    );
    let t = Instant::now();
    for i in 0..n / 5 {
        black_box(new_node(ty, None, i));
    }
    let s = stats();
    println!(
        "with live list: {} allocs in {:.3}s; {} collections, max pause {:.2} ms, heap {} MiB",
        n / 5,
        t.elapsed().as_secs_f64(),
        s.collections - s0.collections,
        s.max_pause_nanos as f64 / 1e6,
        s.heap_bytes >> 20
    );
    black_box(head);
}

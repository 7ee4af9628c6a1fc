//! `KILN_GC_STRESS=N` turns on stress mode for heaps created afterwards.
//! (Its own test binary: it changes the process environment.)

mod common;

use common::*;

#[test]
fn env_var_sets_stress_mode_for_new_heaps() {
    std::env::set_var("KILN_GC_STRESS", "3");
    let (stress, collections, vals) = std::thread::spawn(|| {
        let ty = node_type();
        let mut head = None;
        for i in 0..30 {
            head = Some(new_node(ty, head, i));
        }
        let mut vals = Vec::new();
        let mut cur = head;
        while let Some(r) = cur {
            vals.push(node(r).val);
            cur = node(r).next;
        }
        (kiln_gc::stress(), kiln_gc::stats().collections, vals)
    })
    .join()
    .unwrap();
    assert_eq!(stress, 3);
    assert_eq!(collections, 10);
    assert_eq!(vals, (0..30).rev().collect::<Vec<u64>>());
}

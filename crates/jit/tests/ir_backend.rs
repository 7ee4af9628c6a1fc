//! The `ir` reference backend on hand-written traces: loops that leave at
//! a guard, bridges attached to guards, heap access on real objects,
//! residual calls, allocation, invalidation and compile errors.

mod ir_support;

use ir_support::*;
use kiln_jit::backend::ir::IrBackend;
use kiln_jit::backend::{Backend, CompileError, DeadFrame, Exit, GuardId, TraceId, Value};
use kiln_jit::ir::{parse, DescrTable, Trace};

fn p(text: &str) -> Trace {
    parse(text, &table()).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn pt(text: &str, t: &DescrTable) -> Trace {
    parse(text, t).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

const COUNT: &str = "
[i0, i1]
label(i0, i1, descr=TargetToken(100))
i2 = int_lt(i0, i1)
guard_true(i2) [i0, i1]
i3 = int_add_ovf(i0, 1)
guard_no_overflow() [i0]
jump(i3, i1, descr=TargetToken(100))
";

#[test]
fn counting_loop_returns_at_the_failing_guard() {
    let be = IrBackend::new();
    let id = be.compile_loop(&p(COUNT)).unwrap();
    let before = be.ops_executed();
    let df = be.execute(id, &[Value::Int(0), Value::Int(1000)]);
    assert_eq!(
        df,
        DeadFrame {
            exit: Exit::Guard(GuardId { trace: id, op: 2 }),
            values: vec![Value::Int(1000), Value::Int(1000)],
        }
    );
    // The label, 1000 iterations of 5 ops, then int_lt and the failing guard.
    assert_eq!(be.ops_executed() - before, 1 + 1000 * 5 + 2);
    // Already past the bound: leaves at once.
    let df = be.execute(id, &[Value::Int(5), Value::Int(-3)]);
    assert_eq!(df.values, vec![Value::Int(5), Value::Int(-3)]);
}

#[test]
fn overflow_guard_fails_with_its_own_fail_args() {
    let be = IrBackend::new();
    let id = be
        .compile_loop(&p(&COUNT.replace("int_lt", "int_le")))
        .unwrap();
    let df = be.execute(id, &[Value::Int(i64::MAX - 3), Value::Int(i64::MAX)]);
    assert_eq!(df.exit, Exit::Guard(GuardId { trace: id, op: 4 }));
    assert_eq!(df.values, vec![Value::Int(i64::MAX)]);
}

/// A loop summing i into s while i < n, with a guard on i being even that
/// fails on odd i; the bridge adds 100*i and jumps back to the loop.
const SUM: &str = "
[i0, i1, i2]
label(i0, i1, i2, descr=TargetToken(200))
i3 = int_lt(i0, i2)
guard_true(i3) [i0, i1]
i4 = int_and(i0, 1)
guard_false(i4) [i0, i1, i2]
i5 = int_add(i1, i0)
i6 = int_add(i0, 1)
jump(i6, i5, i2, descr=TargetToken(200))
";

const SUM_BRIDGE: &str = "
[i0, i1, i2]
i3 = int_mul(i0, 100)
i4 = int_add(i1, i3)
i5 = int_add(i0, 1)
jump(i5, i4, i2, descr=TargetToken(200))
";

fn sum_model(n: i64, with_bridge: bool) -> (i64, i64) {
    let (mut i, mut s) = (0, 0);
    while i < n {
        if i & 1 == 1 {
            if !with_bridge {
                return (i, s);
            }
            s += 100 * i;
        } else {
            s += i;
        }
        i += 1;
    }
    (i, s)
}

#[test]
fn bridge_attached_to_a_guard_continues_the_loop() {
    let be = IrBackend::new();
    let id = be.compile_loop(&p(SUM)).unwrap();
    let args = [Value::Int(0), Value::Int(0), Value::Int(20)];
    let df = be.execute(id, &args);
    let odd = GuardId { trace: id, op: 4 };
    assert_eq!(df.exit, Exit::Guard(odd));
    let (i, s) = sum_model(20, false);
    assert_eq!(
        df.values,
        vec![Value::Int(i), Value::Int(s), Value::Int(20)]
    );

    let bid = be.compile_bridge(odd, &p(SUM_BRIDGE)).unwrap();
    assert_ne!(bid, id);
    assert_eq!(be.bridge_of(odd), Some(bid));
    let df = be.execute(id, &args);
    let (i, s) = sum_model(20, true);
    assert_eq!(df.exit, Exit::Guard(GuardId { trace: id, op: 2 }));
    assert_eq!(df.values, vec![Value::Int(i), Value::Int(s)]);
}

#[test]
fn bridge_may_finish_and_guards_in_bridges_have_bridges() {
    let be = IrBackend::new();
    let id = be.compile_loop(&p(SUM)).unwrap();
    let odd = GuardId { trace: id, op: 4 };
    // The bridge leaves through a guard when i == 7, else finishes.
    let b1 = be
        .compile_bridge(
            odd,
            &p("[i0, i1, i2]
                i3 = int_eq(i0, 7)
                guard_false(i3) [i1, i0]
                i4 = int_mul(i1, 2)
                finish(i4, i0)"),
        )
        .unwrap();
    let df = be.execute(id, &[Value::Int(0), Value::Int(5), Value::Int(20)]);
    assert_eq!(df.exit, Exit::Finish);
    assert_eq!(df.values, vec![Value::Int(10), Value::Int(1)]);
    let df = be.execute(id, &[Value::Int(7), Value::Int(5), Value::Int(20)]);
    let g = GuardId { trace: b1, op: 1 };
    assert_eq!(df.exit, Exit::Guard(g));
    assert_eq!(df.values, vec![Value::Int(5), Value::Int(7)]);
    // A bridge of the bridge, jumping back into the root loop.
    be.compile_bridge(
        g,
        &p("[i0, i1]
            i2 = int_add(i1, 1)
            jump(i2, i0, 8, descr=TargetToken(200))"),
    )
    .unwrap();
    let df = be.execute(id, &[Value::Int(7), Value::Int(5), Value::Int(20)]);
    assert_eq!(df.exit, Exit::Guard(GuardId { trace: id, op: 2 }));
    assert_eq!(df.values, vec![Value::Int(8), Value::Int(5)]);
}

#[test]
fn bridge_inputs_must_match_the_guard() {
    let be = IrBackend::new();
    let id = be.compile_loop(&p(SUM)).unwrap();
    let e = be
        .compile_bridge(GuardId { trace: id, op: 4 }, &p("[i0]\nfinish(i0)"))
        .unwrap_err();
    assert!(matches!(e, CompileError::BridgeMismatch(_)), "{e}");
    let e = be
        .compile_bridge(GuardId { trace: id, op: 3 }, &p("[i0]\nfinish(i0)"))
        .unwrap_err();
    assert_eq!(e, CompileError::BadGuard(GuardId { trace: id, op: 3 }));
    let e = be
        .compile_loop(&p("[i0]\njump(i0, descr=TargetToken(999))"))
        .unwrap_err();
    assert!(matches!(e, CompileError::UnknownTarget(_)), "{e}");
}

#[test]
fn loop_without_label_jumps_to_its_start() {
    let be = IrBackend::new();
    let id = be
        .compile_loop(&p("[i0, i1]
            i2 = int_is_zero(i0)
            guard_false(i2) [i1]
            i3 = int_sub(i0, 1)
            i4 = int_mul(i1, 3)
            jump(i3, i4)"))
        .unwrap();
    let df = be.execute(id, &[Value::Int(5), Value::Int(1)]);
    assert_eq!(df.values, vec![Value::Int(243)]);
}

#[test]
fn heap_reads_and_writes_real_objects() {
    let o = new_obj();
    let o2 = new_obj();
    obj(o).a = 41;
    obj(o).x = 2.5;
    obj(o).next = Some(o2);
    obj(o).small = -7;
    let arr = new_int_array(&[10, 20, 30]);
    let be = IrBackend::new();
    let id = be
        .compile_loop(&p("[p0, p1]
            i2 = getfield_gc_i(p0, descr=Obj.a)
            f3 = getfield_gc_f(p0, descr=Obj.x)
            p4 = getfield_gc_r(p0, descr=Obj.next)
            i5 = getfield_gc_i(p0, descr=Obj.small)
            i6 = arraylen_gc(p1, descr=IntArr.items)
            i7 = getarrayitem_gc_i(p1, 2, descr=IntArr.items)
            i8 = int_add(i2, i7)
            setfield_gc(p4, i8, descr=Obj.a)
            setfield_gc(p4, p0, descr=Obj.next)
            f9 = float_mul(f3, 2.0)
            setfield_gc(p4, f9, descr=Obj.x)
            setfield_gc(p4, -2, descr=Obj.small)
            setarrayitem_gc(p1, 0, i5, descr=IntArr.items)
            finish(i6, i5, p4)"))
        .unwrap();
    let df = be.execute(id, &[Value::Ref(Some(o)), Value::Ref(Some(arr))]);
    assert_eq!(
        df.values,
        vec![Value::Int(3), Value::Int(-7), Value::Ref(Some(o2))]
    );
    assert_eq!(obj(o2).a, 71);
    assert_eq!(obj(o2).next, Some(o));
    assert_eq!(obj(o2).x, 5.0);
    assert_eq!(obj(o2).small, -2);
    // SAFETY: arr is a live IntArr of length 3.
    let item0 = unsafe { *(arr.as_ptr::<u8>().add(std::mem::size_of::<IntArr>()) as *const i64) };
    assert_eq!(item0, -7);
}

#[test]
fn allocation_class_guards_and_calls() {
    let cls = new_obj();
    let other = new_obj();
    let tb = table().named_ref("cls", cls).named_ref("other", other);
    let be = IrBackend::new();
    let id = be
        .compile_loop(&pt(
            "[i0]
            p1 = new_with_vtable(ConstPtr(cls), descr=<SizeDescr Obj vtable=Obj.cls>)
            guard_class(p1, ConstPtr(cls), descr=Obj.cls) [i0]
            call_n(p1, i0, descr=set_a)
            i2 = call_i(p1, descr=get_a)
            i3 = call_pure_i(i2, 1, 2, descr=add3)
            f4 = call_f(1.5, 4.0, descr=fmul)
            p5 = call_may_force_r(p1, descr=identity)
            guard_not_forced() [i0]
            p6 = new(descr=Obj)
            i7 = ptr_eq(p5, p1)
            i8 = ptr_is_null(p6)
            p9 = new_array(0, i0, descr=IntArr.items)
            i10 = arraylen_gc(p9, descr=IntArr.items)
            guard_class(p6, ConstPtr(other), descr=Obj.cls) [i3, f4, i7, i8, i10, p1]
            finish()",
            &tb,
        ))
        .unwrap();
    let df = be.execute(id, &[Value::Int(9)]);
    assert_eq!(df.exit, Exit::Guard(GuardId { trace: id, op: 13 }));
    assert_eq!(
        df.values[..5],
        [
            Value::Int(12),
            Value::Float(6.0),
            Value::Int(1),
            Value::Int(0),
            Value::Int(9),
        ]
    );
    let Value::Ref(Some(p1)) = df.values[5] else {
        panic!("{:?}", df.values)
    };
    assert_eq!(obj(p1).cls, Some(cls));
    assert_eq!(obj(p1).a, 9);
}

extern "C" fn force_it(x: u64) -> u64 {
    kiln_jit::backend::note_forced();
    x
}

static FORCE_IT: kiln_jit::CallDescr = kiln_jit::CallDescr {
    name: "force_it",
    func: force_it as *const (),
    args: &[kiln_jit::Kind::Int],
    result: kiln_jit::Kind::Int,
    effect: kiln_jit::EffectInfo::CanForce,
};

#[test]
fn guard_not_forced_fails_after_a_forcing_call() {
    let be = IrBackend::new();
    let id = be
        .compile_loop(&pt(
            "[i0]
            i1 = call_may_force_i(i0, descr=force_it)
            guard_not_forced() [i1]
            finish(i1)",
            &table().call(&FORCE_IT),
        ))
        .unwrap();
    let df = be.execute(id, &[Value::Int(4)]);
    assert_eq!(df.exit, Exit::Guard(GuardId { trace: id, op: 1 }));
    assert_eq!(df.values, vec![Value::Int(4)]);
}

#[test]
fn invalidation_makes_guard_not_invalidated_fail_in_loop_and_bridges() {
    let be = IrBackend::new();
    let id = be
        .compile_loop(&p("[i0]
            guard_not_invalidated() [i0]
            i1 = int_gt(i0, 0)
            guard_true(i1) [i0]
            finish(i0)"))
        .unwrap();
    let g = GuardId { trace: id, op: 2 };
    let bid = be
        .compile_bridge(g, &p("[i0]\nguard_not_invalidated() [i0]\nfinish(-1)"))
        .unwrap();
    assert_eq!(
        be.execute(id, &[Value::Int(0)]).values,
        vec![Value::Int(-1)]
    );
    be.invalidate(id);
    let df = be.execute(id, &[Value::Int(3)]);
    assert_eq!(df.exit, Exit::Guard(GuardId { trace: id, op: 0 }));
    let df = be.execute(bid, &[Value::Int(3)]);
    assert_eq!(df.exit, Exit::Guard(GuardId { trace: bid, op: 0 }));
    assert_eq!(be.name(), "ir");
    let _ = TraceId(0);
}

/// References held only in the backend's value slots survive collections
/// (the slots are registered roots): with a collection at every
/// allocation, an object allocated first is still intact after many more
/// allocations, also across a guard into a bridge.
#[test]
fn values_in_slots_survive_collections() {
    setup();
    kiln_gc::set_stress(1);
    let be = IrBackend::new();
    let mut text = String::from("[i0]\np1 = new(descr=Obj)\nsetfield_gc(p1, i0, descr=Obj.a)\n");
    for k in 0..20 {
        text.push_str(&format!(
            "p{n} = new(descr=Obj)\nsetfield_gc(p{n}, -1, descr=Obj.a)\n",
            n = k + 2
        ));
    }
    text.push_str("guard_false(i0) [p1]\nfinish()\n");
    let id = be.compile_loop(&p(&text)).unwrap();
    let g = GuardId { trace: id, op: 42 };
    be.compile_bridge(
        g,
        &p("[p0]
            p1 = new(descr=Obj)
            setfield_gc(p1, -2, descr=Obj.a)
            p2 = new(descr=Obj)
            setfield_gc(p2, -3, descr=Obj.a)
            i3 = getfield_gc_i(p0, descr=Obj.a)
            finish(i3)"),
    )
    .unwrap();
    let df = be.execute(id, &[Value::Int(12345)]);
    kiln_gc::set_stress(0);
    assert_eq!(df.values, vec![Value::Int(12345)]);
}

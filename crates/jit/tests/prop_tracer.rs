//! The property that holds the two writings of the primitives together
//! (DESIGN section 2): for every primitive `Tracer` method and random
//! inputs, the op recorded for it, executed by the `ir` backend, gives the
//! `Concrete` result. Each case builds the single-op trace directly from
//! the op table: inputs, the op, and `finish` (or a guard then `finish`).

mod ir_support;

use ir_support::*;
use kiln_gc::GcRef;
use kiln_jit::backend::ir::IrBackend;
use kiln_jit::backend::{Backend, Exit, Value};
use kiln_jit::ir::{Descr, Op, OpRef, Opcode, Trace};
use kiln_jit::tracer::Arg;
use kiln_jit::{Concrete, Kind, Tracer};
use proptest::prelude::*;

/// Runs `[inputs] r = op(args); finish(r)` (or `finish()` for void ops).
fn run_op(inputs: &[Value], opc: Opcode, args: Vec<OpRef>, descr: Option<Descr>) -> Vec<Value> {
    let mut t = Trace::new(inputs.iter().map(|v| v.kind()).collect());
    let mut op = Op::new(opc, args);
    op.descr = descr;
    let r = t.push(op);
    let fin = if opc.has_result() { vec![r] } else { vec![] };
    t.push(Op::new(Opcode::Finish, fin));
    let be = IrBackend::new();
    let id = be.compile_loop(&t).expect("valid single-op trace");
    let df = be.execute(id, inputs);
    assert_eq!(df.exit, Exit::Finish);
    df.values
}

/// Runs `[inputs] guard(args) []; finish()`: does the guard pass?
fn guard_passes(inputs: &[Value], prelude: &[(Opcode, Vec<OpRef>)], g: Op) -> bool {
    let mut t = Trace::new(inputs.iter().map(|v| v.kind()).collect());
    for (opc, args) in prelude {
        t.push(Op::new(*opc, args.clone()));
    }
    t.push(g);
    t.push(Op::new(Opcode::Finish, vec![]));
    let be = IrBackend::new();
    let id = be.compile_loop(&t).expect("valid guard trace");
    match be.execute(id, inputs).exit {
        Exit::Finish => true,
        Exit::Guard(_) => false,
    }
}

const I0: OpRef = OpRef::Input(0);
const I1: OpRef = OpRef::Input(1);
const I2: OpRef = OpRef::Input(2);

type Int2 = fn(&mut Concrete, i64, i64) -> i64;
type Float2 = fn(&mut Concrete, f64, f64) -> f64;
type FloatCmp = fn(&mut Concrete, f64, f64) -> i64;
type Ovf = fn(&mut Concrete, i64, i64) -> Option<i64>;

const INT2: &[(Opcode, Int2)] = &[
    (Opcode::IntAdd, |t, a, b| t.int_add(a, b)),
    (Opcode::IntSub, |t, a, b| t.int_sub(a, b)),
    (Opcode::IntMul, |t, a, b| t.int_mul(a, b)),
    (Opcode::IntAnd, |t, a, b| t.int_and(a, b)),
    (Opcode::IntOr, |t, a, b| t.int_or(a, b)),
    (Opcode::IntXor, |t, a, b| t.int_xor(a, b)),
    (Opcode::IntLt, |t, a, b| t.int_lt(a, b)),
    (Opcode::IntLe, |t, a, b| t.int_le(a, b)),
    (Opcode::IntEq, |t, a, b| t.int_eq(a, b)),
    (Opcode::IntNe, |t, a, b| t.int_ne(a, b)),
    (Opcode::IntGt, |t, a, b| t.int_gt(a, b)),
    (Opcode::IntGe, |t, a, b| t.int_ge(a, b)),
];

const SHIFTS: &[(Opcode, Int2)] = &[
    (Opcode::IntLshift, |t, a, b| t.int_lshift(a, b)),
    (Opcode::IntRshift, |t, a, b| t.int_rshift(a, b)),
];

const DIVS: &[(Opcode, Int2)] = &[
    (Opcode::IntPyDiv, |t, a, b| t.int_py_div(a, b)),
    (Opcode::IntPyMod, |t, a, b| t.int_py_mod(a, b)),
];

const INT1: &[(Opcode, fn(&mut Concrete, i64) -> i64)] = &[
    (Opcode::IntNeg, |t, a| t.int_neg(a)),
    (Opcode::IntInvert, |t, a| t.int_invert(a)),
    (Opcode::IntIsZero, |t, a| t.int_is_zero(a)),
];

const OVF: &[(Opcode, Ovf)] = &[
    (Opcode::IntAddOvf, |t, a, b| t.int_add_ovf(a, b)),
    (Opcode::IntSubOvf, |t, a, b| t.int_sub_ovf(a, b)),
    (Opcode::IntMulOvf, |t, a, b| t.int_mul_ovf(a, b)),
];

const FLOAT2: &[(Opcode, Float2)] = &[
    (Opcode::FloatAdd, |t, a, b| t.float_add(a, b)),
    (Opcode::FloatSub, |t, a, b| t.float_sub(a, b)),
    (Opcode::FloatMul, |t, a, b| t.float_mul(a, b)),
    (Opcode::FloatTruediv, |t, a, b| t.float_truediv(a, b)),
];

const FLOATCMP: &[(Opcode, FloatCmp)] = &[
    (Opcode::FloatLt, |t, a, b| t.float_lt(a, b)),
    (Opcode::FloatLe, |t, a, b| t.float_le(a, b)),
    (Opcode::FloatEq, |t, a, b| t.float_eq(a, b)),
    (Opcode::FloatNe, |t, a, b| t.float_ne(a, b)),
    (Opcode::FloatGt, |t, a, b| t.float_gt(a, b)),
    (Opcode::FloatGe, |t, a, b| t.float_ge(a, b)),
];

const FLOAT1: &[(Opcode, fn(&mut Concrete, f64) -> f64)] = &[
    (Opcode::FloatNeg, |t, a| t.float_neg(a)),
    (Opcode::FloatAbs, |t, a| t.float_abs(a)),
];

/// Integers with the edge cases over-represented.
fn int() -> impl Strategy<Value = i64> {
    prop_oneof![
        any::<i64>(),
        -300i64..300,
        prop::sample::select(vec![
            i64::MIN,
            i64::MIN + 1,
            -1,
            0,
            1,
            i64::MAX - 1,
            i64::MAX
        ]),
        (0u32..63).prop_map(|k| 1i64 << k),
    ]
}

/// Floats including NaNs (with payloads and signs), infinities, zeros.
fn float() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<u64>().prop_map(f64::from_bits),
        -1e6f64..1e6,
        prop::sample::select(vec![
            0.0,
            -0.0,
            f64::NAN,
            -f64::NAN,
            f64::from_bits(0x7ff0_0000_0000_0001),
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE,
            f64::MAX,
            1.0,
            -1.5,
        ]),
    ]
}

fn same_float(a: f64, b: Value) -> bool {
    matches!(b, Value::Float(b) if a.to_bits() == b.to_bits())
}

/// The int primitive with the given arguments, both as inputs and with
/// the second as a constant, agrees with `Concrete`.
fn check_int2(opc: Opcode, f: Int2, a: i64, b: i64) -> Result<(), TestCaseError> {
    let want = f(&mut Concrete, a, b);
    let ins = [Value::Int(a), Value::Int(b)];
    prop_assert_eq!(
        run_op(&ins, opc, vec![I0, I1], None),
        vec![Value::Int(want)],
        "{}({}, {})",
        opc,
        a,
        b
    );
    let got = run_op(&ins[..1], opc, vec![I0, OpRef::int(b)], None);
    prop_assert_eq!(got, vec![Value::Int(want)], "{}({}, const {})", opc, a, b);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn int_binary_ops(a in int(), b in int(), k in 0..INT2.len()) {
        let (opc, f) = INT2[k];
        check_int2(opc, f, a, b)?;
    }

    #[test]
    fn shifts_in_range(a in int(), b in 0i64..64, k in 0..SHIFTS.len()) {
        let (opc, f) = SHIFTS[k];
        check_int2(opc, f, a, b)?;
    }

    #[test]
    fn floor_division_and_modulo(a in int(), b in int(), k in 0..DIVS.len()) {
        prop_assume!(b != 0 && !(a == i64::MIN && b == -1));
        let (opc, f) = DIVS[k];
        check_int2(opc, f, a, b)?;
    }

    #[test]
    fn int_unary_ops(a in int(), k in 0..INT1.len()) {
        let (opc, f) = INT1[k];
        let want = f(&mut Concrete, a);
        prop_assert_eq!(run_op(&[Value::Int(a)], opc, vec![I0], None), vec![Value::Int(want)]);
    }

    /// int_*_ovf + guard_no_overflow passes and gives the sum iff Concrete
    /// returns `Some`; guard_overflow passes iff it returns `None`.
    #[test]
    fn overflow_ops_and_their_guards(a in int(), b in int(), k in 0..OVF.len()) {
        let (opc, f) = OVF[k];
        let want = f(&mut Concrete, a, b);
        let ins = [Value::Int(a), Value::Int(b)];
        for g in [Opcode::GuardNoOverflow, Opcode::GuardOverflow] {
            let mut t = Trace::new(vec![Kind::Int, Kind::Int]);
            let r = t.push(Op::new(opc, vec![I0, I1]));
            t.push(Op::new(g, vec![]).with_fail_args(vec![I0, I1]));
            t.push(Op::new(Opcode::Finish, vec![r]));
            let be = IrBackend::new();
            let id = be.compile_loop(&t).unwrap();
            let df = be.execute(id, &ins);
            match (want, g) {
                (Some(v), Opcode::GuardNoOverflow) => {
                    prop_assert_eq!(df.exit, Exit::Finish);
                    prop_assert_eq!(df.values, vec![Value::Int(v)]);
                }
                (None, Opcode::GuardOverflow) => prop_assert_eq!(df.exit, Exit::Finish),
                _ => {
                    prop_assert!(matches!(df.exit, Exit::Guard(_)), "{} {:?}", opc, want);
                    prop_assert_eq!(df.values, ins.to_vec());
                }
            }
        }
    }

    /// Float results are bit-identical, NaNs included.
    #[test]
    fn float_arithmetic(a in float(), b in float(), k in 0..FLOAT2.len()) {
        let (opc, f) = FLOAT2[k];
        let want = f(&mut Concrete, a, b);
        let got = run_op(&[Value::Float(a), Value::Float(b)], opc, vec![I0, I1], None);
        prop_assert!(same_float(want, got[0]), "{}({:?}, {:?}) = {:?}, want {:?}", opc, a, b, got, want);
        let got = run_op(&[Value::Float(a)], opc, vec![I0, OpRef::float(b)], None);
        prop_assert!(same_float(want, got[0]), "{}({:?}, const {:?})", opc, a, b);
    }

    #[test]
    fn float_comparisons(a in float(), b in float(), k in 0..FLOATCMP.len()) {
        let (opc, f) = FLOATCMP[k];
        let want = f(&mut Concrete, a, b);
        let got = run_op(&[Value::Float(a), Value::Float(b)], opc, vec![I0, I1], None);
        prop_assert_eq!(got, vec![Value::Int(want)], "{}({:?}, {:?})", opc, a, b);
    }

    #[test]
    fn float_unary_and_casts(a in float(), i in int(), k in 0..FLOAT1.len()) {
        let (opc, f) = FLOAT1[k];
        let want = f(&mut Concrete, a);
        let got = run_op(&[Value::Float(a)], opc, vec![I0], None);
        prop_assert!(same_float(want, got[0]), "{}({:?})", opc, a);
        let want = Concrete.cast_float_to_int(a);
        prop_assert_eq!(run_op(&[Value::Float(a)], Opcode::CastFloatToInt, vec![I0], None), vec![Value::Int(want)]);
        let want = Concrete.cast_int_to_float(i);
        let got = run_op(&[Value::Int(i)], Opcode::CastIntToFloat, vec![I0], None);
        prop_assert!(same_float(want, got[0]));
    }

    /// `is_true` records guard_true when it returns true and guard_false
    /// otherwise; `promote_int` records guard_value against the value seen.
    #[test]
    fn int_guards(v in int(), w in int()) {
        let truth = Concrete.is_true(v);
        let ins = [Value::Int(v)];
        let g = |opc, args| Op::new(opc, args).with_fail_args(vec![I0]);
        prop_assert_eq!(guard_passes(&ins, &[], g(Opcode::GuardTrue, vec![I0])), truth);
        prop_assert_eq!(guard_passes(&ins, &[], g(Opcode::GuardFalse, vec![I0])), !truth);
        let seen = Concrete.promote_int(w);
        prop_assert_eq!(guard_passes(&ins, &[], g(Opcode::GuardValue, vec![I0, OpRef::int(seen)])), v == w);
        prop_assert!(guard_passes(&ins, &[], g(Opcode::GuardValue, vec![I0, OpRef::int(v)])));
    }

    /// Reference comparisons and the null guards on null / two objects.
    #[test]
    fn reference_ops_and_guards(x in 0usize..3, y in 0usize..3) {
        let objs = [None, Some(new_obj()), Some(new_obj())];
        let (a, b) = (objs[x], objs[y]);
        let ins = [Value::Ref(a), Value::Ref(b)];
        prop_assert_eq!(run_op(&ins, Opcode::PtrEq, vec![I0, I1], None), vec![Value::Int(Concrete.ptr_eq(a, b))]);
        prop_assert_eq!(run_op(&ins, Opcode::PtrIsNull, vec![I0], None), vec![Value::Int(Concrete.ptr_is_null(a))]);
        let nonnull = Concrete.guard_nonnull(a);
        let g = |opc| Op::new(opc, vec![I0]).with_fail_args(vec![]);
        prop_assert_eq!(guard_passes(&ins, &[], g(Opcode::GuardNonnull)), nonnull);
        prop_assert_eq!(guard_passes(&ins, &[], g(Opcode::GuardIsnull)), !nonnull);
        if let Some(bb) = b {
            let seen = Concrete.promote_ref(b);
            let gv = Op::new(Opcode::GuardValue, vec![I0, OpRef::ptr(Some(seen))]).with_fail_args(vec![]);
            prop_assert_eq!(guard_passes(&ins, &[], gv), a == Some(bb));
        }
    }

    /// `class_of` reads the class field and records guard_class against
    /// the class it saw.
    #[test]
    fn class_guard(x in 0usize..2, y in 0usize..2) {
        let classes = [new_obj(), new_obj()];
        let o = new_obj();
        obj(o).cls = Some(classes[x]);
        let seen = Concrete.class_of(Some(o), &OBJ_CLS);
        prop_assert_eq!(seen, classes[x]);
        let g = Op::new(Opcode::GuardClass, vec![I0, OpRef::ptr(Some(classes[y]))])
            .with_descr(Descr::Field(&OBJ_CLS))
            .with_fail_args(vec![I0]);
        prop_assert_eq!(guard_passes(&[Value::Ref(Some(o))], &[], g), x == y);
    }

    /// Field reads and writes (64-bit int, 32-bit int, float, ref) on a
    /// real object: the trace and Concrete leave equal objects and read
    /// equal values.
    #[test]
    fn field_access(i in int(), f in float(), which in 0usize..3) {
        let target = [None, Some(new_obj()), Some(new_obj())][which];
        let (c, j) = (Some(new_obj()), Some(new_obj()));
        let mut ct = Concrete;
        ct.setfield_i(c, &OBJ_A, i);
        ct.setfield_i(c, &OBJ_SMALL, i);
        ct.setfield_f(c, &OBJ_X, f);
        ct.setfield_r(c, &OBJ_NEXT, target);
        ct.vable_setfield_i(c, &OBJ_A, i);
        let jin = [Value::Ref(j), Value::Int(i), Value::Float(f), Value::Ref(target)];
        for (d, v) in [(&OBJ_A, I1), (&OBJ_SMALL, I1), (&OBJ_X, I2), (&OBJ_NEXT, OpRef::Input(3))] {
            run_op(&jin, Opcode::SetfieldGc, vec![I0, v], Some(Descr::Field(d)));
        }
        let (co, jo) = (obj(c.unwrap()), obj(j.unwrap()));
        prop_assert_eq!((co.a, co.small, co.x.to_bits(), co.next), (jo.a, jo.small, jo.x.to_bits(), jo.next));
        let rd = |opc, d| run_op(&[Value::Ref(j)], opc, vec![I0], Some(Descr::Field(d)))[0];
        prop_assert_eq!(rd(Opcode::GetfieldGcI, &OBJ_A), Value::Int(ct.getfield_i(c, &OBJ_A)));
        prop_assert_eq!(rd(Opcode::GetfieldGcI, &OBJ_SMALL), Value::Int(ct.getfield_i(c, &OBJ_SMALL)));
        prop_assert_eq!(rd(Opcode::GetfieldGcF, &OBJ_X), Value::Float(ct.getfield_f(c, &OBJ_X)));
        prop_assert_eq!(rd(Opcode::GetfieldGcR, &OBJ_NEXT), Value::Ref(ct.getfield_r(c, &OBJ_NEXT)));
        prop_assert_eq!(rd(Opcode::GetfieldGcI, &OBJ_A), Value::Int(ct.vable_getfield_i(c, &OBJ_A)));
        prop_assert_eq!(rd(Opcode::GetfieldGcR, &OBJ_NEXT), Value::Ref(ct.vable_getfield_r(c, &OBJ_NEXT)));
    }

    /// Array length, item reads and writes with indexes in bounds.
    #[test]
    fn array_access(items in prop::collection::vec(int(), 1..8), idx in any::<prop::sample::Index>(), v in int()) {
        let (c, j) = (Some(new_int_array(&items)), Some(new_int_array(&items)));
        let i = idx.index(items.len()) as i64;
        let mut ct = Concrete;
        let len = run_op(&[Value::Ref(j)], Opcode::ArraylenGc, vec![I0], Some(Descr::Array(&INT_ARRAY)));
        prop_assert_eq!(len, vec![Value::Int(ct.arraylen(c, &INT_ARRAY))]);
        let get = run_op(&[Value::Ref(j), Value::Int(i)], Opcode::GetarrayitemGcI, vec![I0, I1], Some(Descr::Array(&INT_ARRAY)));
        prop_assert_eq!(get, vec![Value::Int(ct.getarrayitem_i(c, &INT_ARRAY, i))]);
        ct.setarrayitem_i(c, &INT_ARRAY, i, v);
        run_op(&[Value::Ref(j), Value::Int(i), Value::Int(v)], Opcode::SetarrayitemGc, vec![I0, I1, I2], Some(Descr::Array(&INT_ARRAY)));
        for k in 0..items.len() as i64 {
            let got = run_op(&[Value::Ref(j)], Opcode::GetarrayitemGcI, vec![I0, OpRef::int(k)], Some(Descr::Array(&INT_ARRAY)));
            prop_assert_eq!(got, vec![Value::Int(ct.getarrayitem_i(c, &INT_ARRAY, k))]);
        }
    }

    /// Float and reference arrays (an int array's words reinterpreted, and
    /// the frame-style `vable_*item_r` accessors).
    #[test]
    fn float_and_ref_arrays(f in float(), which in 0usize..3, n in 1usize..5, idx in any::<prop::sample::Index>()) {
        let i = idx.index(n);
        let (c, j) = (Some(new_int_array(&vec![0; n])), Some(new_int_array(&vec![0; n])));
        let mut ct = Concrete;
        ct.setarrayitem_f(c, &FLOAT_ARRAY, i as i64, f);
        run_op(&[Value::Ref(j), Value::Float(f)], Opcode::SetarrayitemGc, vec![I0, OpRef::int(i as i64), I1], Some(Descr::Array(&FLOAT_ARRAY)));
        let got = run_op(&[Value::Ref(j)], Opcode::GetarrayitemGcF, vec![I0, OpRef::int(i as i64)], Some(Descr::Array(&FLOAT_ARRAY)));
        prop_assert!(same_float(ct.getarrayitem_f(c, &FLOAT_ARRAY, i as i64), got[0]));
        let target = [None, Some(new_obj()), Some(new_obj())][which];
        ct.vable_setitem_r(c, &REF_ARRAY, i, target);
        run_op(&[Value::Ref(j), Value::Ref(target)], Opcode::SetarrayitemGc, vec![I0, OpRef::int(i as i64), I1], Some(Descr::Array(&REF_ARRAY)));
        let got = run_op(&[Value::Ref(j)], Opcode::GetarrayitemGcR, vec![I0, OpRef::int(i as i64)], Some(Descr::Array(&REF_ARRAY)));
        prop_assert_eq!(&got, &vec![Value::Ref(ct.vable_getitem_r(c, &REF_ARRAY, i))]);
        prop_assert_eq!(got, vec![Value::Ref(ct.getarrayitem_r(j, &REF_ARRAY, i as i64))]);
    }

    /// Allocation: objects of the right type, zeroed, with their class or
    /// length stored.
    #[test]
    fn allocation(len in 0i64..6) {
        setup();
        let cls = new_obj();
        let mut ct = Concrete;
        let c = ct.new_with_vtable(&OBJ_SIZE, &OBJ_CLS, cls).unwrap();
        let j = run_op(&[], Opcode::NewWithVtable, vec![OpRef::ptr(Some(cls))], Some(Descr::Vtable(&OBJ_SIZE, &OBJ_CLS)));
        let Value::Ref(Some(j)) = j[0] else { panic!("{j:?}") };
        prop_assert_eq!(c.type_id(), j.type_id());
        prop_assert_eq!((obj(j).cls, obj(j).a, obj(j).next), (obj(c).cls, obj(c).a, obj(c).next));
        let c = ct.new(&OBJ_SIZE).unwrap();
        let Value::Ref(Some(j)) = run_op(&[], Opcode::New, vec![], Some(Descr::Size(&OBJ_SIZE)))[0] else { panic!() };
        prop_assert_eq!((c.type_id(), obj(c).cls), (j.type_id(), obj(j).cls));
        let tid = ARR_TYPE.load(std::sync::atomic::Ordering::Relaxed);
        let c = ct.new_array(&INT_ARRAY, tid, len);
        let Value::Ref(j) = run_op(&[Value::Int(len)], Opcode::NewArray, vec![OpRef::int(tid as i64), I0], Some(Descr::Array(&INT_ARRAY)))[0] else { panic!() };
        prop_assert_eq!(j.unwrap().type_id(), c.unwrap().type_id());
        prop_assert_eq!(ct.arraylen(j, &INT_ARRAY), ct.arraylen(c, &INT_ARRAY));
        for k in 0..len {
            prop_assert_eq!(ct.getarrayitem_i(j, &INT_ARRAY, k), 0);
        }
    }

    /// Residual calls of every result kind and family.
    #[test]
    fn residual_calls(a in int(), b in int(), c in int(), x in float(), y in float()) {
        let mut ct = Concrete;
        let want = ct.call_i(&ADD3, &[Arg::Int(a), Arg::Int(b), Arg::Int(c)]);
        for opc in [Opcode::CallI, Opcode::CallPureI, Opcode::CallMayForceI] {
            let got = run_op(&[Value::Int(a), Value::Int(b)], opc, vec![I0, I1, OpRef::int(c)], Some(Descr::Call(&ADD3)));
            prop_assert_eq!(got, vec![Value::Int(want)]);
        }
        let want = ct.call_f(&FMUL, &[Arg::Float(x), Arg::Float(y)]);
        let got = run_op(&[Value::Float(x), Value::Float(y)], Opcode::CallF, vec![I0, I1], Some(Descr::Call(&FMUL)));
        prop_assert!(same_float(want, got[0]));
        let (o1, o2) = (Some(new_obj()), Some(new_obj()));
        ct.call_n(&SET_A, &[Arg::Ref(o1), Arg::Int(a)]);
        run_op(&[Value::Ref(o2), Value::Int(a)], Opcode::CallN, vec![I0, I1], Some(Descr::Call(&SET_A)));
        prop_assert_eq!(obj(o1.unwrap()).a, obj(o2.unwrap()).a);
        let want = ct.call_r(&IDENTITY, &[Arg::Ref(o1)]);
        let got = run_op(&[Value::Ref(o1)], Opcode::CallR, vec![I0], Some(Descr::Call(&IDENTITY)));
        prop_assert_eq!(got, vec![Value::Ref(want)]);
    }
}

/// Constants: `const_*` values come back unchanged through `same_as_*`.
#[test]
fn constants_pass_through() {
    let o: GcRef = new_obj();
    let mut ct = Concrete;
    assert_eq!(
        run_op(&[], Opcode::SameAsI, vec![OpRef::int(-5)], None),
        vec![Value::Int(ct.const_int(-5))]
    );
    assert_eq!(
        run_op(&[], Opcode::SameAsF, vec![OpRef::float(f64::NAN)], None),
        vec![Value::Float(ct.const_float(f64::NAN))]
    );
    assert_eq!(
        run_op(&[], Opcode::SameAsR, vec![OpRef::ptr(Some(o))], None),
        vec![Value::Ref(ct.const_ref(o))]
    );
    assert_eq!(
        run_op(&[], Opcode::SameAsR, vec![OpRef::ptr(None)], None),
        vec![Value::Ref(ct.const_null())]
    );
}

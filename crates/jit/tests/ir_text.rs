//! The trace text form: printer output, parser, errors, and the round-trip
//! property `parse(print(t)) == t` on random valid traces.

mod ir_support;

use ir_support::*;
use kiln_jit::ir::{parse, print_trace, Const, Descr, Op, OpRef, Opcode, TargetToken, Trace};
use kiln_jit::Kind;
use proptest::prelude::*;
use std::sync::Arc;

const LOOP: &str = "\
[i0, p1]
label(i0, p1, descr=TargetToken(1))
debug_merge_point(0, 0, '<code f> #12 LOAD_FAST')
i2 = int_lt(i0, 10000)
guard_true(i2) [i0, p1]
i3 = int_add_ovf(i0, 1)
guard_no_overflow() [i0, p1]
p4 = getfield_gc_r(p1, descr=<FieldDescr Obj.next>)
setfield_gc(p1, i3, descr=<FieldDescr Obj.a>)
jump(i3, p1, descr=TargetToken(1))
";

#[test]
fn parses_and_prints_a_loop_identically() {
    let t = parse(LOOP, &table()).unwrap();
    assert_eq!(t.inputs, vec![Kind::Int, Kind::Ref]);
    assert_eq!(t.ops.len(), 9);
    assert_eq!(t.ops[2].opcode, Opcode::IntLt);
    assert_eq!(t.ops[2].args, vec![OpRef::Input(0), OpRef::int(10000)]);
    assert_eq!(
        t.ops[3].fail_args,
        Some(vec![OpRef::Input(0), OpRef::Input(1)])
    );
    assert_eq!(t.ops[6].descr, Some(Descr::Field(&OBJ_NEXT)));
    assert_eq!(t.ops[8].args, vec![OpRef::Op(4), OpRef::Input(1)]);
    assert_eq!(print_trace(&t), LOOP);
}

#[test]
fn builds_the_same_trace_by_hand() {
    let mut t = Trace::new(vec![Kind::Int, Kind::Ref]);
    let (i0, p1) = (OpRef::Input(0), OpRef::Input(1));
    let tok = Descr::Target(TargetToken(1));
    t.push(Op::new(Opcode::Label, vec![i0, p1]).with_descr(tok.clone()));
    t.push(
        Op::new(Opcode::DebugMergePoint, vec![OpRef::int(0), OpRef::int(0)])
            .with_descr(Descr::Debug(Arc::from("<code f> #12 LOAD_FAST"))),
    );
    let i2 = t.push(Op::new(Opcode::IntLt, vec![i0, OpRef::int(10000)]));
    t.push(Op::new(Opcode::GuardTrue, vec![i2]).with_fail_args(vec![i0, p1]));
    let i3 = t.push(Op::new(Opcode::IntAddOvf, vec![i0, OpRef::int(1)]));
    t.push(Op::new(Opcode::GuardNoOverflow, vec![]).with_fail_args(vec![i0, p1]));
    t.push(Op::new(Opcode::GetfieldGcR, vec![p1]).with_descr(Descr::Field(&OBJ_NEXT)));
    t.push(Op::new(Opcode::SetfieldGc, vec![p1, i3]).with_descr(Descr::Field(&OBJ_A)));
    t.push(Op::new(Opcode::Jump, vec![i3, p1]).with_descr(tok));
    t.check().unwrap();
    assert_eq!(t, parse(LOOP, &table()).unwrap());
}

#[test]
fn renumbers_names_and_accepts_comments_and_short_descrs() {
    let text = "
        # a bridge
        [iN, pObj]
        x = int_mul(iN, -3)
        f = cast_int_to_float(x)
        g = float_mul(f, 0.5)
        y = call_i(iN, x, 7, descr=add3)
        z = getarrayitem_gc_i(pObj, y, descr=IntArr.items)
        finish(g, z)
    ";
    let t = parse(text, &table()).unwrap();
    assert_eq!(t.ops[3].descr, Some(Descr::Call(&ADD3)));
    assert_eq!(t.ops[4].descr, Some(Descr::Array(&INT_ARRAY)));
    assert_eq!(
        print_trace(&t),
        "[i0, p1]\n\
         i2 = int_mul(i0, -3)\n\
         f3 = cast_int_to_float(i2)\n\
         f4 = float_mul(f3, 0.5)\n\
         i5 = call_i(i0, i2, 7, descr=<CallDescr add3>)\n\
         i6 = getarrayitem_gc_i(p1, i5, descr=<ArrayDescr IntArr.items>)\n\
         finish(f4, i6)\n"
    );
}

#[test]
fn constants_round_trip() {
    let o = new_obj();
    let text = format!(
        "[f0]\n\
         f1 = float_add(f0, NaN)\n\
         f2 = float_add(f1, -0.0)\n\
         f3 = float_add(f2, inf)\n\
         f4 = float_add(f3, ConstFloat(0x7ff0000000000123))\n\
         f5 = float_add(f4, 1e300)\n\
         i6 = ptr_eq(ConstPtr(0x{:x}), ConstPtr(null))\n\
         i7 = ptr_eq(ConstPtr(obj), ConstPtr(null))\n\
         finish(f5, i6, i7)\n",
        o.addr()
    );
    let t = parse(&text, &table().named_ref("obj", o)).unwrap();
    assert_eq!(
        t.ops[3].args[1],
        OpRef::Const(Const::Float(0x7ff0000000000123))
    );
    assert_eq!(
        t.ops[1].args[1],
        OpRef::Const(Const::Float((-0.0f64).to_bits()))
    );
    assert_eq!(t.ops[6].args[0], OpRef::ptr(Some(o)));
    let again = parse(&print_trace(&t), &table()).unwrap();
    assert_eq!(again, t);
}

#[test]
fn vtable_and_debug_text_escapes() {
    let text = "[p0]\n\
        p1 = new_with_vtable(ConstPtr(cls), descr=<SizeDescr Obj vtable=Obj.cls>)\n\
        guard_class(p1, ConstPtr(cls), descr=<FieldDescr Obj.cls>) [p0, p1]\n\
        debug_merge_point(1, 2, 'it\\'s a \\\\ (test), [x]')\n\
        p2 = new_array(7, 3, descr=<ArrayDescr RefArr.items>)\n\
        finish(p1)\n";
    let cls = new_obj();
    let t = parse(text, &table().named_ref("cls", cls)).unwrap();
    assert_eq!(t.ops[0].descr, Some(Descr::Vtable(&OBJ_SIZE, &OBJ_CLS)));
    assert_eq!(
        t.ops[2].descr,
        Some(Descr::Debug(Arc::from("it's a \\ (test), [x]")))
    );
    assert_eq!(parse(&print_trace(&t), &table()).unwrap(), t);
}

#[test]
fn reports_errors_with_line_numbers() {
    let tb = table();
    let cases: &[(&str, usize, &str)] = &[
        ("[i0]\ni1 = int_frob(i0)\n", 2, "unknown op"),
        ("[i0]\ni1 = int_add(i0, i9)\n", 2, "unknown value"),
        ("[i0]\ni1 = int_add(i0)\n", 0, "1 args, expected 2"),
        (
            "[p0]\ni1 = getfield_gc_i(p0, descr=<FieldDescr Nope.x>)\n",
            2,
            "unknown field",
        ),
        ("[i0]\nint_add(i0, 1)\n", 2, "has a result"),
        (
            "[i0]\ni1 = int_add(i0, 1)\ni1 = int_add(i0, 1)\n",
            3,
            "defined twice",
        ),
        (
            "[i0]\ni1 = int_add(i0, 1) [i0]\n",
            2,
            "fail args on a non-guard",
        ),
        ("[p0]\ni1 = int_add(p0, 1)\n", 0, "arg kinds"),
        ("i0 = int_add(1, 2)\n", 1, "header"),
        ("[i0]\njump(i0)\ni1 = int_add(i0, 1)\n", 0, "before the end"),
    ];
    for &(text, line, msg) in cases {
        let e = parse(text, &tb).expect_err(text);
        assert_eq!(e.line, line, "{text}: {e}");
        assert!(e.msg.contains(msg), "{text}: {e}");
    }
}

// ---- random traces for the round-trip property ----

/// Builds a random valid trace from a list of choices.
fn build(inputs: &[u8], choices: &[(u8, u16, u16, i64)]) -> Trace {
    let kinds: Vec<Kind> = inputs
        .iter()
        .map(|k| [Kind::Int, Kind::Float, Kind::Ref][*k as usize % 3])
        .collect();
    let mut t = Trace::new(kinds);
    // Guarantee one value of each kind.
    t.push(Op::new(Opcode::SameAsI, vec![OpRef::int(1)]));
    t.push(Op::new(Opcode::SameAsF, vec![OpRef::float(1.5)]));
    t.push(Op::new(Opcode::SameAsR, vec![OpRef::ptr(None)]));
    let pick = |t: &Trace, k: Kind, n: u16| -> OpRef {
        let mut cands: Vec<OpRef> = t
            .input_refs()
            .into_iter()
            .filter(|&r| t.kind_of(r) == k)
            .collect();
        cands.extend((0..t.ops.len() as u32).map(OpRef::Op).filter(|&r| {
            t.ops[match r {
                OpRef::Op(i) => i as usize,
                _ => unreachable!(),
            }]
            .result()
                == k
        }));
        cands[n as usize % cands.len()]
    };
    let konst = |k: Kind, c: i64| -> OpRef {
        match k {
            Kind::Int => OpRef::int(c),
            Kind::Float => OpRef::Const(Const::Float(c as u64)),
            _ => OpRef::ptr(None),
        }
    };
    for &(what, x, y, c) in choices {
        let arg = |t: &Trace, k: Kind, n: u16| {
            if n % 5 == 0 {
                konst(k, c)
            } else {
                pick(t, k, n)
            }
        };
        let pure: Vec<Opcode> = Opcode::ALL
            .iter()
            .copied()
            .filter(|o| o.is_pure() && !o.is_call() && o.arg_kinds().is_some())
            .collect();
        let op = match what % 8 {
            0..=2 => {
                let opc = pure[x as usize % pure.len()];
                let ks = opc.arg_kinds().unwrap();
                let args = ks
                    .iter()
                    .enumerate()
                    .map(|(i, &k)| arg(&t, k, y.wrapping_add(i as u16 * 7)))
                    .collect();
                Op::new(opc, args)
            }
            3 => {
                let fa = (0..(x % 4))
                    .map(|i| {
                        pick(
                            &t,
                            [Kind::Int, Kind::Float, Kind::Ref][(i as usize + y as usize) % 3],
                            y.wrapping_add(i),
                        )
                    })
                    .collect();
                Op::new(Opcode::GuardTrue, vec![pick(&t, Kind::Int, y)]).with_fail_args(fa)
            }
            4 => Op::new(Opcode::GetfieldGcF, vec![pick(&t, Kind::Ref, x)])
                .with_descr(Descr::Field(&OBJ_X)),
            5 => Op::new(
                Opcode::SetarrayitemGc,
                vec![
                    pick(&t, Kind::Ref, x),
                    arg(&t, Kind::Int, y),
                    pick(&t, Kind::Int, y),
                ],
            )
            .with_descr(Descr::Array(&INT_ARRAY)),
            6 => Op::new(
                Opcode::CallI,
                vec![
                    arg(&t, Kind::Int, x),
                    pick(&t, Kind::Int, y),
                    arg(&t, Kind::Int, y / 3),
                ],
            )
            .with_descr(Descr::Call(&ADD3)),
            _ => Op::new(Opcode::DebugMergePoint, vec![OpRef::int(0), OpRef::int(c)])
                .with_descr(Descr::Debug(Arc::from(format!("<code> #{x} 'op' \\ {y}")))),
        };
        t.push(op);
    }
    let fin: Vec<OpRef> = (0..3).map(|i| pick(&t, Kind::Int, i)).collect();
    t.push(Op::new(Opcode::Finish, fin));
    t
}

proptest! {
    #[test]
    fn print_then_parse_is_identity(
        inputs in prop::collection::vec(any::<u8>(), 0..5),
        choices in prop::collection::vec(any::<(u8, u16, u16, i64)>(), 0..40),
    ) {
        let t = build(&inputs, &choices);
        prop_assert_eq!(t.check(), Ok(()));
        let text = print_trace(&t);
        let back = parse(&text, &table()).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(back, t);
    }
}

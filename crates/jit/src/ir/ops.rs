//! The op table: every trace operation declared once.
//!
//! Problem: the printer, the parser, the optimizer passes and the backends
//! all need the same facts about each op (its name, how many arguments it
//! takes, whether it carries a descr, what it returns, whether it is pure or
//! a guard). Scattering them over `match`es lets them drift apart.
//!
//! Approach: one `macro_rules!` table, one row per op, in the style of
//! PyPy's `resoperation.py` (`'INT_ADD/2/i'`). The macro derives the
//! [`Opcode`] enum and every query on it. Each row gives
//! `Variant = "name", arity, descr, result, category`:
//!
//! * arity: a number, or `var` for variadic ops (calls, `label`, `jump`...);
//! * descr: `d` if the op carries a descr, `o` if it may, `-` if never;
//! * result: `i` (int), `f` (float), `r` (GC reference) or `n` (none);
//! * category: see [`Category`].
//!
//! ```text
//! i2 = int_add_ovf(i0, 1)          IntAddOvf   2 - i Ovf
//! guard_no_overflow() [i0, p1]     GuardNoOverflow 0 - n Guard
//! p3 = getfield_gc_r(p1, descr=<FieldDescr Frame.locals>)   GetfieldGcR 1 d r HeapRead
//! setfield_gc(p1, i2, descr=<FieldDescr Frame.pc>)          SetfieldGc  2 d n HeapWrite
//! jump(i2, p1)                     Jump var o n Control
//! ```
//!
//! Invariants: names are unique and lower-case; every guard has result
//! `n`; `_i/_f/_r/_n` suffixes agree with the result kind.

use crate::descr::Kind;

/// What kind of operation an op is; the optimizer dispatches on this.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Category {
    /// No side effects, result depends only on the arguments (CSE-able,
    /// removable when unused).
    Pure,
    /// Overflow-checked arithmetic: sets the overflow flag that the next
    /// op, `guard_no_overflow` or `guard_overflow`, reads.
    Ovf,
    /// Checks a condition; on failure leaves the trace (resume data).
    Guard,
    /// Reads the heap through a descr.
    HeapRead,
    /// Writes the heap through a descr.
    HeapWrite,
    /// Allocates a GC object.
    Alloc,
    /// Residual call through a `CallDescr`.
    Call,
    /// Trace structure: `label`, `jump`, `finish`, `debug_merge_point`.
    Control,
}

/// Whether an op carries a descr.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum DescrUse {
    Never,
    Always,
    Optional,
}

macro_rules! arity {
    (var) => {
        None
    };
    ($n:literal) => {
        Some($n)
    };
}

macro_rules! descr_use {
    (d) => {
        DescrUse::Always
    };
    (o) => {
        DescrUse::Optional
    };
    (-) => {
        DescrUse::Never
    };
}

macro_rules! result_kind {
    (i) => {
        Kind::Int
    };
    (f) => {
        Kind::Float
    };
    (r) => {
        Kind::Ref
    };
    (n) => {
        Kind::Void
    };
}

macro_rules! define_ops {
    ($( $(#[$m:meta])* $variant:ident = $name:literal, $arity:tt, $descr:tt, $res:ident, $cat:ident; )*) => {
        /// A trace operation. See the table in this module.
        #[derive(Clone, Copy, PartialEq, Eq, Debug, Hash, PartialOrd, Ord)]
        #[repr(u16)]
        pub enum Opcode {
            $($(#[$m])* $variant,)*
        }

        impl Opcode {
            /// Every opcode, in table order.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$variant,)*];

            /// The op's name in the text form (`"int_add"`).
            pub fn name(self) -> &'static str {
                match self {
                    $(Opcode::$variant => $name,)*
                }
            }

            /// Number of arguments, or `None` for variadic ops.
            pub fn arity(self) -> Option<usize> {
                match self {
                    $(Opcode::$variant => arity!($arity),)*
                }
            }

            /// Whether the op carries a descr.
            pub fn descr_use(self) -> DescrUse {
                match self {
                    $(Opcode::$variant => descr_use!($descr),)*
                }
            }

            /// The kind of the op's result (`Kind::Void` if none).
            pub fn result(self) -> Kind {
                match self {
                    $(Opcode::$variant => result_kind!($res),)*
                }
            }

            pub fn category(self) -> Category {
                match self {
                    $(Opcode::$variant => Category::$cat,)*
                }
            }

            /// Looks an op up by its text name.
            pub fn from_name(name: &str) -> Option<Opcode> {
                match name {
                    $($name => Some(Opcode::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

define_ops! {
    // ---- integer arithmetic (wrapping) ----
    IntAdd = "int_add", 2, -, i, Pure;
    IntSub = "int_sub", 2, -, i, Pure;
    IntMul = "int_mul", 2, -, i, Pure;
    IntAnd = "int_and", 2, -, i, Pure;
    IntOr = "int_or", 2, -, i, Pure;
    IntXor = "int_xor", 2, -, i, Pure;
    IntLshift = "int_lshift", 2, -, i, Pure;
    IntRshift = "int_rshift", 2, -, i, Pure;
    IntNeg = "int_neg", 1, -, i, Pure;
    IntInvert = "int_invert", 1, -, i, Pure;
    IntPyDiv = "int_py_div", 2, -, i, Pure;
    IntPyMod = "int_py_mod", 2, -, i, Pure;
    // ---- integer comparisons (0 or 1) ----
    IntLt = "int_lt", 2, -, i, Pure;
    IntLe = "int_le", 2, -, i, Pure;
    IntEq = "int_eq", 2, -, i, Pure;
    IntNe = "int_ne", 2, -, i, Pure;
    IntGt = "int_gt", 2, -, i, Pure;
    IntGe = "int_ge", 2, -, i, Pure;
    IntIsZero = "int_is_zero", 1, -, i, Pure;
    IntIsTrue = "int_is_true", 1, -, i, Pure;
    // ---- overflow-checked arithmetic ----
    IntAddOvf = "int_add_ovf", 2, -, i, Ovf;
    IntSubOvf = "int_sub_ovf", 2, -, i, Ovf;
    IntMulOvf = "int_mul_ovf", 2, -, i, Ovf;
    // ---- floats ----
    FloatAdd = "float_add", 2, -, f, Pure;
    FloatSub = "float_sub", 2, -, f, Pure;
    FloatMul = "float_mul", 2, -, f, Pure;
    FloatTruediv = "float_truediv", 2, -, f, Pure;
    FloatNeg = "float_neg", 1, -, f, Pure;
    FloatAbs = "float_abs", 1, -, f, Pure;
    FloatLt = "float_lt", 2, -, i, Pure;
    FloatLe = "float_le", 2, -, i, Pure;
    FloatEq = "float_eq", 2, -, i, Pure;
    FloatNe = "float_ne", 2, -, i, Pure;
    FloatGt = "float_gt", 2, -, i, Pure;
    FloatGe = "float_ge", 2, -, i, Pure;
    CastIntToFloat = "cast_int_to_float", 1, -, f, Pure;
    CastFloatToInt = "cast_float_to_int", 1, -, i, Pure;
    // ---- references ----
    PtrEq = "ptr_eq", 2, -, i, Pure;
    PtrNe = "ptr_ne", 2, -, i, Pure;
    PtrIsNull = "ptr_is_null", 1, -, i, Pure;
    PtrNonnull = "ptr_nonnull", 1, -, i, Pure;
    // ---- copies (the optimizer's placeholders) ----
    SameAsI = "same_as_i", 1, -, i, Pure;
    SameAsF = "same_as_f", 1, -, f, Pure;
    SameAsR = "same_as_r", 1, -, r, Pure;
    // ---- guards ----
    GuardTrue = "guard_true", 1, -, n, Guard;
    GuardFalse = "guard_false", 1, -, n, Guard;
    /// `guard_value(x, const)`: x (int, float or ref) equals the constant.
    GuardValue = "guard_value", 2, -, n, Guard;
    /// `guard_class(p, ConstPtr(cls), descr=<FieldDescr class field>)`.
    GuardClass = "guard_class", 2, d, n, Guard;
    GuardNonnull = "guard_nonnull", 1, -, n, Guard;
    GuardIsnull = "guard_isnull", 1, -, n, Guard;
    GuardNoOverflow = "guard_no_overflow", 0, -, n, Guard;
    GuardOverflow = "guard_overflow", 0, -, n, Guard;
    GuardNoException = "guard_no_exception", 0, -, n, Guard;
    GuardNotForced = "guard_not_forced", 0, -, n, Guard;
    GuardNotInvalidated = "guard_not_invalidated", 0, -, n, Guard;
    // ---- heap reads ----
    GetfieldGcI = "getfield_gc_i", 1, d, i, HeapRead;
    GetfieldGcF = "getfield_gc_f", 1, d, f, HeapRead;
    GetfieldGcR = "getfield_gc_r", 1, d, r, HeapRead;
    ArraylenGc = "arraylen_gc", 1, d, i, HeapRead;
    GetarrayitemGcI = "getarrayitem_gc_i", 2, d, i, HeapRead;
    GetarrayitemGcF = "getarrayitem_gc_f", 2, d, f, HeapRead;
    GetarrayitemGcR = "getarrayitem_gc_r", 2, d, r, HeapRead;
    // ---- heap writes ----
    SetfieldGc = "setfield_gc", 2, d, n, HeapWrite;
    SetarrayitemGc = "setarrayitem_gc", 3, d, n, HeapWrite;
    // ---- allocation ----
    New = "new", 0, d, r, Alloc;
    /// `new_with_vtable(ConstPtr(cls), descr=<SizeDescr S vtable=C.cls>)`.
    NewWithVtable = "new_with_vtable", 1, d, r, Alloc;
    /// `new_array(type_id, len, descr=<ArrayDescr A>)`.
    NewArray = "new_array", 2, d, r, Alloc;
    // ---- residual calls ----
    CallI = "call_i", var, d, i, Call;
    CallF = "call_f", var, d, f, Call;
    CallR = "call_r", var, d, r, Call;
    CallN = "call_n", var, d, n, Call;
    CallPureI = "call_pure_i", var, d, i, Call;
    CallPureF = "call_pure_f", var, d, f, Call;
    CallPureR = "call_pure_r", var, d, r, Call;
    CallPureN = "call_pure_n", var, d, n, Call;
    CallMayForceI = "call_may_force_i", var, d, i, Call;
    CallMayForceF = "call_may_force_f", var, d, f, Call;
    CallMayForceR = "call_may_force_r", var, d, r, Call;
    CallMayForceN = "call_may_force_n", var, d, n, Call;
    // ---- trace structure ----
    /// Loop header; its args are the values a `jump` reassigns.
    Label = "label", var, o, n, Control;
    /// Jumps to the label named by its descr (or this trace's last label).
    Jump = "jump", var, o, n, Control;
    /// Leaves the trace, returning its args (0 or more values).
    Finish = "finish", var, -, n, Control;
    /// `debug_merge_point(jd, depth, 'text')`: marks an opcode start.
    DebugMergePoint = "debug_merge_point", 2, d, n, Control;
}

impl Opcode {
    pub fn is_guard(self) -> bool {
        self.category() == Category::Guard
    }

    /// No side effects and result depends only on arguments.
    pub fn is_pure(self) -> bool {
        self.category() == Category::Pure || self.is_call_pure()
    }

    pub fn is_ovf(self) -> bool {
        self.category() == Category::Ovf
    }

    pub fn is_call(self) -> bool {
        self.category() == Category::Call
    }

    pub fn is_call_pure(self) -> bool {
        matches!(
            self,
            Opcode::CallPureI | Opcode::CallPureF | Opcode::CallPureR | Opcode::CallPureN
        )
    }

    pub fn is_call_may_force(self) -> bool {
        matches!(
            self,
            Opcode::CallMayForceI
                | Opcode::CallMayForceF
                | Opcode::CallMayForceR
                | Opcode::CallMayForceN
        )
    }

    /// Whether the op may write memory, allocate, or leave/redirect the
    /// trace: the ops dead-code elimination must keep.
    pub fn has_side_effects(self) -> bool {
        match self.category() {
            Category::Pure | Category::HeapRead => false,
            Category::Call => !self.is_call_pure(),
            _ => true,
        }
    }

    /// Whether the op ends a trace (`jump` or `finish`).
    pub fn is_final(self) -> bool {
        matches!(self, Opcode::Jump | Opcode::Finish)
    }

    pub fn has_result(self) -> bool {
        self.result() != Kind::Void
    }

    /// The `call_*` opcode of a family for a result kind.
    pub fn call_for(kind: Kind, family: CallFamily) -> Opcode {
        use Opcode::*;
        match (family, kind) {
            (CallFamily::Plain, Kind::Int) => CallI,
            (CallFamily::Plain, Kind::Float) => CallF,
            (CallFamily::Plain, Kind::Ref) => CallR,
            (CallFamily::Plain, Kind::Void) => CallN,
            (CallFamily::Pure, Kind::Int) => CallPureI,
            (CallFamily::Pure, Kind::Float) => CallPureF,
            (CallFamily::Pure, Kind::Ref) => CallPureR,
            (CallFamily::Pure, Kind::Void) => CallPureN,
            (CallFamily::MayForce, Kind::Int) => CallMayForceI,
            (CallFamily::MayForce, Kind::Float) => CallMayForceF,
            (CallFamily::MayForce, Kind::Ref) => CallMayForceR,
            (CallFamily::MayForce, Kind::Void) => CallMayForceN,
        }
    }

    /// The kinds of the fixed arguments, where the op fixes them
    /// (`None` for variadic ops and ops accepting any kind).
    pub fn arg_kinds(self) -> Option<&'static [Kind]> {
        use Kind::*;
        use Opcode::*;
        const II: &[Kind] = &[Int, Int];
        const I: &[Kind] = &[Int];
        const FF: &[Kind] = &[Float, Float];
        const F: &[Kind] = &[Float];
        const RR: &[Kind] = &[Ref, Ref];
        const R: &[Kind] = &[Ref];
        const RI: &[Kind] = &[Ref, Int];
        Some(match self {
            IntAdd | IntSub | IntMul | IntAnd | IntOr | IntXor | IntLshift | IntRshift
            | IntPyDiv | IntPyMod | IntLt | IntLe | IntEq | IntNe | IntGt | IntGe | IntAddOvf
            | IntSubOvf | IntMulOvf => II,
            IntNeg | IntInvert | IntIsZero | IntIsTrue | CastIntToFloat | SameAsI | GuardTrue
            | GuardFalse => I,
            FloatAdd | FloatSub | FloatMul | FloatTruediv | FloatLt | FloatLe | FloatEq
            | FloatNe | FloatGt | FloatGe => FF,
            FloatNeg | FloatAbs | CastFloatToInt | SameAsF => F,
            PtrEq | PtrNe | GuardClass => RR,
            PtrIsNull | PtrNonnull | SameAsR | GuardNonnull | GuardIsnull | GetfieldGcI
            | GetfieldGcF | GetfieldGcR | ArraylenGc | NewWithVtable => R,
            GetarrayitemGcI | GetarrayitemGcF | GetarrayitemGcR => RI,
            NewArray | DebugMergePoint => II,
            GuardNoOverflow | GuardOverflow | GuardNoException | GuardNotForced
            | GuardNotInvalidated | New => &[],
            _ => return None,
        })
    }
}

/// The three families of residual-call ops.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum CallFamily {
    Plain,
    Pure,
    MayForce,
}

impl std::fmt::Display for Opcode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for &op in Opcode::ALL {
            assert!(seen.insert(op.name()), "duplicate name {}", op.name());
            assert_eq!(Opcode::from_name(op.name()), Some(op));
        }
        assert_eq!(Opcode::from_name("no_such_op"), None);
    }

    #[test]
    fn suffixes_agree_with_result_kinds() {
        for &op in Opcode::ALL {
            let want = if op.name().ends_with("_i") {
                Some(Kind::Int)
            } else if op.name().ends_with("_f") {
                Some(Kind::Float)
            } else if op.name().ends_with("_r") {
                Some(Kind::Ref)
            } else if op.name().ends_with("_n") {
                Some(Kind::Void)
            } else {
                None
            };
            if let Some(k) = want {
                assert_eq!(op.result(), k, "{}", op.name());
            }
            if op.is_guard() {
                assert_eq!(op.result(), Kind::Void);
                assert!(op.name().starts_with("guard_"));
            }
        }
    }

    #[test]
    fn categories() {
        assert!(Opcode::IntAdd.is_pure());
        assert!(!Opcode::IntAddOvf.is_pure());
        assert!(Opcode::GuardTrue.is_guard());
        assert!(Opcode::CallPureI.is_pure());
        assert!(!Opcode::CallI.is_pure());
        assert!(Opcode::SetfieldGc.has_side_effects());
        assert!(!Opcode::GetfieldGcI.has_side_effects());
        assert_eq!(Opcode::CallR.arity(), None);
        assert_eq!(Opcode::SetarrayitemGc.arity(), Some(3));
    }
}

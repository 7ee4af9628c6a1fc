//! Descriptors: static facts about fields, arrays, allocation sizes and
//! residual calls that the trace IR refers to instead of raw numbers.
//!
//! A descr is a `&'static` value so that handlers pass it by reference at
//! zero cost and the recorder can identify it by address.

/// The machine type of a value: the three kinds of red values.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Kind {
    Int,
    Float,
    Ref,
    Void,
}

/// How a field may change: the hole in the meta-tracing axiom (see
/// DESIGN section 2) is legal only for fields that never change.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FieldMut {
    Mutable,
    /// Never written after the object is initialized.
    Immutable,
    /// Rarely written; reads are protected by `guard_not_invalidated`.
    QuasiImmutable,
}

/// A field of a `#[repr(C)]` heap struct.
#[derive(Debug)]
pub struct FieldDescr {
    pub name: &'static str,
    pub offset: usize,
    /// Size in bytes (1, 2, 4 or 8); integers are sign-extended unless `unsigned`.
    pub size: usize,
    pub kind: Kind,
    pub unsigned: bool,
    pub mutability: FieldMut,
}

/// The items of an array: `len_offset` is where the length word lives and
/// `base_offset` where item 0 starts.
#[derive(Debug)]
pub struct ArrayDescr {
    pub name: &'static str,
    pub len_offset: usize,
    pub base_offset: usize,
    pub item_size: usize,
    pub kind: Kind,
    pub mutability: FieldMut,
}

/// Allocation of a fixed-size object of a GC type.
#[derive(Debug)]
pub struct SizeDescr {
    pub name: &'static str,
    /// GC type id, resolved once at start-up (see `kiln_gc::register_type`).
    pub type_id: &'static std::sync::atomic::AtomicU32,
    pub size: usize,
}

/// What a residual call may do: lets the optimizer keep or drop facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EffectInfo {
    /// No side effects, result depends only on the arguments: CSE-able.
    Pure,
    /// Reads the heap but does not write it.
    ReadsHeap,
    /// May write any heap location.
    WritesHeap,
    /// May write the heap and force the virtualizable (e.g. calls back into
    /// the interpreter): followed by `guard_not_forced`.
    CanForce,
}

/// A residual call to an `extern "C"` helper. Arguments and the result are
/// machine words: integers and GC references as themselves, floats as
/// their bit pattern (`f64::to_bits`), so one calling convention serves the
/// interpreter, the IR backend and native code.
#[derive(Debug)]
pub struct CallDescr {
    pub name: &'static str,
    /// The helper, `extern "C" fn(u64, ...) -> u64` with `args.len()` params.
    pub func: *const (),
    pub args: &'static [Kind],
    pub result: Kind,
    pub effect: EffectInfo,
}

// SAFETY: a CallDescr only holds a code pointer and static data.
unsafe impl Sync for CallDescr {}

impl CallDescr {
    /// Calls the helper with the given machine words.
    ///
    /// # Safety
    /// `func` must be an `extern "C"` function taking `args.len()` 64-bit
    /// words and returning one; `words` must have that many items.
    #[inline(always)]
    pub unsafe fn invoke(&self, w: &[u64]) -> u64 {
        type F0 = extern "C" fn() -> u64;
        type F1 = extern "C" fn(u64) -> u64;
        type F2 = extern "C" fn(u64, u64) -> u64;
        type F3 = extern "C" fn(u64, u64, u64) -> u64;
        type F4 = extern "C" fn(u64, u64, u64, u64) -> u64;
        type F5 = extern "C" fn(u64, u64, u64, u64, u64) -> u64;
        type F6 = extern "C" fn(u64, u64, u64, u64, u64, u64) -> u64;
        // SAFETY: the caller guarantees the signature matches (see above).
        unsafe {
            match w.len() {
                0 => std::mem::transmute::<*const (), F0>(self.func)(),
                1 => std::mem::transmute::<*const (), F1>(self.func)(w[0]),
                2 => std::mem::transmute::<*const (), F2>(self.func)(w[0], w[1]),
                3 => std::mem::transmute::<*const (), F3>(self.func)(w[0], w[1], w[2]),
                4 => std::mem::transmute::<*const (), F4>(self.func)(w[0], w[1], w[2], w[3]),
                5 => std::mem::transmute::<*const (), F5>(self.func)(w[0], w[1], w[2], w[3], w[4]),
                6 => std::mem::transmute::<*const (), F6>(self.func)(
                    w[0], w[1], w[2], w[3], w[4], w[5],
                ),
                n => panic!("residual call with {n} arguments is not supported"),
            }
        }
    }
}

/// Declares a `FieldDescr` for a field of a `#[repr(C)]` struct:
/// `field_descr!(INT_VALUE: IntObject.value, Int, Immutable)`.
#[macro_export]
macro_rules! field_descr {
    ($vis:vis $name:ident : $ty:ident . $field:ident, $kind:ident, $mut:ident) => {
        $vis static $name: $crate::FieldDescr = $crate::FieldDescr {
            name: concat!(stringify!($ty), ".", stringify!($field)),
            offset: ::std::mem::offset_of!($ty, $field),
            size: $crate::descr::field_size::<$ty, _>(|s: &$ty| &s.$field),
            kind: $crate::Kind::$kind,
            unsigned: false,
            mutability: $crate::FieldMut::$mut,
        };
    };
}

/// Size of a struct field, computed from a projection (used by `field_descr!`).
pub const fn field_size<S, F>(_proj: fn(&S) -> &F) -> usize {
    std::mem::size_of::<F>()
}

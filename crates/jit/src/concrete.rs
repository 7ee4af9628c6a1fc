//! `Concrete`: the `Tracer` of the plain interpreter.
//!
//! Red values are the machine values themselves, every method is
//! `#[inline(always)]` and records nothing, so handlers instantiated with
//! `Concrete` are an ordinary interpreter with no tracing overhead.

use crate::descr::{ArrayDescr, CallDescr, FieldDescr, Kind, SizeDescr};
use crate::tracer::{Arg, TArg, Tracer};
use kiln_gc::GcRef;
use std::sync::atomic::Ordering;

/// The plain interpreter's tracer (a zero-sized marker).
#[derive(Default, Clone, Copy, Debug)]
pub struct Concrete;

#[inline(always)]
fn addr(r: Option<GcRef>) -> *mut u8 {
    r.expect("null reference dereferenced").as_ptr::<u8>()
}

/// Reads a field of `size` bytes at `p`, sign- or zero-extended.
///
/// # Safety
/// `p` must point at a readable field of that size.
#[inline(always)]
pub unsafe fn read_int(p: *const u8, size: usize, unsigned: bool) -> i64 {
    // SAFETY: guaranteed by the caller.
    unsafe {
        match (size, unsigned) {
            (8, _) => (p as *const i64).read(),
            (4, false) => (p as *const i32).read() as i64,
            (4, true) => (p as *const u32).read() as i64,
            (2, false) => (p as *const i16).read() as i64,
            (2, true) => (p as *const u16).read() as i64,
            (1, false) => (p as *const i8).read() as i64,
            (1, true) => p.read() as i64,
            _ => unreachable!("bad field size {size}"),
        }
    }
}

/// Writes the low `size` bytes of `v` at `p`.
///
/// # Safety
/// `p` must point at a writable field of that size.
#[inline(always)]
pub unsafe fn write_int(p: *mut u8, size: usize, v: i64) {
    // SAFETY: guaranteed by the caller.
    unsafe {
        match size {
            8 => (p as *mut i64).write(v),
            4 => (p as *mut i32).write(v as i32),
            2 => (p as *mut i16).write(v as i16),
            1 => p.write(v as u8),
            _ => unreachable!("bad field size {size}"),
        }
    }
}

#[inline(always)]
fn words(args: &[TArg<Concrete>]) -> ([u64; 6], usize) {
    let mut w = [0u64; 6];
    for (i, a) in args.iter().enumerate() {
        w[i] = match *a {
            Arg::Int(v) => v as u64,
            Arg::Float(f) => f.to_bits(),
            Arg::Ref(r) => r.map_or(0, |r| r.addr() as u64),
        };
    }
    (w, args.len())
}

#[inline(always)]
fn invoke(d: &'static CallDescr, args: &[TArg<Concrete>]) -> u64 {
    let (w, n) = words(args);
    debug_assert_eq!(n, d.args.len(), "wrong argument count for {}", d.name);
    // SAFETY: the descr's contract: `func` takes `args.len()` words.
    unsafe { d.invoke(&w[..n]) }
}

#[inline(always)]
fn to_ref(w: u64) -> Option<GcRef> {
    // SAFETY: helpers return either 0 or a live GC object.
    (w != 0).then(|| unsafe { GcRef::from_addr(w as usize) })
}

impl Tracer for Concrete {
    type Int = i64;
    type Float = f64;
    type Ref = Option<GcRef>;

    #[inline(always)]
    fn const_int(&mut self, v: i64) -> i64 {
        v
    }
    #[inline(always)]
    fn const_float(&mut self, v: f64) -> f64 {
        v
    }
    #[inline(always)]
    fn const_ref(&mut self, r: GcRef) -> Option<GcRef> {
        Some(r)
    }
    #[inline(always)]
    fn const_null(&mut self) -> Option<GcRef> {
        None
    }

    #[inline(always)]
    fn int_add(&mut self, a: i64, b: i64) -> i64 {
        a.wrapping_add(b)
    }
    #[inline(always)]
    fn int_sub(&mut self, a: i64, b: i64) -> i64 {
        a.wrapping_sub(b)
    }
    #[inline(always)]
    fn int_mul(&mut self, a: i64, b: i64) -> i64 {
        a.wrapping_mul(b)
    }
    #[inline(always)]
    fn int_and(&mut self, a: i64, b: i64) -> i64 {
        a & b
    }
    #[inline(always)]
    fn int_or(&mut self, a: i64, b: i64) -> i64 {
        a | b
    }
    #[inline(always)]
    fn int_xor(&mut self, a: i64, b: i64) -> i64 {
        a ^ b
    }
    #[inline(always)]
    fn int_lshift(&mut self, a: i64, b: i64) -> i64 {
        a.wrapping_shl(b as u32)
    }
    #[inline(always)]
    fn int_rshift(&mut self, a: i64, b: i64) -> i64 {
        a.wrapping_shr(b as u32)
    }
    #[inline(always)]
    fn int_neg(&mut self, a: i64) -> i64 {
        a.wrapping_neg()
    }
    #[inline(always)]
    fn int_invert(&mut self, a: i64) -> i64 {
        !a
    }
    #[inline(always)]
    fn int_py_div(&mut self, a: i64, b: i64) -> i64 {
        let q = a.wrapping_div(b);
        if a.wrapping_rem(b) != 0 && ((a < 0) != (b < 0)) {
            q - 1
        } else {
            q
        }
    }
    #[inline(always)]
    fn int_py_mod(&mut self, a: i64, b: i64) -> i64 {
        let r = a.wrapping_rem(b);
        if r != 0 && ((r < 0) != (b < 0)) {
            r + b
        } else {
            r
        }
    }

    #[inline(always)]
    fn int_add_ovf(&mut self, a: i64, b: i64) -> Option<i64> {
        a.checked_add(b)
    }
    #[inline(always)]
    fn int_sub_ovf(&mut self, a: i64, b: i64) -> Option<i64> {
        a.checked_sub(b)
    }
    #[inline(always)]
    fn int_mul_ovf(&mut self, a: i64, b: i64) -> Option<i64> {
        a.checked_mul(b)
    }

    #[inline(always)]
    fn int_lt(&mut self, a: i64, b: i64) -> i64 {
        (a < b) as i64
    }
    #[inline(always)]
    fn int_le(&mut self, a: i64, b: i64) -> i64 {
        (a <= b) as i64
    }
    #[inline(always)]
    fn int_eq(&mut self, a: i64, b: i64) -> i64 {
        (a == b) as i64
    }
    #[inline(always)]
    fn int_ne(&mut self, a: i64, b: i64) -> i64 {
        (a != b) as i64
    }
    #[inline(always)]
    fn int_gt(&mut self, a: i64, b: i64) -> i64 {
        (a > b) as i64
    }
    #[inline(always)]
    fn int_ge(&mut self, a: i64, b: i64) -> i64 {
        (a >= b) as i64
    }
    #[inline(always)]
    fn int_is_zero(&mut self, a: i64) -> i64 {
        (a == 0) as i64
    }

    #[inline(always)]
    fn float_add(&mut self, a: f64, b: f64) -> f64 {
        a + b
    }
    #[inline(always)]
    fn float_sub(&mut self, a: f64, b: f64) -> f64 {
        a - b
    }
    #[inline(always)]
    fn float_mul(&mut self, a: f64, b: f64) -> f64 {
        a * b
    }
    #[inline(always)]
    fn float_truediv(&mut self, a: f64, b: f64) -> f64 {
        a / b
    }
    #[inline(always)]
    fn float_neg(&mut self, a: f64) -> f64 {
        -a
    }
    #[inline(always)]
    fn float_abs(&mut self, a: f64) -> f64 {
        a.abs()
    }
    #[inline(always)]
    fn float_lt(&mut self, a: f64, b: f64) -> i64 {
        (a < b) as i64
    }
    #[inline(always)]
    fn float_le(&mut self, a: f64, b: f64) -> i64 {
        (a <= b) as i64
    }
    #[inline(always)]
    fn float_eq(&mut self, a: f64, b: f64) -> i64 {
        (a == b) as i64
    }
    #[inline(always)]
    fn float_ne(&mut self, a: f64, b: f64) -> i64 {
        (a != b) as i64
    }
    #[inline(always)]
    fn float_gt(&mut self, a: f64, b: f64) -> i64 {
        (a > b) as i64
    }
    #[inline(always)]
    fn float_ge(&mut self, a: f64, b: f64) -> i64 {
        (a >= b) as i64
    }
    #[inline(always)]
    fn cast_int_to_float(&mut self, a: i64) -> f64 {
        a as f64
    }
    #[inline(always)]
    fn cast_float_to_int(&mut self, a: f64) -> i64 {
        a as i64
    }

    #[inline(always)]
    fn ptr_eq(&mut self, a: Option<GcRef>, b: Option<GcRef>) -> i64 {
        (a == b) as i64
    }
    #[inline(always)]
    fn ptr_is_null(&mut self, a: Option<GcRef>) -> i64 {
        a.is_none() as i64
    }

    #[inline(always)]
    fn is_true(&mut self, v: i64) -> bool {
        v != 0
    }
    #[inline(always)]
    fn guard_nonnull(&mut self, r: Option<GcRef>) -> bool {
        r.is_some()
    }
    #[inline(always)]
    fn promote_int(&mut self, v: i64) -> i64 {
        v
    }
    #[inline(always)]
    fn promote_ref(&mut self, r: Option<GcRef>) -> GcRef {
        r.expect("promote of null")
    }
    #[inline(always)]
    fn class_of(&mut self, r: Option<GcRef>, d: &'static FieldDescr) -> GcRef {
        let r = self.getfield_r(r, d);
        r.expect("object without class")
    }

    #[inline(always)]
    fn getfield_i(&mut self, r: Option<GcRef>, d: &'static FieldDescr) -> i64 {
        // SAFETY: descrs describe fields of the object's repr(C) layout.
        unsafe { read_int(addr(r).add(d.offset), d.size, d.unsigned) }
    }
    #[inline(always)]
    fn getfield_f(&mut self, r: Option<GcRef>, d: &'static FieldDescr) -> f64 {
        // SAFETY: as above, the field is an f64.
        unsafe { (addr(r).add(d.offset) as *const f64).read() }
    }
    #[inline(always)]
    fn getfield_r(&mut self, r: Option<GcRef>, d: &'static FieldDescr) -> Option<GcRef> {
        // SAFETY: as above, the field is an Option<GcRef>.
        unsafe { (addr(r).add(d.offset) as *const Option<GcRef>).read() }
    }
    #[inline(always)]
    fn setfield_i(&mut self, r: Option<GcRef>, d: &'static FieldDescr, v: i64) {
        // SAFETY: as above.
        unsafe { write_int(addr(r).add(d.offset), d.size, v) }
    }
    #[inline(always)]
    fn setfield_f(&mut self, r: Option<GcRef>, d: &'static FieldDescr, v: f64) {
        // SAFETY: as above, the field is an f64.
        unsafe { (addr(r).add(d.offset) as *mut f64).write(v) }
    }
    #[inline(always)]
    fn setfield_r(&mut self, r: Option<GcRef>, d: &'static FieldDescr, v: Option<GcRef>) {
        // SAFETY: as above, the field is an Option<GcRef>.
        unsafe { (addr(r).add(d.offset) as *mut Option<GcRef>).write(v) }
        kiln_gc::write_barrier(r.unwrap());
    }
    #[inline(always)]
    fn arraylen(&mut self, r: Option<GcRef>, d: &'static ArrayDescr) -> i64 {
        // SAFETY: array descrs give the offset of a usize length word.
        unsafe { (addr(r).add(d.len_offset) as *const i64).read() }
    }
    #[inline(always)]
    fn getarrayitem_i(&mut self, r: Option<GcRef>, d: &'static ArrayDescr, i: i64) -> i64 {
        // SAFETY: callers check bounds before indexing (as the IR requires).
        unsafe {
            read_int(
                addr(r).add(d.base_offset + i as usize * d.item_size),
                d.item_size,
                false,
            )
        }
    }
    #[inline(always)]
    fn getarrayitem_f(&mut self, r: Option<GcRef>, d: &'static ArrayDescr, i: i64) -> f64 {
        // SAFETY: as above.
        unsafe { (addr(r).add(d.base_offset + i as usize * 8) as *const f64).read() }
    }
    #[inline(always)]
    fn getarrayitem_r(
        &mut self,
        r: Option<GcRef>,
        d: &'static ArrayDescr,
        i: i64,
    ) -> Option<GcRef> {
        // SAFETY: as above.
        unsafe { (addr(r).add(d.base_offset + i as usize * 8) as *const Option<GcRef>).read() }
    }
    #[inline(always)]
    fn setarrayitem_i(&mut self, r: Option<GcRef>, d: &'static ArrayDescr, i: i64, v: i64) {
        // SAFETY: as above.
        unsafe {
            write_int(
                addr(r).add(d.base_offset + i as usize * d.item_size),
                d.item_size,
                v,
            )
        }
    }
    #[inline(always)]
    fn setarrayitem_f(&mut self, r: Option<GcRef>, d: &'static ArrayDescr, i: i64, v: f64) {
        // SAFETY: as above.
        unsafe { (addr(r).add(d.base_offset + i as usize * 8) as *mut f64).write(v) }
    }
    #[inline(always)]
    fn setarrayitem_r(
        &mut self,
        r: Option<GcRef>,
        d: &'static ArrayDescr,
        i: i64,
        v: Option<GcRef>,
    ) {
        // SAFETY: as above.
        unsafe { (addr(r).add(d.base_offset + i as usize * 8) as *mut Option<GcRef>).write(v) }
        kiln_gc::write_barrier(r.unwrap());
    }

    #[inline(always)]
    fn new_with_vtable(
        &mut self,
        d: &'static SizeDescr,
        cd: &'static FieldDescr,
        class: GcRef,
    ) -> Option<GcRef> {
        let r = self.new(d);
        self.setfield_r(r, cd, Some(class));
        r
    }
    #[inline(always)]
    fn new(&mut self, d: &'static SizeDescr) -> Option<GcRef> {
        Some(kiln_gc::alloc(d.type_id.load(Ordering::Relaxed), d.size))
    }
    #[inline(always)]
    fn new_array(&mut self, d: &'static ArrayDescr, type_id: u32, len: i64) -> Option<GcRef> {
        let r = kiln_gc::alloc(type_id, d.base_offset + len as usize * d.item_size);
        // SAFETY: the fresh object is big enough to hold its length word.
        unsafe { (r.as_ptr::<u8>().add(d.len_offset) as *mut i64).write(len) };
        Some(r)
    }

    #[inline(always)]
    fn call_i(&mut self, d: &'static CallDescr, args: &[TArg<Self>]) -> i64 {
        debug_assert_eq!(d.result, Kind::Int);
        invoke(d, args) as i64
    }
    #[inline(always)]
    fn call_f(&mut self, d: &'static CallDescr, args: &[TArg<Self>]) -> f64 {
        debug_assert_eq!(d.result, Kind::Float);
        f64::from_bits(invoke(d, args))
    }
    #[inline(always)]
    fn call_r(&mut self, d: &'static CallDescr, args: &[TArg<Self>]) -> Option<GcRef> {
        debug_assert_eq!(d.result, Kind::Ref);
        to_ref(invoke(d, args))
    }
    #[inline(always)]
    fn call_n(&mut self, d: &'static CallDescr, args: &[TArg<Self>]) {
        invoke(d, args);
    }

    #[inline(always)]
    fn vable_getfield_i(&mut self, f: Option<GcRef>, d: &'static FieldDescr) -> i64 {
        self.getfield_i(f, d)
    }
    #[inline(always)]
    fn vable_getfield_r(&mut self, f: Option<GcRef>, d: &'static FieldDescr) -> Option<GcRef> {
        self.getfield_r(f, d)
    }
    #[inline(always)]
    fn vable_setfield_i(&mut self, f: Option<GcRef>, d: &'static FieldDescr, v: i64) {
        self.setfield_i(f, d, v)
    }
    #[inline(always)]
    fn vable_setfield_r(&mut self, f: Option<GcRef>, d: &'static FieldDescr, v: Option<GcRef>) {
        self.setfield_r(f, d, v)
    }
    #[inline(always)]
    fn vable_getitem_r(
        &mut self,
        f: Option<GcRef>,
        d: &'static ArrayDescr,
        i: usize,
    ) -> Option<GcRef> {
        self.getarrayitem_r(f, d, i as i64)
    }
    #[inline(always)]
    fn vable_setitem_r(
        &mut self,
        f: Option<GcRef>,
        d: &'static ArrayDescr,
        i: usize,
        v: Option<GcRef>,
    ) {
        self.setarrayitem_r(f, d, i as i64, v)
    }
}

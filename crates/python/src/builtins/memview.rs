//! `memoryview`: one-dimensional views (format 'B') of bytes and
//! bytearray. A view shares its object's buffer: slicing makes a view of
//! the same buffer (start, length and step compose), and writes through a
//! view of a bytearray change it. Every access checks the view against
//! the buffer's current length, so a resized bytearray gives an error,
//! never an out-of-bounds access. After `release()` every operation but
//! `release()`, `==` and `repr` raises ValueError.

use super::setup::{def_attr, def_method};
use super::{check_args, kwarg, only_kw};
use crate::object::func::KwArgs;
use crate::object::int::{BigIntObject, IntObject};
use crate::object::misc::SliceObject;
use crate::object::str::{hash_bytes, new_bytes, BytesObject, MemoryViewObject, StrObject};
use crate::object::typeobj::TypeObject;
use crate::object::{alloc, cast, class_of, is, try_cast, GcRef, HDR};
use crate::ops::{self, tname};
use crate::vm::{Exc, PyResult, Vm};

fn released_error(vm: &mut Vm) -> Exc {
    vm.value_error("operation forbidden on released memoryview object")
}

/// The view behind `r` (a memoryview), unless released.
fn view(vm: &mut Vm, r: GcRef) -> PyResult<&'static mut MemoryViewObject> {
    let Some(m) = try_cast::<MemoryViewObject>(r) else {
        return Err(vm.type_error(format!(
            "descriptor for 'memoryview' objects doesn't apply to a '{}' object",
            tname(r)
        )));
    };
    if m.released || m.obj.is_none() {
        return Err(released_error(vm));
    }
    Ok(m)
}

fn buffer(m: &MemoryViewObject) -> &'static mut Vec<u8> {
    &mut cast::<BytesObject>(m.obj.expect("exporter")).b
}

/// Buffer offset of item `i` of the view, if the buffer still has it.
fn offset(m: &MemoryViewObject, i: i64) -> Option<usize> {
    let off = m.start.checked_add(i.checked_mul(m.step)?)?;
    usize::try_from(off).ok().filter(|o| *o < buffer(m).len())
}

fn resized_error(vm: &mut Vm) -> Exc {
    vm.err("BufferError", "memoryview: underlying buffer was resized")
}

/// The bytes a memoryview shows.
pub fn contents(vm: &mut Vm, r: GcRef) -> PyResult<Vec<u8>> {
    let m = view(vm, r)?;
    let mut out = Vec::with_capacity(m.len.max(0) as usize);
    for i in 0..m.len {
        match offset(m, i) {
            Some(o) => out.push(buffer(m)[o]),
            None => return Err(resized_error(vm)),
        }
    }
    Ok(out)
}

/// The contents of a bytes-like object (bytes, bytearray, memoryview).
pub fn bytes_like(vm: &mut Vm, r: GcRef) -> PyResult<Option<Vec<u8>>> {
    if let Some(b) = try_cast::<BytesObject>(r) {
        return Ok(Some(b.b.clone()));
    }
    if is::<MemoryViewObject>(r) {
        return contents(vm, r).map(Some);
    }
    Ok(None)
}

fn new_view(vm: &mut Vm, obj: GcRef, start: i64, len: i64, step: i64, readonly: bool) -> GcRef {
    alloc(MemoryViewObject {
        hdr: HDR,
        cls: Some(vm.t.memoryview),
        obj: Some(obj),
        start,
        len,
        step,
        readonly,
        released: false,
    })
}

/// `memoryview(object)`.
fn memoryview_new(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    only_kw(vm, "memoryview", kw, &["object"])?;
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "memoryview() takes at most 1 argument ({} given)",
            args.len() - 1
        )));
    }
    let x = match (args.get(1), kwarg(kw, "object")) {
        (Some(x), None) => *x,
        (None, Some(x)) => x,
        (Some(_), Some(_)) => {
            return Err(vm
                .type_error("argument for memoryview() given by name ('object') and position (1)"))
        }
        (None, None) => {
            return Err(vm.type_error("memoryview() missing required argument 'object' (pos 1)"))
        }
    };
    if let Some(b) = try_cast::<BytesObject>(x) {
        let readonly = !vm.is_subtype(class_of(x), vm.t.bytearray);
        let n = b.b.len() as i64;
        return Ok(new_view(vm, x, 0, n, 1, readonly));
    }
    if is::<MemoryViewObject>(x) {
        let m = view(vm, x)?;
        let (obj, start, len, step, ro) = (m.obj.expect("obj"), m.start, m.len, m.step, m.readonly);
        return Ok(new_view(vm, obj, start, len, step, ro));
    }
    Err(vm.type_error(format!(
        "memoryview: a bytes-like object is required, not '{}'",
        tname(x)
    )))
}

/// The integer value of an index key, or None if `key` is not an int.
fn int_key(vm: &mut Vm, key: GcRef) -> PyResult<Option<i64>> {
    if is::<IntObject>(key) || is::<BigIntObject>(key) {
        return ops::item::index_value(vm, key).map(Some);
    }
    let cls = class_of(key);
    if cast::<TypeObject>(cls).heap {
        let n = vm.intern("__index__");
        if ops::lookup(vm, cls, n).is_some() {
            return ops::item::index_value(vm, key).map(Some);
        }
    }
    Ok(None)
}

/// Item index `i` (negative from the end) checked against the view.
fn item_index(vm: &mut Vm, m: &MemoryViewObject, i: i64) -> PyResult<i64> {
    let j = if i < 0 { i + m.len } else { i };
    if j < 0 || j >= m.len {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    Ok(j)
}

/// (start, len, step) of the sub-view `m[slice]`.
fn sub_view(vm: &mut Vm, m: &MemoryViewObject, key: GcRef) -> PyResult<(i64, i64, i64)> {
    let (a, b, s) = ops::item::slice_indices(vm, key, m.len as usize)?;
    let n = super::ranges::small_len(a, b, s) as i64;
    // Saturating: an absurd step leaves at most one item, found by `offset`.
    let start = m.start.saturating_add(a.saturating_mul(m.step));
    Ok((start, n, m.step.saturating_mul(s)))
}

/// `m[key]`.
pub fn getitem(vm: &mut Vm, r: GcRef, key: GcRef) -> PyResult<GcRef> {
    let m = view(vm, r)?;
    if is::<SliceObject>(key) {
        let (start, len, step) = sub_view(vm, m, key)?;
        let (obj, ro) = (m.obj.expect("obj"), m.readonly);
        return Ok(new_view(vm, obj, start, len, step, ro));
    }
    let Some(i) = int_key(vm, key)? else {
        return Err(vm.type_error("memoryview: invalid slice key"));
    };
    let j = item_index(vm, m, i)?;
    match offset(m, j) {
        Some(o) => {
            let v = buffer(m)[o] as i64;
            Ok(vm.int(v))
        }
        None => Err(resized_error(vm)),
    }
}

/// `m[key] = v` (`v` None: `del m[key]`).
pub fn setitem(vm: &mut Vm, r: GcRef, key: GcRef, v: Option<GcRef>) -> PyResult<()> {
    let m = view(vm, r)?;
    if m.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    let Some(v) = v else {
        return Err(vm.type_error("cannot delete memory"));
    };
    if is::<SliceObject>(key) {
        let Some(src) = bytes_like(vm, v)? else {
            return Err(vm.type_error(format!(
                "a bytes-like object is required, not '{}'",
                tname(v)
            )));
        };
        let (start, len, step) = sub_view(vm, m, key)?;
        if src.len() as i64 != len {
            return Err(vm.value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let target = MemoryViewObject {
            hdr: HDR,
            cls: None,
            obj: m.obj,
            start,
            len,
            step,
            readonly: false,
            released: false,
        };
        for (i, byte) in src.into_iter().enumerate() {
            match offset(&target, i as i64) {
                Some(o) => buffer(m)[o] = byte,
                None => return Err(resized_error(vm)),
            }
        }
        return Ok(());
    }
    let Some(i) = int_key(vm, key)? else {
        return Err(vm.type_error("memoryview: invalid slice key"));
    };
    let j = item_index(vm, m, i)?;
    if !is::<IntObject>(v) && !is::<BigIntObject>(v) {
        return Err(vm.type_error("memoryview: invalid type for format 'B'"));
    }
    let x = match try_cast::<IntObject>(v) {
        Some(x) if (0..256).contains(&x.value) => x.value as u8,
        _ => return Err(vm.value_error("memoryview: invalid value for format 'B'")),
    };
    match offset(m, j) {
        Some(o) => {
            buffer(m)[o] = x;
            Ok(())
        }
        None => Err(resized_error(vm)),
    }
}

/// `len(m)`.
pub fn len(vm: &mut Vm, r: GcRef) -> PyResult<usize> {
    Ok(view(vm, r)?.len.max(0) as usize)
}

/// `hash(m)`: the hash of its bytes, for read-only views only.
pub fn hash(vm: &mut Vm, r: GcRef) -> PyResult<i64> {
    if !view(vm, r)?.readonly {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    let b = contents(vm, r)?;
    Ok(hash_bytes(&b))
}

/// `a == b` when one side is a memoryview: equal contents with another
/// bytes-like object; None (identity decides) otherwise.
pub fn eq(vm: &mut Vm, a: GcRef, b: GcRef) -> PyResult<Option<bool>> {
    for x in [a, b] {
        if let Some(m) = try_cast::<MemoryViewObject>(x) {
            if m.released {
                return Ok(Some(a == b));
            }
        }
    }
    let Some(x) = bytes_like(vm, a)? else {
        return Ok(None);
    };
    let Some(y) = bytes_like(vm, b)? else {
        return Ok(None);
    };
    Ok(Some(x == y))
}

/// `iter(m)`: an iterator over a snapshot of the items.
pub fn iter(vm: &mut Vm, r: GcRef) -> PyResult<GcRef> {
    let b = contents(vm, r)?;
    let bc = vm.t.bytes;
    let snapshot = new_bytes(bc, b);
    let it = vm.t.memory_iterator;
    Ok(crate::object::misc::new_iter(
        it,
        crate::object::misc::IterKind::Seq,
        Some(snapshot),
        None,
        0,
        0,
        0,
    ))
}

fn tobytes(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let b = contents(vm, args[0])?;
    let bc = vm.t.bytes;
    Ok(new_bytes(bc, b))
}

fn tolist(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let b = contents(vm, args[0])?;
    Ok(vm.list_map(b, |vm, x| vm.int(x as i64)))
}

/// `m.hex([sep[, bytes_per_sep]])`: groups counted from the right, or
/// from the left for a negative `bytes_per_sep`.
fn hex(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    only_kw(vm, "hex", kw, &["sep", "bytes_per_sep"])?;
    check_args(vm, "hex", &args[1..], 0, 2)?;
    let b = contents(vm, args[0])?;
    let sep = args.get(1).copied().or_else(|| kwarg(kw, "sep"));
    let per = match args.get(2).copied().or_else(|| kwarg(kw, "bytes_per_sep")) {
        Some(p) => ops::item::index_value(vm, p)?,
        None => 1,
    };
    let sep: Option<String> = match sep {
        None => None,
        Some(s) if s == vm.none => None,
        Some(s) => {
            let text = if let Some(st) = try_cast::<StrObject>(s) {
                st.s.clone()
            } else if let Some(bt) = try_cast::<BytesObject>(s) {
                String::from_utf8_lossy(&bt.b).into_owned()
            } else {
                return Err(vm.type_error(format!("sep must be str or bytes, not {}", tname(s))));
            };
            if text.chars().count() != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            Some(text)
        }
    };
    let digits = |x: &u8| format!("{x:02x}");
    let out = match sep {
        Some(sep) if per != 0 && !b.is_empty() => {
            let k = per.unsigned_abs() as usize;
            let groups: Vec<String> = if per > 0 {
                let first = b.len() % k;
                let mut g = Vec::new();
                if first > 0 {
                    g.push(b[..first].iter().map(digits).collect());
                }
                g.extend(b[first..].chunks(k).map(|c| c.iter().map(digits).collect()));
                g
            } else {
                b.chunks(k)
                    .map(|c| c.iter().map(digits).collect())
                    .collect()
            };
            groups.join(&sep)
        }
        _ => b.iter().map(digits).collect(),
    };
    Ok(vm.new_str(out))
}

fn release(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    if let Some(m) = try_cast::<MemoryViewObject>(args[0]) {
        m.released = true;
    }
    Ok(vm.none)
}

fn toreadonly(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let m = view(vm, args[0])?;
    let (obj, start, len, step) = (m.obj.expect("obj"), m.start, m.len, m.step);
    Ok(new_view(vm, obj, start, len, step, true))
}

fn enter(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    view(vm, args[0])?;
    Ok(args[0])
}

fn exit(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    release(vm, args, kw)?;
    Ok(vm.false_)
}

fn mv_repr(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let released = try_cast::<MemoryViewObject>(args[0]).is_none_or(|m| m.released);
    let s = format!(
        "<{}memory at {:#x}>",
        if released { "released " } else { "" },
        args[0].addr()
    );
    Ok(vm.new_str(s))
}

fn mv_len(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let n = len(vm, args[0])?;
    Ok(vm.int(n as i64))
}

// ---- attributes ----

fn readonly(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let ro = view(vm, args[0])?.readonly;
    Ok(vm.bool(ro))
}

fn nbytes(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let n = view(vm, args[0])?.len;
    Ok(vm.int(n))
}

fn itemsize(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    view(vm, args[0])?;
    Ok(vm.int(1))
}

fn format(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    view(vm, args[0])?;
    Ok(vm.intern("B"))
}

fn ndim(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    view(vm, args[0])?;
    Ok(vm.int(1))
}

fn obj(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    Ok(view(vm, args[0])?.obj.expect("obj"))
}

fn shape(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let n = view(vm, args[0])?.len;
    let v = vm.int(n);
    Ok(vm.tuple(&[v]))
}

fn strides(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let s = view(vm, args[0])?.step;
    let v = vm.int(s);
    Ok(vm.tuple(&[v]))
}

fn suboffsets(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    view(vm, args[0])?;
    Ok(vm.empty_tuple)
}

fn contiguous(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let m = view(vm, args[0])?;
    let c = m.step == 1 || m.len <= 1;
    Ok(vm.bool(c))
}

pub fn register(vm: &mut Vm) {
    let ty = vm.t.memoryview;
    cast::<TypeObject>(ty).native_new = Some(memoryview_new);
    def_method(vm, ty, "tobytes", tobytes);
    def_method(vm, ty, "tolist", tolist);
    def_method(vm, ty, "hex", hex);
    def_method(vm, ty, "release", release);
    def_method(vm, ty, "toreadonly", toreadonly);
    def_method(vm, ty, "__enter__", enter);
    def_method(vm, ty, "__exit__", exit);
    def_method(vm, ty, "__repr__", mv_repr);
    def_method(vm, ty, "__len__", mv_len);
    let props: &[(&'static str, crate::object::func::NativeFn)] = &[
        ("readonly", readonly),
        ("nbytes", nbytes),
        ("itemsize", itemsize),
        ("format", format),
        ("ndim", ndim),
        ("obj", obj),
        ("shape", shape),
        ("strides", strides),
        ("suboffsets", suboffsets),
        ("contiguous", contiguous),
        ("c_contiguous", contiguous),
        ("f_contiguous", contiguous),
    ];
    for &(name, f) in props {
        let getter = vm.builtin_fn(name, f, None);
        let p = super::types::new_descr(vm, vm.t.property, Some(getter));
        def_attr(vm, ty, name, p);
    }
}

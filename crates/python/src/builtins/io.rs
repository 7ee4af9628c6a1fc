//! Standard streams and files: a buffered stdout (flushed before stderr
//! output, at exit and per line on a terminal), the `sys.stdout` /
//! `sys.stderr` / `sys.stdin` objects, and `open()`, whose file objects
//! are written in Python (`lib/_fileio.py`) over two native primitives
//! (`_kiln_io.read`, `_kiln_io.write`).

use super::check_args;
use super::setup::def_method;
use crate::object::func::KwArgs;
use crate::object::str::StrObject;
use crate::object::typeobj::InstLayout;
use crate::object::{is, try_cast, GcRef};
use crate::ops::{self, str_of, tname};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::io::{IsTerminal, Write};

thread_local! {
    static OUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static TTY: bool = std::io::stdout().is_terminal();
}

/// Writes all buffered stdout bytes.
pub fn flush_stdout() {
    OUT.with(|o| {
        let mut o = o.borrow_mut();
        if !o.is_empty() {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(&o);
            let _ = out.flush();
            o.clear();
        }
    });
}

/// Appends text to stdout (buffered).
pub fn write_stdout(_vm: &mut Vm, s: &str) -> PyResult<()> {
    let flush = OUT.with(|o| {
        let mut o = o.borrow_mut();
        o.extend_from_slice(s.as_bytes());
        o.len() > 1 << 16 || (TTY.with(|t| *t) && s.contains('\n'))
    });
    if flush {
        flush_stdout();
    }
    Ok(())
}

/// Writes text to stderr (after flushing stdout, to keep the order).
pub fn write_stderr(s: &str) {
    flush_stdout();
    let mut e = std::io::stderr().lock();
    let _ = e.write_all(s.as_bytes());
    let _ = e.flush();
}

fn stream_fd(vm: &mut Vm, obj: GcRef) -> PyResult<i64> {
    let n = vm.intern("_fd");
    let v = ops::getattr(vm, obj, n)?;
    ops::item::index_value(vm, v)
}

fn stream_write(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "write", &args[1..], 1, 1)?;
    let Some(s) = try_cast::<StrObject>(args[1]) else {
        return Err(vm.type_error(format!(
            "write() argument must be str, not {}",
            tname(args[1])
        )));
    };
    let (text, n) = (s.s.clone(), s.len);
    match stream_fd(vm, args[0])? {
        1 => write_stdout(vm, &text)?,
        2 => write_stderr(&text),
        _ => return Err(vm.err("OSError", "not writable")),
    }
    Ok(vm.int(n as i64))
}

fn stream_flush(vm: &mut Vm, _args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    flush_stdout();
    Ok(vm.none)
}

fn stream_readline(vm: &mut Vm, _args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    flush_stdout();
    let mut line = String::new();
    let _ = std::io::stdin().read_line(&mut line);
    Ok(vm.new_str(line))
}

fn stream_read(vm: &mut Vm, _args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    flush_stdout();
    let mut s = String::new();
    let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut s);
    Ok(vm.new_str(s))
}

fn stream_isatty(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let t = match stream_fd(vm, args[0])? {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        _ => std::io::stderr().is_terminal(),
    };
    Ok(vm.bool(t))
}

fn stream_fileno(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let fd = stream_fd(vm, args[0])?;
    Ok(vm.int(fd))
}

/// Creates the three standard stream objects (for `sys`).
pub fn std_streams(vm: &mut Vm) -> [GcRef; 3] {
    let object = vm.t.object;
    let ty = super::setup::new_builtin_type(vm, "TextIOWrapper", object, InstLayout::Instance);
    def_method(vm, ty, "write", stream_write);
    def_method(vm, ty, "flush", stream_flush);
    def_method(vm, ty, "readline", stream_readline);
    def_method(vm, ty, "read", stream_read);
    def_method(vm, ty, "isatty", stream_isatty);
    def_method(vm, ty, "fileno", stream_fileno);
    let mut out = [vm.none; 3];
    for (fd, slot) in out.iter_mut().enumerate() {
        let o = crate::object::instance::new_instance(ty, vm.root_map);
        let k = vm.intern("_fd");
        let v = vm.int(fd as i64);
        ops::inst_set(o, ops::attrs_of(o).unwrap(), k, v);
        let k = vm.intern("encoding");
        let v = vm.intern("utf-8");
        ops::inst_set(o, ops::attrs_of(o).unwrap(), k, v);
        vm.keep(o);
        *slot = o;
    }
    out
}

fn os_error(vm: &mut Vm, e: &std::io::Error, path: &str) -> crate::vm::Exc {
    let (cls, code) = match e.kind() {
        std::io::ErrorKind::NotFound => ("FileNotFoundError", 2),
        std::io::ErrorKind::PermissionDenied => ("PermissionError", 13),
        std::io::ErrorKind::AlreadyExists => ("FileExistsError", 17),
        _ if e.raw_os_error() == Some(21) => ("IsADirectoryError", 21),
        _ => ("OSError", e.raw_os_error().unwrap_or(0)),
    };
    let msg = match code {
        2 => "No such file or directory".to_string(),
        13 => "Permission denied".to_string(),
        17 => "File exists".to_string(),
        21 => "Is a directory".to_string(),
        _ => e.to_string(),
    };
    let c = vm.exc_type(cls);
    let (a, b, p) = (vm.int(code as i64), vm.new_str(msg), vm.new_str(path));
    let args = vm.tuple(&[a, b, p]);
    let _ = is::<StrObject>;
    crate::vm::Exc(crate::object::exc::new_exception(c, vm.root_map, args))
}

/// `_kiln_io.read(path)`: the whole file as text.
fn native_read(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "read", args, 1, 1)?;
    let path = str_of(args[0]).to_string();
    match std::fs::read(&path) {
        Ok(b) => match String::from_utf8(b) {
            Ok(s) => Ok(vm.new_str(s)),
            Err(_) => Err(vm.err(
                "UnicodeDecodeError",
                "'utf-8' codec can't decode file contents",
            )),
        },
        Err(e) => Err(os_error(vm, &e, &path)),
    }
}

/// `_kiln_io.write(path, text, append)`: writes (or appends) text.
fn native_write(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "write", args, 3, 3)?;
    let path = str_of(args[0]).to_string();
    let text = str_of(args[1]).to_string();
    let append = ops::truthy(vm, args[2])?;
    write_file(vm, &path, text.as_bytes(), append)
}

/// Writes `data` to the file `path`, appending or replacing its contents.
fn write_file(vm: &mut Vm, path: &str, data: &[u8], append: bool) -> PyResult<GcRef> {
    let r = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .append(append)
        .truncate(!append)
        .open(path)
        .and_then(|mut f| f.write_all(data));
    match r {
        Ok(()) => Ok(vm.none),
        Err(e) => Err(os_error(vm, &e, path)),
    }
}

/// `_kiln_io.read_bytes(path)`: the whole file as bytes.
fn native_read_bytes(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "read_bytes", args, 1, 1)?;
    let path = str_of(args[0]).to_string();
    match std::fs::read(&path) {
        Ok(b) => {
            let c = vm.t.bytes;
            Ok(crate::object::str::new_bytes(c, b))
        }
        Err(e) => Err(os_error(vm, &e, &path)),
    }
}

/// `_kiln_io.write_bytes(path, data, append)`.
fn native_write_bytes(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "write_bytes", args, 3, 3)?;
    let path = str_of(args[0]).to_string();
    let Some(data) = try_cast::<crate::object::str::BytesObject>(args[1]).map(|b| b.b.clone())
    else {
        return Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            tname(args[1])
        )));
    };
    let append = ops::truthy(vm, args[2])?;
    write_file(vm, &path, &data, append)
}

/// `_kiln_io.exists(path)`.
fn native_exists(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "exists", args, 1, 1)?;
    let p = std::path::Path::new(str_of(args[0])).exists();
    Ok(vm.bool(p))
}

/// `open(...)`: delegates to `_fileio.open`.
fn open(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let m = super::import::import_module(vm, "_fileio")?;
    let n = vm.intern("open");
    let f = ops::getattr(vm, m, n)?;
    ops::call(vm, f, args, kw)
}

pub fn register(vm: &mut Vm) {
    let b = vm.builtins;
    vm.def_fn(b, "open", open);
    let d = vm.dict();
    vm.def_fn(d, "read", native_read);
    vm.def_fn(d, "write", native_write);
    vm.def_fn(d, "exists", native_exists);
    vm.def_fn(d, "read_bytes", native_read_bytes);
    vm.def_fn(d, "write_bytes", native_write_bytes);
    super::import::add_native_module(vm, "_kiln_io", d);
}

//! str and bytes: constructors and methods. Strings are UTF-8 with
//! code-point indexing; search methods take code-point `start`/`end` and
//! return code-point positions.

use super::setup::def_method;
use super::{check_args, fmt_err};
use crate::format::unicode as uc;
use crate::object::func::KwArgs;
use crate::object::seq::{list_items, tuple_items, TupleObject};
use crate::object::str::{new_bytes, new_str, BytesObject, StrObject};
use crate::object::typeobj::TypeObject;
use crate::object::{cast, class_of, is, try_cast, GcRef};
use crate::ops::{self, str_of, tname};
use crate::vm::{PyResult, Vm};

/// `ascii()` of a repr: non-ASCII characters as escapes.
pub fn ascii_escape(s: &str) -> String {
    crate::format::strrepr::escape_non_ascii(s)
}

fn s_of(r: GcRef) -> &'static StrObject {
    cast::<StrObject>(r)
}

fn str_arg(vm: &mut Vm, r: GcRef, what: &str) -> PyResult<&'static str> {
    match try_cast::<StrObject>(r) {
        Some(s) => Ok(&s.s),
        None => Err(vm.type_error(format!("{what} must be str, not {}", tname(r)))),
    }
}

fn new_s(vm: &mut Vm, s: String) -> GcRef {
    vm.new_str(s)
}

/// Clamps optional code-point `start`/`end` arguments to byte offsets.
fn span(vm: &mut Vm, so: &StrObject, args: &[GcRef]) -> PyResult<(usize, usize)> {
    let n = so.len as i64;
    let mut get = |i: usize, dflt: i64| -> PyResult<i64> {
        match args.get(i) {
            Some(v) if *v != vm.none => {
                let x = ops::item::index_value(vm, *v)?;
                Ok(if x < 0 { (x + n).max(0) } else { x.min(n) })
            }
            _ => Ok(dflt),
        }
    };
    let a = get(0, 0)?;
    let b = get(1, n)?;
    if a > b {
        return Ok((usize::MAX, usize::MAX));
    }
    Ok((so.byte_offset(a as usize), so.byte_offset(b as usize)))
}

fn cp_index(s: &str, byte: usize) -> i64 {
    s[..byte].chars().count() as i64
}

fn str_new(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let cls = args[0];
    let mut a = args[1..].to_vec();
    for k in ["object", "encoding", "errors"] {
        if let Some(v) = super::kwarg(kw, k) {
            a.push(v);
        }
    }
    let s = match a.len() {
        0 => String::new(),
        1 => ops::repr::str_(vm, a[0])?,
        _ => match try_cast::<BytesObject>(a[0]) {
            Some(b) => match String::from_utf8(b.b.clone()) {
                Ok(s) => s,
                Err(_) => {
                    return Err(vm.err("UnicodeDecodeError", "'utf-8' codec can't decode bytes"))
                }
            },
            None => {
                return Err(vm.type_error(format!(
                    "decoding to str: need a bytes-like object, {} found",
                    tname(a[0])
                )))
            }
        },
    };
    if cls == vm.t.str_ {
        if a.len() == 1 && class_of(a[0]) == vm.t.str_ {
            return Ok(a[0]);
        }
        return Ok(new_s(vm, s));
    }
    Ok(new_str(cls, s))
}

fn join(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "join", &args[1..], 1, 1)?;
    let sep = str_of(args[0]);
    let items = super::seqs::to_vec(vm, args[1])?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        match try_cast::<StrObject>(*it) {
            Some(s) => out.push_str(&s.s),
            None => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    tname(*it)
                )))
            }
        }
    }
    Ok(new_s(vm, out))
}

fn split_args(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<(Option<String>, i64)> {
    let sep = args.get(1).copied().or(super::kwarg(kw, "sep"));
    let maxsplit = args.get(2).copied().or(super::kwarg(kw, "maxsplit"));
    let sep = match sep {
        Some(s) if s != vm.none => {
            let s = str_arg(vm, s, "must be str or None")?.to_string();
            if s.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(s)
        }
        _ => None,
    };
    let max = match maxsplit {
        Some(m) => ops::item::index_value(vm, m)?,
        None => -1,
    };
    Ok((sep, max))
}

fn whitespace_split(s: &str, max: i64, rev: bool) -> Vec<String> {
    let mut out = Vec::new();
    if !rev {
        let mut rest = s.trim_start_matches(uc::is_space);
        while !rest.is_empty() {
            if max >= 0 && out.len() as i64 >= max {
                out.push(rest.to_string());
                break;
            }
            let end = rest.find(uc::is_space).unwrap_or(rest.len());
            out.push(rest[..end].to_string());
            rest = rest[end..].trim_start_matches(uc::is_space);
        }
    } else {
        let mut rest = s.trim_end_matches(uc::is_space);
        while !rest.is_empty() {
            if max >= 0 && out.len() as i64 >= max {
                out.push(rest.to_string());
                break;
            }
            let start = rest
                .rfind(uc::is_space)
                .map_or(0, |i| i + rest[i..].chars().next().unwrap().len_utf8());
            out.push(rest[start..].to_string());
            rest = rest[..start].trim_end_matches(uc::is_space);
        }
        out.reverse();
    }
    out
}

fn split(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let (sep, max) = split_args(vm, args, kw)?;
    let s = str_of(args[0]);
    let parts: Vec<String> = match sep {
        None => whitespace_split(s, max, false),
        Some(sep) => {
            if max < 0 {
                s.split(sep.as_str()).map(str::to_string).collect()
            } else {
                s.splitn(max as usize + 1, sep.as_str())
                    .map(str::to_string)
                    .collect()
            }
        }
    };
    Ok(vm.list_map(parts, |vm, p| vm.new_str(p)))
}

fn rsplit(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let (sep, max) = split_args(vm, args, kw)?;
    let s = str_of(args[0]);
    let parts: Vec<String> = match sep {
        None => whitespace_split(s, max, true),
        Some(sep) => {
            let mut v: Vec<String> = if max < 0 {
                s.rsplit(sep.as_str()).map(str::to_string).collect()
            } else {
                s.rsplitn(max as usize + 1, sep.as_str())
                    .map(str::to_string)
                    .collect()
            };
            v.reverse();
            v
        }
    };
    Ok(vm.list_map(parts, |vm, p| vm.new_str(p)))
}

fn splitlines(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let keep = match args.get(1).copied().or(super::kwarg(kw, "keepends")) {
        Some(k) => ops::truthy(vm, k)?,
        None => false,
    };
    let s = str_of(args[0]);
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if uc::is_linebreak(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some((_, '\n')) = it.peek() {
                    it.next();
                    end += 1;
                }
            }
            out.push(if keep { &s[start..end] } else { &s[start..i] }.to_string());
            start = end;
        }
    }
    if start < s.len() {
        out.push(s[start..].to_string());
    }
    Ok(vm.list_map(out, |vm, p| vm.new_str(p)))
}

fn strip_impl(vm: &mut Vm, args: &[GcRef], left: bool, right: bool) -> PyResult<GcRef> {
    let s = str_of(args[0]);
    let chars: Option<Vec<char>> = match args.get(1) {
        Some(c) if *c != vm.none => Some(str_arg(vm, *c, "strip arg")?.chars().collect()),
        _ => None,
    };
    let pred = |c: char| match &chars {
        Some(cs) => cs.contains(&c),
        None => uc::is_space(c),
    };
    let mut r = s;
    if left {
        r = r.trim_start_matches(pred);
    }
    if right {
        r = r.trim_end_matches(pred);
    }
    if r.len() == s.len() && class_of(args[0]) == vm.t.str_ {
        return Ok(args[0]);
    }
    let r = r.to_string();
    Ok(new_s(vm, r))
}
fn strip(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    strip_impl(vm, args, true, true)
}
fn lstrip(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    strip_impl(vm, args, true, false)
}
fn rstrip(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    strip_impl(vm, args, false, true)
}

fn replace(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "replace", &args[1..], 2, 3)?;
    let s = str_of(args[0]);
    let old = str_arg(vm, args[1], "replace() argument 1")?;
    let new = str_arg(vm, args[2], "replace() argument 2")?;
    let count = match args.get(3) {
        Some(c) => ops::item::index_value(vm, *c)?,
        None => -1,
    };
    let r = if count < 0 {
        if old.is_empty() {
            let mut out = String::from(new);
            for c in s.chars() {
                out.push(c);
                out.push_str(new);
            }
            out
        } else {
            s.replace(old, new)
        }
    } else if old.is_empty() {
        let mut out = String::new();
        let mut n = 0;
        for c in s.chars() {
            if n < count {
                out.push_str(new);
                n += 1;
            }
            out.push(c);
        }
        if n < count {
            out.push_str(new);
        }
        out
    } else {
        s.replacen(old, new, count as usize)
    };
    Ok(new_s(vm, r))
}

fn find_impl(vm: &mut Vm, args: &[GcRef], rev: bool) -> PyResult<i64> {
    check_args(vm, "find", &args[1..], 1, 3)?;
    let so = s_of(args[0]);
    let sub = str_arg(vm, args[1], "must be str")?;
    let (a, b) = span(vm, so, &args[2..])?;
    if a == usize::MAX || b < a {
        return Ok(-1);
    }
    let hay = &so.s[a..b];
    let r = if rev { hay.rfind(sub) } else { hay.find(sub) };
    Ok(match r {
        Some(i) => cp_index(&so.s, a + i),
        None => -1,
    })
}

fn find(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let r = find_impl(vm, args, false)?;
    Ok(vm.int(r))
}
fn rfind(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let r = find_impl(vm, args, true)?;
    Ok(vm.int(r))
}
fn index(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    match find_impl(vm, args, false)? {
        -1 => Err(vm.value_error("substring not found")),
        r => Ok(vm.int(r)),
    }
}
fn rindex(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    match find_impl(vm, args, true)? {
        -1 => Err(vm.value_error("substring not found")),
        r => Ok(vm.int(r)),
    }
}

fn count(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "count", &args[1..], 1, 3)?;
    let so = s_of(args[0]);
    let sub = str_arg(vm, args[1], "must be str")?;
    let (a, b) = span(vm, so, &args[2..])?;
    if a == usize::MAX {
        return Ok(vm.int(0));
    }
    let hay = &so.s[a..b];
    let n = if sub.is_empty() {
        hay.chars().count() + 1
    } else {
        hay.matches(sub).count()
    };
    Ok(vm.int(n as i64))
}

fn affix(vm: &mut Vm, args: &[GcRef], end: bool) -> PyResult<GcRef> {
    let name = if end { "endswith" } else { "startswith" };
    check_args(vm, name, &args[1..], 1, 3)?;
    let so = s_of(args[0]);
    let (a, b) = span(vm, so, &args[2..])?;
    if a == usize::MAX {
        return Ok(vm.false_);
    }
    let hay = &so.s[a..b];
    let cands: Vec<GcRef> = if is::<TupleObject>(args[1]) {
        tuple_items(args[1]).to_vec()
    } else {
        vec![args[1]]
    };
    for c in cands {
        let Some(p) = try_cast::<StrObject>(c) else {
            return Err(vm.type_error(format!(
                "{name} first arg must be str or a tuple of str, not {}",
                tname(c)
            )));
        };
        if (end && hay.ends_with(p.s.as_str())) || (!end && hay.starts_with(p.s.as_str())) {
            return Ok(vm.true_);
        }
    }
    Ok(vm.false_)
}
fn startswith(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    affix(vm, args, false)
}
fn endswith(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    affix(vm, args, true)
}

fn map_chars(vm: &mut Vm, args: &[GcRef], f: fn(char, &mut String)) -> PyResult<GcRef> {
    let s = str_of(args[0]);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        f(c, &mut out);
    }
    Ok(new_s(vm, out))
}
fn upper(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    map_chars(vm, args, uc::push_upper)
}
fn lower(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    map_chars(vm, args, uc::push_lower)
}
fn casefold(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    map_chars(vm, args, uc::push_casefold)
}
fn swapcase(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    map_chars(vm, args, |c, o| {
        if uc::is_upper(c) {
            uc::push_lower(c, o)
        } else if uc::is_lower(c) {
            uc::push_upper(c, o)
        } else {
            o.push(c)
        }
    })
}

fn capitalize(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let s = str_of(args[0]);
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == 0 {
            uc::push_title(c, &mut out);
        } else {
            uc::push_lower(c, &mut out);
        }
    }
    Ok(new_s(vm, out))
}

fn title(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let s = str_of(args[0]);
    let mut out = String::new();
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            uc::push_lower(c, &mut out);
        } else {
            uc::push_title(c, &mut out);
        }
        prev_cased = uc::is_cased(c);
    }
    Ok(new_s(vm, out))
}

fn pred_all(vm: &mut Vm, args: &[GcRef], p: fn(char) -> bool) -> PyResult<GcRef> {
    let s = str_of(args[0]);
    Ok(vm.bool(!s.is_empty() && s.chars().all(p)))
}
fn isdigit(vm: &mut Vm, a: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    pred_all(vm, a, uc::is_digit)
}
fn isdecimal(vm: &mut Vm, a: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    pred_all(vm, a, uc::is_decimal)
}
fn isnumeric(vm: &mut Vm, a: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    pred_all(vm, a, uc::is_numeric)
}
fn isalpha(vm: &mut Vm, a: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    pred_all(vm, a, uc::is_alpha)
}
fn isalnum(vm: &mut Vm, a: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    pred_all(vm, a, uc::is_alnum)
}
fn isspace(vm: &mut Vm, a: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    pred_all(vm, a, uc::is_space)
}
fn isascii(vm: &mut Vm, a: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let s = str_of(a[0]);
    Ok(vm.bool(s.is_ascii()))
}
fn isprintable(vm: &mut Vm, a: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let s = str_of(a[0]);
    Ok(vm.bool(s.chars().all(uc::is_printable)))
}
fn isupper(vm: &mut Vm, a: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let s = str_of(a[0]);
    let r =
        s.chars().any(uc::is_upper) && !s.chars().any(|c| uc::is_lower(c) || uc::is_titlecase(c));
    Ok(vm.bool(r))
}
fn islower(vm: &mut Vm, a: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let s = str_of(a[0]);
    let r =
        s.chars().any(uc::is_lower) && !s.chars().any(|c| uc::is_upper(c) || uc::is_titlecase(c));
    Ok(vm.bool(r))
}
fn istitle(vm: &mut Vm, a: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let s = str_of(a[0]);
    let (mut cased, mut prev) = (false, false);
    for c in s.chars() {
        if uc::is_upper(c) || uc::is_titlecase(c) {
            if prev {
                return Ok(vm.false_);
            }
            prev = true;
            cased = true;
        } else if uc::is_lower(c) {
            if !prev {
                return Ok(vm.false_);
            }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    Ok(vm.bool(cased))
}
fn isidentifier(vm: &mut Vm, a: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let s = str_of(a[0]);
    let mut it = s.chars();
    let r = match it.next() {
        Some(c) => {
            (c == '_' || uc::is_id_start(c)) && it.all(|c| c == '_' || uc::is_id_continue(c))
        }
        None => false,
    };
    Ok(vm.bool(r))
}

fn pad_args(vm: &mut Vm, args: &[GcRef], name: &str) -> PyResult<(usize, char)> {
    check_args(vm, name, &args[1..], 1, 2)?;
    let w = ops::item::index_value(vm, args[1])?.max(0) as usize;
    let fill = match args.get(2) {
        Some(f) => {
            let s = str_arg(vm, *f, "The fill character")?;
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(
                        vm.type_error("The fill character must be exactly one character long")
                    )
                }
            }
        }
        None => ' ',
    };
    Ok((w, fill))
}

fn pad(vm: &mut Vm, args: &[GcRef], name: &str, align: char) -> PyResult<GcRef> {
    let (w, fill) = pad_args(vm, args, name)?;
    let so = s_of(args[0]);
    if so.len >= w {
        return Ok(args[0]);
    }
    let total = w - so.len;
    let (l, r) = match align {
        '<' => (0, total),
        '>' => (total, 0),
        _ => {
            // CPython's centering puts the extra space on the left when
            // the width is odd.
            let l = total / 2 + (total & w & 1);
            (l, total - l)
        }
    };
    let mut out = String::new();
    out.extend(std::iter::repeat_n(fill, l));
    out.push_str(&so.s);
    out.extend(std::iter::repeat_n(fill, r));
    Ok(new_s(vm, out))
}
fn ljust(vm: &mut Vm, a: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    pad(vm, a, "ljust", '<')
}
fn rjust(vm: &mut Vm, a: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    pad(vm, a, "rjust", '>')
}
fn center(vm: &mut Vm, a: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    pad(vm, a, "center", '^')
}

fn zfill(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "zfill", &args[1..], 1, 1)?;
    let w = ops::item::index_value(vm, args[1])?.max(0) as usize;
    let so = s_of(args[0]);
    if so.len >= w {
        return Ok(args[0]);
    }
    let s = &so.s;
    let (sign, rest) = if s.starts_with('+') || s.starts_with('-') {
        s.split_at(1)
    } else {
        ("", s.as_str())
    };
    let out = format!("{sign}{}{rest}", "0".repeat(w - so.len));
    Ok(new_s(vm, out))
}

fn partition_impl(vm: &mut Vm, args: &[GcRef], rev: bool) -> PyResult<GcRef> {
    check_args(vm, "partition", &args[1..], 1, 1)?;
    let s = str_of(args[0]);
    let sep = str_arg(vm, args[1], "must be str")?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if rev { s.rfind(sep) } else { s.find(sep) };
    let (a, b, c) = match found {
        Some(i) => (&s[..i], sep, &s[i + sep.len()..]),
        None if rev => ("", "", s),
        None => (s, "", ""),
    };
    let (a, b, c) = (vm.new_str(a), vm.new_str(b), vm.new_str(c));
    Ok(vm.tuple(&[a, b, c]))
}
fn partition(vm: &mut Vm, a: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    partition_impl(vm, a, false)
}
fn rpartition(vm: &mut Vm, a: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    partition_impl(vm, a, true)
}

fn removeprefix(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "removeprefix", &args[1..], 1, 1)?;
    let s = str_of(args[0]);
    let p = str_arg(vm, args[1], "removeprefix() argument")?;
    let r = s.strip_prefix(p).unwrap_or(s).to_string();
    Ok(new_s(vm, r))
}
fn removesuffix(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "removesuffix", &args[1..], 1, 1)?;
    let s = str_of(args[0]);
    let p = str_arg(vm, args[1], "removesuffix() argument")?;
    let r = if p.is_empty() {
        s
    } else {
        s.strip_suffix(p).unwrap_or(s)
    }
    .to_string();
    Ok(new_s(vm, r))
}

fn expandtabs(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let ts = match args.get(1).copied().or(super::kwarg(kw, "tabsize")) {
        Some(t) => ops::item::index_value(vm, t)?,
        None => 8,
    };
    let s = str_of(args[0]);
    let mut out = String::new();
    let mut col = 0i64;
    for c in s.chars() {
        match c {
            '\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(new_s(vm, out))
}

/// A normalized codec name: "utf_8", "ascii" or "latin_1".
fn codec(vm: &mut Vm, name: Option<GcRef>) -> PyResult<&'static str> {
    let n = match name {
        Some(e) => str_of(e).to_lowercase().replace('-', "_"),
        None => return Ok("utf_8"),
    };
    Ok(match n.as_str() {
        "utf_8" | "utf8" | "u8" => "utf_8",
        "ascii" | "us_ascii" => "ascii",
        "latin_1" | "latin1" | "iso_8859_1" | "iso8859_1" | "l1" => "latin_1",
        _ => return Err(vm.err("LookupError", format!("unknown encoding: {n}"))),
    })
}

fn errors_arg(args: &[GcRef], i: usize, kw: KwArgs) -> &'static str {
    match args.get(i).copied().or(super::kwarg(kw, "errors")) {
        Some(e) => match str_of(e) {
            "ignore" => "ignore",
            "replace" => "replace",
            _ => "strict",
        },
        None => "strict",
    }
}

fn encode(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let s = str_of(args[0]);
    let enc = codec(vm, args.get(1).copied().or(super::kwarg(kw, "encoding")))?;
    let errors = errors_arg(args, 2, kw);
    let b = match enc {
        "utf_8" => s.as_bytes().to_vec(),
        _ => {
            let (lim, shown) = if enc == "ascii" {
                (128, "ascii")
            } else {
                (256, "latin-1")
            };
            let mut v = Vec::new();
            for (i, c) in s.chars().enumerate() {
                if (c as u32) < lim {
                    v.push(c as u8);
                    continue;
                }
                match errors {
                    "ignore" => {}
                    "replace" => v.push(b'?'),
                    _ => {
                        return Err(vm.err(
                            "UnicodeEncodeError",
                            format!(
                                "'{shown}' codec can't encode character '\\x{:x}' in position {i}: ordinal not in range({lim})",
                                c as u32
                            ),
                        ))
                    }
                }
            }
            v
        }
    };
    let bc = vm.t.bytes;
    Ok(new_bytes(bc, b))
}

fn maketrans(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let d = vm.dict();
    match args.len() {
        1 => {
            for (k, v) in super::dicts::items_of(vm, args[0])? {
                let k = if let Some(s) = try_cast::<StrObject>(k) {
                    let c = s.s.chars().next().map_or(0, |c| c as i64);
                    vm.int(c)
                } else {
                    k
                };
                ops::item::setitem(vm, d, k, v)?;
            }
        }
        2 | 3 => {
            let a: Vec<char> = str_of(args[0]).chars().collect();
            let b: Vec<char> = str_of(args[1]).chars().collect();
            if a.len() != b.len() {
                return Err(
                    vm.value_error("the first two maketrans arguments must have equal length")
                );
            }
            for (x, y) in a.iter().zip(b.iter()) {
                let (k, v) = (vm.int(*x as i64), vm.int(*y as i64));
                ops::item::setitem(vm, d, k, v)?;
            }
            if let Some(z) = args.get(2) {
                for c in str_of(*z).chars() {
                    let (k, n) = (vm.int(c as i64), vm.none);
                    ops::item::setitem(vm, d, k, n)?;
                }
            }
        }
        _ => return Err(vm.type_error("maketrans() takes 1 to 3 arguments")),
    }
    Ok(d)
}

fn translate(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "translate", &args[1..], 1, 1)?;
    let s = str_of(args[0]).to_string();
    let table = args[1];
    let mut out = String::new();
    for c in s.chars() {
        let k = vm.int(c as i64);
        match ops::item::getitem(vm, table, k) {
            Ok(v) if v == vm.none => {}
            Ok(v) => {
                if let Some(t) = try_cast::<StrObject>(v) {
                    out.push_str(&t.s);
                } else {
                    let n = ops::item::index_value(vm, v)?;
                    out.push(char::from_u32(n as u32).unwrap_or('\u{fffd}'));
                }
            }
            Err(e) if vm.exc_matches(e.0, "LookupError") => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(new_s(vm, out))
}

fn str_mod(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    super::strfmt::percent_format(vm, args[0], args[1])
}

fn str_getnewargs(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let s = str_of(args[0]).to_string();
    let r = vm.new_str(s);
    Ok(vm.tuple(&[r]))
}

// ---- bytes ----

fn bytes_new(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let cls = args[0];
    if vm.is_subtype(cls, vm.t.bytearray)
        && args.len() == 2
        && !is::<StrObject>(args[1])
        && crate::builtins::ints::small_value(args[1]).is_none()
    {
        let v = byte_values(vm, args[1])?;
        return Ok(new_bytes(cls, v));
    }
    let b: Vec<u8> = match args.get(1) {
        None => Vec::new(),
        Some(x) => {
            if let Some(s) = try_cast::<StrObject>(*x) {
                if args.len() < 3 {
                    return Err(vm.type_error("string argument without an encoding"));
                }
                s.s.as_bytes().to_vec()
            } else if let Some(b) = try_cast::<BytesObject>(*x) {
                b.b.clone()
            } else if is::<crate::object::str::MemoryViewObject>(*x) {
                super::memview::contents(vm, *x)?
            } else if let Some(n) = crate::builtins::ints::small_value(*x) {
                if n < 0 {
                    return Err(vm.value_error("negative count"));
                }
                let mut v = Vec::new();
                if v.try_reserve_exact(n as usize).is_err() {
                    return Err(vm.bare_err("MemoryError"));
                }
                v.resize(n as usize, 0);
                v
            } else {
                let items = super::seqs::to_vec(vm, *x)?;
                let mut v = Vec::with_capacity(items.len());
                for it in items {
                    let n = ops::item::index_value(vm, it)?;
                    if !(0..256).contains(&n) {
                        return Err(vm.value_error("bytes must be in range(0, 256)"));
                    }
                    v.push(n as u8);
                }
                v
            }
        }
    };
    Ok(new_bytes(cls, b))
}

fn b_of(r: GcRef) -> &'static [u8] {
    &cast::<BytesObject>(r).b
}

/// The byte values of a bytes-like object or an iterable of ints.
pub fn byte_values(vm: &mut Vm, x: GcRef) -> PyResult<Vec<u8>> {
    if let Some(b) = super::memview::bytes_like(vm, x)? {
        return Ok(b);
    }
    if is::<StrObject>(x) {
        return Err(vm.type_error("cannot convert 'str' object to bytearray"));
    }
    let items = super::seqs::to_vec(vm, x)?;
    let mut v = Vec::with_capacity(items.len());
    for it in items {
        let n = ops::item::index_value(vm, it)?;
        if !(0..256).contains(&n) {
            return Err(vm.value_error("byte must be in range(0, 256)"));
        }
        v.push(n as u8);
    }
    Ok(v)
}

fn ba(r: GcRef) -> &'static mut Vec<u8> {
    &mut cast::<BytesObject>(r).b
}

fn ba_append(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "append", &args[1..], 1, 1)?;
    let n = ops::item::index_value(vm, args[1])?;
    if !(0..256).contains(&n) {
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    ba(args[0]).push(n as u8);
    Ok(vm.none)
}

fn ba_extend(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "extend", &args[1..], 1, 1)?;
    let v = byte_values(vm, args[1])?;
    ba(args[0]).extend(v);
    Ok(vm.none)
}

fn ba_pop(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let b = ba(args[0]);
    let n = b.len() as i64;
    let i = match args.get(1) {
        Some(i) => ops::item::index_value(vm, *i)?,
        None => -1,
    };
    match ops::item::norm_index(i, n as usize) {
        Some(i) => {
            let x = ba(args[0]).remove(i);
            Ok(vm.int(x as i64))
        }
        None if n == 0 => Err(vm.index_error("pop from empty bytearray")),
        None => Err(vm.index_error("pop index out of range")),
    }
}

fn ba_insert(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    check_args(vm, "insert", &args[1..], 2, 2)?;
    let n = ba(args[0]).len() as i64;
    let i = ops::item::index_value(vm, args[1])?;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    let x = ops::item::index_value(vm, args[2])?;
    if !(0..256).contains(&x) {
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    ba(args[0]).insert(i, x as u8);
    Ok(vm.none)
}

fn ba_clear(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    ba(args[0]).clear();
    Ok(vm.none)
}

fn ba_reverse(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    ba(args[0]).reverse();
    Ok(vm.none)
}

fn ba_copy(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let v = b_of(args[0]).to_vec();
    let c = vm.t.bytearray;
    Ok(new_bytes(c, v))
}

/// Runs a str method on the Latin-1 view of a bytes object and maps a str
/// (or list/tuple of strs) result back to bytes of the same class.
fn via_latin1(
    vm: &mut Vm,
    args: &[GcRef],
    kw: KwArgs,
    f: crate::object::func::NativeFn,
) -> PyResult<GcRef> {
    let cls = class_of(args[0]);
    let to_s = |vm: &mut Vm, r: GcRef| -> GcRef {
        match try_cast::<BytesObject>(r) {
            Some(b) => {
                let s: String = b.b.iter().map(|c| *c as char).collect();
                vm.new_str(s)
            }
            None => r,
        }
    };
    let keep = vm.list_map(args.iter().copied(), |vm, a| {
        if is::<TupleObject>(a) {
            let src = tuple_items(a).to_vec();
            vm.tuple_map(src, |vm, x| to_s(vm, x))
        } else {
            to_s(vm, a)
        }
    });
    let conv = list_items(keep).clone();
    let r = f(vm, &conv, kw)?;
    crate::object::keep_alive(keep);
    let back = |vm: &mut Vm, r: GcRef| -> GcRef {
        match try_cast::<StrObject>(r) {
            Some(s) => {
                let v: Vec<u8> = s.s.chars().map(|c| c as u32 as u8).collect();
                new_bytes(
                    if cls == vm.t.bytearray {
                        vm.t.bytearray
                    } else {
                        vm.t.bytes
                    },
                    v,
                )
            }
            None => r,
        }
    };
    if crate::object::is::<crate::object::seq::ListObject>(r) {
        let items: Vec<GcRef> = list_items(r).clone();
        return Ok(vm.list_map(items, back));
    }
    if is::<TupleObject>(r) {
        let items: Vec<GcRef> = tuple_items(r).to_vec();
        return Ok(vm.tuple_map(items, back));
    }
    Ok(back(vm, r))
}

macro_rules! latin1 {
    ($($name:ident => $f:ident),* $(,)?) => {
        $(fn $name(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
            via_latin1(vm, args, kw, $f)
        })*
    };
}
latin1! {
    b_split => split, b_rsplit => rsplit, b_strip => strip, b_lstrip => lstrip, b_rstrip => rstrip,
    b_replace => replace, b_find => find, b_rfind => rfind, b_index => index, b_rindex => rindex,
    b_count => count, b_startswith => startswith, b_endswith => endswith, b_partition => partition,
    b_rpartition => rpartition, b_splitlines => splitlines, b_ljust => ljust, b_rjust => rjust,
    b_center => center, b_zfill => zfill,
}

fn ascii_map(vm: &mut Vm, args: &[GcRef], f: fn(&u8) -> u8) -> PyResult<GcRef> {
    let v: Vec<u8> = b_of(args[0]).iter().map(f).collect();
    let cls = if class_of(args[0]) == vm.t.bytearray {
        vm.t.bytearray
    } else {
        vm.t.bytes
    };
    Ok(new_bytes(cls, v))
}
fn b_upper(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    ascii_map(vm, args, u8::to_ascii_uppercase)
}
fn b_lower(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    ascii_map(vm, args, u8::to_ascii_lowercase)
}
fn b_pred(vm: &mut Vm, args: &[GcRef], p: fn(&u8) -> bool) -> PyResult<GcRef> {
    let b = b_of(args[0]);
    Ok(vm.bool(!b.is_empty() && b.iter().all(p)))
}
fn b_isdigit(vm: &mut Vm, a: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    b_pred(vm, a, u8::is_ascii_digit)
}
fn b_isalpha(vm: &mut Vm, a: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    b_pred(vm, a, u8::is_ascii_alphabetic)
}
fn b_isspace(vm: &mut Vm, a: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    b_pred(vm, a, |c| {
        matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
    })
}

fn bytes_decode(vm: &mut Vm, args: &[GcRef], kw: KwArgs) -> PyResult<GcRef> {
    let b = b_of(args[0]);
    let enc = codec(vm, args.get(1).copied().or(super::kwarg(kw, "encoding")))?;
    let errors = errors_arg(args, 2, kw);
    let out: String = match enc {
        "latin_1" => b.iter().map(|c| *c as char).collect(),
        "ascii" => {
            let mut out = String::new();
            for (i, c) in b.iter().enumerate() {
                if *c < 128 {
                    out.push(*c as char);
                } else if errors == "replace" {
                    out.push('\u{fffd}');
                } else if errors != "ignore" {
                    return Err(vm.err(
                        "UnicodeDecodeError",
                        format!("'ascii' codec can't decode byte 0x{c:02x} in position {i}: ordinal not in range(128)"),
                    ));
                }
            }
            out
        }
        _ => match std::str::from_utf8(b) {
            Ok(s) => s.to_string(),
            Err(_) if errors == "replace" => String::from_utf8_lossy(b).into_owned(),
            Err(_) if errors == "ignore" => {
                let lossy = String::from_utf8_lossy(b).into_owned();
                lossy.replace('\u{fffd}', "")
            }
            Err(e) => {
                return Err(vm.err(
                    "UnicodeDecodeError",
                    format!(
                    "'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
                    b[e.valid_up_to()],
                    e.valid_up_to()
                ),
                ))
            }
        },
    };
    Ok(new_s(vm, out))
}

fn bytes_hex(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let s: String = b_of(args[0]).iter().map(|b| format!("{b:02x}")).collect();
    Ok(new_s(vm, s))
}

fn bytes_join(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let sep = b_of(args[0]).to_vec();
    let items = super::seqs::to_vec(vm, args[1])?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match super::memview::bytes_like(vm, *it)? {
            Some(b) => out.extend_from_slice(&b),
            None => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    tname(*it)
                )))
            }
        }
    }
    let bc = vm.t.bytes;
    Ok(new_bytes(bc, out))
}

fn bytes_fromhex(vm: &mut Vm, args: &[GcRef], _kw: KwArgs) -> PyResult<GcRef> {
    let s: String = str_of(args[1])
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if s.len() % 2 != 0 {
        return Err(vm.value_error("non-hexadecimal number found in fromhex() arg"));
    }
    let mut v = Vec::new();
    for i in (0..s.len()).step_by(2) {
        match u8::from_str_radix(&s[i..i + 2], 16) {
            Ok(b) => v.push(b),
            Err(_) => return Err(vm.value_error("non-hexadecimal number found in fromhex() arg")),
        }
    }
    Ok(new_bytes(args[0], v))
}

pub fn register(vm: &mut Vm) {
    let st = vm.t.str_;
    cast::<TypeObject>(st).native_new = Some(str_new);
    let fns: &[(&'static str, crate::object::func::NativeFn)] = &[
        ("join", join),
        ("split", split),
        ("rsplit", rsplit),
        ("splitlines", splitlines),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("replace", replace),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("startswith", startswith),
        ("endswith", endswith),
        ("upper", upper),
        ("lower", lower),
        ("casefold", casefold),
        ("swapcase", swapcase),
        ("capitalize", capitalize),
        ("title", title),
        ("isdigit", isdigit),
        ("isdecimal", isdecimal),
        ("isnumeric", isnumeric),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isascii", isascii),
        ("isprintable", isprintable),
        ("isupper", isupper),
        ("islower", islower),
        ("istitle", istitle),
        ("isidentifier", isidentifier),
        ("ljust", ljust),
        ("rjust", rjust),
        ("center", center),
        ("zfill", zfill),
        ("partition", partition),
        ("rpartition", rpartition),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("expandtabs", expandtabs),
        ("encode", encode),
        ("translate", translate),
        ("format", super::strfmt::str_format),
        ("format_map", super::strfmt::str_format_map),
        ("__mod__", str_mod),
        ("__getnewargs__", str_getnewargs),
    ];
    for (n, f) in fns {
        def_method(vm, st, n, *f);
    }
    super::setup::def_static(vm, st, "maketrans", maketrans);
    for ty in [vm.t.object, vm.t.int, vm.t.float, st] {
        def_method(vm, ty, "__format__", super::strfmt::format_method);
    }
    let bt = vm.t.bytes;
    cast::<TypeObject>(bt).native_new = Some(bytes_new);
    let bat = vm.t.bytearray;
    cast::<TypeObject>(bat).native_new = Some(bytes_new);
    for ty in [bt, bat] {
        super::setup::def_classmethod(vm, ty, "fromhex", bytes_fromhex);
        def_method(vm, ty, "decode", bytes_decode);
        def_method(vm, ty, "hex", bytes_hex);
        def_method(vm, ty, "join", bytes_join);
        let bfns: &[(&'static str, crate::object::func::NativeFn)] = &[
            ("split", b_split),
            ("rsplit", b_rsplit),
            ("strip", b_strip),
            ("lstrip", b_lstrip),
            ("rstrip", b_rstrip),
            ("replace", b_replace),
            ("find", b_find),
            ("rfind", b_rfind),
            ("index", b_index),
            ("rindex", b_rindex),
            ("count", b_count),
            ("startswith", b_startswith),
            ("endswith", b_endswith),
            ("partition", b_partition),
            ("rpartition", b_rpartition),
            ("splitlines", b_splitlines),
            ("ljust", b_ljust),
            ("rjust", b_rjust),
            ("center", b_center),
            ("zfill", b_zfill),
            ("upper", b_upper),
            ("lower", b_lower),
            ("isdigit", b_isdigit),
            ("isalpha", b_isalpha),
            ("isspace", b_isspace),
        ];
        for (n, f) in bfns {
            def_method(vm, ty, n, *f);
        }
    }
    for (n, f) in [
        ("append", ba_append as crate::object::func::NativeFn),
        ("extend", ba_extend),
        ("pop", ba_pop),
        ("insert", ba_insert),
        ("clear", ba_clear),
        ("reverse", ba_reverse),
        ("copy", ba_copy),
    ] {
        def_method(vm, bat, n, f);
    }
    let n = vm.intern("__hash__");
    let none = vm.none;
    crate::object::dict::set_str(cast::<TypeObject>(bat).dict.unwrap(), n, none);
    let _ = (list_items, fmt_err);
}

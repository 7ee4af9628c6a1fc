//! `str % args`: printf-style formatting with CPython's semantics and messages.
//!
//! The runtime supplies the arguments through [`PercentArg`] (conversions that
//! need the object model: `int()`/`__index__`/`float()`, `str()`, `repr()`) and
//! says how they were passed with [`PercentArgs`]. Argument consumption follows
//! CPython exactly: a tuple's items are used in order; a single non-tuple
//! argument (or a mapping) can be used once; a `%(key)` spec looks the key up in
//! the mapping and makes the looked-up value the next (single-use) argument. At
//! the end, unused tuple items or an unused single argument raise "not all
//! arguments converted during string formatting" (never for a mapping).
//!
//! Spec grammar: `%[(key)][flags][width|*][.precision|*][h|l|L]conversion` with
//! flags `- + space # 0` and conversions `d i u o x X e E f F g G c s r a`;
//! `%%` is a literal percent.

use super::float_repr::format_float_body;
use super::strrepr::escape_non_ascii;
use super::{FmtError, FmtResult};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// What `%`-formatting needs from one argument object.
pub trait PercentArg {
    /// The argument's type name, for error messages.
    fn type_name(&self) -> String;
    /// For `%d %i %u`: the integer value of an int, bool or float (truncated),
    /// or of any object the number protocol converts (`__int__`), or `Ok(None)`
    /// when the object is not a real number. Errors propagate (e.g. `int(inf)`).
    fn to_int(&self) -> FmtResult<Option<BigInt>>;
    /// For `%o %x %X %c`: the value of `__index__`, or `Ok(None)` without one.
    fn to_index(&self) -> FmtResult<Option<BigInt>>;
    /// For `%e %f %g`: `float(x)` for real numbers, or `Ok(None)`.
    fn to_float(&self) -> FmtResult<Option<f64>>;
    /// `str(x)`.
    fn to_str(&self) -> FmtResult<String>;
    /// `repr(x)`.
    fn to_repr(&self) -> FmtResult<String>;
    /// The text of a `str` argument, `None` for other types (for `%c`).
    fn as_str(&self) -> Option<String>;
}

/// How the right operand of `%` was given.
pub enum PercentArgs<'a, A> {
    /// A tuple: its items.
    Tuple(&'a [A]),
    /// Any other single object that is not a mapping.
    Single(&'a A),
    /// An object with `__getitem__` that is not a tuple or str (CPython's
    /// `PyMapping_Check`): `lookup` resolves `%(key)`, unkeyed specs use the
    /// object itself.
    Mapping(&'a A, &'a dyn Fn(&str) -> FmtResult<A>),
}

enum Held<'a, A> {
    Borrowed(&'a A),
    Owned(A),
}

impl<A> Held<'_, A> {
    fn get(&self) -> &A {
        match self {
            Held::Borrowed(a) => a,
            Held::Owned(a) => a,
        }
    }
}

struct Source<'a, A> {
    tuple: Option<&'a [A]>,
    single: Option<Held<'a, A>>,
    /// CPython's `arglen`/`argidx` pair: -1/-2 for a single argument.
    len: isize,
    idx: isize,
}

impl<'a, A> Source<'a, A> {
    fn next(&mut self) -> FmtResult<&A> {
        if self.idx < self.len {
            let i = self.idx;
            self.idx += 1;
            if self.len < 0 {
                if let Some(h) = &self.single {
                    return Ok(h.get());
                }
            } else if let Some(t) = self.tuple {
                return Ok(&t[i as usize]);
            }
        }
        Err(FmtError::type_error(
            "not enough arguments for format string",
        ))
    }
}

#[derive(Default)]
struct Flags {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
}

fn incomplete() -> FmtError {
    FmtError::value("incomplete format")
}

/// `fmt % args`.
pub fn percent_format<A: PercentArg>(fmt: &str, args: PercentArgs<'_, A>) -> FmtResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let (mut src, lookup) = match args {
        PercentArgs::Tuple(t) => (
            Source {
                tuple: Some(t),
                single: None,
                len: t.len() as isize,
                idx: 0,
            },
            None,
        ),
        PercentArgs::Single(a) => (
            Source {
                tuple: None,
                single: Some(Held::Borrowed(a)),
                len: -1,
                idx: -2,
            },
            None,
        ),
        PercentArgs::Mapping(a, f) => (
            Source {
                tuple: None,
                single: Some(Held::Borrowed(a)),
                len: -1,
                idx: -2,
            },
            Some(f),
        ),
    };
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        if i >= chars.len() {
            return Err(incomplete());
        }
        if chars[i] == '%' {
            out.push('%');
            i += 1;
            continue;
        }
        // Mapping key.
        if chars[i] == '(' {
            let Some(lookup) = lookup else {
                return Err(FmtError::type_error("format requires a mapping"));
            };
            let mut depth = 1;
            let start = i + 1;
            i += 1;
            while i < chars.len() && depth > 0 {
                match chars[i] {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err(FmtError::value("incomplete format key"));
            }
            let key: String = chars[start..i - 1].iter().collect();
            let v = lookup(&key)?;
            src.tuple = None;
            src.single = Some(Held::Owned(v));
            src.len = -1;
            src.idx = -2;
        }
        let mut fl = Flags::default();
        while i < chars.len() {
            match chars[i] {
                '-' => fl.left = true,
                '+' => fl.plus = true,
                ' ' => fl.space = true,
                '#' => fl.alt = true,
                '0' => fl.zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut width: Option<usize> = None;
        if i < chars.len() && chars[i] == '*' {
            let w = star_arg(src.next()?)?;
            if w < 0 {
                fl.left = true;
            }
            width = Some(w.unsigned_abs() as usize);
            i += 1;
        } else {
            width = read_num(&chars, &mut i)?.or(width);
        }
        let mut prec: Option<usize> = None;
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            if i < chars.len() && chars[i] == '*' {
                let p = star_arg(src.next()?)?;
                prec = Some(p.max(0) as usize);
                i += 1;
            } else {
                prec = Some(read_num(&chars, &mut i)?.unwrap_or(0));
            }
        }
        if i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= chars.len() {
            return Err(incomplete());
        }
        let conv = chars[i];
        let conv_index = i;
        i += 1;
        let arg = src.next()?;
        let piece = convert(arg, conv, conv_index, &fl, prec)?;
        pad_into(&mut out, piece, &fl, width, conv);
    }
    if lookup.is_none() && src.idx < src.len {
        return Err(FmtError::type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(out)
}

fn read_num(chars: &[char], i: &mut usize) -> FmtResult<Option<usize>> {
    let start = *i;
    let mut v: usize = 0;
    while *i < chars.len() && chars[*i].is_ascii_digit() {
        v = v
            .checked_mul(10)
            .and_then(|v| v.checked_add(chars[*i] as usize - '0' as usize))
            .filter(|&v| v <= isize::MAX as usize)
            .ok_or_else(|| FmtError::value("width too big"))?;
        *i += 1;
    }
    Ok((*i > start).then_some(v))
}

fn star_arg<A: PercentArg>(a: &A) -> FmtResult<i64> {
    match a.to_index()? {
        Some(v) if a.as_str().is_none() => v
            .to_i64()
            .ok_or_else(|| FmtError::overflow("Python int too large to convert to C ssize_t")),
        _ => Err(FmtError::type_error("* wants int")),
    }
}

/// A converted piece before padding: sign+prefix and body are kept apart so
/// that zero padding goes between them.
struct Piece {
    lead: String,
    body: String,
    numeric: bool,
}

fn convert<A: PercentArg>(
    arg: &A,
    conv: char,
    index: usize,
    fl: &Flags,
    prec: Option<usize>,
) -> FmtResult<Piece> {
    let text = |body: String| Piece {
        lead: String::new(),
        body,
        numeric: false,
    };
    let truncate = |s: String| match prec {
        Some(p) => s.chars().take(p).collect(),
        None => s,
    };
    Ok(match conv {
        's' => text(truncate(arg.to_str()?)),
        'r' => text(truncate(arg.to_repr()?)),
        'a' => text(truncate(escape_non_ascii(&arg.to_repr()?))),
        'd' | 'i' | 'u' => {
            let Some(v) = arg.to_int()? else {
                return Err(FmtError::type_error(format!(
                    "%{conv} format: a real number is required, not {}",
                    arg.type_name()
                )));
            };
            int_piece(&v, 10, fl, prec, "")
        }
        'o' | 'x' | 'X' => {
            let v = match arg.to_index()? {
                Some(v) => v,
                None => {
                    return Err(FmtError::type_error(format!(
                        "%{conv} format: an integer is required, not {}",
                        arg.type_name()
                    )))
                }
            };
            let (radix, prefix) = match conv {
                'o' => (8, "0o"),
                'x' => (16, "0x"),
                _ => (16, "0X"),
            };
            let mut p = int_piece(&v, radix, fl, prec, if fl.alt { prefix } else { "" });
            if conv == 'X' {
                p.body.make_ascii_uppercase();
            }
            p
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let Some(x) = arg.to_float()? else {
                return Err(FmtError::type_error(format!(
                    "must be real number, not {}",
                    arg.type_name()
                )));
            };
            let body = format_float_body(x, Some(conv), Some(prec.unwrap_or(6)), fl.alt);
            Piece {
                lead: sign_of(x.is_sign_negative() && !x.is_nan(), fl).into(),
                body,
                numeric: true,
            }
        }
        'c' => {
            if let Some(s) = arg.as_str() {
                let mut it = s.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => text(c.to_string()),
                    _ => return Err(FmtError::type_error("%c requires int or char")),
                }
            } else {
                let Some(v) = arg.to_index()? else {
                    return Err(FmtError::type_error("%c requires int or char"));
                };
                let n = v
                    .to_u32()
                    .filter(|&n| n < 0x110000)
                    .ok_or_else(|| FmtError::overflow("%c arg not in range(0x110000)"))?;
                text(char::from_u32(n).unwrap_or('\u{fffd}').to_string())
            }
        }
        c => {
            let shown = if (' '..='~').contains(&c) { c } else { '?' };
            return Err(FmtError::value(format!(
                "unsupported format character '{shown}' (0x{:x}) at index {index}",
                c as u32
            )));
        }
    })
}

fn sign_of(neg: bool, fl: &Flags) -> &'static str {
    if neg {
        "-"
    } else if fl.plus {
        "+"
    } else if fl.space {
        " "
    } else {
        ""
    }
}

fn int_piece(v: &BigInt, radix: u32, fl: &Flags, prec: Option<usize>, prefix: &str) -> Piece {
    let mut digits = v.abs().to_str_radix(radix);
    if let Some(p) = prec {
        if digits.len() < p {
            digits = format!("{}{digits}", "0".repeat(p - digits.len()));
        }
    }
    Piece {
        lead: format!("{}{prefix}", sign_of(v.is_negative(), fl)),
        body: digits,
        numeric: true,
    }
}

fn pad_into(out: &mut String, p: Piece, fl: &Flags, width: Option<usize>, _conv: char) {
    let len = p.lead.chars().count() + p.body.chars().count();
    let w = width.unwrap_or(0);
    if len >= w {
        out.push_str(&p.lead);
        out.push_str(&p.body);
        return;
    }
    let n = w - len;
    if fl.left {
        out.push_str(&p.lead);
        out.push_str(&p.body);
        out.extend(std::iter::repeat_n(' ', n));
    } else if fl.zero && p.numeric {
        out.push_str(&p.lead);
        out.extend(std::iter::repeat_n('0', n));
        out.push_str(&p.body);
    } else {
        out.extend(std::iter::repeat_n(' ', n));
        out.push_str(&p.lead);
        out.push_str(&p.body);
    }
}

//! The format-spec mini-language of `format()`, `str.format` and f-strings:
//! `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
//!
//! [`parse_spec`] turns the spec text into a [`FormatSpec`] with CPython's parse
//! errors; [`format_int`], [`format_float`] and [`format_str`] apply it to a value,
//! raising CPython's per-type errors (`Unknown format code 'd' for object of type
//! 'float'`, `Sign not allowed in string format specifier`, ...). Error texts name
//! the object's type, which the caller passes (`type_name`) so that subclasses and
//! `bool` are named as CPython names them.
//!
//! Numbers are laid out as `sign | prefix | digits-with-grouping | rest`, with the
//! padding placed per the alignment; `=` alignment (the default with the `0` flag)
//! pads between the prefix and the digits, and zero padding takes part in the
//! digit grouping (`format(1234, '09,') == '0,001,234'`). Widths count code points.

use super::float_repr::{bigint_to_f64, format_float_body};
use super::{FmtError, FmtResult};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// A parsed format spec. `fill`/`align` are `None` when not given.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FormatSpec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub no_neg_zero: bool,
    pub alternate: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

fn code_text(c: char) -> String {
    if (c as u32) > 32 && (c as u32) < 128 {
        c.to_string()
    } else {
        format!("\\x{:x}", c as u32)
    }
}

/// CPython's message for a presentation type a value's type does not support.
pub fn unknown_code(ty: char, type_name: &str) -> FmtError {
    FmtError::value(format!(
        "Unknown format code '{}' for object of type '{}'",
        code_text(ty),
        type_name
    ))
}

fn read_int(chars: &[char], pos: &mut usize) -> FmtResult<Option<usize>> {
    let start = *pos;
    let mut v: usize = 0;
    let mut overflow = false;
    while *pos < chars.len() && chars[*pos].is_ascii_digit() {
        let d = chars[*pos] as usize - '0' as usize;
        match v.checked_mul(10).and_then(|v| v.checked_add(d)) {
            Some(n) if n <= isize::MAX as usize => v = n,
            _ => overflow = true,
        }
        *pos += 1;
    }
    if overflow {
        return Err(FmtError::value("Too many decimal digits in format string"));
    }
    Ok(if *pos == start { None } else { Some(v) })
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Parse a spec. `default_type` is the type assumed when none is given, used by
/// the grouping check (`'s'` for str, `'d'` for int, `None` for float).
pub fn parse_spec(
    spec: &str,
    default_type: Option<char>,
    type_name: &str,
) -> FmtResult<FormatSpec> {
    let c: Vec<char> = spec.chars().collect();
    let mut f = FormatSpec::default();
    let mut pos = 0;
    if c.len() >= 2 && is_align(c[1]) {
        f.fill = Some(c[0]);
        f.align = Some(c[1]);
        pos = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        f.align = Some(c[0]);
        pos = 1;
    }
    if pos < c.len() && matches!(c[pos], '+' | '-' | ' ') {
        f.sign = Some(c[pos]);
        pos += 1;
    }
    if pos < c.len() && c[pos] == 'z' {
        f.no_neg_zero = true;
        pos += 1;
    }
    if pos < c.len() && c[pos] == '#' {
        f.alternate = true;
        pos += 1;
    }
    if pos < c.len() && c[pos] == '0' && f.fill.is_none() {
        f.fill = Some('0');
        if f.align.is_none() && default_type != Some('s') {
            f.align = Some('=');
        }
        pos += 1;
    }
    f.width = read_int(&c, &mut pos)?;
    if pos < c.len() && c[pos] == ',' {
        f.grouping = Some(',');
        pos += 1;
    }
    if pos < c.len() && c[pos] == '_' {
        if f.grouping.is_some() {
            return Err(FmtError::value("Cannot specify both ',' and '_'."));
        }
        f.grouping = Some('_');
        pos += 1;
    }
    if pos < c.len() && c[pos] == ',' && f.grouping == Some('_') {
        return Err(FmtError::value("Cannot specify both ',' and '_'."));
    }
    if pos < c.len() && c[pos] == '.' {
        pos += 1;
        f.precision = read_int(&c, &mut pos)?;
        if f.precision.is_none() {
            return Err(FmtError::value("Format specifier missing precision"));
        }
    }
    if c.len() - pos > 1 {
        return Err(FmtError::value(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    if pos < c.len() {
        f.ty = Some(c[pos]);
    }
    if let Some(sep) = f.grouping {
        let ty = f.ty.or(default_type);
        let ok = match ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => sep == '_',
            _ => false,
        };
        if !ok {
            let t = ty.unwrap_or('\0');
            return Err(FmtError::value(format!(
                "Cannot specify '{}' with '{}'.",
                sep,
                code_text(t)
            )));
        }
    }
    Ok(f)
}

/// Pad `body` (of `len` code points) to the spec's width with its fill and
/// alignment; `default_align` is `<` for strings and `>` for numbers. For `=`
/// the padding goes after `lead` (sign and prefix).
pub(crate) fn pad(f: &FormatSpec, lead: &str, body: &str, default_align: char) -> String {
    let len = lead.chars().count() + body.chars().count();
    let width = f.width.unwrap_or(0);
    if len >= width {
        return format!("{lead}{body}");
    }
    let n = width - len;
    let fill = f.fill.unwrap_or(' ');
    let fills = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
    match f.align.unwrap_or(default_align) {
        '<' => format!("{lead}{body}{}", fills(n)),
        '^' => format!("{}{lead}{body}{}", fills(n / 2), fills(n - n / 2)),
        '=' => format!("{lead}{}{body}", fills(n)),
        _ => format!("{}{lead}{body}", fills(n)),
    }
}

/// Insert `sep` every `group` digits from the right of `digits`, padding with
/// leading zeros (which are grouped too) until the result is `min_width` long.
pub fn group_digits(digits: &str, sep: Option<char>, group: usize, min_width: usize) -> String {
    let Some(sep) = sep else {
        let pad = min_width.saturating_sub(digits.len());
        return format!("{}{digits}", "0".repeat(pad));
    };
    let d: Vec<u8> = digits.bytes().collect();
    let mut remaining = d.len();
    let mut parts: Vec<String> = Vec::new();
    let mut len = 0;
    let mut first = true;
    while remaining > 0 || len < min_width {
        if !first {
            len += 1;
        }
        let need = min_width.saturating_sub(len);
        let n = group.min(remaining.max(need).max(1));
        let take = n.min(remaining);
        let mut s = "0".repeat(n - take);
        s.push_str(std::str::from_utf8(&d[remaining - take..remaining]).unwrap_or(""));
        remaining -= take;
        len += n;
        parts.push(s);
        first = false;
    }
    parts.reverse();
    parts.join(&sep.to_string())
}

/// Lay out a number: `neg` sign, `prefix` (`0x`...), integer `digits`, then
/// `rest` (fraction, exponent, `%`), grouping the digits every `group`.
fn render_number(
    f: &FormatSpec,
    neg: bool,
    prefix: &str,
    digits: &str,
    rest: &str,
    group: usize,
) -> String {
    let sign = if neg {
        "-"
    } else {
        match f.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    };
    let lead = format!("{sign}{prefix}");
    let zero_pad = f.fill == Some('0') && f.align == Some('=');
    let min_width = if zero_pad {
        f.width
            .unwrap_or(0)
            .saturating_sub(lead.len() + rest.chars().count())
    } else {
        0
    };
    let body = format!(
        "{}{rest}",
        group_digits(digits, f.grouping, group, min_width)
    );
    pad(f, &lead, &body, '>')
}

/// `format(v, spec)` for an int (also used for `bool` with a non-empty spec).
pub fn format_int(v: &BigInt, spec: &str, type_name: &str) -> FmtResult<String> {
    if spec.is_empty() {
        return Ok(v.to_string());
    }
    let f = parse_spec(spec, Some('d'), type_name)?;
    let ty = f.ty.unwrap_or('d');
    match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = bigint_to_f64(v)?;
            return float_with(&f, x);
        }
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        _ => return Err(unknown_code(ty, type_name)),
    }
    if f.precision.is_some() {
        return Err(FmtError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if f.no_neg_zero {
        return Err(FmtError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        if f.sign.is_some() {
            return Err(FmtError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if f.alternate {
            return Err(FmtError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let Some(n) = v.to_i64() else {
            return Err(FmtError::overflow(
                "Python int too large to convert to C long",
            ));
        };
        let ch = u32::try_from(n)
            .ok()
            .filter(|&n| n < 0x110000)
            .ok_or_else(|| FmtError::overflow("%c arg not in range(0x110000)"))?;
        // Surrogates are code points in Python but not in Rust; show U+FFFD.
        let s = char::from_u32(ch).unwrap_or('\u{fffd}').to_string();
        return Ok(pad(&f, "", &s, '>'));
    }
    let (radix, prefix, group) = match ty {
        'b' => (2, "0b", 4),
        'o' => (8, "0o", 4),
        'x' => (16, "0x", 4),
        'X' => (16, "0X", 4),
        _ => (10, "", 3),
    };
    let mut digits = v.abs().to_str_radix(radix);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let prefix = if f.alternate { prefix } else { "" };
    Ok(render_number(
        &f,
        v.is_negative(),
        prefix,
        &digits,
        "",
        group,
    ))
}

/// `format(v, spec)` for an `i64` int.
pub fn format_i64(v: i64, spec: &str, type_name: &str) -> FmtResult<String> {
    format_int(&BigInt::from(v), spec, type_name)
}

/// `format(x, spec)` for a float.
pub fn format_float(x: f64, spec: &str, type_name: &str) -> FmtResult<String> {
    if spec.is_empty() {
        return Ok(super::float_repr::float_repr(x));
    }
    let f = parse_spec(spec, None, type_name)?;
    match f.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => float_with(&f, x),
        Some(t) => Err(unknown_code(t, type_name)),
    }
}

fn float_with(f: &FormatSpec, x: f64) -> FmtResult<String> {
    let body = format_float_body(x, f.ty, f.precision, f.alternate);
    Ok(float_parts(f, x, &body))
}

/// Lays out a float whose magnitude was formatted as `body`: the sign (of
/// `x`, or the one `f` asks for), the grouping and the padding of `f`.
pub(crate) fn float_parts(f: &FormatSpec, x: f64, body: &str) -> String {
    let mut neg = x.is_sign_negative() && !x.is_nan();
    if neg && f.no_neg_zero {
        let mant = body.split(['e', 'E']).next().unwrap_or("");
        if mant.chars().all(|c| matches!(c, '0' | '.' | '%')) {
            neg = false;
        }
    }
    let split = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let (digits, rest) = if x.is_finite() {
        body.split_at(split)
    } else {
        ("", body)
    };
    if x.is_finite() {
        render_number(f, neg, "", digits, rest, 3)
    } else {
        // Non-finite values are padded but never grouped.
        let plain = FormatSpec {
            grouping: None,
            ..f.clone()
        };
        render_number(&plain, neg, "", digits, rest, 3)
    }
}

/// `format(s, spec)` for a str.
pub fn format_str(s: &str, spec: &str, type_name: &str) -> FmtResult<String> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let f = parse_spec(spec, Some('s'), type_name)?;
    if let Some(t) = f.ty.filter(|&t| t != 's') {
        return Err(unknown_code(t, type_name));
    }
    match f.sign {
        Some(' ') => {
            return Err(FmtError::value(
                "Space not allowed in string format specifier",
            ))
        }
        Some(_) => {
            return Err(FmtError::value(
                "Sign not allowed in string format specifier",
            ))
        }
        None => {}
    }
    if f.no_neg_zero {
        return Err(FmtError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if f.alternate {
        return Err(FmtError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if f.align == Some('=') {
        return Err(FmtError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let body: String = match f.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad(&f, "", &body, '<'))
}

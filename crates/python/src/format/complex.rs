//! Complex numbers to and from text: `repr(z)` (`(1+2j)`, `2j`, `(-0-1j)`,
//! `(nan+infj)`), `format(z, spec)` and `complex(str)`, as CPython 3.11.
//!
//! Each part is written with the float rules of [`super::float_repr`] but
//! without the `.0` a float repr adds to integral values (`(1+2j)`, not
//! `(1.0+2.0j)`). The real part is left out when it is `+0.0`; the
//! imaginary part then carries the requested sign, otherwise it always has
//! one. `format` pads the whole text as one field and refuses zero padding
//! and `=` alignment.
//!
//! Parsing accepts `<float>`, `<float>j`, `<float><signed float>j`, the
//! older `<float><sign>j`, `<sign>j` and `j` forms, optionally in
//! parentheses, with surrounding whitespace; `<float>` is anything
//! `float()` accepts (`inf`, `nan`, exponents) and single underscores may
//! separate digits. Unicode spaces and decimal digits count as their ASCII
//! equivalents.

use super::float_repr::{format_float_body, place_exp, place_fixed, shortest_digits};
use super::spec::{float_parts, pad, parse_spec, unknown_code, FormatSpec};
use super::unicode::{decimal_value, is_space};
use super::{FmtError, FmtResult};

/// The repr of `|x|` without a `.0` suffix; `alt` keeps a lone point.
fn part_body(x: f64, alt: bool) -> String {
    let x = x.abs();
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return "inf".into();
    }
    let d = shortest_digits(x);
    if d.exp < -4 || d.exp >= 16 {
        place_exp(&d, alt, false)
    } else {
        place_fixed(&d, 0, alt)
    }
}

fn is_neg(x: f64) -> bool {
    x.is_sign_negative() && !x.is_nan()
}

/// `repr(complex(re, im))`.
pub fn complex_repr(re: f64, im: f64) -> String {
    let im_sign = if is_neg(im) { "-" } else { "" };
    if re == 0.0 && re.is_sign_positive() {
        return format!("{im_sign}{}j", part_body(im, false));
    }
    let re_sign = if is_neg(re) { "-" } else { "" };
    let im_sign = if is_neg(im) { "-" } else { "+" };
    format!(
        "({re_sign}{}{im_sign}{}j)",
        part_body(re, false),
        part_body(im, false)
    )
}

/// `format(complex(re, im), spec)`; `type_name` names the object's type in
/// errors.
pub fn format_complex(re: f64, im: f64, spec: &str, type_name: &str) -> FmtResult<String> {
    if spec.is_empty() {
        return Ok(complex_repr(re, im));
    }
    let f = parse_spec(spec, None, type_name)?;
    if let Some(t) = f.ty {
        if !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') {
            return Err(unknown_code(t, type_name));
        }
    }
    if f.fill == Some('0') {
        return Err(FmtError::value(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if f.align == Some('=') {
        return Err(FmtError::value(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    // No type: like str(z) (repr digits), or `g` when a precision is given.
    let (skip_re, parens) = match f.ty {
        None => {
            let skip = re == 0.0 && re.is_sign_positive();
            (skip, !skip)
        }
        Some(_) => (false, false),
    };
    let body = |x: f64| -> String {
        match (f.ty, f.precision) {
            (None, None) => part_body(x, f.alternate),
            (None, Some(p)) => format_float_body(x, Some('g'), Some(p), f.alternate),
            (Some('n'), p) => format_float_body(x, Some('g'), Some(p.unwrap_or(6)), f.alternate),
            (Some(t), p) => format_float_body(x, Some(t), Some(p.unwrap_or(6)), f.alternate),
        }
    };
    // Each part is laid out unpadded; the whole is padded afterwards.
    let part_spec = FormatSpec {
        fill: None,
        align: None,
        width: None,
        ..f.clone()
    };
    let mut out = String::new();
    if parens {
        out.push('(');
    }
    if !skip_re {
        out.push_str(&float_parts(&part_spec, re, &body(re)));
    }
    let im_spec = if skip_re {
        part_spec
    } else {
        FormatSpec {
            sign: Some('+'),
            ..part_spec
        }
    };
    out.push_str(&float_parts(&im_spec, im, &body(im)));
    out.push('j');
    if parens {
        out.push(')');
    }
    let outer = FormatSpec {
        grouping: None,
        ..f
    };
    Ok(pad(&outer, "", &out, '>'))
}

/// Why a string is not a complex number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseError {
    /// Misplaced underscores (`could not convert string to complex: ...`).
    Underscore,
    /// Anything else (`complex() arg is a malformed string`).
    Malformed,
}

fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// The longest prefix of `s` that is a float literal (sign, digits with an
/// optional point and exponent, or `inf`/`infinity`/`nan`): its value and
/// length, or `None` if there is none. Out-of-range values become
/// infinities (no error).
fn float_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    let neg = match s.first() {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let sign = if neg { -1.0 } else { 1.0 };
    let rest = &s[i..];
    let starts =
        |p: &[u8], word: &[u8]| p.len() >= word.len() && p[..word.len()].eq_ignore_ascii_case(word);
    if starts(rest, b"inf") {
        let n = if starts(rest, b"infinity") { 8 } else { 3 };
        return Some((sign * f64::INFINITY, i + n));
    }
    if starts(rest, b"nan") {
        return Some((f64::NAN.copysign(sign), i + 3));
    }
    let mut j = 0;
    let mut mant_digits = 0;
    while j < rest.len() && rest[j].is_ascii_digit() {
        j += 1;
        mant_digits += 1;
    }
    if j < rest.len() && rest[j] == b'.' {
        j += 1;
        while j < rest.len() && rest[j].is_ascii_digit() {
            j += 1;
            mant_digits += 1;
        }
    }
    if mant_digits == 0 {
        return None;
    }
    if j < rest.len() && (rest[j] == b'e' || rest[j] == b'E') {
        let mut k = j + 1;
        if k < rest.len() && (rest[k] == b'+' || rest[k] == b'-') {
            k += 1;
        }
        let digits_start = k;
        while k < rest.len() && rest[k].is_ascii_digit() {
            k += 1;
        }
        if k > digits_start {
            j = k;
        }
    }
    let text = std::str::from_utf8(&rest[..j]).ok()?;
    let v: f64 = text.parse().ok()?;
    Some((sign * v, i + j))
}

/// Removes underscores that sit between digits; `None` if one does not.
fn strip_underscores(s: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    let mut prev = 0u8;
    for &b in s {
        if b == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !b.is_ascii_digit() {
                return None;
            }
            out.push(b);
        }
        prev = b;
    }
    if prev == b'_' {
        return None;
    }
    Some(out)
}

/// `complex(s)` for a str: the real and imaginary parts.
pub fn parse_complex(s: &str) -> Result<(f64, f64), ParseError> {
    // Unicode spaces and digits become ASCII; other non-ASCII text cannot
    // be part of a number.
    let mut ascii: Vec<u8> = Vec::with_capacity(s.len());
    for c in s.chars() {
        if (c as u32) < 127 {
            ascii.push(c as u8);
        } else if is_space(c) {
            ascii.push(b' ');
        } else if let Some(d) = decimal_value(c) {
            ascii.push(b'0' + d as u8);
        } else {
            ascii.push(b'?');
        }
    }
    if ascii.contains(&b'_') {
        ascii = strip_underscores(&ascii).ok_or(ParseError::Underscore)?;
    }
    let s = &ascii[..];
    let bad = Err(ParseError::Malformed);
    let mut i = 0;
    let skip_space = |i: &mut usize| {
        while *i < s.len() && is_ascii_space(s[*i]) {
            *i += 1;
        }
    };
    skip_space(&mut i);
    let bracket = s.get(i) == Some(&b'(');
    if bracket {
        i += 1;
        skip_space(&mut i);
    }
    let is_j = |b: Option<&u8>| matches!(b, Some(b'j' | b'J'));
    let (mut x, mut y) = (0.0, 0.0);
    match float_prefix(&s[i..]) {
        Some((z, n)) => {
            i += n;
            match s.get(i) {
                Some(b'+' | b'-') => {
                    x = z;
                    match float_prefix(&s[i..]) {
                        Some((v, n)) => {
                            y = v;
                            i += n;
                        }
                        None => {
                            y = if s[i] == b'+' { 1.0 } else { -1.0 };
                            i += 1;
                        }
                    }
                    if !is_j(s.get(i)) {
                        return bad;
                    }
                    i += 1;
                }
                Some(b'j' | b'J') => {
                    y = z;
                    i += 1;
                }
                _ => x = z,
            }
        }
        None => {
            match s.get(i) {
                Some(b'+') => {
                    y = 1.0;
                    i += 1;
                }
                Some(b'-') => {
                    y = -1.0;
                    i += 1;
                }
                _ => y = 1.0,
            }
            if !is_j(s.get(i)) {
                return bad;
            }
            i += 1;
        }
    }
    skip_space(&mut i);
    if bracket {
        if s.get(i) != Some(&b')') {
            return bad;
        }
        i += 1;
        skip_space(&mut i);
    }
    if i != s.len() {
        return bad;
    }
    Ok((x, y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs() {
        assert_eq!(complex_repr(1.0, 2.0), "(1+2j)");
        assert_eq!(complex_repr(0.0, 2.0), "2j");
        assert_eq!(complex_repr(-0.0, -1.0), "(-0-1j)");
        assert_eq!(complex_repr(0.0, -0.0), "-0j");
        assert_eq!(complex_repr(f64::NAN, f64::INFINITY), "(nan+infj)");
        assert_eq!(complex_repr(0.0, 1e300), "1e+300j");
        assert_eq!(complex_repr(1e16, 1e-5), "(1e+16+1e-05j)");
        assert_eq!(complex_repr(1.0, -f64::NAN), "(1+nanj)");
    }

    #[test]
    fn formats() {
        let f = |re, im, s| format_complex(re, im, s, "complex").unwrap();
        assert_eq!(f(1.0, 2.0, "#"), "(1.+2.j)");
        assert_eq!(f(1.0, 2.0, ".2f"), "1.00+2.00j");
        assert_eq!(f(-0.0, 1234567.5, ","), "(-0+1,234,567.5j)");
        assert_eq!(f(0.0, 1e20, "+"), "+1e+20j");
        assert_eq!(f(1.0, 2.0, "*>30g"), "**************************1+2j");
        assert_eq!(f(-0.0, -0.0, "z.1f"), "0.0+0.0j");
        assert!(format_complex(1.0, 2.0, "010", "complex").is_err());
    }

    #[test]
    fn parses() {
        let p = |s| parse_complex(s);
        assert_eq!(p("1+2j"), Ok((1.0, 2.0)));
        assert_eq!(p(" ( 1-2.5e3J ) "), Ok((1.0, -2500.0)));
        assert_eq!(p("j"), Ok((0.0, 1.0)));
        assert_eq!(p("-j"), Ok((0.0, -1.0)));
        assert_eq!(p("1-j"), Ok((1.0, -1.0)));
        assert_eq!(p("1_0j"), Ok((0.0, 10.0)));
        assert_eq!(p("1__0"), Err(ParseError::Underscore));
        assert_eq!(p("1 + 2j"), Err(ParseError::Malformed));
        assert_eq!(p("0x1"), Err(ParseError::Malformed));
        assert_eq!(p("()"), Err(ParseError::Malformed));
        assert_eq!(p(""), Err(ParseError::Malformed));
        assert_eq!(p("1e400"), Ok((f64::INFINITY, 0.0)));
    }
}

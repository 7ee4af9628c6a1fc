//! Integers and floats to and from text: `bin`/`oct`/`hex`, `int(str, base)`,
//! `str(int)` with the integer-string length limit, and `float(str)`.
//!
//! Parsing follows CPython's grammar: surrounding whitespace (Unicode `isspace`)
//! is ignored, a sign, an optional `0x`/`0o`/`0b` prefix matching the base (any
//! of them for base 0), single underscores only between digits (or right after a
//! prefix), digits of any script's decimal digits, and for base 0 no leading zeros
//! on a non-zero number. Errors quote `repr()` of the whole argument, cut to 200
//! characters as CPython's `%.200R` does.

use super::strrepr::str_repr;
use super::unicode::{decimal_value, is_space};
use super::{FmtError, FmtResult};
use num_bigint::BigInt;
use num_traits::{Num, Signed};

/// The default of `sys.get_int_max_str_digits()`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

/// `bin(v)`, `oct(v)`, `hex(v)` for `base` 2, 8, 16: `-0x1f` style.
pub fn int_to_base(v: &BigInt, base: u32) -> String {
    let prefix = match base {
        2 => "0b",
        8 => "0o",
        _ => "0x",
    };
    let sign = if v.is_negative() { "-" } else { "" };
    format!("{sign}{prefix}{}", v.abs().to_str_radix(base))
}

/// `bin`/`oct`/`hex` for an `i64`.
pub fn i64_to_base(v: i64, base: u32) -> String {
    int_to_base(&BigInt::from(v), base)
}

/// `str(v)`, refusing (as CPython does) more than `max_digits` decimal digits;
/// `max_digits == 0` means no limit.
pub fn int_to_str_limited(v: &BigInt, max_digits: usize) -> FmtResult<String> {
    let s = v.to_string();
    let digits = s.len() - usize::from(v.is_negative());
    if max_digits != 0 && digits > max_digits {
        return Err(FmtError::value(format!(
            "Exceeds the limit ({max_digits} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    Ok(s)
}

fn cut_repr(s: &str) -> String {
    let r = str_repr(s);
    if r.chars().count() > 200 {
        r.chars().take(200).collect()
    } else {
        r
    }
}

fn strip_space(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// `int(s, base)`: `base` 0 or 2..=36; `max_digits` is the
/// `sys.set_int_max_str_digits` limit (0 for none).
pub fn parse_int(s: &str, base: u32, max_digits: usize) -> FmtResult<BigInt> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(FmtError::value("int() base must be >= 2 and <= 36, or 0"));
    }
    let invalid = || {
        FmtError::value(format!(
            "invalid literal for int() with base {base}: {}",
            cut_repr(s)
        ))
    };
    let t = strip_space(s);
    let (neg, t) = match t.chars().next() {
        Some('-') => (true, &t[1..]),
        Some('+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower2: String = t.chars().take(2).collect::<String>().to_ascii_lowercase();
    let mut base = base;
    let mut body = t;
    let mut had_prefix = false;
    for (p, b) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if lower2 == p && (base == 0 || base == b) {
            base = b;
            body = &t[2..];
            had_prefix = true;
        }
    }
    let base0 = base == 0;
    if base0 {
        base = 10;
    }
    // Collect digit values, checking underscore placement.
    let mut digits = String::with_capacity(body.len());
    let mut prev_underscore = false;
    for (i, c) in body.chars().enumerate() {
        if c == '_' {
            if prev_underscore || (i == 0 && !had_prefix) {
                return Err(invalid());
            }
            prev_underscore = true;
            continue;
        }
        prev_underscore = false;
        let v = decimal_value(c).or_else(|| {
            c.is_ascii_alphabetic()
                .then(|| c.to_ascii_lowercase() as u32 - 'a' as u32 + 10)
        });
        match v {
            Some(v) if v < base => digits.push(char::from_digit(v, base).unwrap_or('0')),
            _ => return Err(invalid()),
        }
    }
    if digits.is_empty() || prev_underscore {
        return Err(invalid());
    }
    if base0
        && !had_prefix
        && digits.len() > 1
        && digits.starts_with('0')
        && digits.bytes().any(|b| b != b'0')
    {
        return Err(invalid());
    }
    if max_digits != 0 && !base.is_power_of_two() && digits.len() > max_digits {
        return Err(FmtError::value(format!(
            "Exceeds the limit ({max_digits} digits) for integer string conversion: \
             value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            digits.len()
        )));
    }
    let v = BigInt::from_str_radix(&digits, base).map_err(|_| invalid())?;
    Ok(if neg { -v } else { v })
}

/// `float(s)` for a str: decimal literals with underscores between digits,
/// `inf`/`infinity`/`nan` in any case, surrounding whitespace ignored.
pub fn parse_float(s: &str) -> FmtResult<f64> {
    let invalid = || {
        FmtError::value(format!(
            "could not convert string to float: {}",
            cut_repr(s)
        ))
    };
    let t = strip_space(s);
    let (sign, body) = match t.chars().next() {
        Some('-') => (-1.0, &t[1..]),
        Some('+') => (1.0, &t[1..]),
        _ => (1.0, t),
    };
    let lower = body.to_ascii_lowercase();
    match lower.as_str() {
        "inf" | "infinity" => return Ok(sign * f64::INFINITY),
        "nan" => return Ok(f64::NAN.copysign(sign)),
        _ => {}
    }
    // Validate the shape and translate to ASCII: digits ['.' digits] [e [sign] digits].
    let mut ascii = String::with_capacity(body.len());
    let mut prev: Option<char> = None; // previous normalised char
    let mut mantissa_digits = 0;
    let mut exp_digits = 0;
    let mut seen_point = false;
    let mut seen_exp = false;
    for c in body.chars() {
        let n = if let Some(v) = decimal_value(c) {
            char::from_digit(v, 10).unwrap_or('0')
        } else {
            c
        };
        match n {
            '0'..='9' => {
                if seen_exp {
                    exp_digits += 1;
                } else {
                    mantissa_digits += 1;
                }
                ascii.push(n);
            }
            '_' => {
                if !prev.is_some_and(|p| p.is_ascii_digit()) {
                    return Err(invalid());
                }
            }
            '.' if !seen_point && !seen_exp => {
                if prev == Some('_') {
                    return Err(invalid());
                }
                seen_point = true;
                ascii.push('.');
            }
            'e' | 'E' if !seen_exp && mantissa_digits > 0 => {
                if prev == Some('_') {
                    return Err(invalid());
                }
                seen_exp = true;
                ascii.push('e');
            }
            '+' | '-' if prev == Some('e') || prev == Some('E') => ascii.push(n),
            _ => return Err(invalid()),
        }
        if n == '_' && prev == Some('_') {
            return Err(invalid());
        }
        prev = Some(n);
    }
    if mantissa_digits == 0 || (seen_exp && exp_digits == 0) || prev == Some('_') {
        return Err(invalid());
    }
    let v: f64 = ascii.parse().map_err(|_| invalid())?;
    Ok(sign * v)
}

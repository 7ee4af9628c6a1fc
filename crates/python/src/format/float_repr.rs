//! Float to decimal text: `repr()`, the `e`/`f`/`g`/`%`/`''` presentation types,
//! and `round(x, ndigits)`, all exactly as CPython 3.11 prints them.
//!
//! Approach: the digits come from Rust's float formatting, which is exact:
//! `{:e}` gives the shortest digit string that round-trips, `{:.*e}` and `{:.*}`
//! give the exact binary value rounded half-even to the requested digits. This
//! module only *places* those digits CPython's way (when to switch to exponent
//! notation, `e+05` exponents with at least two digits, `.0` on integral reprs,
//! trailing-zero removal for `g`, the `#` alternate form).
//!
//! Functions here format the magnitude only (callers pass `x.abs()` or handle the
//! sign themselves) except [`float_repr`], which is the whole of `repr(float)`.

use super::{FmtError, FmtResult};
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};

/// Decimal digits and exponent of a finite, non-negative float: the value is
/// `0.d1d2d3... * 10^(exp+1)`, i.e. `d1.d2d3... * 10^exp`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digits {
    pub digits: String,
    pub exp: i32,
}

fn split_exp(s: &str) -> Digits {
    // Input like "1.2345e-5" or "3e0" (what Rust's `{:e}` prints).
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    Digits {
        digits,
        exp: exp.parse().unwrap_or(0),
    }
}

/// Shortest round-tripping digits of `|x|` (x finite). When two strings of
/// that length are equally close to `x` (only possible at 16-17 digits),
/// the even one is taken, as CPython does: that is `|x|` correctly rounded
/// to that many digits.
pub fn shortest_digits(x: f64) -> Digits {
    let d = split_exp(&format!("{:e}", x.abs()));
    if d.digits.len() >= 16 {
        return sig_digits(x, d.digits.len());
    }
    d
}

/// `|x|` rounded (half-even, exactly) to `sig` significant digits, `sig >= 1`.
pub fn sig_digits(x: f64, sig: usize) -> Digits {
    split_exp(&format!("{:.*e}", sig.max(1) - 1, x.abs()))
}

fn exp_suffix(exp: i32, upper: bool) -> String {
    let e = if upper { 'E' } else { 'e' };
    let sign = if exp < 0 { '-' } else { '+' };
    format!("{e}{sign}{:02}", exp.unsigned_abs())
}

/// Lay out `digits` (first digit before the point) in exponent notation.
pub(crate) fn place_exp(d: &Digits, keep_point: bool, upper: bool) -> String {
    let mut s = String::new();
    s.push_str(&d.digits[..1]);
    if d.digits.len() > 1 {
        s.push('.');
        s.push_str(&d.digits[1..]);
    } else if keep_point {
        s.push('.');
    }
    s.push_str(&exp_suffix(d.exp, upper));
    s
}

/// Lay out `digits` in positional notation; at least `min_frac` fraction digits
/// are shown (padding with zeros), and a lone point is kept when `keep_point`.
pub(crate) fn place_fixed(d: &Digits, min_frac: usize, keep_point: bool) -> String {
    let n = d.digits.len() as i64;
    let point = d.exp as i64 + 1; // digits before the decimal point
    let (int_part, frac_part) = if point <= 0 {
        (
            "0".to_string(),
            format!("{}{}", "0".repeat((-point) as usize), d.digits),
        )
    } else if point >= n {
        (
            format!("{}{}", d.digits, "0".repeat((point - n) as usize)),
            String::new(),
        )
    } else {
        (
            d.digits[..point as usize].to_string(),
            d.digits[point as usize..].to_string(),
        )
    };
    let mut frac = frac_part;
    while frac.len() < min_frac {
        frac.push('0');
    }
    if frac.is_empty() {
        if keep_point {
            format!("{int_part}.")
        } else {
            int_part
        }
    } else {
        format!("{int_part}.{frac}")
    }
}

fn strip_zeros(d: &mut Digits) {
    while d.digits.len() > 1 && d.digits.ends_with('0') {
        d.digits.pop();
    }
}

fn nonfinite(x: f64, upper: bool) -> Option<String> {
    let s = if x.is_nan() {
        "nan"
    } else if x.is_infinite() {
        "inf"
    } else {
        return None;
    };
    Some(if upper {
        s.to_uppercase()
    } else {
        s.to_string()
    })
}

/// `repr(x)` (and `str(x)`) for a float, e.g. `1e+16`, `1.5e-05`, `0.0001`,
/// `123456789012345.0`, `inf`, `-inf`, `nan`, `-0.0`.
pub fn float_repr(x: f64) -> String {
    let sign = if x.is_sign_negative() && !x.is_nan() {
        "-"
    } else {
        ""
    };
    format!("{sign}{}", repr_body(x.abs()))
}

/// `repr` of the magnitude of `x`, without sign.
pub fn repr_body(x: f64) -> String {
    if let Some(s) = nonfinite(x, false) {
        return s;
    }
    let d = shortest_digits(x);
    if d.exp < -4 || d.exp >= 16 {
        place_exp(&d, false, false)
    } else {
        place_fixed(&d, 1, false)
    }
}

/// The body (magnitude, no sign) of `format(x, spec)` for a float presentation
/// type: one of `e E f F g G % n` or `None` for the empty type. `prec` is the
/// spec's precision, `alt` the `#` flag.
pub fn format_float_body(x: f64, ty: Option<char>, prec: Option<usize>, alt: bool) -> String {
    let x = x.abs();
    let upper = matches!(ty, Some('E' | 'F' | 'G'));
    if let Some(s) = nonfinite(x, upper) {
        return if ty == Some('%') { format!("{s}%") } else { s };
    }
    match ty {
        Some('e' | 'E') => {
            let p = prec.unwrap_or(6);
            place_exp(&sig_digits(x, p + 1), alt, upper)
        }
        Some('f' | 'F') => fixed(x, prec.unwrap_or(6), alt),
        Some('%') => match nonfinite(x * 100.0, false) {
            Some(s) => format!("{s}%"),
            None => format!("{}%", fixed(x * 100.0, prec.unwrap_or(6), alt)),
        },
        Some('g' | 'G' | 'n') => general(x, prec.unwrap_or(6), alt, upper, false),
        _ => match prec {
            None => {
                if alt {
                    // `#` with the repr-style format keeps the point.
                    let d = shortest_digits(x);
                    if d.exp < -4 || d.exp >= 16 {
                        place_exp(&d, true, false)
                    } else {
                        place_fixed(&d, 1, true)
                    }
                } else {
                    repr_body(x)
                }
            }
            Some(p) => general(x, p, alt, false, true),
        },
    }
}

/// `%.{prec}f` of a non-negative finite float.
pub fn fixed(x: f64, prec: usize, alt: bool) -> String {
    let mut s = format!("{:.*}", prec, x);
    if alt && prec == 0 {
        s.push('.');
    }
    s
}

/// The `g` type; `repr_like` is the empty type with a precision, which switches to
/// exponent notation one digit earlier and adds `.0` to integral results.
fn general(x: f64, prec: usize, alt: bool, upper: bool, repr_like: bool) -> String {
    let p = prec.max(1);
    let mut d = sig_digits(x, p);
    let limit = if repr_like { p as i32 - 1 } else { p as i32 };
    if !alt {
        strip_zeros(&mut d);
    }
    if d.exp < -4 || d.exp >= limit {
        place_exp(&d, alt, upper)
    } else {
        let min_frac = if alt {
            (p as i64 - 1 - d.exp as i64).max(0) as usize
        } else if repr_like {
            1
        } else {
            0
        };
        place_fixed(&d, min_frac, alt)
    }
}

/// Largest and smallest `ndigits` for which `round(x, ndigits)` can differ from
/// `x` or from `0.0` (the same bounds CPython derives from the double format).
const NDIGITS_MAX: i64 = 323;
const NDIGITS_MIN: i64 = -308;

/// `round(x, ndigits)` for a float: the exact binary value rounded half-even to
/// `10**-ndigits`, then correctly rounded back to a double.
pub fn round_float(x: f64, ndigits: i64) -> FmtResult<f64> {
    if !x.is_finite() || x == 0.0 {
        return Ok(x);
    }
    if ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let text = if ndigits >= 0 {
        format!("{:.*}", ndigits as usize, x)
    } else {
        // Exact rational arithmetic: x = m * 2^e; round x / 10^k half-even.
        let k = (-ndigits) as u32;
        let q = round_half_even_scaled(x, k);
        if q.is_zero() {
            return Ok(if x < 0.0 { -0.0 } else { 0.0 });
        }
        format!("{q}e{k}")
    };
    let r: f64 = text
        .parse()
        .map_err(|_| FmtError::value("invalid rounding"))?;
    if r.is_infinite() {
        return Err(FmtError::overflow("rounded value too large to represent"));
    }
    if r == 0.0 && x < 0.0 {
        return Ok(-0.0);
    }
    Ok(r)
}

/// `x / 10^k` rounded half-even to an integer, computed exactly.
fn round_half_even_scaled(x: f64, k: u32) -> BigInt {
    let (mant, exp) = decompose(x);
    // value = mant * 2^exp / 10^k = num / den
    let mut num = BigInt::from(mant);
    let mut den = BigInt::from(10u32).pow(k);
    if exp >= 0 {
        num <<= exp as usize;
    } else {
        den <<= (-exp) as usize;
    }
    round_ratio_half_even(&num, &den)
}

/// `num / den` (den > 0) rounded half-even.
fn round_ratio_half_even(num: &BigInt, den: &BigInt) -> BigInt {
    use num_integer::Integer;
    let (q, r) = num.div_mod_floor(den);
    let twice = &r * 2u32;
    match twice.cmp(den) {
        std::cmp::Ordering::Less => q,
        std::cmp::Ordering::Greater => q + 1u32,
        std::cmp::Ordering::Equal => {
            if q.is_odd() {
                q + 1u32
            } else {
                q
            }
        }
    }
}

/// `x = mant * 2^exp` exactly, with `mant` a signed integer.
pub fn decompose(x: f64) -> (i64, i32) {
    let bits = x.to_bits();
    let sign = if bits >> 63 == 1 { -1 } else { 1 };
    let e = ((bits >> 52) & 0x7ff) as i32;
    let f = (bits & ((1u64 << 52) - 1)) as i64;
    let (m, ex) = if e == 0 {
        (f, -1074)
    } else {
        (f | (1i64 << 52), e - 1075)
    };
    (sign * m, ex)
}

/// `round(x)` with no `ndigits` (and `int(x)` with `truncate`): the integral value
/// of a float as a big integer. Errors as CPython for infinities and NaN.
pub fn float_to_bigint(x: f64, round_half_even: bool) -> FmtResult<BigInt> {
    if x.is_nan() {
        return Err(FmtError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(FmtError::overflow(
            "cannot convert float infinity to integer",
        ));
    }
    let y = if round_half_even {
        x.round_ties_even()
    } else {
        x.trunc()
    };
    if let Some(i) = (y.abs() < 9.0e18).then_some(y as i64) {
        return Ok(BigInt::from(i));
    }
    let (m, e) = decompose(y);
    let b = BigInt::from(m);
    Ok(if e >= 0 {
        b << e as usize
    } else {
        b >> (-e) as usize
    })
}

/// `float(n)` for a big integer, correctly rounded (half-even), or CPython's
/// `OverflowError` when it is out of range.
pub fn bigint_to_f64(n: &BigInt) -> FmtResult<f64> {
    if let Some(i) = n.to_i64() {
        return Ok(i as f64);
    }
    // Decimal text parsing is correctly rounded.
    let f: f64 = n.to_string().parse().unwrap_or(f64::INFINITY);
    if f.is_infinite() {
        return Err(FmtError::overflow("int too large to convert to float"));
    }
    Ok(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_basics() {
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1.5e-5), "1.5e-05");
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(float_repr(123456789012345.0), "123456789012345.0");
        assert_eq!(float_repr(-0.0), "-0.0");
        assert_eq!(float_repr(f64::NAN), "nan");
        assert_eq!(float_repr(f64::NEG_INFINITY), "-inf");
    }

    #[test]
    fn shortest_ties_round_to_even() {
        assert_eq!(float_repr(234477805999924.125), "234477805999924.12");
        assert_eq!(float_repr(234477805999924.375), "234477805999924.38");
        assert_eq!(float_repr(0.125), "0.125");
    }

    #[test]
    fn round_negative_ndigits() {
        assert_eq!(round_float(1250.0, -2).unwrap(), 1200.0);
        assert_eq!(round_float(1350.0, -2).unwrap(), 1400.0);
        assert_eq!(round_float(-49.0, -2).unwrap(), -0.0);
        assert_eq!(round_float(2.675, 2).unwrap(), 2.67);
    }
}

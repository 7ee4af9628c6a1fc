//! Fuzz target `format`: the pure text algorithms of `kiln_python::format`
//! on random values and random spec / format / number strings.
//!
//! Input layout: byte 0 picks the operation, bytes 1..9 are a little-endian
//! `u64` (an `i64`, the bits of an `f64`, or a base and ndigits), the rest is
//! text (lossy UTF-8): a format spec, a `%`-format string or a number to
//! parse. Short inputs are zero-padded.
//!
//! Properties: no function panics; `repr` of a float parses back to the same
//! bits (NaN to a NaN); `str` of an int parses back to the same int; a
//! successfully parsed float formats again without error.
//!
//! Widths and precisions are what the caller asked for, so a spec such as
//! `999999999` legitimately builds a gigabyte string: texts holding a number
//! between 10 000 and `isize::MAX` are skipped (larger ones still exercise
//! the "too many decimal digits" errors).

#![no_main]

use kiln_python::format::float_repr::{
    bigint_to_f64, float_repr, float_to_bigint, format_float_body, round_float,
};
use kiln_python::format::intconv::{int_to_base, int_to_str_limited, parse_float, parse_int};
use kiln_python::format::percent::{percent_format, PercentArg, PercentArgs};
use kiln_python::format::spec::{format_float, format_int, format_str, group_digits, parse_spec};
use kiln_python::format::strrepr::{bytes_repr, str_ascii, str_repr};
use kiln_python::format::{FmtError, FmtResult};
use libfuzzer_sys::fuzz_target;
use num_bigint::BigInt;

const MAX_LEN: usize = 4096;

/// An argument of `%`-formatting: the types the runtime passes most.
#[derive(Clone, Debug)]
enum Arg {
    Int(BigInt),
    Float(f64),
    Str(String),
}

impl PercentArg for Arg {
    fn type_name(&self) -> String {
        match self {
            Arg::Int(_) => "int",
            Arg::Float(_) => "float",
            Arg::Str(_) => "str",
        }
        .into()
    }
    fn to_int(&self) -> FmtResult<Option<BigInt>> {
        match self {
            Arg::Int(i) => Ok(Some(i.clone())),
            Arg::Float(f) => float_to_bigint(*f, false).map(Some),
            Arg::Str(_) => Ok(None),
        }
    }
    fn to_index(&self) -> FmtResult<Option<BigInt>> {
        match self {
            Arg::Int(i) => Ok(Some(i.clone())),
            _ => Ok(None),
        }
    }
    fn to_float(&self) -> FmtResult<Option<f64>> {
        match self {
            Arg::Int(i) => bigint_to_f64(i).map(Some),
            Arg::Float(f) => Ok(Some(*f)),
            Arg::Str(_) => Ok(None),
        }
    }
    fn to_str(&self) -> FmtResult<String> {
        Ok(match self {
            Arg::Int(i) => i.to_string(),
            Arg::Float(f) => float_repr(*f),
            Arg::Str(s) => s.clone(),
        })
    }
    fn to_repr(&self) -> FmtResult<String> {
        Ok(match self {
            Arg::Str(s) => str_repr(s),
            other => other.to_str()?,
        })
    }
    fn as_str(&self) -> Option<String> {
        match self {
            Arg::Str(s) => Some(s.clone()),
            _ => None,
        }
    }
}

/// True if `text` holds a decimal number that would make a legitimately
/// huge output (see the module doc).
fn asks_for_huge_output(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
        .any(|run| {
            let run = run.trim_start_matches('0');
            run.len() > 4 && (run.len() < 19 || run.parse::<i64>().is_ok())
        })
}

fuzz_target!(|data: &[u8]| {
    if data.len() > MAX_LEN || data.is_empty() {
        return;
    }
    let op = data[0];
    let mut word = [0u8; 8];
    let n = data.len().min(9) - 1;
    word[..n].copy_from_slice(&data[1..1 + n]);
    let v = u64::from_le_bytes(word);
    let text = String::from_utf8_lossy(data.get(9..).unwrap_or(&[])).into_owned();
    if asks_for_huge_output(&text) {
        return;
    }
    let x = f64::from_bits(v);
    match op % 12 {
        0 => {
            let _ = format_int(&BigInt::from(v as i64), &text, "int");
        }
        1 => {
            // A big int: v shifted left by up to 255 * 8 bits.
            let big = BigInt::from(v as i64) << (usize::from(data.len() as u8) * 8);
            let _ = format_int(&big, &text, "int");
            let _ = format_int(&big, &text, "bool");
        }
        2 => {
            let _ = format_float(x, &text, "float");
            let _ = format_float(x, &text, "bool");
        }
        3 => {
            let _ = format_str(&text, &text, "str");
            let spec: String = text.chars().take(8).collect();
            let body: String = text.chars().skip(8).collect();
            if !asks_for_huge_output(&spec) {
                let _ = format_str(&body, &spec, "str");
            }
            let _ = parse_spec(&text, Some('s'), "str");
            let _ = parse_spec(&text, Some('d'), "int");
            let _ = parse_spec(&text, None, "float");
        }
        4 | 5 => {
            let small = BigInt::from((v & 0xffff) as i16);
            let args = [
                Arg::Int(small.clone()),
                Arg::Float(x),
                Arg::Str(text.chars().rev().take(16).collect()),
                // At most ~8 million, as it may be consumed by a `*` width.
                Arg::Int(BigInt::from((v as i64) >> 40)),
            ];
            if op % 12 == 4 {
                let _ = percent_format(&text, PercentArgs::Tuple(&args));
                let _ = percent_format(&text, PercentArgs::Tuple(&args[..(v % 5) as usize]));
            } else {
                let _ = percent_format(&text, PercentArgs::Single(&args[(v % 4) as usize]));
                let lookup = |key: &str| -> FmtResult<Arg> {
                    match key.len() % 4 {
                        0 => Err(FmtError::value(format!("KeyError {key}"))),
                        1 => Ok(Arg::Int(small.clone())),
                        2 => Ok(Arg::Float(x)),
                        _ => Ok(Arg::Str(key.to_string())),
                    }
                };
                let _ = percent_format(&text, PercentArgs::Mapping(&args[0], &lookup));
            }
        }
        6 => {
            let base = (v % 40) as u32;
            let max_digits = if v & 0x100 != 0 { 0 } else { 4300 };
            if let Ok(i) = parse_int(&text, base, max_digits) {
                let back = parse_int(&i.to_string(), 10, 0).expect("str(int) parses back");
                assert_eq!(back, i);
                for b in [2, 8, 16] {
                    let s = int_to_base(&i, b);
                    assert_eq!(parse_int(&s, 0, 0).expect("hex/oct/bin parse back"), i);
                }
                let _ = int_to_str_limited(&i, 4300);
                let _ = bigint_to_f64(&i);
            }
        }
        7 => {
            if let Ok(f) = parse_float(&text) {
                let r = float_repr(f);
                let back = parse_float(&r).expect("repr parses back");
                assert!(
                    back.to_bits() == f.to_bits() || (f.is_nan() && back.is_nan()),
                    "{text:?} -> {f} -> {r}"
                );
                let _ = format_float(f, "", "float");
            }
        }
        8 => {
            let r = float_repr(x);
            let back = parse_float(&r).expect("repr parses back");
            assert!(
                back.to_bits() == x.to_bits() || (x.is_nan() && back.is_nan()),
                "{x:?} ({v:#x}) -> {r} -> {back:?}"
            );
            for ty in [None, Some('e'), Some('f'), Some('g'), Some('%'), Some('G')] {
                let prec = if text.is_empty() {
                    None
                } else {
                    Some(text.len() % 40)
                };
                let _ = format_float_body(x, ty, prec, data.len() % 2 == 0);
            }
        }
        9 => {
            let nd = (v >> 32) as i32 as i64;
            let _ = round_float(f64::from_bits(v), nd);
            let _ = round_float(f64::from_bits(v.rotate_left(17)), (v % 700) as i64 - 350);
        }
        10 => {
            let _ = float_to_bigint(x, true);
            if let Ok(b) = float_to_bigint(x, false) {
                let _ = bigint_to_f64(&b);
            }
            let digits: String = text.chars().filter(|c| c.is_ascii_digit()).collect();
            let sep = text.chars().find(|c| !c.is_ascii_digit());
            let _ = group_digits(&digits, sep, 1 + (v % 4) as usize, (v >> 8) as usize % 64);
        }
        _ => {
            let _ = str_repr(&text);
            let _ = str_ascii(&text);
            let _ = bytes_repr(data);
        }
    }
});

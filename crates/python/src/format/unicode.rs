//! Per-character Unicode properties with CPython 3.11's meanings.
//!
//! Python's predicates are not Rust's: `str.isalpha` means categories L*, not the
//! Alphabetic property; `isdigit`/`isnumeric` follow the Numeric_Type property;
//! `isspace` includes the information separators U+001C..U+001F; `isprintable`
//! excludes the Z*/C* categories except the space. These come from the generated
//! tables in `unicode_tables` (CPython's own Unicode 14.0 database). Lower and
//! upper case mappings use Rust's full mappings (the same SpecialCasing rules);
//! title case and case folding add the generated exception tables.

use super::unicode_tables as t;

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

fn in_map(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    table
        .binary_search_by_key(&(c as u32), |&(k, _)| k)
        .ok()
        .map(|i| table[i].1)
}

pub fn is_printable(c: char) -> bool {
    in_ranges(t::PRINTABLE, c)
}
pub fn is_alpha(c: char) -> bool {
    in_ranges(t::ALPHA, c)
}
pub fn is_decimal(c: char) -> bool {
    in_ranges(t::DECIMAL, c)
}
pub fn is_digit(c: char) -> bool {
    in_ranges(t::DIGIT, c)
}
pub fn is_numeric(c: char) -> bool {
    in_ranges(t::NUMERIC, c)
}
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}
pub fn is_space(c: char) -> bool {
    in_ranges(t::SPACE, c)
}
pub fn is_titlecase(c: char) -> bool {
    in_ranges(t::TITLECASE, c)
}
pub fn is_upper(c: char) -> bool {
    c.is_uppercase()
}
pub fn is_lower(c: char) -> bool {
    c.is_lowercase()
}
/// Cased: has the Lowercase or Uppercase property, or is a titlecase letter.
pub fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
}
pub fn is_id_start(c: char) -> bool {
    in_ranges(t::ID_START, c)
}
pub fn is_id_continue(c: char) -> bool {
    in_ranges(t::ID_CONTINUE, c)
}

/// Whether `c` ends a line for `str.splitlines`.
pub fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Full lower-case mapping of one character, pushed onto `out`.
pub fn push_lower(c: char, out: &mut String) {
    out.extend(c.to_lowercase());
}
/// Full upper-case mapping of one character, pushed onto `out`.
pub fn push_upper(c: char, out: &mut String) {
    out.extend(c.to_uppercase());
}
/// Full title-case mapping of one character, pushed onto `out`.
pub fn push_title(c: char, out: &mut String) {
    match in_map(t::TITLE_MAP, c) {
        Some(s) => out.push_str(s),
        None => out.extend(c.to_uppercase()),
    }
}
/// Full case folding of one character, pushed onto `out`.
pub fn push_casefold(c: char, out: &mut String) {
    match in_map(t::CASEFOLD_MAP, c) {
        Some(s) => out.push_str(s),
        None => out.extend(c.to_lowercase()),
    }
}

/// The value of a decimal digit (category Nd), any script. Decimal digits come
/// in runs of ten starting at a zero, and each table range is whole runs.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    let n = c as u32;
    let i = t::DECIMAL.partition_point(|&(_, hi)| hi < n);
    match t::DECIMAL.get(i) {
        Some(&(lo, hi)) if lo <= n && n <= hi => Some((n - lo) % 10),
        _ => None,
    }
}

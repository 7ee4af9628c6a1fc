//! `repr()` of `str` and `bytes`, and `ascii()`, with CPython's quote choice and
//! escapes.
//!
//! Quote choice: single quotes, unless the text contains `'` and no `"`. Escapes:
//! `\\`, the chosen quote, `\t \n \r`; other characters below U+0020 and U+007F
//! become `\xNN`; non-printable characters (per `str.isprintable`) become `\xNN`,
//! `\uNNNN` or `\UNNNNNNNN` by size; printable non-ASCII characters stay as they
//! are (in `ascii()` they are escaped too). Bytes escape everything outside
//! printable ASCII as `\xNN`.

use super::unicode::is_printable;

fn push_escaped(out: &mut String, c: char) {
    let n = c as u32;
    if n < 0x100 {
        out.push_str(&format!("\\x{n:02x}"));
    } else if n < 0x10000 {
        out.push_str(&format!("\\u{n:04x}"));
    } else {
        out.push_str(&format!("\\U{n:08x}"));
    }
}

fn quote_for(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

fn repr_impl(s: &str, ascii_only: bool) -> String {
    let quote = quote_for(s.contains('\''), s.contains('"'));
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => push_escaped(&mut out, c),
            c if (c as u32) < 0x7f => out.push(c),
            c if ascii_only || !is_printable(c) => push_escaped(&mut out, c),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `repr(s)` for a str.
pub fn str_repr(s: &str) -> String {
    repr_impl(s, false)
}

/// `ascii(s)` for a str: the repr with every non-ASCII character escaped.
pub fn str_ascii(s: &str) -> String {
    repr_impl(s, true)
}

/// `repr(b)` for a bytes object (`b'...'`); `bytearray(b'...')` wraps this.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = quote_for(b.contains(&b'\''), b.contains(&b'"'));
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

/// Escape every non-ASCII character of `s` as `\xNN`, `\uNNNN` or `\UNNNNNNNN`:
/// how `ascii(x)` is made from `repr(x)` for any object.
pub fn escape_non_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_escaped(&mut out, c);
        }
    }
    out
}

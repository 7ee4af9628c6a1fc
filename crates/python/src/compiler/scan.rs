//! A light tokenizer pass for the checks CPython's tokenizer makes that
//! `ruff_python_parser` does not make, or reports in other words.
//!
//! # Approach
//! [`scan`] walks the source once, skipping comments and string literals
//! (with their prefixes, escapes and triple quotes; an f-string is one token
//! in 3.11, so brackets inside it do not count), and keeps CPython's bracket
//! stack and indentation stack. It records the first problem CPython's
//! tokenizer would raise:
//! - more than 200 open brackets: "too many nested parentheses";
//! - a closing bracket that does not match the innermost opening one, or
//!   closes nothing;
//! - a 100th level of indentation: "too many levels of indentation".
//!
//! The first two also keep the parser's recursion bounded; what is still
//! open at the end of the source gives "'(' was never closed".
//!
//! Offsets are byte offsets into the source, always on a character boundary.

/// CPython's `MAXLEVEL`: the bracket nesting limit.
pub const MAX_BRACKETS: usize = 200;
/// CPython's `MAXINDENT`: the indentation stack limit.
pub const MAX_INDENT: usize = 100;

/// An opening bracket and where it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Open {
    pub ch: char,
    pub at: usize,
}

/// The first tokenizer error found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The bracket at `at` would be the 201st open one.
    TooDeep { at: usize },
    /// `close` at `at` does not match `open`.
    Mismatch { open: Open, close: char, at: usize },
    /// `close` at `at` closes nothing.
    Unmatched { close: char, at: usize },
    /// The line starting at `line_start` is indented a 100th level.
    TooManyIndents { line_start: usize },
}

impl Problem {
    /// Where the problem is.
    pub fn offset(&self) -> usize {
        match *self {
            Problem::TooDeep { at }
            | Problem::Mismatch { at, .. }
            | Problem::Unmatched { at, .. } => at,
            Problem::TooManyIndents { line_start } => line_start,
        }
    }

    /// CPython's message.
    pub fn message(&self) -> String {
        match *self {
            Problem::TooDeep { .. } => "too many nested parentheses".into(),
            Problem::Mismatch { open, close, .. } => format!(
                "closing parenthesis '{close}' does not match opening parenthesis '{}'",
                open.ch
            ),
            Problem::Unmatched { close, .. } => format!("unmatched '{close}'"),
            Problem::TooManyIndents { .. } => "too many levels of indentation".into(),
        }
    }
}

/// The outcome of [`scan`]: the first problem, if any, and the brackets
/// still open where the scan stopped (innermost last).
///
/// After a bracket problem the scan goes on (a mismatched bracket still
/// closes the innermost one) to see whether the nesting limit is passed
/// later: `too_deep` then says so, and the scan stops there.
#[derive(Debug, Default)]
pub struct Scan {
    pub problem: Option<Problem>,
    pub open: Vec<Open>,
    pub too_deep: bool,
}

fn matching(close: char) -> char {
    match close {
        ')' => '(',
        ']' => '[',
        _ => '{',
    }
}

/// Scan `src`; see the module doc.
pub fn scan(src: &str) -> Scan {
    let b = src.as_bytes();
    let mut open: Vec<Open> = Vec::new();
    let mut indents: Vec<usize> = vec![0];
    let mut i = 0;
    // True at the start of a logical line (not inside brackets and not after
    // a backslash continuation).
    let mut line_start = true;
    let mut problem: Option<Problem> = None;
    let mut note = |p: Problem| {
        problem.get_or_insert(p);
    };
    while i < b.len() {
        if line_start {
            line_start = false;
            if open.is_empty() {
                let start = i;
                let mut width = 0;
                while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\x0c') {
                    width = match b[i] {
                        b'\t' => (width / 8 + 1) * 8,
                        b' ' => width + 1,
                        _ => 0,
                    };
                    i += 1;
                }
                let blank = i >= b.len() || matches!(b[i], b'#' | b'\n' | b'\r' | b'\\');
                if !blank {
                    let top = *indents.last().unwrap_or(&0);
                    if width > top {
                        if indents.len() >= MAX_INDENT {
                            note(Problem::TooManyIndents { line_start: start });
                        }
                        indents.push(width);
                    } else {
                        while indents.len() > 1 && *indents.last().unwrap_or(&0) > width {
                            indents.pop();
                        }
                    }
                }
                continue;
            }
        }
        let c = b[i];
        match c {
            b'\n' => {
                line_start = true;
                i += 1;
            }
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'\\' => {
                // A continuation: the next line goes on this logical line.
                i += 1;
                if b.get(i) == Some(&b'\r') {
                    i += 1;
                }
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\'' | b'"' => i = skip_string(b, i),
            b'(' | b'[' | b'{' => {
                if open.len() >= MAX_BRACKETS {
                    note(Problem::TooDeep { at: i });
                    return Scan {
                        problem,
                        open,
                        too_deep: true,
                    };
                }
                open.push(Open {
                    ch: c as char,
                    at: i,
                });
                i += 1;
            }
            b')' | b']' | b'}' => {
                let close = c as char;
                match open.last() {
                    None => note(Problem::Unmatched { close, at: i }),
                    Some(&o) => {
                        if o.ch != matching(close) {
                            note(Problem::Mismatch {
                                open: o,
                                close,
                                at: i,
                            });
                        }
                        open.pop();
                    }
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    Scan {
        problem,
        open,
        too_deep: false,
    }
}

/// The offset just past the string literal whose opening quote is at `i`
/// (or the end of its line / the source when it is not terminated).
fn skip_string(b: &[u8], i: usize) -> usize {
    let q = b[i];
    let triple = b.len() >= i + 3 && b[i + 1] == q && b[i + 2] == q;
    let mut j = if triple { i + 3 } else { i + 1 };
    while j < b.len() {
        match b[j] {
            b'\\' => j += 2,
            b'\n' if !triple => return j,
            c if c == q => {
                if !triple {
                    return j + 1;
                }
                if b.len() >= j + 3 && b[j + 1] == q && b[j + 2] == q {
                    return j + 3;
                }
                j += 1;
            }
            _ => j += 1,
        }
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_in_strings_and_comments_do_not_count() {
        let s = scan("x = ('(', \"[\", '''\n}''', f'{x}')  # ]\n");
        assert_eq!(s.problem, None);
        assert!(s.open.is_empty());
    }

    #[test]
    fn mismatch_and_unmatched() {
        let s = scan("x = [1, 2}");
        assert_eq!(
            s.problem,
            Some(Problem::Mismatch {
                open: Open { ch: '[', at: 4 },
                close: '}',
                at: 9
            })
        );
        assert_eq!(
            s.problem.unwrap().message(),
            "closing parenthesis '}' does not match opening parenthesis '['"
        );
        assert_eq!(
            scan("a)\n").problem,
            Some(Problem::Unmatched { close: ')', at: 1 })
        );
    }

    #[test]
    fn nesting_limit_is_cpythons() {
        assert_eq!(scan(&"(".repeat(200)).problem, None);
        assert_eq!(
            scan(&"(".repeat(201)).problem,
            Some(Problem::TooDeep { at: 200 })
        );
    }

    #[test]
    fn indentation_limit_is_cpythons() {
        let nest = |n: usize| -> String {
            let mut s: String = (0..n)
                .map(|i| format!("{}if 1:\n", " ".repeat(i)))
                .collect();
            s.push_str(&" ".repeat(n));
            s.push_str("pass\n");
            s
        };
        assert_eq!(scan(&nest(99)).problem, None);
        assert!(matches!(
            scan(&nest(100)).problem,
            Some(Problem::TooManyIndents { .. })
        ));
    }

    #[test]
    fn unclosed_at_end() {
        let s = scan("print((1, 2)\nprint(3)\n");
        assert_eq!(s.problem, None);
        assert_eq!(s.open, vec![Open { ch: '(', at: 5 }]);
    }

    #[test]
    fn multibyte_text_is_safe() {
        for src in ["'\\é'", "\"\\", "'''\\", "é(\\\n", "#é", "\u{ff}\"é"] {
            let _ = scan(src);
        }
    }
}

//! Turning parser and compiler errors into CPython's `SyntaxError` texts.
//!
//! # Approach
//! `ruff_python_parser` reports errors in its own words ("Expected ':',
//! found newline"). [`from_parse_error`] maps each kind to the message
//! CPython 3.11 prints for the same program and picks the error class
//! (`IndentationError`, `TabError`, `SyntaxError`). Where CPython points at
//! a different place than ruff (an unclosed bracket rather than the end of
//! file), the source is re-examined here. Messages that name the offending
//! expression ("cannot assign to function call") use [`describe_expr`].

use ruff_python_ast::token::TokenKind;
use ruff_python_ast::Expr;
use ruff_python_parser::{LexicalErrorType, ParseError, ParseErrorType};
use ruff_text_size::{TextRange, TextSize};

use super::{scan, ErrorKind};

/// How CPython names an expression in "cannot assign to ..." messages.
pub fn describe_expr(e: &Expr) -> &'static str {
    match e {
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Compare(_) => "comparison",
        Expr::Lambda(_) => "lambda",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Generator(_) => "generator expression",
        Expr::Await(_) => "await expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::NumberLiteral(_) => "literal",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::NoneLiteral(_) => "None",
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::Starred(_) => "starred",
        Expr::Slice(_) => "slice",
        _ => "expression",
    }
}

/// Describe the expression in `src[range]` by re-parsing it.
fn describe_text(src: &str, range: TextRange) -> &'static str {
    let text = src
        .get(range.start().to_usize()..range.end().to_usize())
        .unwrap_or("");
    match ruff_python_parser::parse_expression(text.trim()) {
        Ok(p) => describe_expr(&p.syntax().body),
        Err(_) => "expression",
    }
}

/// The innermost bracket still open at the end of `src` (CPython reports
/// "'(' was never closed" at the bracket).
fn unclosed_bracket(src: &str) -> Option<(char, usize)> {
    let s = scan::scan(src);
    if s.problem.is_some() {
        return None;
    }
    s.open.last().map(|o| (o.ch, o.at))
}

/// Classify a parse error: kind, CPython message, and the range to point at.
///
/// CPython's tokenizer errors (a mismatched bracket, too deep nesting) win
/// over a parser error found after them; a generic "invalid syntax" also
/// gives way to a tokenizer error anywhere later in the source, and to
/// "'(' was never closed" for a bracket left open on an earlier line
/// (`_PyPegen_tokenize_full_source_to_check_for_errors`).
pub fn from_parse_error(src: &str, e: &ParseError) -> (ErrorKind, String, TextRange) {
    let (kind, msg, range) = classify(src, e);
    let generic = msg == "invalid syntax";
    let tokens = scan::scan(src);
    if let Some(p) = tokens.problem {
        if generic || p.offset() <= range.start().to_usize() {
            return from_scan_problem(p);
        }
    } else if generic {
        if let Some(o) = tokens.open.last() {
            let line_of = |at: usize| {
                src.as_bytes()[..at.min(src.len())]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
            };
            if line_of(o.at) < line_of(range.start().to_usize()) {
                return (
                    ErrorKind::SyntaxError,
                    format!("'{}' was never closed", o.ch),
                    TextRange::at(TextSize::new(o.at as u32), TextSize::new(1)),
                );
            }
        }
    }
    (kind, msg, range)
}

/// The error for a problem [`scan::scan`] found.
pub fn from_scan_problem(p: scan::Problem) -> (ErrorKind, String, TextRange) {
    let kind = match p {
        scan::Problem::TooManyIndents { .. } => ErrorKind::IndentationError,
        _ => ErrorKind::SyntaxError,
    };
    let width = match p {
        scan::Problem::TooManyIndents { .. } => 0,
        _ => 1,
    };
    (
        kind,
        p.message(),
        TextRange::at(TextSize::new(p.offset() as u32), TextSize::new(width)),
    )
}

fn classify(src: &str, e: &ParseError) -> (ErrorKind, String, TextRange) {
    let mut range = e.location;
    let at_eof = range.start().to_usize() >= src.trim_end().len();
    let (kind, msg) = match &e.error {
        ParseErrorType::UnexpectedIndentation => {
            // CPython's offset is the indent's width, not one past it.
            let start = range.start().to_usize().min(src.len());
            let line_start = src[..start].rfind('\n').map_or(0, |i| i + 1);
            let indent = src[line_start..]
                .bytes()
                .take_while(|b| matches!(b, b' ' | b'\t' | b'\x0c'))
                .count();
            let at = line_start + indent.saturating_sub(1);
            range = TextRange::at(TextSize::new(at as u32), TextSize::new(0));
            (ErrorKind::IndentationError, "unexpected indent".to_string())
        }
        ParseErrorType::Lexical(LexicalErrorType::IndentationError) => (
            ErrorKind::IndentationError,
            "unindent does not match any outer indentation level".to_string(),
        ),
        ParseErrorType::Lexical(LexicalErrorType::UnclosedStringError) => {
            let start = range.start().to_usize();
            let line = src[..start.min(src.len())].matches('\n').count() + 1;
            let rest = src.get(start..).unwrap_or("");
            let body = rest.trim_start_matches(|c: char| c.is_ascii_alphabetic());
            let triple = body.starts_with("\"\"\"") || body.starts_with("'''");
            let lines_total = src.lines().count().max(1);
            if triple {
                (
                    ErrorKind::SyntaxError,
                    format!("unterminated triple-quoted string literal (detected at line {lines_total})"),
                )
            } else {
                (
                    ErrorKind::SyntaxError,
                    format!("unterminated string literal (detected at line {line})"),
                )
            }
        }
        ParseErrorType::Lexical(LexicalErrorType::Eof) => {
            if let Some((c, at)) = unclosed_bracket(src) {
                range = TextRange::at(TextSize::new(at as u32), TextSize::new(1));
                (ErrorKind::SyntaxError, format!("'{c}' was never closed"))
            } else {
                (
                    ErrorKind::SyntaxError,
                    "unexpected EOF while parsing".to_string(),
                )
            }
        }
        ParseErrorType::Lexical(LexicalErrorType::UnrecognizedToken { tok }) => {
            if matches!(tok, ')' | ']' | '}') {
                (ErrorKind::SyntaxError, format!("unmatched '{tok}'"))
            } else {
                (
                    ErrorKind::SyntaxError,
                    format!("invalid character '{tok}' (U+{:04X})", *tok as u32),
                )
            }
        }
        ParseErrorType::Lexical(LexicalErrorType::LineContinuationError) => (
            ErrorKind::SyntaxError,
            "unexpected character after line continuation character".to_string(),
        ),
        ParseErrorType::Lexical(other) => (ErrorKind::SyntaxError, other.to_string()),
        ParseErrorType::InvalidAssignmentTarget => {
            let what = describe_text(src, range);
            let after = src.get(range.end().to_usize()..).unwrap_or("").trim_start();
            if after.starts_with('=') && !after.starts_with("==") {
                (
                    ErrorKind::SyntaxError,
                    format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"),
                )
            } else {
                (ErrorKind::SyntaxError, format!("cannot assign to {what}"))
            }
        }
        ParseErrorType::InvalidAugmentedAssignmentTarget => {
            let what = describe_text(src, range);
            (
                ErrorKind::SyntaxError,
                format!("'{what}' is an illegal expression for augmented assignment"),
            )
        }
        ParseErrorType::InvalidDeleteTarget => (
            ErrorKind::SyntaxError,
            format!("cannot delete {}", describe_text(src, range)),
        ),
        ParseErrorType::InvalidNamedAssignmentTarget => (
            ErrorKind::SyntaxError,
            format!(
                "cannot use assignment expressions with {}",
                describe_text(src, range)
            ),
        ),
        ParseErrorType::InvalidAnnotatedAssignmentTarget => (
            ErrorKind::SyntaxError,
            format!("illegal target for annotation"),
        ),
        ParseErrorType::NonDefaultParamAfterDefaultParam => (
            ErrorKind::SyntaxError,
            "non-default argument follows default argument".to_string(),
        ),
        ParseErrorType::InvalidArgumentUnpackingOrder => (
            ErrorKind::SyntaxError,
            "iterable argument unpacking follows keyword argument unpacking".to_string(),
        ),
        ParseErrorType::PositionalAfterKeywordArgument => (
            ErrorKind::SyntaxError,
            "positional argument follows keyword argument".to_string(),
        ),
        ParseErrorType::PositionalAfterKeywordUnpacking => (
            ErrorKind::SyntaxError,
            "positional argument follows keyword argument unpacking".to_string(),
        ),
        ParseErrorType::UnparenthesizedGeneratorExpression => (
            ErrorKind::SyntaxError,
            "Generator expression must be parenthesized".to_string(),
        ),
        ParseErrorType::ExpectedToken { expected, .. } => {
            let exp = expected.to_string();
            if *expected == TokenKind::Colon && junk_before_colon(src, range) {
                (ErrorKind::SyntaxError, "invalid syntax".to_string())
            } else if *expected == TokenKind::Colon {
                (ErrorKind::SyntaxError, "expected ':'".to_string())
            } else if exp.to_ascii_lowercase().contains("indent") {
                (
                    ErrorKind::IndentationError,
                    expected_block_message(src, range),
                )
            } else if at_eof {
                match unclosed_bracket(src) {
                    Some((c, at)) => {
                        range = TextRange::at(TextSize::new(at as u32), TextSize::new(1));
                        (ErrorKind::SyntaxError, format!("'{c}' was never closed"))
                    }
                    None => (ErrorKind::SyntaxError, "invalid syntax".to_string()),
                }
            } else {
                (ErrorKind::SyntaxError, "invalid syntax".to_string())
            }
        }
        ParseErrorType::OtherError(msg) => {
            let lower = msg.to_ascii_lowercase();
            if lower.contains("expected an indented block") {
                (
                    ErrorKind::IndentationError,
                    expected_block_message(src, range),
                )
            } else if lower.contains("positional patterns cannot follow keyword patterns") {
                (
                    ErrorKind::SyntaxError,
                    "positional patterns follow keyword patterns".to_string(),
                )
            } else if lower.contains("except") && lower.contains("finally") {
                (
                    ErrorKind::SyntaxError,
                    "expected 'except' or 'finally' block".to_string(),
                )
            } else {
                (ErrorKind::SyntaxError, "invalid syntax".to_string())
            }
        }
        ParseErrorType::FStringError(fe) => (ErrorKind::SyntaxError, format!("f-string: {fe}")),
        ParseErrorType::ExpectedRealNumber => (
            ErrorKind::SyntaxError,
            "real number required in complex literal".to_string(),
        ),
        ParseErrorType::ExpectedImaginaryNumber => (
            ErrorKind::SyntaxError,
            "imaginary number required in complex literal".to_string(),
        ),
        ParseErrorType::InvalidMatchPatternTarget => {
            // `case x as _` names the target; `{**_}` is just bad syntax.
            let before = src[..range.start().to_usize().min(src.len())].trim_end();
            let msg = if before.ends_with("**") {
                "invalid syntax"
            } else {
                "cannot use '_' as a target"
            };
            (ErrorKind::SyntaxError, msg.to_string())
        }
        _ => (ErrorKind::SyntaxError, "invalid syntax".to_string()),
    };
    (kind, msg, range)
}

/// Is a ':' expected at `range` because a header whose test is an
/// expression or pattern (`if`, `elif`, `while`, `for`, `class`,
/// `except`, `match`, `case`) has more tokens before it? CPython says
/// "invalid syntax" then, and "expected ':'" only when the line ends.
fn junk_before_colon(src: &str, range: TextRange) -> bool {
    let at = range.start().to_usize().min(src.len());
    let rest = src[at..].trim_start_matches([' ', '\t', '\x0c']);
    if rest.is_empty() || rest.starts_with(['\n', '\r', '#']) {
        return false;
    }
    // The statement's first word, from the start of its logical line: the
    // last line start before `at` outside brackets (a rough scan that
    // does not look into strings; it only picks a message).
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in src[..at].char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            '\n' if depth <= 0 => start = i + 1,
            _ => {}
        }
    }
    let header = &src[start..at];
    let word = header
        .trim_start()
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .next()
        .unwrap_or("");
    matches!(
        word,
        "if" | "elif" | "while" | "for" | "class" | "except" | "match" | "case"
    )
}

/// "expected an indented block after 'if' statement on line N" and friends.
fn expected_block_message(src: &str, range: TextRange) -> String {
    let start = range.start().to_usize().min(src.len());
    // The header is the last non-blank line ending with ':' before `start`.
    let before = &src[..start];
    let mut header_line = 0;
    let mut header = "";
    for (i, l) in before.lines().enumerate() {
        let t = l.trim();
        if t.ends_with(':') {
            header_line = i + 1;
            header = t;
        }
    }
    let word = header
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .next()
        .unwrap_or("");
    let what = match word {
        "def" => "function definition".to_string(),
        "async" => "function definition".to_string(),
        "class" => "class definition".to_string(),
        "if" | "elif" | "while" | "for" | "with" | "try" => format!("'{word}' statement"),
        "else" => "'else' statement".to_string(),
        "except" => "'except' statement".to_string(),
        "finally" => "'finally' statement".to_string(),
        _ => return "expected an indented block".to_string(),
    };
    format!("expected an indented block after {what} on line {header_line}")
}

#[cfg(test)]
mod tests {
    use crate::compiler::{compile, ErrorKind, Mode};

    /// (kind, message, line, column) of compiling `src`, as CPython 3.11
    /// reports them.
    fn err(src: &str) -> (ErrorKind, String, u32, u32) {
        let e = compile(src, "<test>", Mode::Exec).expect_err("should not compile");
        (e.kind, e.msg, e.line, e.col)
    }

    fn syntax(msg: &str, line: u32, col: u32) -> (ErrorKind, String, u32, u32) {
        (ErrorKind::SyntaxError, msg.to_string(), line, col)
    }

    #[test]
    fn missing_colon() {
        assert_eq!(err("class A\n    pass\n"), syntax("expected ':'", 1, 8));
        assert_eq!(err("class C\n    pass\n"), syntax("expected ':'", 1, 8));
    }

    #[test]
    fn unparenthesized_generator_argument() {
        assert_eq!(
            err("f(x for x in range(3), 1)\n"),
            syntax("Generator expression must be parenthesized", 1, 3)
        );
        assert_eq!(
            err("f(x for x in y, 1)\n"),
            syntax("Generator expression must be parenthesized", 1, 3)
        );
    }

    #[test]
    fn mismatched_brackets() {
        assert_eq!(
            err("x = [1, 2, 3}\n"),
            syntax(
                "closing parenthesis '}' does not match opening parenthesis '['",
                1,
                13
            )
        );
        assert_eq!(
            err("[1, 2}"),
            syntax(
                "closing parenthesis '}' does not match opening parenthesis '['",
                1,
                6
            )
        );
        assert_eq!(err("a)\n"), syntax("unmatched ')'", 1, 2));
    }

    #[test]
    fn unclosed_paren() {
        assert_eq!(
            err("print((1, 2)\nprint(3)\n"),
            syntax("'(' was never closed", 1, 6)
        );
        assert_eq!(err("x = ("), syntax("'(' was never closed", 1, 5));
        assert_eq!(err("x = (1,\n\n"), syntax("'(' was never closed", 1, 5));
        assert_eq!(err("f(\n  a b\n"), syntax("'(' was never closed", 1, 2));
    }

    #[test]
    fn nesting_limits() {
        let src = "(".repeat(201) + &")".repeat(201);
        assert_eq!(err(&src), syntax("too many nested parentheses", 1, 201));
        let ok = "(".repeat(200) + &")".repeat(200);
        assert!(compile(&ok, "<test>", Mode::Exec).is_ok());
        let mut deep: String = (0..101)
            .map(|i| format!("{}if 1:\n", " ".repeat(i)))
            .collect();
        deep.push_str(&" ".repeat(101));
        deep.push_str("pass\n");
        assert_eq!(
            err(&deep),
            (
                ErrorKind::IndentationError,
                "too many levels of indentation".to_string(),
                101,
                1
            )
        );
    }
}

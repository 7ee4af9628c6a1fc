//! `int(str, base)`, `float(str)`, `bin`/`oct`/`hex`, the integer-string limit,
//! and `repr`/`ascii` of str and bytes, compared with CPython.

mod format_oracle;
use format_oracle::*;
use kiln_python::format::float_repr::float_repr;
use kiln_python::format::intconv::{
    int_to_base, int_to_str_limited, parse_float, parse_int, DEFAULT_MAX_STR_DIGITS,
};
use kiln_python::format::strrepr::{bytes_repr, str_ascii, str_repr};
use num_bigint::BigInt;

const INT_TEXTS: &[&str] = &[
    "0",
    "1",
    "-1",
    "+7",
    "  42  ",
    "\t\n 42\x0c",
    "\u{3000}12\u{2003}",
    "1_000",
    "1__000",
    "_1",
    "1_",
    "0x1f",
    "0X1F",
    "0o17",
    "0b101",
    "0b",
    "0x",
    "0x_1f",
    "0_0",
    "00",
    "010",
    "0_7",
    "12a",
    "z",
    "Z",
    "zz",
    "",
    " ",
    "-",
    "+-1",
    "- 1",
    "1 2",
    "\u{0663}\u{0664}",
    "\u{ff11}\u{ff12}",
    "1.5",
    "1e5",
    "0b102",
    "ffff",
    "FfFf",
    "9",
    "99999999999999999999999999999",
    "-0",
    "x",
    "0x-1",
    "0B11",
    "0O7",
    "abc'def",
    "\u{e9}",
    "٣_٤",
];

#[test]
fn parse_int_matches_cpython() {
    let bases = [10u32, 0, 2, 8, 16, 36, 7, 1, 37];
    let mut script = String::new();
    let mut cases = Vec::new();
    let mut ours = Vec::new();
    for t in INT_TEXTS {
        for b in bases {
            script.push_str(&format!("out(lambda: str(int({}, {b})))\n", py_str(t)));
            cases.push(format!("int({t:?}, {b})"));
            ours.push(render(
                &parse_int(t, b, DEFAULT_MAX_STR_DIGITS).map(|v| v.to_string()),
            ));
        }
    }
    let long = "7".repeat(5000);
    script.push_str(&format!("out(lambda: str(int('{long}')))\n"));
    cases.push("int('7'*5000)".into());
    ours.push(render(
        &parse_int(&long, 10, DEFAULT_MAX_STR_DIGITS).map(|v| v.to_string()),
    ));
    script.push_str(&format!("out(lambda: hex(int('{long}', 16))[:20])\n"));
    cases.push("int('7'*5000, 16)".into());
    ours.push(render(
        &parse_int(&long, 16, DEFAULT_MAX_STR_DIGITS)
            .map(|v| int_to_base(&v, 16)[..20].to_string()),
    ));
    script.push_str("out(lambda: str(10**5000))\n");
    cases.push("str(10**5000)".into());
    ours.push(render(&int_to_str_limited(
        &BigInt::from(10).pow(5000),
        DEFAULT_MAX_STR_DIGITS,
    )));
    let theirs = run_python(&script);
    compare(&cases, &ours, &theirs);
}

const FLOAT_TEXTS: &[&str] = &[
    "0",
    "1.5",
    "-1.5",
    "+.5",
    "5.",
    ".",
    "1e5",
    "1E-5",
    "1e",
    "e5",
    "1e+",
    "1_000.5",
    "1_000.000_1",
    "1__0",
    "_1",
    "1_",
    "1_.5",
    "1._5",
    "1e_5",
    "1e1_0",
    "inf",
    "-inf",
    "+INF",
    "Infinity",
    "-iNfInItY",
    "nan",
    "-nan",
    "NaN",
    "in f",
    "infinit",
    "  3.25\n",
    "\u{2003}7\u{3000}",
    "1.5e308",
    "1e309",
    "-1e309",
    "4.9e-324",
    "2e-324",
    "0x10",
    "1,5",
    "",
    " ",
    "٣.٥",
    "1e5.5",
    "--1",
    "+-1",
    "1.2.3",
    "123456789012345678901234567890",
    "0.1",
    "2.675",
    "1_e5",
    "1e-_5",
    "+",
    "-.e1",
];

#[test]
fn parse_float_matches_cpython() {
    let mut script = String::new();
    let mut cases = Vec::new();
    let mut ours = Vec::new();
    for t in FLOAT_TEXTS {
        script.push_str(&format!("out(lambda: repr(float({})))\n", py_str(t)));
        cases.push(format!("float({t:?})"));
        ours.push(render(&parse_float(t).map(float_repr)));
    }
    let theirs = run_python(&script);
    compare(&cases, &ours, &theirs);
}

#[test]
fn bin_oct_hex_match_cpython() {
    let mut vals: Vec<BigInt> = [0i64, 1, -1, 5, -255, 4096, i64::MAX, i64::MIN]
        .iter()
        .map(|&v| BigInt::from(v))
        .collect();
    vals.push(BigInt::from(7).pow(60));
    vals.push(-BigInt::from(2).pow(100));
    let mut script = String::new();
    let mut cases = Vec::new();
    let mut ours = Vec::new();
    for v in &vals {
        for (f, b) in [("bin", 2), ("oct", 8), ("hex", 16)] {
            script.push_str(&format!("out(lambda: {f}({v}))\n"));
            cases.push(format!("{f}({v})"));
            ours.push(ok(int_to_base(v, b)));
        }
    }
    let theirs = run_python(&script);
    compare(&cases, &ours, &theirs);
}

#[test]
fn str_and_bytes_repr_match_cpython() {
    let mut texts: Vec<String> = [
        "",
        "abc",
        "it's",
        "say \"hi\"",
        "both ' and \"",
        "tab\there",
        "nl\ncr\r",
        "back\\slash",
        "\x00\x01\x1f\x7f",
        "\u{80}\u{9f}\u{a0}\u{ad}",
        "é中文",
        "\u{200b}\u{2028}\u{feff}",
        "😀\u{10ffff}\u{e000}",
        "\u{378}",
        "\u{3000}x",
        "\u{1f1e6}\u{0301}",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // Every character of the first planes, 64 to a string.
    let mut r = Rng(12345);
    for start in (0u32..0x3000)
        .step_by(64)
        .chain((0x3000..0x110000).step_by(4096 * 3))
    {
        let s: String = (start..start + 64).filter_map(char::from_u32).collect();
        texts.push(s);
        let s: String = (0..16)
            .filter_map(|_| char::from_u32((r.next() % 0x30000) as u32))
            .collect();
        texts.push(s);
    }
    let mut script = String::new();
    let mut cases = Vec::new();
    let mut ours = Vec::new();
    for t in &texts {
        script.push_str(&format!(
            "out(lambda: repr({0}))\nout(lambda: ascii({0}))\n",
            py_str(t)
        ));
        cases.push(format!("repr({t:?})"));
        ours.push(ok(str_repr(t)));
        cases.push(format!("ascii({t:?})"));
        ours.push(ok(str_ascii(t)));
    }
    let blobs: Vec<Vec<u8>> = vec![
        b"".to_vec(),
        b"abc".to_vec(),
        b"it's".to_vec(),
        b"'\"".to_vec(),
        (0u8..=255).collect(),
        b"\"".to_vec(),
    ];
    for b in &blobs {
        script.push_str(&format!("out(lambda: repr(bytes({:?})))\n", b));
        cases.push(format!("repr({b:?})"));
        ours.push(ok(bytes_repr(b)));
    }
    let theirs = run_python(&script);
    compare(&cases, &ours, &theirs);
}

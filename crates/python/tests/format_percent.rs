//! `str % args` compared with CPython, through a small test implementation of
//! the argument interface (ints, bools, floats, strs, lists, dicts).

mod format_oracle;
use format_oracle::*;
use kiln_python::format::float_repr::{bigint_to_f64, float_repr, float_to_bigint};
use kiln_python::format::percent::{percent_format, PercentArg, PercentArgs};
use kiln_python::format::strrepr::str_repr;
use kiln_python::format::{ErrorKind, FmtError, FmtResult};
use num_bigint::BigInt;

#[derive(Clone, Debug)]
enum V {
    I(i64),
    Big(BigInt),
    F(f64),
    S(&'static str),
    B(bool),
    L(Vec<i64>),
    D(Vec<(&'static str, V)>),
}

impl V {
    fn py(&self) -> String {
        match self {
            V::I(i) => i.to_string(),
            V::Big(b) => b.to_string(),
            V::F(x) => format!("F({})", x.to_bits()),
            V::S(s) => py_str(s),
            V::B(b) => {
                if *b {
                    "True".into()
                } else {
                    "False".into()
                }
            }
            V::L(l) => format!("{l:?}"),
            V::D(d) => format!(
                "{{{}}}",
                d.iter()
                    .map(|(k, v)| format!("{}: {}", py_str(k), v.py()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

impl PercentArg for V {
    fn type_name(&self) -> String {
        match self {
            V::I(_) | V::Big(_) => "int",
            V::F(_) => "float",
            V::S(_) => "str",
            V::B(_) => "bool",
            V::L(_) => "list",
            V::D(_) => "dict",
        }
        .into()
    }
    fn to_int(&self) -> FmtResult<Option<BigInt>> {
        Ok(match self {
            V::F(x) => Some(float_to_bigint(*x, false)?),
            _ => self.to_index()?,
        })
    }
    fn to_index(&self) -> FmtResult<Option<BigInt>> {
        Ok(match self {
            V::I(i) => Some(BigInt::from(*i)),
            V::Big(b) => Some(b.clone()),
            V::B(b) => Some(BigInt::from(*b as i64)),
            _ => None,
        })
    }
    fn to_float(&self) -> FmtResult<Option<f64>> {
        Ok(match self {
            V::F(x) => Some(*x),
            _ => match self.to_index()? {
                Some(b) => Some(bigint_to_f64(&b)?),
                None => None,
            },
        })
    }
    fn to_str(&self) -> FmtResult<String> {
        Ok(match self {
            V::S(s) => s.to_string(),
            V::B(b) => {
                if *b {
                    "True".into()
                } else {
                    "False".into()
                }
            }
            V::F(x) => float_repr(*x),
            _ => self.to_repr()?,
        })
    }
    fn to_repr(&self) -> FmtResult<String> {
        Ok(match self {
            V::I(i) => i.to_string(),
            V::Big(b) => b.to_string(),
            V::S(s) => str_repr(s),
            V::L(l) => format!("{l:?}"),
            V::D(d) => {
                let items: FmtResult<Vec<String>> = d
                    .iter()
                    .map(|(k, v)| Ok(format!("{}: {}", str_repr(k), v.to_repr()?)))
                    .collect();
                format!("{{{}}}", items?.join(", "))
            }
            _ => self.to_str()?,
        })
    }
    fn as_str(&self) -> Option<String> {
        match self {
            V::S(s) => Some(s.to_string()),
            _ => None,
        }
    }
}

/// Arguments as Python would see them: a tuple, or one object.
enum Args {
    T(Vec<V>),
    One(V),
}

fn run_rust(fmt: &str, args: &Args) -> FmtResult<String> {
    match args {
        Args::T(t) => percent_format(fmt, PercentArgs::Tuple(t)),
        Args::One(v @ (V::D(_) | V::L(_))) => {
            let v2 = v.clone();
            let lookup = move |k: &str| -> FmtResult<V> {
                match &v2 {
                    V::D(d) => d
                        .iter()
                        .find(|(kk, _)| *kk == k)
                        .map(|(_, v)| v.clone())
                        .ok_or(FmtError {
                            kind: ErrorKind::KeyError,
                            msg: str_repr(k),
                        }),
                    _ => Err(FmtError::type_error(
                        "list indices must be integers or slices, not str",
                    )),
                }
            };
            percent_format(fmt, PercentArgs::Mapping(v, &lookup))
        }
        Args::One(v) => percent_format(fmt, PercentArgs::Single(v)),
    }
}

fn py_args(a: &Args) -> String {
    match a {
        Args::T(t) => format!(
            "({}{})",
            t.iter().map(V::py).collect::<Vec<_>>().join(", "),
            if t.len() == 1 { "," } else { "" }
        ),
        Args::One(v) => v.py(),
    }
}

#[test]
fn percent_matches_cpython() {
    use V::*;
    let nums = vec![
        I(0),
        I(7),
        I(-255),
        I(123456),
        Big(BigInt::from(10).pow(25)),
        F(3.14159),
        F(-0.0),
        F(2.5),
        F(1e20),
        F(1e-7),
        F(f64::INFINITY),
        F(f64::NAN),
        B(true),
    ];
    let specs = [
        "%d", "%i", "%u", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%+.3d", "%x", "%X", "%#x",
        "%#X", "%o", "%#o", "%#08x", "%-#8o|", "%e", "%E", "%f", "%F", "%g", "%G", "%.2f",
        "%10.3f", "%-10.3e|", "%+.0f", "%#.0f", "%#g", "%010.2f", "% .3g", "%.15g", "%.0e", "%s",
        "%r", "%a", "%5s", "%-6r|", "%.2s", "%c", "%5c", "%%", "%ld", "%hd", "%Lf", "%y", "%",
        "%5", "%.", "%5%", "%05s", "%+s",
    ];
    let mut cases: Vec<(String, Args)> = Vec::new();
    for s in specs {
        for n in &nums {
            cases.push((s.to_string(), Args::T(vec![n.clone()])));
        }
        cases.push((s.to_string(), Args::T(vec![S("abc")])));
        cases.push((s.to_string(), Args::T(vec![S("é")])));
        cases.push((s.to_string(), Args::T(vec![L(vec![1, 2])])));
    }
    let d = || D(vec![("a", I(1)), ("b", S("x'y")), ("(c)", F(0.5))]);
    let more: Vec<(&str, Args)> = vec![
        ("%s %s", Args::T(vec![I(1)])),
        ("%s", Args::T(vec![I(1), I(2)])),
        ("%s", Args::T(vec![])),
        ("abc", Args::T(vec![])),
        ("abc", Args::One(I(5))),
        ("abc", Args::One(S("x"))),
        ("abc", Args::One(L(vec![]))),
        ("abc", Args::One(d())),
        ("%s", Args::One(I(5))),
        ("%s %s", Args::One(I(5))),
        ("%(a)s|%(b)r|%((c))s|%(a)05d", Args::One(d())),
        ("%(z)s", Args::One(d())),
        ("%(a)s %s", Args::One(d())),
        ("%s %(a)s", Args::One(d())),
        ("%(a)*d", Args::One(d())),
        ("%(a", Args::One(d())),
        ("%(a)s", Args::T(vec![I(1)])),
        ("%(a)s", Args::One(L(vec![1]))),
        ("%s", Args::One(d())),
        ("%*d|%-*d|", Args::T(vec![I(5), I(42), I(-4), I(7)])),
        ("%.*f", Args::T(vec![I(2), F(3.14159)])),
        ("%.*f", Args::T(vec![I(-2), F(3.14159)])),
        ("%*d", Args::T(vec![S("a"), I(3)])),
        ("%*d", Args::T(vec![F(1.0), I(3)])),
        ("%c%c%c", Args::T(vec![I(72), S("i"), I(0x1F600)])),
        ("%c", Args::T(vec![I(0x110000)])),
        ("%c", Args::T(vec![I(-1)])),
        ("%c", Args::T(vec![S("")])),
        ("%c", Args::T(vec![F(65.0)])),
        (
            "%5.2f|%-4d|%s|%r|%x|%%",
            Args::T(vec![F(2.71828), I(42), S("s"), S("r"), I(255)]),
        ),
        ("%\u{7f}", Args::T(vec![I(1)])),
        ("%é", Args::T(vec![I(1)])),
        ("é%sé%-3sé", Args::T(vec![S("ü"), S("ö")])),
        ("%0-5d|%-05d|", Args::T(vec![I(3), I(4)])),
        ("% +d|%+ d", Args::T(vec![I(5), I(6)])),
        ("%s", Args::One(B(false))),
    ];
    cases.extend(more.into_iter().map(|(f, a)| (f.to_string(), a)));
    let mut script = String::new();
    let mut names = Vec::new();
    let mut ours = Vec::new();
    for (f, a) in &cases {
        script.push_str(&format!("out(lambda: {} % {})\n", py_str(f), py_args(a)));
        names.push(format!("{f:?} % {}", py_args(a)));
        ours.push(render(&run_rust(f, a)));
    }
    let theirs = run_python(&script);
    compare(&names, &ours, &theirs);
}

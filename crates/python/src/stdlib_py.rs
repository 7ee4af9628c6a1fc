//! Standard-library modules written in Python and shipped inside Kiln.
//!
//! Problem: much of Python's standard library (random, collections,
//! itertools, functools, ...) is ordinary Python code; writing it in Rust
//! would hide it from the JIT and cost far more code.  Approach: Kiln keeps
//! its own plain-Python implementations under `crates/python/lib/` and
//! compiles their sources into the binary with `include_str!`.  The import
//! system asks [`find`] (or [`find_module`] for the package flag) for a
//! dotted name before it looks at the file system.
//!
//! Invariants:
//! * every `.py` file under `lib/` has exactly one entry here (a test walks
//!   the directory); a package `p` is the entry of `lib/p/__init__.py`,
//!   with `is_package` set, and its submodules are `p.sub`;
//! * these modules only import each other and the native modules `sys`,
//!   `math` and `time`.

/// One Python-source module compiled into Kiln.
#[derive(Debug, Clone, Copy)]
pub struct PyModule {
    /// Dotted module name, e.g. `"collections.abc"`.
    pub name: &'static str,
    /// The module's source text.
    pub source: &'static str,
    /// True for packages (their source is the package's `__init__.py`).
    pub is_package: bool,
    /// Path of the source file relative to `crates/python/lib/`, for
    /// tracebacks (`<kiln-lib>/random.py`) and the completeness test.
    pub file: &'static str,
}

macro_rules! modules {
    ($(($name:literal, $file:literal, $pkg:literal)),* $(,)?) => {
        /// Every bundled module: (dotted name, source, is_package, file).
        pub static MODULES: &[PyModule] = &[
            $(PyModule {
                name: $name,
                source: include_str!(concat!("../lib/", $file)),
                is_package: $pkg,
                file: $file,
            }),*
        ];
    };
}

modules![
    ("__future__", "__future__.py", false),
    ("_fileio", "_fileio.py", false),
    ("_sha512", "_sha512.py", false),
    ("abc", "abc.py", false),
    ("array", "array.py", false),
    ("bisect", "bisect.py", false),
    ("collections", "collections/__init__.py", true),
    ("collections.abc", "collections/abc.py", false),
    ("contextlib", "contextlib.py", false),
    ("copy", "copy.py", false),
    ("dataclasses", "dataclasses.py", false),
    ("enum", "enum.py", false),
    ("fractions", "fractions.py", false),
    ("functools", "functools.py", false),
    ("heapq", "heapq.py", false),
    ("importlib", "importlib/__init__.py", true),
    ("io", "io.py", false),
    ("itertools", "itertools.py", false),
    ("keyword", "keyword.py", false),
    ("operator", "operator.py", false),
    ("random", "random.py", false),
    ("re", "re.py", false),
    ("string", "string.py", false),
    ("textwrap", "textwrap.py", false),
    ("types", "types.py", false),
    ("typing", "typing.py", false),
];

/// The bundled module called `name` (dotted), with its package flag.
pub fn find_module(name: &str) -> Option<&'static PyModule> {
    MODULES.iter().find(|m| m.name == name)
}

/// Source text of the bundled module called `name` (dotted), if any.
pub fn find(name: &str) -> Option<&'static str> {
    find_module(name).map(|m| m.source)
}

/// True if `name` is a bundled package (it may have submodules).
pub fn is_package(name: &str) -> bool {
    find_module(name).is_some_and(|m| m.is_package)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_found() {
        for (i, m) in MODULES.iter().enumerate() {
            assert!(
                MODULES[..i].iter().all(|o| o.name != m.name),
                "duplicate {}",
                m.name
            );
            assert_eq!(find(m.name).map(str::len), Some(m.source.len()));
        }
        assert!(find("no_such_module").is_none());
        assert!(is_package("collections"));
        assert!(!is_package("random"));
    }
}

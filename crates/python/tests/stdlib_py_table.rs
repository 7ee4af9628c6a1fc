//! The table of Python-source library modules matches `crates/python/lib/`.
//!
//! Every `.py` file under `lib/` must have exactly one entry in
//! `stdlib_py::MODULES` whose dotted name follows from its path
//! (`collections/__init__.py` is the package `collections`,
//! `collections/abc.py` the module `collections.abc`), whose source is the
//! file's current text, and which parses: with Kiln's parser always, and
//! with CPython's `py_compile` where a `python3` is installed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use kiln_python::stdlib_py::{self, MODULES};

fn lib_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("lib")
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("lib directory is readable")
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

/// (dotted name, is_package) of a file given relative to `lib/`.
fn module_name(rel: &str) -> (String, bool) {
    let stem = rel.strip_suffix(".py").expect("a .py file");
    match stem.strip_suffix("/__init__") {
        Some(pkg) => (pkg.replace('/', "."), true),
        None => (stem.replace('/', "."), false),
    }
}

fn lib_files() -> BTreeMap<String, PathBuf> {
    let root = lib_dir();
    let mut files = Vec::new();
    walk(&root, &mut files);
    files
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(&root)
                .expect("under lib")
                .to_string_lossy()
                .replace('\\', "/");
            (rel, p)
        })
        .collect()
}

#[test]
fn every_file_has_one_matching_entry() {
    let files = lib_files();
    assert!(
        files.len() >= 10,
        "expected the library files, found {files:?}"
    );
    for (rel, path) in &files {
        let (name, is_package) = module_name(rel);
        let entries: Vec<_> = MODULES.iter().filter(|m| m.file == rel.as_str()).collect();
        assert_eq!(entries.len(), 1, "{rel} must have exactly one table entry");
        let entry = entries[0];
        assert_eq!(entry.name, name, "{rel}: table name");
        assert_eq!(entry.is_package, is_package, "{rel}: package flag");
        let text = std::fs::read_to_string(path).expect("readable source");
        assert_eq!(entry.source, text, "{rel}: embedded source is stale");
        assert_eq!(stdlib_py::find(&name), Some(entry.source));
        assert_eq!(stdlib_py::is_package(&name), is_package);
    }
    for entry in MODULES {
        assert!(
            files.contains_key(entry.file),
            "table entry {} names missing file {}",
            entry.name,
            entry.file
        );
    }
}

#[test]
fn submodules_belong_to_packages() {
    for entry in MODULES {
        if let Some((parent, _)) = entry.name.rsplit_once('.') {
            assert!(
                stdlib_py::is_package(parent),
                "{} needs package {parent}",
                entry.name
            );
        }
    }
}

#[test]
fn every_module_parses() {
    for entry in MODULES {
        if let Err(err) = ruff_python_parser::parse_module(entry.source) {
            panic!("{} does not parse: {err:?}", entry.file);
        }
    }
}

#[test]
fn every_module_byte_compiles_under_cpython() {
    let probe = Command::new("python3").arg("--version").output();
    if probe.map(|o| !o.status.success()).unwrap_or(true) {
        eprintln!("python3 not installed: py_compile check skipped");
        return;
    }
    let files: Vec<PathBuf> = lib_files().into_values().collect();
    // Compile in memory (no __pycache__ is written next to the sources).
    let script = "import sys\nfor p in sys.argv[1:]:\n    \
                  compile(open(p, encoding='utf-8').read(), p, 'exec', dont_inherit=True)\n";
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(&files)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "CPython rejects a library module:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

//! kiln-python

pub mod bytecode;
pub mod compiler;
pub mod format;
pub mod stdlib_py;

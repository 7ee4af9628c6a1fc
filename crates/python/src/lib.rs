//! kiln-python: the Python virtual machine. Source is compiled
//! (`compiler`) to Kiln's bytecode (`bytecode`) and run by an interpreter
//! (`interp`) whose opcode handlers are generic over kiln-jit's `Tracer`,
//! over the object model (`object`), the protocols (`ops`) and the
//! builtins (`builtins`). `vm` holds the interpreter state; `run` is the
//! embedding entry point the CLI uses.

pub mod builtins;
pub mod bytecode;
pub mod compiler;
pub mod format;
pub mod interp;
pub mod object;
pub mod ops;
pub mod run;
pub mod stdlib_py;
pub mod vm;

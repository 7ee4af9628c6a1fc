//! The interpreter: frames (the virtualizable), the dispatch loop generic
//! over `T: Tracer`, calls and argument binding, generators, async
//! generators and their awaitables, and the `extern "C"` helpers the loop
//! calls residually.

pub mod asyncgen;
pub mod call;
pub mod eval;
pub mod frame;
pub mod gen;
pub mod helpers;
pub mod matching;

//! kiln-jit: a language-independent meta-tracing JIT framework.
//!
//! An interpreter writes its opcode handlers once, generic over
//! [`Tracer`]. Instantiated with [`Concrete`] they are the plain
//! interpreter; with the recorder they execute and record a trace; with
//! replay they finish an opcode after a guard failure. See ARCHITECTURE.md.

pub mod backend;
pub mod concrete;
pub mod descr;
pub mod driver;
pub mod ir;
pub mod jitlog;
pub mod recorder;
pub mod replay;
pub mod resume;
pub mod tracer;

pub use concrete::Concrete;
pub use descr::{ArrayDescr, CallDescr, EffectInfo, FieldDescr, FieldMut, Kind, SizeDescr};
pub use driver::{JitDriver, JitInterp, Params, Step, VirtualizableInfo};
pub use kiln_gc::GcRef;
pub use tracer::Tracer;

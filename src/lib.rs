//! minilisp: a small, fast, embeddable Emacs Lisp subset whose heap can be
//! dumped to an image file and mapped back at start-up.
//!
//! - [`gc`]: tagged values, typed blocks, the precise mark-and-sweep collector.
//! - [`interp`]: reader, printer, evaluator, built-ins, errors.

pub mod gc;
pub mod interp;
pub mod pdump;

pub use gc::Value;
pub use interp::Interp;

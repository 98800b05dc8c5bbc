//! minilisp: a small, fast, embeddable Emacs Lisp subset whose heap can be
//! dumped to an image file and mapped back at start-up.
//!
//! ```
//! use minilisp::Lisp;
//! let mut lisp = Lisp::new()?;
//! lisp.register("host-add", |_, (a, b): (i64, i64)| a + b);
//! let v = lisp.eval("(mapcar (lambda (x) (host-add x 10)) '(1 2 3))")?;
//! assert_eq!(lisp.prin1(&v), "(11 12 13)");
//! # Ok::<(), minilisp::LispError>(())
//! ```
//!
//! - [`Lisp`], [`Value`], [`HostFunctions`]: the embedding API (`embed`).
//! - [`pdump`]: dump files and in-memory snapshots.
//! - The engine (tagged values and the collector in `gc`, the evaluator in
//!   `interp`) is private: nothing outside the crate touches raw values.

#![deny(missing_docs)]
// Every `unsafe` block says which invariant makes it sound, and every
// `unsafe fn` what its callers must uphold (CI runs clippy with -D warnings).
#![warn(clippy::undocumented_unsafe_blocks, clippy::missing_safety_doc)]

mod embed;
#[doc(hidden)]
pub mod encoding;
pub(crate) mod gc;
pub(crate) mod interp;
pub mod pdump;

#[doc(hidden)]
pub mod cli;

pub use embed::*;
pub use gc::GcStats;
pub use interp::{DumpStats, LispError};

/// The README's examples, compiled and run by `cargo test --doc`.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeExamples;

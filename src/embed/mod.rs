//! The embedding API: everything a Rust program needs to run Lisp, and
//! nothing that could reach into the heap unchecked.
//!
//! - [`Lisp`] owns an interpreter; [`Value`] is a rooted handle to one of
//!   its values (alive until dropped, refused by other interpreters).
//! - [`FromLisp`] / [`IntoLisp`] convert between Rust and Lisp values.
//! - [`HostFunctions`] and [`Lisp::register`] make Rust closures callable
//!   from Lisp; [`Ctx`] is what such a closure sees of the interpreter.
//!
//! Soundness rests on three rules kept here: no safe function yields a raw
//! engine value (they are crate-private), every value that leaves an
//! evaluation is rooted by a handle, and every handle checks the id of the
//! interpreter it is used with.

mod convert;
pub(crate) mod host;
mod inspect;
mod lisp;
mod object;
mod value;

pub use convert::{FromArg, FromArgs, FromLisp, IntoArgs, IntoLisp, Rest, Symbol};
pub(crate) use host::HostFn;
pub use inspect::SymbolCells;
pub use host::{Callee, Ctx, HostFunctions, HostResult, Signal};
pub use lisp::{HeapStats, Lisp};
pub use object::HostObject;
pub(crate) use value::{Handles, next_interp_id};
pub use value::Value;

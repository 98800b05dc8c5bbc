//! The heap: tagged values, object layouts, typed blocks, the symbol table
//! and a precise, iterative mark-and-sweep collector.
//!
//! This module knows nothing of files or of the evaluator. It offers
//! allocation that never collects on its own (`Heap::needs_gc` tells the
//! owner when to), a collection protocol the owner drives with its roots
//! (`begin_gc`, `mark`, `finish_gc`), mapped ranges for dumped objects and
//! the write barrier that keeps collections independent of dump size.

pub mod alloc;
pub mod block;
pub mod collect;
pub mod hash;
pub mod heap;
pub mod object;
pub mod order;
pub mod pacing;
pub mod symbol;
pub mod value;

pub use collect::{GcKind, GcStats};
pub use heap::Heap;
pub use object::{HashTest, VecKind};
pub use symbol::SymFlags;
pub use value::{Tag, Value};

#[cfg(test)]
mod tests;

//! Bit patterns of the value encoding, for tests that craft dump files.
//!
//! Corruption tests patch words of a dump's heap image and obarray with
//! specific encodings (a symbol index past the table, the unbound marker
//! in a cons, a built-in id past the table) and check that the loader
//! refuses them. They need the *bits* of those encodings, and nothing
//! more: everything here produces plain `u64` words and counts, never a
//! value. A word only becomes a value through the dump loader, which
//! checks it first, so nothing here can reach the heap or forge a
//! [`Value`](crate::Value).
//!
//! This module is not part of the embedding API (it is hidden from the
//! documentation and may change with the encoding, as dump files do).
//!
//! ```
//! use minilisp::encoding;
//! assert_eq!(encoding::symbol_bits(0) & encoding::TAG_MASK, 0b101);
//! assert_ne!(encoding::subr_bits(0), encoding::host_fn_bits(0));
//! assert!(encoding::subr_count() > 100);
//! ```

use crate::gc::value::{self, Value};

/// The low bits of a word that hold its tag.
pub const TAG_MASK: u64 = value::TAG_MASK;

/// The word of a void value cell (also an empty hash-table slot's key):
/// the only places a dump may hold it.
pub const UNBOUND_BITS: u64 = Value::UNBOUND.bits();

/// The word naming symbol number `index` of a dump's symbol table.
pub const fn symbol_bits(index: u32) -> u64 {
    Value::symbol(index).bits()
}

/// The word of built-in function number `id` (an immediate).
pub const fn subr_bits(id: u32) -> u64 {
    Value::subr(id).bits()
}

/// The word of host function number `id`: entry `id` of the dump's
/// host-functions section (an immediate).
pub const fn host_fn_bits(id: u32) -> u64 {
    Value::host_fn(id).bits()
}

/// How many built-in functions this build has (valid ids of
/// [`subr_bits`] are below it).
pub fn subr_count() -> usize {
    crate::interp::subr::SUBRS.len()
}

//! The integration tests, one module per suite, in one test binary: each
//! binary links the whole crate, so one binary instead of fifteen keeps
//! `cargo test` from spending most of its time linking. Select a suite by
//! its module path, e.g. `cargo test --release --test it -- pdump_corrupt::`.
//!
//! Tests here run side by side in one process, so none may depend on the
//! process being theirs (its resident set, the dump's preferred address
//! being free, process-wide settings): those live in `tests/own_process/`.

// As in the library: every `unsafe` block says why it is sound.
#![warn(clippy::undocumented_unsafe_blocks, clippy::missing_safety_doc)]

mod cli;
mod compile_fail;
mod conformance;
mod dump_cli;
mod dump_conformance;
mod embedding;
mod ert;
mod fuzz_regressions;
mod host_objects;
mod pdump;
mod pdump_corrupt;
mod pdump_mutation;
mod pdump_records;
mod reliability;
mod repl;

//! Compile-fail tests: what safe code outside the crate must not be able
//! to write (issue 10's soundness rules), each case in
//! `tests/compile_fail/*.rs` with the compiler's errors in its `.stderr`.
//!
//! - `forge_value`, `assemble_value`: no value from bits or from fields;
//! - `private_internals`: no reaching the engine, heap or stack of a `Lisp`;
//! - `engine_modules`: the engine's modules (`gc`, `interp`) are private;
//! - `sealed_from_lisp`: the conversion traits are sealed;
//! - `ctx_escape`: a host function's `Ctx` cannot outlive its call;
//! - `trusted_load_is_unsafe`: skipping a dump's object checks is `unsafe`.
//!
//! The expected errors quote a little of minilisp itself (a sealed
//! trait's implementors in `sealed_from_lisp`, a similarly named method in
//! `forge_value`): adding a conversion can change them.
//! After a deliberate change to what the compiler says (or a new rustc),
//! re-record the expected errors with
//! `TRYBUILD=overwrite cargo test --release --test it -- compile_fail::` and
//! review the diff: each case must still fail for its stated reason.

#[test]
fn compile_fail() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/compile_fail/*.rs");
}

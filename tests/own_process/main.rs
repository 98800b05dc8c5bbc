//! The integration tests that need the test process to themselves, so they
//! cannot share the `it` binary (whose tests run side by side in one
//! process):
//!
//! - `soak`: measures the process's resident set, which other tests'
//!   allocations would move;
//! - `pdump`: asserts that the first file load maps the image at the
//!   preferred address, which any other test holding a loaded dump takes.
//!
//! Each test holds [`alone`] for its whole run, so the two never overlap
//! either.

mod pdump;
mod soak;

/// Held by each test here for as long as it runs: one test at a time.
fn alone() -> std::sync::MutexGuard<'static, ()> {
    static ALONE: std::sync::Mutex<()> = std::sync::Mutex::new(());
    ALONE.lock().unwrap_or_else(|e| e.into_inner())
}

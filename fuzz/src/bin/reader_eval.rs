//! Fuzzes the reader and evaluator: the input is Lisp source, evaluated in
//! a fresh interpreter started from a snapshot of the booted prelude.
//! Legit infinite loops (`(while t)`) are hangs cut by AFL's timeout;
//! `sleep-for` is replaced by a no-op.
use std::sync::OnceLock;

use minilisp::Lisp;
use minilisp::pdump::Snapshot;

fn main() {
    static SNAP: OnceLock<Snapshot> = OnceLock::new();
    let snap = SNAP.get_or_init(|| {
        let mut lisp = Lisp::new().expect("prelude boots");
        // Sleeping only burns the fuzzer's time.
        lisp.eval("(fset 'sleep-for (function (lambda (&rest _) nil)))").expect("sleep-for replaced");
        Snapshot::take(&mut lisp).expect("snapshot")
    });
    // `fuzz!` runs the closure under `catch_unwind`, which wants it
    // `RefUnwindSafe`; a snapshot is not (it holds the host functions'
    // closures). It is only read here, and a panic ends the run (AFL
    // counts it as a crash), so no broken state can be seen afterwards.
    let snap = std::panic::AssertUnwindSafe(snap);
    afl::fuzz!(|data: &[u8]| {
        minilisp_fuzz::run_source(*snap, data);
    });
}

//! Fuzzes the reader and evaluator: the input is Lisp source, evaluated in
//! a fresh interpreter started from a snapshot of the booted prelude.
//! Legit infinite loops (`(while t)`) are hangs cut by AFL's timeout;
//! `sleep-for` is replaced by a no-op.
use std::sync::OnceLock;

use minilisp::Interp;
use minilisp::pdump::Snapshot;

fn main() {
    static SNAP: OnceLock<Snapshot> = OnceLock::new();
    let snap = SNAP.get_or_init(|| {
        let mut interp = Interp::new().expect("prelude boots");
        // Sleeping only burns the fuzzer's time.
        interp.eval_str("(fset 'sleep-for (function (lambda (&rest _) nil)))").expect("sleep-for replaced");
        Snapshot::take(&mut interp)
    });
    afl::fuzz!(|data: &[u8]| {
        minilisp_fuzz::run_source(snap, data);
    });
}

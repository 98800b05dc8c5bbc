//! Interpreter speed: `(fib 25)` from source, as in the Emacs comparison
//! (`scripts/bench-vs-emacs.py` runs both side by side).

mod common;

use minilisp::Interp;

fn main() {
    let mut interp = Interp::new().expect("boot");
    interp.eval_source(include_str!("lisp/fib.el"), "fib.el").expect("load fib.el");
    common::measure("fib 25 (interpreted)", 11, || {
        interp.eval_str("(fib 25)").expect("fib");
    });
    common::measure("boot from prelude sources", 11, || {
        Interp::new().expect("boot");
    });
}

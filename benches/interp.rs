//! Interpreter speed: `(fib 25)` from source, as in the Emacs comparison
//! (`scripts/bench-vs-emacs.py` runs both side by side).

mod common;

use minilisp::Lisp;

fn main() {
    let mut c = common::criterion();
    let mut g = common::slow_group(&mut c, "interp", 5);
    let mut lisp = Lisp::new().expect("boot");
    lisp.load_source(include_str!("lisp/fib.el"), "fib.el").expect("load fib.el");
    common::bench(&mut g, "fib 25 (interpreted)", 11, || {
        lisp.eval("(fib 25)").expect("fib");
    });
    common::bench(&mut g, "boot from prelude sources", 11, || {
        Lisp::new().expect("boot");
    });
    g.finish();
    c.final_summary();
}

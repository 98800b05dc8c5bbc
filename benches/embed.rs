//! The cost of a call from Lisp to a host function against a call to a
//! built-in of the same shape (issue 10's target: at most 1.5x). Both run
//! the same interpreted loop, so the ratio is of whole loops; a loop with
//! no call at all is measured too, to show what the calls themselves cost.
//! The ratio and the cost per call are printed after criterion's report.

mod common;

use minilisp::Lisp;

const LOOP: &str = "(let ((i 0) (acc 0)) (while (< i 200000) (setq acc (CALL acc i)) (setq i (1+ i))) acc)";

fn main() {
    let mut c = common::criterion();
    let mut g = common::slow_group(&mut c, "embed", 5);
    let mut lisp = Lisp::new().expect("boot");
    // Same arity and work as the built-in `logxor`: two integers in, one out.
    lisp.register("host-logxor", |_, (a, b): (i64, i64)| a ^ b);
    let builtin = LOOP.replace("CALL", "logxor");
    let host = LOOP.replace("CALL", "host-logxor");
    let none = LOOP.replace("(CALL acc i)", "i");
    assert_eq!(lisp.eval_to::<i64>(&builtin).unwrap(), lisp.eval_to::<i64>(&host).unwrap());
    let runs = 21;
    let b = common::bench(&mut g, "200k calls to a built-in (logxor)", runs, || {
        lisp.eval(&builtin).unwrap();
    });
    let h = common::bench(&mut g, "200k calls to a host function", runs, || {
        lisp.eval(&host).unwrap();
    });
    let n = common::bench(&mut g, "the same loop without a call", runs, || {
        lisp.eval(&none).unwrap();
    });
    g.finish();
    c.final_summary();
    if let (Some(b), Some(h), Some(n)) = (b.median(), h.median(), n.median()) {
        let per_call = |s: f64| (s - n) / 200_000.0 * 1e9;
        println!("host loop / built-in loop (medians): {:.2}x  (target <= 1.5x)", h / b);
        println!("per call beyond the empty loop: built-in {:.1} ns, host {:.1} ns", per_call(b), per_call(h));
    }
}

//! Collection throughput: milliseconds per million live conses marked and
//! swept, for a flat list and for a car-nested one.

mod common;

use minilisp::Lisp;

fn main() {
    let mut c = common::criterion();
    let mut g = common::group(&mut c, "gc", 5);
    let mut lisp = Lisp::new().expect("boot");
    let n = 1_000_000;
    // A flat list of a million conses, kept live by its handle.
    let list = lisp.eval(&format!("(make-list {n} 1)")).expect("make-list");
    let flat = common::bench(&mut g, "full GC, 1M live conses (flat list)", 21, || {
        lisp.gc();
    });
    drop(list);
    // A million conses each holding the previous one in its car.
    let nested = lisp
        .eval(&format!("(let (x) (dotimes (_ {n}) (setq x (cons x nil))) x)"))
        .expect("nested conses");
    common::bench(&mut g, "full GC, 1M live conses (nested in car)", 21, || {
        lisp.gc();
    });
    drop(nested);
    common::bench(&mut g, "full GC, booted prelude only", 51, || {
        lisp.gc();
    });
    g.finish();
    c.final_summary();
    if let Some(m) = flat.median() {
        println!("full GC of a flat list: {:.2} ms per million live conses (median)", m * 1e3);
    }
}

//! Collection throughput: milliseconds per million live conses marked and
//! swept, for a flat list and for a car-nested one.

mod common;

use minilisp::Lisp;

fn main() {
    let mut lisp = Lisp::new().expect("boot");
    let n = 1_000_000;
    // A flat list of a million conses, kept live by its handle.
    let list = lisp.eval(&format!("(make-list {n} 1)")).expect("make-list");
    let s = common::measure("full GC, 1M live conses (flat list)", 21, || {
        lisp.gc();
    });
    println!("  => {:.2} ms per million live conses", s.median.as_secs_f64() * 1e3);
    drop(list);
    // A million conses each holding the previous one in its car.
    let nested = lisp
        .eval(&format!("(let (x) (dotimes (_ {n}) (setq x (cons x nil))) x)"))
        .expect("nested conses");
    common::measure("full GC, 1M live conses (nested in car)", 21, || {
        lisp.gc();
    });
    drop(nested);
    common::measure("full GC, booted prelude only", 51, || {
        lisp.gc();
    });
}

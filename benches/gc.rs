//! Collection throughput: milliseconds per million live conses marked and
//! swept, for a flat list and for a car-nested one.

mod common;

use minilisp::Interp;

fn main() {
    let mut interp = Interp::new().expect("boot");
    let n = 1_000_000;
    // A flat list of a million conses, rooted on the interpreter's stack.
    let list = interp.eval_str(&format!("(make-list {n} 1)")).expect("make-list");
    interp.push_root(list);
    let s = common::measure("full GC, 1M live conses (flat list)", 21, || {
        interp.gc(&[]);
    });
    println!("  => {:.2} ms per million live conses", s.median.as_secs_f64() * 1e3);
    interp.stack.clear();
    let mut nested = minilisp::Value::NIL;
    for _ in 0..n {
        nested = interp.cons(nested, minilisp::Value::NIL);
        interp.stack.clear();
        interp.push_root(nested);
    }
    common::measure("full GC, 1M live conses (nested in car)", 21, || {
        interp.gc(&[]);
    });
    interp.stack.clear();
    common::measure("full GC, booted prelude only", 51, || {
        interp.gc(&[]);
    });
}

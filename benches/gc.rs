//! Collection throughput: milliseconds per million live conses marked and
//! swept, for a flat list and for a car-nested one.

mod common;

use minilisp::Interp;

fn main() {
    let mut interp = Interp::new().expect("boot");
    let n = 1_000_000;
    // A flat list of a million conses, pinned so it stays live.
    let list = interp.eval_str(&format!("(make-list {n} 1)")).expect("make-list");
    let pin = interp.pin(list);
    let s = common::measure("full GC, 1M live conses (flat list)", 21, || {
        interp.gc(&[]);
    });
    println!("  => {:.2} ms per million live conses", s.median.as_secs_f64() * 1e3);
    interp.unpin(pin);
    let pin = interp.pin(minilisp::Value::NIL);
    for _ in 0..n {
        // `cons` roots its arguments, so the growing chain is safe.
        let nested = interp.cons(interp.pinned(pin), minilisp::Value::NIL);
        interp.unpin(pin);
        assert_eq!(interp.pin(nested), pin);
    }
    common::measure("full GC, 1M live conses (nested in car)", 21, || {
        interp.gc(&[]);
    });
    interp.unpin(pin);
    common::measure("full GC, booted prelude only", 51, || {
        interp.gc(&[]);
    });
}

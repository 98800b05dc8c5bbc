//! Collection throughput: milliseconds per million live conses marked and
//! swept, for a flat list and for a car-nested one; then issue 12's two
//! collector targets on a heap of ten million live conses built by consing
//! in an interpreted loop (so with the loop's garbage between them): a
//! full collection (target <= 100 ms), and a minor collection after 1 MB
//! of new garbage (target <= 1 ms).

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

    let mut g = common::slow_group(&mut c, "gc-10M", 10);
    let big = lisp
        .eval("(let (keep) (dotimes (i 10000000) (setq keep (cons i keep))) keep)")
        .expect("10M list");
    lisp.gc(); // the list is old now
    let full = common::bench(&mut g, "full GC, 10M live conses (consed in a loop)", 10, || {
        lisp.gc();
    });
    g.finish();
    let mut g = common::group(&mut c, "gc-minor", 5);
    g.sample_size(50);
    let garbage = "(let ((i 0)) (while (< i 65536) (cons i i) (setq i (1+ i))))"; // 1 MiB of conses
    let minor = common::Samples::default();
    let record = minor.clone();
    g.bench_function("minor GC, 10M old conses, after 1 MB of garbage", |b| {
        b.iter_custom(|iters| {
            let mut total = std::time::Duration::ZERO;
            for _ in 0..iters {
                lisp.eval(garbage).expect("garbage");
                let t = std::time::Instant::now();
                let stats = lisp.gc_minor();
                total += t.elapsed();
                assert!(!stats.full);
            }
            record.push(total.as_secs_f64() / iters as f64);
            total
        })
    });
    g.finish();
    drop(big);
    c.final_summary();
    if let Some(m) = flat.median() {
        println!("full GC of a flat list: {:.2} ms per million live conses (median)", m * 1e3);
    }
    if let Some(m) = full.median() {
        println!("=> full GC, 10M live conses: {:.1} ms (median; target <= 100 ms)", m * 1e3);
    }
    if let Some(m) = minor.median() {
        println!("=> minor GC, 10M old conses + 1 MB garbage: {:.3} ms (median; target <= 1 ms)", m * 1e3);
    }
}

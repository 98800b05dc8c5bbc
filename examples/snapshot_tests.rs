//! A test harness on snapshot clones: boot once, load the library under
//! test and its fixtures, take a `Snapshot`, and give every test a fresh
//! clone of that state, on as many threads as there are cores. A test
//! that mutates the fixtures cannot disturb the next one, and no test pays
//! for booting.
//!
//! ```sh
//! cargo run --release --example snapshot_tests
//! ```

use std::sync::Arc;
use std::time::Instant;

use minilisp::pdump::Snapshot;
use minilisp::{HostFunctions, Lisp};

/// The library under test, with a host function it depends on.
const LIBRARY: &str = r#"
(defvar inventory nil "The fixture: an alist of (ITEM . COUNT).")
(defun inventory-add (item n)
  (let ((cell (assoc item inventory)))
    (if cell (setcdr cell (+ (cdr cell) n)) (push (cons item n) inventory))
    (host-audit item n)))
(defun inventory-count (item) (or (cdr (assoc item inventory)) 0))
"#;

const FIXTURES: &str = r#"(setq inventory (list (cons "bolt" 10) (cons "nut" 4)))"#;

/// Each test: a name, a form to evaluate, and the printed value expected.
const TESTS: &[(&str, &str, &str)] = &[
    ("count of a fixture", r#"(inventory-count "bolt")"#, "10"),
    ("adding changes the fixture", r#"(progn (inventory-add "bolt" 5) (inventory-count "bolt"))"#, "15"),
    ("the change did not leak", r#"(inventory-count "bolt")"#, "10"),
    ("new items", r#"(progn (inventory-add "washer" 2) (length inventory))"#, "3"),
    ("host function result", r#"(inventory-add "nut" 1)"#, "\"nut+1\""),
    ("errors are results too", r#"(condition-case e (inventory-add "nut" "x") (error (car e)))"#, "wrong-type-argument"),
];

fn host() -> HostFunctions {
    let mut host = HostFunctions::new();
    host.register("host-audit", |_, (item, n): (String, i64)| format!("{item}+{n}"));
    host
}

fn run_test(snapshot: &Snapshot, form: &str) -> String {
    let mut lisp = snapshot.instantiate().expect("a clone of a valid snapshot");
    match lisp.eval(form) {
        Ok(v) => lisp.prin1(&v),
        Err(e) => format!("error: {}", e.message),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let t = Instant::now();
    let mut lisp = Lisp::new()?;
    lisp.install(&host());
    lisp.eval(LIBRARY)?;
    lisp.eval(FIXTURES)?;
    let snapshot = Arc::new(lisp.snapshot()?);
    println!("booted, loaded and snapshotted in {:.2} ms", t.elapsed().as_secs_f64() * 1e3);

    let t = Instant::now();
    let threads: Vec<_> = TESTS
        .iter()
        .map(|&(name, form, expected)| {
            let snapshot = Arc::clone(&snapshot);
            std::thread::spawn(move || (name, expected, run_test(&snapshot, form)))
        })
        .collect();
    let mut failed = 0;
    for t in threads {
        let (name, expected, got) = t.join().expect("test thread");
        let ok = got == expected;
        failed += usize::from(!ok);
        println!("{} {name}{}", if ok { "ok  " } else { "FAIL" }, if ok { String::new() } else { format!(": got {got}, expected {expected}") });
    }
    println!("{} tests in {:.2} ms, {failed} failed", TESTS.len(), t.elapsed().as_secs_f64() * 1e3);

    // What a clone costs, against booting and loading for every test.
    let t = Instant::now();
    for _ in 0..100 {
        snapshot.instantiate()?;
    }
    let clone = t.elapsed().as_secs_f64() / 100.0;
    let t = Instant::now();
    for _ in 0..10 {
        let mut l = Lisp::new()?;
        l.install(&host());
        l.eval(LIBRARY)?;
        l.eval(FIXTURES)?;
    }
    let boot = t.elapsed().as_secs_f64() / 10.0;
    println!("fresh state per test: clone {:.1} µs, boot and load {:.2} ms ({:.0}x)", clone * 1e6, boot * 1e3, boot / clone);
    if failed > 0 {
        std::process::exit(1);
    }
    Ok(())
}

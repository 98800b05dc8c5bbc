//! Soak test: allocation-heavy Lisp (closures, hash tables, strings, errors
//! and throws, and mutation of dumped structure) runs round after round in
//! interpreters started from one dump file, for a set time, and memory
//! must settle: after a warm-up, neither the live objects a full
//! collection finds, nor the heap's blocks, nor the process's resident set
//! keep growing, and every round computes the same answers and leaves the
//! dumped structure as it was dumped.
//!
//! The duration is `MINILISP_SOAK_SECS` (default 20 s; `scripts/test.sh`
//! runs 120 s; at least 30 rounds); `MINILISP_SOAK_RSS=0` skips the
//! resident-set check (for valgrind). Run it by hand for longer:
//!
//!     MINILISP_SOAK_SECS=600 cargo test --release --test own_process -- soak:: --nocapture

use std::path::PathBuf;
use std::time::{Duration, Instant};

use minilisp::{HostFunctions, Lisp};
use minilisp::pdump::{self, LoadOptions, Snapshot};

/// The dumped state: a table, a list, a vector and strings that every
/// round mutates and restores, and the round function itself (so dumped
/// code runs).
const SETUP: &str = r#"
(defvar soak-table (make-hash-table :test 'equal))
(dotimes (i 300) (puthash (format "k%d" i) (list i (* i i)) soak-table))
(defvar soak-ids (make-hash-table :test 'eq))
(defvar soak-list (number-sequence 1 1000))
(defvar soak-vector (make-vector 500 nil))
(defvar soak-strings (mapcar (lambda (i) (format "s%d" i)) (number-sequence 1 200)))
(defvar soak-last-closure nil)

(defun soak-digest ()
  "A printed summary of every dumped structure the rounds touch."
  (let ((n 0))
    (maphash (lambda (_k v) (setq n (+ n (car v) (cadr v)))) soak-table)
    (list (hash-table-count soak-table) n (hash-table-count soak-ids)
          (apply #'+ soak-list) (length soak-vector)
          (mapconcat #'identity soak-strings ","))))

(defun soak-round (seed)
  "Allocates heavily, mutates the dumped structure and restores it;
returns a number that depends only on SEED."
  (let ((sum 0))
    ;; Closures over fresh environments.
    (let ((adders (mapcar (lambda (i) (lambda (x) (+ x i seed))) (number-sequence 1 200))))
      (dolist (f adders) (setq sum (+ sum (funcall f 1)))))
    ;; A fresh table with fresh string keys and values.
    (let ((h (make-hash-table :test 'equal)))
      (dotimes (i 2000) (puthash (format "key-%09d-%d" seed i) (make-string 20 ?x) h))
      (setq sum (+ sum (hash-table-count h))))
    ;; Strings built piece by piece (each concat a new string).
    (let ((s ""))
      (dotimes (i 200) (setq s (concat s (number-to-string i))))
      (setq sum (+ sum (length s))))
    ;; Errors and throws unwind through allocation.
    (dotimes (i 50)
      (setq sum (+ sum (condition-case nil
                           (let ((tmp (make-list 20 i))) (car (nthcdr 30 (error "boom %S" tmp))))
                         (error 1))))
      (setq sum (+ sum (catch 'done (let ((v (make-vector 10 i))) (throw 'done (length v)))))))
    ;; Dumped table: fresh entries added then removed, dumped values
    ;; replaced by fresh lists.
    (dotimes (i 500) (puthash (format "tmp-%d" i) (list seed i) soak-table))
    (dotimes (i 500) (remhash (format "tmp-%d" i) soak-table))
    (maphash (lambda (k v) (puthash k (list (car v) (cadr v)) soak-table)) soak-table)
    ;; Dumped identity table keyed by fresh conses, emptied again.
    (dotimes (i 300) (puthash (cons seed i) i soak-ids))
    (clrhash soak-ids)
    ;; Dumped list: cars replaced by fresh conses, then restored.
    (let ((l soak-list) (i 1))
      (while l (setcar l (list i seed)) (setq l (cdr l) i (1+ i))))
    (garbage-collect)
    (let ((l soak-list) (i 1))
      (while l (setq sum (+ sum (- (car (car l)) i))) (setcar l i) (setq l (cdr l) i (1+ i))))
    ;; Dumped vector: fresh strings and floats (kept until the next round).
    (dotimes (i 500) (aset soak-vector i (if (= 0 (% i 2)) (format "%09d.%d" seed i) (/ seed (+ i 1.0)))))
    ;; Dumped strings: a multibyte character grows the bytes past the
    ;; mapped payload, then the ASCII one is put back.
    (dolist (s soak-strings) (aset s 0 ?é) (aset s 0 ?s))
    ;; A dumped variable holds a fresh closure until the next round.
    (setq soak-last-closure (let ((x seed)) (lambda () x)))
    (setq sum (+ sum (- (funcall soak-last-closure) seed)))
    sum))
"#;

/// What `(soak-round SEED)` returns: 200 closures give sum(1 + i + seed),
/// 2000 table entries, a 490-character string, 50 caught errors and 50
/// throws of a 10-element vector's length.
fn expected_round(seed: i64) -> i64 {
    (1..=200).map(|i| 1 + i + seed).sum::<i64>() + 2000 + 490 + 50 + 50 * 10
}

/// Resident set size of this process, in bytes.
fn rss_bytes() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").expect("/proc/self/statm");
    let pages: u64 = statm.split_whitespace().nth(1).and_then(|s| s.parse().ok()).expect("resident pages");
    pages * 4096
}

fn eval(lisp: &mut Lisp, src: &str) -> String {
    match lisp.eval(src) {
        Ok(v) => lisp.prin1(&v),
        Err(e) => panic!("{src} signalled {}", e.object),
    }
}

/// One measurement, taken after a round and a full collection.
#[derive(Clone, Copy, Debug)]
struct Sample {
    /// Live cells, string bytes and vector slots the collection kept: exact,
    /// so anything a round leaves reachable shows up here.
    live: usize,
    blocks: usize,
    rss: u64,
}

#[test]
fn allocation_heavy_rounds_on_dumped_heaps_reach_a_steady_state() {
    let _alone = crate::alone();
    let secs: u64 = std::env::var("MINILISP_SOAK_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(20);
    let dir = std::env::temp_dir().join(format!("minilisp-soak-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path: PathBuf = dir.join("soak.pdmp");

    let mut origin = Lisp::new().expect("prelude boots");
    eval(&mut origin, SETUP);
    let digest = eval(&mut origin, "(soak-digest)");
    pdump::dump_to_file(&mut origin, &path).expect("dump");
    drop(origin);

    // Three interpreters from the one file: the first mapping lands at the
    // preferred address, the second is relocated, the third is an
    // in-memory snapshot's copy.
    let snapshot = Snapshot::from_bytes(std::fs::read(&path).unwrap(), &HostFunctions::new()).expect("valid dump");
    let mut lisps = vec![
        pdump::load_file(&path, LoadOptions::default()).expect("load"),
        pdump::load_file(&path, LoadOptions::default()).expect("load again"),
        snapshot.instantiate().expect("instantiate"),
    ];
    std::fs::remove_dir_all(&dir).unwrap();
    for lisp in &mut lisps {
        assert_eq!(eval(lisp, "(soak-digest)"), digest, "dumped state differs after load");
    }

    let start = Instant::now();
    let mut samples: Vec<Sample> = Vec::new();
    let mut round: i64 = 0;
    while start.elapsed() < Duration::from_secs(secs) || samples.len() < 30 {
        for lisp in &mut lisps {
            round += 1;
            let got = eval(lisp, &format!("(soak-round {round})"));
            assert_eq!(got, expected_round(round).to_string(), "round {round}");
            assert_eq!(eval(lisp, "(soak-digest)"), digest, "round {round} left the dumped state changed");
        }
        let mut live = 0;
        for lisp in &mut lisps {
            let s = lisp.gc();
            live += s.conses.0 + s.strings.0 + s.string_bytes + s.vector_slots.0 + s.floats.0 + s.hash_tables;
        }
        samples.push(Sample { live, blocks: lisps.iter().map(|i| i.heap_stats().blocks).sum(), rss: rss_bytes() });
    }

    // Warm-up: the first tenth (allocator pools, dirty pages, tables grown
    // to their peak). Then the later half must not exceed the earlier one.
    // (Rounds write their seed zero-padded, so the live data of a round
    // does not grow with the seed's digits.)
    let warm = (samples.len() / 10).max(5);
    let rest = &samples[warm..];
    let (early, late) = rest.split_at(rest.len() / 2);
    let max_live = |s: &[Sample]| s.iter().map(|s| s.live).max().unwrap();
    let max_blocks = |s: &[Sample]| s.iter().map(|s| s.blocks).max().unwrap();
    let max_rss = |s: &[Sample]| s.iter().map(|s| s.rss).max().unwrap();
    let mib = |b: u64| b as f64 / (1 << 20) as f64;
    eprintln!(
        "soak: {round} rounds in {:.1?}; live early max {} late max {}; blocks early max {} late max {}; RSS after warm-up {:.1} MiB, early max {:.1} MiB, late max {:.1} MiB",
        start.elapsed(),
        max_live(early),
        max_live(late),
        max_blocks(early),
        max_blocks(late),
        mib(rest[0].rss),
        mib(max_rss(early)),
        mib(max_rss(late)),
    );
    assert!(
        max_live(late) <= max_live(early),
        "live data keeps growing: early max {}, late max {}",
        max_live(early),
        max_live(late)
    );
    assert!(
        max_blocks(late) <= max_blocks(early),
        "heap blocks keep growing: early max {}, late max {}",
        max_blocks(early),
        max_blocks(late)
    );
    // The allocator may keep a little more than before; a leak of even a
    // few bytes per object would grow by far more than this over the run.
    // Under valgrind (`MINILISP_SOAK_RSS=0`) the resident set means
    // nothing: memcheck holds freed blocks in its quarantine.
    if std::env::var("MINILISP_SOAK_RSS").is_ok_and(|v| v == "0") {
        return;
    }
    let slack = 2 << 20;
    assert!(
        max_rss(late) <= max_rss(early) + slack,
        "resident set keeps growing: early max {:.1} MiB, late max {:.1} MiB",
        mib(max_rss(early)),
        mib(max_rss(late))
    );
}

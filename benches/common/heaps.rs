//! The shared generator of test heaps and workloads for the dump benches.

/// Lisp that builds a heap of roughly `mb` megabytes of live data: long
/// lists, many strings and vectors, and one big hash table.
pub fn heap_program(mb: usize) -> String {
    // Per unit: 20k conses (320 kB) + 2k strings (~100 kB) + 500 vectors
    // (~60 kB) + 2k hash entries (~64 kB), about 0.55 MB of heap.
    let units = (mb * 1000).div_ceil(550).max(1);
    format!(
        r#"(progn
  (defvar bench-lists nil)
  (defvar bench-strings nil)
  (defvar bench-vectors nil)
  (defvar bench-table (make-hash-table :test 'equal :size {size}))
  (dotimes (u {units})
    (push (number-sequence 1 20000) bench-lists)
    (dotimes (i 2000) (push (format "string %d of unit %d with some text" i u) bench-strings))
    (dotimes (i 500) (push (make-vector 12 u) bench-vectors))
    (dotimes (i 2000) (puthash (format "k%d-%d" u i) (cons u i) bench-table)))
  t)"#,
        size = units * 2000,
    )
}

/// A library-shaped workload: `n` functions plus tables computed at load.
pub fn library_program(n: usize) -> String {
    let mut src = String::from(";;; -*- lexical-binding: t -*-\n");
    for i in 0..n {
        src.push_str(&format!(
            "(defun lib-fn-{i} (x &optional y)\n  \"Function {i}.\"\n  (let ((acc (list x {i})))\n    (when y (push y acc))\n    (dolist (e acc) (setq x (+ x (if (numberp e) e 0))))\n    (cons x acc)))\n"
        ));
    }
    src.push_str(&format!(
        "(defvar lib-table (let ((h (make-hash-table :test 'equal))) (dotimes (i {n}) (puthash (format \"lib-fn-%d\" i) (intern (format \"lib-fn-%d\" i)) h)) h))\n"
    ));
    src.push_str("(defvar lib-primes (let (ps) (dotimes (i 20000) (let ((n (+ i 2))) (unless (let ((d 2) (c nil)) (while (and (not c) (<= (* d d) n)) (when (= 0 (% n d)) (setq c t)) (setq d (1+ d))) c) (push n ps)))) (nreverse ps)))\n");
    src
}

//! Writes the seed dumps for the dump targets into the directory given as
//! the first argument. Built by the same `cargo afl build` as the targets,
//! so the dumps carry the fuzz build's fingerprint.
use std::path::PathBuf;

use minilisp::Lisp;
use minilisp::pdump::Snapshot;

/// Every object kind the image can hold, reachable from named variables
/// (the names `DUMP_PROGRAM` uses), and the harness's host functions
/// (recorded in the dump's host-functions section).
const SETUP: &str = r#"
(defvar fz-list (list 1 2 3 'a "s"))
(defvar fz-nested (list (list 'a 'b) (vector 1 2) "str" 1.5))
(defvar fz-vec (vector 'a "b" '(c) [d] 1.5 nil))
(defvar fz-str (copy-sequence "ascii"))
(defvar fz-mstr (copy-sequence "héllo wörld"))
(defvar fz-float 2.75)
(defvar fz-big (expt 7 40))
(defvar fz-key (list 'key))
(defvar fz-uninterned (make-symbol "unint"))
(defvar fz-eq (let ((h (make-hash-table :test 'eq)))
  (puthash fz-key 'k h) (puthash 'sym 'sym-val h) (puthash 42 'fix h) (puthash "str" 'str h)
  (puthash (list 0) 0 h) (puthash (list 1) 1 h) (puthash (list 2) 4 h) (remhash 42 h) h))
(defvar fz-eql (let ((h (make-hash-table :test 'eql :size 4)))
  (puthash 3.0 'three h) (puthash fz-big 'big h) (puthash fz-float 'f h) h))
(defvar fz-equal (let ((h (make-hash-table :test 'equal)))
  (puthash "s" 1 h) (puthash '(1 2) 2 h) (puthash [1 2] 3 h) h))
(fset 'fz-fn (function (lambda (x) (list x (* x 2) fz-str))))
(put 'fz-fn 'prop (list "p" 1.0))
(defvar fz-closure (let ((c (list 'captured))) (function (lambda (y) (cons y c)))))
(defvar fz-host (list (symbol-function 'fz-host-add) (symbol-function 'fz-host-rest)))
"#;

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).expect("usage: gen_seeds DIR"));
    std::fs::create_dir_all(&dir).expect("create seed dir");
    let mut bare = Lisp::bare();
    let write = |name: &str, lisp: &mut Lisp| {
        let snap = Snapshot::take(lisp).expect("snapshot");
        std::fs::write(dir.join(name), snap.bytes()).expect("write seed");
        eprintln!("{name}: {} bytes", snap.bytes().len());
    };
    write("bare.dump", &mut bare);
    let mut small = Lisp::bare();
    small.install(minilisp_fuzz::host_functions());
    small.load_source(SETUP, "setup.el").expect("setup evaluates");
    write("bare-objects.dump", &mut small);
    let mut full = Lisp::new().expect("prelude boots");
    full.install(minilisp_fuzz::host_functions());
    full.load_source(SETUP, "setup.el").expect("setup evaluates");
    write("prelude-objects.dump", &mut full);
}

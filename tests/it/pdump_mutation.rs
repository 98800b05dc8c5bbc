//! Dumped heaps under mutation and collection: dumped objects written to
//! point at fresh ones keep them alive (the write barrier's remembered
//! set), identity hash tables still find their keys after the image moved,
//! interpreters started from one snapshot are independent, and a dump of a
//! loaded dump round-trips.
//!
//! The oracle for every program is the interpreter that was dumped (or an
//! identical one never dumped): running the same steps there must print
//! exactly the same.

use std::path::PathBuf;

use minilisp::Lisp;
use minilisp::pdump::{self, LoadOptions, Snapshot, Verify};

/// Every object kind in dumped variables, identity-keyed tables of each
/// test, functions and properties.
const SETUP: &str = r#"
(defvar m-list (list 1 2 3 4 5))
(defvar m-nested (list (list 'a 'b) (vector 1 2 3) "str"))
(defvar m-vec (vector 'a "b" '(c) [d] 1.5 nil nil))
(defvar m-str (copy-sequence "ascii"))
(defvar m-mstr (copy-sequence "héllo wörld"))
(defvar m-sortme (list 5 3 9 1 7 2))
(defvar m-rev (list 1 2 3 4))
(defvar m-tail (list 'x))
(defvar m-svec (vector 3 1 2 0))
(defvar m-var 'dumped-value)
(defvar m-grow-keys nil)
(defvar m-new-key (list 'new-key))
(defun m-fn () 'old)
(put 'm-fn 'prop 'old-prop)
(defvar k-cons (list 'key 1))
(defvar k-str (copy-sequence "key-string"))
(defvar k-vec (vector 'key 2))
(defvar k-float 2.75)
(defvar k-big (expt 7 40))
(defvar m-eq (let ((h (make-hash-table :test 'eq)))
               (puthash k-cons 'cons-val h) (puthash k-str 'str-val h) (puthash k-vec 'vec-val h)
               (puthash 'sym 'sym-val h) (puthash 42 'fix-val h) (puthash k-float 'float-val h)
               (dotimes (i 30) (puthash (list i) (* i i) h))
               (remhash k-float h)
               h))
(defvar m-eql (let ((h (make-hash-table :test 'eql :size 4)))
                (puthash k-float 'float-val h) (puthash k-big 'big-val h)
                (puthash k-cons 'cons-val h) (puthash 3.0 'three h) h))
(defvar m-equal (let ((h (make-hash-table :test 'equal)))
                  (puthash "s" 1 h) (puthash '(1 2) 2 h) (puthash [1 2] 3 h) (puthash k-cons 4 h)
                  (puthash k-str 5 h) h))
(defvar m-clr (let ((h (make-hash-table :test 'eq))) (puthash 'a 1 h) (puthash 'b 2 h) h))
(defvar m-keys-before (let (acc) (maphash (lambda (k _v) (push k acc)) m-eq) (nreverse acc)))
(defun m-same-keys (table keys)
  "True if TABLE's keys are exactly KEYS (by identity), in order."
  (let ((ok t))
    (maphash (lambda (k _v) (if (and keys (eq k (car keys))) (setq keys (cdr keys)) (setq ok nil))) table)
    (and ok (null keys))))
"#;

/// Lookups by the dumped key objects themselves (the image moved, so the
/// identity tables' buckets are stale until rebuilt), before any mutation.
const IDENTITY: &str = r#"
(list (gethash k-cons m-eq) (gethash k-str m-eq) (gethash k-vec m-eq) (gethash 'sym m-eq) (gethash 42 m-eq)
      (gethash k-float m-eq) (mapcar (lambda (k) (gethash k m-eq)) m-keys-before)
      (m-same-keys m-eq m-keys-before) (hash-table-count m-eq)
      (gethash (copy-sequence "key-string") m-eq) (gethash (list 'key 1) m-eq)
      (gethash k-float m-eql) (gethash 2.75 m-eql) (gethash k-big m-eql) (gethash (expt 7 40) m-eql)
      (gethash k-cons m-eql) (gethash (list 'key 1) m-eql) (gethash 3.0 m-eql)
      (gethash "s" m-equal) (gethash (list 1 2) m-equal) (gethash (vector 1 2) m-equal)
      (gethash (list 'key 1) m-equal) (gethash "key-string" m-equal)
      (let (acc) (maphash (lambda (k v) (push (list k v) acc)) m-eql) (nreverse acc))
      (let (acc) (maphash (lambda (k v) (push (list k v) acc)) m-equal) (nreverse acc)))
"#;

/// Points dumped structure at fresh objects (reachable only from there).
const MUTATE: &str = r#"
(setcar m-list (list 'fresh (make-string 3 ?x)))
(setcdr (nthcdr 2 m-list) (list (make-vector 2 'v) (* 1.5 3) (expt 3 50)))
(setcar (car m-nested) (copy-sequence "new-car"))
(aset (nth 1 m-nested) 0 (list 'in-vec (make-string 2 ?q)))
(aset m-vec 5 (make-hash-table :test 'equal))
(puthash (copy-sequence "young") (list 'y (make-string 4 ?y)) (aref m-vec 5))
(aset m-vec 6 (vector (make-string 1 ?a) (copy-sequence "bc") (expt 2 80)))
(aset m-str 0 ?X)
(aset m-mstr 1 ?e)
(aset m-mstr 7 ?€)
(aset m-str 4 ?😀)
(setcar m-sortme (* 2.5 2))
(setq m-sortme (sort m-sortme #'<))
(aset m-svec 0 (* 1.5 2))
(aset m-svec 3 (expt 2 70))
(sort m-svec #'<)
(setcdr (last m-sortme) (list (make-string 1 ?s)))
(setq m-rev (nreverse m-rev))
(push (make-string 2 ?p) (cdr m-rev))
(nconc m-tail (list (make-string 2 ?t) (make-vector 1 'nv)))
(fset 'm-fn (let ((captured (make-string 3 ?c))) (lambda () (list 'new captured))))
(put 'm-fn 'prop (list (make-vector 2 'pv)))
(put 'm-fn 'other (copy-sequence "other"))
(set 'm-var (list 'set (make-string 2 ?v)))
(puthash k-cons (list 'replaced (make-string 2 ?r)) m-eq)
(puthash m-new-key (make-string 3 ?n) m-eq)
(remhash 'sym m-eq)
(puthash 'sym2 (make-vector 1 'after-rem) m-eq)
(remhash k-float m-eql)
(puthash 9.5 (copy-sequence "nine") m-eql)
(dotimes (i 40)
  (let ((k (list 'grow i)))
    (setq m-grow-keys (cons k m-grow-keys))
    (puthash k (make-string 1 ?g) m-eql)))
(puthash (copy-sequence "fresh-key") (make-string 2 ?f) m-equal)
(remhash "s" m-equal)
(clrhash m-clr)
(puthash 'c (list (make-string 2 ?c)) m-clr)
"#;

/// Everything the mutations reached, read back.
const READBACK: &str = r#"
(list m-list m-nested m-vec (gethash "young" (aref m-vec 5))
      m-str (length m-str) (string-bytes m-str) (= (length m-str) (string-bytes m-str))
      m-mstr (length m-mstr) (string-bytes m-mstr)
      m-sortme m-svec m-rev m-tail (m-fn) (get 'm-fn 'prop) (get 'm-fn 'other) m-var
      (gethash k-cons m-eq) (gethash k-str m-eq) (gethash k-vec m-eq) (gethash 42 m-eq)
      (gethash 'sym m-eq) (gethash 'sym2 m-eq) (gethash m-new-key m-eq) (hash-table-count m-eq)
      (mapcar (lambda (k) (gethash k m-eq)) m-keys-before)
      (gethash k-float m-eql) (gethash k-big m-eql) (gethash (expt 7 40) m-eql) (gethash k-cons m-eql)
      (gethash 3.0 m-eql) (gethash 9.5 m-eql) (mapcar (lambda (k) (gethash k m-eql)) m-grow-keys)
      (hash-table-count m-eql) (gethash (list 'grow 1) m-eql)
      (gethash "s" m-equal) (gethash '(1 2) m-equal) (gethash [1 2] m-equal) (gethash (list 'key 1) m-equal)
      (gethash "fresh-key" m-equal)
      (let (acc) (maphash (lambda (k v) (push (list k v) acc)) m-equal) (nreverse acc))
      (let (acc) (maphash (lambda (_k v) (push v acc)) m-eq) (nreverse acc))
      (let (acc) (maphash (lambda (k v) (push (cons k v) acc)) m-clr) acc)
      (let (acc) (maphash (lambda (k v) (push (cons k v) acc)) (aref m-vec 5)) acc))
"#;

/// Garbage that reuses the memory of anything wrongly freed.
fn churn(lisp: &mut Lisp, n: usize) {
    let src = format!(
        "(let (l) (dotimes (i {n}) (push (list i (make-string 5 ?z) (make-vector 3 i) (* i 1.5)) l)) (length l))"
    );
    assert_eq!(eval(lisp, &src), n.to_string());
}

fn eval(lisp: &mut Lisp, src: &str) -> String {
    match lisp.eval(src) {
        Ok(v) => lisp.prin1(&v),
        Err(e) => format!("ERROR {}", e.object),
    }
}

fn booted() -> Lisp {
    let mut i = Lisp::new().unwrap();
    i.eval(SETUP).unwrap();
    i
}

/// Runs the whole scenario: identity lookups, mutations, collections with
/// garbage in between, read-back. Returns what was printed. The
/// collections are minor, major, minor: a minor one traces only what the
/// write barrier recorded of the dumped (or old) objects the mutations
/// wrote.
fn scenario(lisp: &mut Lisp, churn_size: usize) -> (String, String) {
    let identity = eval(lisp, IDENTITY);
    let m = eval(lisp, MUTATE);
    assert!(!m.starts_with("ERROR"), "{m}");
    for i in 0..3 {
        churn(lisp, churn_size);
        if i % 2 == 0 {
            lisp.gc_minor();
        } else {
            lisp.gc();
        }
    }
    let first = eval(lisp, READBACK);
    churn(lisp, churn_size);
    lisp.gc();
    assert_eq!(eval(lisp, READBACK), first, "a second read-back differs");
    (identity, first)
}

/// What `IDENTITY` and `READBACK` print: recorded from Emacs 28.2 running
/// SETUP, IDENTITY, MUTATE, `(garbage-collect)`, READBACK in one file.
const EMACS_IDENTITY: &str = r#"(cons-val str-val vec-val sym-val fix-val nil (cons-val str-val vec-val sym-val fix-val 0 1 4 9 16 25 36 49 64 81 100 121 144 169 196 225 256 289 324 361 400 441 484 529 576 625 676 729 784 841) t 35 nil nil float-val float-val big-val big-val cons-val nil three 1 2 3 4 5 ((2.75 float-val) (6366805760909027985741435139224001 big-val) ((key 1) cons-val) (3.0 three)) (("s" 1) ((1 2) 2) ([1 2] 3) ((key 1) 4) ("key-string" 5)))"#;
const EMACS_READBACK: &str = r#"(((fresh "xxx") 2 3 [v v] 4.5 717897987691852588770249) (("new-car" b) [(in-vec "qq") 2 3] "str") [a "b" (c) [d] 1.5 #s(hash-table size 65 test equal rehash-size 1.5 rehash-threshold 0.8125 data ("young" (y "yyyy"))) ["a" "bc" 1208925819614629174706176]] (y "yyyy") "Xsci😀" 5 8 nil "hello w€rld" 11 13 (1 2 3 5.0 7 9 "s") [1 2 3.0 1180591620717411303424] (4 "pp" 3 2 1) (x "tt" [nv]) (new "ccc") ([pv pv]) "other" (set "vv") (replaced "rr") str-val vec-val fix-val nil [after-rem] "nnn" 36 ((replaced "rr") str-val vec-val nil fix-val 0 1 4 9 16 25 36 49 64 81 100 121 144 169 196 225 256 289 324 361 400 441 484 529 576 625 676 729 784 841) nil big-val big-val cons-val three "nine" ("g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g" "g") 44 nil nil 2 3 4 "ff" (((1 2) 2) ([1 2] 3) ((key 1) 4) ("key-string" 5) ("fresh-key" "ff")) ((replaced "rr") str-val vec-val [after-rem] fix-val "nnn" 0 1 4 9 16 25 36 49 64 81 100 121 144 169 196 225 256 289 324 361 400 441 484 529 576 625 676 729 784 841) ((c "cc")) (("young" y "yyyy")))"#;

/// What the scenario prints: checked once on an interpreter that was never
/// dumped (which must agree with Emacs).
fn expected() -> &'static (String, String) {
    static E: std::sync::OnceLock<(String, String)> = std::sync::OnceLock::new();
    E.get_or_init(|| {
        let got = scenario(&mut booted(), 2000);
        assert_eq!(got.0, EMACS_IDENTITY);
        assert_eq!(got.1, EMACS_READBACK);
        got
    })
}

fn temp_dir() -> PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("pdump-mutation-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Loads happen at the preferred address when it is free (the first file
/// loaded in this process) and relocated otherwise; both must behave alike.
fn assert_loaded(lisp: &Lisp) {
    assert!(lisp.dump_stats().is_some(), "loaded from a dump");
}

#[test]
fn mutations_of_an_instantiated_snapshot_survive_collection() {
    let snap = Snapshot::take(&mut booted()).unwrap();
    let mut a = snap.instantiate().unwrap();
    assert_loaded(&a);
    assert_eq!(&scenario(&mut a, 20000), expected());
    assert!(a.heap_stats().remembered > 10, "dumped objects were written through the barrier");
    // The snapshot is untouched: a new instance sees the dumped state.
    let mut b = snap.instantiate().unwrap();
    assert_eq!(eval(&mut b, "(list m-list m-str m-mstr (m-fn) (gethash k-cons m-eq))"), r#"((1 2 3 4 5) "ascii" "héllo wörld" old cons-val)"#);
}

#[test]
fn mutations_of_a_loaded_file_survive_collection() {
    let path = temp_dir().join("mutation.pdmp");
    pdump::dump_to_file(&mut booted(), &path).unwrap();
    // Fully verified, then (from the second load on) by its record.
    for verify in [Verify::Always, Verify::Once, Verify::Once] {
        let mut a = pdump::load_file(&path, LoadOptions { verify, ..Default::default() }).unwrap();
        assert_loaded(&a);
        assert_eq!(&scenario(&mut a, 20000), expected());
    }
    // Two live mappings of one file are private to their interpreter.
    let mut a = pdump::load_file(&path, LoadOptions::default()).unwrap();
    let mut b = pdump::load_file(&path, LoadOptions::default()).unwrap();
    eval(&mut a, "(progn (aset m-str 0 ?Z) (setcar m-list 'changed) (puthash 'sym 'changed m-eq))");
    assert_eq!(eval(&mut b, "(list m-str (car m-list) (gethash 'sym m-eq))"), r#"("ascii" 1 sym-val)"#);
    assert_eq!(eval(&mut a, "(list m-str (car m-list) (gethash 'sym m-eq))"), r#"("Zscii" changed changed)"#);
    drop(a);
    assert_eq!(eval(&mut b, "(list m-str (car m-list))"), r#"("ascii" 1)"#);
    // The file itself is never written.
    let again = pdump::load_file(&path, LoadOptions::default()).unwrap();
    drop(again);
    let _ = std::fs::remove_file(&path);
}

#[test]
fn mutations_under_gc_stress() {
    let snap = Snapshot::take(&mut booted()).unwrap();
    let mut a = snap.instantiate().unwrap();
    a.set_gc_stress(true);
    let (identity, readback) = scenario(&mut a, 300);
    // Fewer garbage objects under stress: compare with the same run unstressed.
    let mut b = snap.instantiate().unwrap();
    assert_eq!((identity, readback), scenario(&mut b, 300));
    assert_eq!(&scenario(&mut snap.instantiate().unwrap(), 300), expected());

    let path = temp_dir().join("stress.pdmp");
    pdump::dump_to_file(&mut booted(), &path).unwrap();
    let mut c = pdump::load_file(&path, LoadOptions::default()).unwrap();
    c.set_gc_stress(true);
    assert_eq!(&scenario(&mut c, 300), expected());
    let _ = std::fs::remove_file(&path);
}

#[test]
fn identity_tables_after_load() {
    let snap = Snapshot::take(&mut booted()).unwrap();
    let mut a = snap.instantiate().unwrap();
    assert_loaded(&a);
    assert_eq!(eval(&mut a, IDENTITY), expected().0);
    // Insertion after load, then lookups of old and new keys; order is
    // slot order (new keys after the dumped ones, freed slots reused).
    let out = eval(
        &mut a,
        r#"(let ((fresh (list 'fresh)) (fstr (copy-sequence "fresh")) (fvec (vector 'fresh)))
             (puthash fresh 1 m-eq) (puthash fstr 2 m-eq) (puthash fvec 3 m-eq)
             (garbage-collect)
             (list (gethash fresh m-eq) (gethash fstr m-eq) (gethash fvec m-eq)
                   (gethash k-cons m-eq) (gethash k-str m-eq) (gethash k-vec m-eq)
                   (gethash (list 'fresh) m-eq) (hash-table-count m-eq)
                   (let (acc) (maphash (lambda (k v) (push v acc)) m-eq) (nreverse acc))))"#,
    );
    assert_eq!(
        out,
        "(1 2 3 cons-val str-val vec-val nil 38 (cons-val str-val vec-val sym-val fix-val 1 0 1 4 9 16 25 36 49 64 81 100 121 144 169 196 225 256 289 324 361 400 441 484 529 576 625 676 729 784 841 2 3))"
    );
    // The same order as Emacs 28.2 (the removed float key's slot is reused first).
    // remhash of a dumped key, then a rehash by growth, keep identity lookups working.
    let out = eval(
        &mut a,
        r#"(progn (remhash k-str m-eq)
                  (dotimes (i 200) (puthash (make-string 1 ?k) i m-eq))
                  (list (gethash k-str m-eq) (gethash k-cons m-eq) (gethash k-vec m-eq)
                        (mapcar (lambda (k) (gethash k m-eq)) (last m-keys-before 3))))"#,
    );
    assert_eq!(out, "(nil cons-val vec-val (729 784 841))");
    // copy-hash-table of a dumped (stale) table.
    let mut b = snap.instantiate().unwrap();
    assert_eq!(
        eval(&mut b, "(let ((c (copy-hash-table m-eq))) (list (gethash k-cons c) (gethash k-vec c) (m-same-keys c m-keys-before)))"),
        "(cons-val vec-val t)"
    );
}

#[test]
fn snapshot_clones_on_threads_do_not_share_state() {
    let snap = Snapshot::take(&mut booted()).unwrap();
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let snap = snap.clone();
            std::thread::spawn(move || {
                let mut a = snap.instantiate().unwrap();
                for round in 0..3 {
                    let tag = format!("t{t}r{round}");
                    eval(
                        &mut a,
                        &format!(
                            r#"(progn (setcar m-list (copy-sequence "{tag}"))
                                      (aset m-str 0 ?{c}) (aset m-vec 0 (list "{tag}"))
                                      (puthash k-cons "{tag}" m-eq) (puthash '{tag} {t} m-eq)
                                      (fset 'm-fn (lambda () "{tag}")) (put 'm-fn 'prop "{tag}"))"#,
                            c = (b'a' + t as u8) as char
                        ),
                    );
                    churn(&mut a, 3000);
                    a.gc();
                    let got = eval(
                        &mut a,
                        &format!("(list (car m-list) (substring m-str 0 1) (aref m-vec 0) (gethash k-cons m-eq) (gethash '{tag} m-eq) (m-fn) (get 'm-fn 'prop) (hash-table-count m-eq))"),
                    );
                    let c = (b'a' + t as u8) as char;
                    let want = format!(r#"("{tag}" "{c}" ("{tag}") "{tag}" {t} "{tag}" "{tag}" {})"#, 36 + round);
                    assert_eq!(got, want, "thread {t} round {round}");
                }
            })
        })
        .collect();
    for t in threads {
        t.join().expect("a thread failed");
    }
    let mut fresh = snap.instantiate().unwrap();
    assert_eq!(eval(&mut fresh, IDENTITY), expected().0);
}

#[test]
fn a_dump_of_a_loaded_dump_round_trips() {
    let dir = temp_dir();
    let (first, second) = (dir.join("gen1.pdmp"), dir.join("gen2.pdmp"));
    pdump::dump_to_file(&mut booted(), &first).unwrap();
    let mut a = pdump::load_file(&first, LoadOptions::default()).unwrap();
    let (identity, readback) = scenario(&mut a, 5000);
    assert_eq!((&identity, &readback), (&expected().0, &expected().1));
    // Dump the mutated interpreter: dumped objects pointing at young ones,
    // strings grown out of the image, tables rehashed or still stale.
    pdump::dump_to_file(&mut a, &second).unwrap();
    drop(a);
    let mut b = pdump::load_file(&second, LoadOptions::default()).unwrap();
    assert_loaded(&b);
    assert_eq!(eval(&mut b, READBACK), readback);
    churn(&mut b, 5000);
    b.gc();
    assert_eq!(eval(&mut b, READBACK), readback);
    // And once more, through a snapshot, after more mutation.
    eval(&mut b, r#"(progn (setcar m-list (make-string 2 ?3)) (puthash k-vec (list "gen3") m-eq) (aset m-mstr 0 ?H))"#);
    let after = eval(&mut b, READBACK);
    assert!(after.contains(r#"("33" "#) && after.contains(r#""Hello w€rld""#), "{after}");
    let snap = Snapshot::take(&mut b).unwrap();
    let mut c = snap.instantiate().unwrap();
    c.set_gc_stress(true);
    assert_eq!(eval(&mut c, READBACK), after);
    churn(&mut c, 200);
    assert_eq!(eval(&mut c, READBACK), after);
    // Dumping is deterministic for a loaded dump too.
    assert_eq!(Snapshot::take(&mut c).unwrap().bytes(), Snapshot::take(&mut c).unwrap().bytes());
    let _ = std::fs::remove_file(&first);
    let _ = std::fs::remove_file(&second);
}

/// Uninterned symbols reached only through dumped objects: their value,
/// function and property list must keep fresh objects alive.
#[test]
fn cells_of_dumped_uninterned_symbols_survive_collection() {
    let mut boot = Lisp::new().unwrap();
    eval(&mut boot, r#"(defvar holder (list (make-symbol "u"))) (defvar unholder (list 'unin))"#);
    let snap = Snapshot::take(&mut boot).unwrap();
    let mut a = snap.instantiate().unwrap();
    eval(&mut a, r#"(progn (set (car holder) (list 1 2 (make-string 3 ?x)))
                           (fset (car holder) (list 'lambda nil (list 'quote (make-vector 3 'q))))
                           (put (car holder) 'p (list 4 5 (make-string 2 ?y)))
                           (unintern 'unin nil)
                           (set (car unholder) (list (make-string 4 ?w))))"#);
    for _ in 0..3 {
        churn(&mut a, 20000);
        a.gc();
    }
    assert_eq!(
        eval(&mut a, "(list (symbol-value (car holder)) (funcall (car holder)) (get (car holder) 'p) (symbol-value (car unholder)))"),
        r#"((1 2 "xxx") [q q q] (4 5 "yy") ("wwww"))"#
    );
}

//! Dump round trips through real files and in-memory snapshots.

use minilisp::Lisp;
use minilisp::pdump::{self, LoadOptions, Snapshot};

fn eval(lisp: &mut Lisp, src: &str) -> String {
    match lisp.eval(src) {
        Ok(v) => lisp.prin1(&v),
        Err(e) => format!("ERROR {}", e.object),
    }
}

#[test]
fn snapshot_round_trip_of_the_prelude() {
    let mut boot = Lisp::new().unwrap();
    let snap = Snapshot::take(&mut boot).unwrap();
    let mut a = snap.instantiate().unwrap();
    assert_eq!(eval(&mut a, "(mapcar (lambda (x) (* x x)) '(1 2 3))"), "(1 4 9)");
    assert_eq!(eval(&mut a, "(let ((l (list 3 1 2))) (sort l #'<))"), "(1 2 3)");
    a.gc();
    assert_eq!(eval(&mut a, "(progn (defun sq (x) (* x x)) (sq 12))"), "144");
}

#[test]
fn file_round_trip_keeps_every_kind_and_sharing() {
    let dir = std::env::temp_dir().join(format!("minilisp-pdump-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("t.pdmp");
    let mut boot = Lisp::new().unwrap();
    eval(
        &mut boot,
        r#"(progn
  (defvar shared (list 1 2))
  (defvar kinds (list 1.5 "héllo" [a b "c"] (expt 2 100) shared shared (make-symbol "u")))
  (defvar circ (let ((l (list 1 2 3))) (setcdr (cddr l) l) l))
  (defvar table (let ((h (make-hash-table :test 'eq))) (puthash 'k "v" h) (puthash shared 'sh h) h))
  (defvar etable (let ((h (make-hash-table :test 'equal))) (puthash "key" 42 h) h)))"#,
    );
    pdump::dump_to_file(&mut boot, &path).unwrap();
    let mut a = pdump::load_file(&path, LoadOptions::default()).unwrap();
    assert_eq!(eval(&mut a, "kinds"), r#"(1.5 "héllo" [a b "c"] 1267650600228229401496703205376 (1 2) (1 2) u)"#);
    assert_eq!(eval(&mut a, "(eq (nth 4 kinds) (nth 5 kinds))"), "t");
    assert_eq!(eval(&mut a, "(eq (nth 4 kinds) shared)"), "t");
    assert_eq!(eval(&mut a, "(nth 5 circ)"), "3");
    assert_eq!(eval(&mut a, "(list (gethash 'k table) (gethash shared table) (gethash \"key\" etable))"), r#"("v" sh 42)"#);
    // Mutate dumped structure to point at fresh objects, collect, read back.
    eval(&mut a, "(setcar shared (make-string 3 ?z))");
    eval(&mut a, "(aset (nth 2 kinds) 0 (list 'fresh (make-vector 2 'v)))");
    eval(&mut a, "(puthash 'new (copy-sequence \"young\") table)");
    a.gc();
    eval(&mut a, "(make-list 100000 'garbage)");
    a.gc();
    assert_eq!(eval(&mut a, "(list (car shared) (aref (nth 2 kinds) 0) (gethash 'new table))"), r#"("zzz" (fresh [v v]) "young")"#);
    let stats = eval(&mut a, "(pdumper-stats)");
    assert!(stats.starts_with("((dumped-with-pdumper . t) (load-time . "), "{stats}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn dumps_are_deterministic() {
    let mut a = Lisp::new().unwrap();
    eval(&mut a, "(defvar t1 (let ((h (make-hash-table :test 'eq))) (puthash (list 1) 2 h) h))");
    let first = Snapshot::take(&mut a).unwrap();
    let second = Snapshot::take(&mut a).unwrap();
    assert_eq!(first.bytes(), second.bytes());
    // A dump of a loaded dump has the same layout (eq-table hashes differ: the image moved).
    let mut b = first.instantiate().unwrap();
    assert_eq!(Snapshot::take(&mut b).unwrap().bytes().len(), first.bytes().len());
}

#[test]
fn uninterned_symbols_referenced_only_by_dumped_objects_survive_collection() {
    let mut boot = Lisp::new().unwrap();
    eval(&mut boot, "(defvar holder (list (make-symbol \"lonely\") (make-symbol \"other\")))");
    let snap = Snapshot::take(&mut boot).unwrap();
    let mut a = snap.instantiate().unwrap();
    for _ in 0..3 {
        eval(&mut a, "(dotimes (i 100) (make-symbol \"churn\"))");
        a.gc();
    }
    assert_eq!(eval(&mut a, "(mapcar #'symbol-name holder)"), r#"("lonely" "other")"#);
    assert_eq!(eval(&mut a, "(eq (car holder) (intern \"lonely\"))"), "nil");
}

/// Runs the binary on a dump and returns what the Lisp expression printed.
fn run_on_dump(dump: &std::path::Path, relocate: bool, trust: bool, expr: &str) -> String {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_minilisp"));
    if trust {
        cmd.arg("--trust-dump");
    }
    let out = cmd
        .args(["--load-dump", dump.to_str().unwrap(), "--eval", expr])
        .env("MINILISP_DUMP_RELOCATE", if relocate { "1" } else { "0" })
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn both_load_paths_work_and_the_preferred_one_leaves_pages_clean() {
    let dir = std::env::temp_dir().join(format!("minilisp-paths-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.pdmp");
    let mut boot = Lisp::new().unwrap();
    // Building a million conses collecting at every allocation would be
    // quadratic; the load paths are what this test is about.
    boot.set_gc_stress(false);
    eval(
        &mut boot,
        "(progn (defvar big (let (l) (dotimes (i 200) (push (number-sequence 1 5000) l)) l))
                (defvar tab (let ((h (make-hash-table :test 'eq))) (dolist (x big) (puthash x (length x) h)) h)))",
    );
    pdump::dump_to_file(&mut boot, &path).unwrap();
    let expr = "(progn (garbage-collect)
                  (let ((s (minilisp-dump-stats)))
                    (princ (list (cdr (assq 'relocated s))
                                 (/ (* 100 (cdr (assq 'private-dirty-bytes s))) (cdr (assq 'image-size s)))
                                 (gethash (car big) tab) (apply #'+ (mapcar #'length big))))))";
    for trust in [false, true] {
        // Preferred address: no relocation, (almost) no private pages.
        let preferred = run_on_dump(&path, false, trust, expr);
        let fields: Vec<&str> = preferred.trim_matches(|c| c == '(' || c == ')').split(' ').collect();
        assert_eq!(fields[0], "nil", "{preferred}");
        assert!(fields[1].parse::<u32>().unwrap() <= 5, "private-dirty share too high: {preferred}");
        assert_eq!(&fields[2..], ["5000", "1000000"]);
        // Forced relocation: same answers.
        let moved = run_on_dump(&path, true, trust, expr);
        assert!(moved.starts_with("(t "), "{moved}");
        assert!(moved.ends_with(" 5000 1000000)"), "{moved}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Loading the same unchanged file again in one process reuses the
/// metadata validated the first time; `Verify::Always` still checks all.
#[test]
fn a_file_verified_in_this_process_is_not_decoded_again() {
    let dir = std::env::temp_dir().join(format!("minilisp-registry-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("r.pdmp");
    let mut boot = Lisp::new().unwrap();
    eval(&mut boot, "(defvar registry-test (list 1 2 3))");
    pdump::dump_to_file(&mut boot, &path).unwrap();
    let how = |opts: LoadOptions| {
        let mut i = pdump::load_file(&path, opts).unwrap();
        assert_eq!(eval(&mut i, "registry-test"), "(1 2 3)");
        eval(&mut i, "(cdr (assq 'verified (minilisp-dump-stats)))")
    };
    let first = how(LoadOptions::default());
    assert!(first == "record" || first == "full", "{first}");
    assert_eq!(how(LoadOptions::default()), "process");
    assert_eq!(how(LoadOptions { verify: pdump::Verify::Always, ..Default::default() }), "full");
    assert_eq!(how(LoadOptions::default()), "process");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Clones of a snapshot whose cold image is big enough to be shared (a
/// memfd mapped privately by each clone) are independent: a write to a
/// dumped string's bytes, a float or a table in one clone is not seen by
/// another, and clones on several threads at once all see the snapshot.
#[test]
fn clones_share_the_cold_image_until_they_write_it() {
    let mut boot = Lisp::new().unwrap();
    boot.set_gc_stress(false); // the point here is the clones, not the collector
    eval(
        &mut boot,
        r#"(progn (defvar big-strings (let (l) (dotimes (i 40000) (push (format "string number %06d with padding" i) l)) l))
                  (defvar a-float 2.5)
                  (defvar a-table (let ((h (make-hash-table :test 'equal))) (dotimes (i 1000) (puthash (format "k%d" i) i h)) h)))"#,
    );
    let snap = Snapshot::take(&mut boot).unwrap();
    drop(boot);
    let check = "(list (length big-strings) (car big-strings) a-float (gethash \"k999\" a-table))";
    let want = r#"(40000 "string number 039999 with padding" 2.5 999)"#;
    let mut a = snap.instantiate().unwrap();
    let mut b = snap.instantiate().unwrap();
    eval(&mut a, "(progn (aset (car big-strings) 0 ?S) (setq a-float (* a-float 2)) (puthash \"k999\" 'changed a-table) (clrhash a-table))");
    a.gc();
    assert_eq!(eval(&mut a, "(list (car big-strings) a-float (hash-table-count a-table))"), r#"("String number 039999 with padding" 5.0 0)"#);
    assert_eq!(eval(&mut b, check), want);
    b.gc();
    assert_eq!(eval(&mut b, check), want);
    drop(a);
    assert_eq!(eval(&mut b, check), want);
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let snap = snap.clone();
            std::thread::spawn(move || {
                let mut c = snap.instantiate().unwrap();
                eval(&mut c, "(setcar big-strings (make-string 3 ?z))");
                c.gc();
                eval(&mut c, "(list (length big-strings) (cadr big-strings) a-float (gethash \"k999\" a-table))")
            })
        })
        .collect();
    for t in threads {
        assert_eq!(t.join().unwrap(), r#"(40000 "string number 039998 with padding" 2.5 999)"#);
    }
    assert_eq!(eval(&mut b, check), want);
}

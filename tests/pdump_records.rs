//! Records (the `Record` vector kind) through a real dump file: they keep
//! their kind, slots and sharing, and the collector and `equal` treat the
//! loaded ones as it treats fresh ones.

use minilisp::Lisp;
use minilisp::pdump::LoadOptions;

fn eval(lisp: &mut Lisp, src: &str) -> String {
    match lisp.eval(src) {
        Ok(v) => lisp.prin1(&v),
        Err(e) => format!("ERROR {e}"),
    }
}

#[test]
fn records_round_trip_through_a_dump_file() {
    let dir = std::env::temp_dir().join(format!("minilisp-pdump-records-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("r.pdmp");
    let mut boot = Lisp::new().unwrap();
    eval(
        &mut boot,
        r#"(progn
  (defvar shared-rec (record 'inner "s" 1.5))
  (defvar recs (list (record 'a 1 2) shared-rec shared-rec (vector 'v (record 'in-vector)) (make-record 'big 40 'x)))
  (defvar rtable (let ((h (make-hash-table :test 'equal))) (puthash (record 'key 1) 'found h) h)))"#,
    );
    assert_eq!(eval(&mut boot, "(car recs)"), "#s(a 1 2)");
    boot.dump(&path).unwrap();
    for _ in 0..2 {
        let mut a = Lisp::load_dump(&path, &LoadOptions::default()).unwrap();
        assert_eq!(eval(&mut a, "(list (car recs) (nth 1 recs) (nth 3 recs))"), r#"(#s(a 1 2) #s(inner "s" 1.5) [v #s(in-vector)])"#);
        assert_eq!(eval(&mut a, "(mapcar #'recordp recs)"), "(t t t nil t)");
        assert_eq!(eval(&mut a, "(mapcar #'type-of recs)"), "(a inner inner vector big)");
        assert_eq!(eval(&mut a, "(eq (nth 1 recs) (nth 2 recs))"), "t");
        assert_eq!(eval(&mut a, "(eq (nth 1 recs) shared-rec)"), "t");
        assert_eq!(eval(&mut a, "(length (nth 4 recs))"), "41");
        assert_eq!(eval(&mut a, "(gethash (record 'key 1) rtable)"), "found");
        assert_eq!(eval(&mut a, "(equal (car recs) (record 'a 1 2))"), "t");
        assert_eq!(eval(&mut a, "(equal (car recs) (vector 'a 1 2))"), "nil");
        // Point dumped records at fresh objects, collect, read back.
        eval(&mut a, "(aset (car recs) 1 (list 'fresh (record 'young (make-string 2 ?z))))");
        eval(&mut a, "(setq recs (append recs (list (copy-sequence shared-rec))))");
        a.gc();
        eval(&mut a, "(make-list 100000 'garbage)");
        a.gc();
        assert_eq!(eval(&mut a, "(car recs)"), r#"#s(a (fresh #s(young "zz")) 2)"#);
        assert_eq!(eval(&mut a, "(car (last recs))"), r#"#s(inner "s" 1.5)"#);
        assert_eq!(eval(&mut a, "(recordp (car (last recs)))"), "t");
        // A dump of a loaded heap keeps them too.
        let path2 = dir.join("r2.pdmp");
        a.dump(&path2).unwrap();
        let mut b = Lisp::load_dump(&path2, &LoadOptions::default()).unwrap();
        assert_eq!(eval(&mut b, "(list (car recs) (type-of (car (last recs))))"), r#"(#s(a (fresh #s(young "zz")) 2) inner)"#);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

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

/// A dump's words as u64s.
fn word(bytes: &[u8], off: usize) -> u64 {
    u64::from_le_bytes(bytes[off..off + 8].try_into().unwrap())
}

fn set_word(bytes: &mut [u8], off: usize, w: u64) {
    bytes[off..off + 8].copy_from_slice(&w.to_le_bytes());
}

/// Recomputes the heap image section's checksum after an edit, so the
/// verifier (not the checksum) judges the edited objects.
fn fix_image_checksum(bytes: &mut [u8]) {
    let table = word(bytes, 64) as usize;
    let count = u32::from_le_bytes(bytes[72..76].try_into().unwrap()) as usize;
    for e in (table..table + 32 * count).step_by(32) {
        if u32::from_le_bytes(bytes[e..e + 4].try_into().unwrap()) == 4 {
            let (off, len) = (word(bytes, e + 8) as usize, word(bytes, e + 16) as usize);
            let sum = xxhash_rust::xxh3::xxh3_64(&bytes[off..off + len]);
            set_word(bytes, e + 24, sum);
        }
    }
}

#[test]
fn the_verifier_accepts_the_record_kind_only_as_a_vector_shaped_cell() {
    let mut lisp = Lisp::new().unwrap();
    lisp.eval("(defvar zz-rec (make-record 'zz-marker 12345 'slot))").unwrap();
    let bytes = lisp.snapshot().unwrap().bytes().to_vec();
    let host = minilisp::HostFunctions::new();
    // The record's cell: kind word 5, then its length (type slot included).
    let cell = (4096..bytes.len() - 16)
        .step_by(8)
        .find(|&o| word(&bytes, o) == 5 && word(&bytes, o + 8) == 12346)
        .expect("the record's cell is in the image");
    let load = |b: Vec<u8>| minilisp::pdump::Snapshot::from_bytes(b, &host);
    // Unchanged (checksum recomputed): valid.
    let mut same = bytes.clone();
    fix_image_checksum(&mut same);
    let mut ok = load(same).unwrap().instantiate().unwrap();
    assert_eq!(eval(&mut ok, "(list (type-of zz-rec) (length zz-rec) (aref zz-rec 12345))"), "(zz-marker 12346 slot)");
    // An unknown kind word in the vector run is refused, and so is a host
    // object's (4): no dump may hold one.
    for bad in [6u64, 0, 4, 5 | (1 << 8)] {
        let mut b = bytes.clone();
        set_word(&mut b, cell, bad);
        fix_image_checksum(&mut b);
        assert!(load(b).is_err(), "kind word {bad:#x} accepted");
    }
    // A record's reserved word must be zero, as a vector's.
    let mut b = bytes.clone();
    set_word(&mut b, cell + 24, 1);
    fix_image_checksum(&mut b);
    assert!(load(b).is_err(), "a record with a non-zero reserved word accepted");
    // A vector and a record differ only by the kind word: the retyped cell is valid.
    let mut b = bytes.clone();
    set_word(&mut b, cell, 1);
    fix_image_checksum(&mut b);
    let mut v = load(b).unwrap().instantiate().unwrap();
    assert_eq!(eval(&mut v, "(list (vectorp zz-rec) (recordp zz-rec) (aref zz-rec 0))"), "(t nil zz-marker)");
}

//! Host objects: opaque Rust values carried in Lisp (Emacs's `user-ptr`).
//! Round trips through host functions, `type-of` and the printer, type
//! errors, finalizers run by the collector (and by dropping the
//! interpreter), and dumps and snapshots refused with the path to one.
//!
//! Also meant to pass with `MINILISP_GC_STRESS=1` (a collection at every
//! allocation) and under valgrind.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use minilisp::pdump::{ErrorKind, LoadOptions};
use minilisp::{HostObject, Lisp, Value};

/// A small key-value store, as an embedder's database handle.
struct Db {
    rows: Mutex<HashMap<String, i64>>,
    /// Counts drops (the finalizer).
    dropped: Arc<AtomicUsize>,
}

impl HostObject for Db {
    const TYPE_NAME: &'static str = "my-db";
}

impl Drop for Db {
    fn drop(&mut self) {
        self.dropped.fetch_add(1, Ordering::SeqCst);
    }
}

fn db(dropped: &Arc<AtomicUsize>) -> Db {
    Db { rows: Mutex::new(HashMap::new()), dropped: Arc::clone(dropped) }
}

struct Other;

impl HostObject for Other {
    const TYPE_NAME: &'static str = "other-thing";
}

/// An interpreter with the database functions.
fn lisp() -> Lisp {
    let mut lisp = Lisp::new().expect("boot");
    lisp.register("db-get", |_, (db, k): (Arc<Db>, String)| db.rows.lock().unwrap().get(&k).copied());
    lisp.register("db-put", |_, (db, k, v): (Arc<Db>, String, i64)| {
        db.rows.lock().unwrap().insert(k, v);
    });
    lisp.register("db-open", |cx, ()| {
        let counter = Arc::new(AtomicUsize::new(0));
        cx.object(db(&counter))
    });
    lisp.register("db-same", |_, (a, b): (Arc<Db>, Arc<Db>)| Arc::ptr_eq(&a, &b));
    lisp.register("db-itself", |_, d: Arc<Db>| d);
    lisp
}

#[test]
fn a_host_object_round_trips_through_host_functions() {
    let dropped = Arc::new(AtomicUsize::new(0));
    let mut lisp = lisp();
    let handle = lisp.object(db(&dropped));
    lisp.set_global("my-db", &handle).unwrap();
    lisp.eval(r#"(db-put my-db "apples" 3) (db-put my-db "pears" 5)"#).unwrap();
    assert_eq!(lisp.eval_to::<i64>(r#"(+ (db-get my-db "apples") (db-get my-db "pears"))"#).unwrap(), 8);
    assert_eq!(lisp.eval_to::<Option<i64>>(r#"(db-get my-db "plums")"#).unwrap(), None);
    // Rust sees the same value Lisp carries.
    let rust_side: Arc<Db> = lisp.get(&handle).unwrap();
    assert_eq!(rust_side.rows.lock().unwrap()["pears"], 5);
    // Closures capture it like any value; the object stays itself.
    lisp.eval("(defun make-getter (db) (lambda (k) (db-get db k)))").unwrap();
    assert_eq!(lisp.eval_to::<i64>(r#"(funcall (make-getter my-db) "apples")"#).unwrap(), 3);
    assert!(lisp.eval_to::<bool>("(db-same my-db (car (list my-db)))").unwrap());
    // Made by a host function, passed back in.
    assert!(lisp.eval_to::<bool>(r#"(let ((d (db-open))) (db-put d "x" 1) (equal (db-get d "x") 1))"#).unwrap());
    // An Arc returned from a host function is a new cell around the same value.
    assert!(lisp.eval_to::<bool>("(db-same my-db (db-itself my-db))").unwrap());
    assert!(!lisp.eval_to::<bool>("(eq my-db (db-itself my-db))").unwrap());
    // An Arc converted into Lisp and back.
    let v = lisp.value(Arc::clone(&rust_side)).unwrap();
    assert!(Arc::ptr_eq(&lisp.get::<Arc<Db>>(&v).unwrap(), &rust_side));
    drop((v, rust_side, handle));
    assert_eq!(dropped.load(Ordering::SeqCst), 0, "my-db still holds it");
}

#[test]
fn type_of_and_the_printer_show_the_type_name() {
    let dropped = Arc::new(AtomicUsize::new(0));
    let mut lisp = lisp();
    let handle = lisp.object(db(&dropped));
    lisp.set_global("my-db", &handle).unwrap();
    let other = lisp.object(Other);
    lisp.set_global("other", &other).unwrap();
    assert_eq!(lisp.prin1(&handle), "#<user-ptr my-db>");
    assert_eq!(lisp.princ(&handle), "#<user-ptr my-db>");
    let v = lisp.eval("(list (type-of my-db) (type-of other) (user-ptrp my-db) (user-ptrp 1) (type-of 'db-get))").unwrap();
    assert_eq!(lisp.prin1(&v), "(my-db other-thing t nil symbol)");
    assert_eq!(lisp.eval_to::<String>("(format \"%S in %s\" (vector my-db) (list other))").unwrap(),
               "[#<user-ptr my-db>] in (#<user-ptr other-thing>)");
    // Host functions are module functions, as in Emacs.
    let v = lisp.eval("(type-of (symbol-function 'db-get))").unwrap();
    assert_eq!(lisp.prin1(&v), "module-function");
    // Identity: eq to itself only; equal and hash tables agree.
    let v = lisp
        .eval(
            "(let ((h (make-hash-table :test 'equal)) (d2 (db-open)))
               (puthash my-db 'first h)
               (puthash d2 'second h)
               (list (eq my-db my-db) (equal my-db d2) (equal (list my-db) (list my-db))
                     (gethash my-db h) (gethash d2 h) (hash-table-count h)
                     (= (sxhash-equal my-db) (sxhash-eq my-db))))",
        )
        .unwrap();
    assert_eq!(lisp.prin1(&v), "(t nil t first second 2 t)");
}

#[test]
fn a_wrong_argument_signals_user_ptrp() {
    let dropped = Arc::new(AtomicUsize::new(0));
    let mut lisp = lisp();
    let e = lisp.eval(r#"(db-get 1 "k")"#).unwrap_err();
    assert_eq!(e.object, "(wrong-type-argument user-ptrp 1)");
    assert_eq!(e.message, "Wrong type argument: user-ptrp, 1");
    // A host object of another type is refused the same way.
    let other = lisp.object(Other);
    let f = lisp.eval("(lambda (x) (db-get x \"k\"))").unwrap();
    let e = lisp.call(&f, &other).unwrap_err();
    assert_eq!(e.object, "(wrong-type-argument user-ptrp #<user-ptr other-thing>)");
    // Lisp can catch it.
    let v = lisp.eval(r#"(condition-case err (db-get "db" "k") (wrong-type-argument (cdr err)))"#).unwrap();
    assert_eq!(lisp.prin1(&v), r#"(user-ptrp "db")"#);
    // And Rust conversions refuse too.
    let e = lisp.get::<Arc<Db>>(&other).err().unwrap();
    assert_eq!(e.object, "(wrong-type-argument user-ptrp #<user-ptr other-thing>)");
    let n = lisp.value(5).unwrap();
    assert_eq!(lisp.get::<Arc<Other>>(&n).err().unwrap().object, "(wrong-type-argument user-ptrp 5)");
    let d = lisp.object(db(&dropped));
    assert!(lisp.get::<Arc<Db>>(&d).is_ok());
}

#[test]
fn the_collector_runs_the_finalizer_once_nothing_refers_to_it() {
    let dropped = Arc::new(AtomicUsize::new(0));
    let mut lisp = lisp();
    let handle = lisp.object(db(&dropped));
    lisp.set_global("my-db", &handle).unwrap();
    drop(handle);
    // A Lisp variable holds it: collections keep it.
    for _ in 0..3 {
        let stats = lisp.gc();
        assert_eq!(stats.host_objects, 1);
    }
    lisp.eval("(setq my-db (list (vector my-db)))").unwrap();
    lisp.gc();
    assert_eq!(dropped.load(Ordering::SeqCst), 0);
    // Unreferenced, but not collected yet: the finalizer waits.
    lisp.eval("(setq my-db nil)").unwrap();
    assert_eq!(dropped.load(Ordering::SeqCst), 0);
    let stats = lisp.gc();
    assert_eq!(stats.host_objects, 0);
    assert_eq!(dropped.load(Ordering::SeqCst), 1);
    lisp.gc();
    assert_eq!(dropped.load(Ordering::SeqCst), 1, "finalized once");
}

#[test]
fn rust_references_keep_the_value_alive_after_its_cell_dies() {
    let dropped = Arc::new(AtomicUsize::new(0));
    let mut lisp = lisp();
    // A handle roots the cell.
    let handle = lisp.object(db(&dropped));
    lisp.gc();
    assert_eq!(dropped.load(Ordering::SeqCst), 0);
    // An Arc taken out outlives the cell: the value drops with the last one.
    let arc: Arc<Db> = lisp.get(&handle).unwrap();
    drop(handle);
    assert_eq!(lisp.gc().host_objects, 0);
    assert_eq!(dropped.load(Ordering::SeqCst), 0);
    arc.rows.lock().unwrap().insert("still".into(), 1);
    drop(arc);
    assert_eq!(dropped.load(Ordering::SeqCst), 1);
}

#[test]
fn garbage_host_objects_are_finalized_by_ordinary_collections() {
    let dropped = Arc::new(AtomicUsize::new(0));
    let mut lisp = lisp();
    let d = Arc::new(AtomicUsize::new(0));
    let make = Arc::clone(&d);
    lisp.register("make-db", move |cx, ()| cx.object(db(&make)));
    // Many short-lived objects amid other garbage: allocation-triggered
    // collections finalize them without an explicit gc.
    lisp.eval("(dotimes (i 3000) (make-db) (make-string 4000 ?x))").unwrap();
    let during = d.load(Ordering::SeqCst);
    lisp.gc();
    assert_eq!(d.load(Ordering::SeqCst), 3000);
    assert!(during > 0, "no collection ran during the loop");
    assert_eq!(dropped.load(Ordering::SeqCst), 0);
}

#[test]
fn dropping_the_interpreter_runs_the_remaining_finalizers() {
    let dropped = Arc::new(AtomicUsize::new(0));
    let mut lisp = lisp();
    let a = lisp.object(db(&dropped));
    lisp.set_global("a", &a).unwrap();
    let b = lisp.object(db(&dropped));
    let f = lisp.eval("(lambda (x) (setq b (list x x)))").unwrap();
    lisp.call(&f, &b).unwrap();
    let _garbage = lisp.object(db(&dropped));
    drop((a, b, f));
    assert_eq!(dropped.load(Ordering::SeqCst), 0);
    drop(lisp);
    assert_eq!(dropped.load(Ordering::SeqCst), 3);
}

#[test]
fn a_handle_that_outlives_its_interpreter_does_not_keep_the_value() {
    let dropped = Arc::new(AtomicUsize::new(0));
    let mut lisp = lisp();
    let handle = lisp.object(db(&dropped));
    drop(lisp);
    assert_eq!(dropped.load(Ordering::SeqCst), 1);
    drop(handle);
    assert_eq!(dropped.load(Ordering::SeqCst), 1);
}

#[test]
fn a_panicking_finalizer_does_not_disturb_the_collector() {
    struct Grumpy;
    impl HostObject for Grumpy {
        const TYPE_NAME: &'static str = "grumpy";
    }
    impl Drop for Grumpy {
        fn drop(&mut self) {
            panic!("grumpy finalizer");
        }
    }
    let dropped = Arc::new(AtomicUsize::new(0));
    let mut lisp = lisp();
    let g = lisp.object(Grumpy);
    let d = lisp.object(db(&dropped));
    drop((g, d));
    lisp.gc();
    assert_eq!(dropped.load(Ordering::SeqCst), 1, "the other finalizer ran");
    assert_eq!(lisp.eval_to::<i64>("(length (make-list 1000 'x))").unwrap(), 1000);
    let _g = lisp.object(Grumpy);
    drop(lisp); // finalized in the heap's drop: no panic escapes
}

#[test]
fn an_interpreter_with_host_objects_moves_between_threads() {
    let dropped = Arc::new(AtomicUsize::new(0));
    let mut lisp = lisp();
    let d = lisp.object(db(&dropped));
    lisp.set_global("my-db", &d).unwrap();
    drop(d);
    let dropped2 = Arc::clone(&dropped);
    std::thread::spawn(move || {
        lisp.eval(r#"(db-put my-db "k" 7)"#).unwrap();
        assert_eq!(lisp.eval_to::<i64>(r#"(db-get my-db "k")"#).unwrap(), 7);
        drop(lisp);
        assert_eq!(dropped2.load(Ordering::SeqCst), 1);
    })
    .join()
    .unwrap();
}

// ---- dumps and snapshots ----

/// A dump path in a fresh directory (removed on drop).
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "minilisp-host-objects-{}-{}-{name}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
    fn file(&self) -> PathBuf {
        self.0.join("test.pdmp")
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Stores a new host object with `setup` (a lambda of one argument, the
/// object: no variable names it unless `setup` does) and returns the
/// dump's and the snapshot's error messages.
fn refusal(setup: &str) -> String {
    let dropped = Arc::new(AtomicUsize::new(0));
    let mut lisp = lisp();
    let db: Value = lisp.object(db(&dropped));
    let f = lisp.eval(setup).unwrap();
    lisp.call(&f, &db).unwrap();
    drop(f);
    let dir = TempDir::new("refused");
    let e = lisp.dump(&dir.file()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::HostObject);
    assert!(!dir.file().exists(), "a refused dump leaves no file");
    assert_eq!(std::fs::read_dir(&dir.0).unwrap().count(), 0, "nor a temporary");
    let s = lisp.snapshot().err().expect("snapshot refused");
    assert_eq!(s.kind, ErrorKind::HostObject);
    assert_eq!(s.message, e.message);
    // The interpreter goes on, object included.
    assert_eq!(lisp.eval_to::<i64>("(+ 1 2)").unwrap(), 3);
    assert_eq!(lisp.prin1(&db), "#<user-ptr my-db>");
    e.message
}

#[test]
fn a_dump_with_a_reachable_host_object_is_refused_with_the_path() {
    assert_eq!(
        refusal("(lambda (db) (setq my-db (vector 1 2 db)))"),
        "cannot dump a host object: variable my-db -> vector slot 2 -> host object my-db"
    );
    assert_eq!(refusal("(lambda (db) (setq my-db db))"), "cannot dump a host object: variable my-db -> host object my-db");
    assert_eq!(
        refusal("(lambda (db) (setq conns (list 'a 'b db)))"),
        "cannot dump a host object: variable conns -> list element 2 -> host object my-db"
    );
    assert_eq!(
        refusal("(lambda (db) (setq pair (cons 'a db)))"),
        "cannot dump a host object: variable pair -> cdr -> host object my-db"
    );
    assert_eq!(
        refusal("(lambda (db) (setq nested (list (list db))))"),
        "cannot dump a host object: variable nested -> car -> car -> host object my-db"
    );
    assert_eq!(
        refusal("(lambda (db) (put 'config 'connection db))"),
        "cannot dump a host object: property connection of symbol config -> host object my-db"
    );
    assert_eq!(
        refusal(
            r#"(lambda (db) (setq tables (make-hash-table :test 'equal)) (puthash "main" (list db) tables))"#
        ),
        r#"cannot dump a host object: variable tables -> hash table value for key "main" -> car -> host object my-db"#
    );
    // A closure's environment: (closure ((conn . DB) t) () conn).
    assert_eq!(
        refusal("(lambda (db) (defalias 'get-conn (let ((conn db)) (lambda () conn))))"),
        "cannot dump a host object: function get-conn -> list element 1 -> car -> cdr -> host object my-db"
    );
    // The shortest path wins.
    assert_eq!(
        refusal("(lambda (db) (setq far (list 1 2 3 4 db)) (setq near (vector db)))"),
        "cannot dump a host object: variable near -> vector slot 0 -> host object my-db"
    );
}

#[test]
fn an_uninterned_symbol_kept_by_a_handle_is_dumped_so_it_counts() {
    let dropped = Arc::new(AtomicUsize::new(0));
    let mut lisp = lisp();
    let db = lisp.object(db(&dropped));
    let f = lisp.eval("(lambda (db) (let ((s (make-symbol \"hidden\"))) (set s db) s))").unwrap();
    let sym = lisp.call(&f, &db).unwrap();
    drop((db, f));
    let dir = TempDir::new("unint");
    let e = lisp.dump(&dir.file()).unwrap_err();
    assert_eq!(e.message, "cannot dump a host object: variable hidden -> host object my-db");
    // Let go of the symbol: it dies, and the object with it.
    drop(sym);
    lisp.dump(&dir.file()).unwrap();
    assert_eq!(dropped.load(Ordering::SeqCst), 1);
}

#[test]
fn a_dump_goes_through_once_the_host_object_is_unreachable() {
    let dropped = Arc::new(AtomicUsize::new(0));
    let mut lisp = Lisp::new().unwrap();
    let db = lisp.object(db(&dropped));
    lisp.set_global("my-db", &db).unwrap();
    drop(db);
    let dir = TempDir::new("after");
    assert_eq!(lisp.dump(&dir.file()).unwrap_err().kind, ErrorKind::HostObject);
    lisp.eval("(setq my-db nil) (defvar kept '(1 2 3))").unwrap();
    lisp.dump(&dir.file()).unwrap();
    assert_eq!(dropped.load(Ordering::SeqCst), 1, "the dump's collection finalized it");
    let mut loaded = Lisp::load_dump(&dir.file(), &LoadOptions::default()).unwrap();
    let v = loaded.eval("(list kept my-db)").unwrap();
    assert_eq!(loaded.prin1(&v), "((1 2 3) nil)");
}

#[test]
fn a_host_object_held_only_by_rust_does_not_block_a_dump_or_snapshot() {
    let dropped = Arc::new(AtomicUsize::new(0));
    let mut lisp = Lisp::new().unwrap();
    let db = lisp.object(db(&dropped));
    // Reachable from a handle only (also through a vector and a table
    // that only handles reach): no part of what a load restores.
    let held = lisp.eval("(lambda (db) (let ((h (make-hash-table :test 'eq))) (puthash db (vector db) h) h))").unwrap();
    let table = lisp.call(&held, &db).unwrap();
    lisp.eval("(defvar kept (list 1 \"two\" [3]))").unwrap();
    let dir = TempDir::new("handle");
    lisp.dump(&dir.file()).unwrap();
    let snapshot = lisp.snapshot().unwrap();
    for mut fresh in [Lisp::load_dump(&dir.file(), &LoadOptions::default()).unwrap(), snapshot.instantiate().unwrap()] {
        let v = fresh.eval("(list kept (boundp 'my-db))").unwrap();
        assert_eq!(fresh.prin1(&v), "((1 \"two\" [3]) nil)");
        fresh.gc();
        assert_eq!(fresh.gc().host_objects, 0);
    }
    // The original still has its object, untouched.
    assert_eq!(lisp.prin1(&db), "#<user-ptr my-db>");
    assert_eq!(lisp.call("hash-table-count", &table).map(|v| lisp.prin1(&v)).unwrap(), "1");
    assert_eq!(dropped.load(Ordering::SeqCst), 0);
    drop((db, held, table));
    lisp.gc();
    assert_eq!(dropped.load(Ordering::SeqCst), 1);
}

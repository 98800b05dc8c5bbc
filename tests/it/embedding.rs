//! The library API: interpreters are independent values that can live on
//! any thread, several at once, each with its own heap.

use minilisp::Lisp;

#[test]
fn interpreters_on_several_threads_do_not_share_state() {
    let handles: Vec<_> = (0..4)
        .map(|i| {
            std::thread::spawn(move || {
                let mut interp = Lisp::new().expect("boot");
                interp.eval(&format!("(defvar my-id {i})")).unwrap();
                interp
                    .eval("(defun build (n) (let (acc) (dotimes (k n) (push (cons k my-id) acc)) acc))")
                    .unwrap();
                for _ in 0..20 {
                    interp.eval("(length (build 5000))").unwrap();
                    interp.gc();
                }
                let v = interp.eval("(list my-id (length (build 10)) (cdr (car (build 3))))").unwrap();
                interp.prin1(&v)
            })
        })
        .collect();
    for (i, h) in handles.into_iter().enumerate() {
        assert_eq!(h.join().unwrap(), format!("({i} 10 {i})"));
    }
}

#[test]
fn an_interpreter_moves_between_threads() {
    let mut interp = Lisp::new().expect("boot");
    interp.eval("(defvar counter 41)").unwrap();
    let mut interp = std::thread::spawn(move || {
        interp.eval("(setq counter (1+ counter))").unwrap();
        interp
    })
    .join()
    .unwrap();
    let v = interp.eval("counter").unwrap();
    assert_eq!(interp.prin1(&v), "42");
}

#[test]
fn errors_reach_rust_as_lisp_errors_and_the_interpreter_goes_on() {
    let mut interp = Lisp::new().expect("boot");
    let e = interp.eval("(car 1)").unwrap_err();
    assert_eq!(e.message, "Wrong type argument: listp, 1");
    assert_eq!(e.object, "(wrong-type-argument listp 1)");
    let e = interp.eval("(defun deep (n) (1+ (deep n))) (deep 0)").unwrap_err();
    assert_eq!(e.message, "Lisp nesting exceeds ‘max-lisp-eval-depth’");
    let v = interp.eval("(+ 1 2)").unwrap();
    assert_eq!(interp.prin1(&v), "3");
}

#[test]
fn another_thread_interrupts_an_endless_evaluation_with_quit() {
    use std::sync::atomic::Ordering;
    let mut interp = Lisp::new().expect("boot");
    interp.eval("(defvar spins 0)").unwrap();
    let flag = interp.interrupt_flag();
    let (started_tx, started_rx) = std::sync::mpsc::channel();
    let worker = std::thread::spawn(move || {
        let mut results = Vec::new();
        for form in [
            "(while t (setq spins (1+ spins)))",
            "(condition-case nil (while t) (error 'error-caught-it))",
            "(condition-case e (while t) (quit (list 'handled e)))",
        ] {
            started_tx.send(()).unwrap();
            let r = interp.eval(form);
            results.push(match r {
                Ok(v) => interp.prin1(&v),
                Err(e) => format!("error {}: {}", e.object, e.message),
            });
        }
        // The flag was cleared by the quit: evaluation goes on normally.
        let v = interp.eval("(> spins 0)").unwrap();
        results.push(interp.prin1(&v));
        results
    });
    for _ in 0..3 {
        started_rx.recv().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(50));
        flag.store(true, Ordering::Relaxed);
    }
    assert_eq!(worker.join().unwrap(), ["error (quit): Quit", "error (quit): Quit", "(handled (quit))", "t"]);
}

#[test]
fn values_rooted_from_rust_survive_collections() {
    let mut interp = Lisp::new().expect("boot");
    let v = interp.eval("(list \"kept\" (make-vector 3 'x) 1.5)").unwrap();
    for _ in 0..5 {
        interp.eval("(make-list 100000 'garbage)").unwrap();
        let _ = interp.eval("(car 'error-in-between)");
        interp.gc();
    }
    assert_eq!(interp.prin1(&v), "(\"kept\" [x x x] 1.5)");
    assert_eq!(interp.heap_stats().handles, 1);
    drop(v);
    assert_eq!(interp.heap_stats().handles, 0);
}

/// A lower `max-lisp-eval-depth` takes effect at once, in a `let` and by
/// `setq`, and the old limit is back when the binding ends (the limit was
/// cached and re-read only past the cached value).
#[test]
fn a_lower_max_lisp_eval_depth_takes_effect_at_once() {
    let mut interp = Lisp::new().expect("boot");
    let mut eval = |src: &str| match interp.eval(src) {
        Ok(v) => interp.prin1(&v),
        Err(e) => format!("ERROR {}", e.object),
    };
    eval("(defun depth-probe (n) (if (= n 0) 0 (1+ (depth-probe (1- n)))))");
    assert_eq!(eval("(condition-case nil (let ((max-lisp-eval-depth 200)) (depth-probe 100)) (error 'too-deep))"), "too-deep");
    assert_eq!(eval("(depth-probe 100)"), "100");
    assert_eq!(eval("(progn (setq max-lisp-eval-depth 150) (condition-case nil (depth-probe 100) (error 'too-deep)))"), "too-deep");
    assert_eq!(eval("(progn (setq max-lisp-eval-depth 1600) (depth-probe 100))"), "100");
}

// ---- handles: sound by construction ----

/// The second misuse: a value returned by an evaluation used to be
/// unrooted, and printed as garbage after a collection.
#[test]
fn a_value_from_eval_survives_allocation_and_collection() {
    let mut lisp = Lisp::new().unwrap();
    lisp.set_gc_stress(true);
    let v = lisp.eval("(list 1 2 3)").unwrap();
    for _ in 0..3 {
        lisp.eval("(make-list 1000 (cons 'x 'y))").unwrap();
        lisp.gc();
    }
    assert_eq!(lisp.prin1(&v), "(1 2 3)");
    let copy = v.clone();
    drop(v);
    lisp.gc();
    assert_eq!(lisp.prin1(&copy), "(1 2 3)");
}

/// The third misuse: a value of one interpreter used with another (even
/// after its own is gone) panics with a message, and never reads the
/// other heap.
#[test]
fn a_value_used_with_another_interpreter_panics_cleanly() {
    let mut a = Lisp::new().unwrap();
    let v = a.eval("(list 1 2 3)").unwrap();
    drop(a);
    let mut b = Lisp::new().unwrap();
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| b.prin1(&v)));
    let msg = *r.unwrap_err().downcast::<String>().unwrap();
    assert!(msg.contains("was used with interpreter"), "{msg}");
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| b.call(&v, ())));
    assert!(r.is_err());
    // b is unharmed.
    assert_eq!(b.eval_to::<i64>("(+ 1 2)").unwrap(), 3);
}

#[test]
fn conversions_go_both_ways_with_emacs_errors() {
    use std::collections::HashMap;
    use minilisp::Symbol;
    let mut lisp = Lisp::new().unwrap();
    assert_eq!(lisp.eval_to::<i64>("most-positive-fixnum").unwrap(), (1 << 61) - 1);
    assert_eq!(lisp.eval_to::<i128>("(* most-positive-fixnum 4)").unwrap(), ((1i128 << 61) - 1) * 4);
    let e = lisp.eval_to::<i64>("(* most-positive-fixnum most-positive-fixnum)").unwrap_err();
    assert_eq!(e.object, "(overflow-error 5316911983139663487003542222693990401)");
    assert_eq!(lisp.eval_to::<u8>("300").unwrap_err().object, "(overflow-error 300)");
    assert_eq!(lisp.eval_to::<u64>("-1").unwrap_err().object, "(overflow-error -1)");
    assert_eq!(lisp.eval_to::<i64>("\"7\"").unwrap_err().object, "(wrong-type-argument integerp \"7\")");
    assert_eq!(lisp.eval_to::<f64>("3").unwrap(), 3.0);
    assert_eq!(lisp.eval_to::<f64>("'x").unwrap_err().object, "(wrong-type-argument numberp x)");
    assert_eq!(lisp.eval_to::<String>("(concat \"a\" \"é\")").unwrap(), "aé");
    assert_eq!(lisp.eval_to::<String>("1").unwrap_err().object, "(wrong-type-argument stringp 1)");
    assert_eq!(lisp.eval_to::<Symbol>("'foo").unwrap(), Symbol::new("foo"));
    assert_eq!(lisp.eval_to::<char>("?é").unwrap(), 'é');
    assert!(!lisp.eval_to::<bool>("nil").unwrap());
    assert!(lisp.eval_to::<bool>("0").unwrap());
    assert_eq!(lisp.eval_to::<Option<i64>>("nil").unwrap(), None);
    assert_eq!(lisp.eval_to::<Vec<Option<i64>>>("'(1 nil 3)").unwrap(), [Some(1), None, Some(3)]);
    assert_eq!(lisp.eval_to::<Vec<i64>>("'(1 . 2)").unwrap_err().object, "(wrong-type-argument listp (1 . 2))");
    let table: HashMap<String, i64> =
        lisp.eval_to("(let ((h (make-hash-table :test 'equal))) (puthash \"a\" 1 h) (puthash \"b\" 2 h) h)").unwrap();
    assert_eq!(table, HashMap::from([("a".to_string(), 1), ("b".to_string(), 2)]));
    assert_eq!(lisp.eval_to::<HashMap<i64, i64>>("1").unwrap_err().object, "(wrong-type-argument hash-table-p 1)");

    // Rust to Lisp.
    let v = lisp.value(vec![Some(1u128 << 100), None]).unwrap();
    assert_eq!(lisp.prin1(&v), "(1267650600228229401496703205376 nil)");
    let v = lisp.value(HashMap::from([(Symbol::new("k"), vec!["x", "y"].into_iter().map(String::from).collect::<Vec<_>>())])).unwrap();
    lisp.set_global("my-table", &v).unwrap();
    assert_eq!(lisp.eval_to::<Vec<String>>("(gethash 'k my-table)").unwrap(), ["x", "y"]);
    assert_eq!(lisp.eval_to::<String>("(symbol-name (hash-table-test my-table))").unwrap(), "equal");
    lisp.set_global("greeting", "hi").unwrap();
    let g = lisp.global("greeting").unwrap();
    assert_eq!(lisp.prin1(&g), "\"hi\"");
    assert!(lisp.global("no-such-variable-here").is_none());
}

// ---- host functions ----

fn host_add(lisp: &mut Lisp) {
    lisp.register("host-add", |_, (a, b): (i64, i64)| a + b);
}

#[test]
fn host_functions_take_fixed_optional_and_rest_arguments() {
    use minilisp::Rest;
    let mut lisp = Lisp::new().unwrap();
    host_add(&mut lisp);
    lisp.register("host-opt", |_, (a, b): (String, Option<i64>)| format!("{a}:{b:?}"));
    lisp.register("host-rest", |_, (sep, Rest(xs)): (String, Rest<String>)| xs.join(&sep));
    lisp.register("host-none", |_, ()| "nothing");
    let mut eval = |src: &str| match lisp.eval(src) {
        Ok(v) => lisp.prin1(&v),
        Err(e) => format!("ERROR {}", e.object),
    };
    assert_eq!(eval("(host-add 1 2)"), "3");
    assert_eq!(eval("(funcall 'host-add 1 2)"), "3");
    assert_eq!(eval("(apply #'host-add '(40 2))"), "42");
    assert_eq!(eval("(mapcar (lambda (x) (host-add x 10)) '(1 2 3))"), "(11 12 13)");
    assert_eq!(eval("(host-opt \"a\")"), "\"a:None\"");
    assert_eq!(eval("(host-opt \"a\" 7)"), "\"a:Some(7)\"");
    assert_eq!(eval("(host-rest \"-\" \"x\" \"y\" \"z\")"), "\"x-y-z\"");
    assert_eq!(eval("(host-rest \",\")"), "\"\"");
    assert_eq!(eval("(host-none)"), "\"nothing\"");
    assert_eq!(eval("(func-arity 'host-add)"), "(2 . 2)");
    assert_eq!(eval("(func-arity 'host-opt)"), "(1 . 2)");
    assert_eq!(eval("(func-arity 'host-rest)"), "(1 . many)");
    assert_eq!(eval("(functionp 'host-add)"), "t");
    assert_eq!(eval("(symbol-function 'host-add)"), "#<module function host-add>");
    assert_eq!(eval("(host-add 1)"), "ERROR (wrong-number-of-arguments host-add 1)");
    assert_eq!(eval("(funcall 'host-add 1 2 3)"), "ERROR (wrong-number-of-arguments #<module function host-add> 3)");
    assert_eq!(eval("(host-add 1 \"2\")"), "ERROR (wrong-type-argument integerp \"2\")");
    assert_eq!(eval("(condition-case e (host-add 'x 1) (wrong-type-argument (list 'caught (cdr e))))"), "(caught (integerp x))");
}

#[test]
fn host_errors_and_panics_become_lisp_errors() {
    use minilisp::Signal;
    let mut lisp = Lisp::new().unwrap();
    lisp.register("host-parse", |_, s: String| -> Result<i64, std::num::ParseIntError> { s.trim().parse::<i64>() });
    lisp.register("host-fail", |_, ()| -> Result<(), Signal> { Err(Signal::error("the host said no")) });
    lisp.register("host-signal", |cx, x: i64| -> Result<i64, Signal> { Err(cx.signal("arith-error", vec![x])) });
    lisp.register("host-panic", |_, ()| -> i64 { panic!("boom") });
    let mut eval = |src: &str| match lisp.eval(src) {
        Ok(v) => lisp.prin1(&v),
        Err(e) => format!("ERROR {} / {}", e.object, e.message),
    };
    assert_eq!(eval("(host-parse \" 12 \")"), "12");
    assert_eq!(eval("(host-parse \"x\")"), "ERROR (error \"invalid digit found in string\") / invalid digit found in string");
    assert_eq!(eval("(condition-case e (host-fail) (error (cadr e)))"), "\"the host said no\"");
    assert_eq!(eval("(condition-case e (host-signal 5) (arith-error e))"), "(arith-error 5)");
    assert_eq!(eval("(condition-case e (host-panic) (error (cadr e)))"), "\"Host function host-panic panicked: boom\"");
    // The evaluator is intact after the panic.
    assert_eq!(eval("(let ((x 1)) (list (host-parse \"2\") x))"), "(2 1)");
}

#[test]
fn host_functions_call_back_into_lisp() {
    use minilisp::{Rest, Value};
    let mut lisp = Lisp::new().unwrap();
    lisp.register("host-map", |cx, (f, xs): (Value, Vec<Value>)| -> Result<Vec<Value>, minilisp::Signal> {
        xs.iter().map(|x| cx.call(&f, x)).collect()
    });
    lisp.register("host-apply", |cx, (f, Rest(args)): (Value, Rest<i64>)| -> Result<Value, minilisp::Signal> {
        let mut acc = cx.value(0)?;
        for a in args {
            acc = cx.call(&f, (&acc, a))?;
        }
        Ok(acc)
    });
    lisp.set_gc_stress(true);
    let mut eval = |src: &str| match lisp.eval(src) {
        Ok(v) => lisp.prin1(&v),
        Err(e) => format!("ERROR {}", e.object),
    };
    assert_eq!(eval("(host-map (lambda (x) (cons x (make-string 3 ?a))) '(1 2))"), "((1 . \"aaa\") (2 . \"aaa\"))");
    assert_eq!(eval("(host-apply #'+ 1 2 3 4)"), "10");
    // An error inside the callback propagates as itself, through the host.
    assert_eq!(eval("(condition-case e (host-map #'car '(1)) (wrong-type-argument e))"), "(wrong-type-argument listp 1)");
    // So does a throw, and dynamic bindings are unwound on the way.
    assert_eq!(eval("(defvar host-dyn 'outer)"), "host-dyn");
    assert_eq!(eval("(catch 'out (let ((host-dyn 'inner)) (host-map (lambda (x) (throw 'out (list x host-dyn))) '(7))))"), "(7 inner)");
    assert_eq!(eval("host-dyn"), "outer");
    lisp.set_gc_stress(false);
}

#[test]
fn an_interrupt_reaches_a_host_function_that_calls_back_into_lisp() {
    let mut lisp = Lisp::new().unwrap();
    let flag = lisp.interrupt_flag();
    // A host loop that calls Lisp forever; only the interrupt ends it.
    lisp.register("host-spin", |cx, f: minilisp::Value| -> Result<(), minilisp::Signal> {
        loop {
            cx.call(&f, ())?;
        }
    });
    lisp.register("host-busy", |cx, ()| -> Result<(), minilisp::Signal> {
        loop {
            cx.check_interrupt()?;
        }
    });
    let setter = std::thread::spawn(move || {
        for _ in 0..2 {
            std::thread::sleep(std::time::Duration::from_millis(100));
            flag.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    });
    let e = lisp.eval("(host-spin (lambda () 1))").unwrap_err();
    assert_eq!(e.object, "(quit)");
    let e = lisp.eval("(condition-case e (host-busy) (quit (list 'handled e)))").unwrap();
    assert_eq!(lisp.prin1(&e), "(handled (quit))");
    setter.join().unwrap();
}

#[test]
fn calling_lisp_from_rust() {
    let mut lisp = Lisp::new().unwrap();
    lisp.eval("(defun greet (name &optional punct) (concat \"hello \" name (or punct \"\")))").unwrap();
    let r = lisp.call("greet", ("you", "!")).unwrap();
    assert_eq!(lisp.get::<String>(&r).unwrap(), "hello you!");
    let f = lisp.eval("(lambda (&rest xs) (length xs))").unwrap();
    let r = lisp.call(&f, ()).unwrap();
    assert_eq!(lisp.get::<i64>(&r).unwrap(), 0);
    let e = lisp.call("no-such-function", 1).unwrap_err();
    assert_eq!(e.object, "(void-function no-such-function)");
    let e = lisp.call("greet", ()).unwrap_err();
    // As Emacs 28 reports it for an interpreted closure.
    assert_eq!(e.object, "(wrong-number-of-arguments ((t) (name &optional punct) (concat \"hello \" name (or punct \"\"))) 0)");
}

// ---- host functions in dumps and snapshots ----

fn temp_path(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("minilisp-embedding-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn app_host() -> minilisp::HostFunctions {
    let mut host = minilisp::HostFunctions::new();
    host.register("app-scale", |_, (x, k): (i64, Option<i64>)| x * k.unwrap_or(10));
    host.register("app-join", |_, minilisp::Rest(xs): minilisp::Rest<String>| xs.concat());
    host
}

#[test]
fn a_dump_records_host_functions_and_a_load_needs_them() {
    use minilisp::pdump::{ErrorKind, LoadOptions};
    let path = temp_path("host.pdmp");
    let mut lisp = Lisp::new().unwrap();
    lisp.install(&app_host());
    // Host functions referred to from code, a variable and a closure.
    lisp.eval("(defun app-run (x) (app-join \"<\" (number-to-string (app-scale x)) \">\"))").unwrap();
    lisp.eval("(defvar app-fn (symbol-function 'app-scale))").unwrap();
    lisp.dump(&path).unwrap();

    let mut loaded = Lisp::load_dump(&path, &LoadOptions::host(&app_host())).unwrap();
    assert_eq!(loaded.eval_to::<String>("(app-run 4)").unwrap(), "<40>");
    assert_eq!(loaded.eval_to::<i64>("(funcall app-fn 2 3)").unwrap(), 6);
    // Registered in another order, or with extra functions: names decide.
    let mut other = minilisp::HostFunctions::new();
    other.register("extra", |_, ()| 1);
    other.register("app-join", |_, minilisp::Rest(xs): minilisp::Rest<String>| xs.join("+"));
    other.register("app-scale", |_, (x, k): (i64, Option<i64>)| x * k.unwrap_or(100));
    let mut loaded = Lisp::load_dump(&path, &LoadOptions::host(&other)).unwrap();
    assert_eq!(loaded.eval_to::<String>("(app-run 4)").unwrap(), "<+400+>");
    assert_eq!(loaded.eval_to::<i64>("(extra)").unwrap(), 1);

    // None registered: a typed error naming each.
    let e = match Lisp::load_dump(&path, &LoadOptions::default()) {
        Err(e) => e,
        Ok(_) => panic!("loaded without its host functions"),
    };
    assert_eq!(e.kind, ErrorKind::MissingHostFunctions);
    assert_eq!(e.missing, ["app-scale (1 to 2 arguments)", "app-join (0 or more arguments)"]);
    assert_eq!(
        e.message,
        "dump needs host functions that are not registered: app-scale (1 to 2 arguments), app-join (0 or more arguments)"
    );
    // Another arity is refused too.
    let mut changed = app_host();
    changed.register("app-scale", |_, x: i64| x);
    let e = match Lisp::load_dump(&path, &LoadOptions::host(&changed)) {
        Err(e) => e,
        Ok(_) => panic!("loaded with a changed arity"),
    };
    assert_eq!(e.missing, ["app-scale (1 to 2 arguments) (registered as app-scale (1 argument))"]);
    // The command line has no host functions.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_minilisp"))
        .arg("--load-dump")
        .arg(&path)
        .args(["--eval", "(princ 1)"])
        .env_remove("MINILISP_RECORD_DIR")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("dump needs host functions that are not registered: app-scale"), "{stderr}");
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn snapshot_clones_keep_host_functions_and_run_on_several_threads() {
    let mut base = Lisp::new().unwrap();
    base.install(&app_host());
    base.eval("(defvar fixture (list 1 2 3))").unwrap();
    let snapshot = std::sync::Arc::new(base.snapshot().unwrap());
    let workers: Vec<_> = (0..4)
        .map(|i| {
            let snapshot = std::sync::Arc::clone(&snapshot);
            std::thread::spawn(move || {
                let mut lisp = snapshot.instantiate().unwrap();
                // Each clone mutates its own fixture.
                lisp.eval(&format!("(setcar fixture {i})")).unwrap();
                lisp.eval_to::<Vec<i64>>("(mapcar #'app-scale fixture)").unwrap()
            })
        })
        .collect();
    for (i, w) in workers.into_iter().enumerate() {
        assert_eq!(w.join().unwrap(), [10 * i as i64, 20, 30]);
    }
    let mut fresh = snapshot.instantiate().unwrap();
    assert_eq!(fresh.eval_to::<Vec<i64>>("fixture").unwrap(), [1, 2, 3]);
    // A snapshot from bytes resolves host functions like a file load.
    let bytes = snapshot.bytes().to_vec();
    let e = minilisp::pdump::Snapshot::from_bytes(bytes.clone(), &minilisp::HostFunctions::new()).err().unwrap();
    assert_eq!(e.kind, minilisp::pdump::ErrorKind::MissingHostFunctions);
    let again = minilisp::pdump::Snapshot::from_bytes(bytes, &app_host()).unwrap();
    assert_eq!(again.instantiate().unwrap().eval_to::<i64>("(app-scale 5 5)").unwrap(), 25);
}

/// What can cross threads: an interpreter moves (`Send`), a snapshot is
/// shared (`Send + Sync`), a handle may be dropped anywhere.
#[test]
fn the_api_types_cross_threads_as_documented() {
    fn send<T: Send>() {}
    fn send_sync<T: Send + Sync>() {}
    send::<Lisp>();
    send_sync::<minilisp::pdump::Snapshot>();
    send_sync::<minilisp::Value>();
    send_sync::<minilisp::HostFunctions>();
    send_sync::<minilisp::LispError>();
    send_sync::<minilisp::pdump::Error>();
}

#[test]
fn load_file_reports_a_missing_file_as_emacs_does() {
    let mut lisp = Lisp::new().unwrap();
    let e = lisp.load_file(std::path::Path::new("/no/such/file.el")).unwrap_err();
    assert_eq!(e.object, "(file-missing \"Cannot open load file\" \"No such file or directory\" \"/no/such/file.el\")");
}

/// `(garbage-collect)` counts once in `gcs-done` (it was counted twice).
#[test]
fn an_explicit_collection_counts_once() {
    let mut lisp = Lisp::new().unwrap();
    lisp.set_gc_stress(false); // stress would add collections of its own
    let n = lisp.eval_to::<i64>("(let ((n gcs-done)) (garbage-collect) (garbage-collect) (- gcs-done n))").unwrap();
    assert_eq!(n, 2);
}

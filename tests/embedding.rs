//! The library API: interpreters are independent values that can live on
//! any thread, several at once, each with its own heap.

use minilisp::Interp;

#[test]
fn interpreters_on_several_threads_do_not_share_state() {
    let handles: Vec<_> = (0..4)
        .map(|i| {
            std::thread::spawn(move || {
                let mut interp = Interp::new().expect("boot");
                interp.eval_str(&format!("(defvar my-id {i})")).unwrap();
                interp
                    .eval_str("(defun build (n) (let (acc) (dotimes (k n) (push (cons k my-id) acc)) acc))")
                    .unwrap();
                for _ in 0..20 {
                    interp.eval_str("(length (build 5000))").unwrap();
                    interp.gc(&[]);
                }
                let v = interp.eval_str("(list my-id (length (build 10)) (cdr (car (build 3))))").unwrap();
                interp.prin1_to_string(v)
            })
        })
        .collect();
    for (i, h) in handles.into_iter().enumerate() {
        assert_eq!(h.join().unwrap(), format!("({i} 10 {i})"));
    }
}

#[test]
fn an_interpreter_moves_between_threads() {
    let mut interp = Interp::new().expect("boot");
    interp.eval_str("(defvar counter 41)").unwrap();
    let mut interp = std::thread::spawn(move || {
        interp.eval_str("(setq counter (1+ counter))").unwrap();
        interp
    })
    .join()
    .unwrap();
    let v = interp.eval_str("counter").unwrap();
    assert_eq!(interp.prin1_to_string(v), "42");
}

#[test]
fn errors_reach_rust_as_lisp_errors_and_the_interpreter_goes_on() {
    let mut interp = Interp::new().expect("boot");
    let e = interp.eval_str("(car 1)").unwrap_err();
    assert_eq!(e.message, "Wrong type argument: listp, 1");
    assert_eq!(e.object, "(wrong-type-argument listp 1)");
    let e = interp.eval_str("(defun deep (n) (1+ (deep n))) (deep 0)").unwrap_err();
    assert_eq!(e.message, "Lisp nesting exceeds ‘max-lisp-eval-depth’");
    let v = interp.eval_str("(+ 1 2)").unwrap();
    assert_eq!(interp.prin1_to_string(v), "3");
}

#[test]
fn another_thread_interrupts_an_endless_evaluation_with_quit() {
    use std::sync::atomic::Ordering;
    let mut interp = Interp::new().expect("boot");
    interp.eval_str("(defvar spins 0)").unwrap();
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
            let r = interp.eval_str(form);
            results.push(match r {
                Ok(v) => interp.prin1_to_string(v),
                Err(e) => format!("error {}: {}", e.object, e.message),
            });
        }
        // The flag was cleared by the quit: evaluation goes on normally.
        let v = interp.eval_str("(> spins 0)").unwrap();
        results.push(interp.prin1_to_string(v));
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
    let mut interp = Interp::new().expect("boot");
    let v = interp.eval_str("(list \"kept\" (make-vector 3 'x) 1.5)").unwrap();
    let pin = interp.pin(v);
    for _ in 0..5 {
        interp.eval_str("(make-list 100000 'garbage)").unwrap();
        let _ = interp.eval_str("(car 'error-in-between)");
        interp.gc(&[]);
    }
    assert_eq!(interp.prin1_to_string(interp.pinned(pin)), "(\"kept\" [x x x] 1.5)");
    interp.unpin(pin);
}

/// A lower `max-lisp-eval-depth` takes effect at once, in a `let` and by
/// `setq`, and the old limit is back when the binding ends (the limit was
/// cached and re-read only past the cached value).
#[test]
fn a_lower_max_lisp_eval_depth_takes_effect_at_once() {
    let mut interp = Interp::new().expect("boot");
    let mut eval = |src: &str| match interp.eval_str(src) {
        Ok(v) => interp.prin1_to_string(v),
        Err(e) => format!("ERROR {}", e.object),
    };
    eval("(defun depth-probe (n) (if (= n 0) 0 (1+ (depth-probe (1- n)))))");
    assert_eq!(eval("(condition-case nil (let ((max-lisp-eval-depth 200)) (depth-probe 100)) (error 'too-deep))"), "too-deep");
    assert_eq!(eval("(depth-probe 100)"), "100");
    assert_eq!(eval("(progn (setq max-lisp-eval-depth 150) (condition-case nil (depth-probe 100) (error 'too-deep)))"), "too-deep");
    assert_eq!(eval("(progn (setq max-lisp-eval-depth 1600) (depth-probe 100))"), "100");
}

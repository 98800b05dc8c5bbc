//! ERT from the command line: `minilisp -l FILE -f ert-run-tests-batch-and-exit`
//! (as with Emacs) and `minilisp --test FILE...` (each test in its own clone
//! of the interpreter, in parallel): isolation, failures and exit statuses,
//! the selector, and the two giving the same report.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Run {
    stdout: String,
    stderr: String,
    status: i32,
}

fn run(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_minilisp"))
        .args(args)
        .env("LC_ALL", "C.UTF-8")
        .env("XDG_CACHE_HOME", std::env::temp_dir().join("minilisp-ert-cache"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("spawn minilisp");
    Run {
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
        status: out.status.code().expect("exit status"),
    }
}

/// A fresh test file with `text` under the temporary directory.
fn test_file(text: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir =
        std::env::temp_dir().join(format!("minilisp-ert-{}-{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed)));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("tests.el");
    std::fs::write(&path, format!(";;; -*- lexical-binding: t -*-\n(require 'ert)\n{text}")).unwrap();
    path
}

/// The report with ERT's dates and durations replaced (they vary).
fn normalize(report: &str) -> String {
    let mut out = Vec::new();
    for line in report.lines() {
        let mut l = line.to_string();
        if let Some(i) = l.find(" (20") {
            // "Running N tests (DATE, selector ...)" and "Ran ... (DATE, T sec)"
            if let Some(j) = l[i..].find(',') {
                l.replace_range(i + 2..i + j, "DATE");
            }
        }
        if l.ends_with(" sec)") {
            let end = l.len() - " sec)".len();
            let start = l[..end].rfind(|c: char| !(c.is_ascii_digit() || c == '.')).map_or(0, |k| k + 1);
            l.replace_range(start..end, "T");
        }
        out.push(l);
    }
    out.join("\n")
}

const ISOLATION: &str = r#"
(defvar shared-counter 0)
(defvar shared-list (list 'a))
(ert-deftest iso-a-mutates ()
  (setq shared-counter (+ shared-counter 100))
  (setcar shared-list 'changed)
  (defun iso-defined-by-a () t)
  (should (= shared-counter 100)))
(ert-deftest iso-b-reads ()
  (should (= shared-counter 0))
  (should (eq (car shared-list) 'a))
  (should-not (fboundp 'iso-defined-by-a)))
(ert-deftest iso-c-reads ()
  (should (= shared-counter 0))
  (should (eq (car shared-list) 'a)))
"#;

#[test]
fn tests_do_not_see_each_others_state() {
    let f = test_file(ISOLATION);
    let r = run(&["--test", f.to_str().unwrap()]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let report = normalize(&r.stderr);
    assert!(report.starts_with("Running 3 tests (DATE, selector ‘t’)\n"), "{report}");
    assert!(report.contains("   passed  1/3  iso-a-mutates (T sec)\n"), "{report}");
    assert!(report.contains("   passed  2/3  iso-b-reads (T sec)\n"), "{report}");
    assert!(report.contains("   passed  3/3  iso-c-reads (T sec)\n"), "{report}");
    assert!(report.contains("Ran 3 tests, 3 results as expected, 0 unexpected (DATE, T sec)"), "{report}");
    // In one interpreter (as Emacs runs them), the mutation leaks: b fails.
    let r = run(&["-l", f.to_str().unwrap(), "-f", "ert-run-tests-batch-and-exit"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(r.stderr.contains("   FAILED  2/3  iso-b-reads"), "{}", r.stderr);
}

const MIXED: &str = r#"
(ert-deftest m-pass () (princ "out-of-pass\n") (message "msg-of-pass") (should (= 1 1)))
(ert-deftest m-fail () (should (= (+ 1 1) 3)))
(ert-deftest m-error () (car 1))
(ert-deftest m-skip () (skip-unless nil))
(ert-deftest m-known () :expected-result :failed (should nil))
(ert-deftest m-should-error () (should (equal (should-error (/ 1 0) :type 'arith-error) '(arith-error))))
(ert-deftest other-pass () (should t))
"#;

#[test]
fn failing_tests_are_reported_and_exit_1() {
    let f = test_file(MIXED);
    let r = run(&["--test", f.to_str().unwrap()]);
    assert_eq!(r.status, 1);
    assert_eq!(r.stdout, "out-of-pass\n");
    let report = normalize(&r.stderr);
    let want = "\
Running 7 tests (DATE, selector ‘t’)
Test m-error backtrace:
Test m-error condition:
    (wrong-type-argument listp 1)
   FAILED  1/7  m-error (T sec)
Test m-fail backtrace:
Test m-fail condition:
    (ert-test-failed
     ((should
       (=
\t(+ 1 1)
\t3))
      :form
      (= 2 3)
      :value nil))
   FAILED  2/7  m-fail (T sec)
   failed  3/7  m-known (T sec)

msg-of-pass
   passed  4/7  m-pass (T sec)
   passed  5/7  m-should-error (T sec)
  skipped  6/7  m-skip (T sec)
   passed  7/7  other-pass (T sec)

Ran 7 tests, 4 results as expected, 2 unexpected, 1 skipped (DATE, T sec)
1 expected failures

2 unexpected results:
   FAILED  m-error
   FAILED  m-fail

1 skipped results:
  SKIPPED  m-skip
";
    // The empty line before "msg-of-pass": Emacs's batch `message` starts
    // a new line when anything went to standard output before.
    assert_eq!(report.trim_end(), want.trim_end());
}

#[test]
fn test_mode_and_emacs_style_runs_give_the_same_report() {
    let f = test_file(MIXED);
    let parallel = run(&["--test", f.to_str().unwrap()]);
    let emacs_style = run(&["-l", f.to_str().unwrap(), "-f", "ert-run-tests-batch-and-exit"]);
    assert_eq!(parallel.status, emacs_style.status);
    assert_eq!(parallel.stdout, emacs_style.stdout);
    assert_eq!(normalize(&parallel.stderr), normalize(&emacs_style.stderr));
    let f = test_file(ISOLATION.replace("iso-a-mutates", "iso-z-mutates").as_str());
    // Mutating the last test: both orders see the same state.
    let parallel = run(&["--test", f.to_str().unwrap()]);
    let emacs_style = run(&["-l", f.to_str().unwrap(), "-f", "ert-run-tests-batch-and-exit"]);
    assert_eq!((parallel.status, emacs_style.status), (0, 0));
    assert_eq!(normalize(&parallel.stderr), normalize(&emacs_style.stderr));
}

#[test]
fn selector_takes_a_name_or_a_prefix() {
    let f = test_file(MIXED);
    let r = run(&["--test", f.to_str().unwrap(), "--test-select", "m-s"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let report = normalize(&r.stderr);
    assert!(report.starts_with("Running 2 tests (DATE, selector ‘\"m-s\"’)\n"), "{report}");
    assert!(report.contains("   passed  1/2  m-should-error (T sec)\n"), "{report}");
    assert!(report.contains("  skipped  2/2  m-skip (T sec)\n"), "{report}");
    // The option may come anywhere on the command line.
    let r = run(&["--test-select", "m-fail", "--test", f.to_str().unwrap()]);
    assert_eq!(r.status, 1);
    assert!(normalize(&r.stderr).contains("Ran 1 tests, 0 results as expected, 1 unexpected"), "{}", r.stderr);
    let r = run(&["--test", f.to_str().unwrap(), "--test-select", "nothing"]);
    assert_eq!(r.status, 0);
    assert!(normalize(&r.stderr).contains("Ran 0 tests, 0 results as expected, 0 unexpected"), "{}", r.stderr);
}

#[test]
fn many_files_and_load_errors() {
    let a = test_file("(ert-deftest a-one () (should t))");
    let b = test_file("(ert-deftest b-one () (should (eq (a-helper) 'ok)))\n(defun a-helper () 'ok)");
    let r = run(&["--test", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(normalize(&r.stderr).contains("Ran 2 tests, 2 results as expected, 0 unexpected"), "{}", r.stderr);
    // Other actions run first, in order.
    let r = run(&["--eval", "(defvar pre 1)", "--test", b.to_str().unwrap()]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let bad = test_file("(ert-deftest ok () (should t))\n(car 1)");
    let r = run(&["--test", bad.to_str().unwrap()]);
    assert_eq!(r.status, 255);
    assert_eq!(r.stderr, "Wrong type argument: listp, 1\n");
    let r = run(&["--test"]);
    assert_eq!(r.status, 2);
}

#[test]
fn a_test_may_recurse_deeply_on_its_thread() {
    let f = test_file(
        "(defun deep (n) (if (= n 0) 0 (1+ (deep (1- n)))))\n\
         (ert-deftest deep-1 () (let ((max-lisp-eval-depth 200000)) (should (= (deep 30000) 30000))))\n\
         (ert-deftest deep-2 () (let ((max-lisp-eval-depth 200000)) (should (= (deep 30000) 30000))))",
    );
    let r = run(&["--test", f.to_str().unwrap()]);
    assert_eq!(r.status, 0, "{}", r.stderr);
}

//! The `minilisp` command line in batch mode: option order, scripts and
//! their arguments, exit statuses and the shape of error reports (as
//! `emacs -Q --batch` prints them, with `backtrace-on-error-noninteractive`
//! nil). Also the REPL fed from a pipe.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Run {
    stdout: String,
    stderr: String,
    status: i32,
}

fn run_with_input(args: &[&str], input: &str) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_minilisp"))
        .args(args)
        .env("LC_ALL", "C.UTF-8")
        .env("XDG_CACHE_HOME", cache_home())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn minilisp");
    let mut stdin = child.stdin.take().unwrap();
    // The program may exit without reading its input (--help): a broken pipe is fine.
    let _ = stdin.write_all(input.as_bytes());
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    Run {
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
        status: out.status.code().expect("exit status"),
    }
}

/// A cache directory of the tests' own (not the user's), shared by all
/// runs: the default dump is built by whichever start comes first and used
/// afterwards (one file per build, named after its fingerprint).
fn cache_home() -> PathBuf {
    std::env::temp_dir().join("minilisp-cli-cache")
}

fn run(args: &[&str]) -> Run {
    run_with_input(args, "")
}

/// A fresh file with `text` under the temporary directory.
fn script(name: &str, text: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir =
        std::env::temp_dir().join(format!("minilisp-cli-{}-{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed)));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, format!(";;; -*- lexical-binding: t -*-\n{text}")).unwrap();
    path
}

fn path_str(p: &std::path::Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn eval_options_run_in_order() {
    let r = run(&["--eval", "(princ \"a\")", "--eval=(princ \"b\")", "-eval", "(princ \"c\")"]);
    assert_eq!((r.stdout.as_str(), r.stderr.as_str(), r.status), ("abc", "", 0));
}

#[test]
fn eval_reads_one_form_and_binds_lexically() {
    // Emacs 28: (eval (car (read-from-string EXPR)) t); the rest is ignored.
    let r = run(&["--eval", "(princ 1) (princ 2)"]);
    assert_eq!((r.stdout.as_str(), r.status), ("1", 0));
    let r = run(&["--eval", "(let ((y 2)) (princ (funcall (let ((y 5)) (lambda () y)))))"]);
    assert_eq!((r.stdout.as_str(), r.status), ("5", 0));
    let r = run(&["--eval", "(princ lexical-binding)"]);
    assert_eq!(r.stdout, "t");
}

#[test]
fn empty_eval_is_end_of_file() {
    let r = run(&["--eval", "  "]);
    assert_eq!((r.stdout.as_str(), r.stderr.as_str(), r.status), ("", "End of file during parsing\n", 255));
}

#[test]
fn load_and_eval_interleave() {
    let a = script("a.el", "(princ \"A\")\n(setq from-a 1)\n");
    let b = script("b.el", "(princ (list \"B\" from-a from-eval))\n");
    let r = run(&["-l", path_str(&a), "--eval", "(setq from-eval 2)", "--load", path_str(&b)]);
    assert_eq!((r.stdout.as_str(), r.stderr.as_str(), r.status), ("A(B 1 2)", "", 0));
    let r = run(&[&format!("--load={}", path_str(&a)), "--eval", "(princ from-a)"]);
    assert_eq!(r.stdout, "A1");
}

#[test]
fn script_gets_the_remaining_arguments() {
    let s = script("args.el", "(prin1 command-line-args-left)\n");
    let r = run(&[path_str(&s), "a", "--eval", "-l"]);
    assert_eq!((r.stdout.as_str(), r.stderr.as_str(), r.status), ("(\"a\" \"--eval\" \"-l\")", "", 0));
    let r = run(&[path_str(&s)]);
    assert_eq!(r.stdout, "nil");
    // Options before the script still run first.
    let r = run(&["-Q", "--batch", "--eval", "(princ 0)", path_str(&s), "x"]);
    assert_eq!(r.stdout, "0(\"x\")");
    // `--` makes the next argument the script even if it looks like an option.
    let r = run(&["--", path_str(&s), "-q"]);
    assert_eq!(r.stdout, "(\"-q\")");
}

#[test]
fn actions_see_and_may_consume_the_arguments_after_them() {
    // As in Emacs: while `--eval` runs, command-line-args-left holds what
    // follows it, and a script can pop the arguments it handles.
    let r = run(&["--eval", "(prin1 command-line-args-left)", "--eval", "(princ 1)"]);
    assert_eq!(r.stdout, "(\"--eval\" \"(princ 1)\")1");
    let pop = script(
        "pop.el",
        "(princ (car command-line-args-left))\n(setq command-line-args-left (cdr command-line-args-left))\n",
    );
    let r = run(&["-l", path_str(&pop), "--not-an-option-but-consumed", "--eval", "(princ 2)"]);
    // The up-front check rejects the unknown option before anything runs.
    assert_eq!(r.status, 2);
    let r = run(&["-l", path_str(&pop), "value", "--eval", "(princ 2)"]);
    assert_eq!((r.stdout.as_str(), r.stderr.as_str(), r.status), ("value2", "", 0));
}

#[test]
fn funcall_and_directory_options() {
    let r = run(&["--eval", "(fset 'main (lambda () (princ \"main\")))", "-f", "main"]);
    assert_eq!((r.stdout.as_str(), r.status), ("main", 0));
    let r = run(&["-L", "/some/dir", "-L", ":/last", "--eval", "(prin1 load-path)"]);
    assert_eq!(r.stdout, "(\"/some/dir\" \"/last\")");
}

/// What Emacs 28 prints for an error that escapes, with
/// `backtrace-on-error-noninteractive` nil (checked against `emacs -Q --batch`).
#[test]
fn escaped_errors_are_reported_like_emacs() {
    let cases = [
        ("(car 1)", "Wrong type argument: listp, 1\n"),
        ("(error \"boom %d\" 3)", "boom 3\n"),
        ("(signal 'foo '(1 2))", "peculiar error: 1, 2\n"),
        ("(throw 'x 1)", "No catch for tag: x, 1\n"),
        ("zzz", "Symbol’s value as variable is void: zzz\n"),
        ("(zzz)", "Symbol’s function definition is void: zzz\n"),
    ];
    for (expr, message) in cases {
        let r = run(&["--eval", expr]);
        assert_eq!((r.stderr.as_str(), r.status), (message, 255), "--eval {expr}");
        let s = script("err.el", &format!("(princ \"before\")\n{expr}\n(princ \"after\")\n"));
        let r = run(&[path_str(&s)]);
        assert_eq!((r.stdout.as_str(), r.stderr.as_str(), r.status), ("before", message, 255), "script {expr}");
    }
}

#[test]
fn an_error_stops_the_remaining_options() {
    let r = run(&["--eval", "(princ 1)", "--eval", "(car 1)", "--eval", "(princ 2)"]);
    assert_eq!((r.stdout.as_str(), r.stderr.as_str(), r.status), ("1", "Wrong type argument: listp, 1\n", 255));
}

#[test]
fn missing_file() {
    let r = run(&["-l", "/nonexistent/minilisp-test.el"]);
    assert_eq!(
        (r.stderr.as_str(), r.status),
        ("Cannot open load file: No such file or directory, /nonexistent/minilisp-test.el\n", 255)
    );
}

#[test]
fn kill_emacs_exits_with_its_status() {
    let r = run(&["--eval", "(princ \"out\")", "--eval", "(kill-emacs 3)", "--eval", "(princ \"no\")"]);
    assert_eq!((r.stdout.as_str(), r.stderr.as_str(), r.status), ("out", "", 3));
    let r = run(&["--eval", "(kill-emacs)"]);
    assert_eq!(r.status, 0);
    let s = script("kill.el", "(princ \"x\")\n(kill-emacs 7)\n");
    let r = run(&[path_str(&s)]);
    assert_eq!((r.stdout.as_str(), r.status), ("x", 7));
}

#[test]
fn stdout_is_flushed_before_stderr_and_at_exit() {
    // Interleaving is visible when both go to the same pipe.
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' --eval '(progn (princ \"one\\n\") (princ \"two\") (car 1))' 2>&1",
            env!("CARGO_BIN_EXE_minilisp")
        ))
        .output()
        .unwrap();
    // (Emacs itself leaves stdout buffered until exit when it is a pipe;
    // minilisp flushes it first so that a terminal shows things in order.)
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "one\ntwoWrong type argument: listp, 1\n");
    // A lot of output, all of it written.
    let r = run(&["--eval", "(let ((i 0)) (while (< i 20000) (princ i) (terpri) (setq i (1+ i))))"]);
    assert_eq!(r.stdout.lines().count(), 20000);
    assert!(r.stdout.ends_with("19999\n"));
}

#[test]
fn usage_errors_exit_2_before_anything_runs() {
    let r = run(&["--eval", "(princ 1)", "--bogus"]);
    assert_eq!(r.status, 2);
    assert_eq!(r.stdout, "");
    assert!(r.stderr.starts_with("minilisp: unknown option '--bogus'\n"), "{}", r.stderr);
    let r = run(&["-l"]);
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("option '-l' requires an argument"), "{}", r.stderr);
    // Conflicting dump options (the dump options themselves: tests/dump_cli.rs).
    for args in [
        &["--load-dump", "x", "--no-dump", "--eval", "(princ 1)"][..],
        &["--dump-file", "x", "--dump-file", "y"],
        &["--dump-info", "x", "--eval", "(princ 1)"],
    ] {
        let r = run(args);
        assert_eq!((r.stdout.as_str(), r.status), ("", 2), "{args:?}");
        assert!(r.stderr.starts_with("minilisp: option") && r.stderr.contains("--help"), "{args:?}: {}", r.stderr);
    }
}

#[test]
fn help_version_and_ignored_emacs_options() {
    let r = run(&["--help"]);
    assert_eq!(r.status, 0);
    assert!(r.stdout.starts_with("Usage: minilisp"));
    let r = run(&["--version"]);
    assert_eq!((r.stdout.trim(), r.status), (concat!("minilisp ", env!("CARGO_PKG_VERSION")), 0));
    let r = run(&["-q", "-Q", "--no-site-file", "--batch", "--eval", "(princ noninteractive)"]);
    assert_eq!((r.stdout.as_str(), r.status), ("t", 0));
    // --batch with nothing to do does nothing (no REPL reading stdin).
    let r = run_with_input(&["--batch"], "(princ 1)\n");
    assert_eq!((r.stdout.as_str(), r.status), ("", 0));
}

#[test]
fn repl_from_a_pipe() {
    let input = "(+ 1 2)\n(defun f (x)\n  (* x 2))\n(f 21) (car 1)\n(princ \"hi\")\n\"s\" ; comment\n(list 1\n";
    let r = run_with_input(&[], input);
    assert_eq!(r.stdout, "=> 3\n=> f\n=> 42\nhi\n=> \"hi\"\n=> \"s\"\n");
    assert_eq!(r.stderr, "*** ERROR: Wrong type argument: listp, 1\n*** ERROR: End of file during parsing\n");
    assert_eq!(r.status, 0);
    // -i runs the REPL after the other options; kill-emacs ends it.
    let r = run_with_input(&["--eval", "(setq x 5)", "-i"], "x\n(kill-emacs 4)\nx\n");
    assert_eq!((r.stdout.as_str(), r.status), ("=> 5\n", 4));
}

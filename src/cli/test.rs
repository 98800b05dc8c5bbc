//! `minilisp --test FILE...`: ERT tests, each in its own interpreter.
//!
//! The command line's other actions (`-L`, `-l`, `--eval`, `-f`) run first,
//! in order, then the test FILEs are loaded, once, into the interpreter
//! the command line started with (the default dump, as always). A
//! [`Snapshot`] of that state is taken and every selected test runs in a
//! fresh instance of it, on a pool of threads as wide as the machine
//! (`available_parallelism`), each with the big stack the main
//! interpreter has. A test therefore sees the state the files left, never
//! what another test did.
//!
//! The report is ERT's batch report, produced by the same Lisp functions
//! `ert-run-tests-batch` uses (`lisp/ert.el`): the "Running N tests" line,
//! per test whatever it printed (standard output and error, interleaved as
//! written) and its result line, then the summary. Tests are reported in
//! ERT's order (by name, as Emacs runs them), as soon as all before them
//! are done, whatever order they complete in. The exit status is ERT's: 0
//! when every result was as expected, 1 otherwise.
//!
//! `--test-select NAME` runs only the tests named NAME or whose name starts
//! with NAME (minilisp has no regexps yet; the report shows the selector
//! as the string NAME).

use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};

use crate::Lisp;
use crate::interp::Interp;
use crate::pdump::Snapshot;

use super::args::{Item, next_item};
use super::{EXIT_ERROR, batch};

/// Each test thread's stack, as the main interpreter's (src/main.rs).
const STACK_SIZE: usize = 256 << 20;

/// Output a test wrote, in order: `true` for standard output.
type Log = Arc<Mutex<Vec<(bool, Vec<u8>)>>>;

/// One of a clone's two output streams, appending to the shared log.
struct Recorder {
    stdout: bool,
    log: Log,
}

impl Write for Recorder {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut log = self.log.lock().unwrap();
        match log.last_mut() {
            Some((s, bytes)) if *s == self.stdout => bytes.extend_from_slice(buf),
            _ => log.push((self.stdout, buf.to_vec())),
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What one test produced.
struct Outcome {
    log: Vec<(bool, Vec<u8>)>,
    /// `(TYPE . EXPECTED-P)` as `prin1` prints it.
    result: String,
}

/// The command line without the test files and test options: the actions
/// `batch::run` does before the files are loaded.
fn pre_actions(argv: &[String]) -> Vec<String> {
    let mut out = vec![argv.first().cloned().unwrap_or_default()];
    let mut rest = argv.get(1..).unwrap_or_default();
    while !rest.is_empty() {
        let Ok((item, used)) = next_item(rest) else { break };
        match item {
            Item::Test | Item::TestSelect(_) => {}
            // With `--test` first, every file is a test file (`Options::parse`).
            Item::Script(_) => {}
            _ => out.extend(rest[..used].iter().cloned()),
        }
        rest = &rest[used..];
    }
    out
}

/// Runs the `--test` command line; returns the exit status.
pub fn run(mut interp: Interp, argv: &[String], files: &[String], select: Option<&str>) -> i32 {
    match batch::run(&mut interp, &pre_actions(argv)) {
        Ok(()) => {}
        Err(batch::Stop::Exit(status)) => return status,
        Err(batch::Stop::Usage(e)) => return super::usage_error(&e),
    }
    for file in files {
        if let Err(e) = batch::load(&mut interp, file) {
            return batch::report(&mut interp, &e);
        }
    }
    let mut lisp = Lisp::from_interp(interp);
    let status = run_tests(&mut lisp, select);
    let _ = lisp.m.stdout.flush();
    status
}

fn lisp_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

fn fail(lisp: &mut Lisp, e: &crate::LispError) -> i32 {
    batch::report(&mut lisp.m, e)
}

fn run_tests(lisp: &mut Lisp, select: Option<&str>) -> i32 {
    let (selector, names_form) = match select {
        Some(p) => (lisp_string(p), format!("(ert--select-by-prefix {})", lisp_string(p))),
        None => ("t".to_string(), "(ert-select-tests t)".to_string()),
    };
    if let Err(e) = lisp.eval("(require 'ert)") {
        return fail(lisp, &e);
    }
    // Each name as `prin1` prints it, so it reads back as the same symbol.
    let names: Vec<String> = match lisp.eval_to(&format!("(mapcar #'prin1-to-string {names_form})")) {
        Ok(n) => n,
        Err(e) => return fail(lisp, &e),
    };
    let total = names.len();
    let start: String = match lisp.eval_to(&format!(
        "(prin1-to-string (ert--batch-report-start {total} '{selector}))"
    )) {
        Ok(s) => s,
        Err(e) => return fail(lisp, &e),
    };
    let snapshot = match lisp.snapshot() {
        Ok(s) => Arc::new(s),
        Err(e) => {
            lisp.m.write_stderr(&format!("minilisp: cannot snapshot the test files' state: {}\n", e.message));
            return EXIT_ERROR;
        }
    };
    let names = Arc::new(names);
    let next = Arc::new(AtomicUsize::new(0));
    let (tx, rx) = mpsc::channel::<(usize, Outcome)>();
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(total.max(1));
    let mut handles = Vec::new();
    for w in 0..workers {
        let (snapshot, names, next, tx) = (snapshot.clone(), names.clone(), next.clone(), tx.clone());
        let spawned = std::thread::Builder::new()
            .name(format!("minilisp-test-{w}"))
            .stack_size(STACK_SIZE)
            .spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= names.len() {
                        break;
                    }
                    let outcome = run_one(&snapshot, &names[i], i + 1, names.len());
                    if tx.send((i, outcome)).is_err() {
                        break;
                    }
                }
            });
        match spawned {
            Ok(h) => handles.push(h),
            Err(e) => {
                lisp.m.write_stderr(&format!("minilisp: cannot start a test thread: {e}\n"));
                return EXIT_ERROR;
            }
        }
    }
    drop(tx);
    // Report in ERT's order, each test as soon as all before it are done.
    let mut done: Vec<Option<Outcome>> = (0..total).map(|_| None).collect();
    let mut results = vec![String::new(); total];
    let mut shown = 0;
    for (i, outcome) in rx {
        done[i] = Some(outcome);
        while shown < total {
            let Some(o) = done[shown].take() else { break };
            for (to_stdout, bytes) in &o.log {
                if *to_stdout {
                    let _ = lisp.m.stdout.write_all(bytes);
                } else {
                    lisp.m.write_stderr(&String::from_utf8_lossy(bytes));
                }
            }
            results[shown] = o.result;
            shown += 1;
        }
    }
    for h in handles {
        let _ = h.join();
    }
    if shown < total {
        lisp.m.write_stderr("minilisp: a test thread died\n");
        return EXIT_ERROR;
    }
    let form = format!(
        "(ert--batch-report-end '({}) '({}) {start})",
        names.join(" "),
        results.join(" ")
    );
    match lisp.eval_to::<i64>(&form) {
        Ok(0) => 0,
        Ok(_) => 1,
        Err(e) => fail(lisp, &e),
    }
}

/// Runs the test `name` (`prin1` text) in a fresh instance of `snapshot`.
fn run_one(snapshot: &Snapshot, name: &str, pos: usize, total: usize) -> Outcome {
    let log: Log = Arc::new(Mutex::new(Vec::new()));
    let failed = "(:failed)".to_string();
    let mut clone = match snapshot.instantiate() {
        Ok(c) => c,
        Err(e) => {
            let msg = format!("minilisp: cannot instantiate the snapshot for {name}: {}\n", e.message);
            return Outcome { log: vec![(false, msg.into_bytes())], result: failed };
        }
    };
    clone.m.stdout = Box::new(Recorder { stdout: true, log: log.clone() });
    clone.m.stderr = Box::new(Recorder { stdout: false, log: log.clone() });
    let r = clone.eval_to::<String>(&format!("(prin1-to-string (ert--batch-run-test '{name} {pos} {total}))"));
    let result = match r {
        Ok(s) => s,
        Err(e) => {
            // Only `kill-emacs` or a failure of ERT itself gets here.
            let msg = match e.exit_status {
                Some(status) => format!("Test {name} called kill-emacs ({status})\n"),
                None => format!("{}\n", e.message),
            };
            let _ = clone.m.stderr.write_all(msg.as_bytes());
            failed
        }
    };
    drop(clone);
    let log = std::mem::take(&mut *log.lock().unwrap());
    Outcome { log, result }
}

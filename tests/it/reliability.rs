//! Reliability of the `minilisp` binary: never crash, never lose a dump.
//!
//! - `interrupted_dumps_keep_the_previous_dump`: a dump of a ~60 MB heap to
//!   PATH killed (SIGKILL) at spread moments of its write never replaces or
//!   damages the dump already at PATH, leaves no file a load accepts, and the
//!   next complete dump removes the temporaries the killed writers left.
//! - `a_full_disk_fails_cleanly`: writes failing with EFBIG (a file-size
//!   limit, as a full disk fails with ENOSPC) make the dump fail with one
//!   clear line and status 2, keep the old dump, leave no temporary.
//! - `garbage_in_never_crashes`: random bytes, mutated conformance
//!   programs and calls of every built-in with edge-case arguments, as
//!   script files and as `--eval` arguments: never a panic, a signal, an
//!   unexpected exit status or a hang (see `may_run_long`).
//! - Regression tests named after the bugs that fuzzing found.
//!
//! See docs/reliability.md. `RELIABILITY_SEED=N` and `RELIABILITY_RUNS=N`
//! change the fuzzing; a failing input is saved under
//! `target/reliability-failures/` to rerun by hand (every input with
//! `RELIABILITY_SAVE_ALL=1`).

use std::io::Read;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

// ---------------------------------------------------------------------------
// Helpers

/// A fresh directory, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("minilisp-reliability-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    /// Names in the directory that are dump temporaries of `target`.
    fn temporaries(&self, target: &str) -> Vec<String> {
        let prefix = format!(".{target}.tmp.");
        let mut v: Vec<String> = std::fs::read_dir(&self.0)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(&prefix))
            .collect();
        v.sort();
        v
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `minilisp ARGS` with its HOME and cache inside `home`, no stdin.
fn minilisp(home: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_minilisp"));
    c.args(args)
        .env("LC_ALL", "C.UTF-8")
        .env("HOME", home)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env_remove("MINILISP_GC_STRESS")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

struct Ran {
    /// None: still running at the deadline (then killed).
    status: Option<ExitStatus>,
    stdout: String,
    stderr: String,
}

/// Reads a pipe to its end in a thread, keeping the first 64 KiB.
fn drain(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let (mut kept, mut buf) = (Vec::new(), [0u8; 8192]);
        while let Ok(n) = pipe.read(&mut buf) {
            if n == 0 {
                break;
            }
            if kept.len() < 64 * 1024 {
                kept.extend_from_slice(&buf[..n]);
            }
        }
        kept
    })
}

/// Runs `cmd`, killing it if it is still running after `timeout`.
fn run_timed(mut cmd: Command, timeout: Duration) -> Ran {
    let mut child = cmd.spawn().expect("spawn minilisp");
    let out = drain(child.stdout.take().unwrap());
    let err = drain(child.stderr.take().unwrap());
    let start = Instant::now();
    let mut nap = Duration::from_micros(100);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break Some(s);
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(nap);
        nap = (nap * 2).min(Duration::from_millis(5));
    };
    let text = |h: std::thread::JoinHandle<Vec<u8>>| String::from_utf8_lossy(&h.join().unwrap()).into_owned();
    Ran { status, stdout: text(out), stderr: text(err) }
}

fn run(cmd: Command) -> Ran {
    run_timed(cmd, Duration::from_secs(120))
}

/// Resource limits for the child, set between fork and exec: a file-size
/// limit (with SIGXFSZ ignored, so a write past it fails with EFBIG instead
/// of killing the process) and an address-space limit.
fn limit(cmd: &mut Command, file_size: Option<u64>, address_space: Option<u64>) {
    let set = |resource, n: u64| {
        let lim = libc::rlimit { rlim_cur: n as libc::rlim_t, rlim_max: n as libc::rlim_t };
        // SAFETY: setrlimit only reads `lim`.
        if unsafe { libc::setrlimit(resource, &lim) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(())
    };
    // SAFETY: the hook runs in the forked child before exec and only calls
    // setrlimit and signal, both async-signal-safe; it allocates nothing.
    unsafe {
        cmd.pre_exec(move || {
            if let Some(n) = file_size {
                set(libc::RLIMIT_FSIZE, n)?;
                libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            }
            if let Some(n) = address_space {
                set(libc::RLIMIT_AS, n)?;
            }
            Ok(())
        });
    }
}

fn describe(status: Option<ExitStatus>) -> String {
    match status {
        None => "still running at the deadline".into(),
        Some(s) => match (s.code(), s.signal()) {
            (Some(c), _) => format!("status {c}"),
            (_, Some(sig)) => format!("killed by signal {sig}"),
            _ => format!("{s:?}"),
        },
    }
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

// ---------------------------------------------------------------------------
// 1. Interrupted dumps

/// Builds `rel-big`: N pairs `(i . "i")`, newest first. N = 600000 makes a
/// 63 MB dump (1.3 s to write, fsync included, in release on the 2-core
/// development machine); debug builds use fewer.
fn big_program(n: usize) -> String {
    format!(
        ";;; -*- lexical-binding: t -*-
(defvar rel-gen nil)
(defvar rel-big nil)
(let ((i 0) (acc nil))
  (while (< i {n})
    (setq acc (cons (cons i (number-to-string i)) acc))
    (setq i (1+ i)))
  (setq rel-big acc))
"
    )
}

const CHECK: &str = "(princ (list rel-gen (length rel-big) (nth 12345 rel-big)))";

fn expected_check(generation: &str, n: usize) -> String {
    let i = n - 1 - 12345;
    format!("({generation} {n} ({i} . {i}))")
}

/// A dump of generation `generation` of the big heap to `path`.
fn big_dump(dir: &TempDir, big: &Path, path: &Path, generation: &str) -> Command {
    let set = format!("(setq rel-gen \"{generation}\")");
    minilisp(&dir.0, &["--no-dump", "-l", s(big), "--eval", &set, "--dump-file", s(path)])
}

/// When to kill a dump.
#[derive(Debug, Clone, Copy)]
enum Kill {
    /// This long after the start (evaluating, no temporary yet).
    AfterStart(Duration),
    /// This long after the temporary appears (collecting and placing
    /// objects before the first byte is written, or writing).
    AfterTemporary(Duration),
    /// Once the temporary holds this fraction of the previous dump's size
    /// (1.0: all written but the header).
    AtSize(f64),
    /// Once the header is written, magic still "incomplete" (syncing).
    HeaderWritten,
}

/// The path of `child`'s temporary for `target` (serial 0: one dump per
/// process).
fn temporary_of(dir: &TempDir, target: &str, child: &Child) -> PathBuf {
    dir.join(&format!(".{target}.tmp.{}.0", child.id()))
}

/// Polls `ready` until it holds (true) or `child` exits (false).
fn wait_until(child: &mut Child, mut ready: impl FnMut() -> bool) -> bool {
    loop {
        if ready() {
            return true;
        }
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_micros(300));
    }
}

/// What `--load-dump path` then CHECK prints (status 0), or the failure.
fn load_and_check(dir: &TempDir, path: &Path) -> Result<String, String> {
    let r = run(minilisp(&dir.0, &["--load-dump", s(path), "--eval", CHECK]));
    match r.status.and_then(|s| s.code()) {
        Some(0) => Ok(r.stdout),
        _ => Err(format!("{}: {}", describe(r.status), r.stderr.trim_end())),
    }
}

/// A temporary left by a killed writer must be refused when loaded
/// explicitly: it is empty or shorter than a header (truncated), or its
/// magic still says incomplete (the placeholder header written first
/// carries that magic, and so does the real one until the final fsync).
fn assert_temporary_refused(dir: &TempDir, tmp: &Path) -> String {
    let bytes = std::fs::read(tmp).unwrap_or_default();
    let r = run(minilisp(&dir.0, &["--load-dump", s(tmp), "--eval", CHECK]));
    let msg = r.stderr.trim_end();
    assert_eq!(
        r.status.and_then(|s| s.code()),
        Some(2),
        "temporary {} ({} bytes) not refused: {msg}",
        tmp.display(),
        bytes.len()
    );
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    assert!(msg.starts_with("minilisp: cannot load dump ") && !msg.contains('\n'), "{msg}");
    let why_ok = if bytes.len() < 88 { msg.contains("shorter than a dump header") } else { msg.contains("incomplete") };
    assert!(why_ok, "temporary of {} bytes refused for the wrong reason: {msg}", bytes.len());
    format!("{} bytes: {}", bytes.len(), msg.rsplit(": ").next().unwrap_or(msg))
}

#[test]
fn interrupted_dumps_keep_the_previous_dump() {
    let n = if cfg!(debug_assertions) { 100_000 } else { 600_000 };
    let dir = TempDir::new("interrupted");
    let big = dir.join("big.el");
    std::fs::write(&big, big_program(n)).unwrap();
    let target = "dump.pdmp";
    let path = dir.join(target);

    // Generation 1, complete.
    let start = Instant::now();
    let r = run(big_dump(&dir, &big, &path, "gen-1"));
    assert_eq!(r.status.and_then(|s| s.code()), Some(0), "first dump: {}", r.stderr);
    let size = std::fs::metadata(&path).unwrap().len();
    eprintln!("dump of {size} bytes in {:?}", start.elapsed());
    let mut current = "gen-1".to_string();
    assert_eq!(load_and_check(&dir, &path).unwrap(), expected_check(&current, n));
    assert!(dir.temporaries(target).is_empty());

    // Kill points over the whole life of a dump, placed by what the
    // writer has done rather than by the clock (a loaded machine shifts
    // every timing); the last is mid-write, so a temporary is surely left
    // for the final clean-up to remove.
    let ms = Duration::from_millis;
    let mut points = vec![Kill::AfterStart(ms(3)), Kill::AfterTemporary(ms(0)), Kill::AfterTemporary(ms(100))];
    points.extend([0.02, 0.2, 0.4, 0.6, 0.8, 0.95, 1.0].map(Kill::AtSize));
    points.extend([Kill::HeaderWritten, Kill::AtSize(0.5)]);
    let (mut interrupted, mut left, mut finished) = (0, 0, 0);
    for (k, &point) in points.iter().enumerate() {
        let generation = format!("gen-{}", k + 2);
        let mut child = big_dump(&dir, &big, &path, &generation).spawn().unwrap();
        let tmp = temporary_of(&dir, target, &child);
        match point {
            Kill::AfterStart(d) => std::thread::sleep(d),
            Kill::AfterTemporary(d) => {
                if wait_until(&mut child, || tmp.exists()) {
                    std::thread::sleep(d);
                }
            }
            Kill::AtSize(f) => {
                let want = (size as f64 * f) as u64;
                wait_until(&mut child, || std::fs::metadata(&tmp).is_ok_and(|m| m.len() >= want));
            }
            Kill::HeaderWritten => {
                // The placeholder has the same magic but a zero version.
                let mut start = [0u8; 12];
                wait_until(&mut child, || {
                    std::fs::File::open(&tmp).and_then(|mut f| f.read_exact(&mut start)).is_ok()
                        && &start[..8] == b"!LPDUMP\n"
                        && start[8..12] != [0; 4]
                });
            }
        }
        let exited_first = child.try_wait().unwrap().is_some();
        let _ = child.kill();
        let status = child.wait().unwrap();
        let what = format!("kill point {k} ({point:?}), {}", describe(Some(status)));
        if exited_first {
            assert!(status.success(), "{what}");
            finished += 1;
        } else {
            assert_eq!(status.signal(), Some(libc::SIGKILL), "{what}");
            interrupted += 1;
        }
        // PATH holds the previous dump, or (killed after its rename, or
        // not killed at all) the new one: complete either way.
        let got = load_and_check(&dir, &path).unwrap_or_else(|e| panic!("{what}: the dump at PATH is damaged: {e}"));
        if got == expected_check(&generation, n) {
            current = generation;
        } else {
            assert!(!exited_first, "{what}: finished but PATH holds {got}");
            assert_eq!(got, expected_check(&current, n), "{what}");
        }
        // What the killed writer left is refused.
        let temps = dir.temporaries(target);
        left += temps.len();
        let refused: Vec<String> = temps.iter().map(|t| assert_temporary_refused(&dir, &dir.join(t))).collect();
        eprintln!("{what}: PATH holds {current}; temporaries refused: {refused:?}");
    }
    assert!(interrupted >= points.len() - 2, "only {interrupted} of {} dumps were interrupted", points.len());
    assert!(left > 0, "no kill left a temporary: the kill points missed the write");
    assert!(!dir.temporaries(target).is_empty(), "the last kill (mid-write) left no temporary");

    // One complete dump removes the temporaries of the killed writers.
    let r = run(big_dump(&dir, &big, &path, "gen-final"));
    assert_eq!(r.status.and_then(|s| s.code()), Some(0), "{}", r.stderr);
    assert_eq!(dir.temporaries(target), Vec::<String>::new(), "stale temporaries remain");
    assert_eq!(load_and_check(&dir, &path).unwrap(), expected_check("gen-final", n));
    eprintln!(
        "{interrupted} interrupted, {finished} finished first, {left} temporaries seen; {:?} in all",
        start.elapsed()
    );
}

// ---------------------------------------------------------------------------
// 2. A full disk

#[test]
fn a_full_disk_fails_cleanly() {
    let dir = TempDir::new("disk-full");
    let target = "d.pdmp";
    let path = dir.join(target);
    let dump = |generation: &str| {
        let set = format!("(defvar rel-gen \"{generation}\")");
        minilisp(&dir.0, &["--no-dump", "--eval", &set, "--dump-file", s(&path)])
    };
    let check = || {
        let r = run(minilisp(&dir.0, &["--load-dump", s(&path), "--eval", "(princ rel-gen)"]));
        assert_eq!(r.status.and_then(|s| s.code()), Some(0), "{}", r.stderr);
        r.stdout
    };
    let r = run(dump("old"));
    assert_eq!(r.status.and_then(|s| s.code()), Some(0), "{}", r.stderr);
    let size = std::fs::metadata(&path).unwrap().len();
    assert_eq!(check(), "old");

    // Limits from nothing at all to a page short of the whole dump: the
    // write fails (EFBIG, as ENOSPC on a full disk) at every stage.
    for lim in [0, 1, 4096, 4097, 65536, size / 3, size / 2, size - 4096, size - 64] {
        let mut cmd = dump("new");
        limit(&mut cmd, Some(lim), None);
        let r = run(cmd);
        let msg = r.stderr.trim_end();
        let what = format!("file-size limit {lim} of {size}: {}, stderr {msg:?}", describe(r.status));
        assert_eq!(r.status.and_then(|s| s.code()), Some(2), "{what}");
        assert!(
            msg.starts_with(&format!("minilisp: cannot write dump {}: ", path.display())) && !msg.contains('\n'),
            "{what}"
        );
        assert!(msg.contains("File too large"), "{what}");
        assert_eq!(check(), "old", "{what}");
        assert_eq!(dir.temporaries(target), Vec::<String>::new(), "{what}");
    }
    // The limit itself is harmless: with room for the dump, it succeeds.
    let mut cmd = dump("new");
    limit(&mut cmd, Some(size + 4096), None);
    let r = run(cmd);
    assert_eq!(r.status.and_then(|s| s.code()), Some(0), "{}", r.stderr);
    assert_eq!(check(), "new");
    assert_eq!(dir.temporaries(target), Vec::<String>::new());
}

// ---------------------------------------------------------------------------
// 3. Garbage in

/// xorshift64*: small, seeded, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform in 0..n (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

/// Characters that steer random text into the reader's syntax.
const LISPY: &[u8] = b"()()[]'`,@#.?\\\";\n ab-+*/=<>19e0xsqlt\xc3\xa9";

fn random_input(rng: &mut Rng) -> Vec<u8> {
    let len = rng.below(600);
    match rng.below(3) {
        0 => (0..len).map(|_| rng.next() as u8).collect(),
        1 => (0..len).map(|_| b' ' + rng.below(95) as u8).collect(),
        _ => (0..len).map(|_| *rng.pick(LISPY)).collect(),
    }
}

/// One to four mutations: a flipped bit, a deleted range, a duplicated
/// slice, an inserted character, a truncation.
fn mutate(rng: &mut Rng, program: &[u8]) -> Vec<u8> {
    let mut b = program.to_vec();
    for _ in 0..1 + rng.below(4) {
        if b.is_empty() {
            break;
        }
        let at = rng.below(b.len());
        match rng.below(5) {
            0 => b[at] ^= 1 << rng.below(8),
            1 => {
                let end = (at + 1 + rng.below(20)).min(b.len());
                b.drain(at..end);
            }
            2 => {
                let end = (at + 1 + rng.below(40)).min(b.len());
                let slice = b[at..end].to_vec();
                let to = rng.below(b.len() + 1);
                b.splice(to..to, slice);
            }
            3 => b.insert(at, *rng.pick(LISPY)),
            _ => b.truncate(at),
        }
    }
    b
}

/// Whether a program may legitimately run for ever or exhaust memory (and
/// so be stopped at a short deadline or by the address-space limit without
/// that being a failure). A deliberate over-approximation on the text: a
/// loop needs `while` (or a macro over it), recursion needs a function or
/// macro (named or passed around) or code loaded or built at run time, a
/// circular structure needs a mutator or `#N=`, a huge allocation or
/// computation needs a large number, a `make-` function or a sleep, and a
/// backtracking regexp (as in Emacs) `split-string` or `string-trim`. A
/// program with none of these evaluates a finite tree of calls to
/// built-ins on data of bounded size, so it must finish promptly: a hang
/// there is a failure. Runs accepted this way are listed on stderr, to be
/// looked at (that is how `apply` on a circular list was found).
fn may_run_long(text: &[u8]) -> bool {
    const WORDS: &[&str] = &[
        "while",
        "dotimes",
        "dolist",
        "defun",
        "defmacro",
        "defsubst",
        "defalias",
        "fset",
        "lambda",
        "letrec",
        "funcall",
        "apply",
        "function",
        "#'",
        "load",
        "require",
        "eval",
        "read",
        "sleep",
        "benchmark",
        "setcar",
        "setcdr",
        "nconc",
        "aset",
        "puthash",
        "plist-put",
        "setf",
        "push",
        "add-to-list",
        "add-hook",
        "run-hooks",
        "mapcan",
        "fillarray",
        "make-",
        "number-sequence",
        "#x",
        "#o",
        "#b",
        "split-string",
        "string-trim",
    ];
    let t = String::from_utf8_lossy(text).to_lowercase();
    if WORDS.iter().any(|w| t.contains(w)) {
        return true;
    }
    // Large numbers, radix syntax (#24r...), exponents.
    let b = t.as_bytes();
    let mut run = 0;
    for (i, &c) in b.iter().enumerate() {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        if run >= 5 {
            return true;
        }
        if c == b'#' && b.get(i + 1).is_some_and(|d| d.is_ascii_digit()) {
            return true;
        }
        if c == b'e' && i > 0 && b[i - 1].is_ascii_digit() {
            return true;
        }
    }
    false
}

/// How one run ended, or why that is a failure.
/// The program may choose its exit status: `kill-emacs`, or
/// `ert-run-tests-batch-and-exit` (1 when a test failed).
fn exits_on_its_own(input: &[u8]) -> bool {
    let text = String::from_utf8_lossy(input);
    text.contains("kill-emacs") || text.contains("ert-run-tests-batch-and-exit")
}

fn judge(input: &[u8], ran: &Ran, long_ok: bool) -> Result<&'static str, String> {
    let panicked = ran.stderr.contains("panicked");
    let exhausted = ran.stderr.contains("memory allocation of");
    match ran.status {
        None if long_ok => Ok("stopped at the deadline"),
        None => Err("hung, though it cannot loop".into()),
        Some(s) => match (s.code(), s.signal()) {
            (Some(101), _) if panicked => Err("panicked".into()),
            (_, _) if panicked => Err("printed a panic".into()),
            (Some(0), _) => Ok("exit 0"),
            (Some(255), _) => Ok("exit 255"),
            // (kill-emacs N) exits with N, as does ERT's batch runner.
            (Some(_), _) if exits_on_its_own(input) => Ok("kill-emacs"),
            (Some(c), _) => Err(format!("unexpected status {c}")),
            // Rust aborts when an allocation fails (the address-space
            // limit): only acceptable where unbounded growth is legitimate.
            (_, Some(libc::SIGABRT)) if long_ok && exhausted => Ok("out of memory"),
            (_, Some(sig)) => Err(format!("killed by signal {sig}")),
            _ => Err(format!("{s:?}")),
        },
    }
}

fn conformance_programs() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance/cases");
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".el"))
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()))
        .collect();
    v.sort();
    v
}

/// Saves a failing input where it survives the test, for rerunning by hand.
fn save_failure(i: usize, input: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/reliability-failures");
    let _ = std::fs::create_dir_all(&dir);
    let p = dir.join(format!("input-{i}.el"));
    let _ = std::fs::write(&p, input);
    p
}

/// Runs `input` as a script file (`minilisp FILE`) or as `--eval` text.
fn run_garbage(dir: &TempDir, i: usize, input: &[u8], as_file: bool, long_ok: bool) -> Ran {
    let cwd = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    let mut cmd = minilisp(&dir.0, &["--no-dump"]);
    if as_file {
        let f = dir.join(&format!("in-{i}.el"));
        std::fs::write(&f, input).unwrap();
        cmd.arg(&f);
    } else {
        let text: Vec<u8> = input.iter().copied().filter(|&c| c != 0).collect();
        cmd.arg("--eval").arg(std::ffi::OsStr::from_bytes(&text));
    }
    // From the conformance directory, as its cases run (they load lib/).
    cmd.current_dir(&cwd);
    limit(&mut cmd, None, Some(2 << 30));
    // A program that may loop is stopped sooner: its hang is no failure.
    let timeout = Duration::from_millis(if long_ok { 1500 } else { 10_000 });
    let ran = run_timed(cmd, timeout);
    if as_file {
        let _ = std::fs::remove_file(dir.join(&format!("in-{i}.el")));
    }
    ran
}

/// A function to call: name and argument counts (max None: &rest).
struct Callee {
    name: String,
    min: usize,
    max: Option<usize>,
}

/// Every built-in (from the `Subr::f("name", MIN, MAX, ..)` tables) and
/// every prelude function and macro, except those that wait, exit or read
/// files.
fn callees() -> Vec<Callee> {
    const SKIP: &[&str] = &["kill-emacs", "sleep-for", "load", "require", "benchmark-run", "benchmark-call"];
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut v = Vec::new();
    for e in std::fs::read_dir(root.join("src/interp/builtins")).unwrap().flatten() {
        let text = std::fs::read_to_string(e.path()).unwrap();
        for part in text.split("Subr::f(\"").skip(1) {
            let Some((name, rest)) = part.split_once('"') else { continue };
            let fields: Vec<&str> = rest.trim_start_matches(',').splitn(3, ',').map(str::trim).collect();
            let (Some(min), Some(max)) = (fields.first().and_then(|m| m.parse().ok()), fields.get(1)) else { continue };
            let max = max.strip_prefix("Some(").and_then(|m| m.trim_end_matches(')').parse().ok());
            v.push(Callee { name: name.to_string(), min, max });
        }
    }
    for e in std::fs::read_dir(root.join("lisp")).unwrap().flatten() {
        let text = std::fs::read_to_string(e.path()).unwrap();
        for line in text.lines() {
            let Some(rest) = line.strip_prefix("(defun ").or_else(|| line.strip_prefix("(defmacro ")) else { continue };
            let Some((name, rest)) = rest.split_once(' ') else { continue };
            // The argument list: required, then &optional, then &rest.
            let params = rest.strip_prefix('(').and_then(|r| r.split_once(')')).map_or("", |(p, _)| p);
            let (mut min, mut max, mut optional) = (0, Some(0usize), false);
            for p in params.split_whitespace() {
                match p {
                    "&optional" => optional = true,
                    "&rest" | "&body" => {
                        max = None;
                        break;
                    }
                    _ => {
                        min += !optional as usize;
                        max = max.map(|m| m + 1);
                    }
                }
            }
            v.push(Callee { name: name.to_string(), min, max });
        }
    }
    v.retain(|c| !SKIP.contains(&c.name.as_str()));
    v.sort_by(|a, b| a.name.cmp(&b.name));
    v
}

/// Argument expressions at the edges: fixnum and character limits,
/// bignums, special floats, multibyte and raw-byte text, dotted, nested,
/// circular and self-containing structures, functions.
const ARGS: &[&str] = &[
    "0",
    "1",
    "-1",
    "2",
    "3",
    "7",
    "255",
    "256",
    "65535",
    "65536",
    "4194303",
    "4194304",
    "most-positive-fixnum",
    "most-negative-fixnum",
    "2305843009213693952",
    "-2305843009213693953",
    "18446744073709551616",
    "(expt 2 300)",
    "0.0",
    "-0.0",
    "1.5",
    "-2.5",
    "1e308",
    "5e-324",
    "1.0e+INF",
    "-1.0e+INF",
    "0.0e+NaN",
    "?a",
    "?\\x3fff80",
    "nil",
    "t",
    "'foo",
    "'bar",
    ":kw",
    "\"\"",
    "\"abc\"",
    r#""\u00e9\u20ac\U0001F600""#,
    "\"%s %d %c %S %5.2f %-x\"",
    "\"\\0\\377\"",
    "\"a\\nb c\"",
    "\"\\\\(\"",
    "'(1 2 3)",
    "'(a . b)",
    "'((a . 1) (b . 2))",
    "'(1 (2 (3 (4))))",
    "'(\"b\" \"a\")",
    "[]",
    "[1 \"two\" three]",
    "(make-hash-table)",
    "(make-hash-table :test 'equal)",
    "(let ((l (list 1 2 3))) (setcdr (cddr l) l) l)",
    "(let ((v (vector 1 2))) (aset v 0 v) v)",
    "(let ((l (list 1 2))) (setcar l l) l)",
    "(lambda (&rest a) a)",
    "(lambda (x) (car x))",
    "#'car",
    "#'+",
    "'car",
    "(make-symbol \"u\")",
    "(copy-sequence \"mutable\")",
    "(list 1 2)",
    "(cons 1 2)",
    "(vector 1 2 3)",
];

fn random_call(rng: &mut Rng, callees: &[Callee], depth: usize) -> String {
    let c = rng.pick(callees);
    let n = if rng.below(10) == 0 {
        rng.below(6)
    } else {
        let max = c.max.unwrap_or(c.min + 3);
        c.min + rng.below(max.saturating_sub(c.min) + 1)
    };
    let mut s = format!("({}", c.name);
    for _ in 0..n {
        s.push(' ');
        if depth > 0 && rng.below(5) == 0 {
            s.push_str(&random_call(rng, callees, depth - 1));
        } else {
            s.push_str(rng.pick::<&str>(ARGS));
        }
    }
    s.push(')');
    s
}

/// A program of calls to built-ins with edge-case arguments, each caught
/// (any condition) and printed to a string.
fn random_calls(rng: &mut Rng, callees: &[Callee]) -> Vec<u8> {
    let mut s = String::from(";;; -*- lexical-binding: t -*-\n");
    for k in 0..12 {
        let call = random_call(rng, callees, 1);
        s.push_str(&format!("(princ \"{k} \")\n(condition-case nil (length (prin1-to-string {call})) (t nil))\n"));
    }
    s.into_bytes()
}

#[test]
fn garbage_in_never_crashes() {
    let env = |k: &str, d: u64| std::env::var(k).ok().and_then(|v| v.parse().ok()).unwrap_or(d);
    let seed = env("RELIABILITY_SEED", 0x5eed_1234_abcd);
    let runs = env("RELIABILITY_RUNS", if cfg!(debug_assertions) { 150 } else { 400 }) as usize;
    let save_all = std::env::var_os("RELIABILITY_SAVE_ALL").is_some();
    let mut rng = Rng(seed | 1);
    let programs = conformance_programs();
    let callees = callees();
    assert!(!programs.is_empty() && callees.len() > 300, "{} callees", callees.len());
    let dir = TempDir::new("garbage");
    let start = Instant::now();
    let mut tally: std::collections::BTreeMap<&'static str, usize> = Default::default();
    let (mut failures, mut may_loop) = (Vec::new(), 0);
    for i in 0..runs {
        // A quarter random bytes, a quarter calls to built-ins, the rest
        // mutated conformance programs; two thirds as files, a third as
        // --eval text.
        let (origin, input) = if i % 4 == 0 {
            ("random".to_string(), random_input(&mut rng))
        } else if i % 4 == 1 {
            ("calls".to_string(), random_calls(&mut rng, &callees))
        } else {
            let (name, text) = rng.pick(&programs);
            (name.clone(), mutate(&mut rng, text))
        };
        let as_file = i % 3 != 2;
        let long_ok = may_run_long(&input);
        may_loop += long_ok as usize;
        if save_all {
            save_failure(i, &input);
        }
        let ran = run_garbage(&dir, i, &input, as_file, long_ok);
        match judge(&input, &ran, long_ok) {
            Ok(what) => {
                if what == "stopped at the deadline" || what == "out of memory" {
                    eprintln!("run {i} (from {origin}): {what}");
                }
                *tally.entry(what).or_default() += 1
            }
            Err(why) => {
                let saved = save_failure(i, &input);
                let how = if as_file { "as a file" } else { "with --eval" };
                let last = ran.stdout.split_whitespace().last().unwrap_or("").to_string();
                failures.push(format!(
                    "run {i} (from {origin}, {how}, saved in {}, stdout ends {last:?}): {why}\n  stderr: {}",
                    saved.display(),
                    ran.stderr.lines().take(6).collect::<Vec<_>>().join("\n          ")
                ));
            }
        }
    }
    eprintln!("{runs} runs (seed {seed:#x}, {may_loop} may loop) in {:?}: {tally:?}", start.elapsed());
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

// ---------------------------------------------------------------------------
// Regression tests for what the fuzzing found (expected outputs recorded
// from GNU Emacs 28.2).

/// Runs `program` (after the lexical-binding cookie) in a fresh process,
/// with 2 GiB of address space and a 20 s deadline.
fn run_program(name: &str, program: &str) -> Ran {
    let dir = TempDir::new(name);
    let f = dir.join("prog.el");
    std::fs::write(&f, format!(";;; -*- lexical-binding: t -*-\n{program}")).unwrap();
    let mut cmd = minilisp(&dir.0, &["--no-dump", s(&f)]);
    limit(&mut cmd, None, Some(2 << 30));
    run_timed(cmd, Duration::from_secs(20))
}

#[test]
fn format_with_a_huge_precision_or_width_does_not_panic() {
    // Was: "Formatting argument out of range" (a Rust panic) for a float
    // precision above 65535, "capacity overflow" for a width or an
    // integer precision near usize::MAX.
    let r = run_program(
        "format-huge",
        r#"(prin1 (list (length (format "%.99999f" 1.0)) (length (format "%.99999e" 1.0)) (length (format "%#.99999g" 1.0))
             (format "%.99999g" 1.0) (substring (format "%.70000f" 0.1) 0 30) (substring (format "%.70000e" 1e300) -5)
             (length (format "%.70000d" 5)) (format "%.99999999999999999999s" "abc")
             (condition-case e (format "%99999999999999999999d" 1) (error e))
             (condition-case e (format "%.99999999999999999999f" 1.0) (error e))
             (condition-case e (format "%99999999999999999999%") (error e))
             (car (condition-case e (format "%2305843009213693951s" "a") (error e)))))"#,
    );
    assert_eq!(r.status.and_then(|s| s.code()), Some(0), "{}", r.stderr);
    assert_eq!(
        r.stdout,
        r#"(100001 100005 100000 "1" "0.1000000000000000055511151231" "e+300" 70000 "abc" (error "Maximum string size exceeded") (error "Maximum string size exceeded") (error "Maximum string size exceeded") error)"#
    );
}

#[test]
fn apply_to_a_circular_list_signals_circular_list() {
    // Was: `apply` (and every user of `Interp::list_to_vec`, e.g.
    // `float-time`) copied a circular list into a vector until memory ran
    // out, then aborted.
    let r = run_program(
        "apply-circular",
        r#"(let ((c (list 1 2 3)))
  (setcdr (cddr c) c)
  (prin1 (list (condition-case e (apply #'+ c) (error e)) (condition-case e (apply #'+ 1 2 c) (error e))
               (condition-case e (apply c) (error e)) (condition-case e (apply #'list 1 2 '(3 . 4)) (error e))
               (car (condition-case e (float-time c) (error e))))))"#,
    );
    assert_eq!(r.status.and_then(|s| s.code()), Some(0), "{}: {}", describe(r.status), r.stderr);
    assert_eq!(
        r.stdout,
        "((circular-list (3 1 2 3 1 . #2)) (circular-list (3 1 2 3 1 . #2)) (circular-list (3 1 2 3 1 . #2)) \
         (wrong-type-argument listp 4) circular-list)"
    );
}

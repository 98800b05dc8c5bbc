//! Reliability of the `minilisp` binary: never crash, never lose a dump.
//!
//! - `interrupted_dumps_keep_the_previous_dump`: a dump of a ~60 MB heap to
//!   PATH killed (SIGKILL) at spread moments of its write never replaces or
//!   damages the dump already at PATH, leaves no file a load accepts, and the
//!   next complete dump removes the temporaries the killed writers left.
//! - `a_full_disk_fails_cleanly`: writes failing with EFBIG (a file-size
//!   limit, as a full disk fails with ENOSPC) make the dump fail with one
//!   clear line and status 2, keep the old dump, leave no temporary.
//! - `garbage_in_never_crashes`: random bytes and mutated conformance
//!   programs, as script files and as `--eval` arguments: never a panic,
//!   a signal, an unexpected exit status or a hang (see `may_run_long`).
//!
//! See docs/reliability.md. `RELIABILITY_SEED=N` and `RELIABILITY_RUNS=N`
//! change the fuzzing; a failing input is saved under
//! `target/reliability-failures/` to rerun by hand.

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

/// Waits until `child`'s temporary for `target` exists (or it exits).
fn wait_for_temporary(dir: &TempDir, target: &str, child: &mut Child) -> Option<Instant> {
    let mine = format!(".{target}.tmp.{}.", child.id());
    loop {
        if dir.temporaries(target).iter().any(|t| t.starts_with(&mine)) {
            return Some(Instant::now());
        }
        if child.try_wait().unwrap().is_some() {
            return None;
        }
        std::thread::sleep(Duration::from_micros(500));
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
/// explicitly: it is empty or short (truncated), or its magic still says
/// incomplete. While the body streams, the first page of the file is the
/// placeholder header, all zeros, which is refused as not a dump.
fn assert_temporary_refused(dir: &TempDir, tmp: &Path) -> String {
    let bytes = std::fs::read(tmp).unwrap_or_default();
    let r = run(minilisp(&dir.0, &["--load-dump", s(tmp), "--eval", CHECK]));
    let msg = r.stderr.trim_end();
    assert_eq!(r.status.and_then(|s| s.code()), Some(2), "temporary {} ({} bytes) not refused: {msg}", tmp.display(), bytes.len());
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    assert!(msg.starts_with("minilisp: cannot load dump ") && !msg.contains('\n'), "{msg}");
    let placeholder = bytes.len() >= 8 && bytes[..8].iter().all(|&b| b == 0);
    let why_ok = msg.contains("incomplete")
        || msg.contains("shorter than")
        || msg.contains("header says")
        || (placeholder && msg.contains("not a minilisp dump"));
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

    // Generation 1, complete; it also measures how long the write takes
    // (from the temporary's creation to the end of the process).
    let start = Instant::now();
    let mut child = big_dump(&dir, &big, &path, "gen-1").spawn().unwrap();
    let tmp_seen = wait_for_temporary(&dir, target, &mut child).expect("the dump never created its temporary");
    let status = child.wait().unwrap();
    let (write, total) = (tmp_seen.elapsed(), start.elapsed());
    assert!(status.success(), "first dump: {status:?}");
    let size = std::fs::metadata(&path).unwrap().len();
    eprintln!("dump of {size} bytes: {total:?} in all, {write:?} writing");
    let mut current = "gen-1".to_string();
    assert_eq!(load_and_check(&dir, &path).unwrap(), expected_check(&current, n));
    assert!(dir.temporaries(target).is_empty());

    // Kill points: a few ms after the start (while evaluating, no
    // temporary yet), then fractions of the measured write duration after
    // the temporary appears, up to its very end; the last is mid-write so
    // a temporary is surely left for the final clean-up to remove.
    let mut points: Vec<Option<f64>> = vec![None];
    points.extend([0.0, 0.1, 0.25, 0.4, 0.55, 0.7, 0.85, 0.95, 0.99, 0.5].map(Some));
    let (mut interrupted, mut left, mut finished) = (0, 0, 0);
    for (k, point) in points.iter().enumerate() {
        let generation = format!("gen-{}", k + 2);
        let mut child = big_dump(&dir, &big, &path, &generation).spawn().unwrap();
        match point {
            None => std::thread::sleep(Duration::from_millis(3)),
            Some(f) => {
                if wait_for_temporary(&dir, target, &mut child).is_some() {
                    std::thread::sleep(write.mul_f64(*f));
                }
            }
        }
        let exited_first = child.try_wait().unwrap().is_some();
        let _ = child.kill();
        let status = child.wait().unwrap();
        let what = format!("kill point {k} ({point:?} of {write:?}), {}", describe(Some(status)));
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
    eprintln!("{interrupted} interrupted, {finished} finished first, {left} temporaries seen; {:?} in all", start.elapsed());
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
/// circular structure needs a mutator or `#N=`, and a huge allocation or
/// computation needs a large number, a `make-` function or a sleep. A program with none of
/// these evaluates a finite tree of calls to built-ins on data of bounded
/// size, so it must finish promptly: a hang there is a failure.
fn may_run_long(text: &[u8]) -> bool {
    const WORDS: &[&str] = &[
        "while", "dotimes", "dolist", "defun", "defmacro", "defsubst", "defalias", "fset", "lambda", "letrec",
        "funcall", "apply", "function", "#'", "load", "require", "eval", "read", "sleep", "benchmark", "setcar",
        "setcdr", "nconc", "aset", "puthash", "plist-put", "setf", "push", "add-to-list", "add-hook", "run-hooks",
        "mapcan", "fillarray", "make-", "number-sequence", "#x", "#o", "#b",
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
            // (kill-emacs N) exits with N.
            (Some(_), _) if String::from_utf8_lossy(input).contains("kill-emacs") => Ok("kill-emacs"),
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
    limit(&mut cmd, Some(1 << 20), Some(2 << 30));
    // A program that may loop is stopped sooner: its hang is no failure.
    let timeout = Duration::from_millis(if long_ok { 1500 } else { 10_000 });
    let ran = run_timed(cmd, timeout);
    if as_file {
        let _ = std::fs::remove_file(dir.join(&format!("in-{i}.el")));
    }
    ran
}

#[test]
fn garbage_in_never_crashes() {
    let env = |k: &str, d: u64| std::env::var(k).ok().and_then(|v| v.parse().ok()).unwrap_or(d);
    let seed = env("RELIABILITY_SEED", 0x5eed_1234_abcd);
    let runs = env("RELIABILITY_RUNS", if cfg!(debug_assertions) { 150 } else { 400 }) as usize;
    let mut rng = Rng(seed | 1);
    let programs = conformance_programs();
    assert!(!programs.is_empty());
    let dir = TempDir::new("garbage");
    let start = Instant::now();
    let mut tally: std::collections::BTreeMap<&'static str, usize> = Default::default();
    let (mut failures, mut may_loop) = (Vec::new(), 0);
    for i in 0..runs {
        // A quarter random bytes, the rest mutated conformance programs;
        // two thirds as files, a third as --eval text.
        let (origin, input) = if i % 4 == 0 {
            ("random".to_string(), random_input(&mut rng))
        } else {
            let (name, text) = rng.pick(&programs);
            (name.clone(), mutate(&mut rng, text))
        };
        let as_file = i % 3 != 2;
        let long_ok = may_run_long(&input);
        may_loop += long_ok as usize;
        let ran = run_garbage(&dir, i, &input, as_file, long_ok);
        match judge(&input, &ran, long_ok) {
            Ok(what) => *tally.entry(what).or_default() += 1,
            Err(why) => {
                let saved = save_failure(i, &input);
                let how = if as_file { "as a file" } else { "with --eval" };
                failures.push(format!(
                    "run {i} (from {origin}, {how}, saved in {}): {why}\n  stderr: {}",
                    saved.display(),
                    ran.stderr.lines().take(6).collect::<Vec<_>>().join("\n          ")
                ));
            }
        }
    }
    eprintln!("{runs} runs (seed {seed:#x}, {may_loop} may loop) in {:?}: {tally:?}", start.elapsed());
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

//! The conformance suite: every `tests/conformance/cases/NAME.el` runs
//! through the `minilisp` binary (from inside `tests/conformance/`) and must
//! reproduce exactly the stdout, stderr and exit status that GNU Emacs 28.2
//! produced for it (`tests/conformance/expected/`, recorded by
//! `tests/conformance/record.sh`; never edited by hand).
//!
//! Set `MINILISP_GC_STRESS=1` to run the whole suite collecting at every
//! allocation. `MINILISP_CASES=substr` runs only matching cases.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(120);

struct Outcome {
    name: String,
    problem: Option<String>,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance")
}

fn cases() -> Vec<String> {
    let filter = std::env::var("MINILISP_CASES").unwrap_or_default();
    let mut names: Vec<String> = std::fs::read_dir(root().join("cases"))
        .expect("tests/conformance/cases")
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            let stem = name.strip_suffix(".el")?.to_string();
            stem.contains(&filter).then_some(stem)
        })
        .collect();
    names.sort();
    names
}

/// Cases listed in `tests/conformance/PENDING` with the reason they wait.
fn pending() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(root().join("PENDING")).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (name, reason) = l.split_once(char::is_whitespace).unwrap_or((l, ""));
            (name.to_string(), reason.trim().to_string())
        })
        .collect()
}

fn read_expected(name: &str, ext: &str) -> String {
    let p = root().join("expected").join(format!("{name}.{ext}"));
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("missing expectation {}: {e}", p.display()))
}

/// Runs one case; `None` means it matched Emacs exactly.
fn run_case(name: &str, home: &Path) -> Option<String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_minilisp"))
        .arg(format!("cases/{name}.el"))
        .current_dir(root())
        .env("LC_ALL", "C.UTF-8")
        .env("HOME", home)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn minilisp");
    let mut out_pipe = child.stdout.take().unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let out_t = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = out_pipe.read_to_end(&mut b);
        b
    });
    let err_t = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = err_pipe.read_to_end(&mut b);
        b
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Some(format!("timed out after {TIMEOUT:?}"));
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let stdout = String::from_utf8_lossy(&out_t.join().unwrap()).into_owned();
    let stderr = String::from_utf8_lossy(&err_t.join().unwrap()).into_owned();
    let code = match status.code() {
        Some(c) => c,
        None => return Some(format!("killed by a signal: {status:?}\nstderr:\n{stderr}")),
    };
    let mut problems = Vec::new();
    let want_status: i32 = read_expected(name, "status").trim().parse().expect("status file");
    if code != want_status {
        problems.push(format!("exit status {code}, Emacs {want_status}"));
    }
    for (what, got, want) in
        [("stdout", &stdout, read_expected(name, "out")), ("stderr", &stderr, read_expected(name, "err"))]
    {
        let (got, want) = (&normalize_ert_times(name, got), normalize_ert_times(name, &want));
        if *got != want {
            problems.push(first_difference(what, got, &want));
        }
    }
    (!problems.is_empty()).then(|| problems.join("\n"))
}

/// ERT's batch report holds the run's dates and durations, which differ
/// on every run: in the cases named `ert-*` only, both sides have every
/// `YYYY-MM-DD HH:MM:SS+ZZZZ` replaced by `DATE` and every `DIGITS.DIGITS
/// sec)` by `T sec)`. Nothing else is normalised.
fn normalize_ert_times(name: &str, text: &str) -> String {
    if !name.starts_with("ert-") {
        return text.to_string();
    }
    let date_shape = "0000-00-00 00:00:00+0000";
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        let fits = |shape: &str| {
            b.len() >= i + shape.len()
                && shape.bytes().zip(&b[i..]).all(|(s, &c)| match s {
                    b'0' => c.is_ascii_digit(),
                    b'+' => c == b'+' || c == b'-',
                    _ => s == c,
                })
        };
        if fits(date_shape) {
            out.push_str("DATE");
            i += date_shape.len();
            continue;
        }
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit() && b[i - 1] != b'.') {
            let mut j = i;
            while j < b.len() && (b[j].is_ascii_digit() || b[j] == b'.') {
                j += 1;
            }
            if text[i..j].contains('.') && text[j..].starts_with(" sec)") {
                out.push('T');
                i = j;
                continue;
            }
        }
        let ch = text[i..].chars().next().unwrap();
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

fn first_difference(what: &str, got: &str, want: &str) -> String {
    let (g, w): (Vec<&str>, Vec<&str>) = (got.lines().collect(), want.lines().collect());
    for i in 0..g.len().max(w.len()) {
        let (gl, wl) = (g.get(i).copied(), w.get(i).copied());
        if gl != wl {
            return format!(
                "{what} differs at line {}:\n    minilisp: {}\n    emacs:    {}",
                i + 1,
                gl.map_or("<end>".into(), |s| format!("{s:?}")),
                wl.map_or("<end>".into(), |s| format!("{s:?}"))
            );
        }
    }
    format!("{what} differs in trailing newline")
}

#[test]
fn conformance_with_emacs() {
    let names = cases();
    assert!(!names.is_empty(), "no conformance cases found");
    let home = std::env::temp_dir().join(format!("minilisp-conformance-{}", std::process::id()));
    std::fs::create_dir_all(&home).unwrap();
    let queue = Mutex::new(names.clone().into_iter());
    let results = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).max(2);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let Some(name) = queue.lock().unwrap().next() else { break };
                    let problem = run_case(&name, &home);
                    results.lock().unwrap().push(Outcome { name, problem });
                }
            });
        }
    });
    let _ = std::fs::remove_dir_all(&home);
    let mut results = results.into_inner().unwrap();
    results.sort_by(|a, b| a.name.cmp(&b.name));
    // A pending case is expected to differ; one that now matches must leave the list.
    let pending = pending();
    let mut skipped = 0;
    for o in &mut results {
        if let Some((_, reason)) = pending.iter().find(|(n, _)| *n == o.name) {
            if o.problem.is_some() {
                eprintln!("skip {} ({reason})", o.name);
                o.problem = None;
                skipped += 1;
            } else {
                o.problem = Some("passes now: remove it from tests/conformance/PENDING".into());
            }
        }
    }
    let failed: Vec<&Outcome> = results.iter().filter(|o| o.problem.is_some()).collect();
    for f in &failed {
        eprintln!("FAIL {}\n  {}", f.name, f.problem.as_ref().unwrap().replace('\n', "\n  "));
    }
    let stress = if std::env::var("MINILISP_GC_STRESS").is_ok_and(|v| v == "1") { " (GC stress)" } else { "" };
    eprintln!(
        "conformance{stress}: {} passed, {} failed, {skipped} skipped",
        results.len() - failed.len() - skipped,
        failed.len()
    );
    assert!(failed.is_empty(), "{} of {} conformance cases differ from Emacs", failed.len(), results.len());
}

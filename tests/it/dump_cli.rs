//! The dump options of the `minilisp` command: `--dump-file`, `--load-dump`,
//! `--dump-info`, `--no-dump`, `--trust-dump`, `--verify-dump` and its
//! verification records, and the default dump kept in
//! the cache directory (`$XDG_CACHE_HOME/minilisp/`, else
//! `~/.cache/minilisp/`). Every test runs the binary with a fresh HOME and
//! cache of its own.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

const STATS: &str =
    "(let ((s (pdumper-stats))) (princ (list (cdr (assq 'dumped-with-pdumper s)) (cdr (assq 'dump-file-name s)))))";

#[derive(Debug)]
struct Run {
    stdout: String,
    stderr: String,
    status: i32,
}

/// A fresh directory standing for HOME, with the cache under `cache/`.
struct Home {
    dir: PathBuf,
}

impl Home {
    fn new() -> Home {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "minilisp-dump-cli-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Home { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    fn cache(&self) -> PathBuf {
        self.dir.join("cache")
    }

    /// The directory holding the default dump.
    fn dump_dir(&self) -> PathBuf {
        self.cache().join("minilisp")
    }

    /// `minilisp ARGS` with HOME and XDG_CACHE_HOME in this home.
    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_minilisp"));
        c.args(args)
            .env("LC_ALL", "C.UTF-8")
            .env("HOME", &self.dir)
            .env("XDG_CACHE_HOME", self.cache())
            // Records go where each test says (scripts/test.sh sets a
            // directory for the in-process tests).
            .env_remove("MINILISP_RECORD_DIR")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        c
    }

    fn run(&self, args: &[&str]) -> Run {
        finish(self.command(args).output().expect("run minilisp"))
    }

    /// A file in this home with `text` after the lexical-binding cookie.
    fn script(&self, name: &str, text: &str) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, format!(";;; -*- lexical-binding: t -*-\n{text}")).unwrap();
        p
    }

    /// The names of the files in the default dump's directory (not the
    /// verification records' directory `verified/`).
    fn dump_dir_entries(&self) -> Vec<String> {
        let mut v: Vec<String> = match std::fs::read_dir(self.dump_dir()) {
            Ok(rd) => rd
                .map(|e| e.unwrap())
                .filter(|e| !e.file_type().unwrap().is_dir())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect(),
            Err(_) => Vec::new(),
        };
        v.sort();
        v
    }

    /// The one default dump in the cache (asserting there is exactly one
    /// file there, no temporaries left).
    fn the_default_dump(&self) -> PathBuf {
        let entries = self.dump_dir_entries();
        assert_eq!(entries.len(), 1, "expected one dump file, found {entries:?}");
        assert!(entries[0].starts_with("minilisp-") && entries[0].ends_with(".pdmp"), "{entries:?}");
        self.dump_dir().join(&entries[0])
    }
}

impl Drop for Home {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn finish(out: std::process::Output) -> Run {
    Run {
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
        status: out.status.code().expect("exit status"),
    }
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A default dump installed beside the executable wins over the cache, and
/// the tests of the cache cannot run then: they say so and pass.
fn dump_beside_the_executable() -> bool {
    let dir = Path::new(env!("CARGO_BIN_EXE_minilisp")).parent().unwrap();
    let found = std::fs::read_dir(dir).unwrap().flatten().any(|e| {
        let n = e.file_name().to_string_lossy().into_owned();
        n.starts_with("minilisp-") && n.ends_with(".pdmp")
    });
    if found {
        eprintln!("skipped: a default dump lies beside the executable in {}", dir.display());
    }
    found
}

// ---------------------------------------------------------------------------
// --dump-file and --load-dump

#[test]
fn dump_file_then_load_dump() {
    let home = Home::new();
    let lib = home.script("lib.el", "(defun sq (x) (* x x))\n(defvar greeting (list \"hi\" 1.5 [v]))\n");
    let out = home.path("out.pdmp");
    // Nothing printed on success; the -l/--eval actions run first, in order.
    let r =
        home.run(&["--no-dump", "-l", s(&lib), "--eval", "(setq greeting (cons 'x greeting))", "--dump-file", s(&out)]);
    assert_eq!((r.stdout.as_str(), r.stderr.as_str(), r.status), ("", "", 0));
    assert!(out.is_file());
    let r = home.run(&["--load-dump", s(&out), "--eval", "(progn (princ (sq 12)) (princ greeting))"]);
    assert_eq!((r.stdout.as_str(), r.stderr.as_str(), r.status), ("144(x hi 1.5 [v])", "", 0));
    let r = home.run(&["--load-dump", s(&out), "--eval", STATS]);
    assert_eq!(r.stdout, format!("(t {})", s(&out)));
    // A script runs after loading too, and --trust-dump loads the same.
    let main = home.script("main.el", "(princ (sq (string-to-number (car command-line-args-left))))");
    let r = home.run(&["--trust-dump", "--load-dump", s(&out), s(&main), "9"]);
    assert_eq!((r.stdout.as_str(), r.status), ("81", 0));
    // The explicit dump is not the default one: the cache stays untouched.
    assert_eq!(home.dump_dir_entries(), Vec::<String>::new());
}

#[test]
fn dump_file_from_the_default_dump_and_from_a_loaded_dump() {
    let home = Home::new();
    let (a, b) = (home.path("a.pdmp"), home.path("b.pdmp"));
    // The actions' own output goes to stdout as usual.
    let r = home.run(&["--eval", "(progn (defvar n 1) (princ \"a\"))", "--dump-file", s(&a)]);
    assert_eq!((r.stdout.as_str(), r.stderr.as_str(), r.status), ("a", "", 0));
    let r = home.run(&["--load-dump", s(&a), "--eval", "(setq n (1+ n))", "--dump-file", s(&b)]);
    assert_eq!((r.stdout.as_str(), r.status), ("", 0));
    let r = home.run(&["--load-dump", s(&b), "--eval", "(princ (list n (mapcar #'1+ '(1 2))))"]);
    assert_eq!((r.stdout.as_str(), r.status), ("(2 (2 3))", 0));
}

#[test]
fn buffers_are_left_out_of_a_dump_unless_a_variable_holds_one() {
    let home = Home::new();
    let out = home.path("out.pdmp");
    // Buffers the session made (and the current one) do not block a dump;
    // what was computed in them does go in.
    let lib = home.script(
        "lib.el",
        "(get-buffer-create \"kept\")\n(insert \"in scratch\")\n\
         (defvar words (with-temp-buffer (insert \"a b c\") (goto-char 1) (count-matches \"[a-z]\")))\n",
    );
    let r = home.run(&["-l", s(&lib), "--dump-file", s(&out)]);
    assert_eq!((r.stdout.as_str(), r.stderr.as_str(), r.status), ("", "", 0));
    // A start from it has an empty *scratch* and none of the session's buffers.
    let r = home.run(&[
        "--load-dump",
        s(&out),
        "--eval",
        "(princ (list words (buffer-list) (buffer-string) (get-buffer \"kept\") (with-temp-buffer (insert \"x\") (buffer-string))))",
    ]);
    assert_eq!((r.stdout.as_str(), r.stderr.as_str(), r.status), ("(3 (*scratch*)  nil x)", "", 0));
    // A buffer a variable refers to is refused, named as a buffer.
    let bad = home.path("bad.pdmp");
    let r = home.run(&["--eval", "(defvar b (list (get-buffer-create \"held\")))", "--dump-file", s(&bad)]);
    assert_eq!(r.status, 2);
    assert_eq!(
        r.stderr,
        format!("minilisp: cannot write dump {}: cannot dump a host object: variable b -> car -> buffer #<buffer held>\n", s(&bad))
    );
    assert!(!bad.exists());
}

#[test]
fn dump_file_is_not_written_when_the_actions_fail() {
    let home = Home::new();
    let out = home.path("out.pdmp");
    let r = home.run(&["--no-dump", "--eval", "(car 1)", "--dump-file", s(&out)]);
    assert_eq!((r.stderr.as_str(), r.status), ("Wrong type argument: listp, 1\n", 255));
    let r = home.run(&["--no-dump", "--eval", "(kill-emacs 3)", "--dump-file", s(&out)]);
    assert_eq!(r.status, 3);
    assert!(!out.exists());
    let bad = home.path("no/such/dir/out.pdmp");
    let r = home.run(&["--no-dump", "--dump-file", s(&bad)]);
    assert_eq!(r.status, 2);
    assert!(r.stderr.starts_with(&format!("minilisp: cannot write dump {}: ", s(&bad))), "{}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    // No temporary file is left behind.
    assert_eq!(std::fs::read_dir(&home.dir).unwrap().count(), 0);
}

#[test]
fn load_dump_failures_are_reported_with_status_2() {
    let home = Home::new();
    let garbage = home.path("garbage.pdmp");
    std::fs::write(&garbage, vec![0x5a; 10_000]).unwrap();
    let r = home.run(&["--load-dump", s(&garbage), "--eval", "(princ 1)"]);
    assert_eq!(
        (r.stdout.as_str(), r.stderr.as_str(), r.status),
        ("", format!("minilisp: cannot load dump {}: not a minilisp dump (bad magic)\n", s(&garbage)).as_str(), 2)
    );
    let missing = home.path("missing.pdmp");
    let r = home.run(&["--load-dump", s(&missing), "--eval", "(princ 1)"]);
    assert_eq!((r.stdout.as_str(), r.status), ("", 2));
    assert!(r.stderr.starts_with(&format!("minilisp: cannot load dump {}: ", s(&missing))), "{}", r.stderr);
    // A truncated dump.
    let out = home.path("out.pdmp");
    assert_eq!(home.run(&["--no-dump", "--dump-file", s(&out)]).status, 0);
    let bytes = std::fs::read(&out).unwrap();
    std::fs::write(&out, &bytes[..bytes.len() / 2]).unwrap();
    let r = home.run(&["--load-dump", s(&out), "--eval", "(princ 1)"]);
    assert_eq!((r.stdout.as_str(), r.status), ("", 2));
    assert!(r.stderr.contains("header says"), "{}", r.stderr);
}

/// Offset of the only occurrence of `needle` in `hay`.
fn find_once(hay: &[u8], needle: &[u8]) -> usize {
    let hits: Vec<usize> =
        hay.windows(needle.len()).enumerate().filter(|(_, w)| *w == needle).map(|(i, _)| i).collect();
    assert_eq!(hits.len(), 1, "{:?} occurs {} times", String::from_utf8_lossy(needle), hits.len());
    hits[0]
}

#[test]
fn trust_dump_skips_the_heap_image_checksum_only() {
    let home = Home::new();
    let lib = home.script("lib.el", "(defvar pdump-test-variable \"marker-in-the-heap-image\")");
    let out = home.path("out.pdmp");
    assert_eq!(home.run(&["--no-dump", "-l", s(&lib), "--dump-file", s(&out)]).status, 0);
    let clean = std::fs::read(&out).unwrap();
    let show = ["--eval", "(princ pdump-test-variable)"];

    // Change one character of the string's bytes (still valid UTF-8, same length).
    let mut bytes = clean.clone();
    bytes[find_once(&clean, b"marker-in-the-heap-image")] = b'p';
    std::fs::write(&out, &bytes).unwrap();
    let r = home.run(&[&["--load-dump", s(&out)][..], &show].concat());
    assert_eq!((r.stdout.as_str(), r.status), ("", 2));
    assert!(r.stderr.ends_with(": heap-image section checksum mismatch\n"), "{}", r.stderr);
    let r = home.run(&[&["--trust-dump", "--load-dump", s(&out)][..], &show].concat());
    assert_eq!((r.stdout.as_str(), r.stderr.as_str(), r.status), ("parker-in-the-heap-image", "", 0));

    // Metadata is checked even when trusted: a symbol's name.
    let mut bytes = clean.clone();
    bytes[find_once(&clean, b"pdump-test-variable")] = b'q';
    std::fs::write(&out, &bytes).unwrap();
    let r = home.run(&[&["--trust-dump", "--load-dump", s(&out)][..], &show].concat());
    assert_eq!((r.stdout.as_str(), r.status), ("", 2));
    assert!(r.stderr.ends_with(": symbol-table section checksum mismatch\n"), "{}", r.stderr);
}

// ---------------------------------------------------------------------------
// --dump-info

/// Replaces what changes whenever the prelude (or the build) changes and
/// keeps the structure:
///
/// - kept: every field name and its order; the format version and the
///   preferred base (format constants); the section names in file order
///   and the heap image's offset 4096 (the header size: the image starts
///   on the first page after the header); the object kinds present.
/// - redacted: the fingerprint (a hash of the build), every byte count,
///   symbol count, offset, size and checksum (they move with any change to
///   the prelude or the object layout), and the object counts.
///
/// The dumped file below creates at least one object of every kind, so
/// the list of kinds does not depend on what the prelude happens to hold.
fn redact(info: &str) -> String {
    let mut out = String::new();
    for line in info.lines() {
        let mut prev = "";
        let mut first = true;
        let mut rest = line;
        while !rest.is_empty() {
            let spaces = rest.len() - rest.trim_start_matches(' ').len();
            let padding = &rest[..spaces];
            rest = &rest[spaces..];
            let end = rest.find(' ').unwrap_or(rest.len());
            let tok = &rest[..end];
            rest = &rest[end..];
            let hex = tok.chars().all(|c| c.is_ascii_hexdigit()) && !first;
            let digits = tok.chars().all(|c| c.is_ascii_digit()) && !first;
            let keep = line.starts_with("format version")
                || (line.trim_start().starts_with("heap-image") && prev == "offset" && tok == "4096");
            let shown = match () {
                _ if keep => tok,
                _ if prev == "xxh3" && hex && tok.len() == 16 => "[checksum]",
                _ if prev == "fingerprint" && hex && tok.len() == 64 => "[fingerprint]",
                _ if digits => "[n]",
                _ => tok,
            };
            // Right-aligned numbers (section offsets and sizes, run starts):
            // their padding varies with their width, i.e. with the heap.
            let right_aligned = matches!(prev, "offset" | "size" | "at") && shown != tok;
            out.push_str(if right_aligned { " " } else { padding });
            out.push_str(shown);
            prev = tok;
            first = false;
        }
        out.push('\n');
    }
    out
}

#[test]
fn dump_info_is_pinned() {
    let home = Home::new();
    let lib = home.script(
        "kinds.el",
        "(defvar kinds (list 1.5 \"string\" (vector 1 2) (expt 2 100)
          (let ((h (make-hash-table :test 'eq))) (puthash (list 'k) 'v h) h)))",
    );
    let out = home.path("small.pdmp");
    assert_eq!(home.run(&["--no-dump", "-l", s(&lib), "--dump-file", s(&out)]).status, 0);
    let r = home.run(&["--dump-info", s(&out)]);
    assert_eq!((r.stderr.as_str(), r.status), ("", 0));

    // What the redaction hides is still checked for consistency.
    let len = std::fs::metadata(&out).unwrap().len();
    assert!(r.stdout.contains(&format!("\nfile length      {len}\n")), "{}", r.stdout);
    let mut end = 4096;
    for line in r.stdout.lines().filter(|l| l.contains(" offset ")) {
        let w: Vec<&str> = line.split_whitespace().collect();
        let (offset, size): (u64, u64) = (w[2].parse().unwrap(), w[4].parse().unwrap());
        assert!(offset >= end && offset % 8 == 0 && offset + size <= len, "{line}");
        end = offset + size;
    }
    insta::assert_snapshot!("dump_info", redact(&r.stdout));
}

#[test]
fn dump_info_of_a_bad_file() {
    let home = Home::new();
    let garbage = home.path("garbage.pdmp");
    std::fs::write(&garbage, vec![b'x'; 10_000]).unwrap();
    let r = home.run(&["--dump-info", s(&garbage)]);
    assert_eq!(
        (r.stdout.as_str(), r.stderr.as_str(), r.status),
        ("", format!("minilisp: cannot read dump {}: not a minilisp dump (bad magic)\n", s(&garbage)).as_str(), 2)
    );
    std::fs::write(&garbage, b"short").unwrap();
    let r = home.run(&["--dump-info", s(&garbage)]);
    assert_eq!((r.stdout.as_str(), r.status), ("", 2));
    assert!(r.stderr.starts_with(&format!("minilisp: cannot read dump {}: ", s(&garbage))), "{}", r.stderr);
    let r = home.run(&["--dump-info", s(&home.path("missing.pdmp"))]);
    assert_eq!((r.stdout.as_str(), r.status), ("", 2));
}

// ---------------------------------------------------------------------------
// The default dump

#[test]
fn default_dump_is_written_on_first_use_and_loaded_after() {
    if dump_beside_the_executable() {
        return;
    }
    let home = Home::new();
    let r = home.run(&["--eval", "(princ (+ 1 2))"]);
    assert_eq!((r.stdout.as_str(), r.stderr.as_str(), r.status), ("3", "", 0));
    let dump = home.the_default_dump();
    let r = home.run(&["--eval", STATS]);
    assert_eq!((r.stdout, r.stderr.as_str(), r.status), (format!("(t {})", s(&dump)), "", 0));
    // The REPL starts from it too.
    let mut child = home.command(&[]).stdin(Stdio::piped()).spawn().unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"(car (pdumper-stats))\n").unwrap();
    let r = finish(child.wait_with_output().unwrap());
    assert_eq!((r.stdout.as_str(), r.status), ("=> (dumped-with-pdumper . t)\n", 0));
    // --dump-info describes it.
    assert_eq!(home.run(&["--dump-info", s(&dump)]).status, 0);
    assert_eq!(home.the_default_dump(), dump);
}

#[test]
fn default_dump_lives_in_home_cache_without_xdg_cache_home() {
    if dump_beside_the_executable() {
        return;
    }
    let home = Home::new();
    let r = finish(home.command(&["--eval", STATS]).env_remove("XDG_CACHE_HOME").output().unwrap());
    let dir = home.path(".cache/minilisp");
    // The dump and its verification record's directory.
    let names: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().filter(|e| !e.path().is_dir()).map(|e| e.path()).collect();
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(dir.join("verified").is_dir());
    assert_eq!((r.stdout, r.status), (format!("(t {})", s(&names[0])), 0));
    assert!(!home.cache().exists());
    // A relative XDG_CACHE_HOME is ignored, as the XDG specification asks.
    let r = finish(home.command(&["--eval", STATS]).env("XDG_CACHE_HOME", "rel").output().unwrap());
    assert_eq!((r.stdout, r.status), (format!("(t {})", s(&names[0])), 0));
}

#[test]
fn concurrent_first_starts_all_succeed_and_leave_one_dump() {
    if dump_beside_the_executable() {
        return;
    }
    let home = Home::new();
    let children: Vec<_> =
        (0..12).map(|i| home.command(&["--eval", &format!("(princ (* {i} {i}))")]).spawn().expect("spawn")).collect();
    for (i, child) in children.into_iter().enumerate() {
        let r = finish(child.wait_with_output().unwrap());
        assert_eq!((r.stdout, r.stderr.as_str(), r.status), ((i * i).to_string(), "", 0), "process {i}");
    }
    let dump = home.the_default_dump();
    let r = home.run(&["--eval", STATS]);
    assert_eq!((r.stdout, r.status), (format!("(t {})", s(&dump)), 0));
}

#[test]
fn no_dump_boots_from_the_sources() {
    let home = Home::new();
    let r = home.run(&["--no-dump", "--eval", "(princ (list (pdumper-stats) (mapcar #'1+ '(1 2))))"]);
    assert_eq!((r.stdout.as_str(), r.stderr.as_str(), r.status), ("(nil (2 3))", "", 0));
    assert!(!home.cache().exists(), "--no-dump must not write the default dump");
}

#[test]
fn a_bad_default_dump_is_replaced_silently() {
    if dump_beside_the_executable() {
        return;
    }
    let home = Home::new();
    assert_eq!(home.run(&["--eval", "1"]).status, 0);
    let dump = home.the_default_dump();
    let good = std::fs::read(&dump).unwrap();
    let corruptions: Vec<(&str, Vec<u8>)> = vec![
        ("garbage", vec![0xa5; good.len()]),
        ("truncated", good[..good.len() / 3].to_vec()),
        ("empty", Vec::new()),
        ("flipped byte", {
            let mut b = good.clone();
            b[good.len() / 2] ^= 0x40;
            b
        }),
    ];
    for (what, bytes) in corruptions {
        std::fs::write(&dump, &bytes).unwrap();
        let r = home.run(&["--eval", "(princ (cdr (car (pdumper-stats))))"]);
        assert_eq!((r.stdout.as_str(), r.stderr.as_str(), r.status), ("t", "", 0), "{what}");
        assert_eq!(home.the_default_dump(), dump, "{what}");
        // Rewritten: valid again (not byte-compared: under MINILISP_GC_STRESS
        // the boot's `gc-elapsed` float differs from one dump to the next).
        let now = std::fs::read(&dump).unwrap();
        assert!(now != bytes && now.len() == good.len(), "{what}: the dump was not rewritten");
        assert_eq!(home.run(&["--dump-info", s(&dump)]).status, 0, "{what}");
    }
    // A directory in the dump's place cannot be replaced: starts still work.
    std::fs::remove_file(&dump).unwrap();
    std::fs::create_dir(&dump).unwrap();
    let r = home.run(&["--eval", "(princ (list (pdumper-stats) 5))"]);
    assert_eq!((r.stdout.as_str(), r.stderr.as_str(), r.status), ("(nil 5)", "", 0));
}

#[test]
fn an_unusable_cache_never_fails_a_start() {
    let home = Home::new();
    // The cache "directory" is a file: nothing can be created under it.
    std::fs::write(home.cache(), b"in the way").unwrap();
    let r = home.run(&["--eval", "(princ (list (pdumper-stats) (+ 2 3)))"]);
    assert_eq!((r.stdout.as_str(), r.stderr.as_str(), r.status), ("(nil 5)", "", 0));
    // No cache at all.
    let r = finish(
        home.command(&["--eval", "(princ 7)"]).env_remove("XDG_CACHE_HOME").env_remove("HOME").output().unwrap(),
    );
    assert_eq!((r.stdout.as_str(), r.stderr.as_str(), r.status), ("7", "", 0));
}

#[test]
fn writing_the_default_dump_prunes_other_builds_stale_dumps() {
    if dump_beside_the_executable() {
        return;
    }
    let home = Home::new();
    std::fs::create_dir_all(home.dump_dir()).unwrap();
    let two_days_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 24 * 3600);
    let file = |name: &str, old: bool| {
        let p = home.dump_dir().join(name);
        let f = std::fs::File::create(&p).unwrap();
        if old {
            f.set_modified(two_days_ago).unwrap();
        }
    };
    file("minilisp-0000000000000000.pdmp", true); // another build's, stale: deleted
    file("minilisp-1111111111111111.pdmp", false); // another build's, recent: kept
    file("notes.pdmp", true); // not a default dump: kept
    let r = home.run(&["--eval", "(princ 1)"]);
    assert_eq!((r.stdout.as_str(), r.status), ("1", 0));
    let entries = home.dump_dir_entries();
    assert_eq!(entries.len(), 3, "{entries:?}");
    assert!(!entries.contains(&"minilisp-0000000000000000.pdmp".to_string()), "{entries:?}");
    assert!(entries.contains(&"minilisp-1111111111111111.pdmp".to_string()), "{entries:?}");
    assert!(entries.contains(&"notes.pdmp".to_string()), "{entries:?}");
}

// ---------------------------------------------------------------------------
// Verification records (`src/pdump/record.rs`)
//
// Each test gives its child processes a records directory of its own through
// MINILISP_RECORD_DIR (or, for the default location, its own HOME and
// XDG_CACHE_HOME): the test threads never change their own environment.

/// Prints how the dump was verified: full, record or trusted.
const VERIFIED: &str = "(princ (cdr (assq 'verified (minilisp-dump-stats))))";

impl Home {
    /// The records directory these tests name with MINILISP_RECORD_DIR.
    fn records(&self) -> PathBuf {
        self.path("records")
    }

    /// How `minilisp EXTRA --load-dump DUMP` verified DUMP, with records in
    /// `records` (it must load, silently).
    fn verified_in(&self, records: &Path, dump: &Path, extra: &[&str]) -> String {
        let args = [extra, &["--load-dump", s(dump), "--eval", VERIFIED]].concat();
        let r = finish(self.command(&args).env("MINILISP_RECORD_DIR", records).output().unwrap());
        assert_eq!((r.stderr.as_str(), r.status), ("", 0), "{r:?}");
        r.stdout
    }

    fn verified(&self, dump: &Path, extra: &[&str]) -> String {
        self.verified_in(&self.records(), dump, extra)
    }

    /// `--dump-file OUT` from the sources, with no record of it.
    fn write_dump(&self, name: &str) -> PathBuf {
        let out = self.write_dump_keeping_records(name);
        // Start without the writer's record: these tests are about loads.
        let _ = std::fs::remove_dir_all(self.records());
        out
    }

    /// Writes a dump with `--dump-file`, records in `records()`.
    fn write_dump_keeping_records(&self, name: &str) -> PathBuf {
        let lib = self.script("lib.el", "(defvar record-test-variable (list 1 \"two\" 3.0))");
        let out = self.path(name);
        let r = finish(
            self.command(&["--no-dump", "-l", s(&lib), "--dump-file", s(&out)])
                .env("MINILISP_RECORD_DIR", self.records())
                .output()
                .unwrap(),
        );
        assert_eq!((r.stderr.as_str(), r.status), ("", 0));
        out
    }

    fn record_files(&self, records: &Path) -> Vec<String> {
        match std::fs::read_dir(records) {
            Ok(rd) => rd.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect(),
            Err(_) => Vec::new(),
        }
    }
}

/// Waits until `path`'s last change lies far enough in the past for a
/// record (file timestamps tick coarsely: a record of a file changed in the
/// current tick could not tell a later change in the same tick).
fn settle(path: &Path) {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path).unwrap();
    let ctime = std::time::UNIX_EPOCH + std::time::Duration::new(m.ctime() as u64, m.ctime_nsec() as u32);
    // Whole-second file systems are compared in seconds.
    let wait = if m.ctime_nsec() == 0 { 1050 } else { 60 };
    let until = ctime + std::time::Duration::from_millis(wait);
    if let Ok(d) = until.duration_since(std::time::SystemTime::now()) {
        std::thread::sleep(d);
    }
}

/// Sets `path`'s mtime (not its atime) with utimensat; the kernel sets its
/// ctime to now whatever the mtime.
fn set_mtime(path: &Path, sec: i64, nsec: i64) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    let times = [
        libc::timespec { tv_sec: 0, tv_nsec: libc::UTIME_OMIT },
        libc::timespec { tv_sec: sec as libc::time_t, tv_nsec: nsec as _ },
    ];
    // SAFETY: a valid C path and two timespecs, as utimensat requires.
    assert_eq!(unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), times.as_ptr(), 0) }, 0);
}

/// The heap image's (offset, length), from the section table: header u64
/// at 64 = table offset, u32 at 72 = count, 32-byte entries {kind u32,
/// flags u32, offset u64, len u64, checksum u64}; kind 4 is the heap image.
fn heap_image(bytes: &[u8]) -> (usize, usize) {
    let u64_at = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap()) as usize;
    let table = u64_at(64);
    let count = u32::from_le_bytes(bytes[72..76].try_into().unwrap()) as usize;
    (0..count)
        .map(|i| table + 32 * i)
        .find(|&e| u32::from_le_bytes(bytes[e..e + 4].try_into().unwrap()) == 4)
        .map(|e| (u64_at(e + 8), u64_at(e + 16)))
        .expect("a heap-image section")
}

#[test]
fn a_dump_this_build_wrote_is_not_verified_again() {
    let home = Home::new();
    let dump = home.write_dump_keeping_records("w.pdmp");
    assert_eq!(home.record_files(&home.records()).len(), 1);
    assert_eq!(home.verified(&dump, &[]), "record");
    // Until it changes.
    let mut bytes = std::fs::read(&dump).unwrap();
    let (offset, len) = heap_image(&bytes);
    bytes[offset + len / 2] ^= 1;
    std::fs::write(&dump, &bytes).unwrap();
    let r = finish(home.command(&["--load-dump", s(&dump), "--eval", VERIFIED]).env("MINILISP_RECORD_DIR", home.records()).output().unwrap());
    assert_eq!(r.status, 2, "{}", r.stderr);
    assert!(r.stderr.contains("checksum mismatch"), "{}", r.stderr);
}

#[test]
fn a_dump_is_verified_once_then_by_its_record() {
    let home = Home::new();
    let dump = home.write_dump("d.pdmp");
    settle(&dump);
    assert_eq!(home.verified(&dump, &[]), "full");
    assert_eq!(home.record_files(&home.records()).len(), 1);
    assert_eq!(home.verified(&dump, &[]), "record");
    assert_eq!(home.verified(&dump, &[]), "record");
    // --verify-dump checks everything every time; --trust-dump never does.
    assert_eq!(home.verified(&dump, &["--verify-dump"]), "full");
    assert_eq!(home.verified(&dump, &["--verify-dump"]), "full");
    assert_eq!(home.verified(&dump, &["--trust-dump"]), "trusted");
    assert_eq!(home.verified(&dump, &[]), "record");
    let r = home.run(&["--verify-dump", "--trust-dump", "--load-dump", s(&dump)]);
    assert_eq!(r.status, 2, "{r:?}");
    // A record that is not one means "not verified" (and is replaced).
    let rec = home.records().join(&home.record_files(&home.records())[0]);
    for junk in [&b""[..], b"\x01\x02", &[0xff; 300][..], &[1; 200][..]] {
        std::fs::write(&rec, junk).unwrap();
        assert_eq!(home.verified(&dump, &[]), "full");
        assert_eq!(home.verified(&dump, &[]), "record");
    }
    // Without MINILISP_RECORD_DIR, records live in the cache: verified/.
    let default_records = home.dump_dir().join("verified");
    let r = finish(home.command(&["--load-dump", s(&dump), "--eval", VERIFIED]).output().unwrap());
    assert_eq!((r.stdout.as_str(), r.status), ("full", 0));
    assert_eq!(home.record_files(&default_records).len(), 1);
    let r = finish(home.command(&["--load-dump", s(&dump), "--eval", VERIFIED]).output().unwrap());
    assert_eq!((r.stdout.as_str(), r.status), ("record", 0));
}

#[test]
fn a_dump_rewritten_in_place_with_its_mtime_set_back_is_verified_again() {
    use std::os::unix::fs::{FileExt, MetadataExt};
    let home = Home::new();
    let dump = home.write_dump("d.pdmp");
    settle(&dump);
    assert_eq!(home.verified(&dump, &[]), "full");
    assert_eq!(home.verified(&dump, &[]), "record");
    let before = std::fs::metadata(&dump).unwrap();

    // One byte inside the heap image, rewritten in place: same inode, same size.
    let bytes = std::fs::read(&dump).unwrap();
    let (offset, len) = heap_image(&bytes);
    let at = offset + len / 2;
    let file = std::fs::OpenOptions::new().write(true).open(&dump).unwrap();
    file.write_all_at(&[bytes[at] ^ 0x01], at as u64).unwrap();
    drop(file);
    set_mtime(&dump, before.mtime(), before.mtime_nsec());
    let after = std::fs::metadata(&dump).unwrap();
    assert_eq!(
        (after.ino(), after.dev(), after.size(), after.mtime(), after.mtime_nsec()),
        (before.ino(), before.dev(), before.size(), before.mtime(), before.mtime_nsec())
    );
    settle(&dump);

    // Only the ctime tells: the load checks everything and refuses the image.
    let r = finish(
        home.command(&["--load-dump", s(&dump), "--eval", VERIFIED])
            .env("MINILISP_RECORD_DIR", home.records())
            .output()
            .unwrap(),
    );
    assert_eq!((r.stdout.as_str(), r.status), ("", 2), "{r:?}");
    assert!(r.stderr.ends_with(": heap-image section checksum mismatch\n"), "{}", r.stderr);
    // And again: a refused file is never recorded.
    let r = finish(
        home.command(&["--load-dump", s(&dump)]).env("MINILISP_RECORD_DIR", home.records()).output().unwrap(),
    );
    assert_eq!(r.status, 2, "{r:?}");
}

#[test]
fn touched_copied_over_or_renamed_dumps_are_verified_again() {
    use std::os::unix::fs::MetadataExt;
    let home = Home::new();
    let dump = home.write_dump("d.pdmp");
    let copy = home.path("copy.pdmp");
    std::fs::copy(&dump, &copy).unwrap();
    type Change = fn(&Path, &Path);
    let changes: [(&str, Change); 4] = [
        ("touched, mtime unchanged", |d, _| {
            let m = std::fs::metadata(d).unwrap();
            set_mtime(d, m.mtime(), m.mtime_nsec());
        }),
        ("touched", |d, _| {
            let f = std::fs::File::options().write(true).open(d).unwrap();
            f.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(5)).unwrap();
        }),
        ("copied over", |d, c| {
            std::fs::copy(c, d).unwrap();
        }),
        ("replaced by rename", |d, c| {
            let tmp = d.with_extension("tmp");
            std::fs::copy(c, &tmp).unwrap();
            std::fs::rename(&tmp, d).unwrap();
        }),
    ];
    settle(&dump);
    assert_eq!(home.verified(&dump, &[]), "full");
    assert_eq!(home.verified(&dump, &[]), "record");
    for (what, change) in changes {
        change(&dump, &copy);
        settle(&dump);
        assert_eq!(home.verified(&dump, &[]), "full", "{what}");
        assert_eq!(home.verified(&dump, &[]), "record", "{what}");
    }
}

#[test]
fn an_unwritable_record_dir_means_a_full_check_every_time() {
    use std::os::unix::fs::PermissionsExt;
    let home = Home::new();
    let dump = home.write_dump("d.pdmp");
    settle(&dump);
    // Under a file: nothing can be created there, whoever runs the test.
    std::fs::write(home.path("a-file"), b"in the way").unwrap();
    let under_a_file = home.path("a-file").join("verified");
    for _ in 0..3 {
        assert_eq!(home.verified_in(&under_a_file, &dump, &[]), "full");
    }
    // A read-only directory (root may write it all the same: then skip).
    let ro = home.path("read-only");
    std::fs::create_dir(&ro).unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(ro.join("probe"), b"").is_err() {
        for _ in 0..3 {
            assert_eq!(home.verified_in(&ro, &dump, &[]), "full");
        }
        assert!(home.record_files(&ro).is_empty());
    } else {
        eprintln!("skipped the read-only directory: this user writes it anyway");
    }
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
    // No HOME and no cache: still loads, fully.
    let r = finish(
        home.command(&["--load-dump", s(&dump), "--eval", VERIFIED])
            .env_remove("HOME")
            .env_remove("XDG_CACHE_HOME")
            .output()
            .unwrap(),
    );
    assert_eq!((r.stdout.as_str(), r.stderr.as_str(), r.status), ("full", "", 0));
}

#[test]
fn another_users_dump_is_verified_every_time() {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("skipped: only root can give a file to another user");
        return;
    }
    use std::os::unix::ffi::OsStrExt;
    let home = Home::new();
    let dump = home.write_dump("d.pdmp");
    let c = std::ffi::CString::new(dump.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid C path.
    assert_eq!(unsafe { libc::chown(c.as_ptr(), 65534, 65534) }, 0);
    settle(&dump);
    for _ in 0..3 {
        assert_eq!(home.verified(&dump, &[]), "full");
    }
    assert!(home.record_files(&home.records()).is_empty());
}

#[test]
fn the_default_dump_is_verified_once_too() {
    if dump_beside_the_executable() {
        return;
    }
    let home = Home::new();
    let run = || {
        let r = home.run(&["--eval", VERIFIED]);
        assert_eq!((r.stderr.as_str(), r.status), ("", 0));
        r.stdout
    };
    // The first start writes it (and records it: this build wrote it).
    run();
    assert_eq!(run(), "record");
    settle(&home.the_default_dump());
    let _ = std::fs::remove_dir_all(home.dump_dir().join("verified"));
    assert_eq!(run(), "full");
    assert_eq!(run(), "record");
    let r = home.run(&["--verify-dump", "--eval", VERIFIED]);
    assert_eq!((r.stdout.as_str(), r.status), ("full", 0));
}

/// The demo's application library (demo/app.el, run by demo/run.sh)
/// answers the same from source and from its dump.
#[test]
fn the_demo_library_answers_the_same_from_its_dump() {
    let home = Home::new();
    let app = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("demo/app.el");
    let from_source = home.run(&["-l", s(&app), "--eval", "(app-main)"]);
    assert_eq!((from_source.stderr.as_str(), from_source.status), ("", 0));
    assert!(from_source.stdout.starts_with("(:rules "), "{}", from_source.stdout);
    let dump = home.path("app.pdmp");
    assert_eq!(home.run(&["-l", s(&app), "--dump-file", s(&dump)]).status, 0);
    for extra in [&[][..], &["--verify-dump"]] {
        let mut args = extra.to_vec();
        args.extend(["--load-dump", s(&dump), "--eval", "(app-main)"]);
        let from_dump = home.run(&args);
        assert_eq!((from_dump.stdout.as_str(), from_dump.stderr.as_str(), from_dump.status), (from_source.stdout.as_str(), "", 0));
    }
}

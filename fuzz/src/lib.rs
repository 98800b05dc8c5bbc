//! Shared harness code of the fuzz targets: each target is one call of a
//! function here, so a crashing input can be replayed outside AFL
//! (`target/release/TARGET < input` runs one input when not under AFL).

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use minilisp::{HostFunctions, Lisp, Rest};
use minilisp::pdump::fingerprint::FINGERPRINT;
use minilisp::pdump::{LoadOptions, Snapshot, load_file};

/// The program run in every interpreter started from a fuzzed dump: it
/// touches the objects the seed dumps hold (see `gen_seeds`), collects
/// twice and calls prelude functions. Each form is evaluated separately so
/// an error in one does not skip the others.
pub const DUMP_PROGRAM: &[&str] = &[
    "(garbage-collect)",
    "(list fz-list fz-nested fz-vec fz-str fz-mstr fz-float fz-big fz-uninterned)",
    "(let (acc) (maphash (lambda (k v) (push (cons k v) acc)) fz-eq) acc)",
    "(let (acc) (maphash (lambda (k v) (push (cons k v) acc)) fz-eql) acc)",
    "(let (acc) (maphash (lambda (k v) (push (cons k v) acc)) fz-equal) acc)",
    "(list (gethash fz-key fz-eq) (gethash 'sym fz-eq) (gethash 3.0 fz-eql) (gethash \"s\" fz-equal) (gethash fz-big fz-eql))",
    "(puthash (list 'new) 'v fz-eq)",
    "(list (fz-fn 3) (funcall fz-closure 4) (symbol-plist 'fz-fn) (get 'fz-fn 'prop))",
    "(list (length fz-list) (reverse fz-list) (append fz-vec nil) (concat fz-str fz-mstr) (* fz-big 3) (+ fz-float 1))",
    "(setcar fz-list (make-string 10 ?x))",
    "(aset fz-vec 0 (list 1 2 3))",
    "(garbage-collect)",
    "(list (cadr '(1 2)) (when t 1) (dolist (x '(1 2)) x) (dotimes (i 3) i) (push 1 fz-list) (pop fz-list))",
    "(sort (list 3 1 2) #'<)",
    "(list fz-list fz-vec (hash-table-count fz-eq) (hash-table-count fz-eql) (hash-table-count fz-equal))",
    "(list fz-host (fz-host-add 1 2) (fz-host-rest 1 2 3) (funcall (car fz-host) 3 4) (apply (cadr fz-host) fz-list))",
    "(garbage-collect)",
];

/// The host functions every target gives its loads (and `gen_seeds` its
/// seed interpreters): seeds record them in their host-functions section
/// and hold them as values (`fz-host`), so the fuzzer mutates that section
/// and host-function immediates too, and a dump that names them loads.
pub fn host_functions() -> &'static HostFunctions {
    static HOST: OnceLock<HostFunctions> = OnceLock::new();
    HOST.get_or_init(|| {
        let mut h = HostFunctions::new();
        h.register("fz-host-add", |_, (a, b): (i64, i64)| a.wrapping_add(b));
        h.register("fz-host-rest", |_, Rest(xs): Rest<minilisp::Value>| xs.len() as i64);
        h
    })
}

/// The interpreter with its output going nowhere and whose recursion limit
/// (`max-lisp-eval-depth`) is small (deep recursion is slow, not
/// interesting).
fn quiet(mut lisp: Lisp) -> Lisp {
    lisp.set_stdout(Box::new(std::io::sink()));
    lisp.set_stderr(Box::new(std::io::sink()));
    // A fuzzed dump may have made the variable a constant: then the
    // default limit stays.
    let _ = lisp.set_global("max-lisp-eval-depth", 200);
    lisp
}

/// Loads `bytes` as a dump with full validation; if it loads, starts an
/// interpreter from it and [`exercise`]s it. Returns whether the dump
/// loaded.
pub fn run_dump(bytes: Vec<u8>) -> bool {
    let snap = match Snapshot::from_bytes(bytes, host_functions()) {
        Ok(s) => s,
        Err(e) => {
            verbose_rejection(&e);
            return false;
        }
    };
    let Ok(lisp) = snap.instantiate() else { return false };
    exercise(lisp);
    true
}

fn verbose_rejection(e: &minilisp::pdump::Error) {
    if std::env::var_os("FUZZ_VERBOSE").is_some() {
        eprintln!("rejected: {e}");
    }
}

/// What every target does with an interpreter started from a fuzzed dump:
/// silences it ([`quiet`]), prints every symbol's value, function and
/// plist (walking every object reachable from a symbol through the
/// printer), then evaluates each form of [`DUMP_PROGRAM`]. The interpreter
/// is dropped on return (for a mapped dump: unmapped).
pub fn exercise(lisp: Lisp) {
    let mut lisp = quiet(lisp);
    // `symbols` prints each slot's value (unless void), function and plist.
    for cells in lisp.symbols() {
        std::hint::black_box(cells);
    }
    let verbose = std::env::var_os("FUZZ_VERBOSE").is_some();
    for (i, form) in DUMP_PROGRAM.iter().enumerate() {
        if verbose {
            eprintln!("DUMP_PROGRAM[{i}]: {form}");
        }
        let _ = lisp.eval(form);
    }
}

/// The file target's private directory: `dump_loader_file-PID` in the
/// temporary directory (`$TMPDIR`), holding the input file and, through
/// `MINILISP_RECORD_DIR`, the verification records, so fuzzing never
/// writes into the user's cache. Made on first use; call it before
/// `afl::fuzz!` so the fork server's children share one directory instead
/// of leaving one each.
pub fn file_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("dump_loader_file-{}", std::process::id()));
        let records = dir.join("records");
        std::fs::create_dir_all(&records).expect("create the file target's directory");
        // SAFETY: minilisp reads its environment only through std::env,
        // which serialises every access with set_var behind one lock, and
        // no C code of this process reads the environment.
        unsafe { std::env::set_var(minilisp::pdump::record::RECORD_DIR_ENV, &records) };
        dir
    })
}

/// Serialises the file runs of one process (the regression tests run in
/// parallel): one input file, one live interpreter mapped from it (the
/// preferred address holds one at a time; a file rewritten while mapped
/// would change under it), and one setting of `MINILISP_DUMP_RELOCATE`.
static FILE_LOCK: Mutex<()> = Mutex::new(());

/// Loads the file at `path` with `load_file` (default options: verified
/// fully unless a record in [`file_dir`] shows it unchanged since), mapped
/// privately at the preferred address when that is free, or, with
/// `relocate`, read into anonymous memory and relocated
/// (`MINILISP_DUMP_RELOCATE=1`). Hold `FILE_LOCK`.
fn load_dump_file(path: &Path, relocate: bool) -> Result<Lisp, minilisp::pdump::Error> {
    const RELOCATE: &str = "MINILISP_DUMP_RELOCATE";
    if (std::env::var_os(RELOCATE).is_some_and(|v| v == "1")) != relocate {
        // SAFETY: as in `file_dir` (minilisp reads the environment only
        // through std::env); the loader's threads are scoped, so none is
        // running between two loads.
        unsafe {
            if relocate {
                std::env::set_var(RELOCATE, "1");
            } else {
                std::env::remove_var(RELOCATE);
            }
        }
    }
    load_file(path, LoadOptions::host(host_functions()))
}

/// Writes `bytes` over this process's input file (the same path every
/// time, rewritten in place) and returns the path. Hold `FILE_LOCK`, and
/// drop every interpreter mapped from the file first.
fn write_dump_file(bytes: &[u8]) -> PathBuf {
    let path = file_dir().join("input.dump");
    std::fs::write(&path, bytes).expect("write the input file");
    path
}

/// The real file path: writes `bytes` to this process's input file, loads
/// it with `load_file` (see `load_dump_file`: at the preferred address, or
/// relocated with `relocate`) and, if it loads, [`exercise`]s the
/// interpreter. Returns whether the dump loaded.
pub fn run_dump_file(bytes: Vec<u8>, relocate: bool) -> bool {
    let _one = FILE_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let path = write_dump_file(&bytes);
    load_and_exercise(&path, relocate).is_ok()
}

/// [`run_dump_file`] both ways on one write of the file: mapped at the
/// preferred address, then (that interpreter dropped) relocated. The two
/// loads validate the same bytes, so they must agree: both load, or both
/// fail with the same error (a panic otherwise). Returns whether
/// the dump loaded.
pub fn run_dump_file_both(bytes: Vec<u8>) -> bool {
    let _one = FILE_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let path = write_dump_file(&bytes);
    let mapped = load_and_exercise(&path, false);
    let relocated = load_and_exercise(&path, true);
    match (&mapped, &relocated) {
        (Ok(()), Ok(())) => true,
        (Err(a), Err(b)) if a == b => false,
        _ => panic!("the mapped load gave {mapped:?}, the relocating load {relocated:?}"),
    }
}

/// Loads and exercises; the error as its kind and message.
fn load_and_exercise(path: &Path, relocate: bool) -> Result<(), (minilisp::pdump::ErrorKind, String)> {
    match load_dump_file(path, relocate) {
        Ok(lisp) => {
            if std::env::var_os("FUZZ_VERBOSE").is_some()
                && let Some(s) = lisp.dump_stats()
            {
                eprintln!("loaded at {:#x}: relocated {}, verified {}", s.address, s.relocated, s.verified);
            }
            exercise(lisp);
            Ok(())
        }
        Err(e) => {
            verbose_rejection(&e);
            Err((e.kind, e.message))
        }
    }
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

/// "Fixup" mode: makes `bytes` pass the checks a random mutation almost
/// always fails, so the fuzzer explores structure instead: writes this
/// build's fingerprint and the real file length into the header, the
/// XXH3 of every in-bounds section into the section table, then the
/// header checksum. Everything else (magic, version, offsets, lengths,
/// section kinds, contents) is left as the input has it.
pub fn fixup(bytes: &mut [u8]) {
    if bytes.len() < 88 {
        return;
    }
    bytes[16..48].copy_from_slice(&FINGERPRINT);
    let len = bytes.len() as u64;
    bytes[48..56].copy_from_slice(&len.to_le_bytes());
    let table = u64_at(bytes, 64).unwrap_or(0);
    let n = u32_at(bytes, 72).unwrap_or(0) as u64;
    for i in 0..n.min(64) {
        let Some(e) = table.checked_add(i * 32).filter(|&e| e.checked_add(32).is_some_and(|end| end <= len)) else { break };
        let e = e as usize;
        let (Some(off), Some(slen)) = (u64_at(bytes, e + 8), u64_at(bytes, e + 16)) else { break };
        let Some(end) = off.checked_add(slen).filter(|&end| end <= len) else { continue };
        let sum = xxhash_rust::xxh3::xxh3_64(&bytes[off as usize..end as usize]);
        bytes[e + 24..e + 32].copy_from_slice(&sum.to_le_bytes());
    }
    let sum = xxhash_rust::xxh3::xxh3_64(&bytes[8..80]);
    bytes[80..88].copy_from_slice(&sum.to_le_bytes());
}

/// Reads and evaluates `src` (lossy UTF-8) in a fresh interpreter started
/// from `snap`.
pub fn run_source(snap: &Snapshot, src: &[u8]) {
    let Ok(lisp) = snap.instantiate() else { return };
    let mut lisp = quiet(lisp);
    let src = String::from_utf8_lossy(src);
    let _ = lisp.load_source(&src, "fuzz.el");
}

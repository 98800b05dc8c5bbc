//! Shared harness code of the fuzz targets: each target is one call of a
//! function here, so a crashing input can be replayed outside AFL
//! (`target/release/TARGET < input` runs one input when not under AFL).

use minilisp::Interp;
use minilisp::pdump::Snapshot;
use minilisp::pdump::fingerprint::FINGERPRINT;

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
    "(garbage-collect)",
];

/// A new interpreter whose output goes nowhere and whose recursion limit
/// is small (deep recursion is slow, not interesting).
fn quiet(mut interp: Interp) -> Interp {
    interp.stdout = Box::new(std::io::sink());
    interp.stderr = Box::new(std::io::sink());
    interp.max_depth = 200;
    interp
}

/// Loads `bytes` as a dump with full validation; if it loads, starts an
/// interpreter from it, prints every symbol's cells and runs
/// [`DUMP_PROGRAM`]. Returns whether the dump loaded.
pub fn run_dump(bytes: Vec<u8>) -> bool {
    let snap = match Snapshot::from_bytes(bytes) {
        Ok(s) => s,
        Err(e) => {
            if std::env::var_os("FUZZ_VERBOSE").is_some() {
                eprintln!("rejected: {e}");
            }
            return false;
        }
    };
    let Ok(interp) = snap.instantiate() else { return false };
    let mut interp = quiet(interp);
    // Walk every object reachable from a symbol through the printer.
    let n = interp.heap.symbols.len();
    for i in 0..n {
        let s = &interp.heap.symbols.syms[i];
        let cells = [s.value, s.function, s.plist];
        for v in cells {
            if v != minilisp::Value::UNBOUND {
                let _ = interp.prin1_to_string(v);
            }
        }
    }
    for form in DUMP_PROGRAM {
        let _ = interp.eval_str(form);
    }
    true
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
    let Ok(interp) = snap.instantiate() else { return };
    let mut interp = quiet(interp);
    let src = String::from_utf8_lossy(src);
    let _ = interp.eval_source(&src, "fuzz.el");
}

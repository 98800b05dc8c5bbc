//! Regression tests for what the fuzzers (fuzz/, docs/fuzzing.md) found:
//! each test replays one minimised input from tests/fuzz_regressions/
//! through the very harness code the fuzz targets run (fuzz/src/lib.rs is
//! included below) and asserts a clean error or result.

#[path = "../../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod harness;

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use minilisp::pdump::{SectionKind, Snapshot};
use minilisp::{HostFunctions, Lisp};

/// An input file as this format version reads it: dumps found by the
/// fuzzer under an older format get the current version number, so they
/// still reach the checks they once broke instead of the version check.
/// Format 3 added a required section, the host functions (kind 8): an
/// input whose section table lacks one gets the empty section its writer,
/// which had no host functions, would write now (at the table's offset,
/// with an entry appended to the table), if the table ends the file.
fn dump_input(name: &str) -> Vec<u8> {
    let mut bytes = input(name);
    if bytes.len() >= 12 {
        bytes[8..12].copy_from_slice(&minilisp::pdump::FORMAT_VERSION.to_le_bytes());
    }
    if bytes.len() >= 88 {
        let u64_at = |b: &[u8], at: usize| u64::from_le_bytes(b[at..at + 8].try_into().unwrap());
        let (table, count) = (u64_at(&bytes, 64), u32::from_le_bytes(bytes[72..76].try_into().unwrap()) as u64);
        let host = SectionKind::HostFunctions as u32;
        let ends_file = count.checked_mul(32).and_then(|n| n.checked_add(table)) == Some(bytes.len() as u64);
        let has_host = ends_file && (0..count as usize).any(|i| bytes[table as usize + 32 * i..][..4] == host.to_le_bytes());
        if ends_file && !has_host {
            let mut entry = Vec::with_capacity(32);
            entry.extend_from_slice(&host.to_le_bytes());
            entry.extend_from_slice(&0u32.to_le_bytes());
            entry.extend_from_slice(&table.to_le_bytes());
            entry.extend_from_slice(&0u64.to_le_bytes());
            entry.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(&[]).to_le_bytes());
            bytes.extend_from_slice(&entry);
            bytes[72..76].copy_from_slice(&(count as u32 + 1).to_le_bytes());
            let len = bytes.len() as u64;
            bytes[48..56].copy_from_slice(&len.to_le_bytes());
        }
    }
    bytes
}

fn input(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Evaluates the input file in a fresh interpreter on its own thread and
/// returns the printed error (`Err`) or value, or `None` if it did not
/// finish within `secs` (a hang; the thread is left behind).
fn eval_input(name: &str, secs: u64) -> Option<Result<String, String>> {
    let src = String::from_utf8_lossy(&input(name)).into_owned();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut lisp = Lisp::new().expect("prelude boots");
        lisp.set_stdout(Box::new(std::io::sink()));
        let r = lisp.load_source(&src, "fuzz.el");
        let r = match r {
            Ok(v) => Ok(lisp.prin1(&v)),
            Err(e) => Err(e.object),
        };
        let _ = tx.send(r);
    });
    rx.recv_timeout(Duration::from_secs(secs)).ok()
}

/// The harness itself: a valid dump loads through `run_dump`, and `fixup`
/// leaves a valid dump valid (so fixed-mode results mean what they say).
#[test]
fn harness_loads_a_valid_dump_with_and_without_fixup() {
    let mut lisp = Lisp::bare();
    let bytes = Snapshot::take(&mut lisp).expect("snapshot").bytes().to_vec();
    let mut fixed = bytes.clone();
    harness::fixup(&mut fixed);
    assert_eq!(fixed, bytes, "fixup changed a valid dump");
    assert!(harness::run_dump(bytes), "a valid dump was rejected");
}

/// A dump that records the harness's host functions, as the `gen_seeds`
/// object seeds do (the file harness loads one in
/// `file_harness_loads_a_valid_dump_mapped_and_relocated`).
fn dump_with_host_functions() -> Vec<u8> {
    let mut lisp = Lisp::bare();
    lisp.install(harness::host_functions());
    lisp.eval("(setq fz-host (list (symbol-function 'fz-host-add) (symbol-function 'fz-host-rest)))").unwrap();
    Snapshot::take(&mut lisp).expect("snapshot").bytes().to_vec()
}

/// The in-memory harness registers its host functions: a dump that needs
/// them loads; without them the same bytes are refused.
#[test]
fn harness_loads_a_dump_with_host_functions() {
    let bytes = dump_with_host_functions();
    assert!(harness::run_dump(bytes.clone()), "a dump with host functions was rejected");
    let err = Snapshot::from_bytes(bytes, &HostFunctions::new()).err().expect("refused without the host functions");
    assert_eq!(err.kind, minilisp::pdump::ErrorKind::MissingHostFunctions, "{err}");
}

/// The file harness (dump_loader_file): a valid dump written to a file
/// loads through `load_file` mapped at the preferred address and
/// relocated, alone and as the target runs it (both, required to agree);
/// a damaged one is refused by both loads alike; verification records go
/// to the harness's private directory, never to the user's cache.
#[test]
fn file_harness_loads_a_valid_dump_mapped_and_relocated() {
    let mut lisp = Lisp::bare();
    let bytes = Snapshot::take(&mut lisp).expect("snapshot").bytes().to_vec();
    drop(lisp);
    assert!(harness::run_dump_file(bytes.clone(), false), "a valid dump was rejected (mapped)");
    let records = std::env::var_os(minilisp::pdump::record::RECORD_DIR_ENV).map(PathBuf::from);
    let records = records.expect("the harness names its own records directory");
    assert!(records.starts_with(harness::file_dir()), "{}", records.display());
    assert!(harness::run_dump_file(bytes.clone(), true), "a valid dump was rejected (relocated)");
    assert!(harness::run_dump_file_both(bytes.clone()));
    // One that records host functions (the harness registers them).
    assert!(harness::run_dump_file_both(dump_with_host_functions()), "a dump with host functions was rejected");
    // Cut in half, with the header's length and checksums made right: the
    // section table runs past the end, for both loads.
    let mut half = bytes[..bytes.len() / 2].to_vec();
    harness::fixup(&mut half);
    assert!(!harness::run_dump_file_both(half));
    assert!(!harness::run_dump_file_both(bytes[..100].to_vec()));
    assert!(!harness::run_dump_file_both(Vec::new()));
    let _ = std::fs::remove_dir_all(harness::file_dir());
}

/// dump_loader_fixed, crash 1 (in the harness, not the loader): a section
/// table offset near `u64::MAX` overflowed `fixup`'s entry arithmetic. The
/// loader itself rejects the file cleanly.
#[test]
fn fixup_section_table_offset_overflow() {
    let bytes = dump_input("fixup-section-table-offset-overflow.bin");
    let err = Snapshot::from_bytes(bytes.clone(), &HostFunctions::new()).err().expect("must be rejected");
    assert!(!err.to_string().is_empty());
    let mut fixed = bytes;
    harness::fixup(&mut fixed);
    let err = Snapshot::from_bytes(fixed.clone(), &HostFunctions::new()).err().expect("must be rejected after fixup");
    assert!(err.to_string().contains("section table"), "unexpected error: {err}");
    assert!(!harness::run_dump(fixed));
}

/// dump_loader_fixed, 2026-11-22 (after 37 min, 5.2M executions): a root
/// word giving the hot image's length near `u64::MAX` overflowed rounding
/// it up to a page (`align_up`, src/pdump/loader.rs `validate`) before it
/// was compared with the image's size: a panic with overflow checks on
/// (release builds wrapped, and a later check refused the file). Format 2
/// derives the hot length from the layout section's run lengths, which
/// `Layout::new` adds and rounds with checked arithmetic; lengths near
/// `u64::MAX` there are crafted in `tests/pdump_corrupt.rs`
/// (`crafted_layouts_are_checked`). The old input must still be refused
/// cleanly (this suite also runs in a debug build).
#[test]
fn loader_hot_length_overflows_align() {
    let mut bytes = dump_input("loader-hot-length-overflows-align.bin");
    harness::fixup(&mut bytes);
    let err = Snapshot::from_bytes(bytes.clone(), &HostFunctions::new()).err().expect("must be rejected");
    assert_eq!(err.kind, minilisp::pdump::ErrorKind::Layout, "{err}");
    assert!(!harness::run_dump(bytes));
}

/// reader_eval, crashes 1-5: a huge `format` field width made `pad`
/// (src/interp/builtins/print.rs:348, reached from %d/%o at :534, %f at
/// :572, %s at :476) allocate the padding (up to exabytes) and abort the
/// process, or overflow the capacity and panic. Emacs 28.2 signals
/// `(error "Maximum string size exceeded")` past its string size limit and
/// a memory-full `error` below it (`styled_format` now checks the size
/// first).
#[test]
fn format_width_exceeds_max_string_size() {
    assert_format_size_errors("format-width-exceeds-max-string-size.el", 4);
}

/// reader_eval, later crashes: the same with a huge precision (`%.Nd`,
/// `%0084.NNNo`).
#[test]
fn format_precision_exceeds_max_string_size() {
    assert_format_size_errors("format-precision-exceeds-max-string-size.el", 3);
}

/// The input's list of caught `format` errors: `errors` of them, the first
/// and last "Maximum string size exceeded" (the others memory-full).
fn assert_format_size_errors(name: &str, errors: usize) {
    let r = eval_input(name, 60).expect("finishes");
    let printed = r.expect("each format error is caught");
    let max = r#"(error "Maximum string size exceeded")"#;
    assert!(printed.starts_with(&format!("({max} (error ")), "{printed}");
    assert!(printed.ends_with(&format!(" {max})")), "{printed}");
    assert_eq!(printed.matches("(error ").count(), errors, "{printed}");
}

/// dump_loader_fixed hangs (mutated dumped code made circular) reduced to
/// Lisp: evaluating a form whose argument list is circular looped forever
/// while counting the arguments (src/interp/eval.rs); Emacs 28.2 signals
/// `(circular-list (1 . #0))`, and so does `eval` now (it measures the list
/// with `list_length`, as Emacs's `eval_sub` does). More shapes, recorded
/// from Emacs: tests/conformance/cases/eval-circular-and-dotted-forms.el.
#[test]
fn eval_circular_argument_list() {
    let r = eval_input("eval-circular-argument-list.el", 10).expect("must not hang");
    assert_eq!(r, Err("(circular-list (1 . #0))".to_string()));
}

//! Damaged dumps: every corruption is refused with the error kind of the
//! check that fails (never a panic), and an image change behind a correct
//! checksum is either refused by structural validation or harmless.
//!
//! The layout constants below mirror the format documented at the top of
//! `src/pdump/mod.rs`; the tests parse dumps themselves so they can patch
//! any field and then recompute the checksums (`reseal`).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use minilisp::pdump::{self, ErrorKind, LoadOptions, PREFERRED_BASE, SectionKind, Snapshot, Verify};
use minilisp::{HostFunctions, Lisp, Rest, encoding};

// ---- the format, as documented in src/pdump/mod.rs ----

const HEADER_SIZE: usize = 4096;
const PAGE: usize = 4096;
const ENTRY: usize = 32;
const TAG_MASK: u64 = 7;

// Object kinds, as the tests name them (the format lays cells out in runs
// by kind; payloads are found through their owners).
const K_CONS: u8 = 1;
const K_FLOAT: u8 = 2;
const K_STRING: u8 = 3;
const K_VECTOR: u8 = 4;
const K_BIGNUM: u8 = 5;
const K_HASH: u8 = 6;
const K_VALUES: u8 = 7;
const K_BYTES: u8 = 8;

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
}
fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().unwrap())
}
fn put_u32(b: &mut [u8], at: usize, v: u32) {
    b[at..at + 4].copy_from_slice(&v.to_le_bytes());
}
fn put_u64(b: &mut [u8], at: usize, v: u64) {
    b[at..at + 8].copy_from_slice(&v.to_le_bytes());
}
fn xxh3(b: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(b)
}

#[derive(Copy, Clone, Debug)]
struct Sec {
    kind: u32,
    offset: usize,
    len: usize,
    /// Where this section's entry lies in the file.
    entry: usize,
}

fn table_offset(b: &[u8]) -> usize {
    u64_at(b, 64) as usize
}

fn sections(b: &[u8]) -> Vec<Sec> {
    let at = table_offset(b);
    let n = u32_at(b, 72) as usize;
    (0..n)
        .map(|i| {
            let e = at + i * ENTRY;
            Sec { kind: u32_at(b, e), offset: u64_at(b, e + 8) as usize, len: u64_at(b, e + 16) as usize, entry: e }
        })
        .collect()
}

fn sec(b: &[u8], kind: SectionKind) -> Sec {
    *sections(b).iter().find(|s| s.kind == kind as u32).expect("section present")
}

fn fix_header_checksum(b: &mut [u8]) {
    let sum = xxh3(&b[8..80]);
    put_u64(b, 80, sum);
}

/// Recomputes every section checksum and the header checksum, so only the
/// structural checks can notice a patch.
fn reseal(b: &mut [u8]) {
    for s in sections(b) {
        let sum = xxh3(&b[s.offset..s.offset + s.len]);
        put_u64(b, s.entry + 24, sum);
    }
    fix_header_checksum(b);
}

/// The parsed image: where each object starts (cells from the layout's
/// runs, payloads from their owners' pointers), sorted by offset.
struct Image {
    off: usize,
    len: usize,
    hot_len: usize,
    starts: Vec<(usize, u8)>,
    relocs: Sec,
}

/// Run lengths in the layout section, in image order.
const RUNS: usize = 9;
const HOT_RUNS: usize = 5;

/// Start offsets of the runs (hot from 0, cold from the next page).
fn run_starts(b: &[u8]) -> [usize; RUNS] {
    let l = sec(b, SectionKind::Layout);
    let mut starts = [0; RUNS];
    let mut at = 0usize;
    for (i, start) in starts.iter_mut().enumerate() {
        if i == HOT_RUNS {
            at = at.div_ceil(PAGE) * PAGE;
        }
        *start = at;
        at += u64_at(b, l.offset + 8 * i) as usize;
    }
    starts
}

impl Image {
    fn of(b: &[u8]) -> Image {
        let img = sec(b, SectionKind::HeapImage);
        let l = sec(b, SectionKind::Layout);
        let len = |i: usize| u64_at(b, l.offset + 8 * i) as usize;
        let starts_of = run_starts(b);
        let hot_len = starts_of[HOT_RUNS - 1] + len(HOT_RUNS - 1);
        let word = |o: usize| u64_at(b, img.offset + o);
        let target = |w: u64| ((w & !TAG_MASK) - PREFERRED_BASE) as usize;
        let mut starts = Vec::new();
        let payload = |w: u64, k: u8, starts: &mut Vec<(usize, u8)>| {
            if w != 0 {
                starts.push((target(w), k));
            }
        };
        // Cell runs: conses, strings, vectors+bignums, tables, floats.
        for (run, size) in [(0usize, 16usize), (1, 32), (2, 32), (3, 128), (5, 8)] {
            for o in (starts_of[run]..starts_of[run] + len(run)).step_by(size) {
                let kind = match run {
                    0 => K_CONS,
                    1 => K_STRING,
                    2 if word(o) == 3 => K_BIGNUM,
                    2 => K_VECTOR,
                    3 => K_HASH,
                    _ => K_FLOAT,
                };
                starts.push((o, kind));
                match kind {
                    K_STRING => payload(word(o), K_BYTES, &mut starts),
                    K_VECTOR => payload(word(o + 16), K_VALUES, &mut starts),
                    K_BIGNUM => payload(word(o + 16), K_BYTES, &mut starts),
                    K_HASH => {
                        payload(word(o + 32), K_VALUES, &mut starts);
                        for f in [40, 48, 56] {
                            payload(word(o + f), K_BYTES, &mut starts);
                        }
                    }
                    _ => {}
                }
            }
        }
        starts.sort();
        Image { off: img.offset, len: img.len, hot_len, starts, relocs: sec(b, SectionKind::Relocations) }
    }

    /// File position of image offset `o`.
    fn at(&self, o: usize) -> usize {
        self.off + o
    }

    fn word(&self, b: &[u8], o: usize) -> u64 {
        u64_at(b, self.at(o))
    }

    /// Image offset an address word points at.
    fn target(&self, w: u64) -> usize {
        ((w & !TAG_MASK) - PREFERRED_BASE) as usize
    }

    fn of_kind(&self, k: u8) -> impl Iterator<Item = usize> + '_ {
        self.starts.iter().filter(move |s| s.1 == k).map(|s| s.0)
    }

    fn reloc_bit(&self, b: &[u8], o: usize) -> bool {
        let w = o / 8;
        b[self.relocs.offset + w / 8] & (1 << (w % 8)) != 0
    }

    fn toggle_reloc_bit(&self, b: &mut [u8], o: usize) {
        let w = o / 8;
        b[self.relocs.offset + w / 8] ^= 1 << (w % 8);
    }
}

// ---- the dump under test ----

/// The host functions of the dump under test (one of each arity shape):
/// its host-functions section is not empty, its image holds host-function
/// immediates, and every load must be given them.
fn host() -> &'static HostFunctions {
    static H: OnceLock<HostFunctions> = OnceLock::new();
    H.get_or_init(|| {
        let mut h = HostFunctions::new();
        h.register("pd-add", |_, (a, b): (i64, i64)| a + b);
        h.register("pd-opt", |_, (a, b): (i64, Option<i64>)| a * b.unwrap_or(10));
        h.register("pd-join", |_, Rest(parts): Rest<String>| parts.join("+"));
        h
    })
}

/// Varied data: every object kind, shared and circular structure,
/// multibyte text, bignums, hash tables of each test with free slots,
/// uninterned symbols, properties and functions, host functions held as
/// values (immediates in the image) and called from dumped code.
const SETUP: &str = r#"
(defvar pd-host (list (symbol-function 'pd-add) (symbol-function 'pd-opt) (symbol-function 'pd-join)))
(defun pd-host-fn (x) (pd-join (number-to-string (pd-add x (pd-opt x))) "end"))
(defvar pd-list (list 1 -7 most-positive-fixnum 2.5 "ascii text" "multibyte é€😀" 'sym :kw nil t))
(defvar pd-vec (vector 1 "two" '(3 . 4) [5 6] 7.25 (make-string 40 ?w)))
(defvar pd-big (list (expt 2 100) (- (expt 3 80)) (1+ most-positive-fixnum) (* 4611686018427387904 2)))
(defvar pd-shared (list 'x 'y))
(defvar pd-pair (cons pd-shared pd-shared))
(defvar pd-circ (let ((l (list 1 2 3))) (setcdr (cddr l) l) l))
(defvar pd-eq (let ((h (make-hash-table :test 'eq)))
                (puthash 'a 1 h) (puthash pd-shared 'shared h) (puthash "str" 2 h)
                (puthash 'gone 0 h) (remhash 'gone h) h))
(defvar pd-eql (let ((h (make-hash-table :test 'eql)))
                 (puthash 1.5 'float h) (puthash (expt 2 70) 'big h) (puthash 12 'twelve h) h))
(defvar pd-equal (let ((h (make-hash-table :test 'equal :size 3)))
                   (dotimes (i 6) (puthash (format "k%d" i) (list i (* i i)) h))
                   (puthash '(1 2) "list-key" h) (puthash [1 2] "vector-key" h)
                   (remhash "k2" h) h))
(defvar pd-unint (list (make-symbol "lonely") (make-symbol "other")))
(defun pd-fn (x) (list x (* x 2) (concat "n" (number-to-string x))))
(put 'pd-fn 'prop (list "plist" 3 [p]))
"#;

/// What the loaded interpreter runs: reads dumped values, calls prelude
/// code, mutates dumped structure (strings in place included) and collects.
const PROGRAM: &str = r#"
(list (pd-fn 21)
      (mapcar (lambda (x) (* x x)) '(1 2 3))
      (let (acc) (dolist (x '(a b c)) (push x acc)) acc)
      pd-list pd-vec pd-big pd-pair (safe-length pd-circ) (nth 4 pd-circ)
      (gethash 'a pd-eq) (gethash pd-shared pd-eq) (gethash "str" pd-eq)
      (gethash 1.5 pd-eql) (gethash (expt 2 70) pd-eql) (gethash 12 pd-eql)
      (gethash "k1" pd-equal) (gethash '(1 2) pd-equal) (gethash [1 2] pd-equal)
      (let (acc) (maphash (lambda (k v) (push (cons k v) acc)) pd-equal) acc)
      (mapcar #'symbol-name pd-unint) (get 'pd-fn 'prop)
      (apply #'+ pd-big)
      (progn (aset (nth 4 pd-list) 0 ?A) (aset (nth 5 pd-list) 0 ?é) (list (nth 4 pd-list) (nth 5 pd-list)))
      (progn (aset (aref pd-vec 5) 3 ?ü) (aref pd-vec 5))
      (progn (puthash 'new (make-string 3 ?x) pd-eq) (remhash 'a pd-eq) (hash-table-count pd-eq))
      (progn (setcar pd-shared (list 'fresh)) (aset pd-vec 0 (make-vector 2 'v))
             (garbage-collect) (list pd-shared (aref pd-vec 0) (gethash 'new pd-eq)))
      (format "%S" pd-equal)
      (sort (list 3 1 2) #'<)
      pd-host (pd-host-fn 2) (funcall (car pd-host) 20 22) (funcall (nth 1 pd-host) 3)
      (apply (nth 2 pd-host) '("a" "b" "c")) (pd-opt 4 5))
"#;

struct Fixture {
    bytes: Vec<u8>,
    dir: PathBuf,
    /// What `PROGRAM` prints on an intact dump.
    expected: String,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let mut boot = Lisp::new().unwrap();
        boot.install(host());
        boot.eval(SETUP).unwrap();
        let snap = Snapshot::take(&mut boot).unwrap();
        let bytes = snap.bytes().to_vec();
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("pdump-corrupt-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut fresh = snap.instantiate().unwrap();
        let expected = run_program(&mut fresh);
        assert!(!expected.starts_with("ERROR"), "{expected}");
        Fixture { bytes, dir, expected }
    })
}

fn run_program(lisp: &mut Lisp) -> String {
    match lisp.eval(PROGRAM) {
        Ok(v) => lisp.prin1(&v),
        Err(e) => format!("ERROR {}", e.object),
    }
}

/// Validates `bytes` in memory with default options (every checksum),
/// given the fixture's host functions.
fn check(bytes: Vec<u8>) -> Result<(), pdump::Error> {
    Snapshot::from_bytes(bytes, host()).map(drop)
}

/// Load options with the fixture's host functions.
fn options(verify: Verify) -> LoadOptions {
    LoadOptions { verify, ..LoadOptions::host(host()) }
}

/// A dump file, deleted when dropped.
struct TempFile(PathBuf);

impl std::ops::Deref for TempFile {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Writes `bytes` to a new file (a new inode each time, by rename, so
/// an interpreter still mapping an older file of that name is safe).
fn write_file(name: &str, bytes: &[u8]) -> TempFile {
    let path = fixture().dir.join(name);
    let tmp = fixture().dir.join(format!(".{name}.tmp"));
    std::fs::write(&tmp, bytes).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
    TempFile(path)
}

/// Loads `path` checking everything, whatever a verification record says.
fn load(path: &Path) -> Result<Lisp, pdump::Error> {
    pdump::load_file(path, options(Verify::Always))
}

/// Asserts `r` failed with `kind` and a single-line, non-empty message.
#[track_caller]
fn assert_refused<T>(r: Result<T, pdump::Error>, kind: ErrorKind, what: &str) -> pdump::Error {
    match r {
        Ok(_) => panic!("{what}: accepted, expected {kind:?}"),
        Err(e) => {
            assert_eq!(e.kind, kind, "{what}: wrong kind, message: {}", e.message);
            assert_one_line(&e, what);
            e
        }
    }
}

#[track_caller]
fn assert_one_line(e: &pdump::Error, what: &str) {
    assert!(!e.message.trim().is_empty(), "{what}: empty message");
    assert!(!e.message.contains('\n'), "{what}: multi-line message {:?}", e.message);
}

/// `n` positions spread evenly over `start..end` (all of them if fewer).
fn spread(start: usize, end: usize, n: usize) -> Vec<usize> {
    let len = end - start;
    if len <= n {
        return (start..end).collect();
    }
    let mut v: Vec<usize> = (0..n).map(|i| start + i * len / n + (i * 7919) % (len / n).max(1)).collect();
    v.push(end - 1);
    v.dedup();
    v
}

// ---- the intact dump ----

#[test]
fn intact_dump_loads_both_ways() {
    let f = fixture();
    check(f.bytes.clone()).unwrap();
    let path = write_file("intact.pdmp", &f.bytes);
    for verify in [Verify::Always, Verify::Once, Verify::Once] {
        let mut a = pdump::load_file(&path, options(verify)).unwrap();
        assert_eq!(run_program(&mut a), f.expected);
    }
}

// ---- header ----

#[test]
fn bad_magic_is_refused() {
    let f = fixture();
    for (at, byte) in [(0, b'X'), (1, b'l'), (6, b'M'), (7, 0)] {
        let mut b = f.bytes.clone();
        b[at] = byte;
        assert_refused(check(b.clone()), ErrorKind::BadMagic, "bad magic");
        let path = write_file("magic.pdmp", &b);
        assert_refused(load(&path), ErrorKind::BadMagic, "bad magic (file)");
    }
    // Not a dump at all, of a header's length and shorter than a header.
    let text = b"(defun not-a-dump () nil)\n".repeat(300);
    assert_refused(check(text.clone()), ErrorKind::BadMagic, "text file");
    let path = write_file("text.pdmp", &text[..1000]);
    assert_refused(load(&path), ErrorKind::BadMagic, "short text file");
}

#[test]
fn incomplete_marker_is_refused() {
    let mut b = fixture().bytes.clone();
    b[0] = b'!';
    let e = assert_refused(check(b.clone()), ErrorKind::Incomplete, "incomplete");
    assert!(e.message.contains("incomplete"), "{}", e.message);
    let path = write_file("incomplete.pdmp", &b);
    assert_refused(load(&path), ErrorKind::Incomplete, "incomplete (file)");
}

#[test]
fn other_version_is_refused() {
    for version in [0, pdump::FORMAT_VERSION + 1, u32::MAX] {
        let mut b = fixture().bytes.clone();
        put_u32(&mut b, 8, version);
        fix_header_checksum(&mut b);
        let e = assert_refused(check(b.clone()), ErrorKind::Version, "version");
        assert!(e.message.contains(&version.to_string()), "{}", e.message);
        let path = write_file("version.pdmp", &b);
        assert_refused(load(&path), ErrorKind::Version, "version (file)");
    }
}

#[test]
fn other_fingerprint_is_refused_naming_both() {
    let f = fixture();
    let ours = pdump::fingerprint::FINGERPRINT;
    for at in [16, 31, 47] {
        let mut b = f.bytes.clone();
        b[at] ^= 0x5a;
        fix_header_checksum(&mut b);
        let theirs: [u8; 32] = b[16..48].try_into().unwrap();
        let e = assert_refused(check(b.clone()), ErrorKind::Fingerprint, "fingerprint");
        assert!(e.message.contains(&pdump::fingerprint::hex(&theirs)), "{}", e.message);
        assert!(e.message.contains(&pdump::fingerprint::hex(&ours)), "{}", e.message);
        let path = write_file("fingerprint.pdmp", &b);
        assert_refused(load(&path), ErrorKind::Fingerprint, "fingerprint (file)");
    }
}

#[test]
fn header_checksum_and_fields_are_checked() {
    let f = fixture();
    // Every byte of the header checksum, and of every field it covers
    // (with the checksum left alone); the version and header size are
    // checked before the checksum.
    for at in 8..88 {
        for mask in [0x01, 0x80, 0xff] {
            let mut b = f.bytes.clone();
            b[at] ^= mask;
            let want = if at < 12 { ErrorKind::Version } else { ErrorKind::Header };
            assert_refused(check(b), want, &format!("header byte {at} ^ {mask:#x}"));
        }
    }
    // Fields patched consistently (checksum fixed) are still checked.
    let patched = |at: usize, v: u64| {
        let mut b = f.bytes.clone();
        put_u64(&mut b, at, v);
        fix_header_checksum(&mut b);
        b
    };
    let len = f.bytes.len() as u64;
    assert_refused(check(patched(48, len + 1)), ErrorKind::Truncated, "file length too long");
    assert_refused(check(patched(48, len - 8)), ErrorKind::Header, "file length too short");
    assert_refused(check(patched(56, PREFERRED_BASE + 8)), ErrorKind::Header, "unaligned base");
    let mut b = f.bytes.clone();
    put_u32(&mut b, 12, 8192);
    fix_header_checksum(&mut b);
    assert_refused(check(b), ErrorKind::Header, "header size");
    // A consistent header that claims a file shorter than a header.
    let mut b = f.bytes[..200].to_vec();
    put_u64(&mut b, 48, 200);
    fix_header_checksum(&mut b);
    assert_refused(check(b), ErrorKind::Truncated, "file shorter than its header");
    // A file with bytes appended.
    let mut b = f.bytes.clone();
    b.extend_from_slice(&[0; 16]);
    assert_refused(check(b), ErrorKind::Header, "trailing bytes");
}

#[test]
fn header_padding_is_checked() {
    let f = fixture();
    for at in spread(88, HEADER_SIZE, 100) {
        let mut b = f.bytes.clone();
        b[at] ^= 0x20;
        assert_refused(check(b), ErrorKind::Header, &format!("header padding byte {at}"));
    }
}

#[test]
fn empty_and_truncated_files_are_refused() {
    let f = fixture();
    let path = write_file("empty.pdmp", &[]);
    assert_refused(load(&path), ErrorKind::Truncated, "empty file");
    assert_refused(check(Vec::new()), ErrorKind::Truncated, "empty bytes");
    let n = f.bytes.len();
    let mut lengths: Vec<usize> = (1..=HEADER_SIZE + 64).collect();
    lengths.extend(spread(HEADER_SIZE + 64, n, 200));
    lengths.extend(n - 64..n);
    for &len in &lengths {
        let r = catch_unwind(|| check(f.bytes[..len].to_vec()));
        let r = r.unwrap_or_else(|_| panic!("truncation to {len} bytes panicked"));
        assert_refused(r, ErrorKind::Truncated, &format!("truncated to {len} bytes"));
    }
    // Through files too (short files take another path in `load_file`).
    for &len in lengths.iter().step_by(61).chain(&[1, 87, 88, 4095, 4096, n - 1]) {
        let path = write_file("truncated.pdmp", &f.bytes[..len]);
        assert_refused(load(&path), ErrorKind::Truncated, &format!("file truncated to {len} bytes"));
    }
}

// ---- sections under default verification ----

#[test]
fn a_flipped_byte_in_any_section_fails_its_checksum() {
    let f = fixture();
    let secs = sections(&f.bytes);
    assert_eq!(secs.len(), 8);
    for s in &secs {
        assert!(s.len > 0, "section {} is empty", s.kind);
        for (i, at) in spread(s.offset, s.offset + s.len, 20).into_iter().enumerate() {
            let mut b = f.bytes.clone();
            b[at] ^= [0x01, 0x80, 0xff, 0x10][i % 4];
            let e = assert_refused(check(b), ErrorKind::Checksum, &format!("section {} byte {at}", s.kind));
            assert!(e.message.contains("checksum"), "{}", e.message);
        }
    }
    // Through a file as well, for the image.
    let img = sec(&f.bytes, SectionKind::HeapImage);
    let mut b = f.bytes.clone();
    b[img.offset + img.len / 2] ^= 0x04;
    let path = write_file("flip.pdmp", &b);
    assert_refused(load(&path), ErrorKind::Checksum, "image flip (file)");
}

#[test]
fn bytes_between_sections_are_checked() {
    // Alignment padding between sections belongs to no section: it must
    // still be zero, so that no byte of a dump can change unnoticed.
    let f = fixture();
    let mut spans: Vec<(usize, usize)> = sections(&f.bytes).iter().map(|s| (s.offset, s.offset + s.len)).collect();
    spans.sort();
    let mut gaps = 0;
    for w in spans.windows(2) {
        for at in w[0].1..w[1].0 {
            let mut b = f.bytes.clone();
            b[at] = 1;
            assert_refused(check(b), ErrorKind::SectionTable, &format!("padding byte {at}"));
            gaps += 1;
        }
    }
    let last = spans.last().unwrap().1;
    for at in last..table_offset(&f.bytes) {
        let mut b = f.bytes.clone();
        b[at] = 1;
        assert_refused(check(b), ErrorKind::SectionTable, &format!("padding byte {at}"));
        gaps += 1;
    }
    eprintln!("{gaps} padding bytes between sections");
    // Make a gap: move the section table 16 bytes further (zero padding is
    // fine), then dirty the padding.
    let at = table_offset(&f.bytes);
    let mut b = f.bytes[..at].to_vec();
    b.extend_from_slice(&[0; 16]);
    b.extend_from_slice(&f.bytes[at..]);
    put_u64(&mut b, 64, at as u64 + 16);
    let len = b.len() as u64;
    put_u64(&mut b, 48, len);
    fix_header_checksum(&mut b);
    check(b.clone()).expect("zero padding before the table is accepted");
    for i in 0..16 {
        let mut b = b.clone();
        b[at + i] = 0x80;
        let e = assert_refused(check(b), ErrorKind::SectionTable, &format!("padding byte {i} before the table"));
        assert!(e.message.contains("padding"), "{}", e.message);
    }
}

#[test]
fn section_table_entries_are_checked() {
    let f = fixture();
    for s in sections(&f.bytes) {
        for field in 0..ENTRY {
            for mask in [0x01u8, 0x08, 0xff] {
                let mut b = f.bytes.clone();
                b[s.entry + field] ^= mask;
                let what = format!("section {} entry byte {field} ^ {mask:#x}", s.kind);
                let want = match field {
                    16..24 => {
                        // A longer section overlaps its neighbour or leaves
                        // the file; a shorter one leaves non-zero padding
                        // behind, or, if only zeros, fails its checksum;
                        // but the heap image's is checked last, so a
                        // shorter image is refused first because the
                        // layout's runs no longer fill it.
                        let len = u64_at(&b, s.entry + 16) as usize;
                        let zeros = len < s.len && b[s.offset + len..s.offset + s.len].iter().all(|&x| x == 0);
                        match (zeros, s.kind == SectionKind::HeapImage as u32) {
                            (false, _) => ErrorKind::SectionTable,
                            (true, false) => ErrorKind::Checksum,
                            (true, true) => ErrorKind::Layout,
                        }
                    }
                    24..32 => ErrorKind::Checksum,
                    _ => ErrorKind::SectionTable,
                };
                let r = catch_unwind(|| check(b.clone())).unwrap_or_else(|_| panic!("{what}: panicked"));
                assert_refused(r, want, &what);
            }
        }
    }
}

#[test]
fn crafted_section_tables_are_refused() {
    let f = fixture();
    let secs = sections(&f.bytes);
    let entry = |k: SectionKind| secs.iter().find(|s| s.kind == k as u32).unwrap().entry;
    let msg = |b: Vec<u8>, what: &str, needle: &str| {
        let e = assert_refused(check(b), ErrorKind::SectionTable, what);
        assert!(e.message.contains(needle), "{what}: {}", e.message);
    };
    // Overlapping: the obarray moved onto the symbol table.
    let mut b = f.bytes.clone();
    let symtab = sec(&b, SectionKind::SymbolTable);
    put_u64(&mut b, entry(SectionKind::Obarray) + 8, symtab.offset as u64);
    reseal(&mut b);
    msg(b, "overlap", "overlap");
    // Overlapping the section table itself.
    let mut b = f.bytes.clone();
    put_u64(&mut b, entry(SectionKind::Roots) + 16, 72);
    reseal(&mut b);
    msg(b, "overlap with the table", "overlap");
    // Duplicate kind.
    let mut b = f.bytes.clone();
    put_u32(&mut b, entry(SectionKind::Fixups), SectionKind::Roots as u32);
    reseal(&mut b);
    msg(b, "duplicate", "duplicate");
    // Unknown kinds.
    for k in [0, 9, 99, u32::MAX] {
        let mut b = f.bytes.clone();
        put_u32(&mut b, entry(SectionKind::Fixups), k);
        reseal(&mut b);
        msg(b, "unknown kind", "unknown section kind");
    }
    // Misaligned sections (the image must be page-aligned).
    let mut b = f.bytes.clone();
    put_u64(&mut b, entry(SectionKind::Roots) + 8, sec(&f.bytes, SectionKind::Roots).offset as u64 + 4);
    reseal(&mut b);
    msg(b, "misaligned", "aligned");
    let mut b = f.bytes.clone();
    put_u64(&mut b, entry(SectionKind::HeapImage) + 8, (HEADER_SIZE + 8) as u64);
    reseal(&mut b);
    msg(b, "misaligned image", "4096-aligned");
    // A section inside the header.
    let mut b = f.bytes.clone();
    put_u64(&mut b, entry(SectionKind::Fixups) + 8, 512);
    reseal(&mut b);
    msg(b, "inside the header", "outside the file");
    // Unknown flags.
    let mut b = f.bytes.clone();
    put_u32(&mut b, entry(SectionKind::Roots) + 4, 1);
    reseal(&mut b);
    msg(b, "flags", "flags");
    // A missing section (one entry fewer).
    let mut b = f.bytes.clone();
    let count = u32_at(&b, 72);
    put_u32(&mut b, 72, count - 1);
    fix_header_checksum(&mut b);
    let e = assert_refused(check(b), ErrorKind::SectionTable, "missing");
    assert!(e.message.contains("missing") || e.message.contains("table"), "{}", e.message);
    // The table itself out of bounds or misaligned.
    let n = secs.len() as u32;
    for (off, count) in [(table_offset(&f.bytes) as u64 + 4, n), (f.bytes.len() as u64, n), (u64::MAX - 8, n), (4096, u32::MAX)] {
        let mut b = f.bytes.clone();
        put_u64(&mut b, 64, off);
        put_u32(&mut b, 72, count);
        fix_header_checksum(&mut b);
        assert_refused(check(b), ErrorKind::SectionTable, &format!("table at {off} with {count} entries"));
    }
}

// ---- crafted corruptions with correct checksums ----

/// Applies `patch` to a copy of the dump, reseals it and validates it.
fn crafted(patch: impl FnOnce(&mut Vec<u8>, &Image)) -> Result<(), pdump::Error> {
    let mut b = fixture().bytes.clone();
    let im = Image::of(&b);
    patch(&mut b, &im);
    reseal(&mut b);
    check(b)
}

/// Loads a crafted dump (checksums recomputed) through a file.
fn crafted_file(name: &str, patch: impl FnOnce(&mut Vec<u8>, &Image)) -> Result<Lisp, pdump::Error> {
    let mut b = fixture().bytes.clone();
    let im = Image::of(&b);
    patch(&mut b, &im);
    reseal(&mut b);
    let path = write_file(name, &b);
    load(&path)
}

/// A cons whose car holds an address, and one whose car is a fixnum.
fn conses(b: &[u8], im: &Image) -> (usize, usize) {
    let with_addr = im.of_kind(K_CONS).find(|&o| im.reloc_bit(b, o)).unwrap();
    let with_fixnum = im.of_kind(K_CONS).find(|&o| im.word(b, o) & 3 == 0).unwrap();
    (with_addr, with_fixnum)
}

/// Strings with a payload: (cell offset, payload offset, byte length).
fn strings(b: &[u8], im: &Image) -> Vec<(usize, usize, usize)> {
    im.of_kind(K_STRING)
        .filter(|&o| im.word(b, o) != 0)
        .map(|o| (o, im.target(im.word(b, o)), im.word(b, o + 8) as usize))
        .collect()
}

/// The extent of the object starting at `o` (to the next start).
fn extent(im: &Image, o: usize) -> usize {
    let i = im.starts.iter().position(|s| s.0 == o).unwrap();
    let end = if o < im.hot_len { im.hot_len } else { im.len };
    im.starts.get(i + 1).map_or(end, |n| n.0.min(end)) - o
}

#[test]
fn crafted_relocation_bits_are_checked() {
    let r = crafted(|b, im| {
        let (o, _) = conses(b, im);
        im.toggle_reloc_bit(b, o);
    });
    assert_refused(r, ErrorKind::Relocation, "address word without its bit");
    let r = crafted(|b, im| {
        let (_, o) = conses(b, im);
        im.toggle_reloc_bit(b, o);
    });
    assert_refused(r, ErrorKind::Relocation, "fixnum word with a bit");
    // A bit on a word no object check visits (string bytes in the cold
    // image lie past the bitmap; a float cell in the hot image does not).
    let r = crafted(|b, im| {
        let o = im.of_kind(K_STRING).next().unwrap();
        im.toggle_reloc_bit(b, o + 8); // the length word
    });
    assert_refused(r, ErrorKind::Relocation, "length word with a bit");
    // A bit in the bitmap's tail, past the hot image.
    let r = crafted(|b, im| {
        let last = im.relocs.offset + im.relocs.len - 1;
        if (im.relocs.len * 8 * 8) > im.hot_len / 8 {
            b[last] |= 0x80;
        } else {
            b[last] ^= 0x80; // no tail: flip the last word's bit
        }
    });
    assert_refused(r, ErrorKind::Relocation, "bit past the hot image");
    // Addresses that do not name an object start of their tag's kind.
    let r = crafted(|b, im| {
        let (o, _) = conses(b, im);
        let w = im.word(b, o);
        put_u64(b, im.at(o), w + 8); // inside the target, or the next cell
    });
    let e = assert_refused(r, ErrorKind::Relocation, "address moved by 8");
    assert!(e.message.contains("does not point"), "{}", e.message);
    let r = crafted(|b, im| {
        let (o, _) = conses(b, im);
        let s = im.of_kind(K_STRING).next().unwrap();
        put_u64(b, im.at(o), (PREFERRED_BASE + s as u64) | 1); // cons tag on a string
    });
    assert_refused(r, ErrorKind::Relocation, "cons-tagged address of a string");
    let r = crafted(|b, im| {
        let (o, _) = conses(b, im);
        put_u64(b, im.at(o), (PREFERRED_BASE + im.len as u64 + 64) | 1); // past the image
    });
    assert_refused(r, ErrorKind::Relocation, "address past the image");
    let r = crafted(|b, im| {
        let (o, _) = conses(b, im);
        put_u64(b, im.at(o), 0x10 | 1); // below the preferred base
    });
    assert_refused(r, ErrorKind::Relocation, "address below the base");
    // Raw payload pointers carry no tag: low bits set would make a
    // misaligned pointer to the right object.
    for (kind, field) in [(K_STRING, 0), (K_VECTOR, 16), (K_BIGNUM, 16), (K_HASH, 32), (K_HASH, 40), (K_HASH, 48), (K_HASH, 56)] {
        for low in 1..8 {
            let r = crafted(|b, im| {
                let o = im.of_kind(kind).find(|&o| im.word(b, o + field) != 0).unwrap();
                let w = im.word(b, o + field);
                put_u64(b, im.at(o + field), w | low);
            });
            let what = format!("payload pointer of kind {kind} at +{field} with low bits {low}");
            let e = assert_refused(r, ErrorKind::Relocation, &what);
            assert!(e.message.contains("misaligned"), "{what}: {}", e.message);
        }
    }
}

#[test]
fn crafted_layouts_are_checked() {
    let layout = |b: &[u8]| sec(b, SectionKind::Layout).offset;
    // A run that is not a whole number of its cells, or of words.
    for (run, delta) in [(0usize, 8u64), (1, 8), (2, 16), (3, 64), (4, 4), (5, 4), (6, 4)] {
        let r = crafted(|b, _| {
            let at = layout(b) + 8 * run;
            let n = u64_at(b, at);
            put_u64(b, at, n + delta);
        });
        assert_refused(r, ErrorKind::Layout, &format!("run {run} grown by {delta}"));
    }
    // Runs that no longer fill the image, and lengths near the limit (a
    // length near u64::MAX once overflowed rounding up to a page).
    for (run, v) in [(0usize, 0u64), (8, 1 << 50), (0, u64::MAX - 15), (4, u64::MAX - 4095), (7, u64::MAX - 7)] {
        let r = crafted(|b, _| {
            let at = layout(b) + 8 * run;
            put_u64(b, at, v);
        });
        assert_refused(r, ErrorKind::Layout, &format!("run {run} of {v:#x} bytes"));
    }
    // Runs moved against each other (the total kept): the cells are then
    // read as the wrong kind, and their words refused.
    for (from, to, bytes) in [(0usize, 1usize, 32u64), (1, 0, 32), (2, 3, 128), (0, 2, 32)] {
        let r = crafted(|b, _| {
            let (f, t) = (layout(b) + 8 * from, layout(b) + 8 * to);
            let (nf, nt) = (u64_at(b, f), u64_at(b, t));
            put_u64(b, f, nf - bytes);
            put_u64(b, t, nt + bytes);
        });
        let e = r.err().unwrap_or_else(|| panic!("{bytes} bytes moved from run {from} to {to}: accepted"));
        assert_one_line(&e, "moved runs");
        assert!(
            [ErrorKind::Object, ErrorKind::Relocation, ErrorKind::Layout].contains(&e.kind),
            "{bytes} bytes moved from run {from} to {to}: {:?} {}",
            e.kind,
            e.message
        );
    }
    // The section itself cut short (its tail then reads as padding).
    for cut in [8usize, 72] {
        let mut b = fixture().bytes.clone();
        let s = sec(&b, SectionKind::Layout);
        put_u64(&mut b, s.entry + 16, (s.len - cut.min(s.len)) as u64);
        reseal(&mut b);
        let e = check(b).err().unwrap_or_else(|| panic!("layout section {cut} bytes short: accepted"));
        assert!([ErrorKind::Layout, ErrorKind::SectionTable].contains(&e.kind), "{cut}: {:?} {}", e.kind, e.message);
    }
}

#[test]
fn crafted_strings_are_checked() {
    // A length beyond the payload, just beyond and far beyond.
    for far in [false, true] {
        let r = crafted(|b, im| {
            let (o, p, _) = strings(b, im)[0];
            let len = if far { u64::MAX / 2 } else { extent(im, p) as u64 + 1 };
            put_u64(b, im.at(o + 8), len);
            put_u64(b, im.at(o + 16), len);
        });
        assert_refused(r, ErrorKind::Object, "string length past its payload");
    }
    // Invalid UTF-8: a 0xff byte, a lone continuation byte, a truncated
    // multibyte sequence, a surrogate, an overlong encoding.
    for bad in [&[0xff][..], &[0x80], &[0xe2, 0x82], &[0xed, 0xa0, 0x80], &[0xc0, 0xaf]] {
        let r = crafted(|b, im| {
            let (_, p, len) = *strings(b, im).iter().find(|s| s.2 >= 8).unwrap();
            let at = im.at(p) + len - bad.len();
            b[at..at + bad.len()].copy_from_slice(bad);
        });
        let e = assert_refused(r, ErrorKind::Object, &format!("invalid UTF-8 {bad:x?}"));
        assert!(e.message.contains("UTF-8"), "{}", e.message);
    }
    // A character count that does not match the bytes; cap != len.
    let r = crafted(|b, im| {
        let (o, _, _) = strings(b, im)[0];
        let n = im.word(b, o + 24);
        put_u64(b, im.at(o + 24), n + 1);
    });
    assert_refused(r, ErrorKind::Object, "wrong character count");
    let r = crafted(|b, im| {
        let (o, _, _) = strings(b, im)[0];
        let n = im.word(b, o + 16);
        put_u64(b, im.at(o + 16), n + 8);
    });
    assert_refused(r, ErrorKind::Object, "capacity != length");
    // A non-empty string without a payload.
    let r = crafted(|b, im| {
        let (o, _, _) = strings(b, im)[0];
        put_u64(b, im.at(o), 0);
        im.toggle_reloc_bit(b, o);
    });
    assert_refused(r, ErrorKind::Object, "string without payload");
    // A payload pointer to a value payload (the right bit, the wrong kind).
    let r = crafted(|b, im| {
        let (o, _, _) = strings(b, im)[0];
        let v = im.of_kind(K_VALUES).next().unwrap();
        put_u64(b, im.at(o), PREFERRED_BASE + v as u64);
    });
    assert_refused(r, ErrorKind::Object, "string payload of the wrong kind");
}

#[test]
fn crafted_payload_sharing_is_refused() {
    // Two strings sharing one byte payload: an in-place `aset` on one
    // would change the other's bytes behind its length and character
    // count (and could leave it invalid UTF-8).
    let r = crafted(|b, im| {
        let all = strings(b, im);
        let (a, pa, _) = all[0];
        let (o, _, _) = *all.iter().find(|s| s.0 != a).unwrap();
        let (len, nchars) = (im.word(b, a + 8), im.word(b, a + 24));
        put_u64(b, im.at(o), PREFERRED_BASE + pa as u64);
        put_u64(b, im.at(o + 8), len);
        put_u64(b, im.at(o + 16), len);
        put_u64(b, im.at(o + 24), nchars);
    });
    let e = assert_refused(r, ErrorKind::Object, "two strings sharing a payload");
    assert!(e.message.contains("shared"), "{}", e.message);
    // Two vectors sharing their slots.
    let r = crafted(|b, im| {
        let vs: Vec<usize> = im.of_kind(K_VECTOR).filter(|&o| im.word(b, o + 8) > 0).collect();
        let (a, o) = (vs[0], vs[1]);
        let (len, data) = (im.word(b, a + 8), im.word(b, a + 16));
        put_u64(b, im.at(o + 8), len);
        put_u64(b, im.at(o + 16), data);
    });
    assert_refused(r, ErrorKind::Object, "two vectors sharing a payload");
    // A vector whose slots are a hash table's key/value array.
    let r = crafted(|b, im| {
        let v = im.of_kind(K_VECTOR).find(|&o| im.word(b, o + 8) > 0).unwrap();
        let h = im.of_kind(K_HASH).next().unwrap();
        put_u64(b, im.at(v + 8), 2);
        let kv = im.word(b, h + 32);
        put_u64(b, im.at(v + 16), kv);
    });
    assert_refused(r, ErrorKind::Object, "a vector sharing a table's slots");
}

#[test]
fn crafted_symbol_references_are_checked() {
    let nsyms = {
        let b = &fixture().bytes;
        u64_at(b, sec(b, SectionKind::Roots).offset + 16) as u32
    };
    for index in [nsyms, nsyms + 100, u32::MAX >> 4] {
        let r = crafted(|b, im| {
            let (_, o) = conses(b, im);
            put_u64(b, im.at(o), encoding::symbol_bits(index));
        });
        let e = assert_refused(r, ErrorKind::Symbols, &format!("symbol {index} in a cons"));
        assert!(e.message.contains("symbol"), "{}", e.message);
    }
    // In the obarray too (a function cell naming a missing symbol).
    let r = crafted(|b, _| {
        let ob = sec(b, SectionKind::Obarray);
        put_u64(b, ob.offset + 8, encoding::symbol_bits(nsyms + 1));
    });
    assert_refused(r, ErrorKind::Symbols, "missing symbol in the obarray");
    // Symbol table: bad flags, a name running past the table, bad UTF-8,
    // a wrong symbol count, nil and t not first.
    let symtab = |b: &[u8]| sec(b, SectionKind::SymbolTable);
    let r = crafted(|b, _| {
        let s = symtab(b);
        put_u32(b, s.offset, 0x4000);
    });
    assert_refused(r, ErrorKind::Symbols, "unknown symbol flags");
    let r = crafted(|b, _| {
        let s = symtab(b);
        put_u32(b, s.offset + 4, u32::MAX);
    });
    assert_refused(r, ErrorKind::Symbols, "symbol name past the table");
    let r = crafted(|b, _| {
        let s = symtab(b);
        b[s.offset + 8] = 0xff;
    });
    assert_refused(r, ErrorKind::Symbols, "symbol name not UTF-8");
    let r = crafted(|b, _| {
        let s = symtab(b);
        b[s.offset + 8] = b'm'; // "mil"
    });
    assert_refused(r, ErrorKind::Symbols, "nil renamed");
    for n in [0u64, 1, nsyms as u64 - 1, nsyms as u64 + 1, 1 << 40, u64::MAX] {
        let r = crafted(|b, _| {
            let roots = sec(b, SectionKind::Roots);
            put_u64(b, roots.offset + 16, n);
        });
        let e = r.err().unwrap_or_else(|| panic!("symbol count {n}: accepted"));
        assert_one_line(&e, "symbol count");
        assert_eq!(e.kind, ErrorKind::Symbols, "symbol count {n}: {}", e.message);
    }
}

#[test]
fn crafted_hash_tables_are_checked() {
    /// A table with a free slot: (cell, next array, first free slot).
    fn table_with_free_slot(b: &[u8], im: &Image) -> (usize, usize, i64) {
        im.of_kind(K_HASH)
            .map(|o| (o, im.target(im.word(b, o + 48)), im.word(b, o + 72) as i64))
            .find(|t| t.2 >= 0)
            .unwrap()
    }
    // A cyclic free list (a slot linking to itself, then a longer cycle).
    let r = crafted(|b, im| {
        let (_, next, free) = table_with_free_slot(b, im);
        put_u64(b, im.at(next + 8 * free as usize), free as u64);
    });
    let e = assert_refused(r, ErrorKind::Object, "free list cycle");
    assert!(e.message.contains("hash table"), "{}", e.message);
    let r = crafted(|b, im| {
        let (_, next, free) = table_with_free_slot(b, im);
        let second = im.word(b, next + 8 * free as usize);
        assert!(second as i64 >= 0, "the table has two free slots");
        put_u64(b, im.at(next + 8 * second as usize), free as u64);
    });
    assert_refused(r, ErrorKind::Object, "longer free list cycle");
    // A free list running out of range, into an occupied slot, or ending
    // in something other than -1.
    for bad in [1 << 20, -2i64 as u64] {
        let r = crafted(|b, im| {
            let (_, next, free) = table_with_free_slot(b, im);
            put_u64(b, im.at(next + 8 * free as usize), bad);
        });
        assert_refused(r, ErrorKind::Object, &format!("free link {bad:#x}"));
    }
    let r = crafted(|b, im| {
        let (o, _, _) = table_with_free_slot(b, im);
        put_u64(b, im.at(o + 72), 0); // slot 0 is occupied in every dumped table
    });
    assert_refused(r, ErrorKind::Object, "free list through an occupied slot");
    // Bucket chains: a link that goes up (chains link each slot to a lower
    // one, so none can loop), two heads naming one slot (merged chains),
    // a head naming an empty slot.
    fn table_with_chain(b: &[u8], im: &Image) -> Option<(usize, usize, usize, usize)> {
        im.of_kind(K_HASH).find_map(|o| {
            let (size, kv) = (im.word(b, o + 24) as usize, im.target(im.word(b, o + 32)));
            let (next, index) = (im.target(im.word(b, o + 48)), im.target(im.word(b, o + 56)));
            let occupied = |i: usize| im.word(b, kv + 16 * i) != encoding::UNBOUND_BITS;
            let linked = (0..size).find(|&i| occupied(i) && im.word(b, next + 8 * i) as i64 >= 0);
            linked.map(|i| (o, next, index, i))
        })
    }
    let r = crafted(|b, im| {
        let (_, next, _, i) = table_with_chain(b, im).expect("a table with a chain of two");
        put_u64(b, im.at(next + 8 * i), i as u64 + 1);
    });
    assert_refused(r, ErrorKind::Object, "chain link going up");
    let r = crafted(|b, im| {
        let (o, _, index, _) = table_with_chain(b, im).unwrap();
        let n = im.word(b, o + 64) as usize;
        let heads: Vec<usize> = (0..n).filter(|&k| im.word(b, index + 8 * k) as i64 >= 0).collect();
        let first = im.word(b, index + 8 * heads[0]);
        put_u64(b, im.at(index + 8 * heads[1]), first);
    });
    assert_refused(r, ErrorKind::Object, "two heads naming one slot");
    // Count, sizes, test, header and reserved words.
    let field = |at: usize, v: u64, what: &str| {
        let r = crafted(|b, im| {
            let (o, _, _) = table_with_free_slot(b, im);
            put_u64(b, im.at(o + at), v);
        });
        assert_refused(r, ErrorKind::Object, what);
    };
    field(16, 1000, "count above size");
    field(16, 0, "count below the entries");
    field(24, 1 << 41, "huge size");
    field(24, 0, "zero size");
    field(24, 10_000, "size past the payloads");
    field(64, 3, "index size not a power of two");
    field(64, 1 << 40, "index size past its payload");
    field(8, 3, "unknown test");
    field(0, 1, "vector header on a table");
    field(80, 2, "stale flag not 0 or 1");
    field(96, 1, "reserved word");
}

#[test]
fn crafted_vectors_and_bignums_are_checked() {
    let vector = |b: &[u8], im: &Image| im.of_kind(K_VECTOR).find(|&o| im.word(b, o + 8) > 1).unwrap();
    for (at, v, what) in [
        (8, 1 << 20, "vector longer than its payload"),
        (8, u64::MAX / 4, "vector length overflowing"),
        (0, 2, "vector with a table header"),
        (24, 1, "vector reserved word"),
    ] {
        let r = crafted(|b, im| {
            let o = vector(b, im);
            put_u64(b, im.at(o + at), v);
        });
        assert_refused(r, ErrorKind::Object, what);
    }
    let r = crafted(|b, im| {
        let o = vector(b, im);
        put_u64(b, im.at(o + 8), 0);
        put_u64(b, im.at(o + 16), 0);
        im.toggle_reloc_bit(b, o + 16);
    });
    check_loads_or(r, "empty vector without payload");
    let bignum = |_: &[u8], im: &Image| im.of_kind(K_BIGNUM).next().unwrap();
    for (at, v, what) in [(8, 0, "bignum without limbs"), (8, 1 << 30, "bignum longer than its limbs"), (24, 2, "bignum sign")] {
        let r = crafted(|b, im| {
            let o = bignum(b, im);
            put_u64(b, im.at(o + at), v);
        });
        assert_refused(r, ErrorKind::Object, what);
    }
    // Bignum limbs are plain data: a zero top limb (which the runtime
    // itself makes, e.g. `(* 2^62 2)`) or a magnitude in the fixnum range
    // is accepted, and the program must still run without a panic.
    for fixnum_range in [false, true] {
        let r = crafted_file("bignum.pdmp", |b, im| {
            let o = im.of_kind(K_BIGNUM).find(|&o| !fixnum_range || im.word(b, o + 8) == 1).unwrap();
            let (len, limbs) = (im.word(b, o + 8) as usize, im.target(im.word(b, o + 16)));
            let top = im.at(limbs + 8 * (len - 1));
            put_u64(b, top, if fixnum_range { 5 } else { 0 });
        });
        match r {
            Ok(lisp) => {
                let out = run_guarded(lisp, PROGRAM);
                assert!(!matches!(out, Outcome::Panicked(_) | Outcome::Hung), "bignum limbs: {out:?}");
            }
            Err(e) => assert_one_line(&e, "bignum limbs"),
        }
    }
}

/// The obarray word (0 value, 1 function, 2 plist) of the symbol `name`.
fn symbol_cell(b: &[u8], name: &str, cell: usize) -> usize {
    let st = sec(b, SectionKind::SymbolTable);
    let (mut at, mut i) = (st.offset, 0);
    while at < st.offset + st.len {
        let len = u32_at(b, at + 4) as usize;
        if &b[at + 8..at + 8 + len] == name.as_bytes() {
            return sec(b, SectionKind::Obarray).offset + 24 * i + 8 * cell;
        }
        at += (8 + len).div_ceil(8) * 8;
        i += 1;
    }
    panic!("no symbol {name}")
}

#[test]
fn crafted_unbound_markers_are_refused() {
    // The unbound marker may only be a void value cell or an empty table
    // slot's key (or value); anywhere else it would reach Lisp.
    let unbound = encoding::UNBOUND_BITS;
    let r = crafted(|b, im| {
        let cons = im.target(u64_at(b, symbol_cell(b, "pd-shared", 0)));
        put_u64(b, im.at(cons), unbound);
    });
    assert_refused(r, ErrorKind::Object, "unbound in a car");
    let r = crafted(|b, im| {
        let cons = im.target(u64_at(b, symbol_cell(b, "pd-shared", 0)));
        put_u64(b, im.at(cons + 8), unbound);
        im.toggle_reloc_bit(b, cons + 8);
    });
    assert_refused(r, ErrorKind::Object, "unbound in a cdr");
    let r = crafted(|b, im| {
        let v = im.target(u64_at(b, symbol_cell(b, "pd-vec", 0)));
        let data = im.target(im.word(b, v + 16));
        put_u64(b, im.at(data), unbound); // slot 0 holds a fixnum
    });
    assert_refused(r, ErrorKind::Object, "unbound in a vector slot");
    let r = crafted(|b, im| {
        let h = im.target(u64_at(b, symbol_cell(b, "pd-eq", 0)));
        let kv = im.target(im.word(b, h + 32));
        put_u64(b, im.at(kv + 8), unbound); // the value of 'a (a fixnum)
    });
    assert_refused(r, ErrorKind::Object, "unbound as a table value");
    for cell in [1, 2] {
        let r = crafted(|b, _| {
            let at = symbol_cell(b, "pd-fn", cell);
            put_u64(b, at, unbound);
        });
        assert_refused(r, ErrorKind::Symbols, "unbound function or plist");
    }
    // A void variable is fine.
    let r = crafted(|b, _| {
        let at = symbol_cell(b, "pd-circ", 0);
        put_u64(b, at, unbound);
    });
    r.expect("a void value cell is accepted");
}

#[test]
fn crafted_subr_immediates_are_harmless() {
    // Another valid built-in in place of a symbol: just another value.
    let r = crafted_file("subr.pdmp", |b, im| {
        let cons = im.target(u64_at(b, symbol_cell(b, "pd-shared", 0)));
        put_u64(b, im.at(cons), encoding::subr_bits(0)); // 7: subr number 0
    });
    let lisp = r.expect("a subr immediate is a valid word");
    let program = "(list (car pd-shared) pd-shared (funcall (car pd-shared) 1) (format \"%S\" pd-pair))";
    match run_guarded(lisp, program) {
        Outcome::Ran(out) => assert!(out.contains("#<subr "), "{out}"),
        other => panic!("subr in a cons: {other:?}"),
    }
    // Past the end of the built-in table: refused.
    let r = crafted(|b, im| {
        let cons = im.target(u64_at(b, symbol_cell(b, "pd-shared", 0)));
        put_u64(b, im.at(cons), (1 << 40) << 8 | 7);
    });
    assert_refused(r, ErrorKind::Object, "non-canonical subr id");
    let n = encoding::subr_count() as u32;
    // Subtags 0, 1 and 2 are built-ins, the unbound marker and host
    // functions: 3 is unknown.
    for (w, what) in [(encoding::subr_bits(n), "subr id past the table"), ((3 << 3) | 7, "unknown immediate subtag")] {
        let r = crafted(|b, im| {
            let cons = im.target(u64_at(b, symbol_cell(b, "pd-shared", 0)));
            put_u64(b, im.at(cons), w);
        });
        assert_refused(r, ErrorKind::Object, what);
    }
    let r = crafted(|b, im| {
        let cons = im.target(u64_at(b, symbol_cell(b, "pd-shared", 0)));
        put_u64(b, im.at(cons), encoding::subr_bits(n - 1));
    });
    r.expect("the last subr id is valid");
}

/// Where entry `i` of the host-functions section starts (entries are
/// `min u16, max u16, name length u32, name`, padded to 8).
fn host_entry(b: &[u8], i: usize) -> usize {
    let s = sec(b, SectionKind::HostFunctions);
    let mut at = s.offset;
    for _ in 0..i {
        at += (8 + u32_at(b, at + 4) as usize).div_ceil(8) * 8;
    }
    assert!(at < s.offset + s.len, "no host function entry {i}");
    at
}

fn put_u16(b: &mut [u8], at: usize, v: u16) {
    b[at..at + 2].copy_from_slice(&v.to_le_bytes());
}

#[test]
fn crafted_host_function_sections_are_checked() {
    let f = fixture();
    // The fixture records its three host functions, in registration order.
    let s = sec(&f.bytes, SectionKind::HostFunctions);
    assert_eq!(s.len, 48, "pd-add, pd-opt, pd-join: 16 bytes each");
    let name = |b: &[u8], i: usize| {
        let at = host_entry(b, i);
        String::from_utf8(b[at + 8..at + 8 + u32_at(b, at + 4) as usize].to_vec()).unwrap()
    };
    assert_eq!([name(&f.bytes, 0), name(&f.bytes, 1), name(&f.bytes, 2)], ["pd-add", "pd-opt", "pd-join"]);
    // Malformed entries (checksums resealed): the section's own check.
    type Damage<'a> = (&'a str, &'a dyn Fn(&mut Vec<u8>));
    let malformed: [Damage; 7] = [
        ("name running past the section", &|b| {
            let at = host_entry(b, 2);
            put_u32(b, at + 4, 1000);
        }),
        ("name length near u32::MAX", &|b| {
            let at = host_entry(b, 0);
            put_u32(b, at + 4, u32::MAX);
        }),
        ("name not UTF-8", &|b| {
            let at = host_entry(b, 1);
            b[at + 8] = 0xff;
        }),
        ("empty name", &|b| {
            let at = host_entry(b, 0);
            put_u32(b, at + 4, 0);
        }),
        ("duplicate name", &|b| {
            let at = host_entry(b, 1);
            b[at + 8..at + 14].copy_from_slice(b"pd-add");
        }),
        ("max below min", &|b| {
            let at = host_entry(b, 0);
            put_u16(b, at, 3);
        }),
        ("non-zero padding after a name", &|b| {
            let at = host_entry(b, 0);
            b[at + 14] = 1;
        }),
    ];
    for (what, patch) in malformed {
        let r = crafted(|b, _| patch(b));
        let e = assert_refused(r, ErrorKind::HostFunctions, what);
        assert!(e.message.contains("host-functions"), "{what}: {}", e.message);
        let r = crafted_file("host-section.pdmp", |b, _| patch(b));
        assert_refused(r, ErrorKind::HostFunctions, &format!("{what} (file)"));
    }
    // Well-formed, but not what the embedder registered: an arity changed
    // and a name changed. The load names each function it cannot resolve.
    let r = crafted(|b, _| {
        let at = host_entry(b, 0);
        put_u16(b, at + 2, 3); // pd-add: 2 to 3 arguments
        let at = host_entry(b, 2);
        b[at + 8..at + 15].copy_from_slice(b"pd-jOIN");
    });
    let e = assert_refused(r, ErrorKind::MissingHostFunctions, "changed host functions");
    assert_eq!(e.missing.len(), 2, "{:?}", e.missing);
    assert!(e.missing[0].starts_with("pd-add (2 to 3 arguments)") && e.missing[0].contains("registered"), "{:?}", e.missing);
    assert!(e.missing[1].starts_with("pd-jOIN (0 or more arguments)"), "{:?}", e.missing);
    // The intact dump without the host functions registered.
    let e = assert_refused(Snapshot::from_bytes(f.bytes.clone(), &HostFunctions::new()), ErrorKind::MissingHostFunctions, "no host");
    assert_eq!(e.missing, ["pd-add (2 arguments)", "pd-opt (1 to 2 arguments)", "pd-join (0 or more arguments)"]);
    let path = write_file("no-host.pdmp", &f.bytes);
    let r = pdump::load_file(&path, LoadOptions { verify: Verify::Always, ..Default::default() });
    assert_refused(r, ErrorKind::MissingHostFunctions, "no host (file)");
}

#[test]
fn crafted_host_function_immediates_are_checked() {
    let pd_join = encoding::host_fn_bits(2);
    // Another recorded host function in place of a symbol: just another
    // value, which Lisp can call.
    let r = crafted_file("host-fn.pdmp", |b, im| {
        let cons = im.target(u64_at(b, symbol_cell(b, "pd-shared", 0)));
        put_u64(b, im.at(cons), pd_join);
    });
    let lisp = r.expect("a recorded host function id is a valid word");
    let program = r#"(list (car pd-shared) (funcall (car pd-shared) "x" "y") (eq (car pd-shared) (nth 2 pd-host)))"#;
    match run_guarded(lisp, program) {
        Outcome::Ran(out) => assert!(out.starts_with("(#<") && out.ends_with(r#" pd-join> "x+y" t)"#), "{out}"),
        other => panic!("host function in a cons: {other:?}"),
    }
    // Past the recorded table (three functions), far past it, or with
    // bits above the id's 32 (non-canonical): refused.
    let far = (1u64 << 40) << 8 | encoding::host_fn_bits(0);
    for (w, what) in [(encoding::host_fn_bits(3), "host function id past the table"), (encoding::host_fn_bits(u32::MAX), "host function id u32::MAX"), (far, "non-canonical host function id")] {
        let r = crafted(|b, im| {
            let cons = im.target(u64_at(b, symbol_cell(b, "pd-shared", 0)));
            put_u64(b, im.at(cons), w);
        });
        assert_refused(r, ErrorKind::Object, what);
        // In the obarray too (a function cell).
        let r = crafted(|b, _| {
            let at = symbol_cell(b, "pd-fn", 1);
            put_u64(b, at, w);
        });
        assert_refused(r, ErrorKind::Object, &format!("{what} (obarray)"));
    }
}

#[track_caller]
fn check_loads_or(r: Result<(), pdump::Error>, what: &str) {
    if let Err(e) = r {
        assert_one_line(&e, what);
    }
}

#[test]
fn crafted_fixups_and_roots_are_checked() {
    let r = crafted(|b, im| {
        let f = sec(b, SectionKind::Fixups);
        let cons = im.of_kind(K_CONS).next().unwrap();
        put_u64(b, f.offset, cons as u64);
    });
    let e = assert_refused(r, ErrorKind::Fixup, "fixup naming a cons");
    assert!(e.message.contains("hash table"), "{}", e.message);
    for bad in [u64::MAX, 4, 1 << 40] {
        let r = crafted(|b, _| {
            let f = sec(b, SectionKind::Fixups);
            put_u64(b, f.offset, bad);
        });
        assert_refused(r, ErrorKind::Fixup, &format!("fixup at {bad:#x}"));
    }
    let r = crafted(|b, _| {
        let f = sec(b, SectionKind::Fixups);
        if f.len >= 16 {
            let (x, y) = (u64_at(b, f.offset), u64_at(b, f.offset + 8));
            put_u64(b, f.offset, y);
            put_u64(b, f.offset + 8, x);
        }
    });
    if sec(&fixture().bytes, SectionKind::Fixups).len >= 16 {
        assert_refused(r, ErrorKind::Fixup, "fixups out of order");
    }
    // Roots: the empty string and vector.
    let roots = |b: &[u8]| sec(b, SectionKind::Roots).offset;
    for (i, v) in [(0usize, 0u64), (0, u64::MAX), (1, 0), (1, PREFERRED_BASE + 1), (0, PREFERRED_BASE + 2)] {
        let r = crafted(|b, _| {
            let at = roots(b) + 8 * i;
            put_u64(b, at, v);
        });
        let e = r.err().unwrap_or_else(|| panic!("root word {i} = {v:#x}: accepted"));
        assert_one_line(&e, "roots");
        assert_eq!(e.kind, ErrorKind::Roots, "root word {i} = {v:#x}: {}", e.message);
    }
    // The empty "string" naming a cons; the empty "vector" naming a bignum.
    let r = crafted(|b, im| {
        let at = roots(b);
        let cons = im.of_kind(K_CONS).next().unwrap();
        put_u64(b, at, (PREFERRED_BASE + cons as u64) | 2);
    });
    assert_refused(r, ErrorKind::Roots, "empty string naming a cons");
    let r = crafted(|b, im| {
        let at = roots(b) + 8;
        let big = im.of_kind(K_BIGNUM).next().unwrap();
        put_u64(b, at, (PREFERRED_BASE + big as u64) | 3);
    });
    assert_refused(r, ErrorKind::Roots, "empty vector naming a bignum");
    // The right objects under the wrong tags.
    for (i, tag) in [(0usize, 1u64), (0, 3), (1, 1), (1, 2)] {
        let r = crafted(|b, _| {
            let at = roots(b) + 8 * i;
            let w = u64_at(b, at);
            put_u64(b, at, (w & !TAG_MASK) | tag);
        });
        assert_refused(r, ErrorKind::Roots, &format!("root {i} with tag {tag}"));
    }
}

#[test]
fn declared_sizes_are_bounded_by_the_file() {
    // Every size a dump declares is checked against the bytes actually
    // present before anything is allocated for it: the loader would abort
    // the test process trying to allocate these.
    let f = fixture();
    let entry = |k: SectionKind| sec(&f.bytes, k).entry;
    for (k, len) in [
        (SectionKind::HeapImage, 1u64 << 50),
        (SectionKind::HeapImage, u64::MAX - 4095),
        (SectionKind::Roots, 1 << 62),
        (SectionKind::Layout, f.bytes.len() as u64),
        (SectionKind::SymbolTable, u64::MAX),
    ] {
        let mut b = f.bytes.clone();
        put_u64(&mut b, entry(k) + 16, len);
        reseal_header_only(&mut b);
        let e = assert_refused(check(b.clone()), ErrorKind::SectionTable, &format!("{k:?} of {len} bytes"));
        assert!(e.message.contains("outside the file") || e.message.contains("overlap"), "{}", e.message);
        let path = write_file("huge.pdmp", &b);
        assert_refused(load(&path), ErrorKind::SectionTable, "huge section (file)");
    }
    // Counts inside sections: symbols, vector, string, bignum, table sizes.
    let r = crafted(|b, _| {
        let roots = sec(b, SectionKind::Roots).offset;
        put_u64(b, roots + 16, 1 << 50);
    });
    assert_refused(r, ErrorKind::Symbols, "2^50 symbols");
    let r = crafted(|b, im| {
        let o = im.of_kind(K_HASH).next().unwrap();
        put_u64(b, im.at(o + 24), 1 << 40);
        put_u64(b, im.at(o + 64), 1 << 41);
    });
    assert_refused(r, ErrorKind::Object, "table of 2^40 slots");
    let r = crafted(|b, im| {
        let o = im.of_kind(K_VECTOR).next().unwrap();
        put_u64(b, im.at(o + 8), 1 << 58);
    });
    assert_refused(r, ErrorKind::Object, "vector of 2^58 slots");
    let r = crafted(|b, im| {
        let o = im.of_kind(K_BIGNUM).next().unwrap();
        put_u64(b, im.at(o + 8), 1 << 58);
    });
    assert_refused(r, ErrorKind::Object, "bignum of 2^58 limbs");
}

/// The section table lies outside every checksum; only the header's own.
fn reseal_header_only(b: &mut [u8]) {
    fix_header_checksum(b);
}

// ---- running programs on loaded dumps ----

#[derive(Debug)]
enum Outcome {
    /// Printed result (or `ERROR obj` for a Lisp error).
    Ran(String),
    Panicked(String),
    Hung,
}

/// Runs `src` on `lisp` in its own thread: a panic is caught and
/// reported, a program looping forever (a corrupted but well-formed list
/// can become circular) is abandoned after a deadline. A memory-unsafe
/// outcome takes the whole test process down, which is the point.
fn run_guarded(lisp: Lisp, src: &'static str) -> Outcome {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut lisp = lisp;
        let r = catch_unwind(AssertUnwindSafe(|| match lisp.eval(src) {
            Ok(v) => lisp.prin1(&v),
            Err(e) => format!("ERROR {}", e.object),
        }));
        let out = match r {
            Ok(s) => Outcome::Ran(s),
            Err(p) => Outcome::Panicked(
                p.downcast_ref::<String>().cloned().or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default(),
            ),
        };
        let _ = tx.send(out);
    });
    rx.recv_timeout(std::time::Duration::from_secs(5)).unwrap_or(Outcome::Hung)
}

// ---- image flips behind a correct checksum: structure alone must catch them ----

#[test]
fn resealed_image_flips_are_refused_or_harmless() {
    let f = fixture();
    let im = Image::of(&f.bytes);
    // Positions: dense over the hot image (cells and pointers), lighter
    // over the cold one (string bytes, limbs, floats, table arrays).
    // PDUMP_FLIPS=N and PDUMP_FLIPS_PHASE=K (another mask per position)
    // for longer runs; PDUMP_FLIPS_TRACE=1 names each flip before it runs
    // (to find one that kills the process).
    let env = |k: &str, d: usize| std::env::var(k).ok().and_then(|s| s.parse().ok()).unwrap_or(d);
    let (n, phase) = (env("PDUMP_FLIPS", 3000), env("PDUMP_FLIPS_PHASE", 0));
    let cold = im.len - im.hot_len.div_ceil(PAGE) * PAGE;
    let mut positions = spread(0, im.hot_len, n * 3 / 4);
    positions.extend(spread(im.len - cold, im.len, n / 4));
    // Masks that move an address by one or two words, change a tag, a
    // sign, a length, or a whole byte.
    let trace = std::env::var_os("PDUMP_FLIPS_TRACE").is_some();
    const MASKS: [u8; 8] = [0x08, 0x10, 0x01, 0x80, 0xff, 0x20, 0x04, 0x40];
    let (mut refused, mut same, mut changed, mut lisp_errors, mut hung) = (Vec::new(), 0, 0, 0, Vec::new());
    let mut failures = Vec::new();
    for (i, &pos) in positions.iter().enumerate() {
        let mask = MASKS[(i + phase) % MASKS.len()];
        let mut b = f.bytes.clone();
        b[im.at(pos)] ^= mask;
        // As if the image were not checksummed: only structural checks remain.
        reseal(&mut b);
        let what = format!("image byte {pos} ^ {mask:#04x}");
        if trace {
            eprintln!("{what}");
        }
        let path = write_file(&format!("flip-{pos}.pdmp"), &b);
        let r = catch_unwind(|| load(&path));
        drop(path);
        match r {
            Err(_) => failures.push(format!("{what}: the loader panicked")),
            Ok(Err(e)) => {
                let allowed = [ErrorKind::Object, ErrorKind::Relocation, ErrorKind::Symbols];
                if !allowed.contains(&e.kind) || e.message.is_empty() || e.message.contains('\n') {
                    failures.push(format!("{what}: refused with {:?} {:?}", e.kind, e.message));
                }
                refused.push(e.kind);
            }
            Ok(Ok(lisp)) => match run_guarded(lisp, PROGRAM) {
                Outcome::Ran(out) if out == f.expected => same += 1,
                Outcome::Ran(out) if out.starts_with("ERROR") => lisp_errors += 1,
                Outcome::Ran(_) => changed += 1,
                Outcome::Panicked(m) => failures.push(format!("{what}: the program panicked: {m}")),
                Outcome::Hung => hung.push(what),
            },
        }
    }
    let count = |k: ErrorKind| refused.iter().filter(|&&r| r == k).count();
    eprintln!(
        "{} resealed image flips: {} refused ({} object, {} relocation, {} symbols); loaded {}: {same} same output, \
         {changed} different output, {lisp_errors} Lisp errors, {} hung {hung:?}",
        positions.len(),
        refused.len(),
        count(ErrorKind::Object),
        count(ErrorKind::Relocation),
        count(ErrorKind::Symbols),
        same + changed + lisp_errors + hung.len(),
        hung.len(),
    );
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
    assert!(refused.len() > positions.len() / 4, "too few flips refused");
}

//! The portable dumper: the live heap written to an image file and mapped
//! back (privately, copy-on-write) so a start never re-evaluates the prelude.
//!
//! # Format of a minilisp dump file (all integers little-endian)
//!
//! ```text
//! offset  size  field
//! ------  ----  -----------------------------------------------------------
//!      0     8  magic: "!LPDUMP\n" while being written, "MLPDUMP\n" once
//!               complete (the first byte is fixed last, after fsync)
//!      8     4  format version (FORMAT_VERSION)
//!     12     4  header size (HEADER_SIZE = 4096: sections start page-aligned)
//!     16    32  build fingerprint: SHA-256 over everything that decides the
//!               heap layout and the built-ins (see build.rs)
//!     48     8  file length in bytes
//!     56     8  preferred base: the address the heap image was laid out for
//!     64     8  offset of the section table
//!     72     4  number of sections
//!     76     4  reserved (0)
//!     80     8  XXH3-64 of bytes 8..80 (the header without magic and itself)
//!   ...4096     zero padding
//! ```
//!
//! The section table is an array of 32-byte entries
//! `{kind u32, flags u32 (0), offset u64, length u64, XXH3-64 of the bytes}`.
//! Every section starts 8-aligned; the heap image starts page-aligned.
//!
//! | kind | section | contents |
//! | --- | --- | --- |
//! | 1 | symbol table | per symbol slot: `flags u32, name length u32, name bytes`, padded to 8 |
//! | 2 | obarray | per symbol slot: `value, function, plist` as image words |
//! | 3 | layout | the byte length of each run of the heap image, 9 `u64`s in image order (below) |
//! | 4 | heap image | objects exactly as the runtime uses them, in runs by kind (below) |
//! | 5 | relocations | one bit per 8-byte word of the hot image: set for every word that holds an address |
//! | 6 | value fixups | sorted `u64` image offsets of the hash tables whose buckets depend on addresses (keys hashed by identity: marked stale, and rehashed in place, when the image moves) |
//! | 7 | roots | `empty string, empty vector, symbol count` as `u64` words |
//! | 8 | host functions | per host function of the interpreter's table, in immediate-index order: `min u16, max u16 (0xffff: &rest), name length u32, name bytes`, padded to 8 |
//!
//! # The heap image: runs by kind
//! The image holds one run per kind, back to back; the *hot* runs come
//! first, then, from the next page boundary, the *cold* runs, which hold
//! no pointers (so no relocation ever writes their pages):
//!
//! ```text
//! hot:  conses (16-byte cells) | strings (32) | vectors, records and
//!       bignums (32) | hash tables (128) | value payloads: vector and
//!       record slots in vector-run order, then key/value arrays in table order
//! cold: floats (8) | string bytes, each padded to 8, in string order
//!       | bignum limbs in bignum order | per table: hashes, chain links,
//!       bucket heads, in table order
//! ```
//!
//! A cell in the 32-byte vector run starts with its kind word (`gc::VecKind`):
//! 1 a vector, 5 a record (laid out as a vector, at least one slot: its
//! type), 3 a bignum; records and vectors share every rule below. Kind 4,
//! a host object, never appears in an image (the verifier refuses it).
//!
//! A cell's kind is the run it lies in: a tagged pointer is valid when it
//! falls on a cell boundary of the run its tag names. A payload pointer is
//! valid when it equals the running cursor of its payload run, advanced in
//! owner order: payloads are exclusive and gap-free by construction. The
//! writer needs no address-to-offset map (`gc::order`), and the verifier
//! no per-word table (`verify.rs`).
//!
//! # Relocation
//! Every address in the image (a tagged pointer `Value` or a raw payload
//! pointer) is written as `preferred_base + image_offset (| tag)`. Loading
//! the image at `actual_base` applies, to each word whose relocation bit is
//! set, `word = word + (actual_base - preferred_base)` (wrapping): tags live
//! in the low three bits and the delta is a page multiple, so one addition
//! relocates both kinds of word. Symbols (indices), built-ins and host
//! functions (immediates) never need relocation.
//!
//! # Host functions
//! A host function is an immediate naming a slot of its interpreter's host
//! table; the dump records that table by name and arity. A load resolves
//! each name against the embedder's registrations
//! ([`LoadOptions::host`]) and refuses the dump, naming every function
//! missing or changed, before the image is touched. Host objects (opaque
//! Rust values) cannot be dumped: the writer refuses with the path from a
//! symbol to one (`variable my-db -> vector slot 2 -> host object my-db`).
//! One that only the embedder's handles keep alive is no part of what a
//! load restores, so it does not block the dump: its cell is written as an
//! empty vector that nothing in the image refers to. The verifier refuses
//! an image holding a host-object cell.
//!
//! # Validation
//! Before anything is used the loader checks magic, version, fingerprint,
//! lengths, the section table (bounds, alignment, overlap, duplicates,
//! unknown kinds), checksums, the layout, every object's fields (lengths,
//! payload positions, UTF-8, table chains), and that the relocation bitmap
//! marks exactly the address-holding words, each of which must target a
//! cell of the kind its tag names. Any failure is an [`Error`] whose
//! [`ErrorKind`] names the failing check.

mod error;
pub mod fingerprint;
mod format;
mod host_objects;
mod loader;
mod mapping;
pub mod record;
mod verify;
mod writer;

pub use error::{Error, ErrorKind};
pub use format::{FORMAT_VERSION, PREFERRED_BASE, SectionKind};
pub use loader::{LoadOptions, Verify, info};
pub use writer::DumpSummary;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::Lisp;
use crate::interp::Interp;

/// Writes `lisp`'s whole state to `path` atomically (temporary file
/// beside it, fsync, rename). A collection runs first so only live objects
/// are written.
///
/// ```
/// use minilisp::{Lisp, pdump};
/// let path = std::env::temp_dir().join("minilisp-doc-dump-to-file.pdmp");
/// let mut lisp = Lisp::new()?;
/// lisp.eval("(defvar greeting \"hello\")")?;
/// let summary = pdump::dump_to_file(&mut lisp, &path)?;
/// assert_eq!(summary.file_len, std::fs::metadata(&path)?.len());
/// let mut again = pdump::load_file(&path, pdump::LoadOptions::default())?;
/// assert_eq!(again.eval_to::<String>("greeting")?, "hello");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn dump_to_file(lisp: &mut Lisp, path: &Path) -> Result<DumpSummary, Error> {
    writer::dump_to_file(&mut lisp.m, path)
}

/// Starts an interpreter from the dump file at `path`. With
/// [`Verify::Once`] (the default) a file that a verification record shows
/// unchanged since this build verified (or wrote) it has only its metadata
/// checked; see [`record`]. A dump that refers to host functions loads
/// only when `options.host` has each of them, with the same arity.
///
/// A file that is not a dump of this build is refused with an [`Error`]
/// naming the failed check:
///
/// ```
/// use minilisp::pdump::{self, ErrorKind, LoadOptions};
/// let path = std::env::temp_dir().join("minilisp-doc-not-a-dump.pdmp");
/// std::fs::write(&path, vec![b'x'; 8192])?;
/// let err = pdump::load_file(&path, LoadOptions::default()).err().unwrap();
/// assert_eq!(err.kind, ErrorKind::BadMagic);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn load_file(path: &Path, options: LoadOptions) -> Result<Lisp, Error> {
    loader::load_file(path, options).map(Lisp::from_interp)
}

/// [`load_file`] for the engine (the command line); `trusted` as
/// [`load_file_trusted`], whose safety contract the caller then keeps.
pub(crate) fn load_interp(path: &Path, options: LoadOptions, trusted: bool) -> Result<Interp, Error> {
    let level = if trusted { loader::Level::Trusted } else { loader::Level::Full };
    loader::load_file_at_level(path, options, level)
}

/// [`dump_to_file`] for the engine (the command line).
pub(crate) fn dump_interp(interp: &mut Interp, path: &Path) -> Result<DumpSummary, Error> {
    writer::dump_to_file(interp, path)
}

/// Starts an interpreter from `path` checking only its metadata (header,
/// fingerprint, section table and checksums of all but the heap image,
/// symbols, roots and fixup bounds): no work grows with the heap's size.
///
/// # Safety
/// The heap image must be exactly what this build's writer produced (the
/// file was not corrupted or crafted): its objects are used without being
/// checked, so damaged bytes there can cause undefined behaviour. Use
/// [`load_file`] for files you do not trust.
///
/// ```
/// use minilisp::{Lisp, pdump};
/// let path = std::env::temp_dir().join("minilisp-doc-trusted.pdmp");
/// Lisp::new()?.dump(&path)?;
/// // SAFETY: this process just wrote the file with this build's writer.
/// let mut lisp = unsafe { pdump::load_file_trusted(&path, pdump::LoadOptions::default())? };
/// assert_eq!(lisp.dump_stats().unwrap().verified, "trusted");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub unsafe fn load_file_trusted(path: &Path, options: LoadOptions) -> Result<Lisp, Error> {
    loader::load_file_at_level(path, options, loader::Level::Trusted).map(Lisp::from_interp)
}

/// minilisp's cache directory: `$XDG_CACHE_HOME/minilisp`, else
/// `$HOME/.cache/minilisp` (relative values are ignored, as the XDG
/// specification asks). It holds the default dump and the verification
/// records (`verified/`).
///
/// ```
/// if let Some(dir) = minilisp::pdump::cache_dir() {
///     assert!(dir.ends_with("minilisp"));
/// }
/// ```
pub fn cache_dir() -> Option<PathBuf> {
    let absolute = |k: &str| std::env::var_os(k).map(PathBuf::from).filter(|p| p.is_absolute());
    let cache = absolute("XDG_CACHE_HOME").or_else(|| absolute("HOME").map(|h| h.join(".cache")))?;
    Some(cache.join("minilisp"))
}

/// An in-memory dump (same bytes as a file) from which any number of fully
/// independent interpreters can be started, on any thread.
///
/// A clone costs one copy of the hot image (cells and value payloads) and
/// one relocation pass; the cold image (string bytes, floats, bignum limbs,
/// table arrays) is mapped from one sealed memfd that all clones share
/// until they write to it.
///
/// ```
/// use std::sync::Arc;
/// let mut lisp = minilisp::Lisp::new()?;
/// lisp.eval("(defvar counter 0)")?;
/// let snapshot = Arc::new(lisp.snapshot()?);
/// let threads: Vec<_> = (0..2).map(|_| {
///     let snapshot = Arc::clone(&snapshot);
///     std::thread::spawn(move || {
///         let mut clone = snapshot.instantiate().unwrap();
///         clone.eval_to::<i64>("(setq counter (1+ counter))").unwrap()
///     })
/// }).collect();
/// for t in threads {
///     assert_eq!(t.join().unwrap(), 1); // each clone starts from 0
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Snapshot {
    bytes: Arc<Vec<u8>>,
    /// The parsed metadata, validated once when the snapshot was made.
    meta: Arc<loader::Validated>,
    /// The host functions the image refers to.
    host: crate::HostFunctions,
    /// The cold image, shared by the clones (None: small, copied instead).
    cold: Option<Arc<mapping::SharedCold>>,
}

// A snapshot is immutable after it is made; the host closures it shares
// run only inside an interpreter, behind that call's `catch_unwind`, so a
// panic cannot leave the snapshot half-changed.
impl std::panic::RefUnwindSafe for Snapshot {}
impl std::panic::UnwindSafe for Snapshot {}

impl Snapshot {
    /// Captures `lisp` (a collection runs first), its host functions
    /// included: every instance has them. Same as [`Lisp::snapshot`].
    ///
    /// # Errors
    /// A host object is reachable from a symbol (it cannot be copied:
    /// [`ErrorKind::HostObject`], with the path to it), or the kernel
    /// refuses the memfd for the cold image (out of memory).
    pub fn take(lisp: &mut Lisp) -> Result<Snapshot, Error> {
        let bytes = writer::dump_to_bytes(&mut lisp.m)?;
        // Our own writer's output: metadata is parsed, objects need no re-check.
        let meta = loader::validate(&bytes, loader::Level::Trusted).expect("the writer's own dump is valid");
        let cold = loader::shared_cold(&bytes, &meta)?;
        let host = crate::HostFunctions { fns: lisp.m.host_fns.clone() };
        Ok(Snapshot { bytes: Arc::new(bytes), meta: Arc::new(meta), cold: cold.map(Arc::new), host })
    }

    /// The dump bytes, exactly as they would be written to a file.
    ///
    /// ```
    /// use minilisp::pdump::Snapshot;
    /// let snapshot = minilisp::Lisp::new()?.snapshot()?;
    /// let copy = Snapshot::from_bytes(snapshot.bytes().to_vec(), &minilisp::HostFunctions::new())?;
    /// assert_eq!(copy.instantiate()?.eval_to::<i64>("(+ 1 1)")?, 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Checks `bytes` (fully) as a dump of this build and keeps them;
    /// `host` must have every host function the dump refers to (see
    /// [`bytes`](Snapshot::bytes)).
    pub fn from_bytes(bytes: Vec<u8>, host: &crate::HostFunctions) -> Result<Snapshot, Error> {
        let meta = loader::validate(&bytes, loader::Level::Full)?;
        let host = loader::resolve_host_fns(&meta, host)?;
        let cold = loader::shared_cold(&bytes, &meta)?;
        Ok(Snapshot { bytes: Arc::new(bytes), meta: Arc::new(meta), cold: cold.map(Arc::new), host })
    }

    /// A new interpreter with its own copy of the snapshot's heap (and the
    /// snapshot's host functions); see [`Snapshot`].
    pub fn instantiate(&self) -> Result<Lisp, Error> {
        let mut m = loader::instantiate(&self.bytes, &self.meta, self.cold.as_deref(), "<snapshot>")?;
        loader::install_host_fns(&mut m, self.host.clone(), self.meta.host_fns.len());
        Ok(Lisp::from_interp(m))
    }
}

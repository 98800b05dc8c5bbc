//! Typed load and dump errors: one kind per failing check.

use std::fmt;

/// What went wrong; `Error`'s message adds the details.
///
/// ```
/// use minilisp::pdump::{self, ErrorKind, LoadOptions};
/// let path = std::env::temp_dir().join("minilisp-doc-truncated.pdmp");
/// minilisp::Lisp::new()?.dump(&path)?;
/// let bytes = std::fs::read(&path)?;
/// std::fs::write(&path, &bytes[..bytes.len() / 2])?;
/// let err = pdump::load_file(&path, LoadOptions::default()).err().unwrap();
/// assert_eq!(err.kind, ErrorKind::Truncated);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading, writing, mapping or renaming failed (includes a full disk).
    Io,
    /// Shorter than a header, or shorter than the header says.
    Truncated,
    /// Not a minilisp dump at all.
    BadMagic,
    /// The writer never finished (magic still marked incomplete).
    Incomplete,
    /// Written by another format version.
    Version,
    /// Written by another build of minilisp.
    Fingerprint,
    /// The header's own checksum or fields are inconsistent.
    Header,
    /// The section table is out of bounds, misaligned, overlapping,
    /// duplicated, of unknown kind, or a section is missing.
    SectionTable,
    /// A section's bytes do not match its checksum.
    Checksum,
    /// The symbol table or obarray is malformed.
    Symbols,
    /// The layout section's run lengths do not fit the image.
    Layout,
    /// An object's fields are inconsistent (lengths, payloads, UTF-8).
    Object,
    /// A relocation is out of bounds, misaligned, does not target an object
    /// start of the right kind, or the bitmap disagrees with the objects.
    Relocation,
    /// A value fixup does not name a hash table.
    Fixup,
    /// The roots section is malformed.
    Roots,
    /// The host-functions section is malformed.
    HostFunctions,
    /// The dump refers to host functions the embedder did not register
    /// (or registered with another arity); [`Error::missing`] names them.
    MissingHostFunctions,
    /// A host object is reachable from a symbol, and no dump can carry
    /// one; the message shows the path to it.
    HostObject,
}

/// A dump error: its kind and a one-line message naming what is wrong.
#[derive(Debug)]
pub struct Error {
    /// Which check failed.
    pub kind: ErrorKind,
    /// One line naming what is wrong (also the `Display` form).
    pub message: String,
    /// For [`ErrorKind::MissingHostFunctions`]: each function the dump
    /// needs and the embedder lacks, as `name (N arguments)`.
    pub missing: Vec<String>,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error { kind, message: message.into(), missing: Vec::new() }
    }

    pub(crate) fn io(what: &str, path: &std::path::Path, e: std::io::Error) -> Error {
        Error::new(ErrorKind::Io, format!("{what} {}: {e}", path.display()))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

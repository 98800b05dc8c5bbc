//! Constants and (de)serialisation of the header and section table; the
//! layout is documented at the top of `pdump/mod.rs`.

use super::error::{Error, ErrorKind};
use crate::gc::block::BlockKind;

pub const MAGIC: &[u8; 8] = b"MLPDUMP\n";
/// The first byte of the magic while the file is being written.
pub const MAGIC_INCOMPLETE: u8 = b'!';
/// The version of the dump format this build reads and writes (3: the
/// host-functions section; 4: records, kind word 4 in the vector run).
pub const FORMAT_VERSION: u32 = 4;
pub const HEADER_SIZE: usize = 4096;
/// End of the header's fields (its checksum); zero padding follows.
pub const HEADER_FIELDS_END: usize = 88;
pub const PAGE: usize = 4096;
pub const SECTION_ENTRY_SIZE: usize = 32;
/// The address heap images are laid out for (a page multiple well inside
/// the user half of a 47-bit address space).
pub const PREFERRED_BASE: u64 = 0x4d4c_0000_0000;

pub fn checksum(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// The kinds of section a dump holds (all of them, each once).
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u32)]
pub enum SectionKind {
    /// Symbol flags and names.
    SymbolTable = 1,
    /// Each symbol's value, function and property list, as image words.
    Obarray = 2,
    /// The length of each run of the heap image.
    Layout = 3,
    /// The objects, as the runtime uses them.
    HeapImage = 4,
    /// One bit per word of the hot image: set where an address is.
    Relocations = 5,
    /// Hash tables whose buckets depend on addresses.
    Fixups = 6,
    /// The empty string and vector, and the symbol count.
    Roots = 7,
    /// Names and arities of the host functions the image refers to.
    HostFunctions = 8,
}

pub const ALL_SECTIONS: [SectionKind; 8] = [
    SectionKind::SymbolTable,
    SectionKind::Obarray,
    SectionKind::Layout,
    SectionKind::HeapImage,
    SectionKind::Relocations,
    SectionKind::Fixups,
    SectionKind::Roots,
    SectionKind::HostFunctions,
];

impl SectionKind {
    /// The kind numbered `k` in a section table.
    pub fn from_u32(k: u32) -> Option<SectionKind> {
        ALL_SECTIONS.iter().copied().find(|s| *s as u32 == k)
    }

    /// Its name in messages and `--dump-info`.
    pub fn name(self) -> &'static str {
        match self {
            SectionKind::SymbolTable => "symbol-table",
            SectionKind::Obarray => "obarray",
            SectionKind::Layout => "layout",
            SectionKind::HeapImage => "heap-image",
            SectionKind::Relocations => "relocations",
            SectionKind::Fixups => "value-fixups",
            SectionKind::Roots => "roots",
            SectionKind::HostFunctions => "host-functions",
        }
    }
}

/// The runs of a heap image, in image order: hot runs from offset 0,
/// cold runs from the first page boundary after them. Cell runs hold
/// fixed-size cells back to back; payload runs hold their owners' payloads
/// in their owners' order (see `pdump/mod.rs`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[repr(usize)]
pub enum Run {
    Conses = 0,
    Strings = 1,
    /// Vectors and bignums (both 32-byte `VecLike` cells).
    Vec32 = 2,
    HashTables = 3,
    /// Vector slots (in `Vec32` order), then key/value arrays (in table order).
    Values = 4,
    Floats = 5,
    /// Each string's bytes, padded to 8, in string order.
    StringBytes = 6,
    /// Bignum limbs, in `Vec32` order.
    Limbs = 7,
    /// Per table: hashes, chain links, bucket heads, in table order.
    HashArrays = 8,
}

pub const RUN_COUNT: usize = 9;
/// The runs before the page boundary: the only ones holding addresses.
pub const HOT_RUNS: usize = 5;

pub const ALL_RUNS: [Run; RUN_COUNT] = [
    Run::Conses,
    Run::Strings,
    Run::Vec32,
    Run::HashTables,
    Run::Values,
    Run::Floats,
    Run::StringBytes,
    Run::Limbs,
    Run::HashArrays,
];

// `ALL_RUNS[i] as usize == i`: the layout indexes runs by discriminant.
const _: () = {
    let mut i = 0;
    while i < RUN_COUNT {
        assert!(ALL_RUNS[i] as usize == i);
        i += 1;
    }
};

impl Run {
    pub fn name(self) -> &'static str {
        match self {
            Run::Conses => "conses",
            Run::Strings => "strings",
            Run::Vec32 => "vectors+bignums",
            Run::HashTables => "hash-tables",
            Run::Values => "value-payloads",
            Run::Floats => "floats",
            Run::StringBytes => "string-bytes",
            Run::Limbs => "bignum-limbs",
            Run::HashArrays => "hash-arrays",
        }
    }

    /// The block kind of a cell run (None for payload runs).
    pub fn cells(self) -> Option<BlockKind> {
        match self {
            Run::Conses => Some(BlockKind::Cons),
            Run::Strings => Some(BlockKind::String),
            Run::Vec32 => Some(BlockKind::Vec32),
            Run::HashTables => Some(BlockKind::Vec128),
            Run::Floats => Some(BlockKind::Float),
            _ => None,
        }
    }

    /// The cell run holding cells of `kind`.
    pub fn of_cells(kind: BlockKind) -> Run {
        match kind {
            BlockKind::Cons => Run::Conses,
            BlockKind::String => Run::Strings,
            BlockKind::Vec32 => Run::Vec32,
            BlockKind::Vec128 => Run::HashTables,
            BlockKind::Float => Run::Floats,
        }
    }
}

/// The image layout: every run's length in bytes (the layout section).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    pub lens: [usize; RUN_COUNT],
    pub starts: [usize; RUN_COUNT],
    pub hot_len: usize,
    pub cold_base: usize,
    pub image_len: usize,
}

impl Layout {
    /// The layout of runs of these lengths, or None if they overflow.
    pub fn new(lens: [usize; RUN_COUNT]) -> Option<Layout> {
        let mut starts = [0usize; RUN_COUNT];
        let mut at = 0usize;
        let mut hot_len = 0;
        let mut cold_base = 0;
        for (i, &len) in lens.iter().enumerate() {
            if i == HOT_RUNS {
                hot_len = at;
                // The bound keeps the page rounding from overflowing.
                cold_base = align_up(at.checked_add(PAGE)?, PAGE) - PAGE;
                at = cold_base;
            }
            starts[i] = at;
            at = at.checked_add(len)?;
        }
        Some(Layout { lens, starts, hot_len, cold_base, image_len: at })
    }

    pub fn range(&self, run: Run) -> std::ops::Range<usize> {
        let i = run as usize;
        self.starts[i]..self.starts[i] + self.lens[i]
    }

    pub fn encode(&self) -> Vec<u8> {
        self.lens.iter().flat_map(|&l| (l as u64).to_le_bytes()).collect()
    }

    /// Decodes the layout section and checks it against the image length:
    /// every run a whole number of cells (or words), the runs exactly
    /// filling the image.
    pub fn decode(b: &[u8], image_len: usize) -> Result<Layout, Error> {
        let bad = |m: String| Error::new(ErrorKind::Layout, m);
        if b.len() != RUN_COUNT * 8 {
            return Err(bad(format!("layout section is {} bytes, not {}", b.len(), RUN_COUNT * 8)));
        }
        let mut lens = [0usize; RUN_COUNT];
        for (i, run) in ALL_RUNS.iter().enumerate() {
            let len = usize::try_from(u64_at(b, 8 * i)).map_err(|_| bad(format!("{} run too long", run.name())))?;
            let unit = run.cells().map_or(8, |k| k.cell_size());
            if len % unit != 0 {
                return Err(bad(format!("{} run ({len} bytes) is not a whole number of {unit}-byte units", run.name())));
            }
            lens[i] = len;
        }
        let layout = Layout::new(lens).filter(|l| l.image_len == image_len);
        layout.ok_or_else(|| bad(format!("layout runs do not fill the {image_len}-byte heap image")))
    }
}

/// Byte offsets of the cell fields the writer emits and the verifier
/// reads, taken from the runtime's own layouts (`gc::object`). The writer
/// emits each cell's words in field order; the assertions below pin that
/// order, so a change to a layout fails to compile instead of drifting.
pub mod field {
    use crate::gc::object::{Bignum, HashTable, LispString, Vector};
    use std::mem::{offset_of, size_of};

    pub const STRING_DATA: usize = offset_of!(LispString, data);
    pub const STRING_LEN: usize = offset_of!(LispString, len);
    pub const STRING_CAP: usize = offset_of!(LispString, cap);
    pub const STRING_NCHARS: usize = offset_of!(LispString, nchars);
    pub const VECTOR_HEADER: usize = offset_of!(Vector, header);
    pub const VECTOR_LEN: usize = offset_of!(Vector, len);
    pub const VECTOR_DATA: usize = offset_of!(Vector, data);
    pub const VECTOR_RESERVED: usize = offset_of!(Vector, _reserved);
    pub const BIGNUM_LEN: usize = offset_of!(Bignum, len);
    pub const BIGNUM_LIMBS: usize = offset_of!(Bignum, limbs);
    pub const BIGNUM_NEGATIVE: usize = offset_of!(Bignum, negative);
    pub const TABLE_HEADER: usize = offset_of!(HashTable, header);
    pub const TABLE_TEST: usize = offset_of!(HashTable, test);
    pub const TABLE_COUNT: usize = offset_of!(HashTable, count);
    pub const TABLE_SIZE: usize = offset_of!(HashTable, size);
    pub const TABLE_KV: usize = offset_of!(HashTable, kv);
    pub const TABLE_HASH: usize = offset_of!(HashTable, hash);
    pub const TABLE_NEXT: usize = offset_of!(HashTable, next);
    pub const TABLE_INDEX: usize = offset_of!(HashTable, index);
    pub const TABLE_INDEX_SIZE: usize = offset_of!(HashTable, index_size);
    pub const TABLE_NEXT_FREE: usize = offset_of!(HashTable, next_free);
    pub const TABLE_STALE: usize = offset_of!(HashTable, stale);
    pub const TABLE_RESERVED: usize = offset_of!(HashTable, _reserved);

    /// Offsets of consecutive words from 0, in the writer's emission order.
    const fn in_order(fields: &[usize], size: usize) -> bool {
        let mut i = 0;
        while i < fields.len() {
            if fields[i] != 8 * i {
                return false;
            }
            i += 1;
        }
        8 * fields.len() == size
    }
    const _: () = assert!(in_order(&[STRING_DATA, STRING_LEN, STRING_CAP, STRING_NCHARS], size_of::<LispString>()));
    const _: () = assert!(in_order(&[VECTOR_HEADER, VECTOR_LEN, VECTOR_DATA, VECTOR_RESERVED], size_of::<Vector>()));
    const _: () = assert!(in_order(
        &[offset_of!(Bignum, header), BIGNUM_LEN, BIGNUM_LIMBS, BIGNUM_NEGATIVE],
        size_of::<Bignum>()
    ));
    const _: () = assert!(in_order(
        &[
            TABLE_HEADER,
            TABLE_TEST,
            TABLE_COUNT,
            TABLE_SIZE,
            TABLE_KV,
            TABLE_HASH,
            TABLE_NEXT,
            TABLE_INDEX,
            TABLE_INDEX_SIZE,
            TABLE_NEXT_FREE,
            TABLE_STALE,
            TABLE_RESERVED,
            TABLE_RESERVED + 8,
            TABLE_RESERVED + 16,
            TABLE_RESERVED + 24,
            TABLE_RESERVED + 32,
        ],
        size_of::<HashTable>()
    ));
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub version: u32,
    pub fingerprint: [u8; 32],
    pub file_len: u64,
    pub preferred_base: u64,
    pub table_offset: u64,
    pub section_count: u32,
}

impl Header {
    /// The header bytes; the magic is written incomplete or final.
    pub fn encode(&self, complete: bool) -> Vec<u8> {
        let mut b = vec![0u8; HEADER_SIZE];
        b[0..8].copy_from_slice(MAGIC);
        if !complete {
            b[0] = MAGIC_INCOMPLETE;
        }
        b[8..12].copy_from_slice(&self.version.to_le_bytes());
        b[12..16].copy_from_slice(&(HEADER_SIZE as u32).to_le_bytes());
        b[16..48].copy_from_slice(&self.fingerprint);
        b[48..56].copy_from_slice(&self.file_len.to_le_bytes());
        b[56..64].copy_from_slice(&self.preferred_base.to_le_bytes());
        b[64..72].copy_from_slice(&self.table_offset.to_le_bytes());
        b[72..76].copy_from_slice(&self.section_count.to_le_bytes());
        let sum = checksum(&b[8..80]);
        b[80..88].copy_from_slice(&sum.to_le_bytes());
        b
    }

    /// Decodes and checks the header (magic, version, size, checksum); the
    /// fingerprint and lengths are checked by the caller.
    pub fn decode(b: &[u8]) -> Result<Header, Error> {
        if b.len() < 88 {
            return Err(Error::new(ErrorKind::Truncated, format!("file is {} bytes, shorter than a dump header", b.len())));
        }
        if b[0] == MAGIC_INCOMPLETE && b[1..8] == MAGIC[1..8] {
            return Err(Error::new(ErrorKind::Incomplete, "dump is incomplete: its writer did not finish"));
        }
        if &b[0..8] != MAGIC {
            return Err(Error::new(ErrorKind::BadMagic, "not a minilisp dump (bad magic)"));
        }
        let version = u32_at(b, 8);
        if version != FORMAT_VERSION {
            return Err(Error::new(
                ErrorKind::Version,
                format!("dump format version {version}, this build reads version {FORMAT_VERSION}"),
            ));
        }
        if u32_at(b, 12) as usize != HEADER_SIZE {
            return Err(Error::new(ErrorKind::Header, "header size field is wrong"));
        }
        if u64_at(b, 80) != checksum(&b[8..80]) {
            return Err(Error::new(ErrorKind::Header, "header checksum mismatch"));
        }
        let mut fingerprint = [0u8; 32];
        fingerprint.copy_from_slice(&b[16..48]);
        Ok(Header {
            version,
            fingerprint,
            file_len: u64_at(b, 48),
            preferred_base: u64_at(b, 56),
            table_offset: u64_at(b, 64),
            section_count: u32_at(b, 72),
        })
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub kind: SectionKind,
    pub offset: u64,
    pub len: u64,
    pub checksum: u64,
}

impl Section {
    pub fn encode(&self) -> [u8; SECTION_ENTRY_SIZE] {
        let mut b = [0u8; SECTION_ENTRY_SIZE];
        b[0..4].copy_from_slice(&(self.kind as u32).to_le_bytes());
        b[8..16].copy_from_slice(&self.offset.to_le_bytes());
        b[16..24].copy_from_slice(&self.len.to_le_bytes());
        b[24..32].copy_from_slice(&self.checksum.to_le_bytes());
        b
    }
}

/// Decodes the section table and checks it against the file length:
/// known kinds, no duplicates, in bounds, aligned, no overlaps, all present.
pub fn decode_sections(b: &[u8], h: &Header) -> Result<Vec<Section>, Error> {
    let bad = |m: String| Error::new(ErrorKind::SectionTable, m);
    let n = h.section_count as usize;
    let start = usize::try_from(h.table_offset).map_err(|_| bad("section table offset out of range".into()))?;
    let end = n.checked_mul(SECTION_ENTRY_SIZE).and_then(|l| start.checked_add(l));
    let Some(end) = end.filter(|&e| e <= b.len() && start >= HEADER_SIZE) else {
        return Err(bad(format!("section table ({n} entries at offset {start}) lies outside the file")));
    };
    if start % 8 != 0 {
        return Err(bad("section table is not 8-aligned".into()));
    }
    let mut sections: Vec<Section> = Vec::with_capacity(n);
    for e in b[start..end].chunks_exact(SECTION_ENTRY_SIZE) {
        let raw = u32_at(e, 0);
        let kind = SectionKind::from_u32(raw).ok_or_else(|| bad(format!("unknown section kind {raw}")))?;
        if u32_at(e, 4) != 0 {
            return Err(bad(format!("{} section has unknown flags", kind.name())));
        }
        let s = Section { kind, offset: u64_at(e, 8), len: u64_at(e, 16), checksum: u64_at(e, 24) };
        if sections.iter().any(|o| o.kind == kind) {
            return Err(bad(format!("duplicate {} section", kind.name())));
        }
        let align = if kind == SectionKind::HeapImage { PAGE as u64 } else { 8 };
        if !s.offset.is_multiple_of(align) {
            return Err(bad(format!("{} section at offset {} is not {align}-aligned", kind.name(), s.offset)));
        }
        let fits = s.offset.checked_add(s.len).is_some_and(|e| e <= b.len() as u64);
        if !fits || s.offset < HEADER_SIZE as u64 {
            return Err(bad(format!("{} section ({} bytes at {}) lies outside the file", kind.name(), s.len, s.offset)));
        }
        sections.push(s);
    }
    for k in ALL_SECTIONS {
        if !sections.iter().any(|s| s.kind == k) {
            return Err(bad(format!("missing {} section", k.name())));
        }
    }
    let mut spans: Vec<(u64, u64, &str)> = sections.iter().map(|s| (s.offset, s.offset + s.len, s.kind.name())).collect();
    spans.push((start as u64, end as u64, "section-table"));
    spans.sort();
    for w in spans.windows(2) {
        if w[0].1 > w[1].0 {
            return Err(bad(format!("{} and {} sections overlap", w[0].2, w[1].2)));
        }
    }
    // Alignment padding around the sections is covered by no checksum: it
    // must be zero, so that no byte of a dump changes unnoticed.
    let mut covered = HEADER_SIZE as u64;
    for &(from, to, name) in &spans {
        if b[covered as usize..from as usize].iter().any(|&x| x != 0) {
            return Err(bad(format!("padding before the {name} section is not zero")));
        }
        covered = to;
    }
    if b[covered as usize..].iter().any(|&x| x != 0) {
        return Err(bad("padding after the last section is not zero".into()));
    }
    Ok(sections)
}

pub fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
}

pub fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().unwrap())
}

pub fn align_up(n: usize, a: usize) -> usize {
    n.div_ceil(a) * a
}

/// A host function as a dump records it: name and arity (`max` `None`
/// for `&rest`). Encoded per entry as `min u16, max u16 (0xffff: &rest),
/// name length u32, name bytes`, padded to 8.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct HostSig {
    pub name: String,
    pub min: u16,
    pub max: Option<u16>,
}

const REST: u16 = u16::MAX;

impl HostSig {
    pub fn encode_all(sigs: &[HostSig]) -> Vec<u8> {
        let mut out = Vec::new();
        for s in sigs {
            out.extend_from_slice(&s.min.to_le_bytes());
            out.extend_from_slice(&s.max.unwrap_or(REST).to_le_bytes());
            out.extend_from_slice(&(s.name.len() as u32).to_le_bytes());
            out.extend_from_slice(s.name.as_bytes());
            out.resize(align_up(out.len(), 8), 0);
        }
        out
    }

    pub fn decode_all(mut b: &[u8]) -> Result<Vec<HostSig>, Error> {
        let bad = |m: &str| Error::new(ErrorKind::HostFunctions, format!("host-functions section: {m}"));
        let mut out: Vec<HostSig> = Vec::new();
        while !b.is_empty() {
            if b.len() < 8 {
                return Err(bad("entry truncated"));
            }
            let min = u16::from_le_bytes([b[0], b[1]]);
            let max = u16::from_le_bytes([b[2], b[3]]);
            let len = u32::from_le_bytes([b[4], b[5], b[6], b[7]]) as usize;
            let end = 8usize.checked_add(len).filter(|&e| e <= b.len()).ok_or_else(|| bad("name runs past the end"))?;
            let name = std::str::from_utf8(&b[8..end]).map_err(|_| bad("name is not UTF-8"))?;
            let max = (max != REST).then_some(max);
            if name.is_empty() || max.is_some_and(|x| x < min) || out.iter().any(|s| s.name == name) {
                return Err(bad("empty or duplicate name, or max below min"));
            }
            out.push(HostSig { name: name.to_owned(), min, max });
            let next = align_up(end, 8).min(b.len());
            if b[end..next].iter().any(|&x| x != 0) {
                return Err(bad("padding is not zero"));
            }
            b = &b[next..];
        }
        Ok(out)
    }

    /// `name (min..max)` for messages.
    pub fn describe(&self) -> String {
        match self.max {
            Some(1) if self.min == 1 => format!("{} (1 argument)", self.name),
            Some(x) if x == self.min => format!("{} ({} arguments)", self.name, self.min),
            Some(x) => format!("{} ({} to {} arguments)", self.name, self.min, x),
            None => format!("{} ({} or more arguments)", self.name, self.min),
        }
    }
}

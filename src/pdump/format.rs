//! Constants and (de)serialisation of the header and section table; the
//! layout is documented at the top of `pdump/mod.rs`.

use super::error::{Error, ErrorKind};

pub const MAGIC: &[u8; 8] = b"MLPDUMP\n";
/// The first byte of the magic while the file is being written.
pub const MAGIC_INCOMPLETE: u8 = b'!';
pub const FORMAT_VERSION: u32 = 1;
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

#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u32)]
pub enum SectionKind {
    SymbolTable = 1,
    Obarray = 2,
    ObjectStarts = 3,
    HeapImage = 4,
    Relocations = 5,
    Fixups = 6,
    Roots = 7,
}

pub const ALL_SECTIONS: [SectionKind; 7] = [
    SectionKind::SymbolTable,
    SectionKind::Obarray,
    SectionKind::ObjectStarts,
    SectionKind::HeapImage,
    SectionKind::Relocations,
    SectionKind::Fixups,
    SectionKind::Roots,
];

impl SectionKind {
    pub fn from_u32(k: u32) -> Option<SectionKind> {
        ALL_SECTIONS.iter().copied().find(|s| *s as u32 == k)
    }

    pub fn name(self) -> &'static str {
        match self {
            SectionKind::SymbolTable => "symbol-table",
            SectionKind::Obarray => "obarray",
            SectionKind::ObjectStarts => "object-starts",
            SectionKind::HeapImage => "heap-image",
            SectionKind::Relocations => "relocations",
            SectionKind::Fixups => "value-fixups",
            SectionKind::Roots => "roots",
        }
    }
}

/// Kinds of objects in the image (the low byte of an object-starts entry).
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
pub enum ObjKind {
    Cons = 1,
    Float = 2,
    String = 3,
    Vector = 4,
    Bignum = 5,
    HashTable = 6,
    /// A payload of `Value`s (vector slots, hash-table key/value pairs).
    Values = 7,
    /// A payload without pointers (string bytes, limbs, hash integer arrays).
    Bytes = 8,
}

/// Every kind, in discriminant order (`ObjKind::from_u8` relies on it).
pub const ALL_OBJ_KINDS: [ObjKind; 8] = [
    ObjKind::Cons,
    ObjKind::Float,
    ObjKind::String,
    ObjKind::Vector,
    ObjKind::Bignum,
    ObjKind::HashTable,
    ObjKind::Values,
    ObjKind::Bytes,
];

// `from_u8` indexes ALL_OBJ_KINDS by discriminant: checked at compile time.
const _: () = {
    let mut i = 0;
    while i < ALL_OBJ_KINDS.len() {
        assert!(ALL_OBJ_KINDS[i] as usize == i + 1);
        i += 1;
    }
};

impl ObjKind {
    #[inline]
    pub fn from_u8(k: u8) -> Option<ObjKind> {
        // ALL_OBJ_KINDS lists the kinds in discriminant order, from 1.
        ALL_OBJ_KINDS.get(usize::from(k).wrapping_sub(1)).copied()
    }

    pub fn name(self) -> &'static str {
        match self {
            ObjKind::Cons => "cons",
            ObjKind::Float => "float",
            ObjKind::String => "string",
            ObjKind::Vector => "vector",
            ObjKind::Bignum => "bignum",
            ObjKind::HashTable => "hash-table",
            ObjKind::Values => "value-payload",
            ObjKind::Bytes => "byte-payload",
        }
    }

    /// Size of the cell for fixed-size kinds.
    pub fn cell_size(self) -> Option<usize> {
        match self {
            ObjKind::Cons => Some(16),
            ObjKind::Float => Some(8),
            ObjKind::String | ObjKind::Vector | ObjKind::Bignum => Some(32),
            ObjKind::HashTable => Some(128),
            ObjKind::Values | ObjKind::Bytes => None,
        }
    }
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
        if s.offset % align != 0 {
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

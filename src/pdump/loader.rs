//! Loading a dump: validate everything, map the heap image privately (or
//! copy it, for snapshots), relocate it in one pass over the bitmap,
//! rebuild the symbol table, and hand the image to the heap as a mapped
//! range whose objects are used in place.

use std::path::Path;
use std::time::Instant;

use super::error::{Error, ErrorKind};
use super::fingerprint::{FINGERPRINT, hex};
use super::format::*;
use super::mapping::FileMap;
use super::record;
use crate::Interp;
use crate::gc::symbol::{SymFlags, Symbol, SymbolTable};
use crate::gc::value::TAG_MASK;
use crate::gc::{Heap, Tag, Value};
use crate::interp::DumpStats;

/// How much to verify.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    pub verify: Verify,
}

/// When `load_file` verifies a whole dump.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum Verify {
    /// Fully the first time; after that, while a verification record shows
    /// the file unchanged since, its metadata only (see `record`).
    #[default]
    Once,
    /// Fully on every load (the record is refreshed).
    Always,
}

/// Byte offset of `HashTable::stale` inside a hash-table cell.
const HASH_STALE_OFFSET: usize = 80;

/// What validation learnt about the file, for loading and `--dump-info`.
pub(super) struct Validated {
    pub header: Header,
    pub sections: Vec<Section>,
    pub image_offset: usize,
    pub image_len: usize,
    pub hot_len: usize,
    /// The symbol table with image words (not yet relocated) in its cells;
    /// each load clones it (cheaply: names and the map are shared).
    pub template: SymbolTable,
    pub relocs: Vec<u8>,
    pub fixups: Vec<usize>,
    pub empty_string: u64,
    pub empty_vector: u64,
    pub counts: Vec<(ObjKind, usize)>,
}

fn section<'b>(bytes: &'b [u8], sections: &[Section], kind: SectionKind) -> &'b [u8] {
    let s = sections.iter().find(|s| s.kind == kind).expect("validated section table");
    &bytes[s.offset as usize..(s.offset + s.len) as usize]
}

fn words(b: &[u8]) -> impl Iterator<Item = u64> + '_ {
    b.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().unwrap()))
}

/// How much of a file `validate` examines.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) enum Level {
    /// Everything: metadata, checksums, every object and relocation.
    Full,
    /// Metadata and checksums (for bytes this process's writer just made).
    Metadata,
    /// Metadata only: no image checksum, no per-object work, so the cost
    /// does not grow with the dump (`load_file_trusted`).
    Trusted,
}

/// Checks the file to the given `level`.
pub(super) fn validate(bytes: &[u8], _opts: &LoadOptions, level: Level) -> Result<Validated, Error> {
    let header = Header::decode(bytes)?;
    if header.fingerprint != FINGERPRINT {
        return Err(Error::new(
            ErrorKind::Fingerprint,
            format!(
                "dump was written by another build of minilisp (dump fingerprint {}, this build {})",
                hex(&header.fingerprint),
                hex(&FINGERPRINT)
            ),
        ));
    }
    if header.file_len != bytes.len() as u64 {
        let kind = if (bytes.len() as u64) < header.file_len { ErrorKind::Truncated } else { ErrorKind::Header };
        return Err(Error::new(kind, format!("file is {} bytes, header says {}", bytes.len(), header.file_len)));
    }
    if header.preferred_base % PAGE as u64 != 0 {
        return Err(Error::new(ErrorKind::Header, "preferred base is not page-aligned"));
    }
    // The header's padding is covered by no checksum: it must be zero.
    match bytes.get(HEADER_FIELDS_END..HEADER_SIZE) {
        None => {
            let m = format!("file is {} bytes, shorter than a dump header", bytes.len());
            return Err(Error::new(ErrorKind::Truncated, m));
        }
        Some(pad) if pad.iter().any(|&x| x != 0) => {
            return Err(Error::new(ErrorKind::Header, "header padding is not zero"));
        }
        Some(_) => {}
    }
    let sections = decode_sections(bytes, &header)?;
    for s in &sections {
        let unused = level == Level::Trusted && s.kind == SectionKind::ObjectStarts;
        if unused || (s.kind == SectionKind::HeapImage && level == Level::Trusted) {
            continue;
        }
        let data = &bytes[s.offset as usize..(s.offset + s.len) as usize];
        if checksum(data) != s.checksum {
            return Err(Error::new(ErrorKind::Checksum, format!("{} section checksum mismatch", s.kind.name())));
        }
    }
    let image_sec = sections.iter().find(|s| s.kind == SectionKind::HeapImage).unwrap();
    let image = section(bytes, &sections, SectionKind::HeapImage);

    // Roots: hot length, cold base, empty string, empty vector, symbol count.
    let roots: Vec<u64> = words(section(bytes, &sections, SectionKind::Roots)).collect();
    let bad_roots = |m: &str| Error::new(ErrorKind::Roots, m.to_string());
    if roots.len() != 5 || section(bytes, &sections, SectionKind::Roots).len() != 40 {
        return Err(bad_roots("roots section has the wrong size"));
    }
    let hot_len = usize::try_from(roots[0]).map_err(|_| bad_roots("hot length out of range"))?;
    let cold_base = usize::try_from(roots[1]).map_err(|_| bad_roots("cold base out of range"))?;
    // `hot_len` is bounded by the image (so by the file) before it is rounded.
    if hot_len % 8 != 0
        || hot_len > image.len()
        || cold_base != align_up(hot_len, PAGE)
        || cold_base > image.len()
        || image.len() % 8 != 0
    {
        return Err(bad_roots("hot/cold image bounds are inconsistent"));
    }
    let nsyms = usize::try_from(roots[4]).map_err(|_| bad_roots("symbol count out of range"))?;

    let symbols = decode_symbols(section(bytes, &sections, SectionKind::SymbolTable), nsyms)?;
    let obarray = section(bytes, &sections, SectionKind::Obarray);
    if obarray.len() != nsyms.checked_mul(24).unwrap_or(usize::MAX) {
        return Err(Error::new(ErrorKind::Symbols, "obarray size does not match the symbol table"));
    }
    let template = symbol_table(symbols, obarray);

    let relocs = section(bytes, &sections, SectionKind::Relocations);
    if relocs.len() != hot_len.div_ceil(8).div_ceil(64) * 8 {
        return Err(Error::new(ErrorKind::Relocation, "relocation bitmap size does not match the hot image"));
    }
    let empty_string = roots[2];
    let empty_vector = roots[3];
    // `target` ignores the tag bits: the roots must carry their own tags.
    if Value::from_bits(empty_string).tag() != Tag::String || Value::from_bits(empty_vector).tag() != Tag::VecLike {
        return Err(bad_roots("the empty string or vector root has the wrong tag"));
    }
    let fixup_words: Vec<u64> = words(section(bytes, &sections, SectionKind::Fixups)).collect();
    let mut fixups = Vec::with_capacity(fixup_words.len());
    let mut counts = Vec::new();
    if level == Level::Trusted {
        // Bounds only: what lies at these places is trusted.
        let in_hot = |w: u64, size: u64| w % 8 == 0 && w.checked_add(size).is_some_and(|e| e <= hot_len as u64);
        for w in [empty_string, empty_vector] {
            if !in_hot((w & !TAG_MASK).wrapping_sub(header.preferred_base), 32) {
                return Err(bad_roots("a root lies outside the hot image"));
            }
        }
        for &w in &fixup_words {
            if !in_hot(w, 128) {
                return Err(Error::new(ErrorKind::Fixup, format!("value fixup at {w} lies outside the hot image")));
            }
            fixups.push(w as usize);
        }
    } else {
        let starts = section(bytes, &sections, SectionKind::ObjectStarts);
        let objects = ObjectMap::build(starts, image.len(), hot_len, cold_base)?;
        let mut check = Checker {
            image,
            hot_len,
            base: header.preferred_base,
            objects: &objects,
            relocs,
            symbols: &template.syms,
            seen_relocs: 0,
            claimed: Vec::new(),
        };
        if level == Level::Full {
            check.objects()?;
            let total: usize = words(relocs).map(|w| w.count_ones() as usize).sum();
            if total != check.seen_relocs {
                return Err(Error::new(
                    ErrorKind::Relocation,
                    format!("relocation bitmap marks {total} words, the objects hold {} addresses", check.seen_relocs),
                ));
            }
            for (i, w) in words(obarray).enumerate() {
                // Only a value cell may be void (the unbound marker).
                if i % 3 != 0 && Value::from_bits(w) == Value::UNBOUND {
                    return Err(Error::new(ErrorKind::Symbols, format!("symbol {} has an unbound function or plist", i / 3)));
                }
                check.value(w, None, "obarray")?;
            }
        }
        check.target(empty_string, ObjKind::String, "roots").map_err(|e| bad_roots(&e.message))?;
        check.target(empty_vector, ObjKind::Vector, "roots").map_err(|e| bad_roots(&e.message))?;
        for &w in &fixup_words {
            let off = usize::try_from(w).unwrap_or(usize::MAX);
            if objects.kind_at(off) != Some(ObjKind::HashTable) {
                return Err(Error::new(ErrorKind::Fixup, format!("value fixup at {w} does not name a hash table")));
            }
            fixups.push(off);
        }
        counts = objects.counts();
    }
    Ok(Validated {
        template,
        header,
        image_offset: image_sec.offset as usize,
        image_len: image.len(),
        sections,
        hot_len,
        relocs: relocs.to_vec(),
        fixups,
        empty_string,
        empty_vector,
        counts,
    })
}

/// The symbol table with the obarray's image words (not yet relocated) in
/// its cells: every symbol loaded from a dump is immortal unless free.
fn symbol_table(symbols: Vec<(SymFlags, String)>, obarray: &[u8]) -> SymbolTable {
    let mut ob = words(obarray);
    let slots = symbols
        .into_iter()
        .map(|(flags, name)| {
            let mut cell = || Value::from_bits(ob.next().unwrap());
            let (value, function, plist) = (cell(), cell(), cell());
            let flags = if flags.contains(SymFlags::FREE) { flags } else { flags | SymFlags::IMMORTAL };
            Symbol { name: name.into(), value, function, plist, flags }
        })
        .collect();
    SymbolTable::from_slots(slots)
}

fn decode_symbols(b: &[u8], n: usize) -> Result<Vec<(SymFlags, String)>, Error> {
    let bad = |m: String| Error::new(ErrorKind::Symbols, m);
    let mut out = Vec::with_capacity(n.min(b.len() / 8));
    let mut at = 0;
    for i in 0..n {
        if at + 8 > b.len() {
            return Err(bad(format!("symbol table ends inside symbol {i}")));
        }
        let flags = SymFlags::from_bits(u32_at(b, at)).ok_or_else(|| bad(format!("symbol {i} has unknown flags")))?;
        let len = u32_at(b, at + 4) as usize;
        let end = at + 8 + len;
        if end > b.len() {
            return Err(bad(format!("name of symbol {i} runs past the symbol table")));
        }
        let name = std::str::from_utf8(&b[at + 8..end]).map_err(|_| bad(format!("name of symbol {i} is not UTF-8")))?;
        out.push((flags, name.to_string()));
        at = align_up(end, 8);
    }
    if at != b.len() {
        return Err(bad("symbol table has trailing bytes".into()));
    }
    if n < 2 || out[0].1 != "nil" || out[1].1 != "t" {
        return Err(bad("symbol table does not start with nil and t".into()));
    }
    Ok(out)
}

/// The object starts, indexed by word for O(1) lookups.
struct ObjectMap {
    /// Kind of the object starting at each word of the image (0 = none).
    kinds: Vec<u8>,
    /// Extent (bytes to the next start or region end) by word.
    starts: Vec<(usize, ObjKind, usize)>,
    /// Number of objects of each kind, indexed by `ObjKind as usize`.
    per_kind: [usize; 9],
}

impl ObjectMap {
    fn build(b: &[u8], image_len: usize, hot_len: usize, cold_base: usize) -> Result<ObjectMap, Error> {
        let bad = |m: String| Error::new(ErrorKind::ObjectStarts, m);
        let entry = |i: usize| u64_at(b, i * 8);
        let n = b.len() / 8;
        let mut kinds = vec![0u8; image_len / 8];
        let mut starts = Vec::with_capacity(n);
        let mut prev_end = 0usize;
        let mut per_kind = [0usize; 9];
        for i in 0..n {
            let e = entry(i);
            let off = usize::try_from(e >> 8).map_err(|_| bad(format!("object {i} offset out of range")))?;
            let kind = ObjKind::from_u8((e & 0xff) as u8).ok_or_else(|| bad(format!("object {i} has unknown kind")))?;
            let in_hot = off < hot_len;
            let region_end = if in_hot { hot_len } else { image_len };
            if off % 8 != 0 || off < prev_end || off >= region_end || (!in_hot && off < cold_base) {
                return Err(bad(format!("object {i} ({} at {off}) is misplaced", kind.name())));
            }
            let next = (i + 1 < n).then(|| (entry(i + 1) >> 8) as usize).filter(|&n| n < region_end && n > off);
            let extent = next.unwrap_or(region_end) - off;
            let cold_ok = matches!(kind, ObjKind::Float | ObjKind::Bytes);
            if !in_hot && !cold_ok {
                return Err(bad(format!("{} object at {off} lies in the cold image", kind.name())));
            }
            if let Some(size) = kind.cell_size()
                && extent < size
            {
                return Err(bad(format!("{} object at {off} is cut short", kind.name())));
            }
            prev_end = off + kind.cell_size().unwrap_or(8).min(extent);
            kinds[off / 8] = kind as u8;
            per_kind[kind as usize] += 1;
            starts.push((off, kind, extent));
        }
        Ok(ObjectMap { kinds, starts, per_kind })
    }

    #[inline]
    fn kind_at(&self, off: usize) -> Option<ObjKind> {
        if off % 8 != 0 {
            return None;
        }
        self.kinds.get(off / 8).and_then(|&k| ObjKind::from_u8(k))
    }

    /// True if `bytes` bytes from the object at `off` stay inside its
    /// region and overlap no other object (a linear scan of the start map,
    /// so checking every payload costs one pass over the image in total).
    fn fits(&self, off: usize, bytes: usize, hot_len: usize) -> bool {
        let region_end = if off < hot_len { hot_len } else { self.kinds.len() * 8 };
        let Some(end) = off.checked_add(bytes).filter(|&e| e <= region_end) else { return false };
        let (first, last) = (off / 8 + 1, end.div_ceil(8));
        first >= last || self.kinds[first..last].iter().all(|&k| k == 0)
    }

    fn counts(&self) -> Vec<(ObjKind, usize)> {
        ALL_OBJ_KINDS.iter().map(|&k| (k, self.per_kind[k as usize])).filter(|&(_, n)| n > 0).collect()
    }
}

/// Field-by-field checks of the image before any of it is trusted.
struct Checker<'a> {
    image: &'a [u8],
    hot_len: usize,
    base: u64,
    objects: &'a ObjectMap,
    relocs: &'a [u8],
    symbols: &'a [Symbol],
    seen_relocs: usize,
    /// Payloads already owned by an object, by word of the image.
    claimed: Vec<bool>,
}

impl Checker<'_> {
    fn bad(&self, m: String) -> Error {
        Error::new(ErrorKind::Object, m)
    }

    fn word(&self, off: usize) -> u64 {
        u64_at(self.image, off)
    }

    #[inline]
    fn reloc_bit(&self, off: usize) -> bool {
        let w = off / 8;
        off < self.hot_len && self.relocs[w / 8] & (1 << (w % 8)) != 0
    }

    /// Checks that address word `w` targets an object of `kind`; returns its offset.
    #[inline]
    fn target(&self, w: u64, kind: ObjKind, what: &str) -> Result<usize, Error> {
        let off = (w & !TAG_MASK).wrapping_sub(self.base);
        let off = usize::try_from(off).unwrap_or(usize::MAX);
        match self.objects.kind_at(off) {
            Some(k) if k == kind => Ok(off),
            _ => Err(Error::new(
                ErrorKind::Relocation,
                format!("{what}: address {w:#x} does not point at a {} object", kind.name()),
            )),
        }
    }

    /// Checks the relocation bit of the word at `at` (None: not in the image).
    #[inline]
    fn expect_reloc(&mut self, at: Option<usize>, is_address: bool) -> Result<(), Error> {
        let Some(at) = at else { return Ok(()) };
        if self.reloc_bit(at) != is_address {
            return Err(Error::new(
                ErrorKind::Relocation,
                format!("relocation bitmap is wrong for the word at image offset {at}"),
            ));
        }
        if is_address {
            self.seen_relocs += 1;
        }
        Ok(())
    }

    /// Checks one `Value` word stored at image offset `at`.
    #[inline]
    fn value(&mut self, w: u64, at: Option<usize>, what: &str) -> Result<(), Error> {
        // Fast path: a fixnum in an unrelocated word.
        if w & 3 == 0 && at.is_none_or(|a| !self.reloc_bit(a)) {
            return Ok(());
        }
        let v = Value::from_bits(w);
        let kind = match v.tag() {
            Tag::Fixnum => None,
            Tag::Symbol => {
                let i = v.as_symbol().unwrap() as usize;
                if self.symbols.get(i).is_none_or(|s| s.flags.contains(SymFlags::FREE)) {
                    return Err(Error::new(ErrorKind::Symbols, format!("{what}: reference to missing symbol {i}")));
                }
                None
            }
            Tag::Immediate => {
                // A subr id must be in the table, and canonical (`as_subr`
                // drops bits above 32: `eq` would see two encodings).
                let ok = v.is_unbound()
                    || v.as_subr().is_some_and(|id| (id as usize) < crate::interp::subr::SUBRS.len() && Value::subr(id) == v);
                if !ok {
                    return Err(self.bad(format!("{what}: unknown immediate {w:#x}")));
                }
                None
            }
            Tag::Cons => Some(ObjKind::Cons),
            Tag::String => Some(ObjKind::String),
            Tag::Float => Some(ObjKind::Float),
            Tag::VecLike => {
                let off = usize::try_from((w & !TAG_MASK).wrapping_sub(self.base)).unwrap_or(usize::MAX);
                match self.objects.kind_at(off) {
                    Some(k @ (ObjKind::Vector | ObjKind::Bignum | ObjKind::HashTable)) => Some(k),
                    _ => Some(ObjKind::Vector), // reported by `target` below
                }
            }
        };
        self.expect_reloc(at, kind.is_some())?;
        if let Some(k) = kind {
            self.target(w, k, what)?;
        }
        Ok(())
    }

    /// Checks a raw payload pointer at `at` needing `bytes` of a `kind` payload.
    fn payload(&mut self, at: usize, kind: ObjKind, bytes: usize) -> Result<usize, Error> {
        let w = self.word(at);
        if w == 0 {
            self.expect_reloc(Some(at), false)?;
            return if bytes == 0 { Ok(0) } else { Err(self.bad(format!("missing payload at image offset {at}"))) };
        }
        self.expect_reloc(Some(at), true)?;
        // A raw pointer has no tag bits (`target` ignores them).
        if w & TAG_MASK != 0 {
            return Err(Error::new(ErrorKind::Relocation, format!("payload pointer {w:#x} is misaligned")));
        }
        let off = self.target(w, kind, "payload pointer")?;
        if !self.objects.fits(off, bytes, self.hot_len) {
            return Err(self.bad(format!("payload at {off} is smaller than its owner says")));
        }
        // Each payload has one owner: a string rewritten in place (or a
        // table's arrays) must not change another object's bytes behind
        // its back (lengths, character count, UTF-8 validity).
        if self.claimed.is_empty() {
            self.claimed = vec![false; self.image.len() / 8];
        }
        if std::mem::replace(&mut self.claimed[off / 8], true) {
            return Err(self.bad(format!("payload at {off} is shared by two objects")));
        }
        Ok(off)
    }

    /// The unbound marker must never reach Lisp: only void value cells
    /// and empty hash-table slots hold it.
    fn not_unbound(&self, mut at: impl Iterator<Item = usize>, what: &str) -> Result<(), Error> {
        match at.find(|&a| Value::from_bits(self.word(a)) == Value::UNBOUND) {
            Some(a) => Err(self.bad(format!("{what} word at image offset {a} is the unbound marker"))),
            None => Ok(()),
        }
    }

    fn plain(&mut self, at: usize) -> Result<u64, Error> {
        self.expect_reloc(Some(at), false)?;
        Ok(self.word(at))
    }

    fn objects(&mut self) -> Result<(), Error> {
        for n in 0..self.objects.starts.len() {
            let (off, kind, extent) = self.objects.starts[n];
            match kind {
                ObjKind::Cons => {
                    self.value(self.word(off), Some(off), "cons")?;
                    self.value(self.word(off + 8), Some(off + 8), "cons")?;
                    self.not_unbound([off, off + 8].into_iter(), "cons")?;
                }
                ObjKind::Float | ObjKind::Bytes => {}
                ObjKind::Values => {
                    for at in (off..off + extent).step_by(8) {
                        self.value(self.word(at), Some(at), "payload")?;
                    }
                }
                ObjKind::String => {
                    let len = self.plain(off + 8)? as usize;
                    let cap = self.plain(off + 16)? as usize;
                    let nchars = self.plain(off + 24)? as usize;
                    let data = self.payload(off, ObjKind::Bytes, len)?;
                    let text = std::str::from_utf8(&self.image[data..data + len])
                        .map_err(|_| self.bad(format!("string at {off} is not UTF-8")))?;
                    if cap != len || text.chars().count() != nchars {
                        return Err(self.bad(format!("string at {off} has inconsistent lengths")));
                    }
                }
                ObjKind::Vector => {
                    let len = self.plain(off + 8)? as usize;
                    if self.plain(off)? != crate::gc::VecKind::Vector as u64 || self.plain(off + 24)? != 0 {
                        return Err(self.bad(format!("vector at {off} has a bad header")));
                    }
                    let bytes = len.checked_mul(8).ok_or_else(|| self.bad(format!("vector at {off} too long")))?;
                    let data = self.payload(off + 16, ObjKind::Values, bytes)?;
                    self.not_unbound((0..len).map(|i| data + 8 * i), "vector")?;
                }
                ObjKind::Bignum => {
                    let len = self.plain(off + 8)? as usize;
                    let neg = self.plain(off + 24)?;
                    if self.plain(off)? != crate::gc::VecKind::Bignum as u64 || neg > 1 || len == 0 {
                        return Err(self.bad(format!("bignum at {off} has a bad header")));
                    }
                    let bytes = len.checked_mul(8).ok_or_else(|| self.bad(format!("bignum at {off} too long")))?;
                    self.payload(off + 16, ObjKind::Bytes, bytes)?;
                }
                ObjKind::HashTable => self.hash_table(off)?,
            }
        }
        Ok(())
    }

    fn hash_table(&mut self, off: usize) -> Result<(), Error> {
        let bad = |c: &Self, m: &str| c.bad(format!("hash table at {off}: {m}"));
        let header = self.plain(off)?;
        let test = self.plain(off + 8)?;
        let count = self.plain(off + 16)? as usize;
        let size = self.plain(off + 24)? as usize;
        let index_size = self.plain(off + 64)? as usize;
        let next_free = self.plain(off + 72)? as i64;
        let stale = self.plain(off + HASH_STALE_OFFSET)?;
        for k in 0..5 {
            if self.plain(off + 88 + 8 * k)? != 0 {
                return Err(bad(self, "reserved words are not zero"));
            }
        }
        if header != crate::gc::VecKind::HashTable as u64 || test > 2 || stale > 1 {
            return Err(bad(self, "bad header"));
        }
        if size == 0 || size > (1 << 40) || !index_size.is_power_of_two() || index_size > (1 << 41) || count > size {
            return Err(bad(self, "bad sizes"));
        }
        let kv = self.payload(off + 32, ObjKind::Values, size * 16)?;
        let hash = self.payload(off + 40, ObjKind::Bytes, size * 8)?;
        let next = self.payload(off + 48, ObjKind::Bytes, size * 8)?;
        let index = self.payload(off + 56, ObjKind::Bytes, index_size * 8)?;
        let _ = hash;
        let occupied = |c: &Self, i: usize| Value::from_bits(c.word(kv + 16 * i)) != Value::UNBOUND;
        let link = |c: &Self, arr: usize, i: usize| c.word(arr + 8 * i) as i64;
        if (0..size).filter(|&i| occupied(self, i)).count() != count {
            return Err(bad(self, "count does not match its entries"));
        }
        if (0..size).any(|i| occupied(self, i) && Value::from_bits(self.word(kv + 16 * i + 8)) == Value::UNBOUND) {
            return Err(bad(self, "an entry's value is the unbound marker"));
        }
        // Every chain must stay in range and end: the free list visits only
        // empty slots, the buckets only occupied ones, each slot once.
        let mut seen = vec![false; size];
        let walk = |c: &Self, mut i: i64, want_occupied: bool, seen: &mut Vec<bool>| -> Result<(), Error> {
            while i >= 0 {
                let u = i as usize;
                if u >= size || seen[u] || occupied(c, u) != want_occupied {
                    return Err(bad(c, "corrupt slot chain"));
                }
                seen[u] = true;
                i = link(c, next, u);
            }
            if i != -1 { Err(bad(c, "corrupt slot chain")) } else { Ok(()) }
        };
        walk(self, next_free, false, &mut seen)?;
        if stale == 0 {
            for b in 0..index_size {
                walk(self, link(self, index, b), true, &mut seen)?;
            }
        }
        Ok(())
    }
}


/// Applies `delta` to every word whose relocation bit is set (one
/// sequential pass over the bitmap and the hot image).
fn relocate(image: &mut [u8], relocs: &[u8], delta: u64) {
    if delta == 0 {
        return;
    }
    for (wi, chunk) in relocs.chunks_exact(8).enumerate() {
        let mut bits = u64::from_le_bytes(chunk.try_into().unwrap());
        while bits != 0 {
            let word = wi * 64 + bits.trailing_zeros() as usize;
            bits &= bits - 1;
            let at = word * 8;
            let w = u64::from_le_bytes(image[at..at + 8].try_into().unwrap());
            image[at..at + 8].copy_from_slice(&w.wrapping_add(delta).to_le_bytes());
        }
    }
}

/// Relocates the image in place (mapped or copied) for its actual address.
fn relocate_image(v: &Validated, image: &mut [u8]) -> u64 {
    let delta = (image.as_ptr() as u64).wrapping_sub(v.header.preferred_base);
    relocate(image, &v.relocs, delta);
    if delta != 0 {
        // Buckets of tables keyed by address are rebuilt on first use.
        for &off in &v.fixups {
            image[off + HASH_STALE_OFFSET..off + HASH_STALE_OFFSET + 8].copy_from_slice(&1u64.to_le_bytes());
        }
    }
    delta
}

/// Builds the interpreter around a relocated image at `base`; `owner`
/// keeps the image memory alive as long as the heap.
fn build_interp(
    v: &Validated,
    base: usize,
    delta: u64,
    owner: Box<dyn std::any::Any + Send>,
    name: &str,
    verified: &'static str,
    start: Instant,
) -> Interp {
    let moved = |w: u64| {
        let val = Value::from_bits(w);
        if val.is_pointer() { Value::from_bits(w.wrapping_add(delta)) } else { val }
    };
    let mut table = v.template.clone();
    if delta != 0 {
        for s in &mut table.syms {
            s.value = moved(s.value.bits());
            s.function = moved(s.function.bits());
            s.plist = moved(s.plist.bits());
        }
    }
    let mut heap = Heap::with_symbols(table);
    heap.add_mapping(base..base + v.image_len, owner);
    let mut interp = Interp::from_heap(heap, moved(v.empty_string), moved(v.empty_vector));
    interp.dump_stats = Some(DumpStats {
        load_seconds: start.elapsed().as_secs_f64(),
        file_name: name.to_string(),
        relocated: delta != 0,
        address: base,
        image_len: v.image_len,
        verified,
    });
    interp
}

pub fn load_file(path: &Path, opts: LoadOptions) -> Result<Interp, Error> {
    load_file_at_level(path, opts, Level::Full)
}

pub(super) fn load_file_at_level(path: &Path, opts: LoadOptions, level: Level) -> Result<Interp, Error> {
    let start = Instant::now();
    let file = std::fs::File::open(path).map_err(|e| Error::io("cannot open", path, e))?;
    // Looked at before any byte is read: a change made later cannot match.
    let seen = record::Observation::of(&file).ok();
    let len = file.metadata().map_err(|e| Error::io("cannot stat", path, e))?.len();
    if len < HEADER_SIZE as u64 {
        let mut b = Vec::new();
        use std::io::Read;
        let _ = (&file).take(HEADER_SIZE as u64).read_to_end(&mut b);
        Header::decode(&b)?;
        return Err(Error::new(ErrorKind::Truncated, format!("file is {len} bytes, shorter than a dump header")));
    }
    // Map where the image was laid out for (no relocation, clean shared
    // pages) unless told not to; fall back to anywhere plus relocation.
    let forced = std::env::var("MINILISP_DUMP_RELOCATE").is_ok_and(|v| v == "1");
    let preferred = (PREFERRED_BASE as usize).checked_sub(HEADER_SIZE).filter(|_| !forced);
    let len = usize::try_from(len).map_err(|_| Error::new(ErrorKind::Header, "file too large to map"))?;
    let mut map = FileMap::open(&file, len, preferred).map_err(|e| Error::io("cannot map", path, e))?;
    let (v, verified) = validate_file(map.bytes(), &opts, level, seen)?;
    let image = &mut map.bytes_mut()[v.image_offset..v.image_offset + v.image_len];
    let base = image.as_ptr() as usize;
    let delta = relocate_image(&v, image);
    let name = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    Ok(build_interp(&v, base, delta, Box::new(map), &name.to_string_lossy(), verified, start))
}

/// `validate` for a file seen as `seen`; a full check of a file that a
/// record shows unchanged since this build verified it checks metadata
/// only. Also says which happened: "full", "record" or "trusted".
fn validate_file(
    bytes: &[u8],
    opts: &LoadOptions,
    level: Level,
    seen: Option<record::Observation>,
) -> Result<(Validated, &'static str), Error> {
    if level != Level::Full {
        return Ok((validate(bytes, opts, level)?, "trusted"));
    }
    let recorded = seen.zip(record::header_checksum(bytes));
    if opts.verify == Verify::Once
        && let Some((seen, sum)) = recorded
        && seen.is_verified(&FINGERPRINT, sum)
    {
        return Ok((validate(bytes, opts, Level::Trusted)?, "record"));
    }
    let v = validate(bytes, opts, Level::Full)?;
    if let Some((seen, sum)) = recorded {
        seen.remember(&FINGERPRINT, sum);
    }
    Ok((v, "full"))
}

/// Starts an interpreter from validated dump bytes held in memory: the
/// image is copied into a private buffer, so every instance is independent.
pub(super) fn instantiate(bytes: &[u8], v: &Validated, name: &str) -> Interp {
    let start = Instant::now();
    let src = &bytes[v.image_offset..v.image_offset + v.image_len];
    let mut buf = vec![0u64; v.image_len / 8];
    let image = words_as_bytes_mut(&mut buf);
    image.copy_from_slice(src);
    let base = image.as_ptr() as usize;
    let delta = relocate_image(v, image);
    build_interp(v, base, delta, Box::new(buf), name, "snapshot", start)
}

fn words_as_bytes_mut(w: &mut [u64]) -> &mut [u8] {
    // SAFETY: any initialised u64 memory is valid as bytes, u8 has no
    // alignment requirement, and the length covers exactly the same memory.
    unsafe { std::slice::from_raw_parts_mut(w.as_mut_ptr() as *mut u8, w.len() * 8) }
}

/// The text of `minilisp --dump-info FILE`: header, sections and object
/// counts by kind.
pub fn info(path: &Path) -> Result<String, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io("cannot read", path, e))?;
    let v = validate(&bytes, &LoadOptions::default(), Level::Full)?;
    let mut out = String::new();
    use std::fmt::Write;
    let h = &v.header;
    let _ = writeln!(out, "format version   {}", h.version);
    let _ = writeln!(out, "fingerprint      {}", hex(&h.fingerprint));
    let _ = writeln!(out, "file length      {}", h.file_len);
    let _ = writeln!(out, "preferred base   {:#x}", h.preferred_base);
    let _ = writeln!(out, "symbols          {}", v.template.syms.len());
    let _ = writeln!(out, "hot image        {} bytes", v.hot_len);
    let _ = writeln!(out, "sections:");
    let mut sections = v.sections.clone();
    sections.sort_by_key(|s| s.offset);
    for s in &sections {
        let _ = writeln!(out, "  {:<14} offset {:>10}  size {:>10}  xxh3 {:016x}", s.kind.name(), s.offset, s.len, s.checksum);
    }
    let _ = writeln!(out, "objects:");
    for (k, n) in &v.counts {
        let _ = writeln!(out, "  {:<14} {n}", k.name());
    }
    Ok(out)
}

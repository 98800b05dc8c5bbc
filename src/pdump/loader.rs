//! Loading a dump: validate everything, map the heap image privately (or
//! copy it, for snapshots), relocate it in one pass over the bitmap,
//! rebuild the symbol table, and hand the image to the heap as a mapped
//! range whose objects are used in place.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use super::error::{Error, ErrorKind};
use super::fingerprint::{FINGERPRINT, hex};
use super::format::*;
use super::mapping::{CloneMap, FileMap, SharedCold};
use super::record;
use crate::interp::Interp;
use crate::gc::symbol::{SymFlags, Symbol, SymbolTable};
use crate::gc::block::BLOCK_KINDS;
use crate::gc::heap::CellRuns;
use crate::gc::value::{TAG_MASK, TAG_STRING, TAG_VECLIKE};
use crate::gc::{Heap, Value};
use crate::interp::DumpStats;

/// How to load a dump.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// When to check the whole dump (default: once per unchanged file).
    pub verify: Verify,
    /// The host functions the dump may refer to: each one it recorded must
    /// be here by name, with the same arity (else the load fails with
    /// [`ErrorKind::MissingHostFunctions`]); the others are installed too.
    pub host: crate::HostFunctions,
}

impl LoadOptions {
    /// The default options with host functions `host`.
    ///
    /// ```
    /// use minilisp::{HostFunctions, Lisp, pdump::{ErrorKind, LoadOptions}};
    /// let mut host = HostFunctions::new();
    /// host.register("host-version", |_, ()| "1.0");
    /// let path = std::env::temp_dir().join("minilisp-doc-host.pdmp");
    /// let mut lisp = Lisp::new()?;
    /// lisp.install(&host);
    /// lisp.dump(&path)?;
    /// let mut again = Lisp::load_dump(&path, &LoadOptions::host(&host))?;
    /// assert_eq!(again.eval_to::<String>("(host-version)")?, "1.0");
    /// let err = Lisp::load_dump(&path, &LoadOptions::default()).err().unwrap();
    /// assert_eq!(err.kind, ErrorKind::MissingHostFunctions);
    /// assert_eq!(err.missing, ["host-version (0 arguments)"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn host(host: &crate::HostFunctions) -> LoadOptions {
        LoadOptions { host: host.clone(), ..LoadOptions::default() }
    }
}

/// When `load_file` verifies a whole dump.
///
/// ```
/// use minilisp::pdump::{self, LoadOptions, Verify};
/// let path = std::env::temp_dir().join("minilisp-doc-verify.pdmp");
/// minilisp::Lisp::new()?.dump(&path)?;
/// let opts = LoadOptions { verify: Verify::Always, ..LoadOptions::default() };
/// let lisp = pdump::load_file(&path, opts)?;
/// assert_eq!(lisp.dump_stats().unwrap().verified, "full");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum Verify {
    /// Fully the first time; after that, while a verification record shows
    /// the file unchanged since, its metadata only (see `record`).
    #[default]
    Once,
    /// Fully on every load (the record is refreshed).
    Always,
}

/// What validation learnt about the file, for loading and `--dump-info`.
pub(super) struct Validated {
    pub header: Header,
    pub sections: Vec<Section>,
    pub image_offset: usize,
    pub layout: Layout,
    /// The symbol table with image words (not yet relocated) in its cells;
    /// each load clones it (cheaply: names and the map are shared).
    pub template: SymbolTable,
    /// Where the relocation bitmap lies in the file (after the image).
    pub relocs: std::ops::Range<usize>,
    pub fixups: Vec<usize>,
    pub empty_string: u64,
    pub empty_vector: u64,
    /// The host functions the image refers to, by immediate index.
    pub host_fns: Vec<HostSig>,
}

/// Where the section of `kind` lies in the file.
fn section_range(sections: &[Section], kind: SectionKind) -> std::ops::Range<usize> {
    let s = sections.iter().find(|s| s.kind == kind).expect("validated section table");
    s.offset as usize..(s.offset + s.len) as usize
}

fn section<'b>(bytes: &'b [u8], sections: &[Section], kind: SectionKind) -> &'b [u8] {
    &bytes[section_range(sections, kind)]
}

fn words(b: &[u8]) -> impl Iterator<Item = u64> + '_ {
    b.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().unwrap()))
}

/// How much of a file `validate` examines.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) enum Level {
    /// Everything: metadata, checksums, every object and relocation.
    Full,
    /// Metadata only: no image checksum, no per-object work, so the cost
    /// does not grow with the dump (a record, `load_file_trusted`, or bytes
    /// this process's writer just made).
    Trusted,
}

/// Checks the file to the given `level`.
pub(super) fn validate(bytes: &[u8], level: Level) -> Result<Validated, Error> {
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
        // The full check sums the image in parallel with its other work.
        if s.kind == SectionKind::HeapImage {
            continue;
        }
        let data = &bytes[s.offset as usize..(s.offset + s.len) as usize];
        if checksum(data) != s.checksum {
            return Err(Error::new(ErrorKind::Checksum, format!("{} section checksum mismatch", s.kind.name())));
        }
    }
    let image_sec = sections.iter().find(|s| s.kind == SectionKind::HeapImage).unwrap();
    let image = section(bytes, &sections, SectionKind::HeapImage);
    let layout = Layout::decode(section(bytes, &sections, SectionKind::Layout), image.len())?;

    // Roots: empty string, empty vector, symbol count.
    let roots_bytes = section(bytes, &sections, SectionKind::Roots);
    let bad_roots = |m: &str| Error::new(ErrorKind::Roots, m.to_string());
    if roots_bytes.len() != 24 {
        return Err(bad_roots("roots section has the wrong size"));
    }
    let roots: Vec<u64> = words(roots_bytes).collect();
    let (empty_string, empty_vector) = (roots[0], roots[1]);
    let nsyms = usize::try_from(roots[2]).map_err(|_| bad_roots("symbol count out of range"))?;

    let symbols = decode_symbols(section(bytes, &sections, SectionKind::SymbolTable), nsyms)?;
    let obarray = section(bytes, &sections, SectionKind::Obarray);
    if obarray.len() != nsyms.saturating_mul(24) {
        return Err(Error::new(ErrorKind::Symbols, "obarray size does not match the symbol table"));
    }
    let template = symbol_table(symbols, obarray);

    let relocs = section(bytes, &sections, SectionKind::Relocations);
    if relocs.len() != layout.hot_len.div_ceil(8).div_ceil(64) * 8 {
        return Err(Error::new(ErrorKind::Relocation, "relocation bitmap size does not match the hot image"));
    }
    // Only the full check looks at symbol references.
    let live = if level == Level::Full { super::verify::live_symbols(&template.syms) } else { Vec::new() };
    if header.preferred_base.checked_add(layout.image_len as u64).is_none() {
        return Err(Error::new(ErrorKind::Header, "the image does not fit at its preferred base"));
    }
    let host_fns = HostSig::decode_all(section(bytes, &sections, SectionKind::HostFunctions))?;
    let check = super::verify::Image::new(image, &layout, relocs, header.preferred_base, &live, host_fns.len());
    if level == Level::Full {
        check.check(image_sec.checksum)?;
        for (i, w) in words(obarray).enumerate() {
            // Only a value cell may be void (the unbound marker).
            if i % 3 != 0 && Value::from_bits(w) == Value::UNBOUND {
                return Err(Error::new(ErrorKind::Symbols, format!("symbol {i} has an unbound function or plist", i = i / 3)));
            }
            check.value(w, Value::from_bits(w).is_pointer(), "obarray", i)?;
        }
    }
    // Cheap at every level: where the roots and fixups point.
    let string_cell = check.target(empty_string) == Some(Run::Strings) && empty_string & TAG_MASK == TAG_STRING;
    let vector_cell = check.target(empty_vector) == Some(Run::Vec32) && empty_vector & TAG_MASK == TAG_VECLIKE;
    let vector_off = (empty_vector & !TAG_MASK).wrapping_sub(header.preferred_base) as usize;
    if !string_cell || !vector_cell || u64_at(image, vector_off) != crate::gc::VecKind::Vector as u64 {
        return Err(bad_roots("the empty string or vector root does not point at a string or vector"));
    }
    let tables = layout.range(Run::HashTables);
    let mut fixups = Vec::new();
    for w in words(section(bytes, &sections, SectionKind::Fixups)) {
        let off = usize::try_from(w).unwrap_or(usize::MAX);
        let sorted = fixups.last().is_none_or(|&last| off > last);
        if !tables.contains(&off) || (off - tables.start) % 128 != 0 || !sorted {
            return Err(Error::new(ErrorKind::Fixup, format!("value fixup at {w} does not name a hash table (in order)")));
        }
        fixups.push(off);
    }
    Ok(Validated {
        relocs: section_range(&sections, SectionKind::Relocations),
        template,
        header,
        image_offset: image_sec.offset as usize,
        layout,
        sections,
        fixups,
        empty_string,
        empty_vector,
        host_fns,
    })
}

/// The embedder's functions for the dump's host table, in the dump's
/// order, followed by those the dump does not name; or an error naming
/// every recorded function `host` lacks or registered with another arity.
pub(crate) fn resolve_host_fns(meta: &Validated, host: &crate::HostFunctions) -> Result<crate::HostFunctions, Error> {
    let mut fns = Vec::with_capacity(host.fns.len().max(meta.host_fns.len()));
    let mut missing = Vec::new();
    for sig in &meta.host_fns {
        match host.get(&sig.name) {
            Some(f) if f.signature() == (sig.name.as_str(), sig.min, sig.max) => fns.push(std::sync::Arc::clone(f)),
            Some(f) => {
                let (_, min, max) = f.signature();
                let have = HostSig { name: sig.name.clone(), min, max }.describe();
                missing.push(format!("{} (registered as {have})", sig.describe()));
            }
            None => missing.push(sig.describe()),
        }
    }
    if !missing.is_empty() {
        let mut e = Error::new(
            ErrorKind::MissingHostFunctions,
            format!("dump needs host functions that are not registered: {}", missing.join(", ")),
        );
        e.missing = missing;
        return Err(e);
    }
    for f in &host.fns {
        if !meta.host_fns.iter().any(|s| s.name == f.name) {
            fns.push(std::sync::Arc::clone(f));
        }
    }
    Ok(crate::HostFunctions { fns })
}

/// The symbol table with the obarray's image words (not yet relocated) in
/// its cells: every symbol loaded from a dump is immortal unless free.
fn symbol_table(symbols: Vec<(SymFlags, String)>, obarray: &[u8]) -> SymbolTable {
    let mut ob = words(obarray);
    let mut names = Vec::with_capacity(symbols.len());
    let slots = symbols
        .into_iter()
        .map(|(flags, name)| {
            let mut cell = || Value::from_bits(ob.next().unwrap());
            let (value, function, plist) = (cell(), cell(), cell());
            let flags = if flags.contains(SymFlags::FREE) { flags } else { flags | SymFlags::IMMORTAL };
            names.push(name.into());
            Symbol { value, function, plist, flags }
        })
        .collect();
    SymbolTable::from_slots(slots, names)
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

/// Adds `delta` to every word of the hot image in `dst` whose relocation
/// bit is set, first copying each 512-byte block from `src` when given (a
/// clone's copy and relocation are then one pass, each block relocated
/// while it is in cache). One sequential pass over the bitmap, split
/// between two threads for a big image.
fn relocate_into(dst: &mut [u8], src: Option<&[u8]>, relocs: &[u8], delta: u64) {
    // One bitmap byte covers 64 image bytes; halves end on a whole block.
    let half = (relocs.len() / 2) & !7;
    let len = src.map_or(dst.len(), <[u8]>::len);
    if relocs.len() * 64 < PARALLEL_RELOCATION || half * 64 >= len {
        return relocate_blocks(dst, src, relocs, delta);
    }
    let (dst_low, dst_high) = dst.split_at_mut(half * 64);
    let (src_low, src_high) = match src.map(|s| s.split_at(half * 64)) {
        Some((l, h)) => (Some(l), Some(h)),
        None => (None, None),
    };
    let (low_bits, high_bits) = relocs.split_at(half);
    std::thread::scope(|s| {
        s.spawn(|| relocate_blocks(dst_low, src_low, low_bits, delta));
        relocate_blocks(dst_high, src_high, high_bits, delta);
    });
}

/// Below this many bytes of hot image a second thread costs more than it saves.
const PARALLEL_RELOCATION: usize = 1 << 20;

fn relocate_blocks(dst: &mut [u8], src: Option<&[u8]>, relocs: &[u8], delta: u64) {
    for (block, bits) in relocs.chunks_exact(8).enumerate() {
        let lo = block * 512;
        if let Some(src) = src {
            let hi = (lo + 512).min(src.len());
            if lo >= hi {
                break;
            }
            dst[lo..hi].copy_from_slice(&src[lo..hi]);
        }
        let mut bits = u64::from_le_bytes(bits.try_into().unwrap());
        while bits != 0 {
            let at = lo + 8 * bits.trailing_zeros() as usize;
            bits &= bits - 1;
            let w = u64::from_le_bytes(dst[at..at + 8].try_into().unwrap());
            dst[at..at + 8].copy_from_slice(&w.wrapping_add(delta).to_le_bytes());
        }
    }
}

/// Relocates the image inside the whole file's `bytes` in place for its
/// actual address; returns the image's address and the delta.
fn relocate_image(v: &Validated, bytes: &mut [u8]) -> (usize, u64) {
    // The bitmap lies after the image (the section table forbids overlaps).
    let (head, tail) = bytes.split_at_mut(v.relocs.start);
    let relocs = &tail[..v.relocs.len()];
    let image = &mut head[v.image_offset..v.image_offset + v.layout.image_len];
    let delta = (image.as_ptr() as u64).wrapping_sub(v.header.preferred_base);
    if delta != 0 {
        relocate_into(image, None, relocs, delta);
    }
    mark_moved_tables(v, image, delta);
    (image.as_ptr() as usize, delta)
}

/// After a move, the buckets of tables keyed by address are rebuilt on
/// first use.
fn mark_moved_tables(v: &Validated, image: &mut [u8], delta: u64) {
    if delta != 0 {
        for &off in &v.fixups {
            image[off + field::TABLE_STALE..off + field::TABLE_STALE + 8].copy_from_slice(&1u64.to_le_bytes());
        }
    }
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
    let mut cells: CellRuns = Default::default();
    for kind in BLOCK_KINDS {
        let r = v.layout.range(Run::of_cells(kind));
        cells[kind as usize] = base + r.start..base + r.end;
    }
    heap.add_mapping(base..base + v.layout.image_len, cells, owner);
    let mut interp = Interp::from_heap(heap, moved(v.empty_string), moved(v.empty_vector));
    interp.adopt_dump_zero();
    interp.refresh_depth_limit();
    interp.refresh_gc_pacing();
    interp.dump_stats = Some(DumpStats {
        load_seconds: start.elapsed().as_secs_f64(),
        file_name: name.to_string(),
        relocated: delta != 0,
        address: base,
        image_len: v.layout.image_len,
        verified,
    });
    interp
}

/// Gives a loaded interpreter its host table (from `resolve_host_fns`):
/// the dump's `recorded` functions at the indices its immediates name, then
/// the embedder's others, defined now.
pub(crate) fn install_host_fns(interp: &mut Interp, host: crate::HostFunctions, recorded: usize) {
    interp.host_fns = host.fns;
    for i in recorded..interp.host_fns.len() {
        let f = Arc::clone(&interp.host_fns[i]);
        crate::embed::host::install(interp, &f);
    }
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
    // Before any work on the image: a missing host function is the
    // embedder's mistake, reported whole.
    let host = resolve_host_fns(&v, &opts.host)?;
    let (base, delta) = relocate_image(&v, map.bytes_mut());
    let name = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut interp = build_interp(&v, base, delta, Box::new(map), &name.to_string_lossy(), verified, start);
    install_host_fns(&mut interp, host, v.host_fns.len());
    Ok(interp)
}

/// Files this process verified, with their validated metadata: loading
/// the same unchanged file again decodes nothing (a test suite loading one
/// dump per test pays for its metadata once).
static VERIFIED_HERE: parking_lot::Mutex<Vec<(record::FileIdentity, u64, Arc<Validated>)>> =
    parking_lot::Mutex::new(Vec::new());

/// `validate` for a file seen as `seen`; a full check of a file that a
/// record shows unchanged since this build verified it checks metadata
/// only, and a file this process verified is not even decoded again. Also
/// says which happened: "full", "record", "process" or "trusted".
fn validate_file(
    bytes: &[u8],
    opts: &LoadOptions,
    level: Level,
    seen: Option<record::Observation>,
) -> Result<(Arc<Validated>, &'static str), Error> {
    if level != Level::Full {
        return Ok((Arc::new(validate(bytes, level)?), "trusted"));
    }
    let recorded = seen.zip(record::header_checksum(bytes));
    let Some((seen, sum)) = recorded.filter(|_| opts.verify == Verify::Once) else {
        let v = Arc::new(validate(bytes, Level::Full)?);
        if let Some((seen, sum)) = recorded {
            seen.remember(&FINGERPRINT, sum);
            remember_here(&seen, sum, &v);
        }
        return Ok((v, "full"));
    };
    if seen.settled() {
        let known = VERIFIED_HERE.lock().iter().find(|e| e.0 == seen.identity && e.1 == sum).map(|e| e.2.clone());
        if let Some(v) = known {
            return Ok((v, "process"));
        }
    }
    let (v, how) = if seen.is_verified(&FINGERPRINT, sum) {
        (Arc::new(validate(bytes, Level::Trusted)?), "record")
    } else {
        let v = Arc::new(validate(bytes, Level::Full)?);
        seen.remember(&FINGERPRINT, sum);
        (v, "full")
    };
    remember_here(&seen, sum, &v);
    Ok((v, how))
}

/// Keeps `v` for later loads of the same file in this process (only a
/// file whose ctime has settled: a later change must show).
fn remember_here(seen: &record::Observation, sum: u64, v: &Arc<Validated>) {
    if seen.settled() {
        let mut known = VERIFIED_HERE.lock();
        known.retain(|e| e.0.dev != seen.identity.dev || e.0.ino != seen.identity.ino);
        known.push((seen.identity, sum, v.clone()));
    }
}

/// Below this many bytes a clone copies the cold image too: mapping a
/// shared memfd costs more than copying a small one.
const SHARE_COLD_BYTES: usize = 1 << 20;

/// The cold part of the image in `bytes`, to be shared by clones (None if
/// it is small enough to copy).
pub(super) fn shared_cold(bytes: &[u8], v: &Validated) -> Result<Option<SharedCold>, Error> {
    let image = &bytes[v.image_offset..v.image_offset + v.layout.image_len];
    let cold = &image[v.layout.cold_base..];
    if cold.len() < SHARE_COLD_BYTES {
        return Ok(None);
    }
    let shared = SharedCold::new(cold).map_err(|e| Error::new(ErrorKind::Io, format!("cannot share a snapshot: {e}")))?;
    Ok(Some(shared))
}

/// Starts an interpreter from validated dump bytes held in memory: the hot
/// image is copied into fresh memory and relocated in one pass; the cold
/// image is mapped from `cold` (shared with every other clone until
/// written), or copied when small.
pub(super) fn instantiate(bytes: &[u8], v: &Validated, cold: Option<&SharedCold>, name: &str) -> Result<Interp, Error> {
    let start = Instant::now();
    let image = &bytes[v.image_offset..v.image_offset + v.layout.image_len];
    let hot = &image[..v.layout.hot_len];
    let (base, delta, owner): (usize, u64, Box<dyn std::any::Any + Send>) = match cold {
        Some(cold) => {
            let mut map = CloneMap::new(hot.len(), cold, v.layout.cold_base)
                .map_err(|e| Error::new(ErrorKind::Io, format!("cannot map a snapshot clone: {e}")))?;
            let dst = map.bytes_mut();
            let delta = (dst.as_ptr() as u64).wrapping_sub(v.header.preferred_base);
            relocate_into(&mut dst[..hot.len()], Some(hot), &bytes[v.relocs.clone()], delta);
            mark_moved_tables(v, dst, delta);
            (dst.as_ptr() as usize, delta, Box::new(map))
        }
        None => {
            let mut buf = vec![0u64; v.layout.image_len / 8];
            // SAFETY: any initialised u64 memory is valid as bytes, u8 has
            // no alignment requirement, and the length is the same memory.
            let dst = unsafe { std::slice::from_raw_parts_mut(buf.as_mut_ptr() as *mut u8, buf.len() * 8) };
            let delta = (dst.as_ptr() as u64).wrapping_sub(v.header.preferred_base);
            relocate_into(&mut dst[..hot.len()], Some(hot), &bytes[v.relocs.clone()], delta);
            dst[v.layout.cold_base..].copy_from_slice(&image[v.layout.cold_base..]);
            mark_moved_tables(v, dst, delta);
            (dst.as_ptr() as usize, delta, Box::new(buf))
        }
    };
    Ok(build_interp(v, base, delta, owner, name, "snapshot", start))
}

/// The text of `minilisp --dump-info FILE`: header, sections and object
/// counts by kind.
///
/// ```
/// let path = std::env::temp_dir().join("minilisp-doc-info.pdmp");
/// minilisp::Lisp::new()?.dump(&path)?;
/// let text = minilisp::pdump::info(&path)?;
/// assert!(text.contains("host-functions"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn info(path: &Path) -> Result<String, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io("cannot read", path, e))?;
    let v = validate(&bytes, Level::Full)?;
    let mut out = String::new();
    use std::fmt::Write;
    let h = &v.header;
    let _ = writeln!(out, "format version   {}", h.version);
    let _ = writeln!(out, "fingerprint      {}", hex(&h.fingerprint));
    let _ = writeln!(out, "file length      {}", h.file_len);
    let _ = writeln!(out, "preferred base   {:#x}", h.preferred_base);
    let _ = writeln!(out, "symbols          {}", v.template.syms.len());
    let _ = writeln!(out, "hot image        {} bytes", v.layout.hot_len);
    let _ = writeln!(out, "sections:");
    let mut sections = v.sections.clone();
    sections.sort_by_key(|s| s.offset);
    for s in &sections {
        let _ = writeln!(out, "  {:<14} offset {:>10}  size {:>10}  xxh3 {:016x}", s.kind.name(), s.offset, s.len, s.checksum);
    }
    let _ = writeln!(out, "runs:");
    for run in ALL_RUNS {
        let r = v.layout.range(run);
        let count = match run.cells() {
            Some(kind) => format!("{} cells", r.len() >> kind.cell_shift()),
            None => format!("{} bytes", r.len()),
        };
        let _ = writeln!(out, "  {:<16} at {:>10}  {count}", run.name(), r.start);
    }
    Ok(out)
}

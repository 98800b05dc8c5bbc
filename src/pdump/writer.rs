//! Writing a dump: a collection, then the heap image streamed run by run
//! (see `format::Run`) in the heap's cell order (`gc::order`), then the
//! metadata sections. Nothing maps addresses to offsets: a cell's image
//! offset is its run's start plus its ordinal times the cell size, and a
//! payload's is the running cursor of its region, advanced in owner order.
//! The same state therefore always gives the same bytes, and the writer's
//! extra memory is the relocation bitmap (1/64 of the hot image) plus a
//! side table of about 264 bytes per heap block.

use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::error::Error;
use super::fingerprint::FINGERPRINT;
use super::format::*;
use crate::interp::Interp;
use crate::gc::block::BlockKind;
use crate::gc::hash::{Identity, table_hash};
use crate::gc::object::HashTable;
use crate::gc::order::CellOrder;
use crate::gc::symbol::SymFlags;
use crate::gc::value::TAG_MASK;
use crate::gc::{Heap, Value, VecKind};

/// What a dump contained.
///
/// ```
/// let path = std::env::temp_dir().join("minilisp-doc-summary.pdmp");
/// let summary = minilisp::Lisp::new()?.dump(&path)?;
/// assert!(summary.objects > 0 && summary.image_len < summary.file_len);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct DumpSummary {
    /// The file's length in bytes.
    pub file_len: u64,
    /// The heap image's length in bytes.
    pub image_len: u64,
    /// Cells written (conses, strings, vectors, bignums, tables, floats).
    pub objects: usize,
    /// Symbol slots written.
    pub symbols: usize,
    /// Words of the image that hold an address.
    pub relocations: usize,
}

/// Where every object goes.
struct Plan<'h> {
    heap: &'h Heap,
    order: CellOrder,
    layout: Layout,
}

impl Plan<'_> {
    /// The image word for `v`: an address becomes `PREFERRED_BASE + offset | tag`.
    #[inline]
    fn word(&self, v: Value) -> u64 {
        if !v.is_pointer() {
            return v.bits();
        }
        let (kind, n) = self.order.ordinal(self.heap, v.addr());
        let off = self.layout.starts[Run::of_cells(kind) as usize] + (n << kind.cell_shift());
        (PREFERRED_BASE + off as u64) | (v.bits() & TAG_MASK)
    }

    fn cells(&self, kind: BlockKind, f: impl FnMut(usize)) {
        self.heap.for_each_cell_in_order(kind, f)
    }
}

/// Image addresses as hash identities; notes whether any was needed.
struct ImageAddresses<'p, 'h> {
    plan: &'p Plan<'h>,
    used: bool,
}

impl Identity for ImageAddresses<'_, '_> {
    fn of(&mut self, v: Value) -> u64 {
        self.used = true;
        self.plan.word(v)
    }
}

fn vec32_kind(heap: &Heap, addr: usize) -> VecKind {
    heap.veclike_kind(Value::from_ptr(addr, crate::gc::value::TAG_VECLIKE))
}

fn table_at(heap: &Heap, addr: usize) -> &HashTable {
    heap.hash_table(Value::from_ptr(addr, crate::gc::value::TAG_VECLIKE))
}

/// The run lengths of everything the order lists.
fn measure(heap: &Heap, order: &CellOrder) -> Layout {
    let mut lens = [0usize; RUN_COUNT];
    for kind in crate::gc::block::BLOCK_KINDS {
        lens[Run::of_cells(kind) as usize] = order.count(kind) << kind.cell_shift();
    }
    heap.for_each_cell_in_order(BlockKind::String, |a| {
        lens[Run::StringBytes as usize] += align_up(heap.str(Value::from_ptr(a, crate::gc::value::TAG_STRING)).len(), 8);
    });
    heap.for_each_cell_in_order(BlockKind::Vec32, |a| {
        let v = Value::from_ptr(a, crate::gc::value::TAG_VECLIKE);
        match vec32_kind(heap, a) {
            VecKind::Vector | VecKind::Record => lens[Run::Values as usize] += 8 * heap.vec_len(v),
            VecKind::Bignum => lens[Run::Limbs as usize] += 8 * heap.bignum(v).1.len(),
            // Written as an empty vector (see `emit_hot`): no payload.
            VecKind::HostObject => {}
            VecKind::HashTable => unreachable!("hash tables are 128-byte cells"),
        }
    });
    heap.for_each_cell_in_order(BlockKind::Vec128, |a| {
        let t = table_at(heap, a);
        lens[Run::Values as usize] += 16 * t.size;
        lens[Run::HashArrays as usize] += 8 * (2 * t.size + t.index_size);
    });
    Layout::new(lens).expect("a heap in memory has an image layout that fits")
}

/// Streams image bytes, hashing them and recording relocation bits.
struct Emitter<'w, W: Write> {
    out: &'w mut W,
    /// Image offset of the next byte.
    pos: usize,
    hasher: xxhash_rust::xxh3::Xxh3,
    relocs: Vec<u64>,
    nrelocs: usize,
    buf: Vec<u8>,
    error: Option<std::io::Error>,
}

const EMIT_BUFFER: usize = 1 << 20;

impl<W: Write> Emitter<'_, W> {
    #[inline]
    fn word(&mut self, w: u64, is_address: bool) {
        if is_address && w != 0 {
            let i = self.pos / 8;
            self.relocs[i / 64] |= 1 << (i % 64);
            self.nrelocs += 1;
        }
        self.buf.extend_from_slice(&w.to_le_bytes());
        self.pos += 8;
        if self.buf.len() >= EMIT_BUFFER {
            self.flush();
        }
    }

    #[inline]
    fn value(&mut self, plan: &Plan, v: Value) {
        self.word(plan.word(v), v.is_pointer());
    }

    /// An address in the image (`offset` from its start), or 0 for none.
    fn address(&mut self, offset: Option<usize>) {
        self.word(offset.map_or(0, |o| PREFERRED_BASE + o as u64), true);
    }

    fn bytes(&mut self, b: &[u8]) {
        self.buf.extend_from_slice(b);
        let padded = align_up(b.len(), 8);
        self.buf.resize(self.buf.len() + padded - b.len(), 0);
        self.pos += padded;
        if self.buf.len() >= EMIT_BUFFER {
            self.flush();
        }
    }

    fn pad_to(&mut self, offset: usize) {
        self.buf.resize(self.buf.len() + offset - self.pos, 0);
        self.pos = offset;
    }

    fn flush(&mut self) {
        self.hasher.update(&self.buf);
        if self.error.is_none()
            && let Err(e) = self.out.write_all(&self.buf)
        {
            self.error = Some(e);
        }
        self.buf.clear();
    }

    /// Ends a run: checks it filled exactly its planned length.
    fn end_run(&mut self, layout: &Layout, run: Run) -> std::io::Result<()> {
        debug_assert_eq!(self.pos, layout.range(run).end, "{} run", run.name());
        match self.error.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

/// Writes the hot runs: cells, then value payloads.
fn emit_hot<W: Write>(plan: &Plan, e: &mut Emitter<W>) -> std::io::Result<()> {
    let (heap, layout) = (plan.heap, &plan.layout);
    plan.cells(BlockKind::Cons, |a| {
        let v = Value::from_ptr(a, crate::gc::value::TAG_CONS);
        e.value(plan, heap.car(v));
        e.value(plan, heap.cdr(v));
    });
    e.end_run(layout, Run::Conses)?;
    let mut bytes_at = layout.starts[Run::StringBytes as usize];
    plan.cells(BlockKind::String, |a| {
        let v = Value::from_ptr(a, crate::gc::value::TAG_STRING);
        let len = heap.str(v).len();
        e.address((len > 0).then_some(bytes_at));
        e.word(len as u64, false);
        e.word(len as u64, false); // cap: a mapped buffer holds exactly len bytes
        e.word(heap.string_chars(v) as u64, false);
        bytes_at += align_up(len, 8);
    });
    e.end_run(layout, Run::Strings)?;
    let mut values_at = layout.starts[Run::Values as usize];
    let mut limbs_at = layout.starts[Run::Limbs as usize];
    plan.cells(BlockKind::Vec32, |a| {
        let v = Value::from_ptr(a, crate::gc::value::TAG_VECLIKE);
        match vec32_kind(heap, a) {
            kind @ (VecKind::Vector | VecKind::Record) => {
                let len = heap.vec_len(v);
                e.word(kind as u64, false);
                e.word(len as u64, false);
                e.address((len > 0).then_some(values_at));
                e.word(0, false);
                values_at += 8 * len;
            }
            VecKind::HostObject => {
                // Unreachable from the dump's roots (`refuse_host_objects`
                // refused the dump otherwise): only a handle or the stack
                // keeps it alive. Its cell is written as an inert empty
                // vector, so the ordinals of the cells after it stand.
                e.word(VecKind::Vector as u64, false);
                e.word(0, false);
                e.address(None);
                e.word(0, false);
            }
            _ => {
                let (neg, limbs) = heap.bignum(v);
                e.word(VecKind::Bignum as u64, false);
                e.word(limbs.len() as u64, false);
                e.address((!limbs.is_empty()).then_some(limbs_at));
                e.word(neg as u64, false);
                limbs_at += 8 * limbs.len();
            }
        }
    });
    e.end_run(layout, Run::Vec32)?;
    let mut arrays_at = layout.starts[Run::HashArrays as usize];
    plan.cells(BlockKind::Vec128, |a| {
        let t = table_at(heap, a);
        let size = t.size;
        e.word(VecKind::HashTable as u64, false);
        e.word(t.test as u64, false);
        e.word(t.count as u64, false);
        e.word(size as u64, false);
        e.address((size > 0).then_some(values_at));
        e.address((size > 0).then_some(arrays_at));
        e.address((size > 0).then_some(arrays_at + 8 * size));
        e.address((t.index_size > 0).then_some(arrays_at + 16 * size));
        e.word(t.index_size as u64, false);
        e.word(t.next_free as u64, false);
        e.word(0, false); // not stale: the arrays are built for the image
        for _ in 0..5 {
            e.word(0, false);
        }
        values_at += 16 * size;
        arrays_at += 8 * (2 * size + t.index_size);
    });
    e.end_run(layout, Run::HashTables)?;
    plan.cells(BlockKind::Vec32, |a| {
        if vec32_kind(heap, a).has_slots() {
            for &x in heap.vec_slice(Value::from_ptr(a, crate::gc::value::TAG_VECLIKE)) {
                e.value(plan, x);
            }
        }
    });
    plan.cells(BlockKind::Vec128, |a| {
        for &x in table_at(heap, a).kv() {
            e.value(plan, x);
        }
    });
    e.end_run(layout, Run::Values)
}

/// Writes the cold runs (no addresses); returns the image offsets of the
/// tables whose buckets depend on addresses (the value fixups).
fn emit_cold<W: Write>(plan: &Plan, e: &mut Emitter<W>) -> std::io::Result<Vec<u64>> {
    let (heap, layout) = (plan.heap, &plan.layout);
    plan.cells(BlockKind::Float, |a| e.word(heap.float(Value::from_ptr(a, crate::gc::value::TAG_FLOAT)).to_bits(), false));
    e.end_run(layout, Run::Floats)?;
    plan.cells(BlockKind::String, |a| e.bytes(heap.str(Value::from_ptr(a, crate::gc::value::TAG_STRING)).as_bytes()));
    e.end_run(layout, Run::StringBytes)?;
    plan.cells(BlockKind::Vec32, |a| {
        if vec32_kind(heap, a) == VecKind::Bignum {
            for &l in heap.bignum(Value::from_ptr(a, crate::gc::value::TAG_VECLIKE)).1 {
                e.word(l, false);
            }
        }
    });
    e.end_run(layout, Run::Limbs)?;
    let mut fixups = Vec::new();
    let mut table_at_image = layout.starts[Run::HashTables as usize];
    plan.cells(BlockKind::Vec128, |a| {
        let (hashes, next, index, by_address) = image_buckets(plan, table_at(heap, a));
        hashes.iter().for_each(|&h| e.word(h, false));
        next.iter().for_each(|&x| e.word(x as u64, false));
        index.iter().for_each(|&x| e.word(x as u64, false));
        if by_address {
            fixups.push(table_at_image as u64);
        }
        table_at_image += 128;
    });
    e.end_run(layout, Run::HashArrays)?;
    Ok(fixups)
}

/// The hash, chain and bucket arrays of `table` as they must be in the
/// image: every key hashed with image addresses for identities, so a dump
/// mapped at its preferred address needs no rehash; buckets rebuilt in
/// slot order exactly as `Heap::hash_table_rehash` does. The flag says
/// whether some hash used an address (the table must be rehashed if the
/// image moves).
fn image_buckets(plan: &Plan, table: &HashTable) -> (Vec<u64>, Vec<i64>, Vec<i64>, bool) {
    let mut hashes = table.hashes().to_vec();
    let mut next = table.next().to_vec();
    let mut index = vec![-1i64; table.index_size];
    let mut id = ImageAddresses { plan, used: false };
    for (i, kv) in table.kv().chunks_exact(2).enumerate() {
        if kv[0] == Value::UNBOUND {
            continue;
        }
        hashes[i] = table_hash(plan.heap, table.test, kv[0], &mut id);
        let b = (hashes[i] as usize) & (table.index_size - 1);
        next[i] = index[b];
        index[b] = i as i64;
    }
    (hashes, next, index, id.used)
}

/// Writes the whole dump to `out`, which must start at position 0 and be
/// seekable (the header is written last).
fn write_dump<W: Write + Seek>(interp: &mut Interp, out: &mut W) -> Result<DumpSummary, std::io::Error> {
    // A dump starts its life with no collections counted (as each Emacs
    // start does), which also keeps the bytes independent of GC history.
    let saved = interp.save_gc_counters();
    let base = interp.stack.len();
    interp.stack.extend_from_slice(&[saved.0, saved.1]); // keep the saved values alive
    interp.reset_gc_counters();
    let r = write_dump_inner(interp, out);
    interp.restore_gc_counters(saved);
    interp.stack.truncate(base);
    r
}

fn write_dump_inner<W: Write + Seek>(interp: &mut Interp, out: &mut W) -> Result<DumpSummary, std::io::Error> {
    interp.collect(&[]);
    let order = interp.heap.cell_order();
    let heap = &interp.heap;
    let layout = measure(heap, &order);
    let plan = Plan { heap, order, layout };
    let layout = &plan.layout;

    // 1. Placeholder header, then the heap image, streamed run by run.
    // The placeholder already carries the incomplete magic, so whatever a
    // killed writer leaves behind is refused as "incomplete", not as a
    // foreign file.
    let mut placeholder = vec![0u8; HEADER_SIZE];
    placeholder[..MAGIC.len()].copy_from_slice(MAGIC);
    placeholder[0] = MAGIC_INCOMPLETE;
    out.write_all(&placeholder)?;
    let image_offset = HEADER_SIZE;
    let mut e = Emitter {
        out,
        pos: 0,
        hasher: xxhash_rust::xxh3::Xxh3::new(),
        relocs: vec![0u64; layout.hot_len.div_ceil(8).div_ceil(64)],
        nrelocs: 0,
        buf: Vec::with_capacity(EMIT_BUFFER + 4096),
        error: None,
    };
    emit_hot(&plan, &mut e)?;
    e.pad_to(layout.cold_base);
    let fixups = emit_cold(&plan, &mut e)?;
    e.flush();
    if let Some(err) = e.error.take() {
        return Err(err);
    }
    debug_assert_eq!(e.pos, layout.image_len);
    let image_sum = e.hasher.digest();
    let (relocs, nrelocs, out) = (std::mem::take(&mut e.relocs), e.nrelocs, e.out);

    // 2. The metadata sections.
    let syms = &heap.symbols.syms;
    let mut symtab = Vec::new();
    let mut obarray = Vec::with_capacity(syms.len() * 24);
    for (i, s) in syms.iter().enumerate() {
        // Every symbol still in the table survived the collection.
        let (flags, name, cells) = if s.flags.contains(SymFlags::FREE) {
            (SymFlags::FREE, "", [Value::UNBOUND, Value::NIL, Value::NIL])
        } else {
            (s.flags - SymFlags::IMMORTAL, heap.symbols.name(i as u32), [s.value, s.function, s.plist])
        };
        symtab.extend_from_slice(&flags.bits().to_le_bytes());
        symtab.extend_from_slice(&(name.len() as u32).to_le_bytes());
        symtab.extend_from_slice(name.as_bytes());
        symtab.resize(align_up(symtab.len(), 8), 0);
        for v in cells {
            obarray.extend_from_slice(&plan.word(v).to_le_bytes());
        }
    }
    let words = |ws: &[u64]| ws.iter().flat_map(|w| w.to_le_bytes()).collect::<Vec<u8>>();
    let roots_section = words(&[plan.word(interp.empty_string), plan.word(interp.empty_vector), syms.len() as u64]);
    let mut sections = vec![Section {
        kind: SectionKind::HeapImage,
        offset: image_offset as u64,
        len: layout.image_len as u64,
        checksum: image_sum,
    }];
    let mut pos = image_offset + layout.image_len;
    let body: [(SectionKind, Vec<u8>); 7] = [
        (SectionKind::SymbolTable, symtab),
        (SectionKind::Obarray, obarray),
        (SectionKind::Layout, layout.encode()),
        (SectionKind::Relocations, words(&relocs)),
        (SectionKind::Fixups, words(&fixups)),
        (SectionKind::Roots, roots_section),
        (SectionKind::HostFunctions, HostSig::encode_all(&host_sigs(interp))),
    ];
    for (kind, bytes) in body {
        let padded = align_up(pos, 8);
        out.write_all(&vec![0u8; padded - pos])?;
        out.write_all(&bytes)?;
        sections.push(Section { kind, offset: padded as u64, len: bytes.len() as u64, checksum: checksum(&bytes) });
        pos = padded + bytes.len();
    }
    let table_offset = align_up(pos, 8);
    out.write_all(&vec![0u8; table_offset - pos])?;
    for s in &sections {
        out.write_all(&s.encode())?;
    }
    let file_len = table_offset + sections.len() * SECTION_ENTRY_SIZE;

    // 3. The header, magic still marked incomplete (the caller completes it).
    let header = Header {
        version: FORMAT_VERSION,
        fingerprint: FINGERPRINT,
        file_len: file_len as u64,
        preferred_base: PREFERRED_BASE,
        table_offset: table_offset as u64,
        section_count: sections.len() as u32,
    };
    out.seek(SeekFrom::Start(0))?;
    out.write_all(&header.encode(false))?;
    let objects = crate::gc::block::BLOCK_KINDS.iter().map(|&k| plan.order.count(k)).sum();
    Ok(DumpSummary {
        file_len: file_len as u64,
        image_len: layout.image_len as u64,
        objects,
        symbols: syms.len(),
        relocations: nrelocs,
    })
}

/// What the host-functions section records: the interpreter's table.
fn host_sigs(interp: &Interp) -> Vec<HostSig> {
    interp.host_fns.iter().map(|f| {
        let (name, min, max) = f.signature();
        HostSig { name: name.to_owned(), min, max }
    }).collect()
}

/// The dump as bytes (for in-memory snapshots).
pub fn dump_to_bytes(interp: &mut Interp) -> Result<Vec<u8>, Error> {
    refuse_host_objects(interp)?;
    let mut cur = std::io::Cursor::new(Vec::new());
    write_dump(interp, &mut cur).expect("writing to memory cannot fail");
    let mut bytes = cur.into_inner();
    bytes[0] = MAGIC[0];
    Ok(bytes)
}

/// A dump cannot carry a host object (its Rust value is not in the heap):
/// refuse, showing the path from a root to one (`host_objects`).
fn refuse_host_objects(interp: &mut Interp) -> Result<(), Error> {
    super::host_objects::refuse(interp)
}

/// Writes to a temporary file beside `path`, syncs, marks the file
/// complete, syncs again and renames it over `path`: an interrupted dump
/// never replaces (or damages) the previous one.
pub fn dump_to_file(interp: &mut Interp, path: &Path) -> Result<DumpSummary, Error> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "dump".into());
    refuse_host_objects(interp)?;
    remove_stale_temporaries(&dir, &name);
    // Unique per process and per dump, so threads dumping to one path never share it.
    static SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let serial = SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.tmp.{}.{serial}", std::process::id()));
    let result = (|| -> Result<DumpSummary, Error> {
        let file = std::fs::File::create(&tmp).map_err(|e| Error::io("cannot create", &tmp, e))?;
        let mut out = std::io::BufWriter::new(file);
        let summary = write_dump(interp, &mut out).map_err(|e| Error::io("cannot write", &tmp, e))?;
        let mut file = out.into_inner().map_err(|e| Error::io("cannot write", &tmp, e.into_error()))?;
        file.sync_all().map_err(|e| Error::io("cannot sync", &tmp, e))?;
        file.seek(SeekFrom::Start(0)).map_err(|e| Error::io("cannot write", &tmp, e))?;
        file.write_all(&MAGIC[..1]).map_err(|e| Error::io("cannot write", &tmp, e))?;
        file.sync_all().map_err(|e| Error::io("cannot sync", &tmp, e))?;
        std::fs::rename(&tmp, path).map_err(|e| Error::io("cannot rename to", path, e))?;
        if let Ok(d) = std::fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(summary)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    if result.is_ok() {
        remember_written(path);
    }
    result
}

/// This build wrote `path`: a record spares the next load the full check
/// (see `record::remember_written`).
fn remember_written(path: &Path) {
    use std::os::unix::fs::FileExt;
    let Ok(file) = std::fs::File::open(path) else { return };
    let mut header = [0u8; HEADER_FIELDS_END];
    if file.read_exact_at(&mut header, 0).is_ok()
        && header[16..48] == FINGERPRINT
        && let Some(sum) = super::record::header_checksum(&header)
    {
        super::record::remember_written(&file, &FINGERPRINT, sum);
    }
}

/// Deletes temporaries of earlier dumps to the same name whose writer is
/// gone (killed mid-dump).
fn remove_stale_temporaries(dir: &Path, name: &str) {
    let prefix = format!(".{name}.tmp.");
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let file = e.file_name().to_string_lossy().into_owned();
        let pid = file.strip_prefix(&prefix).and_then(|p| p.split('.').next()).and_then(|p| p.parse::<u32>().ok());
        let Some(pid) = pid else { continue };
        let alive = pid == std::process::id() || Path::new(&format!("/proc/{pid}")).exists();
        if !alive {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

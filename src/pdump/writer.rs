//! Writing a dump: place every live object (iteratively, from the symbols
//! in index order, so the same state always gives the same bytes), then
//! stream the heap image object by object, then the metadata sections.

use std::collections::{HashMap, VecDeque};
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::error::Error;
use super::fingerprint::FINGERPRINT;
use super::format::*;
use crate::Interp;
use crate::gc::symbol::SymFlags;
use crate::gc::value::TAG_MASK;
use crate::gc::{HashTest, Heap, Tag, Value, VecKind};

/// What a dump contained.
#[derive(Clone, Debug, Default)]
pub struct DumpSummary {
    pub file_len: u64,
    pub image_len: u64,
    pub objects: usize,
    pub symbols: usize,
    pub relocations: usize,
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum Region {
    Hot,
    Cold,
}

/// Where one object (or payload) goes: region and offset within it.
#[derive(Copy, Clone)]
struct Place {
    region: Region,
    offset: usize,
}

/// One entry of the placement order: an object or one of its payloads.
#[derive(Copy, Clone)]
enum Item {
    Object(Value, ObjKind),
    /// Payload number `n` of the object `owner`.
    Payload(Value, u8),
}

struct Layout<'h> {
    heap: &'h Heap,
    places: HashMap<u64, Place>,
    /// Payload placements, keyed by (owner address, payload number).
    payloads: HashMap<(u64, u8), Place>,
    order: Vec<(Item, Place)>,
    hot_len: usize,
    cold_len: usize,
    queue: VecDeque<Value>,
    /// Uninterned symbols reached so far (interned ones are always live).
    symbols_seen: Vec<bool>,
}

impl<'h> Layout<'h> {
    fn new(heap: &'h Heap) -> Self {
        Layout {
            heap,
            places: HashMap::new(),
            payloads: HashMap::new(),
            order: Vec::new(),
            hot_len: 0,
            cold_len: 0,
            queue: VecDeque::new(),
            symbols_seen: vec![false; heap.symbols.len()],
        }
    }

    fn alloc(&mut self, region: Region, size: usize) -> Place {
        let len = match region {
            Region::Hot => &mut self.hot_len,
            Region::Cold => &mut self.cold_len,
        };
        let p = Place { region, offset: *len };
        *len += align_up(size, 8);
        p
    }

    fn kind_of(&self, v: Value) -> ObjKind {
        match v.tag() {
            Tag::Cons => ObjKind::Cons,
            Tag::Float => ObjKind::Float,
            Tag::String => ObjKind::String,
            _ => match self.heap.veclike_kind(v) {
                VecKind::Vector => ObjKind::Vector,
                VecKind::Bignum => ObjKind::Bignum,
                VecKind::HashTable => ObjKind::HashTable,
            },
        }
    }

    /// Queues `v` for placement if it is an object not placed yet.
    fn visit(&mut self, v: Value) {
        if let Some(i) = v.as_symbol() {
            let s = self.heap.symbols.get(i);
            if !s.flags.contains(SymFlags::INTERNED) && !self.symbols_seen[i as usize] {
                self.symbols_seen[i as usize] = true;
                self.queue.push_back(v);
            }
            return;
        }
        if !v.is_pointer() || self.places.contains_key(&(v.addr() as u64)) {
            return;
        }
        let kind = self.kind_of(v);
        let region = if kind == ObjKind::Float { Region::Cold } else { Region::Hot };
        let place = self.alloc(region, kind.cell_size().unwrap());
        self.places.insert(v.addr() as u64, place);
        self.order.push((Item::Object(v, kind), place));
        let heap = self.heap;
        // Payloads: (region, bytes) per payload number.
        let payloads: Vec<(Region, usize)> = match kind {
            ObjKind::String => vec![(Region::Cold, heap.str(v).len())],
            ObjKind::Vector => vec![(Region::Hot, heap.vec_len(v) * 8)],
            ObjKind::Bignum => vec![(Region::Cold, heap.bignum(v).1.len() * 8)],
            ObjKind::HashTable => {
                let t = heap.hash_table(v);
                vec![
                    (Region::Hot, t.size * 16),
                    (Region::Cold, t.size * 8),
                    (Region::Cold, t.size * 8),
                    (Region::Cold, t.index_size * 8),
                ]
            }
            _ => vec![],
        };
        for (n, (region, bytes)) in payloads.into_iter().enumerate() {
            if bytes > 0 {
                let p = self.alloc(region, bytes);
                self.payloads.insert((v.addr() as u64, n as u8), p);
                self.order.push((Item::Payload(v, n as u8), p));
            }
        }
        if matches!(kind, ObjKind::Cons | ObjKind::Vector | ObjKind::HashTable) {
            self.queue.push_back(v);
        }
    }

    /// Places everything reachable from `roots`, breadth first.
    fn place_all(&mut self, roots: &[Value]) {
        for &r in roots {
            self.visit(r);
        }
        while let Some(v) = self.queue.pop_front() {
            match v.tag() {
                Tag::Symbol => {
                    let s = self.heap.symbols.get(v.as_symbol().unwrap());
                    let (a, b, c) = (s.value, s.function, s.plist);
                    self.visit(a);
                    self.visit(b);
                    self.visit(c);
                }
                Tag::Cons => {
                    let (a, d) = (self.heap.car(v), self.heap.cdr(v));
                    self.visit(a);
                    self.visit(d);
                }
                _ if self.heap.is_vector(v) => {
                    for i in 0..self.heap.vec_len(v) {
                        let x = self.heap.vec_get(v, i);
                        self.visit(x);
                    }
                }
                _ => {
                    let n = self.heap.hash_table(v).kv().len();
                    for i in 0..n {
                        let x = self.heap.hash_table(v).kv()[i];
                        self.visit(x);
                    }
                }
            }
        }
    }
}

/// The placed heap and everything needed to emit it.
struct Plan<'h> {
    layout: Layout<'h>,
    /// Offset of the cold region within the image (page-aligned).
    cold_base: usize,
}

impl Plan<'_> {
    fn final_offset(&self, p: Place) -> usize {
        match p.region {
            Region::Hot => p.offset,
            Region::Cold => self.cold_base + p.offset,
        }
    }

    /// The image word for `v`: addresses become `PREFERRED_BASE + offset | tag`.
    fn word(&self, v: Value) -> u64 {
        if !v.is_pointer() {
            return v.bits();
        }
        let p = self.layout.places[&(v.addr() as u64)];
        PREFERRED_BASE + self.final_offset(p) as u64 | (v.bits() & TAG_MASK)
    }

    fn payload_word(&self, owner: Value, n: u8) -> u64 {
        match self.layout.payloads.get(&(owner.addr() as u64, n)) {
            Some(&p) => PREFERRED_BASE + self.final_offset(p) as u64,
            None => 0,
        }
    }
}

/// Accumulates the image bytes of one region with their relocation bits.
struct Emitter<'w, W: Write> {
    out: &'w mut W,
    pos: usize,
    hasher: xxhash_rust::xxh3::Xxh3,
    relocs: Vec<u64>,
    nrelocs: usize,
    buf: Vec<u8>,
    /// `image_buckets` of the hash table whose arrays are being emitted.
    buckets: Option<(Value, (Vec<u64>, Vec<i64>, Vec<i64>))>,
}

impl<W: Write> Emitter<'_, W> {
    fn word(&mut self, w: u64, is_address: bool) {
        if is_address && w != 0 {
            let i = (self.pos + self.buf.len()) / 8;
            if self.relocs.len() <= i / 64 {
                self.relocs.resize(i / 64 + 1, 0);
            }
            self.relocs[i / 64] |= 1 << (i % 64);
            self.nrelocs += 1;
        }
        self.buf.extend_from_slice(&w.to_le_bytes());
    }

    fn value(&mut self, plan: &Plan, v: Value) {
        self.word(plan.word(v), v.is_pointer());
    }

    fn bytes(&mut self, b: &[u8]) {
        self.buf.extend_from_slice(b);
        while self.buf.len() % 8 != 0 {
            self.buf.push(0);
        }
    }

    fn pad_to(&mut self, offset: usize) -> std::io::Result<()> {
        self.flush()?;
        let zeros = vec![0u8; offset - self.pos];
        self.write_raw(&zeros)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let buf = std::mem::take(&mut self.buf);
        self.write_raw(&buf)?;
        self.buf = buf;
        self.buf.clear();
        Ok(())
    }

    fn write_raw(&mut self, b: &[u8]) -> std::io::Result<()> {
        self.hasher.update(b);
        self.out.write_all(b)?;
        self.pos += b.len();
        Ok(())
    }
}

fn emit_item<W: Write>(plan: &Plan, e: &mut Emitter<W>, item: Item) {
    let heap = plan.layout.heap;
    match item {
        Item::Object(v, kind) => match kind {
            ObjKind::Cons => {
                e.value(plan, heap.car(v));
                e.value(plan, heap.cdr(v));
            }
            ObjKind::Float => e.word(heap.float(v).to_bits(), false),
            ObjKind::String => {
                let s = heap.str(v);
                e.word(plan.payload_word(v, 0), true);
                e.word(s.len() as u64, false);
                e.word(s.len() as u64, false); // cap: a mapped buffer holds exactly len bytes
                e.word(heap.string_chars(v) as u64, false);
            }
            ObjKind::Vector => {
                e.word(VecKind::Vector as u64, false);
                e.word(heap.vec_len(v) as u64, false);
                e.word(plan.payload_word(v, 0), true);
                e.word(0, false);
            }
            ObjKind::Bignum => {
                let (neg, limbs) = heap.bignum(v);
                e.word(VecKind::Bignum as u64, false);
                e.word(limbs.len() as u64, false);
                e.word(plan.payload_word(v, 0), true);
                e.word(neg as u64, false);
            }
            ObjKind::HashTable => {
                let t = heap.hash_table(v);
                e.word(VecKind::HashTable as u64, false);
                e.word(t.test as u64, false);
                e.word(t.count as u64, false);
                e.word(t.size as u64, false);
                for n in 0..4 {
                    e.word(plan.payload_word(v, n), true);
                }
                e.word(t.index_size as u64, false);
                e.word(t.next_free as u64, false);
                e.word(0, false); // buckets are rebuilt for the image (`image_buckets`)
                for _ in 0..5 {
                    e.word(0, false);
                }
            }
            ObjKind::Values | ObjKind::Bytes => unreachable!("payloads are emitted as Item::Payload"),
        },
        Item::Payload(v, n) => match (plan.layout.kind_of(v), n) {
            (ObjKind::String, _) => e.bytes(heap.str(v).as_bytes()),
            (ObjKind::Vector, _) => {
                for &x in heap.vec_slice(v) {
                    e.value(plan, x);
                }
            }
            (ObjKind::Bignum, _) => {
                for &l in heap.bignum(v).1 {
                    e.word(l, false);
                }
            }
            (ObjKind::HashTable, 0) => {
                for &x in heap.hash_table(v).kv() {
                    e.value(plan, x);
                }
            }
            (ObjKind::HashTable, n) => {
                // The three arrays are emitted one after another: compute them once.
                let arrays = match e.buckets.take() {
                    Some((owner, arrays)) if owner == v => arrays,
                    _ => image_buckets(plan, v),
                };
                match n {
                    1 => arrays.0.iter().for_each(|&h| e.word(h, false)),
                    2 => arrays.1.iter().for_each(|&x| e.word(x as u64, false)),
                    _ => arrays.2.iter().for_each(|&x| e.word(x as u64, false)),
                }
                e.buckets = Some((v, arrays));
            }
            _ => unreachable!("only strings, vectors, bignums and hash tables have payloads"),
        },
    }
}

/// The hash, chain and bucket arrays of table `t` as they must be in the
/// image: keys hashed by identity are hashed by their *image* address, so a
/// dump mapped at its preferred address needs no rehash; buckets are
/// rebuilt in slot order exactly as `Heap::hash_table_resize` does.
fn image_buckets(plan: &Plan, t: Value) -> (Vec<u64>, Vec<i64>, Vec<i64>) {
    use crate::interp::equal::{hash_eq, hash_eql};
    let heap = plan.layout.heap;
    let table = heap.hash_table(t);
    let mut hashes = table.hashes().to_vec();
    let mut next = table.next().to_vec();
    let mut index = vec![-1i64; table.index_size];
    let kv = table.kv();
    for i in 0..table.size {
        let key = kv[2 * i];
        if key == Value::UNBOUND {
            continue;
        }
        let by_value = key.is_float() || heap.is_bignum(key);
        hashes[i] = match table.test {
            HashTest::Eq => hash_eq(Value::from_bits(plan.word(key))),
            HashTest::Eql if by_value => hash_eql(heap, key),
            HashTest::Eql => hash_eq(Value::from_bits(plan.word(key))),
            // Equal hashes depend on contents only; a stale table's stored
            // hashes are recomputed so the image starts fresh.
            HashTest::Equal => crate::interp::equal::hash_equal_heap(heap, key),
        };
        let b = (hashes[i] as usize) & (table.index_size - 1);
        next[i] = index[b];
        index[b] = i as i64;
    }
    (hashes, next, index)
}

fn payload_kind(plan: &Plan, owner: Value, n: u8) -> ObjKind {
    match (plan.layout.kind_of(owner), n) {
        (ObjKind::Vector, _) | (ObjKind::HashTable, 0) => ObjKind::Values,
        _ => ObjKind::Bytes,
    }
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
    let heap = &interp.heap;
    let syms = &heap.symbols.syms;
    let mut roots = Vec::with_capacity(syms.len() * 3 + 2);
    for s in syms {
        if s.flags.contains(SymFlags::INTERNED) {
            roots.extend_from_slice(&[s.value, s.function, s.plist]);
        }
    }
    roots.extend_from_slice(&[interp.empty_string, interp.empty_vector]);
    let mut layout = Layout::new(heap);
    layout.place_all(&roots);
    let cold_base = align_up(layout.hot_len, PAGE);
    let plan = Plan { layout, cold_base };

    // 1. Placeholder header, then the heap image, streamed object by object.
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
        relocs: Vec::new(),
        nrelocs: 0,
        buf: Vec::with_capacity(1 << 16),
        buckets: None,
    };
    let mut starts: Vec<u64> = Vec::with_capacity(plan.layout.order.len());
    let mut cold_items = Vec::new();
    let mut fixups = Vec::new();
    for &(item, place) in &plan.layout.order {
        let kind = match item {
            Item::Object(_, k) => k,
            Item::Payload(v, n) => payload_kind(&plan, v, n),
        };
        if place.region == Region::Cold {
            cold_items.push((item, place, kind));
            continue;
        }
        debug_assert_eq!(e.pos + e.buf.len(), place.offset);
        starts.push(((place.offset as u64) << 8) | kind as u64);
        if kind == ObjKind::HashTable {
            fixups.push(place.offset as u64);
        }
        emit_item(&plan, &mut e, item);
        if e.buf.len() >= 1 << 16 {
            e.flush()?;
        }
    }
    e.pad_to(cold_base)?;
    let relocs = std::mem::take(&mut e.relocs);
    let nrelocs = e.nrelocs;
    for (item, place, kind) in cold_items {
        debug_assert_eq!(e.pos + e.buf.len(), cold_base + place.offset);
        starts.push((((cold_base + place.offset) as u64) << 8) | kind as u64);
        emit_item(&plan, &mut e, item);
        if e.buf.len() >= 1 << 16 {
            e.flush()?;
        }
    }
    e.flush()?;
    debug_assert!(e.relocs.is_empty(), "cold objects hold no addresses");
    let image_len = e.pos;
    let image_sum = e.hasher.digest();
    let out = e.out;

    // 2. The metadata sections.
    let mut symtab = Vec::new();
    let mut obarray = Vec::new();
    for (i, s) in syms.iter().enumerate() {
        // An uninterned symbol nothing dumped refers to is a free slot.
        let live = s.flags.contains(SymFlags::INTERNED) || plan.layout.symbols_seen[i];
        let (flags, name, cells) = if live {
            (s.flags - SymFlags::IMMORTAL, &*s.name, [s.value, s.function, s.plist])
        } else {
            (SymFlags::FREE, "", [Value::UNBOUND, Value::NIL, Value::NIL])
        };
        symtab.extend_from_slice(&flags.bits().to_le_bytes());
        symtab.extend_from_slice(&(name.len() as u32).to_le_bytes());
        symtab.extend_from_slice(name.as_bytes());
        while symtab.len() % 8 != 0 {
            symtab.push(0);
        }
        for v in cells {
            obarray.extend_from_slice(&plan.word(v).to_le_bytes());
        }
    }
    let words = |ws: &[u64]| ws.iter().flat_map(|w| w.to_le_bytes()).collect::<Vec<u8>>();
    let reloc_words = plan.layout.hot_len.div_ceil(8).div_ceil(64);
    let mut relocs = relocs;
    relocs.resize(reloc_words, 0);
    let roots_section = words(&[
        plan.layout.hot_len as u64,
        cold_base as u64,
        plan.word(interp.empty_string),
        plan.word(interp.empty_vector),
        syms.len() as u64,
    ]);
    let mut sections = vec![Section {
        kind: SectionKind::HeapImage,
        offset: image_offset as u64,
        len: image_len as u64,
        checksum: image_sum,
    }];
    let mut pos = image_offset + image_len;
    let body: [(SectionKind, Vec<u8>); 6] = [
        (SectionKind::SymbolTable, symtab),
        (SectionKind::Obarray, obarray),
        (SectionKind::ObjectStarts, words(&starts)),
        (SectionKind::Relocations, words(&relocs)),
        (SectionKind::Fixups, words(&fixups)),
        (SectionKind::Roots, roots_section),
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
    Ok(DumpSummary {
        file_len: file_len as u64,
        image_len: image_len as u64,
        objects: starts.len(),
        symbols: syms.len(),
        relocations: nrelocs,
    })
}

/// The dump as bytes (for in-memory snapshots).
pub fn dump_to_bytes(interp: &mut Interp) -> Vec<u8> {
    let mut cur = std::io::Cursor::new(Vec::new());
    write_dump(interp, &mut cur).expect("writing to memory cannot fail");
    let mut bytes = cur.into_inner();
    bytes[0] = MAGIC[0];
    bytes
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
/// (unless the file is too fresh to record safely, see `record`).
fn remember_written(path: &Path) {
    use std::os::unix::fs::FileExt;
    let Ok(file) = std::fs::File::open(path) else { return };
    let Ok(seen) = super::record::Observation::of(&file) else { return };
    let mut header = [0u8; HEADER_FIELDS_END];
    if file.read_exact_at(&mut header, 0).is_ok()
        && header[16..48] == FINGERPRINT
        && let Some(sum) = super::record::header_checksum(&header)
    {
        seen.remember(&FINGERPRINT, sum);
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

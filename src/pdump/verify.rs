//! The full structural check of a heap image, before any of it is used.
//!
//! The image is laid out in runs (`format::Run`), so one sequential walk
//! checks everything with O(1) extra memory:
//! - every word of the hot image is visited exactly once, as a `Value`, a
//!   payload pointer or a plain integer, and its relocation bit must say
//!   exactly whether it holds an address (so the bitmap is exact);
//! - a `Value` pointer must land on a cell boundary inside the run its tag
//!   names (arithmetic on the run bounds: no per-word kind table);
//! - a payload pointer must equal the running cursor of its payload run,
//!   advanced in owner order, and the cursors must end exactly at their
//!   runs' ends: payloads are then in bounds, exclusive and gap-free;
//! - lengths, UTF-8 and character counts of strings, headers of vectors,
//!   bignums and tables, and every hash-table chain.
//!
//! The work runs on two threads: the checksum on one, the cells and the
//! value payloads on the other, then the conses shared between them.

use super::error::{Error, ErrorKind};
use super::format::{Layout, Run, field, u64_at};
use crate::gc::symbol::{SymFlags, Symbol};
use crate::gc::value::{TAG_CONS, TAG_FLOAT, TAG_IMMEDIATE, TAG_MASK, TAG_STRING, TAG_SYMBOL, TAG_VECLIKE};
use crate::gc::{Value, VecKind};

/// What the walk needs to know about the file.
pub(super) struct Image<'a> {
    /// The heap image bytes.
    bytes: &'a [u8],
    layout: &'a Layout,
    /// One bit per word of the hot image.
    relocs: &'a [u8],
    /// The address the image was laid out for.
    base: u64,
    /// Live (non-free) symbol slots, one bit each.
    live_symbols: &'a [u64],
    /// Per cell run (conses, strings, vec32, tables, floats): its image
    /// address, length and cell-size mask, so a pointer check is two
    /// compares.
    cells: [(u64, u64, u64); 5],
    /// Entries of the host-functions section (valid host function ids).
    host_fns: usize,
}

const CELL_RUNS: [Run; 5] = [Run::Conses, Run::Strings, Run::Vec32, Run::HashTables, Run::Floats];

/// Live symbol slots of a decoded table, as a bitmap.
pub(super) fn live_symbols(syms: &[Symbol]) -> Vec<u64> {
    let mut bits = vec![0u64; syms.len().div_ceil(64)];
    for (i, s) in syms.iter().enumerate() {
        if !s.flags.contains(SymFlags::FREE) {
            bits[i / 64] |= 1 << (i % 64);
        }
    }
    bits
}

/// Below this many bytes of image a second thread costs more than it saves.
const PARALLEL_BYTES: usize = 1 << 20;

fn reloc_err(m: String) -> Error {
    Error::new(ErrorKind::Relocation, m)
}

fn object_err(m: String) -> Error {
    Error::new(ErrorKind::Object, m)
}

impl<'a> Image<'a> {
    /// The image at `bytes`, laid out as `layout` for the address `base`
    /// (with `base + layout.image_len` not overflowing).
    pub fn new(
        bytes: &'a [u8],
        layout: &'a Layout,
        relocs: &'a [u8],
        base: u64,
        live_symbols: &'a [u64],
        host_fns: usize,
    ) -> Self {
        let cells = CELL_RUNS.map(|run| {
            let r = layout.range(run);
            let size = run.cells().map_or(8, |k| k.cell_size()) as u64;
            (base + r.start as u64, r.len() as u64, size - 1)
        });
        Image { bytes, layout, relocs, base, live_symbols, cells, host_fns }
    }

    /// Whether address `a` is a cell boundary of cell run `k` (of `CELL_RUNS`).
    #[inline(always)]
    fn in_cells(&self, k: usize, a: u64) -> bool {
        let (start, len, mask) = self.cells[k];
        let d = a.wrapping_sub(start);
        d < len && d & mask == 0
    }

    #[inline(always)]
    fn word(&self, off: usize) -> u64 {
        u64_at(self.bytes, off)
    }

    #[inline(always)]
    fn reloc_bit(&self, off: usize) -> bool {
        let w = off / 8;
        self.relocs[w / 8] & (1 << (w % 8)) != 0
    }

    /// The run an address word points into on a cell boundary, given its
    /// tag; None if it points anywhere else.
    #[inline(always)]
    pub fn target(&self, w: u64) -> Option<Run> {
        let a = w & !TAG_MASK;
        let k = match w & TAG_MASK {
            TAG_CONS => 0,
            TAG_STRING => 1,
            TAG_VECLIKE if self.in_cells(2, a) => 2,
            TAG_VECLIKE => 3,
            TAG_FLOAT => 4,
            _ => return None,
        };
        self.in_cells(k, a).then_some(CELL_RUNS[k])
    }

    /// Checks one `Value` word; `is_address` is its relocation bit (for a
    /// word outside the image, pass whether it is a pointer).
    #[inline(always)]
    pub fn value(&self, w: u64, is_address: bool, what: &str, at: usize) -> Result<(), Error> {
        let ok = match w & TAG_MASK {
            0 | 4 => !is_address,
            TAG_SYMBOL => {
                if is_address {
                    false
                } else {
                    let i = (w >> 3) as usize;
                    if self.live_symbols.get(i / 64).is_none_or(|b| b & (1 << (i % 64)) == 0) {
                        return Err(Error::new(ErrorKind::Symbols, format!("{what}: reference to missing symbol {i}")));
                    }
                    true
                }
            }
            TAG_IMMEDIATE => {
                // A subr or host function id must be in its table, and
                // canonical (`as_subr` drops bits above 32: `eq` would see
                // two encodings).
                let v = Value::from_bits(w);
                let known = v.is_unbound()
                    || v.as_subr().is_some_and(|id| (id as usize) < crate::interp::subr::SUBRS.len() && Value::subr(id) == v)
                    || v.as_host_fn().is_some_and(|id| (id as usize) < self.host_fns && Value::host_fn(id) == v);
                if !known {
                    return Err(object_err(format!("{what}: unknown immediate {w:#x}")));
                }
                !is_address
            }
            _ => {
                if !is_address {
                    false
                } else if self.target(w).is_none() {
                    return Err(reloc_err(format!("{what}: address {w:#x} does not point at a cell of its kind")));
                } else {
                    true
                }
            }
        };
        if !ok {
            return Err(reloc_err(format!("relocation bitmap is wrong for the word at image offset {at}")));
        }
        Ok(())
    }

    /// A word of the hot image that holds a plain integer.
    #[inline(always)]
    fn plain(&self, at: usize) -> Result<u64, Error> {
        if self.reloc_bit(at) {
            return Err(reloc_err(format!("relocation bitmap is wrong for the word at image offset {at}")));
        }
        Ok(self.word(at))
    }

    /// A payload pointer at `at`, which must point at `cursor` (or be null
    /// when `bytes` is 0); advances the cursor past `bytes`, within `run`.
    fn payload(&self, at: usize, cursor: &mut usize, bytes: usize, run: Run) -> Result<usize, Error> {
        let w = self.word(at);
        let bit = self.reloc_bit(at);
        if bytes == 0 {
            if w != 0 || bit {
                return Err(object_err(format!("empty payload at image offset {at} is not null")));
            }
            return Ok(*cursor);
        }
        if w == 0 {
            return Err(object_err(format!("missing payload at image offset {at}")));
        }
        if !bit {
            return Err(reloc_err(format!("relocation bitmap is wrong for the word at image offset {at}")));
        }
        if w & TAG_MASK != 0 {
            return Err(reloc_err(format!("payload pointer {w:#x} at image offset {at} is misaligned")));
        }
        let want = self.base + *cursor as u64;
        if w != want {
            return Err(object_err(format!(
                "payload pointer {w:#x} at image offset {at} is not where the layout puts it ({want:#x}): \
                 payloads would be shared, overlapping or out of order"
            )));
        }
        let end = cursor.checked_add(bytes).filter(|&e| e <= self.layout.range(run).end);
        let Some(end) = end else {
            return Err(object_err(format!("payload at image offset {at} runs past the {} run", run.name())));
        };
        let start = *cursor;
        *cursor = end;
        Ok(start)
    }

    /// Every word of `range` (hot) is a `Value`; unless `unbound_ok`, none
    /// is the unbound marker. Fixnums and live symbols (most words) take
    /// the fast path; everything else goes through `value`.
    fn values(&self, range: std::ops::Range<usize>, what: &str, unbound_ok: bool) -> Result<(), Error> {
        // Tags that hold addresses (cons, string, veclike, float), and the
        // cell run each must point into (veclike: vec32, else tables).
        const POINTER_TAGS: u64 = 1 << TAG_CONS | 1 << TAG_STRING | 1 << TAG_VECLIKE | 1 << TAG_FLOAT;
        const RUN_OF_TAG: [usize; 8] = [0, 0, 1, 2, 0, 0, 4, 0];
        let (relocs, live) = (self.relocs, self.live_symbols);
        let first = range.start / 8;
        for (k, chunk) in self.bytes[range].chunks_exact(8).enumerate() {
            let w = u64::from_le_bytes(chunk.try_into().unwrap());
            let i = first + k;
            let bit = (relocs[i / 8] >> (i % 8)) & 1 != 0;
            let tag = w & TAG_MASK;
            let pointer = (POINTER_TAGS >> tag) & 1 != 0;
            let fast = if pointer {
                bit && (self.in_cells(RUN_OF_TAG[tag as usize], w & !TAG_MASK) || (tag == TAG_VECLIKE && self.in_cells(3, w & !TAG_MASK)))
            } else if tag == TAG_SYMBOL {
                let s = (w >> 3) as usize;
                !bit && live.get(s / 64).is_some_and(|b| b & (1 << (s % 64)) != 0)
            } else {
                !bit && tag != TAG_IMMEDIATE
            };
            if !fast {
                self.value(w, bit, what, 8 * i)?;
                if !unbound_ok && w == Value::UNBOUND.bits() {
                    return Err(object_err(format!("{what} word at image offset {} is the unbound marker", 8 * i)));
                }
            }
        }
        Ok(())
    }

    /// Where vector slots end in the value-payload run, as the vectors'
    /// lengths say (`cells` checks it exactly; this lets the value runs be
    /// checked on another thread meanwhile).
    fn slots_end_claimed(&self) -> usize {
        let l = self.layout;
        let values = l.range(Run::Values);
        let mut end = values.start;
        for off in l.range(Run::Vec32).step_by(32) {
            if self.word(off) == VecKind::Vector as u64 || self.word(off) == VecKind::Record as u64 {
                end = end.saturating_add((self.word(off + field::VECTOR_LEN) as usize).saturating_mul(8));
            }
        }
        end.min(values.end)
    }

    /// The cells and payloads that need cursors, in run order. Returns
    /// where vector slots end in the value-payload run (key/value arrays follow).
    fn cells(&self) -> Result<usize, Error> {
        let l = self.layout;
        let mut bytes_at = l.starts[Run::StringBytes as usize];
        for off in l.range(Run::Strings).step_by(32) {
            let len = self.plain(off + field::STRING_LEN)? as usize;
            let cap = self.plain(off + field::STRING_CAP)? as usize;
            let nchars = self.plain(off + field::STRING_NCHARS)? as usize;
            let padded = len.checked_next_multiple_of(8).ok_or_else(|| object_err(format!("string at {off} too long")))?;
            let data = self.payload(off + field::STRING_DATA, &mut bytes_at, padded, Run::StringBytes)?;
            let text = std::str::from_utf8(&self.bytes[data..data + len])
                .map_err(|_| object_err(format!("string at {off} is not UTF-8")))?;
            if cap != len || crate::gc::heap::count_chars(text) != nchars {
                return Err(object_err(format!("string at {off} has inconsistent lengths")));
            }
        }
        if bytes_at != l.range(Run::StringBytes).end {
            return Err(object_err("string bytes run has bytes no string owns".into()));
        }
        let mut values_at = l.starts[Run::Values as usize];
        let mut limbs_at = l.starts[Run::Limbs as usize];
        for off in l.range(Run::Vec32).step_by(32) {
            // Vectors and bignums share the header, length and pointer words.
            const _: () = assert!(field::VECTOR_LEN == field::BIGNUM_LEN && field::VECTOR_DATA == field::BIGNUM_LIMBS);
            const _: () = assert!(field::VECTOR_RESERVED == field::BIGNUM_NEGATIVE);
            let header = self.plain(off + field::VECTOR_HEADER)?;
            let len = self.plain(off + field::VECTOR_LEN)? as usize;
            let last = self.plain(off + field::VECTOR_RESERVED)?;
            let bytes = len.checked_mul(8).ok_or_else(|| object_err(format!("object at {off} too long")))?;
            match VecKind::from_header(header).filter(|_| header >> 8 == 0) {
                Some(VecKind::Vector) if last == 0 => {
                    self.payload(off + field::VECTOR_DATA, &mut values_at, bytes, Run::Values)?;
                }
                // A record is a vector with another kind word and at least its type slot.
                Some(VecKind::Record) if last == 0 && len > 0 => {
                    self.payload(off + field::VECTOR_DATA, &mut values_at, bytes, Run::Values)?;
                }
                Some(VecKind::Bignum) if last <= 1 && len > 0 => {
                    self.payload(off + field::BIGNUM_LIMBS, &mut limbs_at, bytes, Run::Limbs)?;
                }
                // Its box would be a dangling pointer into another process:
                // no writer ever puts one in an image.
                Some(VecKind::HostObject) => {
                    return Err(object_err(format!("host object at {off}: a dump cannot hold host objects")));
                }
                _ => return Err(object_err(format!("vector, record or bignum at {off} has a bad header"))),
            }
        }
        let slots_end = values_at;
        if limbs_at != l.range(Run::Limbs).end {
            return Err(object_err("bignum limbs run has limbs no bignum owns".into()));
        }
        let mut arrays_at = l.starts[Run::HashArrays as usize];
        for off in l.range(Run::HashTables).step_by(128) {
            self.hash_table(off, &mut values_at, &mut arrays_at)?;
        }
        if values_at != l.range(Run::Values).end || arrays_at != l.range(Run::HashArrays).end {
            return Err(object_err("a payload run has words no object owns".into()));
        }
        Ok(slots_end)
    }

    fn hash_table(&self, off: usize, values_at: &mut usize, arrays_at: &mut usize) -> Result<(), Error> {
        let bad = |m: &str| object_err(format!("hash table at {off}: {m}"));
        let header = self.plain(off + field::TABLE_HEADER)?;
        let test = self.plain(off + field::TABLE_TEST)?;
        let count = self.plain(off + field::TABLE_COUNT)? as usize;
        let size = self.plain(off + field::TABLE_SIZE)? as usize;
        let index_size = self.plain(off + field::TABLE_INDEX_SIZE)? as usize;
        let next_free = self.plain(off + field::TABLE_NEXT_FREE)? as i64;
        let stale = self.plain(off + field::TABLE_STALE)?;
        for k in 0..5 {
            if self.plain(off + field::TABLE_RESERVED + 8 * k)? != 0 {
                return Err(bad("reserved words are not zero"));
            }
        }
        if header != VecKind::HashTable as u64 || test > 2 || stale > 1 {
            return Err(bad("bad header"));
        }
        if size == 0 || size > (1 << 40) || !index_size.is_power_of_two() || index_size > (1 << 41) || count > size {
            return Err(bad("bad sizes"));
        }
        let kv = self.payload(off + field::TABLE_KV, values_at, size * 16, Run::Values)?;
        let hash = self.payload(off + field::TABLE_HASH, arrays_at, size * 8, Run::HashArrays)?;
        let next = self.payload(off + field::TABLE_NEXT, arrays_at, size * 8, Run::HashArrays)?;
        let index = self.payload(off + field::TABLE_INDEX, arrays_at, index_size * 8, Run::HashArrays)?;
        debug_assert_eq!(next, hash + size * 8);
        // One sequential pass over the entries finds the occupied slots;
        // the chain walks then test a bitmap, not the (scattered) keys.
        let unbound = Value::UNBOUND.bits();
        let mut occupied = vec![0u64; size.div_ceil(64)];
        let mut entries = 0;
        for (i, kv) in self.bytes[kv..kv + 16 * size].chunks_exact(16).enumerate() {
            if u64_at(kv, 0) != unbound {
                if u64_at(kv, 8) == unbound {
                    return Err(bad("an entry's value is the unbound marker"));
                }
                occupied[i / 64] |= 1 << (i % 64);
                entries += 1;
            }
        }
        if entries != count {
            return Err(bad("count does not match its entries"));
        }
        let bit = |map: &[u64], i: usize| map[i / 64] & (1 << (i % 64)) != 0;
        let link = |arr: usize, i: usize| self.word(arr + 8 * i) as i64;
        let corrupt = || bad("corrupt slot chain");
        // The free list: only empty slots, each once, ending in -1.
        let mut seen = vec![0u64; size.div_ceil(64)];
        let mut i = next_free;
        while i >= 0 {
            let u = i as usize;
            if u >= size || bit(&seen, u) || bit(&occupied, u) {
                return Err(corrupt());
            }
            seen[u / 64] |= 1 << (u % 64);
            i = link(next, u);
        }
        if i != -1 {
            return Err(corrupt());
        }
        if stale != 0 {
            return Ok(()); // the buckets are rebuilt before any lookup
        }
        // The buckets, without chasing them (format invariant: a chain
        // links each slot to a lower one, as the writer builds them in slot
        // order): heads and links name occupied slots, a link goes down (so
        // every chain ends), and no slot is entered twice (chains never
        // merge, so unlinking one slot cannot leave it in another chain).
        seen.fill(0);
        let mut enter = |u: usize| {
            let twice = bit(&seen, u);
            seen[u / 64] |= 1 << (u % 64);
            if twice { Err(corrupt()) } else { Ok(()) }
        };
        for head in self.bytes[index..index + 8 * index_size].chunks_exact(8) {
            let h = u64_at(head, 0) as i64;
            if h == -1 {
                continue;
            }
            if h < 0 || h as usize >= size || !bit(&occupied, h as usize) {
                return Err(corrupt());
            }
            enter(h as usize)?;
        }
        for (u, l) in self.bytes[next..next + 8 * size].chunks_exact(8).enumerate() {
            let n = u64_at(l, 0) as i64;
            if !bit(&occupied, u) || n == -1 {
                continue;
            }
            if n < 0 || n as usize >= u || !bit(&occupied, n as usize) {
                return Err(corrupt());
            }
            enter(n as usize)?;
        }
        Ok(())
    }

    /// Bits of the relocation bitmap past the hot image must be clear.
    fn bitmap_tail(&self) -> Result<(), Error> {
        let words = self.layout.hot_len / 8;
        let stray = (words..self.relocs.len() * 8).any(|w| self.relocs[w / 8] & (1 << (w % 8)) != 0);
        if stray {
            return Err(reloc_err("relocation bitmap marks words past the hot image".into()));
        }
        Ok(())
    }

    /// Runs every check of the module doc, and compares the image's
    /// checksum with `checksum`, on two threads: one sums the image, the
    /// other checks the cells (strings with their bytes, tables with their
    /// chains) and the value payloads; then both check the conses, taking
    /// 1 MiB at a time until none are left, so neither waits for the other.
    pub fn check(&self, checksum: u64) -> Result<(), Error> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        self.bitmap_tail()?;
        let l = self.layout;
        let values = l.range(Run::Values);
        let slots_end = self.slots_end_claimed();
        let conses = l.range(Run::Conses);
        let next = AtomicUsize::new(conses.start);
        let share_conses = || loop {
            const CHUNK: usize = 1 << 20;
            let start = next.fetch_add(CHUNK, Ordering::Relaxed);
            if start >= conses.end {
                return Ok(());
            }
            self.values(start..(start + CHUNK).min(conses.end), "cons", false)?;
        };
        let sum_and_values = || {
            if super::format::checksum(self.bytes) != checksum {
                return Err(Error::new(ErrorKind::Checksum, "heap-image section checksum mismatch"));
            }
            share_conses()
        };
        let cells = || {
            if self.cells()? != slots_end {
                return Err(object_err("vector lengths do not match the value-payload run".into()));
            }
            self.values(values.start..slots_end, "vector", false)?;
            self.values(slots_end..values.end, "hash table", true)?;
            share_conses()
        };
        let (first, second) = if self.bytes.len() < PARALLEL_BYTES {
            (sum_and_values(), cells())
        } else {
            std::thread::scope(|s| {
                let other = s.spawn(cells);
                let mine = sum_and_values();
                (mine, other.join().unwrap_or_else(|_| Err(object_err("verification thread panicked".into()))))
            })
        };
        first.and(second)
    }
}

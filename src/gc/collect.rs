//! The collector, in the order it runs: `begin_gc`, `mark` (roots, pushed
//! by the owner), `finish_gc` = mark the symbols, trace what the write
//! barrier recorded, drain the gray stack, sweep.
//!
//! # Generations by sticky mark bits
//! A sweep leaves the mark bits of the survivors set, so outside a
//! collection a marked cell is *old* and an allocated, unmarked one is
//! *young* (allocated since the last collection). The two kinds of
//! collection differ only in where they start:
//!
//! - A **minor** collection keeps the marks. Tracing stops at any marked
//!   (old) object, so it visits only young objects reachable from the
//!   roots, the symbols, and the old objects the write barrier recorded:
//!   an old object written since the last collection has its mark cleared
//!   and is listed, since it may now hold the only reference to a young
//!   object. Only the blocks allocated into since the last collection can
//!   hold young cells, so only those are swept. Its cost follows the young
//!   data, not the heap.
//! - A **major** collection clears every mark first and then runs the
//!   same code, tracing and sweeping everything. It runs when the old
//!   generation has grown by the budget `pacing.rs` gives it since the
//!   last major one, and for every explicit full collection
//!   (`garbage-collect`, a dump).
//!
//! Dumped objects were already an old generation that is never traced;
//! the barrier records stores into them the same way, and those stay
//! recorded, since their marks are never set.
//!
//! Marking is iterative: a gray stack holds objects whose fields are not yet
//! traced, and the cdr chain of a list is followed in a loop, so neither a
//! ten-million-element list nor a list nested a million levels deep in its
//! car touches the Rust stack. Objects inside mapped dump ranges are never
//! marked (they are immortal); only the ones the write barrier recorded are
//! traced, so a collection's cost does not grow with the dump's size.

use std::time::Instant;

use super::block::{BITMAP_WORDS, BLOCK_KINDS, BlockHeader, BlockKind, CELLS_OFFSET, bit, bitmap_words, cell_index, header_of, set_bit};
use super::alloc::offer_for_reuse;
use super::heap::{Heap, free_payload, free_string_payload};
use super::object::*;
use super::symbol::SymFlags;
use super::value::*;

/// Live and free counts, shaped like Emacs's `(garbage-collect)` result.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
/// Pairs are (live, free) as Emacs reports them; objects in a mapped dump
/// are not counted (they are never swept).
pub struct GcStats {
    /// Conses (live, free).
    pub conses: (usize, usize),
    /// Symbols (live, free).
    pub symbols: (usize, usize),
    /// Strings (live, free).
    pub strings: (usize, usize),
    /// Bytes of live string contents.
    pub string_bytes: usize,
    /// Live vectors.
    pub vectors: usize,
    /// Vector slots (live, free).
    pub vector_slots: (usize, usize),
    /// Floats (live, free).
    pub floats: (usize, usize),
    /// Live hash tables.
    pub hash_tables: usize,
    /// Live bignums.
    pub bignums: usize,
    /// Live host objects (opaque Rust values).
    pub host_objects: usize,
    /// Blocks returned to the allocator because they became empty.
    pub blocks_freed: usize,
    /// Bytes of the live cells and their payloads, as allocation counts
    /// them (what paces the next collection: see `pacing.rs`).
    pub heap_bytes: usize,
    /// A major (full) collection. A minor one fills in only `heap_bytes`
    /// (the whole old generation), `symbols`, and the counts of the blocks
    /// it swept.
    pub full: bool,
}

/// Which collection to run (see the module doc).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum GcKind {
    /// Traces the young objects and the old ones the write barrier
    /// recorded; sweeps only the blocks allocated into since the last
    /// collection.
    Minor,
    /// Clears every mark, traces everything reachable, sweeps every block.
    Major,
}

impl Heap {
    /// The kind of collection the heap wants next: major when the old
    /// generation outgrew its budget (see `pacing.rs`), and for every
    /// eighth collection of stress mode; minor otherwise.
    pub fn next_gc_kind(&mut self) -> GcKind {
        if self.stress {
            self.stress_ticks += 1;
            if self.stress_ticks.is_multiple_of(8) {
                return GcKind::Major;
            }
        }
        if self.major_due { GcKind::Major } else { GcKind::Minor }
    }

    /// Starts a collection; the owner then calls `mark` on every root and
    /// finally `finish_gc`.
    pub fn begin_gc(&mut self, kind: GcKind) {
        debug_assert!(!self.in_gc);
        self.in_gc = true;
        self.gc_kind = kind;
        self.gray.clear();
        self.sym_marks.clear();
        self.sym_marks.resize(self.symbols.len().div_ceil(64), 0);
        if kind == GcKind::Major {
            for k in BLOCK_KINDS {
                for block in &mut self.blocks[k as usize] {
                    block.header_mut().marks = [0; BITMAP_WORDS];
                }
            }
        }
    }

    /// Marks `v` live, queueing it for tracing if it was not marked yet.
    #[inline]
    pub fn mark(&mut self, v: Value) {
        match v.bits() & TAG_MASK {
            TAG_SYMBOL => {
                let i = v.as_symbol().unwrap() as usize;
                let (w, b) = (i >> 6, 1u64 << (i & 63));
                if self.sym_marks[w] & b == 0 {
                    self.sym_marks[w] |= b;
                    self.gray.push(v);
                }
            }
            TAG_CONS | TAG_VECLIKE if self.set_mark(v.addr()) => self.gray.push(v),
            TAG_STRING | TAG_FLOAT => {
                self.set_mark(v.addr());
            }
            _ => {}
        }
    }

    /// Sets the mark bit of the heap object at `addr`; false if it was
    /// already marked or lies in a mapped dump (immortal, never marked).
    #[inline(always)]
    fn set_mark(&mut self, addr: usize) -> bool {
        if !self.mapped.is_empty() && self.is_mapped(addr) {
            return false;
        }
        // SAFETY: heap invariant (heap.rs): `addr` is a cell of a live block,
        // since it is a pointer value that is not in a mapped range.
        unsafe {
            let hdr = header_of(addr);
            let i = cell_index(addr, (*hdr).kind);
            if bit(&(*hdr).marks, i) {
                false
            } else {
                set_bit(&mut (*hdr).marks, i);
                true
            }
        }
    }

    pub fn finish_gc(&mut self) -> GcStats {
        let start = Instant::now();
        let major = self.gc_kind == GcKind::Major;
        // Interned symbols are always live, and so are symbols loaded from
        // a dump (dumped objects that refer to them are never traced). A
        // minor collection traces every symbol: an old object may hold an
        // uninterned one, and symbols are written without a barrier.
        for i in 0..self.symbols.len() {
            let flags = self.symbols.get(i as u32).flags;
            let root = if major {
                flags.intersects(SymFlags::INTERNED | SymFlags::IMMORTAL)
            } else {
                !flags.contains(SymFlags::FREE)
            };
            if root {
                self.mark(Value::symbol(i as u32));
            }
        }
        // Dumped objects written since load may hold the only reference to
        // a heap object; old heap objects written since the last collection
        // may hold the only reference to a young one.
        for k in 0..self.dirty.len() {
            let v = self.dirty[k];
            self.trace_fields(v);
        }
        // (A major collection traces everything reachable anyway, and
        // leaves an unreachable written object to its sweep.)
        let remembered = std::mem::take(&mut self.remembered);
        if !major {
            for &v in &remembered {
                if self.set_mark(v.addr()) {
                    self.trace_fields(v);
                }
            }
        }
        self.remembered = remembered;
        self.remembered.clear();
        self.drain_gray();
        let mut dead = Vec::new();
        let stats = if major { self.sweep_all(&mut dead) } else { self.sweep_young(&mut dead) };
        self.host_objects -= dead.len();
        self.in_gc = false;
        self.bytes_since_gc = 0;
        self.pace_after_gc(&stats);
        self.gc_count += 1;
        if major {
            self.major_gc_count += 1;
        }
        self.gc_seconds += start.elapsed().as_secs_f64();
        // Finalizers are Rust code of the embedder: they run once the heap
        // is consistent again, so not even a panic in one can leave it torn.
        run_finalizers(dead);
        stats
    }

    /// Traces the gray objects until none is left. Each goes through a
    /// short queue, prefetched on entry, so that its cell is in cache by
    /// the time it is traced (the objects of a big heap are mostly cache
    /// misses otherwise).
    fn drain_gray(&mut self) {
        const AHEAD: usize = 8;
        let mut queue = [Value::NIL; AHEAD];
        let mut head = 0;
        let mut queued = 0;
        loop {
            if let Some(v) = self.gray.pop() {
                prefetch(v.addr());
                let slot = &mut queue[head];
                let ready = std::mem::replace(slot, v);
                head = (head + 1) % AHEAD;
                if queued == AHEAD {
                    self.trace_fields(ready);
                } else {
                    queued += 1;
                }
            } else if queued > 0 {
                // The gray stack is empty: trace the queue, oldest first
                // (which may gray more objects).
                let oldest = (head + AHEAD - queued) % AHEAD;
                let v = queue[oldest];
                queued -= 1;
                self.trace_fields(v);
            } else {
                break;
            }
        }
    }

    /// Marks the children of `v` (already marked itself, or dumped).
    fn trace_fields(&mut self, v: Value) {
        match v.bits() & TAG_MASK {
            TAG_SYMBOL => {
                let s = self.symbols.get(v.as_symbol().unwrap());
                let (a, b, c) = (s.value, s.function, s.plist);
                self.mark(a);
                self.mark(b);
                self.mark(c);
            }
            TAG_CONS => {
                // Follow the cdr chain in a loop; cars go to the gray stack.
                // The chain is a dependent load per cons; a list built by
                // consing mostly lies at a steady stride, so prefetching
                // along the last step's stride keeps the loads ahead.
                let mut c = v;
                loop {
                    let (car, cdr) = (self.car(c), self.cdr(c));
                    if !car.is_fixnum() {
                        self.mark(car);
                    }
                    if cdr.is_cons() && self.set_mark(cdr.addr()) {
                        let stride = cdr.addr().wrapping_sub(c.addr());
                        prefetch(cdr.addr().wrapping_add(stride.wrapping_mul(PREFETCH_STEPS)));
                        c = cdr;
                    } else {
                        self.mark(cdr);
                        break;
                    }
                }
            }
            TAG_VECLIKE => match self.veclike_kind(v) {
                VecKind::Vector | VecKind::Record => {
                    let n = self.vec_len(v);
                    for i in 0..n {
                        let x = self.vec_get(v, i);
                        self.mark(x);
                    }
                }
                VecKind::HashTable => {
                    let n = self.hash_table(v).kv().len();
                    for i in 0..n {
                        let x = self.hash_table(v).kv()[i];
                        self.mark(x);
                    }
                }
                // Leaves: no Lisp values inside.
                VecKind::Bignum | VecKind::HostObject => {}
            },
            _ => {}
        }
    }

    /// Frees the dead cells of one block: allocated and unmarked. Marks
    /// stay set (sticky: the survivors are old now). Records the block's
    /// live cells and bytes in its header, adds them to `stats`, and
    /// returns the bytes it held live before.
    ///
    /// # Safety
    /// `base` is a live block of this heap, and every cell of it that is
    /// allocated and unmarked is unreachable.
    unsafe fn sweep_block(&self, base: usize, finalizers: &mut Vec<HostBox>, stats: &mut GcStats) -> usize {
        // SAFETY: per the contract, `base` is a live block's header.
        let h = unsafe { &mut *(base as *mut BlockHeader) };
        let kind = h.kind;
        let shift = kind.cell_shift();
        let cells = base + CELLS_OFFSET;
        let mut live = 0u32;
        for w in 0..bitmap_words(h.ncells) {
            // Conses and floats own nothing: their dead cells need no visit
            // (but for the poison of debug builds).
            let owns = !matches!(kind, BlockKind::Cons | BlockKind::Float) || cfg!(debug_assertions);
            let mut dead = if owns { h.allocated[w] & !h.marks[w] } else { 0 };
            while dead != 0 {
                let a = cells + ((w * 64 + dead.trailing_zeros() as usize) << shift);
                dead &= dead - 1;
                // SAFETY: the cell is allocated and unreachable (contract).
                unsafe {
                    finalize_cell(a, kind, &self.mapped, finalizers);
                    poison(a, kind);
                }
            }
            h.allocated[w] &= h.marks[w];
            live += h.allocated[w].count_ones();
        }
        let before = h.live_bytes;
        h.live_cells = live;
        h.live_bytes = self.count_live(h, base, stats);
        h.young = false;
        before
    }

    /// A major collection's sweep: every block. Empty blocks go back to
    /// the allocator (all but one per kind); the others with room become
    /// the reusable lists, in address order.
    fn sweep_all(&mut self, finalizers: &mut Vec<HostBox>) -> GcStats {
        let mut stats = GcStats { full: true, ..GcStats::default() };
        self.reset_cursors();
        self.young_blocks.clear();
        self.old_bytes = 0;
        for kind in BLOCK_KINDS {
            let k = kind as usize;
            self.reusable[k].clear();
            let blocks = std::mem::take(&mut self.blocks[k]);
            let mut kept = Vec::with_capacity(blocks.len());
            let n = blocks.len();
            for block in blocks {
                // SAFETY: the block is live, and this major collection
                // cleared every mark before tracing from all the roots.
                unsafe { self.sweep_block(block.base(), finalizers, &mut stats) };
                let h = block.header();
                if h.live_cells == 0 && (kept.len() + 1 < n || !kept.is_empty()) {
                    stats.blocks_freed += 1;
                    continue; // dropping the block returns it to the allocator
                }
                self.old_bytes += h.live_bytes;
                kept.push(block);
            }
            self.blocks[k] = kept;
            for block in &self.blocks[k] {
                offer_for_reuse(&mut self.reusable, block.header(), block.base());
            }
            // Popped from the end: lowest addresses first.
            self.reusable[k].sort_unstable_by(|a, b| b.cmp(a));
        }
        self.sweep_symbols(&mut stats);
        stats.heap_bytes = self.old_bytes;
        stats
    }

    /// A minor collection's sweep: only the blocks allocated into since
    /// the last collection (every other block holds only old cells, all
    /// marked). Uninterned symbols wait for a major collection.
    fn sweep_young(&mut self, finalizers: &mut Vec<HostBox>) -> GcStats {
        let mut stats = GcStats::default();
        self.reset_cursors();
        let young = std::mem::take(&mut self.young_blocks);
        for &base in &young {
            // An allocated, unmarked cell there is young and untraced: old
            // cells are marked, or were unmarked by the barrier and traced.
            // SAFETY: young blocks are live (only a major sweep frees
            // blocks, and it empties this list); their unmarked cells are
            // unreachable (above).
            let before = unsafe { self.sweep_block(base, finalizers, &mut stats) };
            // SAFETY: as above.
            let h = unsafe { &*(base as *const BlockHeader) };
            self.old_bytes = self.old_bytes - before + h.live_bytes;
            offer_for_reuse(&mut self.reusable, h, base);
        }
        self.young_blocks = young;
        self.young_blocks.clear();
        stats.symbols = (self.symbols.len() - self.symbols.free_count(), self.symbols.free_count());
        stats.heap_bytes = self.old_bytes;
        stats
    }

    /// Releases uninterned symbols nobody refers to (major collections).
    fn sweep_symbols(&mut self, stats: &mut GcStats) {
        let mut live_syms = 0;
        for i in 0..self.symbols.len() {
            let flags = self.symbols.get(i as u32).flags;
            if flags.contains(SymFlags::FREE) {
                continue;
            }
            let kept = flags.intersects(SymFlags::INTERNED | SymFlags::IMMORTAL);
            if self.sym_marks[i >> 6] & (1 << (i & 63)) == 0 && !kept {
                self.symbols.release(i as u32);
            } else {
                live_syms += 1;
            }
        }
        stats.symbols = (live_syms, self.symbols.len() - live_syms);
    }

    /// Counts the live cells of a swept block into `s`; returns their
    /// bytes (cells and payloads).
    fn count_live(&self, h: &BlockHeader, base: usize, s: &mut GcStats) -> usize {
        let kind = h.kind;
        let live = h.live_cells as usize;
        let free = h.ncells as usize - live;
        let mut bytes = live * kind.cell_size();
        let cell = |i: usize| base + CELLS_OFFSET + (i << kind.cell_shift());
        let live_cells = (0..h.ncells as usize).filter(|&i| bit(&h.allocated, i));
        match kind {
            BlockKind::Cons => {
                s.conses.0 += live;
                s.conses.1 += free;
            }
            BlockKind::Float => {
                s.floats.0 += live;
                s.floats.1 += free;
            }
            BlockKind::String => {
                s.strings.0 += live;
                s.strings.1 += free;
                for i in live_cells {
                    // SAFETY: allocated string cell.
                    let st = unsafe { &*(cell(i) as *const LispString) };
                    s.string_bytes += st.len;
                    bytes += st.cap;
                }
            }
            BlockKind::Vec32 | BlockKind::Vec128 => {
                for i in live_cells {
                    let v = Value::from_ptr(cell(i), TAG_VECLIKE);
                    match self.veclike_kind(v) {
                        VecKind::Vector | VecKind::Record => {
                            s.vectors += 1;
                            s.vector_slots.0 += self.vec_len(v);
                            bytes += self.vec_len(v) * 8;
                        }
                        VecKind::HashTable => {
                            s.hash_tables += 1;
                            let t = self.hash_table(v);
                            bytes += t.size * 32 + t.index_size * 8;
                        }
                        VecKind::Bignum => {
                            s.bignums += 1;
                            bytes += self.bignum(v).1.len() * 8;
                        }
                        VecKind::HostObject => {
                            s.host_objects += 1;
                            bytes += std::mem::size_of::<HostBox>();
                        }
                    }
                }
            }
        }
        bytes
    }
}

/// In debug builds, fills a freed cell with a pattern no value has (an
/// unaligned pointer with a tag), so a use after free is loud.
///
/// # Safety
/// `addr` is a cell of `kind` that is no longer allocated.
#[inline(always)]
unsafe fn poison(addr: usize, kind: BlockKind) {
    if cfg!(debug_assertions) {
        // SAFETY: the cell is `cell_size` bytes of this heap, now free.
        unsafe { std::ptr::write_bytes(addr as *mut u8, POISON, kind.cell_size()) };
    }
}

/// How many conses ahead the cdr loop prefetches, along the last stride.
const PREFETCH_STEPS: usize = 16;

/// The byte freed cells are filled with in debug builds.
pub const POISON: u8 = 0xA5;

/// Asks the processor to bring the cache line at `addr` in (a hint: it
/// never faults, whatever the address).
#[inline(always)]
fn prefetch(addr: usize) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch instruction has no architectural effect and never
    // faults, even on an unmapped address; SSE is part of x86_64's baseline.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(addr as *const i8)
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = addr;
}

/// Releases the payload of a dead (or dropped) cell; a host object's box
/// is freed and what it held goes to `dead`, for `run_finalizers`.
///
/// # Safety
/// `addr` must be an allocated cell of `kind` whose payload is freed once.
pub(super) unsafe fn finalize_cell(
    addr: usize,
    kind: BlockKind,
    mapped: &[std::ops::Range<usize>],
    dead: &mut Vec<HostBox>,
) {
    let is_mapped = |p: usize| super::heap::in_ranges(mapped, p);
    // Payloads come from `payload_from_vec`/`string_payload` with the
    // recorded lengths, a host object's box from `Box::into_raw`.
    // SAFETY: per the contract, a valid `kind` object whose payloads are
    // freed once; those in a mapped dump are never freed.
    unsafe {
        match kind {
            BlockKind::Cons | BlockKind::Float => {}
            BlockKind::String => {
                let s = &*(addr as *const LispString);
                if !is_mapped(s.data as usize) {
                    free_string_payload(s.data, s.cap);
                }
            }
            BlockKind::Vec32 | BlockKind::Vec128 => match VecKind::from_header(*(addr as *const u64)) {
                Some(VecKind::Vector | VecKind::Record) => {
                    let v = &*(addr as *const Vector);
                    if !is_mapped(v.data as usize) {
                        free_payload(v.data, v.len);
                    }
                }
                Some(VecKind::Bignum) => {
                    let b = &*(addr as *const Bignum);
                    if !is_mapped(b.limbs as usize) {
                        free_payload(b.limbs, b.len);
                    }
                }
                Some(VecKind::HashTable) => {
                    let t = &*(addr as *const HashTable);
                    if !is_mapped(t.kv as usize) {
                        free_payload(t.kv, 2 * t.size);
                        free_payload(t.hash, t.size);
                        free_payload(t.next, t.size);
                    }
                    if !is_mapped(t.index as usize) {
                        free_payload(t.index, t.index_size);
                    }
                }
                Some(VecKind::HostObject) => {
                    // The box came from `Box::into_raw` in `alloc_host_object`
                    // (host objects are never mapped: the verifier refuses them).
                    let h = &*(addr as *const HostObject);
                    dead.push(*Box::from_raw(h.boxed));
                }
                None => {}
            },
        }
    }
}

/// Drops what dead host objects held: each drops one reference to its
/// value, and the last reference runs the value's `Drop` (its finalizer).
/// A panicking finalizer is caught and skipped (the panic hook has
/// reported it): it must neither unwind through the collector's caller,
/// which may be any allocation, nor abort a heap dropped during unwinding.
pub(super) fn run_finalizers(dead: Vec<HostBox>) {
    for b in dead {
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || drop(b)));
    }
}

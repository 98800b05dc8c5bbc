//! The collector, in the order it runs: `begin_gc`, `mark` (roots, pushed
//! by the owner), `finish_gc` = mark interned symbols, trace the remembered
//! dumped objects, drain the gray stack, sweep blocks and symbols.
//!
//! Marking is iterative: a gray stack holds objects whose fields are not yet
//! traced, and the cdr chain of a list is followed in a loop, so neither a
//! ten-million-element list nor a list nested a million levels deep in its
//! car touches the Rust stack. Objects inside mapped dump ranges are never
//! marked (they are immortal); only the ones the write barrier recorded are
//! traced, so a collection's cost does not grow with the dump's size.

use std::time::Instant;

use super::block::{BLOCK_KINDS, BITMAP_WORDS, BlockKind, bit, cell_index, header_of, set_bit};
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
}

impl Heap {
    /// Starts a collection; the owner then calls `mark` on every root and
    /// finally `finish_gc`.
    pub fn begin_gc(&mut self) {
        debug_assert!(!self.in_gc);
        self.in_gc = true;
        self.gray.clear();
        self.sym_marks.clear();
        self.sym_marks.resize(self.symbols.len().div_ceil(64), 0);
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
        // Interned symbols are always live, and so are symbols loaded from
        // a dump (dumped objects that refer to them are never traced).
        for i in 0..self.symbols.len() {
            if self.symbols.get(i as u32).flags.intersects(SymFlags::INTERNED | SymFlags::IMMORTAL) {
                self.mark(Value::symbol(i as u32));
            }
        }
        // Dumped objects written since load may hold the only reference to
        // a young object.
        for k in 0..self.dirty.len() {
            let v = self.dirty[k];
            self.trace_fields(v);
        }
        while let Some(v) = self.gray.pop() {
            self.trace_fields(v);
        }
        let mut dead = Vec::new();
        let stats = self.sweep(&mut dead);
        self.host_objects -= dead.len();
        self.in_gc = false;
        self.bytes_since_gc = 0;
        self.pace_after_gc(&stats);
        self.gc_count += 1;
        self.gc_seconds += start.elapsed().as_secs_f64();
        // Finalizers are Rust code of the embedder: they run once the heap
        // is consistent again, so not even a panic in one can leave it torn.
        run_finalizers(dead);
        stats
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
                let mut c = v;
                loop {
                    let (car, cdr) = (self.car(c), self.cdr(c));
                    self.mark(car);
                    if cdr.is_cons() && self.set_mark(cdr.addr()) {
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

    /// Frees dead cells; the contents of dead host objects' boxes go to
    /// `finalizers`.
    fn sweep(&mut self, finalizers: &mut Vec<HostBox>) -> GcStats {
        let mut stats = GcStats::default();
        for kind in BLOCK_KINDS {
            let k = kind as usize;
            let mut blocks = std::mem::take(&mut self.blocks[k]);
            let mut kept = Vec::with_capacity(blocks.len());
            let mut free_head = 0usize;
            // Walk blocks and cells backwards so the rebuilt free list runs
            // in ascending address order.
            while let Some(mut block) = blocks.pop() {
                let base_cells = block.cell_addr(0);
                let shift = kind.cell_shift();
                let ncells = block.header().ncells as usize;
                let mut live = 0usize;
                let h = block.header_mut();
                for w in 0..BITMAP_WORDS {
                    let dead = h.allocated[w] & !h.marks[w];
                    let mut d = dead;
                    while d != 0 {
                        let i = w * 64 + d.trailing_zeros() as usize;
                        d &= d - 1;
                        // SAFETY: cell `i` is allocated and unreachable.
                        unsafe { finalize_cell(base_cells + (i << shift), kind, &self.mapped, finalizers) };
                    }
                    h.allocated[w] &= h.marks[w];
                    live += h.allocated[w].count_ones() as usize;
                    h.marks[w] = 0;
                }
                if live == 0 && !(kept.is_empty() && blocks.is_empty()) {
                    stats.blocks_freed += 1;
                    continue; // dropping the block returns it to the allocator
                }
                for i in (0..ncells).rev() {
                    if !bit(&h.allocated, i) {
                        let a = base_cells + (i << shift);
                        // SAFETY: `a` is a free cell of this block; its first
                        // word becomes the free-list link.
                        unsafe { *(a as *mut usize) = free_head };
                        free_head = a;
                    }
                }
                self.count_live(kind, &block, live, ncells, &mut stats);
                kept.push(block);
            }
            kept.reverse();
            self.blocks[k] = kept;
            self.free[k] = free_head;
        }
        // Uninterned symbols nobody refers to.
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
        stats
    }

    fn count_live(&self, kind: BlockKind, block: &super::block::Block, live: usize, ncells: usize, s: &mut GcStats) {
        let free = ncells - live;
        s.heap_bytes += live * kind.cell_size();
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
                let h = block.header();
                for i in 0..ncells {
                    if bit(&h.allocated, i) {
                        // SAFETY: allocated string cell.
                        let st = unsafe { &*(block.cell_addr(i) as *const LispString) };
                        s.string_bytes += st.len;
                        s.heap_bytes += st.cap;
                    }
                }
            }
            BlockKind::Vec32 | BlockKind::Vec128 => {
                let h = block.header();
                for i in 0..ncells {
                    if bit(&h.allocated, i) {
                        let v = Value::from_ptr(block.cell_addr(i), TAG_VECLIKE);
                        match self.veclike_kind(v) {
                            VecKind::Vector | VecKind::Record => {
                                s.vectors += 1;
                                s.vector_slots.0 += self.vec_len(v);
                                s.heap_bytes += self.vec_len(v) * 8;
                            }
                            VecKind::HashTable => {
                                s.hash_tables += 1;
                                let t = self.hash_table(v);
                                s.heap_bytes += t.size * 32 + t.index_size * 8;
                            }
                            VecKind::Bignum => {
                                s.bignums += 1;
                                s.heap_bytes += self.bignum(v).1.len() * 8;
                            }
                            VecKind::HostObject => {
                                s.host_objects += 1;
                                s.heap_bytes += std::mem::size_of::<HostBox>();
                            }
                        }
                    }
                }
            }
        }
    }
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
    // SAFETY: per the contract the cell holds a valid `kind` object whose payloads
    // came from `payload_from_vec`/`string_payload` with the recorded lengths
    // (a host object's box from `Box::into_raw`), unless they lie in a mapped
    // dump, which is never freed.
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

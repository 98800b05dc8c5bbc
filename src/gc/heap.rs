//! The heap: typed blocks with free lists, payload buffers, the symbol
//! table, mapped (dumped) ranges and the write barrier.
//!
//! The heap never decides to collect by itself: allocation only counts
//! bytes, and the owner (the interpreter) calls `needs_gc` before an
//! allocation and runs a collection with its roots (see `collect.rs`).
//!
//! # The invariant behind every `unsafe` accessor here
//! A `Value` with a pointer tag points to a live object of the matching
//! layout: either a cell of one of this heap's blocks or an object inside a
//! mapped dump range. Only this heap and the dump loader (after validation)
//! create pointer values, and the collector frees only cells unreachable
//! from the roots, so this holds as long as callers keep values they hold
//! across an allocation rooted (the interpreter's root stack).

use std::any::Any;
use std::collections::HashSet;
use std::sync::Arc;
use std::ops::Range;

use super::alloc::Cursor;
use super::collect::GcKind;
use super::block::{BLOCK_KINDS, Block, BlockKind, bit, cell_index, clear_bit, header_of};
use super::object::*;
use super::pacing::Pacing;
use super::symbol::SymbolTable;
use super::value::*;

/// Address ranges of cells by block kind (indexed by `BlockKind as usize`).
pub type CellRuns = [Range<usize>; 5];

pub struct Heap {
    pub(super) blocks: [Vec<Block>; 5],
    /// Where each kind allocates next (see `alloc.rs`).
    pub(super) cursors: [Cursor; 5],
    /// Per kind, blocks with room that allocation may enter, popped from
    /// the end (so kept in descending address order after a major sweep).
    pub(super) reusable: [Vec<usize>; 5],
    /// Blocks allocated into since the last collection (all kinds): what a
    /// minor collection sweeps.
    pub(super) young_blocks: Vec<usize>,
    /// Old heap objects written since the last collection (their mark bits
    /// cleared by the write barrier, so each is listed once): a minor
    /// collection traces them, as the only old objects that may point to
    /// young ones.
    pub(super) remembered: Vec<Value>,
    /// Bytes of the cells (and payloads) that survived their block's last
    /// sweep: the old generation, whose growth schedules major collections.
    pub(super) old_bytes: usize,
    pub symbols: SymbolTable,
    /// Address ranges of mapped dumps: objects there are immortal, never
    /// swept, and traced only when the write barrier recorded them.
    pub(super) mapped: Vec<Range<usize>>,
    /// For each mapped range, the address ranges of its cells by block
    /// kind (a dump lays cells out in one run per kind).
    pub(super) mapped_cells: Vec<CellRuns>,
    /// Dumped objects written since load: traced by every collection, as
    /// they are never marked themselves.
    pub(super) dirty: Vec<Value>,
    pub(super) dirty_set: HashSet<usize>,
    pub(super) bytes_since_gc: usize,
    /// Collect once `bytes_since_gc` reaches this (set by `pacing.rs`).
    pub threshold: usize,
    /// What sets `threshold`: `gc-cons-threshold`, `gc-cons-percentage`,
    /// the live heap after the last collection (see `pacing.rs`).
    pub pacing: Pacing,
    /// Collect before every allocation (`MINILISP_GC_STRESS=1`).
    pub stress: bool,
    pub(super) gray: Vec<Value>,
    pub(super) sym_marks: Vec<u64>,
    pub gc_count: u64,
    /// Of `gc_count`, the major (full) collections.
    pub major_gc_count: u64,
    pub gc_seconds: f64,
    /// The next collection must be major: the old generation outgrew its
    /// budget (see `pacing.rs`), or the heap is new.
    pub(super) major_due: bool,
    /// Collections run by stress mode (every eighth of them is major).
    pub(super) stress_ticks: u64,
    pub(super) in_gc: bool,
    /// The kind of the collection under way.
    pub(super) gc_kind: GcKind,
    /// Allocated host-object cells (live, or dead and not yet swept): a
    /// dump that finds none skips its search for one.
    pub(super) host_objects: usize,
    /// Owners of the memory behind `mapped` (a file mapping or a buffer),
    /// dropped with the heap after every payload is released.
    mappings: Vec<Box<dyn std::any::Any + Send>>,
}

// SAFETY: the heap exclusively owns its blocks and payloads; raw pointers
// inside objects point only into memory owned by this heap or its mapped
// dumps, or to host-object boxes it owns whose values are `Send + Sync`,
// so moving the whole heap to another thread is sound.
unsafe impl Send for Heap {}

impl Default for Heap {
    fn default() -> Self {
        Self::new()
    }
}

impl Heap {
    pub fn new() -> Heap {
        let mut heap = Heap::with_symbols(SymbolTable::default());
        let nil = heap.symbols.intern("nil");
        let t = heap.symbols.intern("t");
        debug_assert!(nil == Value::NIL && t == Value::T);
        for v in [nil, t] {
            let s = heap.symbols.get_mut(v.as_symbol().unwrap());
            s.value = v;
            s.flags |= super::symbol::SymFlags::CONSTANT | super::symbol::SymFlags::SPECIAL;
        }
        heap
    }

    /// A heap with the given symbol table (from a dump: nil and t included).
    pub fn with_symbols(symbols: SymbolTable) -> Heap {
        Heap {
            blocks: Default::default(),
            cursors: Default::default(),
            reusable: Default::default(),
            young_blocks: Vec::new(),
            remembered: Vec::new(),
            old_bytes: 0,
            symbols,
            mapped: Vec::new(),
            mapped_cells: Vec::new(),
            dirty: Vec::new(),
            dirty_set: HashSet::new(),
            bytes_since_gc: 0,
            threshold: Pacing::default().budget(0),
            pacing: Pacing::default(),
            stress: false,
            gray: Vec::new(),
            sym_marks: Vec::new(),
            gc_count: 0,
            major_gc_count: 0,
            gc_seconds: 0.0,
            major_due: false,
            stress_ticks: 0,
            in_gc: false,
            gc_kind: GcKind::Major,
            host_objects: 0,
            mappings: Vec::new(),
        }
    }

    /// True when the owner should collect before allocating more.
    #[inline(always)]
    pub fn needs_gc(&self) -> bool {
        self.stress || self.bytes_since_gc >= self.threshold
    }

    // ---- mapped ranges and the write barrier ----

    /// Registers a mapped dump range, whose objects are externally marked,
    /// with the address ranges of its cells by kind (every cell there is an
    /// object) and the value that owns its memory (kept alive as long as
    /// the heap).
    pub fn add_mapping(&mut self, range: Range<usize>, cells: CellRuns, owner: Box<dyn std::any::Any + Send>) {
        debug_assert!(cells.iter().all(|r| r.is_empty() || (range.start <= r.start && r.end <= range.end)));
        self.mapped.push(range);
        self.mapped_cells.push(cells);
        self.mappings.push(owner);
    }

    #[inline(always)]
    pub fn is_mapped(&self, addr: usize) -> bool {
        in_ranges(&self.mapped, addr)
    }

    /// Records that the object `obj` is about to receive a pointer. The
    /// collector traces only young objects and what this recorded: a
    /// dumped object, traced by every later collection, or an old heap
    /// object (one whose sticky mark bit is set), traced by the next one.
    #[inline(always)]
    pub fn write_barrier(&mut self, obj: Value) {
        let addr = obj.addr();
        if !self.mapped.is_empty() && self.is_mapped(addr) {
            self.remember_dumped(obj);
            return;
        }
        // SAFETY: heap invariant: a pointer value outside the mapped ranges
        // is a cell of a live block of this heap.
        unsafe {
            let h = header_of(addr);
            let i = cell_index(addr, (*h).kind);
            if bit(&(*h).marks, i) {
                // Old: unmark it, so it is listed once; the next collection
                // traces it and marks it again.
                clear_bit(&mut (*h).marks, i);
                self.remembered.push(obj);
            }
        }
    }

    #[cold]
    fn remember_dumped(&mut self, obj: Value) {
        if self.dirty_set.insert(obj.addr()) {
            self.dirty.push(obj);
        }
    }

    /// Bytes of the old generation (see `collect.rs`).
    pub fn old_bytes(&self) -> usize {
        self.old_bytes
    }

    /// Number of dumped objects recorded by the write barrier.
    pub fn dirty_count(&self) -> usize {
        self.dirty.len()
    }

    // ---- allocation (never collects) ----

    pub fn alloc_cons(&mut self, car: Value, cdr: Value) -> Value {
        let a = self.alloc_cell(BlockKind::Cons);
        // SAFETY: `a` is a fresh cell sized and aligned for a Cons.
        unsafe { (a as *mut Cons).write(Cons { car, cdr }) };
        Value::from_ptr(a, TAG_CONS)
    }

    pub fn alloc_float(&mut self, f: f64) -> Value {
        let a = self.alloc_cell(BlockKind::Float);
        // SAFETY: `a` is a fresh cell sized and aligned for an f64.
        unsafe { (a as *mut LispFloat).write(LispFloat { value: f }) };
        Value::from_ptr(a, TAG_FLOAT)
    }

    pub fn alloc_string(&mut self, s: &str) -> Value {
        let (data, len, cap) = string_payload(s.as_bytes().to_vec());
        self.bytes_since_gc += cap;
        let a = self.alloc_cell(BlockKind::String);
        let nchars = count_chars(s);
        // SAFETY: `a` is a fresh cell sized and aligned for a LispString.
        unsafe { (a as *mut LispString).write(LispString { data, len, cap, nchars }) };
        Value::from_ptr(a, TAG_STRING)
    }

    pub fn alloc_vector(&mut self, len: usize, init: Value) -> Value {
        self.alloc_slots(VecKind::Vector, vec![init; len])
    }

    /// A vector-shaped object of `kind` (a vector or a record) owning `slots`.
    fn alloc_slots(&mut self, kind: VecKind, slots: Vec<Value>) -> Value {
        debug_assert!(kind.has_slots());
        let len = slots.len();
        let data = payload_from_vec(slots);
        self.bytes_since_gc += len * 8;
        let a = self.alloc_cell(BlockKind::Vec32);
        // SAFETY: `a` is a fresh cell sized and aligned for a Vector (a
        // record has the same layout).
        unsafe { (a as *mut Vector).write(Vector { header: kind as u64, len, data, _reserved: 0 }) };
        Value::from_ptr(a, TAG_VECLIKE)
    }

    /// A host object holding `value`, known to Lisp as type `type_name`.
    pub fn alloc_host_object(&mut self, value: Arc<dyn Any + Send + Sync>, type_name: &'static str) -> Value {
        // Boxed first: `alloc_cell` cannot fail half-way, so the cell and
        // its box are made together (freed together by `finalize_cell`).
        let boxed = Box::into_raw(Box::new(HostBox { value, type_name }));
        self.bytes_since_gc += std::mem::size_of::<HostBox>();
        let a = self.alloc_cell(BlockKind::Vec32);
        let header = VecKind::HostObject as u64;
        // SAFETY: `a` is a fresh cell sized and aligned for a HostObject.
        unsafe { (a as *mut HostObject).write(HostObject { header, boxed, _reserved: [0; 2] }) };
        self.host_objects += 1;
        Value::from_ptr(a, TAG_VECLIKE)
    }

    pub fn alloc_vector_from(&mut self, items: &[Value]) -> Value {
        self.alloc_slots(VecKind::Vector, items.to_vec())
    }

    /// A record: a vector-shaped object with the `Record` kind word; slot 0
    /// is its type.
    pub fn alloc_record_from(&mut self, items: &[Value]) -> Value {
        self.alloc_slots(VecKind::Record, items.to_vec())
    }

    /// A bignum from its sign and little-endian magnitude limbs (no
    /// normalisation: callers pass values outside the fixnum range).
    pub fn alloc_bignum(&mut self, negative: bool, limbs: &[u64]) -> Value {
        let data = payload_from_vec(limbs.to_vec());
        self.bytes_since_gc += limbs.len() * 8;
        let a = self.alloc_cell(BlockKind::Vec32);
        // SAFETY: `a` is a fresh cell sized and aligned for a Bignum.
        unsafe {
            (a as *mut Bignum).write(Bignum {
                header: VecKind::Bignum as u64,
                len: limbs.len(),
                limbs: data,
                negative: negative as u64,
            })
        };
        Value::from_ptr(a, TAG_VECLIKE)
    }

    /// An empty hash table with `size` slots (Emacs's `:size`).
    pub fn alloc_hash_table(&mut self, test: HashTest, size: usize) -> Value {
        let a = self.alloc_cell(BlockKind::Vec128);
        let mut t = HashTable {
            header: VecKind::HashTable as u64,
            test,
            count: 0,
            size: 0,
            kv: std::ptr::null_mut(),
            hash: std::ptr::null_mut(),
            next: std::ptr::null_mut(),
            index: std::ptr::null_mut(),
            index_size: 0,
            next_free: -1,
            stale: 0,
            _reserved: [0; 5],
        };
        self.bytes_since_gc += hash_table_resize(&mut t, size, &self.mapped);
        // SAFETY: `a` is a fresh cell sized and aligned for a HashTable.
        unsafe { (a as *mut HashTable).write(t) };
        Value::from_ptr(a, TAG_VECLIKE)
    }

    // ---- accessors ----

    /// In debug builds, fails loudly when `v` is not a live object: a cell
    /// of this heap that is not allocated was freed by a collection while
    /// something still held it (a value not rooted across an allocation).
    #[inline(always)]
    fn debug_check_live(&self, v: Value) {
        #[cfg(debug_assertions)]
        if !self.is_mapped(v.addr()) {
            // (Blocks go back to the allocator only when empty.)
            // SAFETY: heap invariant for a pointer outside the mapped ranges:
            // its block is live, even if the cell was freed.
            let allocated = unsafe {
                let h = header_of(v.addr());
                bit(&(*h).allocated, cell_index(v.addr(), (*h).kind))
            };
            assert!(allocated, "use of a freed object at {:#x}: a value was not rooted across a collection", v.addr());
        }
        #[cfg(not(debug_assertions))]
        let _ = v;
    }

    #[inline(always)]
    pub fn car(&self, v: Value) -> Value {
        debug_assert!(v.is_cons());
        self.debug_check_live(v);
        // SAFETY: heap invariant (module doc): a cons value points to a Cons.
        unsafe { (*(v.addr() as *const Cons)).car }
    }

    #[inline(always)]
    pub fn cdr(&self, v: Value) -> Value {
        debug_assert!(v.is_cons());
        self.debug_check_live(v);
        // SAFETY: heap invariant (module doc).
        unsafe { (*(v.addr() as *const Cons)).cdr }
    }

    #[inline(always)]
    pub fn set_car(&mut self, v: Value, x: Value) {
        debug_assert!(v.is_cons());
        self.debug_check_live(v);
        self.write_barrier(v);
        // SAFETY: heap invariant; &mut self excludes other access.
        unsafe { (*(v.addr() as *mut Cons)).car = x }
    }

    #[inline(always)]
    pub fn set_cdr(&mut self, v: Value, x: Value) {
        debug_assert!(v.is_cons());
        self.debug_check_live(v);
        self.write_barrier(v);
        // SAFETY: heap invariant; &mut self excludes other access.
        unsafe { (*(v.addr() as *mut Cons)).cdr = x }
    }

    #[inline(always)]
    pub fn float(&self, v: Value) -> f64 {
        debug_assert!(v.is_float());
        self.debug_check_live(v);
        // SAFETY: heap invariant.
        unsafe { (*(v.addr() as *const LispFloat)).value }
    }

    #[inline(always)]
    fn string_obj(&self, v: Value) -> &LispString {
        debug_assert!(v.is_string());
        self.debug_check_live(v);
        // SAFETY: heap invariant.
        unsafe { &*(v.addr() as *const LispString) }
    }

    pub fn str(&self, v: Value) -> &str {
        let s = self.string_obj(v);
        if s.len == 0 {
            return "";
        }
        // SAFETY: a string's payload holds `len` initialised bytes of valid
        // UTF-8 (written only by `alloc_string`/`set_string` from a &str,
        // or by the dump loader after validation).
        unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(s.data, s.len)) }
    }

    /// Number of characters (what `length` returns).
    pub fn string_chars(&self, v: Value) -> usize {
        self.string_obj(v).nchars
    }

    /// True if the string holds non-ASCII text (Emacs's multibyte).
    pub fn string_multibyte(&self, v: Value) -> bool {
        let s = self.string_obj(v);
        s.nchars != s.len
    }

    /// Replaces a string's contents in place (identity is kept); reuses the
    /// buffer when it is large enough and not part of a mapped dump.
    pub fn set_string(&mut self, v: Value, new: &str) {
        debug_assert!(v.is_string());
        let mapped_data = {
            let s = self.string_obj(v);
            !s.data.is_null() && self.is_mapped(s.data as usize)
        };
        // SAFETY: heap invariant; &mut self excludes other access.
        let s = unsafe { &mut *(v.addr() as *mut LispString) };
        if new.len() <= s.cap && !mapped_data {
            // SAFETY: the buffer has `cap >= new.len()` writable bytes.
            unsafe { std::ptr::copy_nonoverlapping(new.as_ptr(), s.data, new.len()) };
            s.len = new.len();
        } else if new.len() <= s.len && mapped_data {
            // A dumped string's bytes may be rewritten in place (copy-on-write
            // page) as long as they fit in the old length.
            // SAFETY: the mapped payload has `len` writable (private) bytes.
            unsafe { std::ptr::copy_nonoverlapping(new.as_ptr(), s.data, new.len()) };
            s.len = new.len();
        } else {
            let (data, len, cap) = string_payload(new.as_bytes().to_vec());
            if !mapped_data {
                // SAFETY: the old buffer was made by `string_payload`.
                unsafe { free_string_payload(s.data, s.cap) };
            } else {
                // A dumped string now owns a payload: the remembered set is
                // how the drop finds it (see `Drop for Heap`).
                self.write_barrier(v);
            }
            self.bytes_since_gc += cap;
            s.data = data;
            s.len = len;
            s.cap = cap;
        }
        s.nchars = count_chars(new);
    }

    #[inline(always)]
    pub fn veclike_kind(&self, v: Value) -> VecKind {
        debug_assert!(v.is_veclike());
        self.debug_check_live(v);
        // SAFETY: heap invariant: every VecLike object starts with a header word.
        let h = unsafe { *(v.addr() as *const u64) };
        VecKind::from_header(h).expect("corrupt veclike header")
    }

    pub fn is_vector(&self, v: Value) -> bool {
        v.is_veclike() && self.veclike_kind(v) == VecKind::Vector
    }

    pub fn is_record(&self, v: Value) -> bool {
        v.is_veclike() && self.veclike_kind(v) == VecKind::Record
    }

    /// A vector or a record: an object whose slots `vec_slice` returns.
    pub fn has_slots(&self, v: Value) -> bool {
        v.is_veclike() && self.veclike_kind(v).has_slots()
    }

    pub fn is_hash_table(&self, v: Value) -> bool {
        v.is_veclike() && self.veclike_kind(v) == VecKind::HashTable
    }

    pub fn is_bignum(&self, v: Value) -> bool {
        v.is_veclike() && self.veclike_kind(v) == VecKind::Bignum
    }

    pub fn is_host_object(&self, v: Value) -> bool {
        v.is_veclike() && self.veclike_kind(v) == VecKind::HostObject
    }

    /// The value and type name of a host object.
    ///
    /// # Panics
    /// If `v` is not a host object.
    pub fn host_object(&self, v: Value) -> &HostBox {
        // Checked even in release builds: the box is a raw pointer away.
        assert!(self.is_host_object(v), "not a host object");
        // (A box is freed only by a sweep or the heap's drop.)
        // SAFETY: `v` is a live HostObject cell (heap invariant); freeing
        // its box needs `&mut self`, so not while this borrow lives.
        unsafe { &*(*(v.addr() as *const HostObject)).boxed }
    }

    /// Host-object cells allocated and not yet swept (so zero means there
    /// is certainly no live one).
    pub fn host_object_count(&self) -> usize {
        self.host_objects
    }

    pub fn vec_slice(&self, v: Value) -> &[Value] {
        debug_assert!(self.has_slots(v));
        // SAFETY: heap invariant: a vector's payload holds `len` values.
        unsafe {
            let vec = &*(v.addr() as *const Vector);
            if vec.len == 0 { &[] } else { std::slice::from_raw_parts(vec.data, vec.len) }
        }
    }

    pub fn vec_len(&self, v: Value) -> usize {
        self.vec_slice(v).len()
    }

    pub fn vec_get(&self, v: Value, i: usize) -> Value {
        self.vec_slice(v)[i]
    }

    pub fn vec_set(&mut self, v: Value, i: usize, x: Value) {
        debug_assert!(self.has_slots(v));
        self.write_barrier(v);
        // SAFETY: heap invariant; bounds checked by the slice index.
        unsafe {
            let vec = &*(v.addr() as *const Vector);
            std::slice::from_raw_parts_mut(vec.data, vec.len)[i] = x;
        }
    }

    /// Sign and magnitude limbs of a bignum.
    pub fn bignum(&self, v: Value) -> (bool, &[u64]) {
        debug_assert!(self.is_bignum(v));
        // SAFETY: heap invariant: a bignum's payload holds `len` limbs.
        unsafe {
            let b = &*(v.addr() as *const Bignum);
            (b.negative != 0, std::slice::from_raw_parts(b.limbs, b.len))
        }
    }

    /// The raw hash table behind `v` (see `interp::hashtable` for the
    /// operations). The write barrier is applied here, so callers may store
    /// values into it.
    pub fn hash_table_mut(&mut self, v: Value) -> &mut HashTable {
        debug_assert!(self.is_hash_table(v));
        self.write_barrier(v);
        // SAFETY: heap invariant; &mut self excludes other access.
        unsafe { &mut *(v.addr() as *mut HashTable) }
    }

    pub fn hash_table(&self, v: Value) -> &HashTable {
        debug_assert!(self.is_hash_table(v));
        // SAFETY: heap invariant.
        unsafe { &*(v.addr() as *const HashTable) }
    }

    /// Grows or rebuilds the slot arrays of a hash table to `new_size` slots,
    /// keeping entries in their slots. Returns bytes allocated.
    pub fn hash_table_resize(&mut self, v: Value, new_size: usize) {
        self.write_barrier(v);
        // SAFETY: heap invariant; &mut self excludes other access.
        let t = unsafe { &mut *(v.addr() as *mut HashTable) };
        self.bytes_since_gc += hash_table_resize(t, new_size, &self.mapped);
    }

    /// Recomputes every stored hash of a table and rebuilds its bucket
    /// chains in place (after a dumped table keyed by addresses moved).
    /// Only integers are written (hashes, links, bucket heads, `stale`), so
    /// no barrier applies: a dumped table stays out of the remembered set,
    /// and its key/value array is neither copied nor written.
    pub fn hash_table_rehash(&mut self, v: Value) {
        let t = self.hash_table(v);
        let test = t.test;
        let hashes: Vec<Option<u64>> = t
            .kv()
            .chunks_exact(2)
            .map(|kv| (kv[0] != Value::UNBOUND).then(|| super::hash::table_hash(self, test, kv[0], &mut super::hash::Addresses)))
            .collect();
        // SAFETY: heap invariant; &mut self excludes other access. No
        // pointer is stored, so skipping the write barrier is sound.
        let t = unsafe { &mut *(v.addr() as *mut HashTable) };
        t.index_mut().fill(-1);
        let mask = t.index_size.wrapping_sub(1);
        for (i, h) in hashes.into_iter().enumerate() {
            if let Some(h) = h {
                t.hashes_mut()[i] = h;
                let b = (h as usize) & mask;
                t.next_mut()[i] = t.index()[b];
                t.index_mut()[b] = i as i64;
            }
        }
        t.stale = 0;
    }

    // ---- enumeration (used by the dumper and statistics) ----

    /// Calls `f` with the address of every allocated cell of `kind`.
    pub fn for_each_cell(&self, kind: BlockKind, mut f: impl FnMut(usize)) {
        for block in &self.blocks[kind as usize] {
            let h = block.header();
            for i in 0..h.ncells as usize {
                if super::block::bit(&h.allocated, i) {
                    f(block.cell_addr(i));
                }
            }
        }
    }

    pub fn block_count(&self) -> usize {
        BLOCK_KINDS.iter().map(|&k| self.blocks[k as usize].len()).sum()
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        // Free every payload still owned by a live cell; blocks free themselves.
        let mut dead = Vec::new();
        for kind in BLOCK_KINDS {
            let mut cells = Vec::new();
            self.for_each_cell(kind, |a| cells.push(a));
            for a in cells {
                // SAFETY: `a` is an allocated cell of this heap, dropped once.
                unsafe { super::collect::finalize_cell(a, kind, &self.mapped, &mut dead) };
            }
        }
        // A dumped string or hash table that outgrew its mapped payload
        // owns one on the Rust heap; it was written, so it is in the
        // remembered set (`finalize_cell` skips payloads still mapped).
        for &v in &self.dirty {
            let kind = match v.tag() {
                Tag::String => BlockKind::String,
                Tag::VecLike => BlockKind::Vec128, // dispatches on the header
                _ => continue,
            };
            // SAFETY: `v` is a live mapped object of `kind` (the mapping is
            // still owned by `self.mappings`), listed once (`dirty_set`).
            unsafe { super::collect::finalize_cell(v.addr(), kind, &self.mapped, &mut dead) };
        }
        // The host objects' finalizers, last (a mapped image never holds
        // one: the verifier refuses the kind).
        self.host_objects = 0;
        super::collect::run_finalizers(dead);
    }
}

/// True if `addr` lies in one of the mapped dump `ranges` (nearly always
/// zero or one range: a linear scan beats a tree).
#[inline(always)]
pub(super) fn in_ranges(ranges: &[Range<usize>], addr: usize) -> bool {
    ranges.iter().any(|r| r.contains(&addr))
}

pub(crate) fn count_chars(s: &str) -> usize {
    if s.is_ascii() { s.len() } else { s.chars().count() }
}

fn string_payload(bytes: Vec<u8>) -> (*mut u8, usize, usize) {
    if bytes.is_empty() {
        return (std::ptr::null_mut(), 0, 0);
    }
    let mut bytes = std::mem::ManuallyDrop::new(bytes);
    (bytes.as_mut_ptr(), bytes.len(), bytes.capacity())
}

/// # Safety
/// `data`/`cap` must come from `string_payload` and not be freed before.
pub(super) unsafe fn free_string_payload(data: *mut u8, cap: usize) {
    if !data.is_null() && cap != 0 {
        // SAFETY: per the contract, this is the Vec<u8> made by `string_payload`.
        drop(unsafe { Vec::from_raw_parts(data, 0, cap) });
    }
}

/// Leaks `v` into a payload pointer (null for empty) freed by `free_payload`.
pub(super) fn payload_from_vec<T>(v: Vec<T>) -> *mut T {
    if v.is_empty() {
        return std::ptr::null_mut();
    }
    Box::into_raw(v.into_boxed_slice()) as *mut T
}

/// # Safety
/// `ptr`/`len` must come from `payload_from_vec` and not be freed before.
pub(super) unsafe fn free_payload<T>(ptr: *mut T, len: usize) {
    if !ptr.is_null() && len != 0 {
        // SAFETY: per the contract, this is the boxed slice of `payload_from_vec`.
        drop(unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(ptr, len)) });
    }
}

fn index_size_for(size: usize) -> usize {
    // Buckets: a power of two at least as large as the slot count.
    size.max(1).next_power_of_two()
}

/// Resizes `t` to `new_size` slots (>= current), keeping slot positions
/// (Emacs's iteration order) and appending new free slots in order.
fn hash_table_resize(t: &mut HashTable, new_size: usize, mapped: &[Range<usize>]) -> usize {
    let old = t.size;
    let new_size = new_size.max(old).max(1);
    let is_mapped = |p: usize| in_ranges(mapped, p);
    // SAFETY: the payloads hold `old` slots (2*old for kv), as this
    // function maintains them.
    let (mut kv, mut hash, mut next) = unsafe {
        (
            slice_or_empty(t.kv, 2 * old).to_vec(),
            slice_or_empty(t.hash, old).to_vec(),
            slice_or_empty(t.next, old).to_vec(),
        )
    };
    kv.resize(2 * new_size, Value::UNBOUND);
    hash.resize(new_size, 0);
    next.resize(new_size, -1);
    // New slots join the free list in order, after whatever is free now.
    for (i, slot) in next.iter_mut().enumerate().take(new_size).skip(old) {
        *slot = if i + 1 < new_size { (i + 1) as i64 } else { -1 };
    }
    if new_size > old {
        if t.next_free < 0 {
            t.next_free = old as i64;
        } else {
            let mut i = t.next_free;
            while next[i as usize] >= 0 {
                i = next[i as usize];
            }
            next[i as usize] = old as i64;
        }
    }
    let index_size = index_size_for(new_size);
    let mut index = vec![-1i64; index_size];
    for i in 0..old {
        if kv[2 * i] != Value::UNBOUND {
            let b = (hash[i] as usize) & (index_size - 1);
            next[i] = index[b];
            index[b] = i as i64;
        }
    }
    // Free the old arrays (unless they lie in a mapped dump).
    // SAFETY: the old payloads came from `payload_from_vec` with these lengths.
    unsafe {
        if !is_mapped(t.kv as usize) {
            free_payload(t.kv, 2 * old);
            free_payload(t.hash, old);
            free_payload(t.next, old);
        }
        if !is_mapped(t.index as usize) {
            free_payload(t.index, t.index_size);
        }
    }
    let bytes = new_size * 32 + index_size * 8;
    t.kv = payload_from_vec(kv);
    t.hash = payload_from_vec(hash);
    t.next = payload_from_vec(next);
    t.index = payload_from_vec(index);
    t.index_size = index_size;
    t.size = new_size;
    t.stale = 0;
    bytes
}

/// # Safety
/// `p` must be null or valid for `n` reads.
pub(super) unsafe fn slice_or_empty<'a, T>(p: *const T, n: usize) -> &'a [T] {
    // SAFETY: the caller guarantees `p` is valid for `n` reads.
    if p.is_null() || n == 0 { &[] } else { unsafe { std::slice::from_raw_parts(p, n) } }
}

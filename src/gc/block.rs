//! Typed blocks: aligned 32 KiB chunks holding cells of one kind and size.
//!
//! A block starts with a header that holds its kind and two side bitmaps
//! (allocated, marked), one bit per cell. Because blocks are aligned to
//! their size, the header of any heap object is found by masking its
//! address; marking writes only into the header, never into the object.
//!
//! Mark bits are *sticky* (see `collect.rs`): outside a collection, a set
//! mark bit means the cell survived a collection, i.e. it is old.
//! Objects of a mapped dump do not live in blocks at all: the collector
//! recognises them by address range first (see `heap.rs`).

use std::alloc::{Layout, alloc_zeroed, dealloc};
use std::ptr::NonNull;

pub const BLOCK_SIZE: usize = 32 * 1024;
pub const BITMAP_WORDS: usize = BLOCK_SIZE / 8 / 64;

/// What a block holds; also the index of its free list in the heap.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BlockKind {
    Cons = 0,
    Float = 1,
    String = 2,
    /// VecLike objects of 32 bytes: vectors, bignums.
    Vec32 = 3,
    /// VecLike objects of 128 bytes: hash tables.
    Vec128 = 4,
}

pub const BLOCK_KINDS: [BlockKind; 5] =
    [BlockKind::Cons, BlockKind::Float, BlockKind::String, BlockKind::Vec32, BlockKind::Vec128];

impl BlockKind {
    pub const fn cell_shift(self) -> u32 {
        match self {
            BlockKind::Cons => 4,
            BlockKind::Float => 3,
            BlockKind::String | BlockKind::Vec32 => 5,
            BlockKind::Vec128 => 7,
        }
    }

    pub const fn cell_size(self) -> usize {
        1 << self.cell_shift()
    }
}

#[repr(C)]
pub struct BlockHeader {
    pub kind: BlockKind,
    pub ncells: u32,
    /// The block's index in the dumper's side table (see `order.rs`);
    /// meaningful only while a dump is being written.
    pub number: u32,
    /// Cells were allocated here since the last collection: the block is
    /// on the heap's young list, and the next minor collection sweeps it.
    pub young: bool,
    /// Live cells as of this block's last sweep.
    pub live_cells: u32,
    /// Bytes of those cells and their payloads, as allocation counts them.
    pub live_bytes: usize,
    pub allocated: [u64; BITMAP_WORDS],
    pub marks: [u64; BITMAP_WORDS],
}

/// Cells start here, after the header, aligned for the largest cell.
pub const CELLS_OFFSET: usize = (std::mem::size_of::<BlockHeader>() + 127) & !127;

const BLOCK_LAYOUT: Layout = match Layout::from_size_align(BLOCK_SIZE, BLOCK_SIZE) {
    Ok(l) => l,
    Err(_) => panic!("bad block layout"),
};

/// An owned block. The heap keeps these in per-kind lists and frees them
/// when they become empty or when the heap is dropped.
pub struct Block(NonNull<BlockHeader>);

// SAFETY: a block is plain memory owned by exactly one heap; moving that
// heap to another thread moves the block with it.
unsafe impl Send for Block {}

impl Block {
    pub fn new(kind: BlockKind) -> Block {
        // SAFETY: BLOCK_LAYOUT has non-zero size.
        let raw = unsafe { alloc_zeroed(BLOCK_LAYOUT) } as *mut BlockHeader;
        let Some(ptr) = NonNull::new(raw) else { std::alloc::handle_alloc_error(BLOCK_LAYOUT) };
        let ncells = ((BLOCK_SIZE - CELLS_OFFSET) >> kind.cell_shift()) as u32;
        // SAFETY: freshly allocated, zeroed, aligned memory large enough
        // for a header; zero bitmaps mean "nothing allocated or marked".
        unsafe {
            (*ptr.as_ptr()).kind = kind;
            (*ptr.as_ptr()).ncells = ncells;
        }
        Block(ptr)
    }

    #[inline]
    pub fn header(&self) -> &BlockHeader {
        // SAFETY: the pointer is valid for the block's lifetime.
        unsafe { self.0.as_ref() }
    }

    #[inline]
    pub fn header_mut(&mut self) -> &mut BlockHeader {
        // SAFETY: we own the block; &mut self gives exclusive access.
        unsafe { self.0.as_mut() }
    }

    pub fn base(&self) -> usize {
        self.0.as_ptr() as usize
    }

    pub fn cell_addr(&self, i: usize) -> usize {
        self.base() + CELLS_OFFSET + (i << self.header().kind.cell_shift())
    }
}

/// The cells of bitmap word `w` that exist in a block of `ncells` cells
/// (the last word of a bitmap is only partly used).
#[inline(always)]
pub fn valid_cells(ncells: u32, w: usize) -> u64 {
    let n = ncells as usize;
    if n >= (w + 1) * 64 {
        !0
    } else if n <= w * 64 {
        0
    } else {
        (1u64 << (n - w * 64)) - 1
    }
}

/// Number of bitmap words a block of `ncells` cells uses.
#[inline(always)]
pub fn bitmap_words(ncells: u32) -> usize {
    (ncells as usize).div_ceil(64)
}

impl Drop for Block {
    fn drop(&mut self) {
        // SAFETY: allocated in `Block::new` with the same layout, freed once.
        unsafe { dealloc(self.0.as_ptr() as *mut u8, BLOCK_LAYOUT) }
    }
}

/// The header of the block holding the heap object at `addr`.
///
/// # Safety
/// `addr` must be the address of a cell in a live block of this heap (not an
/// object of a mapped dump).
#[inline(always)]
pub unsafe fn header_of(addr: usize) -> *mut BlockHeader {
    (addr & !(BLOCK_SIZE - 1)) as *mut BlockHeader
}

/// Index of the cell at `addr` within its block.
#[inline(always)]
pub fn cell_index(addr: usize, kind: BlockKind) -> usize {
    ((addr & (BLOCK_SIZE - 1)) - CELLS_OFFSET) >> kind.cell_shift()
}

#[inline(always)]
pub fn bit(map: &[u64; BITMAP_WORDS], i: usize) -> bool {
    map[i >> 6] & (1 << (i & 63)) != 0
}

#[inline(always)]
pub fn set_bit(map: &mut [u64; BITMAP_WORDS], i: usize) {
    map[i >> 6] |= 1 << (i & 63);
}

#[inline(always)]
pub fn clear_bit(map: &mut [u64; BITMAP_WORDS], i: usize) {
    map[i >> 6] &= !(1 << (i & 63));
}

const _: () = assert!(CELLS_OFFSET + 16 <= BLOCK_SIZE);
const _: () = assert!(BLOCK_SIZE.is_power_of_two());

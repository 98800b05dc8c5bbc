//! Cell allocation: a cursor per block kind runs through the free cells of
//! one block at a time, in address order, reading the block's allocation
//! bitmap a word (64 cells) at a time.
//!
//! In a fresh block that is bump allocation: cells allocated one after
//! another are adjacent, so a list built by consing lies in memory in the
//! order the collector will follow it. A block with free cells left by a
//! sweep is reused only when at least [`REUSE_FRACTION`] of it is free, so
//! new objects land in runs rather than scattered over old, nearly full
//! blocks (whose holes wait for a major collection to merge them into
//! empty blocks, which are freed).
//!
//! Every block the cursor enters is put on the young list: the cells
//! allocated since the last collection live only in those blocks, which is
//! all a minor collection sweeps (see `collect.rs`).

use super::block::{BITMAP_WORDS, Block, BlockHeader, BlockKind, CELLS_OFFSET, bitmap_words, set_bit, valid_cells};
use super::heap::Heap;

/// A block is reused for allocation when at least 1/REUSE_FRACTION of its
/// cells are free.
pub const REUSE_FRACTION: u32 = 2;

/// Where the next cell of one kind comes from.
#[derive(Clone, Copy, Default)]
pub(super) struct Cursor {
    /// The block being allocated from (0: none yet).
    block: usize,
    /// Bitmap word of the cells in `free`.
    word: usize,
    /// Free cells of that word not yet handed out, one bit per cell.
    free: u64,
}

impl Heap {
    /// A free cell of `kind`, marked allocated (never collects).
    #[inline]
    pub(super) fn alloc_cell(&mut self, kind: BlockKind) -> usize {
        if self.cursors[kind as usize].free == 0 {
            self.refill(kind);
        }
        let c = &mut self.cursors[kind as usize];
        let i = c.word * 64 + c.free.trailing_zeros() as usize;
        c.free &= c.free - 1;
        // SAFETY: `refill` left the cursor on a live block of `kind` (the
        // heap owns it; a block leaves `blocks` only in a major sweep, which
        // resets the cursors) and `i` is a cell of it that is not allocated.
        unsafe { set_bit(&mut (*(c.block as *mut BlockHeader)).allocated, i) };
        self.bytes_since_gc += kind.cell_size();
        c.block + CELLS_OFFSET + (i << kind.cell_shift())
    }

    /// Moves the cursor of `kind` to the next free cells: further along
    /// its block, else into a reusable block, else into a new one.
    #[cold]
    fn refill(&mut self, kind: BlockKind) {
        let k = kind as usize;
        loop {
            let c = &mut self.cursors[k];
            if c.block != 0 {
                // SAFETY: the cursor's block is live (see `alloc_cell`).
                let h = unsafe { &*(c.block as *const BlockHeader) };
                let words = bitmap_words(h.ncells);
                while c.word + 1 < words {
                    c.word += 1;
                    let free = !h.allocated[c.word] & valid_cells(h.ncells, c.word);
                    if free != 0 {
                        c.free = free;
                        return;
                    }
                }
            }
            let block = match self.reusable[k].pop() {
                Some(b) => b,
                None => self.add_block(kind),
            };
            // SAFETY: `block` is a live block of this heap (reusable lists
            // are rebuilt by every sweep that may free a block).
            let h = unsafe { &mut *(block as *mut BlockHeader) };
            debug_assert_eq!(h.kind, kind);
            if !h.young {
                h.young = true;
                self.young_blocks.push(block);
            }
            let c = &mut self.cursors[k];
            c.block = block;
            c.word = 0;
            c.free = !h.allocated[0] & valid_cells(h.ncells, 0);
            if c.free != 0 {
                return;
            }
        }
    }

    fn add_block(&mut self, kind: BlockKind) -> usize {
        let block = Block::new(kind);
        let base = block.base();
        self.blocks[kind as usize].push(block);
        base
    }

    /// Forgets where allocation was (before a sweep moves or frees blocks).
    pub(super) fn reset_cursors(&mut self) {
        self.cursors = Default::default();
    }
}

/// After a block's sweep: offers it (`h` at `base`) for allocation, in its
/// kind's `reusable` list, if it has room.
pub(super) fn offer_for_reuse(reusable: &mut [Vec<usize>; 5], h: &BlockHeader, base: usize) {
    if h.ncells - h.live_cells >= h.ncells / REUSE_FRACTION {
        reusable[h.kind as usize].push(base);
    }
}

const _: () = assert!(BITMAP_WORDS >= 1);

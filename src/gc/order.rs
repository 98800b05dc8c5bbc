//! The order in which a dump lists the heap's cells, and each cell's
//! ordinal in it, found without an address-to-offset map.
//!
//! Cells of one kind are listed mapped images first (in their own order:
//! a dump lays each kind out as one run), then the blocks of that kind in
//! list order, cells in address order. A block cell's ordinal is the sum of
//! the live cells before it: the block's first ordinal plus a prefix
//! popcount of its allocation bitmap, kept per bitmap word. The side table
//! costs about 264 bytes per 32 KiB block, and a lookup touches only the
//! block's header and its side-table entry.

use super::block::{BITMAP_WORDS, BLOCK_KINDS, BlockKind, cell_index, header_of};
use super::heap::Heap;

/// Where a block's cells start in the order.
struct BlockPlace {
    /// Ordinal of the block's first live cell among the blocks of its kind.
    first: usize,
    /// Live cells in the bitmap words before each word.
    prefix: [u32; BITMAP_WORDS],
}

/// Ordinals of every live cell, computed once per dump.
pub struct CellOrder {
    /// Per mapped image, the ordinal of its first cell of each kind.
    mapped_first: Vec<[usize; 5]>,
    /// Per kind, the number of mapped cells (the blocks' cells follow).
    mapped_total: [usize; 5],
    /// Per kind, the number of cells in the order.
    counts: [usize; 5],
    /// Indexed by the `number` the order gave each block.
    blocks: Vec<BlockPlace>,
}

impl Heap {
    /// Numbers the blocks and counts their live cells. The heap must not
    /// allocate or collect while the order is in use (the dumper holds it
    /// across one write, with the heap borrowed).
    pub fn cell_order(&mut self) -> CellOrder {
        let mut mapped_first = Vec::with_capacity(self.mapped_cells.len());
        let mut mapped_total = [0usize; 5];
        for runs in &self.mapped_cells {
            mapped_first.push(mapped_total);
            for kind in BLOCK_KINDS {
                mapped_total[kind as usize] += runs[kind as usize].len() >> kind.cell_shift();
            }
        }
        let mut counts = mapped_total;
        let mut blocks = Vec::new();
        for kind in BLOCK_KINDS {
            let mut first = 0usize;
            for block in &mut self.blocks[kind as usize] {
                let h = block.header_mut();
                h.number = u32::try_from(blocks.len()).expect("fewer than 2^32 blocks");
                let mut prefix = [0u32; BITMAP_WORDS];
                let mut live = 0u32;
                for (w, p) in prefix.iter_mut().enumerate() {
                    *p = live;
                    live += h.allocated[w].count_ones();
                }
                blocks.push(BlockPlace { first, prefix });
                first += live as usize;
            }
            counts[kind as usize] += first;
        }
        CellOrder { mapped_first, mapped_total, counts, blocks }
    }

    /// Calls `f` with the address of every cell of `kind`, in the order.
    pub fn for_each_cell_in_order(&self, kind: BlockKind, mut f: impl FnMut(usize)) {
        let size = kind.cell_size();
        for runs in &self.mapped_cells {
            let r = &runs[kind as usize];
            (r.start..r.end).step_by(size).for_each(&mut f);
        }
        self.for_each_cell(kind, f);
    }
}

impl CellOrder {
    /// Number of cells of `kind`.
    pub fn count(&self, kind: BlockKind) -> usize {
        self.counts[kind as usize]
    }

    /// The kind and ordinal of the live cell at `addr`.
    #[inline]
    pub fn ordinal(&self, heap: &Heap, addr: usize) -> (BlockKind, usize) {
        for (i, range) in heap.mapped.iter().enumerate() {
            if range.contains(&addr) {
                let runs = &heap.mapped_cells[i];
                for kind in BLOCK_KINDS {
                    let r = &runs[kind as usize];
                    if r.contains(&addr) {
                        let n = (addr - r.start) >> kind.cell_shift();
                        return (kind, self.mapped_first[i][kind as usize] + n);
                    }
                }
                panic!("a mapped value at {addr:#x} is not a cell of its image");
            }
        }
        // SAFETY: heap invariant (heap.rs): a pointer value outside every
        // mapped range is a cell of a live block, whose header `cell_order`
        // numbered (no block was added since: the heap is borrowed).
        let h = unsafe { &*header_of(addr) };
        let i = cell_index(addr, h.kind);
        let place = &self.blocks[h.number as usize];
        let below = h.allocated[i >> 6] & ((1u64 << (i & 63)) - 1);
        let n = place.first + place.prefix[i >> 6] as usize + below.count_ones() as usize;
        (h.kind, self.mapped_total[h.kind as usize] + n)
    }
}

//! Object layouts, exactly as they lie in heap blocks and in a dump image.
//!
//! Every object is a fixed-size cell in a typed block (see `block.rs`).
//! Variable-sized contents (string bytes, vector slots, hash-table arrays,
//! bignum limbs) live in a separate *payload* buffer that the cell points to.
//! That split is what the dumper wants: payloads without pointers (string
//! bytes, limbs) are grouped apart in the image so their pages are never
//! written, and strings can grow without moving their identity.
//!
//! All layouts are `#[repr(C)]` and contain only words: a dump copies them
//! byte for byte and relocates the words that are pointers.

use std::any::Any;
use std::sync::Arc;

use super::value::Value;

/// The kinds of objects that share the `VecLike` tag; stored in the low
/// byte of the first word of the object.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum VecKind {
    Vector = 1,
    HashTable = 2,
    Bignum = 3,
    /// An opaque Rust value (Emacs's `user-ptr`); never in a dump image.
    HostObject = 4,
    /// A record (`record`, `make-record`, `cl-defstruct` instances): laid
    /// out exactly like a vector (a `Vector` cell and its payload of slots),
    /// only the kind word differs. Slot 0 is the type.
    Record = 5,
}

impl VecKind {
    pub fn from_header(h: u64) -> Option<VecKind> {
        match h & 0xff {
            1 => Some(VecKind::Vector),
            2 => Some(VecKind::HashTable),
            3 => Some(VecKind::Bignum),
            4 => Some(VecKind::HostObject),
            5 => Some(VecKind::Record),
            _ => None,
        }
    }

    /// Kinds laid out as a `Vector` (a cell and a payload of value slots).
    #[inline(always)]
    pub fn has_slots(self) -> bool {
        matches!(self, VecKind::Vector | VecKind::Record)
    }
}

/// A cons cell: two words, as in Emacs.
#[repr(C)]
pub struct Cons {
    pub car: Value,
    pub cdr: Value,
}

/// A float is one boxed `f64`.
#[repr(C)]
pub struct LispFloat {
    pub value: f64,
}

/// A string: UTF-8 bytes in a payload buffer. `nchars` caches the
/// character count (`length`); a string whose bytes are all ASCII is what
/// Emacs calls unibyte.
#[repr(C)]
pub struct LispString {
    pub data: *mut u8,
    pub len: usize,
    pub cap: usize,
    pub nchars: usize,
}

/// A vector: `len` slots in a payload buffer.
#[repr(C)]
pub struct Vector {
    pub header: u64,
    pub len: usize,
    pub data: *mut Value,
    pub _reserved: u64,
}

/// A bignum: magnitude limbs (little-endian u64) in a payload buffer.
#[repr(C)]
pub struct Bignum {
    pub header: u64,
    pub len: usize,
    pub limbs: *mut u64,
    pub negative: u64,
}

/// A host object: a pointer to its `HostBox` on the Rust heap, made by
/// `Box::into_raw` in `Heap::alloc_host_object` and freed (once) by the
/// sweep that finds the cell dead, or by the heap's drop. Dropping the box
/// drops one reference to the value; the last one runs its `Drop`, which
/// is the finalizer.
#[repr(C)]
pub struct HostObject {
    pub header: u64,
    pub boxed: *mut HostBox,
    pub _reserved: [u64; 2],
}

/// What a host object cell owns: the Rust value and the name Lisp knows
/// its type by (`type-of`, the printer).
pub struct HostBox {
    pub value: Arc<dyn Any + Send + Sync>,
    pub type_name: &'static str,
}

/// Hash-table test, stored in the table.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[repr(u64)]
pub enum HashTest {
    Eq = 0,
    Eql = 1,
    Equal = 2,
}

/// A hash table laid out like Emacs's: entries live in slots of `kv`
/// (key, value pairs) in insertion order, freed slots are reused last-freed
/// first, and `maphash` walks slots in order. `index` maps buckets to the
/// first slot of a chain continued through `next`.
///
/// Slot `i` is empty when `kv[2i]` is `Value::UNBOUND`.
#[repr(C)]
pub struct HashTable {
    pub header: u64,
    pub test: HashTest,
    /// Number of live entries.
    pub count: usize,
    /// Number of slots (Emacs's `size`, printed by `prin1`).
    pub size: usize,
    /// `2 * size` values: key, value, key, value...
    pub kv: *mut Value,
    /// `size` hashes (valid for occupied slots).
    pub hash: *mut u64,
    /// `size` chain links (slot index or -1); for free slots the free list.
    pub next: *mut i64,
    /// `index_size` bucket heads (slot index or -1).
    pub index: *mut i64,
    pub index_size: usize,
    /// Head of the free-slot list, or -1.
    pub next_free: i64,
    /// Non-zero when the bucket index must be rebuilt before use: set when a
    /// dumped table keyed by addresses is mapped at another address.
    pub stale: u64,
    pub _reserved: [u64; 5],
}

const _: () = assert!(std::mem::size_of::<Cons>() == 16);
const _: () = assert!(std::mem::size_of::<LispFloat>() == 8);
const _: () = assert!(std::mem::size_of::<LispString>() == 32);
const _: () = assert!(std::mem::size_of::<Vector>() == 32);
const _: () = assert!(std::mem::size_of::<Bignum>() == 32);
const _: () = assert!(std::mem::size_of::<HostObject>() == 32);
const _: () = assert!(std::mem::size_of::<HashTable>() == 128);

// The slice accessors below rely on the table invariant: `kv` holds
// `2 * size` values, `hash` and `next` hold `size` entries, `index` holds
// `index_size` entries (each null when its length is zero). Only
// `heap::hash_table_resize` and the validated dump loader set these fields.
impl HashTable {
    pub fn kv(&self) -> &[Value] {
        // SAFETY: table invariant above.
        unsafe { super::heap::slice_or_empty(self.kv, 2 * self.size) }
    }
    pub fn kv_mut(&mut self) -> &mut [Value] {
        // SAFETY: table invariant above; &mut self gives exclusive access.
        unsafe { slice_mut_or_empty(self.kv, 2 * self.size) }
    }
    pub fn hashes(&self) -> &[u64] {
        // SAFETY: table invariant above.
        unsafe { super::heap::slice_or_empty(self.hash, self.size) }
    }
    pub fn hashes_mut(&mut self) -> &mut [u64] {
        // SAFETY: table invariant above; exclusive access.
        unsafe { slice_mut_or_empty(self.hash, self.size) }
    }
    pub fn next(&self) -> &[i64] {
        // SAFETY: table invariant above.
        unsafe { super::heap::slice_or_empty(self.next, self.size) }
    }
    pub fn next_mut(&mut self) -> &mut [i64] {
        // SAFETY: table invariant above; exclusive access.
        unsafe { slice_mut_or_empty(self.next, self.size) }
    }
    pub fn index(&self) -> &[i64] {
        // SAFETY: table invariant above.
        unsafe { super::heap::slice_or_empty(self.index, self.index_size) }
    }
    pub fn index_mut(&mut self) -> &mut [i64] {
        // SAFETY: table invariant above; exclusive access.
        unsafe { slice_mut_or_empty(self.index, self.index_size) }
    }
}

/// # Safety
/// `p` must be null or valid for `n` reads and writes, unaliased.
unsafe fn slice_mut_or_empty<'a, T>(p: *mut T, n: usize) -> &'a mut [T] {
    // SAFETY: the caller guarantees `p` is valid for `n` unaliased elements.
    if p.is_null() || n == 0 { &mut [] } else { unsafe { std::slice::from_raw_parts_mut(p, n) } }
}

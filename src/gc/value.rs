//! The tagged 64-bit value: the one place where the encoding is defined.
//!
//! ```text
//!  63                                   3 2 1 0
//! +--------------------------------------+-----+
//! | signed 62-bit integer            ... |  00 |  fixnum   (tag 0b000 or 0b100)
//! | address of a Cons (8-aligned)        | 001 |  cons
//! | address of a LispString              | 010 |  string
//! | address of a VecLike object          | 011 |  vector, hash table, bignum (kind in header)
//! | symbol index                         | 101 |  symbol   (nil = index 0, t = index 1)
//! | address of an f64                    | 110 |  float
//! | payload (56 bits)    | subtag (5 bits)| 111 |  immediate: subr id, host function, unbound
//! +--------------------------------------+-----+
//! ```
//!
//! Why this shape:
//! - Fixnums take two tag bits so their range is exactly Emacs's
//!   (`most-negative-fixnum` = -2^61 .. `most-positive-fixnum` = 2^61-1).
//! - Symbols are *indices* into the heap's symbol table, not addresses, so a
//!   reference to a symbol is position independent: a dump never relocates it,
//!   and `nil` is a compile-time constant.
//! - Built-in functions are immediates (an index into the static subr table),
//!   so a dump stores them as plain words; the build fingerprint pins the table.
//!   Host functions are immediates too: an index into the interpreter's
//!   host table, whose names and arities a dump records (`embed::host`).
//! - Every pointer tag keeps the low three bits, so moving an image by a
//!   page-multiple delta relocates a tagged pointer with one addition.

use std::fmt;

/// Number of low bits used by the tag.
pub const TAG_BITS: u32 = 3;
pub const TAG_MASK: u64 = (1 << TAG_BITS) - 1;

pub const TAG_CONS: u64 = 0b001;
pub const TAG_STRING: u64 = 0b010;
pub const TAG_VECLIKE: u64 = 0b011;
pub const TAG_SYMBOL: u64 = 0b101;
pub const TAG_FLOAT: u64 = 0b110;
pub const TAG_IMMEDIATE: u64 = 0b111;

/// Subtags of immediates (bits 3..8).
const IMM_SUBR: u64 = 0;
const IMM_UNBOUND: u64 = 1;
const IMM_HOST: u64 = 2;
const IMM_SUBTAG_BITS: u32 = 5;

pub const MOST_POSITIVE_FIXNUM: i64 = (1 << 61) - 1;
pub const MOST_NEGATIVE_FIXNUM: i64 = -(1 << 61);

/// What a value is, decoded from its tag.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Tag {
    Fixnum,
    Cons,
    String,
    VecLike,
    Symbol,
    Float,
    Immediate,
}

/// One Lisp value: a fixnum, a symbol index, an immediate or a tagged pointer.
#[derive(Copy, Clone, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(u64);

impl Value {
    pub const NIL: Value = Value::symbol(0);
    pub const T: Value = Value::symbol(1);
    /// The contents of a void variable; never visible to Lisp code.
    pub const UNBOUND: Value = Value((1 << 63) | (IMM_UNBOUND << TAG_BITS) | TAG_IMMEDIATE);

    /// The value with these bits. Crate-private: a pointer-tagged value
    /// must point to a live object (see `gc::heap`), which only the heap and
    /// the dump loader can promise.
    #[inline(always)]
    pub(crate) const fn from_bits(bits: u64) -> Value {
        Value(bits)
    }

    #[inline(always)]
    pub const fn bits(self) -> u64 {
        self.0
    }

    #[inline(always)]
    pub fn tag(self) -> Tag {
        match self.0 & TAG_MASK {
            0 | 4 => Tag::Fixnum,
            TAG_CONS => Tag::Cons,
            TAG_STRING => Tag::String,
            TAG_VECLIKE => Tag::VecLike,
            TAG_SYMBOL => Tag::Symbol,
            TAG_FLOAT => Tag::Float,
            _ => Tag::Immediate,
        }
    }

    // ---- fixnums ----

    /// A fixnum; `i` must lie in the fixnum range (checked in debug builds).
    #[inline(always)]
    pub const fn fixnum(i: i64) -> Value {
        debug_assert!(i >= MOST_NEGATIVE_FIXNUM && i <= MOST_POSITIVE_FIXNUM);
        Value((i << 2) as u64)
    }

    /// A fixnum if `i` fits, else `None` (the caller promotes to a bignum).
    #[inline(always)]
    pub fn try_fixnum(i: i64) -> Option<Value> {
        if (MOST_NEGATIVE_FIXNUM..=MOST_POSITIVE_FIXNUM).contains(&i) {
            Some(Value::fixnum(i))
        } else {
            None
        }
    }

    #[inline(always)]
    pub fn is_fixnum(self) -> bool {
        self.0 & 3 == 0
    }

    #[inline(always)]
    pub fn as_fixnum(self) -> Option<i64> {
        if self.is_fixnum() { Some((self.0 as i64) >> 2) } else { None }
    }

    // ---- symbols ----

    #[inline(always)]
    pub const fn symbol(index: u32) -> Value {
        Value(((index as u64) << TAG_BITS) | TAG_SYMBOL)
    }

    #[inline(always)]
    pub fn is_symbol(self) -> bool {
        self.0 & TAG_MASK == TAG_SYMBOL
    }

    #[inline(always)]
    pub fn as_symbol(self) -> Option<u32> {
        if self.is_symbol() { Some((self.0 >> TAG_BITS) as u32) } else { None }
    }

    #[inline(always)]
    pub fn is_nil(self) -> bool {
        self == Value::NIL
    }

    #[inline(always)]
    pub fn bool(b: bool) -> Value {
        if b { Value::T } else { Value::NIL }
    }

    // ---- immediates ----

    #[inline(always)]
    pub const fn subr(id: u32) -> Value {
        Value(((id as u64) << (TAG_BITS + IMM_SUBTAG_BITS)) | (IMM_SUBR << TAG_BITS) | TAG_IMMEDIATE)
    }

    #[inline(always)]
    pub fn as_subr(self) -> Option<u32> {
        if self.0 & ((1 << (TAG_BITS + IMM_SUBTAG_BITS)) - 1) == (IMM_SUBR << TAG_BITS) | TAG_IMMEDIATE {
            Some((self.0 >> (TAG_BITS + IMM_SUBTAG_BITS)) as u32)
        } else {
            None
        }
    }

    /// A host function: index `id` of its interpreter's host table.
    #[inline(always)]
    pub const fn host_fn(id: u32) -> Value {
        Value(((id as u64) << (TAG_BITS + IMM_SUBTAG_BITS)) | (IMM_HOST << TAG_BITS) | TAG_IMMEDIATE)
    }

    #[inline(always)]
    pub fn as_host_fn(self) -> Option<u32> {
        if self.0 & ((1 << (TAG_BITS + IMM_SUBTAG_BITS)) - 1) == (IMM_HOST << TAG_BITS) | TAG_IMMEDIATE {
            Some((self.0 >> (TAG_BITS + IMM_SUBTAG_BITS)) as u32)
        } else {
            None
        }
    }

    #[inline(always)]
    pub fn is_unbound(self) -> bool {
        self == Value::UNBOUND
    }

    // ---- pointers ----

    #[inline(always)]
    pub fn is_cons(self) -> bool {
        self.0 & TAG_MASK == TAG_CONS
    }

    #[inline(always)]
    pub fn is_string(self) -> bool {
        self.0 & TAG_MASK == TAG_STRING
    }

    #[inline(always)]
    pub fn is_float(self) -> bool {
        self.0 & TAG_MASK == TAG_FLOAT
    }

    #[inline(always)]
    pub fn is_veclike(self) -> bool {
        self.0 & TAG_MASK == TAG_VECLIKE
    }

    /// True for values that refer to a heap object (cons, string, float, veclike).
    #[inline(always)]
    pub fn is_pointer(self) -> bool {
        matches!(self.0 & TAG_MASK, TAG_CONS | TAG_STRING | TAG_VECLIKE | TAG_FLOAT)
    }

    /// A tagged pointer; `addr` must be 8-aligned.
    #[inline(always)]
    pub fn from_ptr(addr: usize, tag: u64) -> Value {
        debug_assert_eq!(addr as u64 & TAG_MASK, 0);
        Value(addr as u64 | tag)
    }

    /// The object address of a pointer value.
    #[inline(always)]
    pub fn addr(self) -> usize {
        (self.0 & !TAG_MASK) as usize
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.tag() {
            Tag::Fixnum => write!(f, "{}", self.as_fixnum().unwrap()),
            Tag::Symbol => write!(f, "sym#{}", self.as_symbol().unwrap()),
            Tag::Immediate if self.is_unbound() => write!(f, "#<unbound>"),
            Tag::Immediate if self.as_host_fn().is_some() => write!(f, "host#{}", self.as_host_fn().unwrap()),
            Tag::Immediate => write!(f, "subr#{}", self.as_subr().unwrap_or(u32::MAX)),
            t => write!(f, "{:?}@{:#x}", t, self.addr()),
        }
    }
}

const _: () = assert!(std::mem::size_of::<Value>() == 8);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixnum_range_matches_emacs() {
        for i in [0, 1, -1, MOST_POSITIVE_FIXNUM, MOST_NEGATIVE_FIXNUM, 12345, -98765] {
            let v = Value::fixnum(i);
            assert_eq!(v.tag(), Tag::Fixnum);
            assert_eq!(v.as_fixnum(), Some(i));
        }
        assert!(Value::try_fixnum(MOST_POSITIVE_FIXNUM + 1).is_none());
        assert!(Value::try_fixnum(MOST_NEGATIVE_FIXNUM - 1).is_none());
    }

    #[test]
    fn symbols_and_immediates_decode() {
        assert_eq!(Value::NIL.as_symbol(), Some(0));
        assert_eq!(Value::T.as_symbol(), Some(1));
        assert_eq!(Value::symbol(77).as_symbol(), Some(77));
        assert_eq!(Value::subr(300).as_subr(), Some(300));
        assert_eq!(Value::UNBOUND.as_subr(), None);
        assert_eq!(Value::UNBOUND.tag(), Tag::Immediate);
        assert!(!Value::NIL.is_pointer());
    }

    #[test]
    fn pointers_keep_their_tag_under_page_deltas() {
        let v = Value::from_ptr(0x7f00_0000_1000, TAG_CONS);
        let moved = Value::from_bits(v.bits().wrapping_add(0x2000_0000));
        assert!(moved.is_cons());
        assert_eq!(moved.addr(), 0x7f00_2000_1000);
    }
}

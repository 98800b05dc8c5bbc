//! The hash functions that agree with `eq`, `eql` and `equal`, for hash
//! tables and the `sxhash` family.
//!
//! They live with the heap because two parties need them: the evaluator
//! (tables at run time) and the dumper, which lays tables out for the
//! addresses objects will have in the image. Hashes that depend on an
//! object's address take its *identity* from an [`Identity`]: at run time
//! the address itself; in the writer, the image address (and the writer
//! learns that the table depends on addresses, so it can list it for a
//! rehash should the image move).
//!
//! The `sxhash` family follows Emacs 28's `sxhash_obj` exactly for
//! numbers, strings, lists and vectors (so `sxhash-equal` of such values
//! prints as in Emacs); tables mix it further for their power-of-two
//! bucket index.

use super::heap::Heap;
use super::object::{HashTest, VecKind};
use super::value::Value;

/// Where the identity of a pointer value comes from.
pub trait Identity {
    /// The bits that stand for `v` (a pointer value) in a hash.
    fn of(&mut self, v: Value) -> u64;
}

/// Run time: a value's identity is its own bits (its address).
pub struct Addresses;

impl Identity for Addresses {
    #[inline(always)]
    fn of(&mut self, v: Value) -> u64 {
        v.bits()
    }
}

/// Emacs's `INTMASK` (62 bits).
const INTMASK: u64 = (1 << 62) - 1;

/// A 64-bit mixer (splitmix64's finalizer): every input bit affects the
/// low bits used for bucket selection.
#[inline(always)]
pub fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^= x >> 31;
    x
}

/// Emacs's `sxhash_combine`.
#[inline(always)]
fn combine(x: u64, y: u64) -> u64 {
    x.rotate_left(4).wrapping_add(y)
}

/// Emacs's `SXHASH_REDUCE`.
#[inline(always)]
fn reduce(x: u64) -> u64 {
    (x ^ (x >> 2)) & INTMASK
}

/// Emacs 28's `hash_string`.
fn hash_string(bytes: &[u8]) -> u64 {
    let len = bytes.len();
    let mut hash = len as u64;
    let step = 8 + (len >> 3);
    let mut p = 0;
    while p + 8 <= len {
        let mut w = [0u8; 8];
        w.copy_from_slice(&bytes[p..p + 8]);
        hash = combine(hash, u64::from_le_bytes(w));
        p += step;
    }
    while p < len {
        hash = combine(hash, bytes[p] as u64);
        p += 1;
    }
    hash
}

/// Emacs's `XHASH` of a non-number: the value's identity. Symbols
/// (indices) and immediates are the same wherever the heap lies; only
/// pointers ask `id`.
#[inline(always)]
fn identity_hash(v: Value, id: &mut impl Identity) -> u64 {
    let bits = if v.is_pointer() { id.of(v) } else { v.bits() };
    bits >> 3
}

/// Emacs's `XUFIXNUM` of a fixnum.
#[inline(always)]
fn ufixnum(i: i64) -> u64 {
    (i as u64) & INTMASK
}

fn sxhash_float(f: f64) -> u64 {
    reduce(combine(0, f.to_bits()))
}

/// Bignum limbs without high zero limbs.
pub fn trim(limbs: &[u64]) -> &[u64] {
    let mut n = limbs.len();
    while n > 0 && limbs[n - 1] == 0 {
        n -= 1;
    }
    &limbs[..n]
}

fn sxhash_bignum(heap: &Heap, v: Value) -> u64 {
    let (_, limbs) = heap.bignum(v);
    let mut h = 0;
    for &l in trim(limbs) {
        h = combine(h, l);
    }
    reduce(h)
}

fn sxhash_eq_raw(v: Value, id: &mut impl Identity) -> u64 {
    match v.as_fixnum() {
        Some(i) => ufixnum(i) ^ if i & 1 == 0 { 2 } else { 6 },
        None => identity_hash(v, id),
    }
}

fn sxhash_eql_raw(heap: &Heap, v: Value, id: &mut impl Identity) -> u64 {
    if v.is_float() {
        sxhash_float(heap.float(v))
    } else if v.is_veclike() && heap.is_bignum(v) {
        sxhash_bignum(heap, v)
    } else {
        sxhash_eq_raw(v, id)
    }
}

/// Emacs's `SXHASH_MAX_DEPTH` and `SXHASH_MAX_LEN`.
const SXHASH_MAX_DEPTH: u32 = 3;
const SXHASH_MAX_LEN: usize = 7;

/// Emacs's `sxhash_obj`.
fn sxhash_obj(heap: &Heap, v: Value, depth: u32, id: &mut impl Identity) -> u64 {
    if depth > SXHASH_MAX_DEPTH {
        return 0;
    }
    if let Some(i) = v.as_fixnum() {
        return ufixnum(i);
    }
    if v.is_string() {
        return reduce(hash_string(heap.str(v).as_bytes()));
    }
    if v.is_float() {
        return sxhash_float(heap.float(v));
    }
    if v.is_cons() {
        let mut h: u64 = 0;
        let mut list = v;
        if depth < SXHASH_MAX_DEPTH {
            let mut i = 0;
            while list.is_cons() && i < SXHASH_MAX_LEN {
                h = combine(h, sxhash_obj(heap, heap.car(list), depth + 1, id));
                list = heap.cdr(list);
                i += 1;
            }
        }
        if !list.is_nil() {
            h = combine(h, sxhash_obj(heap, list, depth + 1, id));
        }
        return reduce(h);
    }
    if v.is_veclike() {
        match heap.veclike_kind(v) {
            VecKind::Vector | VecKind::Record => {
                let items = heap.vec_slice(v);
                let mut h = items.len() as u64;
                for &x in items.iter().take(SXHASH_MAX_LEN) {
                    h = combine(h, sxhash_obj(heap, x, depth + 1, id));
                }
                return reduce(h);
            }
            VecKind::Bignum => return sxhash_bignum(heap, v),
            // Tables and host objects are `equal` only when `eq`.
            VecKind::HashTable | VecKind::HostObject => return identity_hash(v, id),
        }
    }
    identity_hash(v, id)
}

/// The hash of `key` in a table with `test`, taking identities from `id`
/// (depth- and length-limited like Emacs's `sxhash`, so it terminates on
/// circular structure).
#[inline]
pub fn table_hash(heap: &Heap, test: HashTest, key: Value, id: &mut impl Identity) -> u64 {
    mix(match test {
        HashTest::Eq => sxhash_eq_raw(key, id),
        HashTest::Eql => sxhash_eql_raw(heap, key, id),
        HashTest::Equal => sxhash_obj(heap, key, 0, id),
    })
}

/// A 62-bit hash as a fixnum, as Emacs's `make_ufixnum` (which wraps).
fn ufixnum_value(h: u64) -> Value {
    Value::fixnum((((h & INTMASK) << 2) as i64) >> 2)
}

/// `(sxhash-eq OBJ)`.
pub fn sxhash_eq(v: Value) -> Value {
    ufixnum_value(sxhash_eq_raw(v, &mut Addresses))
}

/// `(sxhash-eql OBJ)`.
pub fn sxhash_eql(heap: &Heap, v: Value) -> Value {
    ufixnum_value(sxhash_eql_raw(heap, v, &mut Addresses))
}

/// `(sxhash-equal OBJ)`.
pub fn sxhash_equal(heap: &Heap, v: Value) -> Value {
    ufixnum_value(sxhash_obj(heap, v, 0, &mut Addresses))
}

//! `eq`, `eql` and `equal` (the hash functions that agree with them are
//! in `gc::hash`).
//!
//! `equal` follows Emacs 28's `internal_equal`: it recurses on cars and
//! vector elements (depth + 1), iterates along cdrs with Brent cycle
//! detection (`circular-list` with the tail where the cycle was found),
//! signals "Stack overflow in equal" past depth 200, and past depth 10
//! remembers the pairs it is comparing so that structures circular through
//! their cars compare equal instead of recursing forever.

use std::collections::HashMap;

use super::symbols as sym;
use super::{Interp, LResult};
use crate::gc::hash::trim;
use crate::gc::{Heap, VecKind, Value};

/// Why `equal` gave up.
enum EqualError {
    /// Deeper than 200 levels.
    Depth,
    /// A cdr cycle, found at this tail.
    Circular(Value),
}

/// Pairs already under comparison, by the address of the left object
/// (made only once the comparison gets deeper than 10 levels).
type Seen = Option<HashMap<u64, Vec<u64>>>;

/// `eql` on two values: `eq`, or floats with the same bits, or bignums
/// with the same value.
pub fn eql(heap: &Heap, a: Value, b: Value) -> bool {
    if a == b {
        return true;
    }
    if a.is_float() {
        return b.is_float() && heap.float(a).to_bits() == heap.float(b).to_bits();
    }
    if a.is_veclike() && b.is_veclike() && heap.is_bignum(a) && heap.is_bignum(b) {
        return bignum_eq(heap, a, b);
    }
    false
}

fn bignum_eq(heap: &Heap, a: Value, b: Value) -> bool {
    let (na, la) = heap.bignum(a);
    let (nb, lb) = heap.bignum(b);
    let (la, lb) = (trim(la), trim(lb));
    la == lb && (na == nb || la.is_empty())
}

/// A recursive comparison at `depth`, short-cutting identical values
/// where that cannot skip the depth error.
#[inline(always)]
fn equal_sub(heap: &Heap, a: Value, b: Value, depth: u32, seen: &mut Seen) -> Result<bool, EqualError> {
    if a == b && depth <= 200 {
        return Ok(true);
    }
    internal_equal(heap, a, b, depth, seen)
}

fn internal_equal(heap: &Heap, mut o1: Value, mut o2: Value, mut depth: u32, seen: &mut Seen) -> Result<bool, EqualError> {
    loop {
        if depth > 10 {
            if depth > 200 {
                return Err(EqualError::Depth);
            }
            if o1.is_cons() || o1.is_veclike() {
                let o2s = seen.get_or_insert_with(HashMap::new).entry(o1.bits()).or_default();
                if o2s.contains(&o2.bits()) {
                    return Ok(true);
                }
                o2s.push(o2.bits());
            }
        }
        if o1 == o2 {
            return Ok(true);
        }
        if o1.tag() != o2.tag() {
            return Ok(false);
        }
        if o1.is_float() {
            return Ok(heap.float(o1).to_bits() == heap.float(o2).to_bits());
        }
        if o1.is_string() {
            return Ok(heap.str(o1) == heap.str(o2));
        }
        if o1.is_veclike() {
            let k1 = heap.veclike_kind(o1);
            let k2 = heap.veclike_kind(o2);
            if k1 != k2 {
                return Ok(false);
            }
            return match k1 {
                VecKind::Bignum => Ok(bignum_eq(heap, o1, o2)),
                // Distinct tables and host objects are never `equal`
                // (identical ones returned above).
                VecKind::HashTable | VecKind::HostObject => Ok(false),
                VecKind::Vector | VecKind::Record => {
                    let n = heap.vec_len(o1);
                    if heap.vec_len(o2) != n {
                        return Ok(false);
                    }
                    for i in 0..n {
                        let (a, b) = (heap.vec_get(o1, i), heap.vec_get(o2, i));
                        if !equal_sub(heap, a, b, depth + 1, seen)? {
                            return Ok(false);
                        }
                    }
                    Ok(true)
                }
            };
        }
        if !o1.is_cons() {
            return Ok(false);
        }
        // FOR_EACH_TAIL (o1), with Emacs's Brent cycle detection.
        let mut tortoise = o1;
        let mut max: i64 = 2;
        let mut n: i64 = 0;
        let mut q: u16 = 2;
        while o1.is_cons() {
            if !o2.is_cons() {
                return Ok(false);
            }
            if !equal_sub(heap, heap.car(o1), heap.car(o2), depth + 1, seen)? {
                return Ok(false);
            }
            o2 = heap.cdr(o2);
            if heap.cdr(o1) == o2 {
                return Ok(true);
            }
            o1 = heap.cdr(o1);
            q = q.wrapping_sub(1);
            let check = if q != 0 {
                true
            } else {
                n -= 1;
                if 0 < n {
                    true
                } else {
                    max <<= 1;
                    n = max;
                    q = n as u16;
                    n >>= 16;
                    tortoise = o1;
                    false
                }
            };
            if check && o1 == tortoise {
                return Err(EqualError::Circular(o1));
            }
        }
        depth += 1;
    }
}

impl Interp {
    /// `(eql A B)`: `eq`, or numbers of the same type and value.
    #[inline]
    pub fn eql(&self, a: Value, b: Value) -> bool {
        a == b || eql(&self.heap, a, b)
    }

    /// `(equal A B)`: structural equality; signals on circular or too deep structure.
    pub fn equal(&mut self, a: Value, b: Value) -> LResult<bool> {
        if a == b {
            return Ok(true);
        }
        let mut seen: Seen = None;
        match internal_equal(&self.heap, a, b, 0, &mut seen) {
            Ok(r) => Ok(r),
            Err(EqualError::Depth) => Err(self.error("Stack overflow in equal")),
            Err(EqualError::Circular(tail)) => Err(self.signal_list(sym::CIRCULAR_LIST, &[tail])),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nest(interp: &mut Interp, n: usize) -> Value {
        let mut x = Value::NIL;
        for _ in 0..n {
            x = interp.cons(x, Value::NIL);
        }
        x
    }

    #[test]
    fn depth_limit_matches_emacs() {
        let mut i = Interp::bare();
        let a = nest(&mut i, 200);
        let s = i.push_root(a);
        let b = nest(&mut i, 200);
        i.stack.push(b);
        assert_eq!(i.equal(a, b), Ok(true));
        let c = nest(&mut i, 201);
        i.stack.push(c);
        let d = nest(&mut i, 201);
        i.stack.push(d);
        assert!(i.equal(c, d).is_err());
        i.stack.truncate(s);
    }

    #[test]
    fn cdr_cycles_signal_and_car_cycles_compare() {
        let mut i = Interp::bare();
        let one = Value::fixnum(1);
        let a = i.list(&[one, Value::fixnum(2), Value::fixnum(3)]);
        let s = i.push_root(a);
        let b = i.list(&[one, Value::fixnum(2), Value::fixnum(3)]);
        i.stack.push(b);
        let la = i.heap.cdr(i.heap.cdr(a));
        i.heap.set_cdr(la, a);
        let lb = i.heap.cdr(i.heap.cdr(b));
        i.heap.set_cdr(lb, b);
        assert!(i.equal(a, b).is_err());
        assert_eq!(i.pending.0, sym::CIRCULAR_LIST);
        // The tail where Emacs's Brent check fires: the cons holding 3.
        let data = i.pending.1;
        assert_eq!(i.heap.car(i.heap.car(data)), Value::fixnum(3));
        let c = i.list(&[one]);
        i.stack.push(c);
        let d = i.list(&[one]);
        i.stack.push(d);
        i.heap.set_car(c, c);
        i.heap.set_car(d, d);
        assert_eq!(i.equal(c, d), Ok(true));
        i.stack.truncate(s);
    }

    #[test]
    fn floats_compare_by_bits() {
        let mut i = Interp::bare();
        let z = i.make_float(0.0);
        let s = i.push_root(z);
        let nz = i.make_float(-0.0);
        i.stack.push(nz);
        let z2 = i.make_float(0.0);
        i.stack.push(z2);
        assert!(!i.eql(z, nz));
        assert!(i.eql(z, z2));
        assert_eq!(i.equal(z, nz), Ok(false));
        let h = |v| crate::gc::hash::table_hash(&i.heap, crate::gc::HashTest::Eql, v, &mut crate::gc::hash::Addresses);
        assert_eq!(h(z), h(z2));
        i.stack.truncate(s);
    }
}

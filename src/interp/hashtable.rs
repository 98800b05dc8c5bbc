//! Hash-table operations on the Emacs-ordered layout of `gc::object::HashTable`.
//!
//! They follow Emacs 28's `fns.c`: a new key goes to the head of the free
//! list (`next_free`), a removed slot is pushed back on it (so the next new
//! key reuses it), a full table grows to `size * 1.5` slots (at least one
//! more) with the new slots appended to the free list in order, and
//! `clrhash` resets the free list to slot order. Iteration (`maphash`,
//! printing) walks slots in index order, which gives Emacs's order.

use crate::gc::hash::{Addresses, table_hash};
use super::{Interp, LResult};
use crate::gc::{HashTest, Value};

/// Emacs's `DEFAULT_HASH_SIZE`.
pub const DEFAULT_HASH_SIZE: usize = 65;
/// Emacs's default rehash size (growth factor) and threshold.
pub const DEFAULT_REHASH_SIZE: f64 = 1.5;
pub const DEFAULT_REHASH_THRESHOLD: f64 = 0.8125;

impl Interp {
    /// The hash of `key` under `test`.
    #[inline]
    pub fn hash_key(&self, test: HashTest, key: Value) -> u64 {
        table_hash(&self.heap, test, key, &mut Addresses)
    }

    #[inline]
    fn ensure_fresh(&mut self, table: Value) {
        if self.heap.hash_table(table).stale != 0 {
            self.heap.hash_table_rehash(table);
        }
    }

    /// The slot holding `key`, if any (`hash` is the key's hash).
    fn hash_lookup(&mut self, table: Value, key: Value, hash: u64) -> LResult<Option<usize>> {
        let (test, mut i) = {
            let t = self.heap.hash_table(table);
            if t.index_size == 0 {
                return Ok(None);
            }
            let b = (hash as usize) & (t.index_size - 1);
            (t.test, t.index()[b])
        };
        while i >= 0 {
            let slot = i as usize;
            let (k, h, next) = {
                let t = self.heap.hash_table(table);
                (t.kv()[2 * slot], t.hashes()[slot], t.next()[slot])
            };
            let same = k == key
                || (h == hash
                    && match test {
                        HashTest::Eq => false,
                        HashTest::Eql => self.eql(k, key),
                        HashTest::Equal => self.equal(k, key)?,
                    });
            if same {
                return Ok(Some(slot));
            }
            i = next;
        }
        Ok(None)
    }

    /// `(gethash KEY TABLE)`: the value, or `None` when absent.
    pub fn hash_get(&mut self, table: Value, key: Value) -> LResult<Option<Value>> {
        self.ensure_fresh(table);
        let test = self.heap.hash_table(table).test;
        let hash = self.hash_key(test, key);
        Ok(self.hash_lookup(table, key, hash)?.map(|slot| self.heap.hash_table(table).kv()[2 * slot + 1]))
    }

    /// `(puthash KEY VALUE TABLE)`.
    pub fn hash_put(&mut self, table: Value, key: Value, val: Value) -> LResult<()> {
        self.ensure_fresh(table);
        let test = self.heap.hash_table(table).test;
        let hash = self.hash_key(test, key);
        if let Some(slot) = self.hash_lookup(table, key, hash)? {
            self.heap.hash_table_mut(table).kv_mut()[2 * slot + 1] = val;
            return Ok(());
        }
        // Emacs's maybe_resize_hash_table: grow only when no slot is free.
        let (next_free, size) = {
            let t = self.heap.hash_table(table);
            (t.next_free, t.size)
        };
        if next_free < 0 {
            let grown = (size as f64 * DEFAULT_REHASH_SIZE) as usize;
            let new_size = if grown <= size { size + 1 } else { grown };
            self.heap.hash_table_resize(table, new_size);
        }
        let t = self.heap.hash_table_mut(table);
        let slot = t.next_free as usize;
        t.next_free = t.next()[slot];
        t.kv_mut()[2 * slot] = key;
        t.kv_mut()[2 * slot + 1] = val;
        t.hashes_mut()[slot] = hash;
        let b = (hash as usize) & (t.index_size - 1);
        let head = t.index()[b];
        t.next_mut()[slot] = head;
        t.index_mut()[b] = slot as i64;
        t.count += 1;
        Ok(())
    }

    /// `(remhash KEY TABLE)`; true if the key was present.
    pub fn hash_remove(&mut self, table: Value, key: Value) -> LResult<bool> {
        self.ensure_fresh(table);
        let test = self.heap.hash_table(table).test;
        let hash = self.hash_key(test, key);
        let Some(slot) = self.hash_lookup(table, key, hash)? else {
            return Ok(false);
        };
        let t = self.heap.hash_table_mut(table);
        let b = (hash as usize) & (t.index_size - 1);
        // Unlink `slot` from its bucket chain.
        let after = t.next()[slot];
        if t.index()[b] == slot as i64 {
            t.index_mut()[b] = after;
        } else {
            let mut i = t.index()[b];
            while i >= 0 {
                let n = t.next()[i as usize];
                if n == slot as i64 {
                    t.next_mut()[i as usize] = after;
                    break;
                }
                i = n;
            }
        }
        // Clear it and push it on the free list.
        t.kv_mut()[2 * slot] = Value::UNBOUND;
        t.kv_mut()[2 * slot + 1] = Value::NIL;
        t.hashes_mut()[slot] = 0;
        t.next_mut()[slot] = t.next_free;
        t.next_free = slot as i64;
        t.count -= 1;
        Ok(true)
    }

    /// `(clrhash TABLE)`, as Emacs's `hash_clear` (a no-op on an empty table).
    pub fn hash_clear(&mut self, table: Value) {
        let t = self.heap.hash_table_mut(table);
        if t.count == 0 {
            return;
        }
        let size = t.size;
        for i in 0..size {
            t.hashes_mut()[i] = 0;
            t.next_mut()[i] = if i + 1 < size { (i + 1) as i64 } else { -1 };
            t.kv_mut()[2 * i] = Value::UNBOUND;
            t.kv_mut()[2 * i + 1] = Value::NIL;
        }
        t.index_mut().fill(-1);
        t.next_free = 0;
        t.count = 0;
        t.stale = 0;
    }

    /// `(hash-table-count TABLE)`.
    pub fn hash_count(&self, table: Value) -> usize {
        self.heap.hash_table(table).count
    }

    /// The entry in slot `i`, if the slot is in range and occupied.
    pub fn hash_slot(&self, table: Value, i: usize) -> Option<(Value, Value)> {
        let t = self.heap.hash_table(table);
        if i >= t.size {
            return None;
        }
        let k = t.kv()[2 * i];
        if k == Value::UNBOUND { None } else { Some((k, t.kv()[2 * i + 1])) }
    }

    /// Every entry in slot order (Emacs's iteration order).
    pub fn hash_entries(&self, table: Value) -> Vec<(Value, Value)> {
        let t = self.heap.hash_table(table);
        t.kv().chunks(2).filter(|kv| kv[0] != Value::UNBOUND).map(|kv| (kv[0], kv[1])).collect()
    }

    /// `(copy-hash-table TABLE)`: same slots, same free list, same order.
    pub fn hash_copy(&mut self, table: Value) -> Value {
        let (test, size) = {
            let t = self.heap.hash_table(table);
            (t.test, t.size)
        };
        let slot = self.push_root(table);
        let copy = self.make_hash_table(test, size);
        self.stack.truncate(slot);
        let src = self.heap.hash_table(table);
        let kv = src.kv().to_vec();
        let hashes = src.hashes().to_vec();
        let next = src.next().to_vec();
        let index = src.index().to_vec();
        let (count, next_free, stale) = (src.count, src.next_free, src.stale);
        let dst = self.heap.hash_table_mut(copy);
        debug_assert_eq!(dst.size, size);
        dst.kv_mut().copy_from_slice(&kv);
        dst.hashes_mut().copy_from_slice(&hashes);
        dst.next_mut().copy_from_slice(&next);
        if dst.index().len() == index.len() {
            dst.index_mut().copy_from_slice(&index);
            dst.stale = stale;
        } else {
            dst.stale = 1;
        }
        dst.count = count;
        dst.next_free = next_free;
        copy
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(interp: &Interp, h: Value) -> Vec<i64> {
        interp.hash_entries(h).iter().map(|(k, _)| k.as_fixnum().unwrap()).collect()
    }

    #[test]
    fn emacs_slot_order_and_growth() {
        let mut i = Interp::bare();
        let h = i.make_hash_table(HashTest::Eql, 3);
        let slot = i.push_root(h);
        for k in 0..5 {
            i.hash_put(h, Value::fixnum(k), Value::fixnum(k * k)).unwrap();
        }
        assert_eq!(i.heap.hash_table(h).size, 6);
        assert_eq!(i.hash_count(h), 5);
        assert_eq!(keys(&i, h), vec![0, 1, 2, 3, 4]);
        assert!(i.hash_remove(h, Value::fixnum(1)).unwrap());
        assert!(i.hash_remove(h, Value::fixnum(3)).unwrap());
        i.hash_put(h, Value::fixnum(10), Value::T).unwrap();
        assert_eq!(keys(&i, h), vec![0, 2, 10, 4]);
        i.hash_put(h, Value::fixnum(11), Value::T).unwrap();
        assert_eq!(keys(&i, h), vec![0, 11, 2, 10, 4]);
        assert_eq!(i.hash_get(h, Value::fixnum(2)).unwrap(), Some(Value::fixnum(4)));
        assert_eq!(i.hash_get(h, Value::fixnum(3)).unwrap(), None);
        let c = i.hash_copy(h);
        assert_eq!(keys(&i, c), vec![0, 11, 2, 10, 4]);
        i.hash_clear(h);
        assert_eq!(i.hash_count(h), 0);
        i.hash_put(h, Value::fixnum(9), Value::T).unwrap();
        assert_eq!(keys(&i, h), vec![9]);
        i.stack.truncate(slot);
    }

    #[test]
    fn default_growth_matches_emacs() {
        let mut i = Interp::bare();
        let h = i.make_hash_table(HashTest::Eq, DEFAULT_HASH_SIZE);
        let slot = i.push_root(h);
        for k in 0..66 {
            i.hash_put(h, Value::fixnum(k), Value::T).unwrap();
        }
        assert_eq!(i.heap.hash_table(h).size, 97);
        i.stack.truncate(slot);
    }

    #[test]
    fn equal_keys() {
        let mut i = Interp::bare();
        let h = i.make_hash_table(HashTest::Equal, 10);
        let slot = i.push_root(h);
        let a = i.make_string("key");
        i.stack.push(a);
        i.hash_put(h, a, Value::fixnum(1)).unwrap();
        let b = i.make_string("key");
        assert_eq!(i.hash_get(h, b).unwrap(), Some(Value::fixnum(1)));
        let f1 = i.make_float(1.5);
        i.stack.push(f1);
        i.hash_put(h, f1, Value::fixnum(2)).unwrap();
        let f2 = i.make_float(1.5);
        assert_eq!(i.hash_get(h, f2).unwrap(), Some(Value::fixnum(2)));
        i.stack.truncate(slot);
    }
}

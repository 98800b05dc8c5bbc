//! Generic sequence functions (lists, vectors, strings): `length`, `elt`,
//! `copy-sequence`, `reverse`, `nreverse`, `sort`, `vconcat`, vectors and
//! `aref`/`aset`/`fillarray`; plus the helpers shared with `lists.rs` and
//! `strings.rs` (Emacs's `FOR_EACH_TAIL` cycle detection, sequence element
//! extraction, character checks).

use crate::gc::Value;
use crate::interp::subr::Subr;
use crate::interp::symbols as sym;
use crate::interp::{Flow, Interp, LResult};

pub const SUBRS: &[Subr] = &[
    Subr::f("length", 1, Some(1), length),
    Subr::f("length<", 2, Some(2), length_less),
    Subr::f("length>", 2, Some(2), length_greater),
    Subr::f("length=", 2, Some(2), length_equal),
    Subr::f("elt", 2, Some(2), elt),
    Subr::f("copy-sequence", 1, Some(1), copy_sequence),
    Subr::f("reverse", 1, Some(1), reverse),
    Subr::f("nreverse", 1, Some(1), nreverse),
    Subr::f("sort", 2, Some(2), sort),
    Subr::f("vconcat", 0, None, vconcat),
    Subr::f("make-vector", 2, Some(2), make_vector),
    Subr::f("vector", 0, None, vector),
    Subr::f("aref", 2, Some(2), aref),
    Subr::f("aset", 3, Some(3), aset),
    Subr::f("fillarray", 2, Some(2), fillarray),
    Subr::f("record", 1, None, record),
    Subr::f("make-record", 3, Some(3), make_record),
    Subr::f("recordp", 1, Some(1), recordp),
];

/// Largest character code (Emacs's `MAX_CHAR`).
pub(crate) const MAX_CHAR: i64 = 0x3F_FFFF;

/// Refuse to build objects larger than this many elements: Emacs would
/// run out of memory; Rust would abort. Signals Emacs's memory-full error.
pub(crate) const MAX_ELEMENTS: usize = 1 << 27;

// ---------------------------------------------------------------------------
// Emacs's FOR_EACH_TAIL: Brent's cycle detection, emulated step for step so
// that `circular-list` errors carry the same tail and `safe-length` returns
// the same count as Emacs.

/// State of one `FOR_EACH_TAIL` walk. Call `advance` right after each
/// `tail = cdr(tail)`; it returns true when a cycle is detected.
pub(crate) struct Tails {
    tortoise: Value,
    max: i64,
    n: i64,
    q: u16,
}

impl Tails {
    #[inline]
    pub(crate) fn new(start: Value) -> Tails {
        Tails { tortoise: start, max: 2, n: 0, q: 2 }
    }

    #[inline]
    pub(crate) fn advance(&mut self, tail: Value) -> bool {
        self.q = self.q.wrapping_sub(1);
        let check = self.q != 0 || {
            self.n -= 1;
            0 < self.n
        };
        if check {
            tail == self.tortoise
        } else {
            self.max = self.max.saturating_mul(2);
            self.q = self.max as u16;
            self.n = self.max >> 16;
            self.tortoise = tail;
            false
        }
    }
}

/// `(circular-list TAIL)`.
#[cold]
pub(crate) fn circular(interp: &mut Interp, tail: Value) -> Flow {
    interp.signal_list(sym::CIRCULAR_LIST, &[tail])
}

/// `(error "Memory exhausted...")`, Emacs's memory-full signal, with the
/// text Emacs 28 shows in batch (its `\\[save-some-buffers]` substituted;
/// Emacs's string also carries a face property, which is not modelled).
#[cold]
pub(crate) fn memory_full(interp: &mut Interp) -> Flow {
    interp.error("Memory exhausted--use C-x s then exit and restart Emacs")
}

/// Emacs's `list_length`/`Flength` on a list: signals `circular-list` or
/// `(wrong-type-argument listp TAIL)` for a dotted list.
pub(crate) fn list_length(interp: &mut Interp, list: Value) -> LResult<usize> {
    let mut tail = list;
    let mut n = 0usize;
    let mut t = Tails::new(tail);
    while tail.is_cons() {
        n += 1;
        tail = interp.heap.cdr(tail);
        if t.advance(tail) {
            return Err(circular(interp, tail));
        }
    }
    if !tail.is_nil() {
        return Err(interp.wrong_type(sym::LISTP, tail));
    }
    Ok(n)
}

/// `(length SEQ)` as a usize.
pub(crate) fn seq_length(interp: &mut Interp, seq: Value) -> LResult<usize> {
    if seq.is_cons() || seq.is_nil() {
        list_length(interp, seq)
    } else if seq.is_string() {
        Ok(interp.heap.string_chars(seq))
    } else if interp.heap.is_vector(seq) {
        Ok(interp.heap.vec_len(seq))
    } else {
        Err(interp.wrong_type(sym::SEQUENCEP, seq))
    }
}

/// True for the sequence types (`sequencep`).
pub(crate) fn is_sequence(interp: &Interp, v: Value) -> bool {
    v.is_nil() || v.is_cons() || v.is_string() || interp.heap.is_vector(v)
}

/// The elements of a sequence (characters of a string as fixnums). List
/// errors are those of `length`. The values stay reachable from `seq`.
pub(crate) fn seq_elements(interp: &mut Interp, seq: Value) -> LResult<Vec<Value>> {
    if seq.is_nil() {
        Ok(Vec::new())
    } else if seq.is_cons() {
        let n = list_length(interp, seq)?;
        let mut out = Vec::with_capacity(n);
        let mut l = seq;
        while l.is_cons() {
            out.push(interp.heap.car(l));
            l = interp.heap.cdr(l);
        }
        Ok(out)
    } else if seq.is_string() {
        Ok(interp.heap.str(seq).chars().map(|c| Value::fixnum(c as i64)).collect())
    } else if interp.heap.is_vector(seq) {
        Ok(interp.heap.vec_slice(seq).to_vec())
    } else {
        Err(interp.wrong_type(sym::SEQUENCEP, seq))
    }
}

/// A character code (`characterp`), else `(wrong-type-argument characterp V)`.
#[inline]
pub(crate) fn check_char_code(interp: &mut Interp, v: Value) -> LResult<i64> {
    match v.as_fixnum() {
        Some(c) if (0..=MAX_CHAR).contains(&c) => Ok(c),
        _ => Err(interp.wrong_type(sym::CHARACTERP, v)),
    }
}

/// A character that can be stored in a (UTF-8) string.
pub(crate) fn check_char(interp: &mut Interp, v: Value) -> LResult<char> {
    let c = check_char_code(interp, v)?;
    match char::from_u32(c as u32) {
        Some(ch) => Ok(ch),
        None => Err(interp.error(&format!(
            "minilisp: character {c} (a surrogate or raw byte) cannot be stored in a string"
        ))),
    }
}

/// A fixnum argument, else `(wrong-type-argument PRED V)`.
#[inline]
pub(crate) fn check_fixnum(interp: &mut Interp, v: Value, pred: Value) -> LResult<i64> {
    match v.as_fixnum() {
        Some(i) => Ok(i),
        None => Err(interp.wrong_type(pred, v)),
    }
}

/// A non-negative fixnum (`wholenump`).
pub(crate) fn check_natnum(interp: &mut Interp, v: Value) -> LResult<usize> {
    match v.as_fixnum() {
        Some(i) if i >= 0 => Ok(i as usize),
        _ => Err(interp.wrong_type(sym::WHOLENUMP, v)),
    }
}

/// Emacs's `validate_subarray`: FROM/TO may be nil or (negative) fixnums.
pub(crate) fn validate_subarray(
    interp: &mut Interp,
    array: Value,
    from: Value,
    to: Value,
    size: usize,
) -> LResult<(usize, usize)> {
    let size = size as i64;
    let f = if let Some(f) = from.as_fixnum() {
        if f < 0 { f + size } else { f }
    } else if from.is_nil() {
        0
    } else {
        return Err(interp.wrong_type(sym::INTEGERP, from));
    };
    let t = if let Some(t) = to.as_fixnum() {
        if t < 0 { t + size } else { t }
    } else if to.is_nil() {
        size
    } else {
        return Err(interp.wrong_type(sym::INTEGERP, to));
    };
    if !(0 <= f && f <= t && t <= size) {
        return Err(interp.args_out_of_range3(array, from, to));
    }
    Ok((f as usize, t as usize))
}

/// Byte offset of character `ci` in `s` (`ci` <= char count).
pub(crate) fn char_to_byte(s: &str, ci: usize) -> usize {
    if s.is_ascii() {
        return ci.min(s.len());
    }
    s.char_indices().nth(ci).map_or(s.len(), |(b, _)| b)
}

/// Emacs 28's `concat` into a string: every argument must be a sequence
/// (checked first), then each list or vector element a character.
pub(crate) fn concat_to_string(interp: &mut Interp, args: &[Value]) -> LResult<String> {
    for &a in args {
        if !is_sequence(interp, a) {
            return Err(interp.wrong_type(sym::SEQUENCEP, a));
        }
    }
    let mut out = String::new();
    for &a in args {
        if a.is_string() {
            out.push_str(interp.heap.str(a));
        } else if a.is_nil() {
        } else {
            let items = seq_elements(interp, a)?;
            for c in items {
                out.push(check_char(interp, c)?);
            }
        }
        if out.len() > MAX_ELEMENTS * 4 {
            return Err(memory_full(interp));
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// Built-ins.

fn length(interp: &mut Interp, args: &[Value]) -> LResult {
    if interp.heap.is_record(args[0]) {
        return Ok(Value::fixnum(interp.heap.vec_len(args[0]) as i64));
    }
    let n = seq_length(interp, args[0])?;
    Ok(Value::fixnum(n as i64))
}

/// Emacs's `length_internal`: counts LEN down along the list; -1 once it
/// reaches zero (a short LEN never checks for cycles).
fn length_internal(interp: &mut Interp, seq: Value, len: i64) -> LResult<i64> {
    let mut len = len;
    let mut tail = seq;
    if len < 0xffff {
        while tail.is_cons() {
            len -= 1;
            if len <= 0 {
                return Ok(-1);
            }
            tail = interp.heap.cdr(tail);
        }
    } else {
        let mut t = Tails::new(tail);
        while tail.is_cons() {
            len -= 1;
            if len <= 0 {
                return Ok(-1);
            }
            tail = interp.heap.cdr(tail);
            if t.advance(tail) {
                return Err(circular(interp, tail));
            }
        }
    }
    Ok(len)
}

fn length_less(interp: &mut Interp, args: &[Value]) -> LResult {
    let len = check_fixnum(interp, args[1], sym::FIXNUMP)?;
    if args[0].is_cons() {
        return Ok(Value::bool(length_internal(interp, args[0], len)? != -1));
    }
    Ok(Value::bool((seq_length(interp, args[0])? as i64) < len))
}

fn length_greater(interp: &mut Interp, args: &[Value]) -> LResult {
    let len = check_fixnum(interp, args[1], sym::FIXNUMP)?;
    if args[0].is_cons() {
        return Ok(Value::bool(length_internal(interp, args[0], len.saturating_add(1))? == -1));
    }
    Ok(Value::bool((seq_length(interp, args[0])? as i64) > len))
}

fn length_equal(interp: &mut Interp, args: &[Value]) -> LResult {
    let len = check_fixnum(interp, args[1], sym::FIXNUMP)?;
    if len < 0 {
        return Ok(Value::NIL);
    }
    if args[0].is_cons() {
        return Ok(Value::bool(length_internal(interp, args[0], len.saturating_add(1))? == 1));
    }
    Ok(Value::bool(seq_length(interp, args[0])? as i64 == len))
}

/// Emacs's `Fnthcdr`, shared with `nth` and `elt`.
pub(crate) fn nthcdr_value(interp: &mut Interp, n: Value, list: Value) -> LResult {
    const SMALL_LIST_LEN_MAX: i64 = 127;
    let big = !n.is_fixnum();
    let mut num: i64 = if let Some(i) = n.as_fixnum() {
        i
    } else if interp.heap.is_bignum(n) {
        if interp.heap.bignum(n).0 {
            return Ok(list);
        }
        i64::MAX
    } else {
        return Err(interp.wrong_type(sym::INTEGERP, n));
    };
    let mut tail = list;
    if num <= SMALL_LIST_LEN_MAX {
        while num > 0 {
            if !tail.is_cons() {
                if !tail.is_nil() {
                    return Err(interp.wrong_type(sym::LISTP, list));
                }
                return Ok(Value::NIL);
            }
            tail = interp.heap.cdr(tail);
            num -= 1;
        }
        return Ok(tail);
    }
    let mut tortoise_num = num;
    let mut saved_tail = tail;
    let mut t = Tails::new(tail);
    while tail.is_cons() {
        if tail == t.tortoise {
            tortoise_num = num;
        }
        saved_tail = interp.heap.cdr(tail);
        num -= 1;
        if num == 0 {
            return Ok(saved_tail);
        }
        tail = interp.heap.cdr(tail);
        if t.advance(tail) {
            break;
        }
    }
    tail = saved_tail;
    if !tail.is_cons() {
        if !tail.is_nil() {
            return Err(interp.wrong_type(sym::LISTP, list));
        }
        return Ok(Value::NIL);
    }
    let cycle_length = tortoise_num - num;
    if cycle_length <= 0 {
        return Ok(tail);
    }
    let mut x = num as i128;
    if big {
        x += bignum_mod(interp, n, cycle_length) as i128;
        x -= (i64::MAX % cycle_length) as i128;
    }
    let mut left = (x % cycle_length as i128) as i64;
    while left > 0 {
        tail = interp.heap.cdr(tail);
        left -= 1;
    }
    Ok(tail)
}

/// N mod `m` for a positive bignum N.
fn bignum_mod(interp: &Interp, n: Value, m: i64) -> i64 {
    let (_, limbs) = interp.heap.bignum(n);
    let m = m as u128;
    let mut r: u128 = 0;
    for &limb in limbs.iter().rev() {
        r = ((r << 64) | limb as u128) % m;
    }
    r as i64
}

fn elt(interp: &mut Interp, args: &[Value]) -> LResult {
    let (seq, n) = (args[0], args[1]);
    if seq.is_cons() || seq.is_nil() {
        let tail = nthcdr_value(interp, n, seq)?;
        return if tail.is_cons() {
            Ok(interp.heap.car(tail))
        } else if tail.is_nil() {
            Ok(Value::NIL)
        } else {
            Err(interp.wrong_type(sym::LISTP, tail))
        };
    }
    if !seq.is_string() && !interp.heap.is_vector(seq) {
        return Err(interp.wrong_type(sym::SEQUENCEP, seq));
    }
    aref(interp, &[seq, n])
}

pub(crate) fn copy_sequence(interp: &mut Interp, args: &[Value]) -> LResult {
    let seq = args[0];
    if seq.is_nil() {
        return Ok(Value::NIL);
    }
    if seq.is_string() {
        let s = interp.heap.str(seq).to_owned();
        return Ok(interp.make_string(&s));
    }
    if interp.heap.is_vector(seq) {
        let items = interp.heap.vec_slice(seq).to_vec();
        return Ok(interp.vector_from(&items));
    }
    if interp.heap.is_record(seq) {
        let items = interp.heap.vec_slice(seq).to_vec();
        return Ok(interp.record_from(&items));
    }
    if !seq.is_cons() {
        return Err(interp.wrong_type(sym::SEQUENCEP, seq));
    }
    // Emacs copies while walking, with FOR_EACH_TAIL on the rest.
    let first = interp.heap.car(seq);
    let head = interp.cons(first, Value::NIL);
    let slot = interp.push_root(head);
    let mut prev = head;
    let mut tail = interp.heap.cdr(seq);
    let mut t = Tails::new(tail);
    while tail.is_cons() {
        let c = interp.cons(interp.heap.car(tail), Value::NIL);
        interp.heap.set_cdr(prev, c);
        prev = c;
        tail = interp.heap.cdr(tail);
        if t.advance(tail) {
            interp.stack.truncate(slot);
            return Err(circular(interp, tail));
        }
    }
    interp.stack.truncate(slot);
    if !tail.is_nil() {
        return Err(interp.wrong_type(sym::LISTP, tail));
    }
    Ok(head)
}

pub(crate) fn reverse(interp: &mut Interp, args: &[Value]) -> LResult {
    let seq = args[0];
    if seq.is_nil() {
        return Ok(Value::NIL);
    }
    if seq.is_string() {
        let s: String = interp.heap.str(seq).chars().rev().collect();
        return Ok(interp.make_string(&s));
    }
    if interp.heap.is_vector(seq) {
        let mut items = interp.heap.vec_slice(seq).to_vec();
        items.reverse();
        return Ok(interp.vector_from(&items));
    }
    if !seq.is_cons() {
        return Err(interp.wrong_type(sym::SEQUENCEP, seq));
    }
    let mut acc = Value::NIL;
    let mut tail = seq;
    let mut t = Tails::new(tail);
    let slot = interp.push_root(acc);
    while tail.is_cons() {
        acc = interp.cons(interp.heap.car(tail), acc);
        interp.stack[slot] = acc;
        tail = interp.heap.cdr(tail);
        if t.advance(tail) {
            interp.stack.truncate(slot);
            return Err(circular(interp, tail));
        }
    }
    interp.stack.truncate(slot);
    if !tail.is_nil() {
        return Err(interp.wrong_type(sym::LISTP, tail));
    }
    Ok(acc)
}

pub(crate) fn nreverse(interp: &mut Interp, args: &[Value]) -> LResult {
    let seq = args[0];
    if seq.is_nil() {
        return Ok(seq);
    }
    if seq.is_string() {
        return reverse(interp, args);
    }
    if interp.heap.is_vector(seq) {
        let mut items = interp.heap.vec_slice(seq).to_vec();
        items.reverse();
        for (i, v) in items.into_iter().enumerate() {
            interp.heap.vec_set(seq, i, v);
        }
        return Ok(seq);
    }
    if !seq.is_cons() {
        return Err(interp.wrong_type(sym::ARRAYP, seq));
    }
    let mut prev = Value::NIL;
    let mut tail = seq;
    while tail.is_cons() {
        let next = interp.heap.cdr(tail);
        if next == seq {
            return Err(circular(interp, seq));
        }
        interp.heap.set_cdr(tail, prev);
        prev = tail;
        tail = next;
    }
    if !tail.is_nil() {
        return Err(interp.wrong_type(sym::LISTP, prev));
    }
    Ok(prev)
}

// ---- sort: Emacs 28's merge sorts, comparison for comparison ----

/// `inorder (pred, a, b)`: `(not (funcall pred b a))`.
fn inorder(interp: &mut Interp, pred: Value, a: Value, b: Value) -> LResult<bool> {
    Ok(interp.funcall(pred, &[b, a])?.is_nil())
}

fn checked_car(interp: &mut Interp, v: Value) -> LResult {
    if v.is_cons() {
        Ok(interp.heap.car(v))
    } else if v.is_nil() {
        Ok(Value::NIL)
    } else {
        Err(interp.wrong_type(sym::LISTP, v))
    }
}

fn checked_cdr(interp: &mut Interp, v: Value) -> LResult {
    if v.is_cons() {
        Ok(interp.heap.cdr(v))
    } else if v.is_nil() {
        Ok(Value::NIL)
    } else {
        Err(interp.wrong_type(sym::LISTP, v))
    }
}

fn sort_list(interp: &mut Interp, list: Value, pred: Value) -> LResult {
    let length = list_length(interp, list)?;
    if length < 2 {
        return Ok(list);
    }
    let tem = nthcdr_value(interp, Value::fixnum(length as i64 / 2 - 1), list)?;
    let back = checked_cdr(interp, tem)?;
    if tem.is_cons() {
        interp.heap.set_cdr(tem, Value::NIL);
    } else {
        return Err(interp.wrong_type(sym::CONSP, tem));
    }
    let base = interp.stack.len();
    interp.stack.push(list);
    interp.stack.push(back);
    // Emacs evaluates `merge (Fsort (list, pred), Fsort (back, pred), pred)`
    // with GCC's right-to-left argument order: the back half sorts first.
    let r = (|| {
        let b = sort_list(interp, back, pred)?;
        interp.stack[base + 1] = b;
        let a = sort_list(interp, list, pred)?;
        interp.stack[base] = a;
        merge_lists(interp, base, pred)
    })();
    interp.stack.truncate(base);
    r
}

/// Emacs's `merge`: the two lists are at `stack[base]`, `stack[base+1]`.
fn merge_lists(interp: &mut Interp, base: usize, pred: Value) -> LResult {
    let vslot = interp.push_root(Value::NIL);
    let mut tail = Value::NIL;
    loop {
        let l1 = interp.stack[base];
        let l2 = interp.stack[base + 1];
        let value = interp.stack[vslot];
        if l1.is_nil() {
            if tail.is_nil() {
                return Ok(l2);
            }
            interp.heap.set_cdr(tail, l2);
            return Ok(value);
        }
        if l2.is_nil() {
            if tail.is_nil() {
                return Ok(l1);
            }
            interp.heap.set_cdr(tail, l1);
            return Ok(value);
        }
        let a = checked_car(interp, l1)?;
        let b = checked_car(interp, l2)?;
        let tem = if inorder(interp, pred, a, b)? {
            let l1 = interp.stack[base];
            interp.stack[base] = checked_cdr(interp, l1)?;
            l1
        } else {
            let l2 = interp.stack[base + 1];
            interp.stack[base + 1] = checked_cdr(interp, l2)?;
            l2
        };
        if tail.is_nil() {
            interp.stack[vslot] = tem;
        } else if tail.is_cons() {
            interp.heap.set_cdr(tail, tem);
        }
        tail = tem;
    }
}

/// Where a vector merge-sort slot lives: the vector itself or the
/// temporary array (kept on the root stack at `tmp`).
#[derive(Copy, Clone)]
enum Buf {
    Vec,
    Tmp,
}

struct VecSort {
    vector: Value,
    tmp: usize,
    pred: Value,
}

impl VecSort {
    fn get(&self, interp: &Interp, b: Buf, i: usize) -> Value {
        match b {
            Buf::Vec => interp.heap.vec_get(self.vector, i),
            Buf::Tmp => interp.stack[self.tmp + i],
        }
    }

    fn set(&self, interp: &mut Interp, b: Buf, i: usize, v: Value) {
        match b {
            Buf::Vec => interp.heap.vec_set(self.vector, i, v),
            Buf::Tmp => interp.stack[self.tmp + i] = v,
        }
    }

    /// `sort_vector_inplace (pred, len, vec, tmp)`.
    fn inplace(&self, interp: &mut Interp, len: usize, vec: (Buf, usize), tmp: (Buf, usize)) -> LResult<()> {
        let halflen = len >> 1;
        self.copy(interp, halflen, vec, tmp)?;
        if 1 < len - halflen {
            self.inplace(interp, len - halflen, (vec.0, vec.1 + halflen), vec)?;
        }
        self.merge(interp, halflen, tmp, len - halflen, (vec.0, vec.1 + halflen), vec)
    }

    /// `sort_vector_copy (pred, len, src, dest)`.
    fn copy(&self, interp: &mut Interp, len: usize, src: (Buf, usize), dest: (Buf, usize)) -> LResult<()> {
        let halflen = len >> 1;
        if halflen < 1 {
            let v = self.get(interp, src.0, src.1);
            self.set(interp, dest.0, dest.1, v);
            return Ok(());
        }
        if 1 < halflen {
            self.inplace(interp, halflen, src, dest)?;
        }
        if 1 < len - halflen {
            self.inplace(interp, len - halflen, (src.0, src.1 + halflen), dest)?;
        }
        self.merge(interp, halflen, src, len - halflen, (src.0, src.1 + halflen), dest)
    }

    /// `merge_vectors (pred, alen, a, blen, b, dest)`.
    fn merge(
        &self,
        interp: &mut Interp,
        alen: usize,
        a: (Buf, usize),
        blen: usize,
        b: (Buf, usize),
        dest: (Buf, usize),
    ) -> LResult<()> {
        let (mut ai, alim) = (a.1, a.1 + alen);
        let (mut bi, blim) = (b.1, b.1 + blen);
        let mut di = dest.1;
        loop {
            let x = self.get(interp, a.0, ai);
            let y = self.get(interp, b.0, bi);
            if inorder(interp, self.pred, x, y)? {
                let v = self.get(interp, a.0, ai);
                self.set(interp, dest.0, di, v);
                di += 1;
                ai += 1;
                if ai == alim {
                    let same = matches!((dest.0, b.0), (Buf::Vec, Buf::Vec) | (Buf::Tmp, Buf::Tmp)) && di == bi;
                    if !same {
                        while bi < blim {
                            let v = self.get(interp, b.0, bi);
                            self.set(interp, dest.0, di, v);
                            di += 1;
                            bi += 1;
                        }
                    }
                    return Ok(());
                }
            } else {
                let v = self.get(interp, b.0, bi);
                self.set(interp, dest.0, di, v);
                di += 1;
                bi += 1;
                if bi == blim {
                    while ai < alim {
                        let v = self.get(interp, a.0, ai);
                        self.set(interp, dest.0, di, v);
                        di += 1;
                        ai += 1;
                    }
                    return Ok(());
                }
            }
        }
    }
}

fn sort_vector(interp: &mut Interp, vector: Value, pred: Value) -> LResult<()> {
    let length = interp.heap.vec_len(vector);
    if length < 2 {
        return Ok(());
    }
    let halflen = length >> 1;
    let tmp = interp.stack.len();
    interp.stack.resize(tmp + halflen, Value::fixnum(0));
    let s = VecSort { vector, tmp, pred };
    let r = s.inplace(interp, length, (Buf::Vec, 0), (Buf::Tmp, 0));
    interp.stack.truncate(tmp);
    r
}

pub(crate) fn sort(interp: &mut Interp, args: &[Value]) -> LResult {
    let (seq, pred) = (args[0], args[1]);
    if seq.is_cons() {
        sort_list(interp, seq, pred)
    } else if interp.heap.is_vector(seq) {
        sort_vector(interp, seq, pred)?;
        Ok(seq)
    } else if seq.is_nil() {
        Ok(seq)
    } else {
        let p = interp.intern("list-or-vector-p");
        Err(interp.wrong_type(p, seq))
    }
}

// ---- vectors and arrays ----

fn vconcat(interp: &mut Interp, args: &[Value]) -> LResult {
    for &a in args {
        if !is_sequence(interp, a) {
            return Err(interp.wrong_type(sym::SEQUENCEP, a));
        }
    }
    let mut items = Vec::new();
    for &a in args {
        items.extend(seq_elements(interp, a)?);
        if items.len() > MAX_ELEMENTS {
            return Err(memory_full(interp));
        }
    }
    Ok(interp.vector_from(&items))
}

fn make_vector(interp: &mut Interp, args: &[Value]) -> LResult {
    let n = check_natnum(interp, args[0])?;
    if n > MAX_ELEMENTS {
        return Err(memory_full(interp));
    }
    Ok(interp.make_vector(n, args[1]))
}

fn vector(interp: &mut Interp, args: &[Value]) -> LResult {
    Ok(interp.vector_from(args))
}

pub(crate) fn aref(interp: &mut Interp, args: &[Value]) -> LResult {
    let (array, idx) = (args[0], args[1]);
    let i = check_fixnum(interp, idx, sym::FIXNUMP)?;
    if array.is_string() {
        let n = interp.heap.string_chars(array);
        if i < 0 || i as usize >= n {
            return Err(interp.args_out_of_range(array, idx));
        }
        let s = interp.heap.str(array);
        let c = if s.is_ascii() { s.as_bytes()[i as usize] as char } else { s.chars().nth(i as usize).unwrap_or('\0') };
        return Ok(Value::fixnum(c as i64));
    }
    if !interp.heap.has_slots(array) {
        return Err(interp.wrong_type(sym::ARRAYP, array));
    }
    let n = interp.heap.vec_len(array);
    if i < 0 || i as usize >= n {
        return Err(interp.args_out_of_range(array, idx));
    }
    Ok(interp.heap.vec_get(array, i as usize))
}

fn aset(interp: &mut Interp, args: &[Value]) -> LResult {
    let (array, idx, newelt) = (args[0], args[1], args[2]);
    let i = check_fixnum(interp, idx, sym::FIXNUMP)?;
    if interp.heap.has_slots(array) {
        let n = interp.heap.vec_len(array);
        if i < 0 || i as usize >= n {
            return Err(interp.args_out_of_range(array, idx));
        }
        interp.heap.vec_set(array, i as usize, newelt);
        return Ok(newelt);
    }
    if !array.is_string() {
        return Err(interp.wrong_type(sym::ARRAYP, array));
    }
    let n = interp.heap.string_chars(array);
    if i < 0 || i as usize >= n {
        return Err(interp.args_out_of_range(array, idx));
    }
    let c = check_char(interp, newelt)?;
    let s = interp.heap.str(array);
    let b = char_to_byte(s, i as usize);
    let old_len = s[b..].chars().next().map_or(0, char::len_utf8);
    if s.is_ascii() && c.is_ascii() {
        let mut bytes = s.as_bytes().to_vec();
        bytes[b] = c as u8;
        let new = String::from_utf8(bytes).unwrap_or_default();
        interp.heap.set_string(array, &new);
    } else {
        let mut new = String::with_capacity(s.len() + 4);
        new.push_str(&s[..b]);
        new.push(c);
        new.push_str(&s[b + old_len..]);
        interp.heap.set_string(array, &new);
    }
    Ok(newelt)
}

// ---- records ----

fn record(interp: &mut Interp, args: &[Value]) -> LResult {
    Ok(interp.record_from(args))
}

fn make_record(interp: &mut Interp, args: &[Value]) -> LResult {
    let n = check_natnum(interp, args[1])?;
    if n >= MAX_ELEMENTS {
        return Err(memory_full(interp));
    }
    let mut items = vec![args[2]; n + 1];
    items[0] = args[0];
    Ok(interp.record_from(&items))
}

fn recordp(interp: &mut Interp, args: &[Value]) -> LResult {
    Ok(Value::bool(interp.heap.is_record(args[0])))
}

fn fillarray(interp: &mut Interp, args: &[Value]) -> LResult {
    let (array, item) = (args[0], args[1]);
    if interp.heap.is_vector(array) {
        for i in 0..interp.heap.vec_len(array) {
            interp.heap.vec_set(array, i, item);
        }
        return Ok(array);
    }
    if array.is_string() {
        let c = check_char(interp, item)?;
        let n = interp.heap.string_chars(array);
        let new: String = std::iter::repeat_n(c, n).collect();
        interp.heap.set_string(array, &new);
        return Ok(array);
    }
    Err(interp.wrong_type(sym::ARRAYP, array))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subr_names_are_unique_across_the_crate() {
        let mut seen = std::collections::HashSet::new();
        for s in crate::interp::subr::SUBRS.iter() {
            assert!(seen.insert(s.name), "built-in {} registered twice", s.name);
        }
    }

    #[test]
    fn tails_match_emacs_safe_length_on_a_two_cycle() {
        let mut interp = Interp::bare();
        let l = interp.list(&[Value::fixnum(1), Value::fixnum(2)]);
        let second = interp.heap.cdr(l);
        interp.heap.set_cdr(second, l);
        let mut tail = l;
        let mut t = Tails::new(tail);
        let mut n = 0;
        while tail.is_cons() {
            n += 1;
            tail = interp.heap.cdr(tail);
            if t.advance(tail) {
                break;
            }
        }
        assert_eq!(n, 4);
    }
}

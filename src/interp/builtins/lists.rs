//! List built-ins: conses, access, search, destructive updates, mapping,
//! plists and alists. Semantics follow Emacs 28's `fns.c`/`data.c`/`alloc.c`
//! (and `subr.el` for the few that Emacs defines in Lisp: `last`,
//! `butlast`, `nbutlast`, `remq`, `remove`, `copy-tree`, `number-sequence`,
//! `alist-get`), including the data of every error.

use super::sequences::{
    Tails, check_natnum, circular, concat_to_string, copy_sequence, memory_full, nthcdr_value,
    seq_length, MAX_ELEMENTS,
};
use crate::gc::Value;
use crate::interp::subr::Subr;
use crate::interp::symbols as sym;
use crate::interp::{Interp, LResult};

pub const SUBRS: &[Subr] = &[
    Subr::f("cons", 2, Some(2), cons),
    Subr::f("car", 1, Some(1), car),
    Subr::f("cdr", 1, Some(1), cdr),
    Subr::f("car-safe", 1, Some(1), car_safe),
    Subr::f("cdr-safe", 1, Some(1), cdr_safe),
    Subr::f("setcar", 2, Some(2), setcar),
    Subr::f("setcdr", 2, Some(2), setcdr),
    Subr::f("list", 0, None, list),
    Subr::f("make-list", 2, Some(2), make_list),
    Subr::f("safe-length", 1, Some(1), safe_length),
    Subr::f("proper-list-p", 1, Some(1), proper_list_p),
    Subr::f("nth", 2, Some(2), nth),
    Subr::f("nthcdr", 2, Some(2), nthcdr),
    Subr::f("last", 1, Some(2), last),
    Subr::f("butlast", 1, Some(2), butlast),
    Subr::f("nbutlast", 1, Some(2), nbutlast),
    Subr::f("append", 0, None, append),
    Subr::f("nconc", 0, None, nconc),
    Subr::f("memq", 2, Some(2), memq),
    Subr::f("memql", 2, Some(2), memql),
    Subr::f("member", 2, Some(2), member),
    Subr::f("assq", 2, Some(2), assq),
    Subr::f("assoc", 2, Some(3), assoc),
    Subr::f("rassq", 2, Some(2), rassq),
    Subr::f("rassoc", 2, Some(2), rassoc),
    Subr::f("delq", 2, Some(2), delq),
    Subr::f("delete", 2, Some(2), delete),
    Subr::f("remq", 2, Some(2), remq),
    Subr::f("remove", 2, Some(2), remove),
    Subr::f("copy-tree", 1, Some(2), copy_tree),
    Subr::f("copy-alist", 1, Some(1), copy_alist),
    Subr::f("mapcar", 2, Some(2), mapcar),
    Subr::f("mapc", 2, Some(2), mapc),
    Subr::f("mapcan", 2, Some(2), mapcan),
    Subr::f("mapconcat", 3, Some(3), mapconcat),
    Subr::f("identity", 1, Some(1), identity),
    Subr::f("number-sequence", 1, Some(3), number_sequence),
    Subr::f("plist-get", 2, Some(2), plist_get),
    Subr::f("plist-put", 3, Some(3), plist_put),
    Subr::f("plist-member", 2, Some(2), plist_member),
    Subr::f("alist-get", 2, Some(5), alist_get),
];

// ---- conses ----

fn cons(interp: &mut Interp, args: &[Value]) -> LResult {
    Ok(interp.cons(args[0], args[1]))
}

/// `(car V)` with Emacs's error.
#[inline]
pub(crate) fn car_of(interp: &mut Interp, v: Value) -> LResult {
    if v.is_cons() {
        Ok(interp.heap.car(v))
    } else if v.is_nil() {
        Ok(Value::NIL)
    } else {
        Err(interp.wrong_type(sym::LISTP, v))
    }
}

/// `(cdr V)` with Emacs's error.
#[inline]
pub(crate) fn cdr_of(interp: &mut Interp, v: Value) -> LResult {
    if v.is_cons() {
        Ok(interp.heap.cdr(v))
    } else if v.is_nil() {
        Ok(Value::NIL)
    } else {
        Err(interp.wrong_type(sym::LISTP, v))
    }
}

fn car(interp: &mut Interp, args: &[Value]) -> LResult {
    car_of(interp, args[0])
}

fn cdr(interp: &mut Interp, args: &[Value]) -> LResult {
    cdr_of(interp, args[0])
}

fn car_safe(interp: &mut Interp, args: &[Value]) -> LResult {
    Ok(interp.car_safe(args[0]))
}

fn cdr_safe(interp: &mut Interp, args: &[Value]) -> LResult {
    Ok(interp.cdr_safe(args[0]))
}

fn setcar(interp: &mut Interp, args: &[Value]) -> LResult {
    if !args[0].is_cons() {
        return Err(interp.wrong_type(sym::CONSP, args[0]));
    }
    interp.heap.set_car(args[0], args[1]);
    Ok(args[1])
}

fn setcdr(interp: &mut Interp, args: &[Value]) -> LResult {
    if !args[0].is_cons() {
        return Err(interp.wrong_type(sym::CONSP, args[0]));
    }
    interp.heap.set_cdr(args[0], args[1]);
    Ok(args[1])
}

fn list(interp: &mut Interp, args: &[Value]) -> LResult {
    Ok(interp.list(args))
}

fn make_list(interp: &mut Interp, args: &[Value]) -> LResult {
    let n = check_natnum(interp, args[0])?;
    if n > MAX_ELEMENTS {
        return Err(memory_full(interp));
    }
    let init = args[1];
    let mut acc = Value::NIL;
    for _ in 0..n {
        acc = interp.cons(init, acc);
    }
    Ok(acc)
}

fn safe_length(interp: &mut Interp, args: &[Value]) -> LResult {
    let mut tail = args[0];
    let mut n: i64 = 0;
    let mut t = Tails::new(tail);
    while tail.is_cons() {
        n += 1;
        tail = interp.heap.cdr(tail);
        if t.advance(tail) {
            break;
        }
    }
    Ok(Value::fixnum(n))
}

fn proper_list_p(interp: &mut Interp, args: &[Value]) -> LResult {
    let mut tail = args[0];
    let mut last_tail = tail;
    let mut n: i64 = 0;
    let mut t = Tails::new(tail);
    while tail.is_cons() {
        n += 1;
        last_tail = interp.heap.cdr(tail);
        tail = last_tail;
        if t.advance(tail) {
            break;
        }
    }
    Ok(if last_tail.is_nil() { Value::fixnum(n) } else { Value::NIL })
}

fn nth(interp: &mut Interp, args: &[Value]) -> LResult {
    let tail = nthcdr_value(interp, args[0], args[1])?;
    car_of(interp, tail)
}

fn nthcdr(interp: &mut Interp, args: &[Value]) -> LResult {
    nthcdr_value(interp, args[0], args[1])
}

/// A number argument as Emacs's arithmetic sees it.
enum Num {
    Int(i64),
    /// A bignum: only its sign matters for list lengths.
    Big(bool),
    Float(f64),
}

fn number_arg(interp: &mut Interp, v: Value) -> LResult<Num> {
    if let Some(i) = v.as_fixnum() {
        Ok(Num::Int(i))
    } else if v.is_float() {
        Ok(Num::Float(interp.heap.float(v)))
    } else if interp.heap.is_bignum(v) {
        Ok(Num::Big(interp.heap.bignum(v).0))
    } else {
        Err(interp.wrong_type(sym::NUMBER_OR_MARKER_P, v))
    }
}

/// `(nthcdr K list)` where K was computed by Lisp arithmetic that may have
/// produced a float: Emacs signals `(wrong-type-argument integerp K)`.
fn nthcdr_num(interp: &mut Interp, k: Num, list: Value) -> LResult {
    match k {
        Num::Int(i) => nthcdr_value(interp, Value::fixnum(i), list),
        Num::Float(f) => {
            let fv = interp.make_float(f);
            Err(interp.wrong_type(sym::INTEGERP, fv))
        }
        Num::Big(neg) => {
            if neg {
                Ok(list)
            } else {
                nthcdr_value(interp, Value::fixnum(crate::gc::value::MOST_POSITIVE_FIXNUM), list)
            }
        }
    }
}

/// Compares a number with a small integer: `n < m` as -1/0/1.
fn num_cmp(n: &Num, m: i64) -> std::cmp::Ordering {
    use std::cmp::Ordering::*;
    match *n {
        Num::Int(i) => i.cmp(&m),
        Num::Big(neg) => {
            if neg {
                Less
            } else {
                Greater
            }
        }
        Num::Float(f) => f.partial_cmp(&(m as f64)).unwrap_or(Greater),
    }
}

/// m - n for `last`/`nbutlast` arithmetic (n known to be below m when used).
fn int_minus_num(m: i64, n: &Num) -> Num {
    match *n {
        Num::Int(i) => Num::Int(m - i),
        Num::Float(f) => Num::Float(m as f64 - f),
        Num::Big(neg) => Num::Big(!neg),
    }
}

fn safe_length_of(interp: &Interp, list: Value) -> i64 {
    let mut tail = list;
    let mut n = 0;
    let mut t = Tails::new(tail);
    while tail.is_cons() {
        n += 1;
        tail = interp.heap.cdr(tail);
        if t.advance(tail) {
            break;
        }
    }
    n
}

/// subr.el's `last`.
fn last(interp: &mut Interp, args: &[Value]) -> LResult {
    let (list, n) = (args[0], args[1]);
    if !n.is_nil() {
        let n = number_arg(interp, n)?;
        if num_cmp(&n, 0).is_lt() {
            return Ok(Value::NIL);
        }
        let m = safe_length_of(interp, list);
        if num_cmp(&n, m).is_lt() {
            let k = int_minus_num(m, &n);
            return nthcdr_num(interp, k, list);
        }
        return Ok(list);
    }
    if list.is_nil() {
        return Ok(Value::NIL);
    }
    let m = safe_length_of(interp, list);
    nthcdr_value(interp, Value::fixnum(m - 1), list)
}

/// subr.el's `butlast`.
fn butlast(interp: &mut Interp, args: &[Value]) -> LResult {
    let (list, n) = (args[0], args[1]);
    if !n.is_nil() {
        let num = number_arg(interp, n)?;
        if num_cmp(&num, 0).is_le() {
            return Ok(list);
        }
    }
    let copy = copy_sequence(interp, &[list])?;
    let slot = interp.push_root(copy);
    let r = nbutlast(interp, &[copy, n]);
    interp.stack.truncate(slot);
    r
}

/// subr.el's `nbutlast`.
fn nbutlast(interp: &mut Interp, args: &[Value]) -> LResult {
    let list = args[0];
    let m = seq_length(interp, list)? as i64;
    let n = if args[1].is_nil() { Num::Int(1) } else { number_arg(interp, args[1])? };
    if !num_cmp(&n, m).is_lt() {
        return Ok(Value::NIL);
    }
    if num_cmp(&n, 0).is_gt() {
        let k = int_minus_num(m - 1, &n);
        let cell = nthcdr_num(interp, k, list)?;
        if !cell.is_cons() {
            return Err(interp.wrong_type(sym::CONSP, cell));
        }
        interp.heap.set_cdr(cell, Value::NIL);
    }
    Ok(list)
}

/// Emacs 28's `append`: every argument but the last must be a sequence
/// (checked first); the last becomes the tail, uncopied.
fn append(interp: &mut Interp, args: &[Value]) -> LResult {
    let Some((&last, init)) = args.split_last() else { return Ok(Value::NIL) };
    for &a in init {
        if !super::sequences::is_sequence(interp, a) {
            return Err(interp.wrong_type(sym::SEQUENCEP, a));
        }
    }
    let mut items = Vec::new();
    for &a in init {
        items.extend(super::sequences::seq_elements(interp, a)?);
        if items.len() > MAX_ELEMENTS {
            return Err(memory_full(interp));
        }
    }
    if items.is_empty() {
        return Ok(last);
    }
    Ok(interp.list_with_tail(&items, last))
}

fn nconc(interp: &mut Interp, args: &[Value]) -> LResult {
    let mut val = Value::NIL;
    let mut carry = Value::NIL; // replaces args[i] when it was nil (Emacs's args[argnum + 1] = tail)
    let nargs = args.len();
    for argnum in 0..nargs {
        let mut tem = if argnum > 0 && !carry.is_nil() { carry } else { args[argnum] };
        carry = Value::NIL;
        if tem.is_nil() {
            continue;
        }
        if val.is_nil() {
            val = tem;
        }
        if argnum + 1 == nargs {
            break;
        }
        if !tem.is_cons() {
            return Err(interp.wrong_type(sym::CONSP, tem));
        }
        let mut tail = tem;
        let mut t = Tails::new(tem);
        while tem.is_cons() {
            tail = tem;
            tem = interp.heap.cdr(tem);
            if t.advance(tem) {
                return Err(circular(interp, tem));
            }
        }
        let next = args[argnum + 1];
        interp.heap.set_cdr(tail, next);
        if next.is_nil() {
            carry = tail;
        }
    }
    Ok(val)
}

// ---- searching ----

/// Walks `list` like Emacs's `FOR_EACH_TAIL`, returning the first tail for
/// which `hit` holds, nil at the end, or the Emacs error.
fn find_tail(
    interp: &mut Interp,
    list: Value,
    mut hit: impl FnMut(&mut Interp, Value) -> LResult<bool>,
) -> LResult {
    let mut tail = list;
    let mut t = Tails::new(tail);
    while tail.is_cons() {
        if hit(interp, tail)? {
            return Ok(tail);
        }
        tail = interp.heap.cdr(tail);
        if t.advance(tail) {
            return Err(circular(interp, tail));
        }
    }
    if !tail.is_nil() {
        return Err(interp.wrong_type(sym::LISTP, list));
    }
    Ok(Value::NIL)
}

pub(crate) fn memq_value(interp: &mut Interp, elt: Value, list: Value) -> LResult {
    find_tail(interp, list, |i, t| Ok(i.heap.car(t) == elt))
}

fn memq(interp: &mut Interp, args: &[Value]) -> LResult {
    memq_value(interp, args[0], args[1])
}

fn memql(interp: &mut Interp, args: &[Value]) -> LResult {
    let elt = args[0];
    find_tail(interp, args[1], |i, t| {
        let x = i.heap.car(t);
        Ok(i.eql(x, elt))
    })
}

pub(crate) fn member_value(interp: &mut Interp, elt: Value, list: Value) -> LResult {
    find_tail(interp, list, |i, t| {
        let x = i.heap.car(t);
        i.equal(elt, x)
    })
}

fn member(interp: &mut Interp, args: &[Value]) -> LResult {
    member_value(interp, args[0], args[1])
}

/// The element of the tail found by `find_tail`.
fn car_or_nil(interp: &Interp, tail: Value) -> Value {
    if tail.is_cons() { interp.heap.car(tail) } else { Value::NIL }
}

pub(crate) fn assq_value(interp: &mut Interp, key: Value, alist: Value) -> LResult {
    let t = find_tail(interp, alist, |i, t| {
        let e = i.heap.car(t);
        Ok(e.is_cons() && i.heap.car(e) == key)
    })?;
    Ok(car_or_nil(interp, t))
}

fn assq(interp: &mut Interp, args: &[Value]) -> LResult {
    assq_value(interp, args[0], args[1])
}

pub(crate) fn assoc_value(interp: &mut Interp, key: Value, alist: Value, testfn: Value) -> LResult {
    if testfn.is_nil() {
        let t = find_tail(interp, alist, |i, t| {
            let e = i.heap.car(t);
            if !e.is_cons() {
                return Ok(false);
            }
            let k = i.heap.car(e);
            Ok(k == key || i.equal(k, key)?)
        })?;
        return Ok(car_or_nil(interp, t));
    }
    // The test function is Lisp: keep the current tail rooted across calls.
    let slot = interp.push_root(alist);
    let r = find_tail(interp, alist, |i, t| {
        let e = i.heap.car(t);
        if !e.is_cons() {
            return Ok(false);
        }
        i.stack[slot] = t;
        let k = i.heap.car(e);
        Ok(!i.funcall(testfn, &[k, key])?.is_nil())
    });
    interp.stack.truncate(slot);
    let t = r?;
    Ok(car_or_nil(interp, t))
}

fn assoc(interp: &mut Interp, args: &[Value]) -> LResult {
    assoc_value(interp, args[0], args[1], args[2])
}

fn rassq(interp: &mut Interp, args: &[Value]) -> LResult {
    let key = args[0];
    let t = find_tail(interp, args[1], |i, t| {
        let e = i.heap.car(t);
        Ok(e.is_cons() && i.heap.cdr(e) == key)
    })?;
    Ok(car_or_nil(interp, t))
}

fn rassoc(interp: &mut Interp, args: &[Value]) -> LResult {
    let key = args[0];
    let t = find_tail(interp, args[1], |i, t| {
        let e = i.heap.car(t);
        if !e.is_cons() {
            return Ok(false);
        }
        let v = i.heap.cdr(e);
        Ok(v == key || i.equal(v, key)?)
    })?;
    Ok(car_or_nil(interp, t))
}

// ---- deletion ----

/// Destructively unlinks every element of `list` for which `matches` holds
/// (the shared loop of `delq` and `delete`), detecting circular lists.
fn delete_matching(
    interp: &mut Interp,
    list: Value,
    mut matches: impl FnMut(&mut Interp, Value) -> LResult<bool>,
) -> LResult {
    let mut head = list;
    let mut prev = Value::NIL;
    let mut tail = list;
    let mut t = Tails::new(tail);
    while tail.is_cons() {
        let x = interp.heap.car(tail);
        if matches(interp, x)? {
            let next = interp.heap.cdr(tail);
            if prev.is_nil() {
                head = next;
            } else {
                interp.heap.set_cdr(prev, next);
            }
        } else {
            prev = tail;
        }
        tail = interp.heap.cdr(tail);
        if t.advance(tail) {
            return Err(circular(interp, tail));
        }
    }
    if !tail.is_nil() {
        // Emacs reports the list as it stands after the deletions.
        return Err(interp.wrong_type(sym::LISTP, head));
    }
    Ok(head)
}

pub(crate) fn delq_value(interp: &mut Interp, elt: Value, list: Value) -> LResult {
    delete_matching(interp, list, |_, x| Ok(x == elt))
}

fn delq(interp: &mut Interp, args: &[Value]) -> LResult {
    delq_value(interp, args[0], args[1])
}

pub(crate) fn delete_value(interp: &mut Interp, elt: Value, seq: Value) -> LResult {
    if interp.heap.is_vector(seq) {
        let items = interp.heap.vec_slice(seq).to_vec();
        let mut kept = Vec::with_capacity(items.len());
        for x in items.iter().copied() {
            if !interp.equal(x, elt)? {
                kept.push(x);
            }
        }
        if kept.len() == items.len() {
            return Ok(seq);
        }
        return Ok(interp.vector_from(&kept));
    }
    if seq.is_string() {
        let Some(c) = elt.as_fixnum().filter(|c| (0..=super::sequences::MAX_CHAR).contains(c)) else {
            return Ok(seq);
        };
        let s = interp.heap.str(seq);
        if !s.chars().any(|x| x as i64 == c) {
            return Ok(seq);
        }
        let new: String = s.chars().filter(|&x| x as i64 != c).collect();
        return Ok(interp.make_string(&new));
    }
    delete_matching(interp, seq, |interp, x| interp.equal(elt, x))
}

fn delete(interp: &mut Interp, args: &[Value]) -> LResult {
    delete_value(interp, args[0], args[1])
}

/// subr.el's `remq`.
fn remq(interp: &mut Interp, args: &[Value]) -> LResult {
    let elt = args[0];
    let mut list = args[1];
    loop {
        let c = car_of(interp, list)?;
        if c != elt {
            break;
        }
        list = interp.heap.cdr(list);
        if list.is_nil() {
            break;
        }
    }
    if memq_value(interp, elt, list)?.is_nil() {
        return Ok(list);
    }
    let slot = interp.push_root(list);
    let r = copy_sequence(interp, &[list]).and_then(|copy| {
        interp.stack.push(copy);
        delq_value(interp, elt, copy)
    });
    interp.stack.truncate(slot);
    r
}

/// subr.el's `remove`.
fn remove(interp: &mut Interp, args: &[Value]) -> LResult {
    let (elt, seq) = (args[0], args[1]);
    if !(seq.is_nil() || seq.is_cons()) {
        return delete_value(interp, elt, seq);
    }
    let copy = copy_sequence(interp, &[seq])?;
    let slot = interp.push_root(copy);
    let r = delete_value(interp, elt, copy);
    interp.stack.truncate(slot);
    r
}

// ---- copy-alist, copy-tree ----

fn copy_alist(interp: &mut Interp, args: &[Value]) -> LResult {
    let alist = args[0];
    if alist.is_nil() {
        return Ok(alist);
    }
    let copy = copy_sequence(interp, &[alist])?;
    if !copy.is_cons() {
        return Err(interp.wrong_type(sym::LISTP, copy));
    }
    let slot = interp.push_root(copy);
    let mut tem = copy;
    while tem.is_cons() {
        let car = interp.heap.car(tem);
        if car.is_cons() {
            let (a, d) = (interp.heap.car(car), interp.heap.cdr(car));
            let fresh = interp.cons(a, d);
            interp.heap.set_car(tem, fresh);
        }
        tem = interp.heap.cdr(tem);
    }
    interp.stack.truncate(slot);
    Ok(copy)
}

fn copy_tree(interp: &mut Interp, args: &[Value]) -> LResult {
    copy_tree_value(interp, args[0], !args[1].is_nil())
}

fn copy_tree_value(interp: &mut Interp, tree: Value, vecp: bool) -> LResult {
    interp.enter()?;
    let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || copy_tree_inner(interp, tree, vecp));
    interp.depth -= 1;
    r
}

fn copy_tree_inner(interp: &mut Interp, tree: Value, vecp: bool) -> LResult {
    if tree.is_cons() {
        let base = interp.stack.len();
        interp.stack.push(tree);
        let r = (|| {
            let mut tail = tree;
            let mut t = Tails::new(tail);
            while tail.is_cons() {
                let mut newcar = interp.heap.car(tail);
                if newcar.is_cons() || (vecp && interp.heap.is_vector(newcar)) {
                    newcar = copy_tree_value(interp, newcar, vecp)?;
                }
                interp.stack.push(newcar);
                tail = interp.heap.cdr(tail);
                interp.stack[base] = tail;
                if t.advance(tail) {
                    return Err(circular(interp, tail));
                }
            }
            let last = if vecp && interp.heap.is_vector(tail) { copy_tree_value(interp, tail, vecp)? } else { tail };
            let items = interp.stack[base + 1..].to_vec();
            Ok(interp.list_with_tail(&items, last))
        })();
        interp.stack.truncate(base);
        return r;
    }
    if vecp && interp.heap.is_vector(tree) {
        let items = interp.heap.vec_slice(tree).to_vec();
        let copy = interp.vector_from(&items);
        let slot = interp.push_root(copy);
        let r = (|| {
            for i in (0..items.len()).rev() {
                let x = interp.heap.vec_get(copy, i);
                let y = copy_tree_value(interp, x, vecp)?;
                interp.heap.vec_set(copy, i, y);
            }
            Ok(copy)
        })();
        interp.stack.truncate(slot);
        return r;
    }
    Ok(tree)
}

// ---- mapping ----

/// Emacs's `mapcar1`: calls `f` on each element of `seq` (whose length
/// `leni` was computed first) and, when `keep`, leaves the results on the
/// root stack from `base` on. Returns the number of elements mapped.
/// Emacs's `Flength` as the mapping functions use it: a record has a
/// length, though `mapcar1` then walks it as an empty list.
fn map_length(interp: &mut Interp, seq: Value) -> LResult<usize> {
    if interp.heap.is_record(seq) {
        return Ok(interp.heap.vec_len(seq));
    }
    seq_length(interp, seq)
}

fn mapcar1(interp: &mut Interp, leni: usize, keep: bool, f: Value, seq: Value) -> LResult<usize> {
    if interp.heap.is_vector(seq) {
        for i in 0..leni {
            let x = interp.heap.vec_get(seq, i);
            let r = interp.funcall(f, &[x])?;
            if keep {
                interp.stack.push(r);
            }
        }
        return Ok(leni);
    }
    if seq.is_string() {
        let chars: Vec<char> = interp.heap.str(seq).chars().collect();
        for c in chars {
            let r = interp.funcall(f, &[Value::fixnum(c as i64)])?;
            if keep {
                interp.stack.push(r);
            }
        }
        return Ok(leni);
    }
    // A list: walk it live (the function may shorten it), with the current
    // tail rooted.
    let slot = interp.push_root(seq);
    let r = (|| {
        for i in 0..leni {
            let tail = interp.stack[slot];
            if !tail.is_cons() {
                return Ok(i);
            }
            let x = interp.heap.car(tail);
            let r = interp.funcall(f, &[x])?;
            if keep {
                interp.stack.push(r);
            }
            let tail = interp.stack[slot];
            interp.stack[slot] = interp.heap.cdr(tail);
        }
        Ok(leni)
    })();
    // Drop the tail slot, keeping the results above it.
    interp.stack.remove(slot);
    r
}

fn mapcar(interp: &mut Interp, args: &[Value]) -> LResult {
    let (f, seq) = (args[0], args[1]);
    let leni = map_length(interp, seq)?;
    let base = interp.stack.len();
    let r = mapcar1(interp, leni, true, f, seq).map(|n| {
        let items = interp.stack[base..base + n].to_vec();
        interp.list(&items)
    });
    interp.stack.truncate(base);
    r
}

fn mapc(interp: &mut Interp, args: &[Value]) -> LResult {
    let (f, seq) = (args[0], args[1]);
    let leni = map_length(interp, seq)?;
    mapcar1(interp, leni, false, f, seq)?;
    Ok(seq)
}

fn mapcan(interp: &mut Interp, args: &[Value]) -> LResult {
    let (f, seq) = (args[0], args[1]);
    let leni = map_length(interp, seq)?;
    let base = interp.stack.len();
    let r = mapcar1(interp, leni, true, f, seq).and_then(|n| {
        let items = interp.stack[base..base + n].to_vec();
        nconc(interp, &items)
    });
    interp.stack.truncate(base);
    r
}

fn mapconcat(interp: &mut Interp, args: &[Value]) -> LResult {
    let (f, seq, sep) = (args[0], args[1], args[2]);
    let leni = map_length(interp, seq)?;
    if leni == 0 {
        return Ok(interp.make_string(""));
    }
    let base = interp.stack.len();
    let r = mapcar1(interp, leni, true, f, seq).and_then(|n| {
        let mut parts = Vec::with_capacity(2 * n);
        for (i, &x) in interp.stack[base..base + n].iter().enumerate() {
            if i > 0 {
                parts.push(sep);
            }
            parts.push(x);
        }
        let s = concat_to_string(interp, &parts)?;
        Ok(interp.make_string(&s))
    });
    interp.stack.truncate(base);
    r
}

fn identity(_interp: &mut Interp, args: &[Value]) -> LResult {
    Ok(args[0])
}

// ---- number-sequence ----

fn number_sequence(interp: &mut Interp, args: &[Value]) -> LResult {
    let (from, to, inc) = (args[0], args[1], args[2]);
    if to.is_nil() {
        return Ok(interp.list(&[from]));
    }
    if let (Some(f), Some(t), Some(i)) = (from.as_fixnum(), to.as_fixnum(), if inc.is_nil() { Some(1) } else { inc.as_fixnum() })
    {
        if f == t {
            return Ok(interp.list(&[from]));
        }
        if i == 0 {
            return Err(interp.error("The increment can not be zero"));
        }
        let (f, t, i) = (f as i128, t as i128, i as i128);
        let count = if i > 0 {
            if t < f { 0 } else { (t - f) / i + 1 }
        } else if t > f {
            0
        } else {
            (f - t) / (-i) + 1
        };
        if count > MAX_ELEMENTS as i128 {
            return Err(memory_full(interp));
        }
        let mut acc = Value::NIL;
        for n in (0..count).rev() {
            acc = interp.cons(Value::fixnum((f + n * i) as i64), acc);
        }
        return Ok(acc);
    }
    number_sequence_generic(interp, from, to, inc)
}

/// subr.el's loop, with the arithmetic done by the Lisp functions (floats,
/// bignums, type errors).
fn number_sequence_generic(interp: &mut Interp, from: Value, to: Value, inc: Value) -> LResult {
    let eq = interp.intern("=");
    if !interp.funcall(eq, &[from, to])?.is_nil() {
        return Ok(interp.list(&[from]));
    }
    let inc = if inc.is_nil() { Value::fixnum(1) } else { inc };
    let zerop = interp.intern("zerop");
    if !interp.funcall(zerop, &[inc])?.is_nil() {
        return Err(interp.error("The increment can not be zero"));
    }
    let plus = interp.intern("+");
    let times = interp.intern("*");
    let gt = interp.intern(">");
    let cmp = if !interp.funcall(gt, &[inc, Value::fixnum(0)])?.is_nil() { interp.intern("<=") } else { interp.intern(">=") };
    let base = interp.stack.len();
    interp.stack.push(inc);
    let r = (|| {
        let mut n: i64 = 0;
        let mut next = from;
        loop {
            if interp.funcall(cmp, &[next, to])?.is_nil() {
                break;
            }
            interp.stack.push(next);
            if interp.stack.len() - base > MAX_ELEMENTS {
                return Err(memory_full(interp));
            }
            n += 1;
            let prod = interp.funcall(times, &[Value::fixnum(n), inc])?;
            interp.stack.push(prod);
            next = interp.funcall(plus, &[from, prod])?;
            interp.stack.pop();
        }
        let items = interp.stack[base + 1..].to_vec();
        Ok(interp.list(&items))
    })();
    interp.stack.truncate(base);
    r
}

// ---- plists and alists ----

fn plist_get(interp: &mut Interp, args: &[Value]) -> LResult {
    let (plist, prop) = (args[0], args[1]);
    let mut tail = plist;
    let mut t = Tails::new(tail);
    while tail.is_cons() {
        let rest = interp.heap.cdr(tail);
        if !rest.is_cons() {
            break;
        }
        if interp.heap.car(tail) == prop {
            return Ok(interp.heap.car(rest));
        }
        tail = interp.heap.cdr(rest);
        if t.advance(tail) {
            break;
        }
    }
    Ok(Value::NIL)
}

fn plist_put(interp: &mut Interp, args: &[Value]) -> LResult {
    let (plist, prop, val) = (args[0], args[1], args[2]);
    let mut prev = Value::NIL;
    let mut tail = plist;
    let mut t = Tails::new(tail);
    while tail.is_cons() {
        let rest = interp.heap.cdr(tail);
        if !rest.is_cons() {
            break;
        }
        if interp.heap.car(tail) == prop {
            interp.heap.set_car(rest, val);
            return Ok(plist);
        }
        prev = tail;
        tail = interp.heap.cdr(rest);
        if t.advance(tail) {
            return Err(circular(interp, tail));
        }
    }
    if !tail.is_nil() {
        return Err(interp.wrong_type(sym::PLISTP, plist));
    }
    let rest = if prev.is_nil() { plist } else { interp.heap.cdr(interp.heap.cdr(prev)) };
    let inner = interp.cons(val, rest);
    let newcell = interp.cons(prop, inner);
    if prev.is_nil() {
        return Ok(newcell);
    }
    let pc = interp.heap.cdr(prev);
    interp.heap.set_cdr(pc, newcell);
    Ok(plist)
}

fn plist_member(interp: &mut Interp, args: &[Value]) -> LResult {
    let (plist, prop) = (args[0], args[1]);
    let mut tail = plist;
    let mut t = Tails::new(tail);
    while tail.is_cons() {
        if interp.heap.car(tail) == prop {
            return Ok(tail);
        }
        tail = interp.heap.cdr(tail);
        if !tail.is_cons() {
            break;
        }
        tail = interp.heap.cdr(tail);
        if t.advance(tail) {
            return Err(circular(interp, tail));
        }
    }
    if !tail.is_nil() {
        return Err(interp.wrong_type(sym::PLISTP, plist));
    }
    Ok(Value::NIL)
}

/// subr.el's `alist-get` (REMOVE only matters to `setf`).
fn alist_get(interp: &mut Interp, args: &[Value]) -> LResult {
    let (key, alist, default, testfn) = (args[0], args[1], args[2], args[4]);
    let x = if testfn.is_nil() { assq_value(interp, key, alist)? } else { assoc_value(interp, key, alist, testfn)? };
    Ok(if x.is_cons() { interp.heap.cdr(x) } else { default })
}

#[cfg(test)]
mod tests {
    use super::super::sequences::list_length;
    use super::*;

    #[test]
    fn list_length_detects_cycles_and_dotted_lists() {
        let mut interp = Interp::bare();
        let l = interp.list(&[Value::fixnum(1), Value::fixnum(2), Value::fixnum(3)]);
        assert_eq!(list_length(&mut interp, l), Ok(3));
        let last = interp.heap.cdr(interp.heap.cdr(l));
        interp.heap.set_cdr(last, Value::fixnum(4));
        assert!(list_length(&mut interp, l).is_err());
        interp.heap.set_cdr(last, l);
        assert!(list_length(&mut interp, l).is_err());
    }
}

//! Hash-table built-ins: `make-hash-table gethash puthash remhash clrhash
//! maphash hash-table-count ...` (the operations are in `interp::hashtable`).

use crate::gc::{HashTest, Value};
use crate::interp::hashtable::{DEFAULT_HASH_SIZE, DEFAULT_REHASH_SIZE, DEFAULT_REHASH_THRESHOLD};
use crate::interp::subr::Subr;
use crate::interp::symbols as sym;
use crate::interp::{Flow, Interp, LResult};

pub const SUBRS: &[Subr] = &[
    Subr::f("make-hash-table", 0, None, make_hash_table),
    Subr::f("gethash", 2, Some(3), gethash),
    Subr::f("puthash", 3, Some(3), puthash),
    Subr::f("remhash", 2, Some(2), remhash),
    Subr::f("clrhash", 1, Some(1), clrhash),
    Subr::f("maphash", 2, Some(2), maphash),
    Subr::f("hash-table-count", 1, Some(1), hash_table_count),
    Subr::f("hash-table-test", 1, Some(1), hash_table_test),
    Subr::f("hash-table-size", 1, Some(1), hash_table_size),
    Subr::f("hash-table-rehash-size", 1, Some(1), hash_table_rehash_size),
    Subr::f("hash-table-rehash-threshold", 1, Some(1), hash_table_rehash_threshold),
    Subr::f("hash-table-weakness", 1, Some(1), hash_table_weakness),
    Subr::f("hash-table-keys", 1, Some(1), hash_table_keys),
    Subr::f("hash-table-values", 1, Some(1), hash_table_values),
    Subr::f("copy-hash-table", 1, Some(1), copy_hash_table),
];

/// Largest `:size` honoured (each slot costs about 40 bytes).
const MAX_HASH_SIZE: i64 = 1 << 24;

fn check_hash_table(interp: &mut Interp, v: Value) -> LResult<Value> {
    if interp.heap.is_hash_table(v) { Ok(v) } else { Err(interp.wrong_type(sym::HASH_TABLE_P, v)) }
}

/// Emacs's `signal_error`: `(error MESSAGE . ARG)` when ARG is a proper
/// list, else `(error MESSAGE ARG)`.
fn signal_error(interp: &mut Interp, message: &str, arg: Value) -> Flow {
    let data = if is_proper_list(interp, arg) {
        arg
    } else {
        interp.list(&[arg])
    };
    let slot = interp.push_root(data);
    let m = interp.make_string(message);
    let data = interp.cons(m, data);
    interp.stack.truncate(slot);
    interp.signal(sym::ERROR, data)
}

fn is_proper_list(interp: &Interp, v: Value) -> bool {
    let mut slow = v;
    let mut fast = v;
    loop {
        for _ in 0..2 {
            if fast.is_nil() {
                return true;
            }
            if !fast.is_cons() {
                return false;
            }
            fast = interp.heap.cdr(fast);
        }
        slow = interp.heap.cdr(slow);
        if slow == fast {
            return false;
        }
    }
}

/// Emacs's `get_key_arg`: the index of the value after the first unused
/// occurrence of `key`.
fn get_key_arg(key: Value, args: &[Value], used: &mut [bool]) -> Option<usize> {
    for i in 1..args.len() {
        if !used[i - 1] && args[i - 1] == key {
            used[i - 1] = true;
            used[i] = true;
            return Some(i);
        }
    }
    None
}

fn make_hash_table(interp: &mut Interp, args: &[Value]) -> LResult {
    let mut used = vec![false; args.len()];
    let test = match get_key_arg(sym::KW_TEST, args, &mut used).map(|i| args[i]) {
        None => HashTest::Eql,
        Some(t) if t == sym::EQL => HashTest::Eql,
        Some(t) if t == sym::EQ => HashTest::Eq,
        Some(t) if t == sym::EQUAL => HashTest::Equal,
        Some(t) if !t.is_symbol() => return Err(interp.wrong_type(sym::SYMBOLP, t)),
        Some(t) => return Err(signal_error(interp, "Invalid hash table test", t)),
    };
    let purecopy = interp.intern(":purecopy");
    let _ = get_key_arg(purecopy, args, &mut used);
    let size = match get_key_arg(sym::KW_SIZE, args, &mut used).map(|i| args[i]) {
        None => DEFAULT_HASH_SIZE,
        Some(v) if v.is_nil() => DEFAULT_HASH_SIZE,
        Some(v) => match v.as_fixnum() {
            Some(n) if n >= 0 => {
                if n > MAX_HASH_SIZE {
                    return Err(super::sequences::memory_full(interp));
                }
                n as usize
            }
            _ => return Err(signal_error(interp, "Invalid hash table size", v)),
        },
    };
    if let Some(i) = get_key_arg(sym::KW_REHASH_SIZE, args, &mut used) {
        let v = args[i];
        let ok = match v.as_fixnum() {
            Some(n) => n > 0,
            None => v.is_float() && ((interp.heap.float(v) - 1.0) as f32) > 0.0,
        };
        if !ok {
            return Err(signal_error(interp, "Invalid hash table rehash size", v));
        }
    }
    if let Some(i) = get_key_arg(sym::KW_REHASH_THRESHOLD, args, &mut used) {
        let v = args[i];
        let t = if v.is_float() { interp.heap.float(v) as f32 } else { 0.0 };
        if !(0.0 < t && t <= 1.0) {
            return Err(signal_error(interp, "Invalid hash table rehash threshold", v));
        }
    }
    if let Some(i) = get_key_arg(sym::KW_WEAKNESS, args, &mut used) {
        let w = args[i];
        let ok = w.is_nil()
            || w == Value::T
            || (w.is_symbol() && matches!(interp.symbol_name(w), "key" | "value" | "key-or-value" | "key-and-value"));
        if !ok {
            return Err(signal_error(interp, "Invalid hash table weakness", w));
        }
    }
    if let Some(i) = used.iter().position(|u| !u) {
        return Err(signal_error(interp, "Invalid argument list", args[i]));
    }
    Ok(interp.make_hash_table(test, size))
}

fn gethash(interp: &mut Interp, args: &[Value]) -> LResult {
    let table = check_hash_table(interp, args[1])?;
    Ok(interp.hash_get(table, args[0])?.unwrap_or(args[2]))
}

fn puthash(interp: &mut Interp, args: &[Value]) -> LResult {
    let table = check_hash_table(interp, args[2])?;
    interp.hash_put(table, args[0], args[1])?;
    Ok(args[1])
}

fn remhash(interp: &mut Interp, args: &[Value]) -> LResult {
    let table = check_hash_table(interp, args[1])?;
    interp.hash_remove(table, args[0])?;
    Ok(Value::NIL)
}

fn clrhash(interp: &mut Interp, args: &[Value]) -> LResult {
    let table = check_hash_table(interp, args[0])?;
    interp.hash_clear(table);
    Ok(table)
}

/// `(maphash FUNCTION TABLE)`: calls FUNCTION on each entry in slot order,
/// re-reading the table at every step as Emacs does (so the function may
/// modify it).
fn maphash(interp: &mut Interp, args: &[Value]) -> LResult {
    let f = args[0];
    let table = check_hash_table(interp, args[1])?;
    let base = interp.stack.len();
    interp.stack.push(f);
    interp.stack.push(table);
    let mut i = 0;
    let r = loop {
        if i >= interp.heap.hash_table(table).size {
            break Ok(Value::NIL);
        }
        if let Some((k, v)) = interp.hash_slot(table, i) {
            interp.stack.push(k);
            interp.stack.push(v);
            let r = interp.funcall(f, &[k, v]);
            interp.stack.truncate(base + 2);
            if let Err(e) = r {
                break Err(e);
            }
        }
        i += 1;
    };
    interp.stack.truncate(base);
    r
}

fn hash_table_count(interp: &mut Interp, args: &[Value]) -> LResult {
    let table = check_hash_table(interp, args[0])?;
    Ok(Value::fixnum(interp.hash_count(table) as i64))
}

fn hash_table_test(interp: &mut Interp, args: &[Value]) -> LResult {
    let table = check_hash_table(interp, args[0])?;
    Ok(match interp.heap.hash_table(table).test {
        HashTest::Eq => sym::EQ,
        HashTest::Eql => sym::EQL,
        HashTest::Equal => sym::EQUAL,
    })
}

fn hash_table_size(interp: &mut Interp, args: &[Value]) -> LResult {
    let table = check_hash_table(interp, args[0])?;
    Ok(Value::fixnum(interp.heap.hash_table(table).size as i64))
}

fn hash_table_rehash_size(interp: &mut Interp, args: &[Value]) -> LResult {
    check_hash_table(interp, args[0])?;
    Ok(interp.make_float(DEFAULT_REHASH_SIZE))
}

fn hash_table_rehash_threshold(interp: &mut Interp, args: &[Value]) -> LResult {
    check_hash_table(interp, args[0])?;
    Ok(interp.make_float(DEFAULT_REHASH_THRESHOLD))
}

fn hash_table_weakness(interp: &mut Interp, args: &[Value]) -> LResult {
    check_hash_table(interp, args[0])?;
    Ok(Value::NIL)
}

/// The keys (or values) in slot order, as Emacs 28's `cl-loop` collects them.
fn collect(interp: &mut Interp, table: Value, keys: bool) -> LResult {
    let items: Vec<Value> = interp.hash_entries(table).into_iter().map(|(k, v)| if keys { k } else { v }).collect();
    // The items stay reachable from the (rooted) table while the list is built.
    Ok(interp.list(&items))
}

fn hash_table_keys(interp: &mut Interp, args: &[Value]) -> LResult {
    let table = check_hash_table(interp, args[0])?;
    collect(interp, table, true)
}

fn hash_table_values(interp: &mut Interp, args: &[Value]) -> LResult {
    let table = check_hash_table(interp, args[0])?;
    collect(interp, table, false)
}

fn copy_hash_table(interp: &mut Interp, args: &[Value]) -> LResult {
    let table = check_hash_table(interp, args[0])?;
    Ok(interp.hash_copy(table))
}

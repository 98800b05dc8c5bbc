//! Refusing to dump a host object, with the path that reaches it.
//!
//! A dump restores exactly what its roots reach: every symbol that
//! survives the writer's collection (value, function and property list,
//! uninterned symbols included, since the writer writes them all) and the
//! shared empty string and vector (which hold nothing). A host object
//! reachable from those cannot be written (its value is Rust memory, which
//! no image can carry), so the dump is refused with the shortest path from
//! a root to one:
//!
//! ```text
//! cannot dump a host object: variable my-db -> vector slot 2 -> host object my-db
//! cannot dump a host object: variable b -> list element 1 -> buffer #<buffer *scratch*>
//! ```
//!
//! A host object that only a Rust handle (or the root stack) keeps alive is
//! no part of the restored state, so it does not block the dump: the
//! writer writes its cell as an inert empty vector that nothing in the
//! image refers to (see `writer::emit_hot`).
//!
//! The search costs nothing when the heap holds no host object (the heap
//! counts them); otherwise it is one collection and a breadth-first walk
//! with parent links, which is fine for a path that is only ever printed.

use std::collections::{HashMap, HashSet, VecDeque};

use super::error::{Error, ErrorKind};
use crate::gc::{Tag, Value, VecKind};
use crate::interp::Interp;

/// How a value was reached: from a root (the symbol's cells) or from its
/// parent object.
#[derive(Copy, Clone)]
enum Edge {
    /// The value cell of a symbol.
    Variable(Value),
    /// The function cell of a symbol.
    Function(Value),
    /// Property `.1` of symbol `.0`.
    Property(Value, Value),
    /// A property name in the plist of a symbol.
    PropertyName(Value),
    /// What remains of a malformed plist (odd length, dotted).
    Plist(Value),
    Car,
    Cdr,
    Slot(usize),
    TableKey,
    /// The value stored under this key.
    TableValue(Value),
}

/// Fails with [`ErrorKind::HostObject`] if a host object is reachable
/// from what a dump of `interp` would write.
pub(super) fn refuse(interp: &mut Interp) -> Result<(), Error> {
    if interp.heap.host_object_count() == 0 {
        return Ok(());
    }
    // Dead host objects, and dead uninterned symbols that the writer will
    // not write, must not count: collect first, as the writer will.
    interp.collect(&[]);
    if interp.heap.host_object_count() == 0 {
        return Ok(());
    }
    match find_path(interp) {
        Some(path) => Err(Error::new(ErrorKind::HostObject, format!("cannot dump a host object: {path}"))),
        None => Ok(()),
    }
}

/// The shortest path from a dump root to a host object, rendered; `None`
/// if no host object is reachable from the roots.
fn find_path(interp: &Interp) -> Option<String> {
    let heap = &interp.heap;
    // Parent links by value bits (mapped objects have no mark bits, and
    // this runs rarely enough for a map).
    let mut seen: HashMap<u64, (Option<u64>, Edge)> = HashMap::new();
    let mut queue: VecDeque<Value> = VecDeque::new();
    // Queues `v` if it can lead anywhere; true if it is a host object.
    let mut reach = |v: Value, parent: Option<Value>, edge: Edge, queue: &mut VecDeque<Value>| -> bool {
        if !matches!(v.tag(), Tag::Cons | Tag::VecLike) || seen.contains_key(&v.bits()) {
            return false;
        }
        seen.insert(v.bits(), (parent.map(Value::bits), edge));
        queue.push_back(v);
        heap.is_host_object(v)
    };
    let mut found = None;
    // The roots: the symbols' cells (every symbol still in the table
    // survived the collection, and the writer writes each one). The empty
    // string and vector hold nothing.
    'roots: for (i, s) in heap.symbols.syms.iter().enumerate() {
        if s.flags.contains(crate::gc::SymFlags::FREE) {
            continue;
        }
        let sym = Value::symbol(i as u32);
        for (v, edge) in [(s.value, Edge::Variable(sym)), (s.function, Edge::Function(sym))] {
            if reach(v, None, edge, &mut queue) {
                found = Some(v);
                break 'roots;
            }
        }
        // The plist as property/value pairs, for a readable path; a
        // malformed (or circular) rest is walked as plain conses.
        let mut pl = s.plist;
        let mut pairs = HashSet::new();
        while pl.is_cons() && heap.cdr(pl).is_cons() && pairs.insert(pl.bits()) {
            let (prop, rest) = (heap.car(pl), heap.cdr(pl));
            let value = heap.car(rest);
            if reach(prop, None, Edge::PropertyName(sym), &mut queue) {
                found = Some(prop);
                break 'roots;
            }
            if reach(value, None, Edge::Property(sym, prop), &mut queue) {
                found = Some(value);
                break 'roots;
            }
            pl = heap.cdr(rest);
        }
        if reach(pl, None, Edge::Plist(sym), &mut queue) {
            found = Some(pl);
            break 'roots;
        }
    }
    // Breadth first, so the path found is a shortest one.
    while found.is_none()
        && let Some(v) = queue.pop_front()
    {
        let mut children: Vec<(Value, Edge)> = Vec::new();
        match v.tag() {
            Tag::Cons => {
                children.push((heap.car(v), Edge::Car));
                children.push((heap.cdr(v), Edge::Cdr));
            }
            Tag::VecLike => match heap.veclike_kind(v) {
                VecKind::Vector | VecKind::Record => {
                    children.extend(heap.vec_slice(v).iter().enumerate().map(|(i, &x)| (x, Edge::Slot(i))));
                }
                VecKind::HashTable => {
                    for kv in heap.hash_table(v).kv().chunks_exact(2) {
                        if kv[0] != Value::UNBOUND {
                            children.push((kv[0], Edge::TableKey));
                            children.push((kv[1], Edge::TableValue(kv[0])));
                        }
                    }
                }
                VecKind::Bignum | VecKind::HostObject => {}
            },
            _ => {}
        }
        for (x, edge) in children {
            if reach(x, Some(v), edge, &mut queue) {
                found = Some(x);
                break;
            }
        }
    }
    let target = found?;
    // Back from the object to its root.
    let mut edges = Vec::new();
    let mut at = target.bits();
    loop {
        let (parent, edge) = seen[&at];
        edges.push(edge);
        match parent {
            Some(p) => at = p,
            None => break,
        }
    }
    edges.reverse();
    let mut parts = render(interp, &edges);
    // A buffer (a host object inside) is named as one: its text lives
    // outside the heap, so no dump can carry it.
    if crate::interp::buffer::is_buffer(interp, target) {
        parts.push(format!("buffer {}", interp.prin1_to_string(target)));
    } else {
        parts.push(format!("host object {}", heap.host_object(target).type_name));
    }
    Some(parts.join(" -> "))
}

/// A printed value, cut short if long (keys can be anything).
fn short(interp: &Interp, v: Value) -> String {
    let s = interp.prin1_to_string(v);
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}...", &s[..i]),
        None => s,
    }
}

/// The steps of a path as words. A run of cdrs ending in a car is a list
/// element (`car` for the first), a run that ends elsewhere is `cdr` or
/// `nthcdr N`.
fn render(interp: &Interp, edges: &[Edge]) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cdrs = 0usize;
    for &edge in edges {
        if matches!(edge, Edge::Cdr) {
            cdrs += 1;
            continue;
        }
        if matches!(edge, Edge::Car) {
            parts.push(if cdrs == 0 { "car".to_owned() } else { format!("list element {cdrs}") });
            cdrs = 0;
            continue;
        }
        flush_cdrs(&mut parts, &mut cdrs);
        parts.push(match edge {
            Edge::Variable(s) => format!("variable {}", short(interp, s)),
            Edge::Function(s) => format!("function {}", short(interp, s)),
            Edge::Property(s, p) => format!("property {} of symbol {}", short(interp, p), short(interp, s)),
            Edge::PropertyName(s) => format!("a property name of symbol {}", short(interp, s)),
            Edge::Plist(s) => format!("plist of symbol {}", short(interp, s)),
            Edge::Slot(i) => format!("vector slot {i}"),
            Edge::TableKey => "hash table key".to_owned(),
            Edge::TableValue(k) => format!("hash table value for key {}", short(interp, k)),
            Edge::Car | Edge::Cdr => unreachable!(),
        });
    }
    flush_cdrs(&mut parts, &mut cdrs);
    parts
}

fn flush_cdrs(parts: &mut Vec<String>, cdrs: &mut usize) {
    match std::mem::take(cdrs) {
        0 => {}
        1 => parts.push("cdr".to_owned()),
        n => parts.push(format!("nthcdr {n}")),
    }
}

#[cfg(test)]
mod tests {
    use super::super::format::{Run, SECTION_ENTRY_SIZE, SectionKind, checksum, u64_at};
    use super::super::loader::{Level, validate};
    use super::*;
    use crate::gc::VecKind;

    /// A crafted image whose vector claims to be a host object (whose box
    /// pointer would come from nowhere) is refused by the full check.
    #[test]
    fn the_verifier_refuses_a_host_object_in_an_image() {
        let mut interp = Interp::bare();
        interp.eval_str("(setq v (vector 1 2 3))").unwrap();
        let mut bytes = super::super::writer::dump_to_bytes(&mut interp).unwrap();
        let meta = validate(&bytes, Level::Full).expect("intact");
        let at = meta.image_offset;
        let image = meta.sections.iter().position(|s| s.kind == SectionKind::HeapImage).unwrap();
        let len = meta.sections[image].len as usize;
        let cell = meta
            .layout
            .range(Run::Vec32)
            .step_by(32)
            .find(|&o| u64_at(&bytes, at + o) == VecKind::Vector as u64 && u64_at(&bytes, at + o + 8) == 3)
            .expect("the vector's cell");
        bytes[at + cell..at + cell + 8].copy_from_slice(&(VecKind::HostObject as u64).to_le_bytes());
        // Reseal: only the structural check may notice.
        let sum = checksum(&bytes[at..at + len]);
        let entry = meta.header.table_offset as usize + image * SECTION_ENTRY_SIZE;
        bytes[entry + 24..entry + 32].copy_from_slice(&sum.to_le_bytes());
        let e = validate(&bytes, Level::Full).err().expect("refused");
        assert_eq!(e.kind, ErrorKind::Object);
        assert_eq!(e.message, format!("host object at {cell}: a dump cannot hold host objects"));
    }

    #[test]
    fn a_dump_of_an_interpreter_with_host_objects_only_in_handles_verifies() {
        let mut lisp = crate::Lisp::bare();
        struct Thing;
        impl crate::HostObject for Thing {
            const TYPE_NAME: &'static str = "thing";
        }
        let a = lisp.object(Thing);
        let b = lisp.object(Thing);
        lisp.m.eval_str("(setq v [1 2])").unwrap();
        let bytes = super::super::writer::dump_to_bytes(&mut lisp.m).unwrap();
        // The two cells are written as empty vectors, fully valid.
        validate(&bytes, Level::Full).expect("valid");
        lisp.set_global("v", &b).unwrap();
        let e = super::super::writer::dump_to_bytes(&mut lisp.m).err().unwrap();
        assert_eq!(e.message, "cannot dump a host object: variable v -> host object thing");
        drop(a);
    }

    /// Buffers live outside the dump's roots: ones that only the
    /// interpreter keeps (the current buffer, *scratch*, any live buffer)
    /// do not block a dump, and the loaded image has none of them; one
    /// that a variable refers to is refused, named as a buffer.
    #[test]
    fn buffers_block_a_dump_only_when_a_variable_holds_one() {
        let mut lisp = crate::Lisp::new().unwrap();
        lisp.m.eval_str(r#"(progn (get-buffer-create "kept") (with-temp-buffer (insert "x")) (insert "in scratch"))"#).unwrap();
        let bytes = super::super::writer::dump_to_bytes(&mut lisp.m).unwrap();
        validate(&bytes, Level::Full).expect("valid");
        lisp.m.eval_str(r#"(setq b (list 1 (get-buffer "kept")))"#).unwrap();
        let e = super::super::writer::dump_to_bytes(&mut lisp.m).err().unwrap();
        assert_eq!(e.kind, ErrorKind::HostObject);
        assert_eq!(e.message, "cannot dump a host object: variable b -> list element 1 -> buffer #<buffer kept>");
        // Once the variable lets go, the dump goes through again.
        lisp.m.eval_str("(setq b nil)").unwrap();
        assert!(super::super::writer::dump_to_bytes(&mut lisp.m).is_ok());
    }
}

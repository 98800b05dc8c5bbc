//! Collector tests at the heap level: the owner's protocol (`begin_gc`,
//! `mark` roots, `finish_gc`) driven directly, without an evaluator.

use super::GcKind;
use super::heap::Heap;
use super::object::HashTest;
use super::value::Value;

fn collect(heap: &mut Heap, roots: &[Value]) -> super::GcStats {
    collect_kind(heap, roots, GcKind::Major)
}

fn collect_kind(heap: &mut Heap, roots: &[Value], kind: GcKind) -> super::GcStats {
    heap.begin_gc(kind);
    for &r in roots {
        heap.mark(r);
    }
    heap.finish_gc()
}

fn minor(heap: &mut Heap, roots: &[Value]) -> super::GcStats {
    collect_kind(heap, roots, GcKind::Minor)
}

fn check_list(heap: &Heap, mut l: Value, n: usize) {
    for i in 0..n {
        assert_eq!(heap.car(l), Value::fixnum(i as i64), "element {i}");
        l = heap.cdr(l);
    }
    assert!(l.is_nil());
}

#[test]
fn a_minor_collection_frees_young_garbage_and_keeps_young_survivors() {
    let mut heap = Heap::new();
    let old = list(&mut heap, 1000);
    collect(&mut heap, &[old]);
    let young = list(&mut heap, 500);
    let _garbage = list(&mut heap, 700);
    let stats = minor(&mut heap, &[old, young]);
    assert!(!stats.full);
    // Only the young blocks were swept: the 500 survivors are counted, and
    // the 700 dead conses are free; the old list is not traced.
    // (The young conses went to a fresh block or into the old list's.)
    assert!(stats.conses.0 == 500 || stats.conses.0 == 1500, "{:?}", stats.conses);
    assert!(stats.conses.1 >= 700, "{:?}", stats.conses);
    // The survivors are old now: a second minor collection frees nothing
    // even without roots, since nothing was allocated since.
    let stats = minor(&mut heap, &[]);
    assert_eq!(stats.conses, (0, 0));
    check_list(&heap, old, 1000);
    check_list(&heap, young, 500);
    // A major collection without roots frees everything.
    let stats = collect(&mut heap, &[]);
    assert_eq!(stats.conses.0, 0);
}

#[test]
fn the_write_barrier_keeps_a_young_object_stored_into_an_old_one() {
    let mut heap = Heap::new();
    let old = heap.alloc_cons(Value::NIL, Value::NIL);
    let vec = heap.alloc_vector(2, Value::NIL);
    let table = heap.alloc_hash_table(HashTest::Eq, 4);
    collect(&mut heap, &[old, vec, table]);
    // Young objects reachable only through old ones.
    let a = list(&mut heap, 10);
    heap.set_car(old, a);
    let b = list(&mut heap, 20);
    heap.vec_set(vec, 1, b);
    let c = list(&mut heap, 30);
    heap.hash_table_mut(table).kv_mut()[1] = c;
    heap.hash_table_mut(table).kv_mut()[0] = Value::fixnum(1);
    let _garbage = list(&mut heap, 100);
    // Allocate over whatever the minor collection freed.
    minor(&mut heap, &[old, vec, table]);
    let _ = list(&mut heap, 2000);
    check_list(&heap, heap.car(old), 10);
    check_list(&heap, heap.vec_get(vec, 1), 20);
    check_list(&heap, heap.hash_table(table).kv()[1], 30);
    // Stored again after they became old: no collection in between.
    let d = list(&mut heap, 5);
    heap.set_cdr(old, d);
    minor(&mut heap, &[old]);
    let _ = list(&mut heap, 2000);
    check_list(&heap, heap.cdr(old), 5);
    // Written, then unreachable: a major collection frees it.
    heap.set_car(old, Value::NIL);
    let stats = collect(&mut heap, &[]);
    assert_eq!((stats.conses.0, stats.vectors, stats.hash_tables), (0, 0, 0));
}

#[test]
fn an_uninterned_symbol_held_only_by_an_old_object_survives_a_minor_collection() {
    let mut heap = Heap::new();
    let sym = heap.symbols.make_uninterned("lonely");
    let holder = heap.alloc_cons(sym, Value::NIL);
    collect(&mut heap, &[holder]);
    // The symbol's value is young, and only the symbol refers to it.
    let v = list(&mut heap, 3);
    heap.symbols.get_mut(sym.as_symbol().unwrap()).value = v;
    minor(&mut heap, &[holder]);
    let _ = list(&mut heap, 1000);
    assert_eq!(heap.symbols.name(sym.as_symbol().unwrap()), "lonely");
    check_list(&heap, heap.symbols.get(sym.as_symbol().unwrap()).value, 3);
    // Unreachable, it goes at the next major collection.
    collect(&mut heap, &[]);
    assert!(heap.symbols.get(sym.as_symbol().unwrap()).flags.contains(super::SymFlags::FREE));
}

#[test]
fn the_old_generation_schedules_major_collections() {
    let mut heap = Heap::new();
    heap.stress = false;
    assert_eq!(heap.next_gc_kind(), GcKind::Minor);
    // Promote well past the budget (4 MiB by default) in minor collections.
    let mut keep = Value::NIL;
    let mut kinds = Vec::new();
    for _ in 0..6 {
        for i in 0..100_000 {
            keep = heap.alloc_cons(Value::fixnum(i), keep);
        }
        let kind = heap.next_gc_kind();
        kinds.push(kind);
        collect_kind(&mut heap, &[keep], kind);
    }
    assert!(kinds.contains(&GcKind::Minor) && kinds.contains(&GcKind::Major), "{kinds:?}");
    assert!(heap.major_gc_count >= 1);
}

#[test]
fn stress_mode_runs_both_kinds_of_collection() {
    let mut heap = Heap::new();
    heap.stress = true;
    let kinds: Vec<GcKind> = (0..16).map(|_| heap.next_gc_kind()).collect();
    assert_eq!(kinds.iter().filter(|&&k| k == GcKind::Major).count(), 2);
    assert_eq!(kinds.iter().filter(|&&k| k == GcKind::Minor).count(), 14);
}

#[test]
fn new_conses_are_adjacent_in_a_fresh_block() {
    let mut heap = Heap::new();
    let a = heap.alloc_cons(Value::NIL, Value::NIL);
    let b = heap.alloc_cons(Value::NIL, Value::NIL);
    let c = heap.alloc_cons(Value::NIL, Value::NIL);
    assert_eq!(b.addr(), a.addr() + 16);
    assert_eq!(c.addr(), b.addr() + 16);
}

#[cfg(debug_assertions)]
#[test]
fn freed_cells_are_poisoned_in_debug_builds() {
    let mut heap = Heap::new();
    let keep = heap.alloc_cons(Value::NIL, Value::NIL);
    let dead = heap.alloc_cons(Value::fixnum(1), Value::fixnum(2));
    collect(&mut heap, &[keep]);
    // SAFETY: reading 16 bytes of a cell of a block the heap still owns
    // (it keeps `keep`'s block); that is the point of the test.
    let bytes = unsafe { std::slice::from_raw_parts(dead.addr() as *const u8, 16) };
    assert!(bytes.iter().all(|&b| b == super::collect::POISON));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| heap.car(dead)));
    assert!(r.is_err(), "reading a freed cons must fail a debug assertion");
}

fn list(heap: &mut Heap, n: usize) -> Value {
    let mut l = Value::NIL;
    for i in (0..n).rev() {
        l = heap.alloc_cons(Value::fixnum(i as i64), l);
    }
    l
}

#[test]
fn objects_reachable_from_a_root_survive_with_their_contents() {
    let mut heap = Heap::new();
    let l = list(&mut heap, 1000);
    let s = heap.alloc_string("héllo");
    let v = heap.alloc_vector_from(&[l, s]);
    let _garbage = list(&mut heap, 500);
    let stats = collect(&mut heap, &[v]);
    assert_eq!(stats.conses.0, 1000);
    assert_eq!(stats.strings.0, 1);
    assert_eq!(stats.vectors, 1);
    // Allocate over the freed cells, then check nothing live was reused.
    let _ = list(&mut heap, 2000);
    let mut p = heap.vec_get(v, 0);
    for i in 0..1000 {
        assert_eq!(heap.car(p), Value::fixnum(i));
        p = heap.cdr(p);
    }
    assert!(p.is_nil());
    assert_eq!(heap.str(heap.vec_get(v, 1)), "héllo");
    assert_eq!(heap.string_chars(heap.vec_get(v, 1)), 5);
}

#[test]
fn unreachable_cycles_are_freed() {
    let mut heap = Heap::new();
    let a = heap.alloc_cons(Value::NIL, Value::NIL);
    let b = heap.alloc_cons(a, a);
    heap.set_cdr(a, b);
    heap.set_car(a, b);
    let vec = heap.alloc_vector(3, a);
    heap.vec_set(vec, 2, vec);
    let stats = collect(&mut heap, &[]);
    assert_eq!(stats.conses.0, 0);
    assert_eq!(stats.vectors, 0);
}

#[test]
fn memory_returns_to_a_steady_state() {
    let mut heap = Heap::new();
    let keep = list(&mut heap, 100);
    let mut blocks = Vec::new();
    for round in 0..50 {
        for _ in 0..20 {
            let _ = list(&mut heap, 1000);
            let _ = heap.alloc_string(&"x".repeat(100));
            let t = heap.alloc_hash_table(HashTest::Equal, 100);
            let _ = heap.alloc_vector(50, t);
            let _ = heap.alloc_float(round as f64);
        }
        collect(&mut heap, &[keep]);
        blocks.push(heap.block_count());
    }
    // After warm-up the number of blocks stops growing.
    assert_eq!(blocks[10], blocks[49], "blocks per round: {blocks:?}");
}

#[test]
fn marking_a_ten_million_element_list_does_not_recurse() {
    let mut heap = Heap::new();
    let l = list(&mut heap, 10_000_000);
    let stats = collect(&mut heap, &[l]);
    assert_eq!(stats.conses.0, 10_000_000);
}

#[test]
fn marking_a_list_nested_a_million_deep_in_its_car_does_not_recurse() {
    let mut heap = Heap::new();
    let mut l = Value::NIL;
    for _ in 0..1_000_000 {
        l = heap.alloc_cons(l, Value::NIL);
    }
    let stats = collect(&mut heap, &[l]);
    assert_eq!(stats.conses.0, 1_000_000);
}

#[test]
fn uninterned_symbols_are_collected_and_interned_ones_kept() {
    let mut heap = Heap::new();
    let kept = heap.symbols.make_uninterned("kept");
    let dropped = heap.symbols.make_uninterned("dropped");
    let interned = heap.symbols.intern("stays");
    let s = heap.alloc_string("value");
    heap.symbols.get_mut(interned.as_symbol().unwrap()).value = s;
    let cell = heap.alloc_cons(kept, Value::NIL);
    collect(&mut heap, &[cell]);
    assert!(heap.symbols.get(dropped.as_symbol().unwrap()).flags.contains(super::SymFlags::FREE));
    assert_eq!(heap.symbols.name(kept.as_symbol().unwrap()), "kept");
    let v = heap.symbols.get(interned.as_symbol().unwrap()).value;
    assert_eq!(heap.str(v), "value");
    // The freed slot is reused by the next symbol.
    let again = heap.symbols.make_uninterned("new");
    assert_eq!(again, dropped);
}

#[test]
fn mapped_objects_are_traced_only_when_written() {
    // Simulate a mapped range with an 8-aligned buffer of conses, owned by
    // the heap as a real mapping is (moving the Vec keeps its buffer).
    let cells = vec![0u64; 8];
    let base = cells.as_ptr() as usize;
    let mut heap = Heap::new();
    let mut runs: super::heap::CellRuns = Default::default();
    runs[super::block::BlockKind::Cons as usize] = base..base + 64;
    heap.add_mapping(base..base + 64, runs, Box::new(cells));
    let dumped = Value::from_ptr(base, super::value::TAG_CONS);
    let young = heap.alloc_string("young");
    // Without the barrier the young string would die; `set_car` records it.
    heap.set_car(dumped, young);
    assert_eq!(heap.dirty_count(), 1);
    let stats = collect(&mut heap, &[dumped]);
    assert_eq!(stats.strings.0, 1);
    assert_eq!(heap.str(heap.car(dumped)), "young");
}

#[test]
fn host_objects_are_leaves_finalized_by_the_sweep_or_the_drop() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    struct Counted(Arc<AtomicUsize>);
    impl Drop for Counted {
        fn drop(&mut self) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }
    let drops = Arc::new(AtomicUsize::new(0));
    let mut heap = Heap::new();
    let kept = heap.alloc_host_object(Arc::new(Counted(Arc::clone(&drops))), "kept");
    let _dead = heap.alloc_host_object(Arc::new(Counted(Arc::clone(&drops))), "dead");
    let holder = heap.alloc_vector_from(&[kept]);
    assert_eq!(heap.host_object_count(), 2);
    let stats = collect(&mut heap, &[holder]);
    assert_eq!((stats.host_objects, stats.vectors), (1, 1));
    assert_eq!(heap.host_object_count(), 1);
    assert_eq!(drops.load(Ordering::SeqCst), 1);
    assert_eq!(heap.host_object(heap.vec_get(holder, 0)).type_name, "kept");
    assert!(heap.host_object(kept).value.downcast_ref::<Counted>().is_some());
    drop(heap);
    assert_eq!(drops.load(Ordering::SeqCst), 2);
}

/// What bump allocation and the reuse rule are for: a list built by
/// consing, with garbage allocated between its conses and minor
/// collections on the way, still lies in memory at short steps, which is
/// what lets the mark loop's stride prefetch keep ahead of it.
#[test]
fn a_list_built_among_garbage_lies_at_short_steps() {
    let mut heap = Heap::new();
    heap.stress = false;
    let mut keep = Value::NIL;
    let n = 1_000_000;
    for i in 0..n {
        // Two conses of garbage per element, as an interpreted loop's
        // environment makes.
        heap.alloc_cons(Value::NIL, Value::NIL);
        heap.alloc_cons(Value::NIL, Value::NIL);
        keep = heap.alloc_cons(Value::fixnum(i), keep);
        if heap.needs_gc() {
            let kind = heap.next_gc_kind();
            collect_kind(&mut heap, &[keep], kind);
        }
    }
    assert!(heap.gc_count >= 3, "{} collections", heap.gc_count);
    collect(&mut heap, &[keep]);
    let (mut c, mut short) = (keep, 0);
    while heap.cdr(c).is_cons() {
        let step = (heap.cdr(c).addr() as i64 - c.addr() as i64).unsigned_abs();
        short += (step <= 256) as usize;
        c = heap.cdr(c);
    }
    assert!(short as f64 >= 0.99 * (n - 1) as f64, "{short} of {} steps are short", n - 1);
}

//! Collector tests at the heap level: the owner's protocol (`begin_gc`,
//! `mark` roots, `finish_gc`) driven directly, without an evaluator.

use super::heap::Heap;
use super::object::HashTest;
use super::value::Value;

fn collect(heap: &mut Heap, roots: &[Value]) -> super::GcStats {
    heap.begin_gc();
    for &r in roots {
        heap.mark(r);
    }
    heap.finish_gc()
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

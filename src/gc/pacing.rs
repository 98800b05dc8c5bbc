//! When to collect: the allocation budget between collections grows with
//! the heap that survived the last one, as Emacs paces its collector with
//! `gc-cons-threshold` and `gc-cons-percentage`.
//!
//! # The rule (Emacs 28's `consing_threshold` in alloc.c, with floors)
//! After a collection that left `live` bytes, the next one runs once
//!
//! ```text
//! bytes allocated since  >=  max(threshold, floor,
//!                                max(percentage, percentage_floor) * live)
//! ```
//!
//! where `threshold` is `gc-cons-threshold`, `percentage` is
//! `gc-cons-percentage` (only a float counts; anything else is ignored, as
//! Emacs ignores it), and the floors are [`Pacing::floor`] and
//! [`Pacing::percentage_floor`]. A collection costs time proportional to
//! what it traces (the live heap), so letting the budget grow in
//! proportion to it keeps the collector's share of the work constant:
//! building a structure of N conses costs O(N) in all, where a fixed
//! budget costs O(N^2). Emacs's rule is this one with the floors at
//! 80,000 bytes and 0.
//!
//! When Lisp sets either variable between collections, the budget is
//! recomputed at once (Emacs's `bump_consing_until_gc`), estimating the
//! live heap as what survived the last collection plus half of what was
//! allocated since; if the new budget is already spent, the next
//! allocation collects.
//!
//! # What counts as live
//! The cells and payloads of the objects in this heap's blocks (measured
//! as allocation counts them, so the two sides of the rule agree) and the
//! symbols (marked by every collection). Objects of a mapped dump do not
//! count: they are immortal and never traced (only the few the write
//! barrier recorded are), so they add nothing to a collection's cost that
//! the budget would have to pay for. Emacs likewise leaves its dumped
//! heap out of the totals it paces by: pdumper objects live outside the
//! blocks its sweep counts.
//!
//! # The floors, and the defaults
//! Lisp sees Emacs's defaults: `gc-cons-threshold` is 800,000 and
//! `gc-cons-percentage` 0.1. The budget never falls below the floors,
//! which are larger, so Lisp can raise the budget (many programs set
//! `gc-cons-threshold` to `most-positive-fixnum` during start-up) but not
//! lower it below them; an embedder can change the floors
//! (`Heap::pacing`, then `Heap::refresh_budget`), down to 0 for Emacs's
//! exact rule.
//!
//! - [`GC_MIN_THRESHOLD_BYTES`], 4 MiB, the budget minilisp always had:
//!   a collection has a fixed cost (it marks every interned symbol and
//!   sweeps every block) that a budget five times Emacs's amortises, so
//!   small programs run as fast as before.
//! - [`GC_MIN_PERCENTAGE`], 1.0: the heap may double between
//!   collections, as Go's default `GOGC=100` lets it. With Emacs's 0.1,
//!   every byte allocated pays for tracing ten live bytes: building a
//!   10M-element list spends most of its time in the collector (it does in
//!   Emacs, too), and grows faster than linearly until the live heap is
//!   ten times the threshold. With 1.0 it pays for one, at the price of a
//!   heap up to twice the live data (Emacs: 1.1 times).
//!
//! # Minor and major collections
//! The rule above says when to collect; what is live is measured by the
//! old generation (see `collect.rs`), which a minor collection only adds
//! to. Most collections are minor, and cost what survives them. A major
//! one runs when the old generation reaches the size the same rule allows
//! for growth since the last major collection:
//!
//! ```text
//! live  >=  live_at_last_major + budget(live_at_last_major)
//! ```
//!
//! so with the default floor of 1.0, when it has doubled. Major
//! collections then trace, in all, about twice the final heap, and
//! building a structure stays O(N) with each minor collection touching
//! only what was allocated since the one before.

use super::collect::GcStats;
use super::heap::Heap;
use super::symbol::Symbol;

/// The smallest budget between collections by default (see the module doc).
pub const GC_MIN_THRESHOLD_BYTES: usize = 4 * 1024 * 1024;

/// The smallest `gc-cons-percentage` by default (see the module doc).
pub const GC_MIN_PERCENTAGE: f64 = 1.0;

/// Emacs's default `gc-cons-threshold` (100,000 words).
pub const DEFAULT_CONS_THRESHOLD: usize = 800_000;

/// Emacs's default `gc-cons-percentage`.
pub const DEFAULT_CONS_PERCENTAGE: f64 = 0.1;

/// The pacing parameters and what the last collection left.
#[derive(Clone, Debug, PartialEq)]
pub struct Pacing {
    /// `gc-cons-threshold`, in bytes (saturated to `usize`).
    pub threshold: usize,
    /// `gc-cons-percentage` if it is a float (Emacs ignores any other value).
    pub percentage: Option<f64>,
    /// The smallest budget, whatever `threshold` says.
    pub floor: usize,
    /// The smallest percentage, whatever `percentage` says.
    pub percentage_floor: f64,
    /// Bytes live after the last collection (0 before the first one): the
    /// old generation, counted as its blocks' last sweeps found it.
    pub live_bytes: usize,
    /// Bytes live after the last major collection.
    pub major_live_bytes: usize,
}

impl Default for Pacing {
    fn default() -> Self {
        Pacing {
            threshold: DEFAULT_CONS_THRESHOLD,
            percentage: Some(DEFAULT_CONS_PERCENTAGE),
            floor: GC_MIN_THRESHOLD_BYTES,
            percentage_floor: GC_MIN_PERCENTAGE,
            live_bytes: 0,
            major_live_bytes: 0,
        }
    }
}

impl Pacing {
    /// The allocation budget for a live heap of `live` bytes:
    /// `max(threshold, floor, max(percentage, percentage_floor) * live)`,
    /// saturating (a huge threshold or percentage, a NaN or a negative
    /// percentage are safe).
    pub fn budget(&self, live: usize) -> usize {
        let mut budget = self.threshold.max(self.floor);
        let p = match self.percentage {
            Some(p) if p > self.percentage_floor => p,
            _ => self.percentage_floor,
        };
        let tot = p * live as f64;
        // False for a NaN: such a product is ignored.
        if (budget as f64) < tot {
            budget = tot as usize; // `as` saturates at usize::MAX
        }
        budget
    }

    /// The size of the old generation that calls for a major collection:
    /// what the last one left plus the budget for that live heap.
    pub fn major_limit(&self) -> usize {
        self.major_live_bytes.saturating_add(self.budget(self.major_live_bytes))
    }
}

impl GcStats {
    /// Bytes held by live objects: cells and payloads of heap objects (as
    /// allocation counts them) and symbols; dumped objects excluded.
    pub fn live_bytes(&self) -> usize {
        self.heap_bytes.saturating_add(self.symbols.0.saturating_mul(std::mem::size_of::<Symbol>()))
    }
}

impl Heap {
    /// Sets the budgets after a collection from what it found live.
    pub(super) fn pace_after_gc(&mut self, stats: &GcStats) {
        self.pacing.live_bytes = stats.live_bytes();
        if stats.full {
            self.pacing.major_live_bytes = self.pacing.live_bytes;
        }
        self.refresh_budget();
    }

    /// Sets `gc-cons-threshold` (bytes) and `gc-cons-percentage` (None if
    /// not a float) and recomputes the budgets at once: if the allocation
    /// since the last collection already exceeds the new one, the next
    /// allocation collects, and if the old generation already exceeds the
    /// new limit, that collection is major.
    pub fn set_gc_pacing(&mut self, threshold: usize, percentage: Option<f64>) {
        self.pacing.threshold = threshold;
        self.pacing.percentage = percentage;
        self.refresh_budget();
    }

    /// Recomputes the budgets after a change to `pacing`, estimating the
    /// live heap as the last collection's plus half of the allocation since
    /// (Emacs's guess in `bump_consing_until_gc`).
    pub fn refresh_budget(&mut self) {
        let live = self.pacing.live_bytes.saturating_add(self.bytes_since_gc / 2);
        self.threshold = self.pacing.budget(live);
        self.major_due = self.pacing.live_bytes >= self.pacing.major_limit();
    }

    /// Bytes allocated since the last collection.
    pub fn bytes_since_gc(&self) -> usize {
        self.bytes_since_gc
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gc::Value;
    use crate::interp::Interp;

    /// Emacs's rule, without minilisp's floors.
    fn emacs_rule(threshold: usize, percentage: Option<f64>) -> Pacing {
        Pacing { threshold, percentage, floor: 0, percentage_floor: 0.0, live_bytes: 0, major_live_bytes: 0 }
    }

    #[test]
    fn the_budget_is_the_threshold_or_the_percentage_of_the_live_heap() {
        let p = emacs_rule(800_000, Some(0.1));
        assert_eq!(p.budget(0), 800_000);
        assert_eq!(p.budget(8_000_000), 800_000);
        assert_eq!(p.budget(80_000_000), 8_000_000);
        // Only a float percentage counts.
        assert_eq!(emacs_rule(1000, None).budget(1 << 30), 1000);
        // The floors.
        let d = Pacing::default();
        assert_eq!(d.budget(0), GC_MIN_THRESHOLD_BYTES);
        assert_eq!(d.budget(10 << 20), 10 << 20);
        assert_eq!(Pacing { percentage: Some(3.0), ..Pacing::default() }.budget(10 << 20), 30 << 20);
        assert_eq!(Pacing { percentage: None, ..Pacing::default() }.budget(10 << 20), 10 << 20);
        assert_eq!(Pacing { threshold: 0, ..Pacing::default() }.budget(1), GC_MIN_THRESHOLD_BYTES);
    }

    #[test]
    fn huge_or_strange_settings_saturate_instead_of_overflowing() {
        assert_eq!(emacs_rule(usize::MAX, Some(0.1)).budget(usize::MAX), usize::MAX);
        assert_eq!(emacs_rule(0, Some(1e300)).budget(usize::MAX), usize::MAX);
        assert_eq!(emacs_rule(0, Some(f64::INFINITY)).budget(0), 0);
        assert_eq!(emacs_rule(0, Some(f64::INFINITY)).budget(1), usize::MAX);
        assert_eq!(emacs_rule(5, Some(f64::NAN)).budget(1 << 20), 5);
        assert_eq!(emacs_rule(5, Some(-2.0)).budget(1 << 20), 5);
        assert_eq!(Pacing { percentage: Some(f64::NAN), ..Pacing::default() }.budget(10 << 20), 10 << 20);
    }

    fn collect(heap: &mut Heap, roots: &[Value]) -> GcStats {
        heap.begin_gc(crate::gc::GcKind::Major);
        for &r in roots {
            heap.mark(r);
        }
        heap.finish_gc()
    }

    #[test]
    fn live_bytes_count_cells_and_payloads_of_what_survived() {
        let mut heap = Heap::new();
        heap.stress = false;
        heap.pacing.floor = 0;
        heap.pacing.percentage_floor = 0.0;
        heap.set_gc_pacing(1000, Some(0.5));
        let mut l = Value::NIL;
        for i in 0..1000 {
            l = heap.alloc_cons(Value::fixnum(i), l);
            heap.alloc_cons(l, l); // garbage
        }
        let s = heap.alloc_string("hello world");
        let v = heap.alloc_vector_from(&[l, s, Value::NIL]);
        let stats = collect(&mut heap, &[v]);
        assert_eq!(stats.heap_bytes, 1000 * 16 + 32 + 11 + 32 + 3 * 8);
        let syms = stats.symbols.0 * std::mem::size_of::<Symbol>();
        assert_eq!(stats.live_bytes(), stats.heap_bytes + syms);
        assert_eq!(heap.pacing.live_bytes, stats.live_bytes());
        // max(1000, 0.5 * live)
        assert_eq!(heap.threshold, stats.live_bytes() / 2);
        assert!(!heap.needs_gc());
        // Collects once the budget is spent.
        while heap.bytes_since_gc() < heap.threshold {
            assert!(!heap.needs_gc());
            heap.alloc_cons(Value::NIL, Value::NIL);
        }
        assert!(heap.needs_gc());
        // Nothing survives: the threshold rules.
        let stats = collect(&mut heap, &[]);
        assert_eq!(stats.heap_bytes, 0);
        assert_eq!(heap.threshold, 1000);
    }

    #[test]
    fn the_default_budget_grows_with_the_live_heap_past_the_floor() {
        let mut heap = Heap::new();
        heap.stress = false;
        assert_eq!(heap.threshold, GC_MIN_THRESHOLD_BYTES);
        let n = 1 << 20; // 16 MiB of conses
        let mut l = Value::NIL;
        for i in 0..n {
            l = heap.alloc_cons(Value::fixnum(i), l);
        }
        let stats = collect(&mut heap, &[l]);
        assert_eq!(stats.conses.0, n as usize);
        assert!(stats.live_bytes() >= 16 << 20);
        assert_eq!(heap.threshold, stats.live_bytes()); // percentage floor 1.0
    }

    #[test]
    fn changing_the_settings_between_collections_bumps_the_budget_at_once() {
        let mut heap = Heap::new();
        heap.stress = false;
        heap.pacing.floor = 0;
        heap.pacing.percentage_floor = 0.0;
        heap.set_gc_pacing(100, None);
        let mut l = Value::NIL;
        for i in 0..1000 {
            l = heap.alloc_cons(Value::fixnum(i), l);
        }
        collect(&mut heap, &[l]);
        let live = heap.pacing.live_bytes;
        for _ in 0..100 {
            heap.alloc_cons(Value::NIL, Value::NIL);
        }
        assert!(heap.needs_gc());
        // Emacs's estimate of the live heap: last collection's + half since.
        heap.set_gc_pacing(100, Some(1.0));
        assert_eq!(heap.threshold, live + 1600 / 2);
        assert!(!heap.needs_gc());
        heap.set_gc_pacing(usize::MAX, Some(1.0));
        assert_eq!(heap.threshold, usize::MAX);
    }

    fn interp() -> Interp {
        let mut i = Interp::bare();
        i.heap.stress = false; // these tests count collections
        i.heap.pacing.floor = 0;
        i.heap.pacing.percentage_floor = 0.0;
        i.heap.refresh_budget();
        i
    }

    fn eval(i: &mut Interp, src: &str) -> Value {
        i.eval_str(src).unwrap_or_else(|e| panic!("{src}: {e}"))
    }

    /// Collections while allocating `n` conses of garbage.
    const COUNT_GCS: &str = "(let ((n gcs-done) (i 0)) (while (< i 20000) (cons 1 2) (setq i (1+ i))) (- gcs-done n))";

    #[test]
    fn lisp_sets_and_binds_gc_cons_threshold() {
        let mut i = interp();
        assert_eq!(eval(&mut i, "gc-cons-threshold"), Value::fixnum(800_000));
        assert_eq!(i.heap.pacing.threshold, 800_000);
        eval(&mut i, "(setq gc-cons-threshold 10000000)");
        assert_eq!(i.heap.pacing.threshold, 10_000_000);
        assert_eq!(i.heap.threshold, 10_000_000);
        eval(&mut i, "(garbage-collect)");
        assert_eq!(eval(&mut i, COUNT_GCS), Value::fixnum(0));
        // 20,000 conses are 320,000 bytes: a 10,000-byte budget collects
        // about 32 times (more, counting the loop's own allocation).
        let bound = format!("(let ((gc-cons-threshold 10000)) {COUNT_GCS})");
        let n = eval(&mut i, &bound).as_fixnum().unwrap();
        assert!(n >= 32, "{n} collections");
        // The binding is undone, and so is the budget.
        assert_eq!(i.heap.pacing.threshold, 10_000_000);
        assert!(i.heap.threshold >= 10_000_000);
        eval(&mut i, "(garbage-collect)");
        assert_eq!(eval(&mut i, COUNT_GCS), Value::fixnum(0));
    }

    #[test]
    fn lisp_sets_gc_cons_percentage_and_the_next_budget_follows_the_live_heap() {
        let mut i = interp();
        assert!(eval(&mut i, "gc-cons-percentage").is_float());
        assert_eq!(i.heap.pacing.percentage, Some(0.1));
        eval(&mut i, "(setq gc-cons-threshold 0 gc-cons-percentage 2.0)");
        eval(&mut i, "(defvar keep (make-list 100000 nil))");
        eval(&mut i, "(garbage-collect)");
        let live = i.heap.pacing.live_bytes;
        assert!(live >= 100_000 * 16, "{live}");
        assert_eq!(i.heap.threshold, (2.0 * live as f64) as usize);
        // A percentage that is not a float is ignored, as in Emacs.
        eval(&mut i, "(setq gc-cons-percentage 5)");
        assert_eq!(i.heap.pacing.percentage, None);
        eval(&mut i, "(garbage-collect)");
        assert_eq!(i.heap.threshold, 0);
        // let-bound, then restored.
        eval(&mut i, "(let ((gc-cons-percentage 0.5)) (garbage-collect))");
        assert_eq!(i.heap.pacing.percentage, None);
    }

    #[test]
    fn huge_thresholds_from_lisp_do_not_overflow() {
        let mut i = interp();
        eval(&mut i, "(setq gc-cons-threshold most-positive-fixnum)");
        assert_eq!(i.heap.threshold, crate::gc::value::MOST_POSITIVE_FIXNUM as usize);
        eval(&mut i, "(setq gc-cons-threshold (* 4 most-positive-fixnum))");
        assert_eq!(i.heap.threshold, usize::MAX);
        eval(&mut i, "(garbage-collect)");
        assert_eq!(eval(&mut i, COUNT_GCS), Value::fixnum(0));
        eval(&mut i, "(setq gc-cons-threshold 0 gc-cons-percentage 1.0e300)");
        eval(&mut i, "(garbage-collect)");
        assert_eq!(i.heap.threshold, usize::MAX);
        // Negative and non-integer thresholds.
        eval(&mut i, "(setq gc-cons-percentage 0.1 gc-cons-threshold -5)");
        assert_eq!(i.heap.pacing.threshold, 0);
        eval(&mut i, "(setq gc-cons-threshold 'foo)");
        assert_eq!(i.heap.pacing.threshold, 0);
        // The defaults' floors still apply.
        i.heap.pacing.floor = GC_MIN_THRESHOLD_BYTES;
        eval(&mut i, "(setq gc-cons-threshold 1000)");
        assert_eq!(i.heap.threshold, GC_MIN_THRESHOLD_BYTES);
    }
}

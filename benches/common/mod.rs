//! What the benches share: criterion set up for whole-operation timings on
//! a noisy 2-core machine, and a way to read back the medians criterion
//! measured, for the derived numbers (ratios, throughputs) the benches
//! print after their groups and the README quotes.

// Each bench uses only part of this module.
#![allow(dead_code)]

use std::cell::RefCell;
use std::hint::black_box;
use std::rc::Rc;
use std::time::{Duration, Instant};

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion};

pub mod heaps;

/// Criterion with the command line's options (`--save-baseline NAME`,
/// `--baseline NAME`, a filter, ...) applied.
pub fn criterion() -> Criterion {
    Criterion::default().configure_from_args()
}

/// The per-iteration times of the samples criterion took of one
/// benchmark, kept so the bench can print numbers derived from them.
#[derive(Clone, Default)]
pub struct Samples(Rc<RefCell<Vec<f64>>>);

impl Samples {
    /// Records one sample's time per iteration (for benchmarks that time
    /// their own iterations with `iter_custom`).
    pub fn push(&self, seconds: f64) {
        self.0.borrow_mut().push(seconds);
    }

    /// The median time of one iteration over the measured samples; `None`
    /// if the benchmark did not run (filtered out on the command line).
    pub fn median(&self) -> Option<f64> {
        let mut v = self.0.borrow().clone();
        if v.is_empty() {
            return None;
        }
        v.sort_by(f64::total_cmp);
        Some(v[v.len() / 2])
    }
}

/// Benchmarks `f` as `name` in `group` (criterion's statistics and
/// baseline comparison), recording each measured sample's time per
/// iteration. Whatever `f` returns is dropped inside the timing, as a
/// caller of the operation would pay for it.
pub fn bench<R>(group: &mut BenchmarkGroup<'_, WallTime>, name: &str, sample_size: usize, mut f: impl FnMut() -> R) -> Samples {
    let samples = Samples::default();
    let record = samples.clone();
    group.sample_size(sample_size);
    group.bench_function(name, |b| {
        // Each call of this closure is one run of criterion's routine:
        // warm-up calls first, then one call per sample; only the last
        // `sample_size` calls are the measured samples.
        b.iter_custom(|iters| {
            let t = Instant::now();
            for _ in 0..iters {
                black_box(f());
            }
            let d = t.elapsed();
            record.0.borrow_mut().push(d.as_secs_f64() / iters as f64);
            d
        })
    });
    let mut v = samples.0.borrow_mut();
    let skip = v.len().saturating_sub(sample_size);
    v.drain(..skip);
    drop(v);
    samples
}

/// A group whose benchmarks each take about `secs` of measurement after
/// a second of warm-up (these are whole operations of a millisecond or
/// more, not nanosecond loops).
pub fn group<'a>(c: &'a mut Criterion, name: &str, secs: u64) -> BenchmarkGroup<'a, WallTime> {
    let mut g = c.benchmark_group(name);
    g.measurement_time(Duration::from_secs(secs));
    g.warm_up_time(Duration::from_secs(1));
    g
}

/// A group for operations of tens of milliseconds or more: every sample
/// runs the same number of iterations (criterion's flat sampling), so ten
/// samples of a slow operation need ten runs rather than fifty-five.
pub fn slow_group<'a>(c: &'a mut Criterion, name: &str, secs: u64) -> BenchmarkGroup<'a, WallTime> {
    let mut g = group(c, name, secs);
    g.sampling_mode(criterion::SamplingMode::Flat);
    g
}

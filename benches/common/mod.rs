//! A small shared harness: run a closure repeatedly, report median and min.
//! (Plain `harness = false` benches: no framework needed for whole-operation
//! timings on a noisy 2-core machine, where medians are what we compare.)

use std::time::{Duration, Instant};

#[allow(dead_code)] // used by the pdump bench only
pub mod heaps;

pub struct Sample {
    pub median: Duration,
    pub min: Duration,
}

pub fn measure(name: &str, runs: usize, mut f: impl FnMut()) -> Sample {
    f(); // warm-up
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    let s = Sample { median: times[runs / 2], min: times[0] };
    println!(
        "{name:<44} median {:>10.3} ms   min {:>10.3} ms   ({runs} runs)",
        s.median.as_secs_f64() * 1e3,
        s.min.as_secs_f64() * 1e3
    );
    s
}

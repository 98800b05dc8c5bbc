//! Dumper speed: writing, loading (verifying / by record), snapshot clones
//! against booting from source, a library-shaped workload from its dump
//! against loading it from source, and a collection right after loading.
//!
//! The repeated operations are criterion benchmarks (group `pdump` for the
//! prelude and the library, `pdump N MB heap` for each large heap); the
//! one-shot timings (building a heap, writing its dump) and the derived
//! numbers (speed-ups, GB/s, the clone against building the heap) are
//! printed as lines starting with `=>` next to them.

mod common;

use std::time::Instant;

use common::heaps;
use minilisp::Lisp;
use minilisp::pdump::{self, LoadOptions, Snapshot, Verify};

fn main() {
    let mut c = common::criterion();
    let dir = std::env::temp_dir().join(format!("minilisp-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();

    let mut g = common::slow_group(&mut c, "pdump", 5);
    // Snapshot clones of the booted prelude vs booting it.
    let boot = common::bench(&mut g, "boot from prelude sources", 21, || {
        Lisp::new().unwrap();
    });
    let mut booted = Lisp::new().unwrap();
    let snap = Snapshot::take(&mut booted).unwrap();
    let clone = common::bench(&mut g, "clone from snapshot (booted prelude)", 201, || {
        snap.instantiate().unwrap();
    });
    if let (Some(boot), Some(clone)) = (boot.median(), clone.median()) {
        println!("  => clone is {:.0}x faster than boot", boot / clone);
    }

    // A library-shaped workload.
    let lib = heaps::library_program(3000);
    let lib_path = dir.join("lib.el");
    std::fs::write(&lib_path, &lib).unwrap();
    let load_form = format!("(load {:?} nil t)", lib_path.to_string_lossy());
    let src = common::bench(&mut g, "library (3000 defuns + tables) from source", 10, || {
        let mut i = Lisp::new().unwrap();
        i.eval(&load_form).unwrap();
    });
    let mut i = Lisp::new().unwrap();
    i.eval(&load_form).unwrap();
    let lib_dump = dir.join("lib.pdmp");
    pdump::dump_to_file(&mut i, &lib_dump).unwrap();
    // The first load verifies; later ones reuse what this process verified.
    pdump::load_file(&lib_dump, LoadOptions { verify: Verify::Always, ..Default::default() }).unwrap();
    let from_dump = common::bench(&mut g, "library from its dump (verified before)", 21, || {
        let mut l = pdump::load_file(&lib_dump, LoadOptions::default()).unwrap();
        l.eval("(lib-fn-2999 1 2)").unwrap();
    });
    if let (Some(src), Some(from_dump)) = (src.median(), from_dump.median()) {
        println!(
            "  => dump start is {:.0}x faster than source ({} bytes)",
            src / from_dump,
            std::fs::metadata(&lib_dump).unwrap().len()
        );
    }
    g.finish();

    // Large heaps: write and load throughput, clones, GC after load.
    for mb in [1usize, 10, 100] {
        let mut i = Lisp::new().unwrap();
        let t = Instant::now();
        i.eval(&heaps::heap_program(mb)).unwrap();
        let build = t.elapsed().as_secs_f64();
        let path = dir.join(format!("heap{mb}.pdmp"));
        // A dump starts with a full collection: timed alone for comparison.
        let t = Instant::now();
        i.gc();
        let gc = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let summary = pdump::dump_to_file(&mut i, &path).unwrap();
        let secs = t.elapsed().as_secs_f64();
        let size = summary.file_len as f64 / 1e6;
        println!(
            "{mb:>3} MB heap (built in {build:.2} s): dump {size:.1} MB, {} objects, {} relocations; write {secs:.3} s, {:.0} MB/s \
             (of which its full collection {gc:.3} s)",
            summary.objects,
            summary.relocations,
            size / secs
        );
        let gb_per_s = |s: &common::Samples| s.median().map(|m| size / 1e3 / m);
        let mut g = common::slow_group(&mut c, &format!("pdump {mb} MB heap"), 5);
        let snap = Snapshot::take(&mut i).unwrap();
        drop(i);
        let s = common::bench(&mut g, "clone a snapshot", 11, || {
            snap.instantiate().unwrap();
        });
        if let (Some(rate), Some(m)) = (gb_per_s(&s), s.median()) {
            println!("    => {rate:.2} GB/s of image; {:.2}% of building the heap by evaluation", 100.0 * m / build);
        }
        drop(snap);
        let s = common::bench(&mut g, "load, full verification, preferred address", 10, || {
            pdump::load_file(&path, LoadOptions { verify: Verify::Always, ..Default::default() }).unwrap();
        });
        if let Some(rate) = gb_per_s(&s) {
            println!("    => {rate:.2} GB/s");
        }
        {
            // While this one holds the preferred address, loads relocate.
            let _holder = pdump::load_file(&path, LoadOptions::default()).unwrap();
            let s = common::bench(&mut g, "load, full verification, relocating", 10, || {
                pdump::load_file(&path, LoadOptions { verify: Verify::Always, ..Default::default() }).unwrap();
            });
            if let Some(rate) = gb_per_s(&s) {
                println!("    => {rate:.2} GB/s");
            }
        }
        common::bench(&mut g, "load again (verified before)", 10, || {
            pdump::load_file(&path, LoadOptions::default()).unwrap();
        });
        let mut l = pdump::load_file(&path, LoadOptions::default()).unwrap();
        common::bench(&mut g, "full GC right after loading", 11, || {
            l.gc();
        });
        g.finish();
    }
    let _ = std::fs::remove_dir_all(&dir);
    c.final_summary();
}

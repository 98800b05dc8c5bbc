//! A small pricing engine: Rust owns the data (stock levels) and the log,
//! Lisp owns the rules. The first run loads `rules.el` from source and
//! dumps the result; later runs start from the dump in about a
//! millisecond, with the host functions resolved by name.
//!
//! ```sh
//! cargo run --release --example rules_engine
//! ```

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use minilisp::pdump::LoadOptions;
use minilisp::{HostFunctions, Lisp, Rest};

/// The host side: what the rules may ask of the application.
fn host_functions(stock: HashMap<String, i64>, log: Arc<Mutex<Vec<String>>>) -> HostFunctions {
    let mut host = HostFunctions::new();
    host.register("stock-level", move |_, sku: String| stock.get(&sku).copied());
    host.register("log-decision", move |_, Rest(parts): Rest<String>| {
        log.lock().unwrap().push(parts.join(" "));
    });
    host
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let stock = HashMap::from([("apple".to_string(), 120), ("truffle".to_string(), 3)]);
    let log = Arc::new(Mutex::new(Vec::new()));
    let host = host_functions(stock, Arc::clone(&log));
    let dump = std::env::temp_dir().join("minilisp-rules-example.pdmp");

    // Build once: the prelude, the host functions, the rules; then dump.
    let t = Instant::now();
    let mut lisp = Lisp::new()?;
    lisp.install(&host);
    lisp.load_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/rules/rules.el"))?;
    println!("built from source in {:.2} ms", t.elapsed().as_secs_f64() * 1e3);
    let summary = lisp.dump(&dump)?;
    println!("dumped {} objects to {} ({} bytes)", summary.objects, dump.display(), summary.file_len);

    // Start from the dump: the same host functions must be registered.
    let t = Instant::now();
    let mut lisp = Lisp::load_dump(&dump, &LoadOptions::host(&host))?;
    println!("started from the dump in {:.2} ms", t.elapsed().as_secs_f64() * 1e3);

    let cases = [("apple", 100, "gold", 85), ("truffle", 5000, "silver", 5225), ("pear", 80, "bronze", 80)];
    for (sku, base, tier, expected) in cases {
        let price = lisp.call("rules-price", (sku, base, tier))?;
        let price = lisp.get::<i64>(&price)?;
        println!("{sku:>8} {tier:>6}: {base:>5} -> {price:>5}");
        assert_eq!(price, expected, "the rules changed");
    }
    for line in log.lock().unwrap().iter() {
        println!("  log: {line}");
    }

    // A rule that breaks is a Lisp error, not a crash of the host.
    let err = lisp.call("rules-price", ("apple", "not a number", "gold")).unwrap_err();
    println!("bad input: {}", err.message);

    // Without the host functions, the dump is refused and says why.
    match Lisp::load_dump(&dump, &LoadOptions::default()) {
        Err(e) => println!("load without host functions: {e}"),
        Ok(_) => panic!("a dump that needs host functions loaded without them"),
    }
    std::fs::remove_file(&dump)?;
    Ok(())
}

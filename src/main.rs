//! `minilisp`: run Emacs Lisp scripts in batch mode, or a REPL.
//!
//! The binary is thin: argument parsing, driving the library's `Interp`,
//! and printing live in `cli/`; see `minilisp --help`.

#![warn(clippy::undocumented_unsafe_blocks, clippy::missing_safety_doc)]

use minilisp::cli;

/// The interpreter thread's stack. The evaluator grows its stack on demand,
/// but the reader and printer recurse on deep structures too.
const STACK_SIZE: usize = 256 << 20;

fn main() {
    // Arguments that are not UTF-8 are taken lossily rather than panicking.
    let argv: Vec<String> = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
    let worker =
        std::thread::Builder::new().name("minilisp".into()).stack_size(STACK_SIZE).spawn(move || {
            // SAFETY: `--trust-dump` is the user's promise that the dump is this
            // build's own output, which is `cli::main`'s contract.
            unsafe { cli::main(argv) }
        });
    let status = match worker.map(|w| w.join()) {
        Ok(Ok(status)) => status,
        // The panic message has been printed by the panic hook.
        Ok(Err(_)) => 101,
        Err(e) => {
            eprintln!("minilisp: cannot start the interpreter thread: {e}");
            101
        }
    };
    std::process::exit(status);
}

//! The `minilisp` command: argument handling, batch runs and the REPL.
//! Everything Lisp lives in the library; this is parsing, driving, printing.

mod args;
mod batch;
mod dump;
mod repl;
mod test;

use std::io::{BufWriter, IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use args::{Options, UsageError};

/// Exit status for a malformed command line.
pub const EXIT_USAGE: i32 = 2;
/// Exit status for a dump file that cannot be loaded, described or written.
pub const EXIT_DUMP: i32 = 2;
/// Exit status for an error that escaped, as Emacs's batch mode.
pub const EXIT_ERROR: i32 = 255;

/// Runs the command line `argv` (program name first); returns the exit status.
///
/// # Safety
/// With `--trust-dump` in `argv`, every dump it loads must be this build's
/// own, unmodified output (see [`crate::pdump::load_file_trusted`]): the
/// user of the command line makes that promise by giving the flag.
pub unsafe fn main(argv: Vec<String>) -> i32 {
    let args = argv.get(1..).unwrap_or_default();
    let opts = match Options::parse(args) {
        Ok(o) => o,
        Err(e) => return usage_error(&e),
    };
    if opts.help {
        print!("{}", args::usage());
        return 0;
    }
    if opts.version {
        println!("minilisp {}", env!("CARGO_PKG_VERSION"));
        return 0;
    }
    let plan = match dump::DumpPlan::new(&opts) {
        Ok(p) => p,
        Err(e) => return usage_error(&e),
    };
    if let Some(path) = &plan.dump_info {
        return dump::print_info(path);
    }
    let mut interp = match plan.start() {
        Ok(i) => i,
        Err(status) => return status,
    };
    let at_line_start = Arc::new(AtomicBool::new(true));
    interp.stdout = Box::new(Stdout::new(at_line_start.clone()));
    if opts.test {
        return test::run(interp, &argv, &opts.test_files, opts.test_select.as_deref());
    }
    let status = match batch::run(&mut interp, &argv) {
        Ok(()) => match &plan.dump_file {
            Some(path) => {
                let _ = interp.stdout.flush();
                dump::write(&mut interp, path)
            }
            None if opts.wants_repl() => repl::run(&mut interp, &at_line_start),
            None => 0,
        },
        Err(batch::Stop::Exit(status)) => status,
        Err(batch::Stop::Usage(e)) => {
            let _ = interp.stdout.flush();
            usage_error(&e)
        }
    };
    let _ = interp.stdout.flush();
    status
}

fn usage_error(e: &UsageError) -> i32 {
    eprintln!("minilisp: {}\nTry 'minilisp --help' for more information.", e.0);
    EXIT_USAGE
}

/// Standard output for the interpreter: one big buffer straight over the
/// file descriptor (no second, line-buffered layer), flushed by the
/// interpreter before anything goes to standard error and by us at exit.
/// Remembers whether the last byte written ended a line, so the REPL can
/// start its answers on a fresh line.
pub struct Stdout {
    inner: BufWriter<Box<dyn Write + Send>>,
    at_line_start: Arc<AtomicBool>,
    /// On a terminal, each completed line is shown at once (as C's stdio
    /// does), so a long evaluation's output is not held back.
    line_buffered: bool,
}

impl Stdout {
    pub fn new(at_line_start: Arc<AtomicBool>) -> Stdout {
        use std::os::fd::AsFd;
        // A duplicate of fd 1 as a plain file: unbuffered underneath.
        let raw: Box<dyn Write + Send> = match std::io::stdout().as_fd().try_clone_to_owned() {
            Ok(fd) => Box::new(std::fs::File::from(fd)),
            Err(_) => Box::new(std::io::stdout()),
        };
        let line_buffered = std::io::stdout().is_terminal();
        Stdout { inner: BufWriter::with_capacity(64 * 1024, raw), at_line_start, line_buffered }
    }
}

/// Rust ignores SIGPIPE, so a closed pipe shows up as an error here; end
/// the process as the signal would have ended Emacs (`emacs ... | head`),
/// instead of running on with nowhere to write.
fn exit_on_broken_pipe<T>(r: std::io::Result<T>) -> std::io::Result<T> {
    if let Err(e) = &r
        && e.kind() == std::io::ErrorKind::BrokenPipe
    {
        std::process::exit(128 + 13);
    }
    r
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = exit_on_broken_pipe(self.inner.write(buf))?;
        if n > 0 {
            self.at_line_start.store(buf[n - 1] == b'\n', Ordering::Relaxed);
            if self.line_buffered && buf[..n].contains(&b'\n') {
                exit_on_broken_pipe(self.inner.flush())?;
            }
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        exit_on_broken_pipe(self.inner.flush())
    }
}

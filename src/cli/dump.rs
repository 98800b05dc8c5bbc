//! Where the interpreter comes from: a heap dump or the prelude sources.
//!
//! - `--load-dump IN`: from IN; failing that is an error (status 2).
//! - `--no-dump`: from the prelude sources.
//! - Otherwise from the *default dump* of this build,
//!   `minilisp-<first 16 hex digits of the build fingerprint>.pdmp`, looked
//!   for beside the executable, then in the cache directory
//!   (`$XDG_CACHE_HOME/minilisp/`, else `~/.cache/minilisp/`). When neither
//!   loads (missing, corrupt, truncated...), minilisp boots from the
//!   sources, writes the dump into the cache directory and starts from it.
//!   Nothing about the default dump is ever reported or fatal: an unusable
//!   cache only costs the time of a boot. The dump is written atomically
//!   (temporary file and rename), so any number of processes may race to
//!   create it: each renames identical bytes over the name.
//!
//! The fingerprint in the name keeps builds from trying each other's dumps
//! (the loader would reject them anyway, by the fingerprint in the header).
//! As every change to the sources makes a new build, writing a default
//! dump also deletes other builds' default dumps older than a day.
//!
//! Every load checks the whole dump the first time and records that in the
//! cache (`pdump::record`); later loads of the unchanged file check its
//! metadata only. `--verify-dump` checks the whole dump every time;
//! `--trust-dump` never does (metadata only, for dumps you made).

use std::path::{Path, PathBuf};

use crate::interp::Interp;
use crate::pdump::{self, LoadOptions, Verify};

use super::args::{DumpOption, Options, UsageError};
use super::{EXIT_DUMP, EXIT_ERROR};

/// The dump options of a command line, checked for conflicts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DumpPlan {
    /// `--dump-file OUT`: write a dump after the actions, then exit.
    pub dump_file: Option<PathBuf>,
    /// `--load-dump IN`.
    pub load_dump: Option<PathBuf>,
    /// `--dump-info IN`: describe IN and exit; nothing else runs.
    pub dump_info: Option<PathBuf>,
    /// `--no-dump`.
    pub no_dump: bool,
    /// `--trust-dump`: check only the dump's metadata (unsafe load).
    pub trust: bool,
    /// `--verify-dump`: check the whole dump, ignoring verification records.
    pub verify: bool,
}

impl DumpPlan {
    pub fn new(opts: &Options) -> Result<DumpPlan, UsageError> {
        let mut plan = DumpPlan::default();
        for d in &opts.dump {
            let twice = || UsageError(format!("option '{}' given more than once", d.name()));
            let set = |slot: &mut Option<PathBuf>, f: &str| {
                if slot.is_some() {
                    return Err(twice());
                }
                *slot = Some(PathBuf::from(f));
                Ok(())
            };
            match d {
                DumpOption::DumpFile(f) => set(&mut plan.dump_file, f)?,
                DumpOption::LoadDump(f) => set(&mut plan.load_dump, f)?,
                DumpOption::DumpInfo(f) => set(&mut plan.dump_info, f)?,
                DumpOption::NoDump => plan.no_dump = true,
                DumpOption::TrustDump => plan.trust = true,
                DumpOption::VerifyDump => plan.verify = true,
            }
        }
        if plan.load_dump.is_some() && plan.no_dump {
            return Err(UsageError("options '--load-dump' and '--no-dump' conflict".into()));
        }
        if plan.trust && plan.verify {
            return Err(UsageError("options '--trust-dump' and '--verify-dump' conflict".into()));
        }
        if plan.dump_info.is_some() && (opts.has_actions || opts.dump.len() > 1) {
            return Err(UsageError("option '--dump-info' must be used alone".into()));
        }
        Ok(plan)
    }

    /// The interpreter to run the command line in, or the exit status of a
    /// failure already reported.
    pub fn start(&self) -> Result<Interp, i32> {
        let verify = if self.verify { Verify::Always } else { Verify::Once };
        let opts = LoadOptions { verify, ..LoadOptions::default() };
        if let Some(path) = &self.load_dump {
            return load(path, &opts, self.trust).map_err(|e| {
                eprintln!("minilisp: cannot load dump {}: {}", path.display(), e.message);
                EXIT_DUMP
            });
        }
        if self.no_dump {
            return boot();
        }
        start_from_default_dump(opts, self.trust)
    }
}

/// Loads a dump, checking everything (once: see `pdump::record`) unless
/// `--trust-dump` was given.
fn load(path: &Path, opts: &LoadOptions, trust: bool) -> Result<Interp, pdump::Error> {
    // With --trust-dump the user asserts the dump is this build's own,
    // unmodified output (documented in --help and the README): the
    // contract of `pdump::load_file_trusted`.
    pdump::load_interp(path, opts.clone(), trust)
}

/// `--dump-info IN`: prints the description; returns the exit status.
pub fn print_info(path: &Path) -> i32 {
    use std::io::Write;
    match pdump::info(path) {
        Ok(text) => {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(text.as_bytes()).and_then(|_| out.flush());
            0
        }
        Err(e) => {
            eprintln!("minilisp: cannot read dump {}: {}", path.display(), e.message);
            EXIT_DUMP
        }
    }
}

/// `--dump-file OUT`, after the actions: returns the exit status.
pub fn write(interp: &mut Interp, path: &Path) -> i32 {
    match pdump::dump_interp(interp, path) {
        Ok(_) => 0,
        Err(e) => {
            eprintln!("minilisp: cannot write dump {}: {}", path.display(), e.message);
            EXIT_DUMP
        }
    }
}

/// Boots from the prelude sources.
fn boot() -> Result<Interp, i32> {
    Interp::new().map_err(|e| {
        eprintln!("minilisp: cannot boot: {}", e.message);
        EXIT_ERROR
    })
}

/// The file name of this build's default dump.
pub fn default_dump_name() -> String {
    let hex = pdump::fingerprint::hex(&pdump::fingerprint::FINGERPRINT);
    format!("minilisp-{}.pdmp", &hex[..16])
}

/// Where the default dump is looked for, in order.
fn default_dump_candidates(name: &str) -> Vec<PathBuf> {
    let beside_exe = std::env::current_exe().ok().and_then(|e| e.parent().map(|d| d.join(name)));
    let in_cache = pdump::cache_dir().map(|d| d.join(name));
    let mut out: Vec<PathBuf> = beside_exe.into_iter().collect();
    if let Some(c) = in_cache
        && !out.contains(&c)
    {
        out.push(c);
    }
    out
}

fn start_from_default_dump(opts: LoadOptions, trust: bool) -> Result<Interp, i32> {
    let name = default_dump_name();
    for path in default_dump_candidates(&name) {
        if let Ok(interp) = load(&path, &opts, trust) {
            return Ok(interp);
        }
    }
    let mut interp = boot()?;
    if let Some(dir) = pdump::cache_dir() {
        let path = dir.join(&name);
        if std::fs::create_dir_all(&dir).is_ok()
            && pdump::dump_interp(&mut interp, &path).is_ok()
            && let Ok(loaded) = load(&path, &opts, trust)
        {
            prune_other_builds(&dir, &name);
            // Start from the dump even the first time, so that every
            // ordinary start behaves the same (`pdumper-stats` included).
            return Ok(loaded);
        }
    }
    Ok(interp)
}

/// Other builds' default dumps in the cache older than this are deleted
/// when a new one is written (every source change makes a new build).
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// Whether `file` is named like a default dump.
fn is_default_dump_name(file: &str) -> bool {
    file.strip_prefix("minilisp-")
        .and_then(|f| f.strip_suffix(".pdmp"))
        .is_some_and(|h| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Deletes the default dumps of other builds written more than a day ago.
/// A build whose dump goes while still in use just writes it again.
fn prune_other_builds(dir: &Path, ours: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let file = e.file_name().to_string_lossy().into_owned();
        if file == ours || !is_default_dump_name(&file) {
            continue;
        }
        let old = e.metadata().ok().and_then(|m| m.modified().ok()).and_then(|t| t.elapsed().ok());
        if old.is_some_and(|age| age > STALE_AFTER) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(args: &[&str]) -> Result<DumpPlan, UsageError> {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        DumpPlan::new(&Options::parse(&args).unwrap())
    }

    #[test]
    fn conflicts() {
        assert!(plan(&["--load-dump", "a", "--no-dump"]).is_err());
        assert!(plan(&["--dump-file", "a", "--dump-file", "b"]).is_err());
        assert!(plan(&["--dump-info", "a", "--eval", "1"]).is_err());
        assert!(plan(&["--dump-info", "a", "--trust-dump"]).is_err());
        assert!(plan(&["--trust-dump", "--verify-dump"]).is_err());
        assert!(plan(&["--verify-dump", "--load-dump", "a"]).unwrap().verify);
        let p = plan(&["--no-dump", "-l", "x", "--dump-file", "o", "--trust-dump"]).unwrap();
        assert_eq!(p.dump_file, Some(PathBuf::from("o")));
        assert!(p.no_dump && p.trust && p.load_dump.is_none());
    }

    #[test]
    fn default_name_carries_the_fingerprint() {
        let n = default_dump_name();
        assert_eq!(n.len(), "minilisp-.pdmp".len() + 16);
        assert!(n.starts_with("minilisp-") && n.ends_with(".pdmp"));
        assert!(is_default_dump_name(&n));
        assert!(!is_default_dump_name("minilisp-0123.pdmp") && !is_default_dump_name("x.pdmp"));
        assert!(!is_default_dump_name(".minilisp-0123456789abcdef.pdmp.tmp.12"));
    }
}

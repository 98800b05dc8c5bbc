//! Command-line parsing.
//!
//! Hand-written rather than clap: Emacs handles `-l`, `--eval`, `-f` and
//! `-L` strictly in command-line order, interleaved with each other, and a
//! script may consume the rest of the command line by popping
//! `command-line-args-left`, after which parsing goes on from whatever is
//! left. That is an incremental, ordered parse ([`next_item`]), which
//! derive-style parsers do not model; the whole grammar is one table here.
//!
//! The first argument that is not an option is the script (`minilisp
//! FILE.el ARGS...`): everything after it belongs to the script.

/// One parsed command-line element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// `--eval EXPR`: read one form from EXPR and evaluate it (lexically).
    Eval(String),
    /// `-l FILE`: `(load FILE nil t)`.
    Load(String),
    /// `-f FUNCTION`: call FUNCTION with no arguments.
    Funcall(String),
    /// `-L DIR`: add DIR to the front of `load-path` (`-L :DIR`: the end).
    Directory(String),
    /// The script `FILE`; the arguments after it are the script's.
    Script(String),
    /// `-i`: start the REPL after the other actions.
    Interactive,
    /// `--batch`: never start the REPL unless `-i` asks for it.
    Batch,
    /// Emacs options that mean nothing here (`-Q`, `-q`, `--no-site-file`...).
    Ignored,
    Help,
    Version,
    Dump(DumpOption),
    /// `--test`: the files after it are ERT test files, run in parallel
    /// clones (see `cli::test`).
    Test,
    /// `--test-select NAME-OR-PREFIX`: run only the tests whose name is
    /// NAME-OR-PREFIX or starts with it.
    TestSelect(String),
}

/// Options of the heap dumper (see `cli::dump`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DumpOption {
    /// `--dump-file OUT`: boot (prelude and `-l` files), write a dump.
    DumpFile(String),
    /// `--load-dump IN`: start from a dump instead of booting from source.
    LoadDump(String),
    /// `--dump-info IN`: print a dump's header and section table.
    DumpInfo(String),
    /// `--no-dump`: boot from source even if a default dump exists.
    NoDump,
    /// `--trust-dump`: check only the dump's metadata.
    TrustDump,
    /// `--verify-dump`: check the whole dump even if a record says this
    /// build verified it before.
    VerifyDump,
}

impl DumpOption {
    pub fn name(&self) -> &'static str {
        match self {
            DumpOption::DumpFile(_) => "--dump-file",
            DumpOption::LoadDump(_) => "--load-dump",
            DumpOption::DumpInfo(_) => "--dump-info",
            DumpOption::NoDump => "--no-dump",
            DumpOption::TrustDump => "--trust-dump",
            DumpOption::VerifyDump => "--verify-dump",
        }
    }
}

/// A malformed command line: reported with a hint, exit status 2.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsageError(pub String);

/// What an option does with the argument after it.
#[derive(Clone, Copy)]
enum Kind {
    Flag(fn() -> Item),
    Value(fn(String) -> Item),
}

/// Every option, with the spellings Emacs accepts for the same thing.
const OPTIONS: &[(&[&str], Kind)] = &[
    (&["-l", "--load", "-load"], Kind::Value(Item::Load)),
    (&["--eval", "-eval", "--execute", "-execute"], Kind::Value(Item::Eval)),
    (&["-f", "--funcall", "-funcall"], Kind::Value(Item::Funcall)),
    (&["-L", "--directory", "-directory"], Kind::Value(Item::Directory)),
    (&["-i", "--interactive"], Kind::Flag(|| Item::Interactive)),
    (&["--batch", "-batch"], Kind::Flag(|| Item::Batch)),
    (
        &[
            "-q",
            "--no-init-file",
            "-no-init-file",
            "-Q",
            "--quick",
            "-quick",
            "--no-site-file",
            "-no-site-file",
            "--no-site-lisp",
            "-nsl",
            "--no-splash",
            "-no-splash",
            "-nw",
            "--no-window-system",
        ],
        Kind::Flag(|| Item::Ignored),
    ),
    (&["-h", "--help", "-help"], Kind::Flag(|| Item::Help)),
    (&["--version", "-version"], Kind::Flag(|| Item::Version)),
    (&["--dump-file"], Kind::Value(|f| Item::Dump(DumpOption::DumpFile(f)))),
    (&["--load-dump"], Kind::Value(|f| Item::Dump(DumpOption::LoadDump(f)))),
    (&["--dump-info"], Kind::Value(|f| Item::Dump(DumpOption::DumpInfo(f)))),
    (&["--no-dump"], Kind::Flag(|| Item::Dump(DumpOption::NoDump))),
    (&["--trust-dump"], Kind::Flag(|| Item::Dump(DumpOption::TrustDump))),
    (&["--verify-dump"], Kind::Flag(|| Item::Dump(DumpOption::VerifyDump))),
    (&["--test"], Kind::Flag(|| Item::Test)),
    (&["--test-select"], Kind::Value(Item::TestSelect)),
];

/// Parses the element at the front of `args` (which must not be empty);
/// returns it and how many arguments it used.
pub fn next_item(args: &[String]) -> Result<(Item, usize), UsageError> {
    let arg = args[0].as_str();
    if arg == "--" {
        // End of options: the next argument is the script, whatever it looks like.
        return Ok(match args.get(1) {
            Some(f) => (Item::Script(f.clone()), 2),
            None => (Item::Ignored, 1),
        });
    }
    if !arg.starts_with('-') || arg == "-" {
        return Ok((Item::Script(arg.to_owned()), 1));
    }
    // `--name=value` (long options only, as in Emacs).
    let (name, inline) = match arg.split_once('=') {
        Some((n, v)) if arg.starts_with("--") => (n, Some(v)),
        _ => (arg, None),
    };
    let Some(&(_, kind)) = OPTIONS.iter().find(|(names, _)| names.contains(&name)) else {
        return Err(UsageError(format!("unknown option '{name}'")));
    };
    match (kind, inline) {
        (Kind::Flag(_), Some(_)) => Err(UsageError(format!("option '{name}' takes no argument"))),
        (Kind::Flag(make), None) => Ok((make(), 1)),
        (Kind::Value(make), Some(v)) => Ok((make(v.to_owned()), 1)),
        (Kind::Value(make), None) => match args.get(1) {
            Some(v) => Ok((make(v.clone()), 2)),
            None => Err(UsageError(format!("option '{name}' requires an argument"))),
        },
    }
}

/// The whole command line checked up front, so that a typo is reported
/// before anything runs, and the decisions that must be taken before the
/// interpreter exists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub help: bool,
    pub version: bool,
    pub interactive: bool,
    pub batch: bool,
    /// Whether anything runs Lisp code (`--eval`, `-l`, `-f`, a script).
    pub has_actions: bool,
    pub dump: Vec<DumpOption>,
    /// `--test`: every file argument after it is a test file (none is a script).
    pub test: bool,
    /// The test files, in command-line order.
    pub test_files: Vec<String>,
    /// `--test-select`: the name or name prefix of the tests to run.
    pub test_select: Option<String>,
}

impl Options {
    /// Checks `args` (without the program name).
    pub fn parse(args: &[String]) -> Result<Options, UsageError> {
        let mut o = Options::default();
        let mut rest = args;
        while !rest.is_empty() {
            let (item, used) = next_item(rest)?;
            rest = &rest[used..];
            match item {
                Item::Eval(_) | Item::Load(_) | Item::Funcall(_) => o.has_actions = true,
                Item::Script(f) if o.test => o.test_files.push(f),
                Item::Script(_) => {
                    o.has_actions = true;
                    break;
                }
                Item::Test => o.test = true,
                Item::TestSelect(p) => {
                    if o.test_select.is_some() {
                        return Err(UsageError("option '--test-select' given more than once".into()));
                    }
                    o.test_select = Some(p)
                }
                Item::Directory(_) | Item::Ignored => {}
                Item::Interactive => o.interactive = true,
                Item::Batch => o.batch = true,
                Item::Help => o.help = true,
                Item::Version => o.version = true,
                Item::Dump(d) => o.dump.push(d),
            }
        }
        if o.test_select.is_some() && !o.test {
            return Err(UsageError("option '--test-select' needs '--test'".into()));
        }
        if o.test && o.test_files.is_empty() {
            return Err(UsageError("option '--test' needs at least one FILE after it".into()));
        }
        if o.test && o.interactive {
            return Err(UsageError("options '--test' and '-i' conflict".into()));
        }
        Ok(o)
    }

    /// Whether the REPL runs (after the actions, if any).
    pub fn wants_repl(&self) -> bool {
        self.interactive || (!self.has_actions && !self.batch)
    }
}

pub fn usage() -> String {
    format!(
        "\
Usage: minilisp [OPTIONS] [FILE.el [ARGS...]]

minilisp {version}: a small, fast Emacs Lisp subset (lexical binding).
Options are processed in order, as Emacs does. With FILE, runs it as
`emacs -Q --batch -l FILE` would, with `command-line-args-left' holding
ARGS. Without FILE or any of --eval/-l/-f (or with -i), starts a REPL.

  -l, --load FILE        load FILE (searched in `load-path' if not found)
      --eval EXPR        evaluate the Lisp expression EXPR (lexically)
  -f, --funcall FUNC     call the Lisp function FUNC with no arguments
  -L, --directory DIR    prepend DIR to `load-path' (-L :DIR appends it)
  -i, --interactive      start the REPL after the other options
      --batch            never start the REPL unless -i is given
  -q, -Q, --no-site-file accepted and ignored (Emacs compatibility)
      --dump-file OUT    after the other options, write a heap dump to OUT
                         and exit (no REPL)
      --load-dump IN     start from the heap dump IN
      --dump-info IN     describe the heap dump IN: header, sections, objects
      --no-dump          boot from the prelude sources, not from a dump
      --trust-dump       check only the dump's metadata (no heap image
                         checksum, no per-object checks: start-up does not
                         grow with the dump); only for dumps you made
      --verify-dump      check the whole dump, even one that a verification
                         record shows unchanged since this build checked or
                         wrote it (by default such a dump has its metadata
                         checked only)
  -h, --help             show this help
      --version          show the version
      --test FILE...     load the ERT test FILEs (after the other options),
                         then run each test in its own copy of the
                         interpreter, in parallel on all cores; prints
                         ERT's batch report, exits 0 if every result was
                         as expected, 1 otherwise
      --test-select NAME run only the tests named NAME or whose name
                         starts with NAME (with --test)

Without --load-dump or --no-dump, minilisp starts from this build's dump
{dump}, looked for beside the executable, then in
$XDG_CACHE_HOME/minilisp/ (else ~/.cache/minilisp/); if none loads, it
boots from the prelude sources and writes the dump there. A dump is fully
checked the first time it loads; a record in the cache's verified/
directory then spares later loads the per-object checks until the file
changes in any way (MINILISP_RECORD_DIR names another records directory).

An error that escapes is reported on standard error and exits with status
255; (kill-emacs N) exits with status N; bad usage, or a dump file that
cannot be loaded, described or written, exits with status 2.
",
        version = env!("CARGO_PKG_VERSION"),
        dump = super::dump::default_dump_name(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    fn items(v: &[&str]) -> Result<Vec<Item>, UsageError> {
        let args = s(v);
        let mut rest = &args[..];
        let mut out = Vec::new();
        while !rest.is_empty() {
            let (item, used) = next_item(rest)?;
            let stop = matches!(item, Item::Script(_));
            out.push(item);
            rest = &rest[used..];
            if stop {
                break;
            }
        }
        Ok(out)
    }

    #[test]
    fn ordered_actions_and_spellings() {
        assert_eq!(
            items(&["-Q", "--batch", "-l", "a.el", "--eval", "(x)", "--eval=(y)", "--load=b", "-eval", "z"]).unwrap(),
            vec![
                Item::Ignored,
                Item::Batch,
                Item::Load("a.el".into()),
                Item::Eval("(x)".into()),
                Item::Eval("(y)".into()),
                Item::Load("b".into()),
                Item::Eval("z".into()),
            ]
        );
        // `=` splits long options only; the value may contain `=`.
        assert_eq!(items(&["--eval=(= 1 1)"]).unwrap(), vec![Item::Eval("(= 1 1)".into())]);
        assert_eq!(
            items(&["-L", "lib", "-f", "main"]).unwrap(),
            vec![Item::Directory("lib".into()), Item::Funcall("main".into())]
        );
    }

    #[test]
    fn script_takes_the_rest() {
        assert_eq!(
            items(&["-l", "x", "s.el", "--eval", "y"]).unwrap(),
            vec![Item::Load("x".into()), Item::Script("s.el".into())]
        );
        assert_eq!(items(&["--", "-weird.el", "a"]).unwrap(), vec![Item::Script("-weird.el".into())]);
        let o = Options::parse(&s(&["s.el", "--bogus", "-i"])).unwrap();
        assert!(o.has_actions && !o.interactive && !o.wants_repl());
    }

    #[test]
    fn usage_errors() {
        assert_eq!(items(&["--bogus"]), Err(UsageError("unknown option '--bogus'".into())));
        assert_eq!(items(&["--bogus=1"]), Err(UsageError("unknown option '--bogus'".into())));
        assert_eq!(items(&["--eval"]), Err(UsageError("option '--eval' requires an argument".into())));
        assert_eq!(items(&["--batch=1"]), Err(UsageError("option '--batch' takes no argument".into())));
        // An Emacs single-dash spelling with `=` is not split.
        assert!(items(&["-l=x"]).is_err());
    }

    #[test]
    fn test_mode() {
        let o = Options::parse(&s(&["-L", "lib", "--test", "a.el", "b.el", "--test-select", "foo-"])).unwrap();
        assert!(o.test && !o.has_actions);
        assert_eq!(o.test_files, vec!["a.el".to_string(), "b.el".to_string()]);
        assert_eq!(o.test_select.as_deref(), Some("foo-"));
        assert_eq!(
            Options::parse(&s(&["--test"])),
            Err(UsageError("option '--test' needs at least one FILE after it".into()))
        );
        assert_eq!(
            Options::parse(&s(&["--test-select", "x", "a.el"])),
            Err(UsageError("option '--test-select' needs '--test'".into()))
        );
        assert!(Options::parse(&s(&["--test", "a.el", "-i"])).is_err());
        // Without --test first, a file is a script that takes the rest.
        let o = Options::parse(&s(&["a.el", "--test", "b.el"])).unwrap();
        assert!(!o.test && o.test_files.is_empty());
    }

    #[test]
    fn repl_decision() {
        assert!(Options::parse(&[]).unwrap().wants_repl());
        assert!(Options::parse(&s(&["-Q", "-L", "lib"])).unwrap().wants_repl());
        assert!(!Options::parse(&s(&["--batch"])).unwrap().wants_repl());
        assert!(!Options::parse(&s(&["--eval", "1"])).unwrap().wants_repl());
        assert!(Options::parse(&s(&["--eval", "1", "-i"])).unwrap().wants_repl());
        let o = Options::parse(&s(&["--dump-file", "x", "--no-dump"])).unwrap();
        assert_eq!(o.dump, vec![DumpOption::DumpFile("x".into()), DumpOption::NoDump]);
    }
}

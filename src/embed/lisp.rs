//! [`Lisp`]: an interpreter as embedding Rust code holds it.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use super::host::{self, Callee, Ctx, HostFunctions, HostResult};
use super::{FromArgs, FromLisp, IntoArgs, IntoLisp, Value};
use crate::interp::{DumpStats, Interp, LispError};
use crate::pdump;

/// One interpreter: its own heap, symbols, host functions and output.
/// Several can run at once, one per thread; an interpreter can move
/// between threads (`Send`).
///
/// ```
/// use minilisp::Lisp;
/// let mut lisp = Lisp::new()?;
/// lisp.register("double", |_, x: i64| x * 2);
/// lisp.eval("(defun twice-plus-one (x) (1+ (double x)))")?;
/// let r = lisp.call("twice-plus-one", 20)?;
/// assert_eq!(lisp.get::<i64>(&r)?, 41);
/// # Ok::<(), minilisp::LispError>(())
/// ```
pub struct Lisp {
    pub(crate) m: Interp,
}

/// Counters of the heap behind an interpreter.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct HeapStats {
    /// Allocation blocks of the collected heap (dumped objects excluded).
    pub blocks: usize,
    /// Dumped objects written since the load (the write barrier's
    /// remembered set, which every collection traces).
    pub remembered: usize,
    /// Live [`Value`] handles.
    pub handles: usize,
    /// Collections so far (`gcs-done`), minor and major.
    pub collections: u64,
    /// Of `collections`, the major (full) ones.
    pub major_collections: u64,
    /// Bytes of the old generation: what survived the collections so far
    /// (dumped objects excluded).
    pub old_bytes: usize,
}

impl Lisp {
    /// An interpreter with the prelude (the `lisp/` library) evaluated.
    /// (Booting takes about a millisecond; a [`pdump::Snapshot`] clone
    /// takes microseconds.)
    ///
    /// ```
    /// let mut lisp = minilisp::Lisp::new()?;
    /// assert_eq!(lisp.eval_to::<i64>("(let ((n 0)) (dolist (x '(1 2 3) n) (setq n (+ n x))))")?, 6);
    /// # Ok::<(), minilisp::LispError>(())
    /// ```
    pub fn new() -> Result<Lisp, LispError> {
        Interp::new().map(Lisp::from_interp)
    }

    /// An interpreter with only the built-in functions: no prelude, so no
    /// `defun`, `when`, `dolist` ... (those are Lisp macros).
    ///
    /// ```
    /// let mut lisp = minilisp::Lisp::bare();
    /// assert_eq!(lisp.eval_to::<i64>("(+ 1 2)")?, 3);
    /// assert_eq!(lisp.eval("(when t 1)").unwrap_err().object, "(void-function when)");
    /// # Ok::<(), minilisp::LispError>(())
    /// ```
    pub fn bare() -> Lisp {
        Lisp::from_interp(Interp::bare())
    }

    pub(crate) fn from_interp(m: Interp) -> Lisp {
        Lisp { m }
    }

    /// The interpreter as host functions see it (for conversions and calls
    /// in the same terms).
    fn ctx(&mut self) -> Ctx<'_> {
        Ctx { m: &mut self.m }
    }

    /// Turns a signal that escaped to the top into a `LispError` (and
    /// resets the evaluator, as an error reaching top level does).
    fn top<T>(&mut self, r: Result<T, host::Signal>) -> Result<T, LispError> {
        r.map_err(|s| {
            let flow = s.raise(&mut self.m);
            self.m.to_lisp_error(Err(flow)).unwrap_err()
        })
    }

    // ---- evaluation ----

    /// Reads and evaluates every form of `src` (lexical binding); the
    /// value of the last, rooted. An error that escapes is a [`LispError`],
    /// and the interpreter is ready for the next call.
    ///
    /// ```
    /// let mut lisp = minilisp::Lisp::new()?;
    /// let v = lisp.eval("(defvar counter 41) (setq counter (1+ counter))")?;
    /// assert_eq!(lisp.prin1(&v), "42");
    /// let e = lisp.eval("(car 1)").unwrap_err();
    /// assert_eq!(e.message, "Wrong type argument: listp, 1");
    /// # Ok::<(), minilisp::LispError>(())
    /// ```
    pub fn eval(&mut self, src: &str) -> Result<Value, LispError> {
        let r = self.ctx().eval(src);
        self.top(r)
    }

    /// [`eval`](Lisp::eval), converting the value.
    ///
    /// ```
    /// let mut lisp = minilisp::Lisp::new()?;
    /// let words: Vec<String> = lisp.eval_to(r#"(split-string "a b c")"#)?;
    /// assert_eq!(words, ["a", "b", "c"]);
    /// # Ok::<(), minilisp::LispError>(())
    /// ```
    pub fn eval_to<T: FromLisp>(&mut self, src: &str) -> Result<T, LispError> {
        let v = self.eval(src)?;
        self.get(&v)
    }

    /// Evaluates the source text of a file named `file_name` (bound to
    /// `load-file-name` meanwhile, macros expanded eagerly as `load` does).
    ///
    /// ```
    /// let mut lisp = minilisp::Lisp::new()?;
    /// lisp.load_source("(defun lib-f () load-file-name) (provide 'lib)", "/src/lib.el")?;
    /// assert!(lisp.eval_to::<bool>("(featurep 'lib)")?);
    /// # Ok::<(), minilisp::LispError>(())
    /// ```
    pub fn load_source(&mut self, src: &str, file_name: &str) -> Result<Value, LispError> {
        let r = crate::interp::builtins::load::eval_source(&mut self.m, src, file_name);
        let r = self.m.to_lisp_error(r);
        r.map(|v| Value::new(&self.m, v))
    }

    /// `(load FILE)`: reads and evaluates the file at `path`.
    ///
    /// ```
    /// let path = std::env::temp_dir().join("minilisp-doc-load.el");
    /// std::fs::write(&path, "(defvar loaded-value (* 6 7))")?;
    /// let mut lisp = minilisp::Lisp::new()?;
    /// lisp.load_file(&path)?;
    /// assert_eq!(lisp.eval_to::<i64>("loaded-value")?, 42);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn load_file(&mut self, path: &Path) -> Result<(), LispError> {
        // Emacs's own `load` (no "Loading..." message), for its errors.
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let name = abs.to_string_lossy().into_owned();
        self.call("load", (name, false, true)).map(drop)
    }

    /// Calls `f` (a function [`Value`] or a function's name) with `args`
    /// (one [`IntoLisp`] value, a tuple of them, or `()`).
    ///
    /// ```
    /// let mut lisp = minilisp::Lisp::new()?;
    /// let r = lisp.call("+", (1, 2.5))?;
    /// assert_eq!(lisp.prin1(&r), "3.5");
    /// let square = lisp.eval("(lambda (x) (* x x))")?;
    /// let r = lisp.call(&square, 12)?;
    /// assert_eq!(lisp.get::<i64>(&r)?, 144);
    /// # Ok::<(), minilisp::LispError>(())
    /// ```
    pub fn call(&mut self, f: impl Callee, args: impl IntoArgs) -> Result<Value, LispError> {
        let r = self.ctx().call(f, args);
        self.top(r)
    }

    // ---- values ----

    /// Converts `v` to a Rust value; a mismatch is the error an Emacs
    /// built-in would signal (`wrong-type-argument`, `overflow-error`).
    ///
    /// ```
    /// let mut lisp = minilisp::Lisp::new()?;
    /// let v = lisp.eval("'(\"a\" \"b\")")?;
    /// assert_eq!(lisp.get::<Vec<String>>(&v)?, ["a", "b"]);
    /// assert_eq!(lisp.get::<i64>(&v).unwrap_err().object, "(wrong-type-argument integerp (\"a\" \"b\"))");
    /// # Ok::<(), minilisp::LispError>(())
    /// ```
    pub fn get<T: FromLisp>(&mut self, v: &Value) -> Result<T, LispError> {
        let r = self.ctx().get(v);
        self.top(r)
    }

    /// Converts `x` to a Lisp value.
    ///
    /// ```
    /// let mut lisp = minilisp::Lisp::new()?;
    /// let v = lisp.value(vec![1.5, 2.0])?;
    /// assert_eq!(lisp.prin1(&v), "(1.5 2.0)");
    /// let r = lisp.call("apply", (minilisp::Symbol::new("+"), &v))?;
    /// assert_eq!(lisp.get::<f64>(&r)?, 3.5);
    /// # Ok::<(), minilisp::LispError>(())
    /// ```
    pub fn value(&mut self, x: impl IntoLisp) -> Result<Value, LispError> {
        let r = self.ctx().value(x);
        self.top(r)
    }

    /// The value of the global (or innermost dynamic) variable `name`, or
    /// `None` when it is void.
    ///
    /// ```
    /// let mut lisp = minilisp::Lisp::new()?;
    /// let v = lisp.global("emacs-major-version").expect("defined");
    /// assert_eq!(lisp.get::<i64>(&v)?, 28);
    /// assert!(lisp.global("never-defined").is_none());
    /// # Ok::<(), minilisp::LispError>(())
    /// ```
    pub fn global(&mut self, name: &str) -> Option<Value> {
        let s = self.m.intern(name);
        let v = self.m.symbol_value(s);
        (!v.is_unbound()).then(|| Value::new(&self.m, v))
    }

    /// `(setq NAME X)` at top level (also for a variable not yet defined).
    ///
    /// ```
    /// let mut lisp = minilisp::Lisp::new()?;
    /// lisp.set_global("user-name", "ada")?;
    /// assert_eq!(lisp.eval_to::<String>("(upcase user-name)")?, "ADA");
    /// assert_eq!(lisp.set_global("nil", 1).unwrap_err().object, "(setting-constant nil)");
    /// # Ok::<(), minilisp::LispError>(())
    /// ```
    pub fn set_global(&mut self, name: &str, x: impl IntoLisp) -> Result<(), LispError> {
        let r = (|| {
            let v = x.into_lisp(&mut self.m)?;
            let s = self.m.intern(name);
            self.m.set_symbol_value(s, v)
        })();
        self.m.to_lisp_error(r.map(|()| crate::gc::Value::NIL)).map(drop)
    }

    /// `v` as `prin1` prints it.
    ///
    /// ```
    /// let mut lisp = minilisp::Lisp::new()?;
    /// let v = lisp.eval("(cons \"a\" 'b)")?;
    /// assert_eq!(lisp.prin1(&v), "(\"a\" . b)");
    /// assert_eq!(lisp.princ(&v), "(a . b)");
    /// # Ok::<(), minilisp::LispError>(())
    /// ```
    pub fn prin1(&self, v: &Value) -> String {
        self.m.prin1_to_string(v.get(&self.m))
    }

    /// `v` as `princ` prints it (strings without quotes); see [`prin1`](Lisp::prin1).
    pub fn princ(&self, v: &Value) -> String {
        self.m.princ_to_string(v.get(&self.m))
    }

    // ---- host functions ----

    /// Registers a host function in this interpreter only (see
    /// [`HostFunctions::register`] for the parameter and result types).
    /// To start from a dump that refers to host functions, register them
    /// in a [`HostFunctions`] instead and give it to the load too.
    ///
    /// ```
    /// use minilisp::{Lisp, Signal};
    /// let mut lisp = Lisp::new()?;
    /// lisp.register("checked-div", |_, (a, b): (i64, i64)| {
    ///     if b == 0 { Err(Signal::error("division by zero")) } else { Ok(a / b) }
    /// });
    /// assert_eq!(lisp.eval_to::<i64>("(checked-div 7 2)")?, 3);
    /// let caught = lisp.eval_to::<String>("(condition-case e (checked-div 1 0) (error (cadr e)))")?;
    /// assert_eq!(caught, "division by zero");
    /// # Ok::<(), minilisp::LispError>(())
    /// ```
    pub fn register<A, R, F>(&mut self, name: &str, f: F) -> &mut Self
    where
        A: FromArgs,
        R: HostResult,
        F: Fn(&mut Ctx<'_>, A) -> R + Send + Sync + 'static,
    {
        let mut set = HostFunctions::new();
        set.register(name, f);
        self.install(&set)
    }

    /// Defines every function of `host` in this interpreter (see
    /// [`HostFunctions`] for an example).
    pub fn install(&mut self, host: &HostFunctions) -> &mut Self {
        for f in &host.fns {
            host::install(&mut self.m, f);
        }
        self
    }

    // ---- dumps and snapshots ----

    /// Writes the whole state to a dump file at `path`, atomically (see
    /// [`pdump`]). Host functions are recorded by name and arity; a host
    /// object reachable from a symbol refuses the dump (one held only by
    /// Rust handles is not written).
    ///
    /// ```
    /// use minilisp::{Lisp, pdump::LoadOptions};
    /// let path = std::env::temp_dir().join("minilisp-doc-dump.pdmp");
    /// let mut lisp = Lisp::new()?;
    /// lisp.eval("(defvar answer 42)")?;
    /// lisp.dump(&path)?;
    /// let mut again = Lisp::load_dump(&path, &LoadOptions::default())?;
    /// assert_eq!(again.eval_to::<i64>("answer")?, 42);
    /// assert!(again.dump_stats().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn dump(&mut self, path: &Path) -> Result<pdump::DumpSummary, pdump::Error> {
        pdump::dump_to_file(self, path)
    }

    /// Starts an interpreter from the dump file at `path` (see
    /// [`pdump::load_file`], and [`dump`](Lisp::dump) for an example).
    pub fn load_dump(path: &Path, options: &pdump::LoadOptions) -> Result<Lisp, pdump::Error> {
        pdump::load_file(path, options.clone())
    }

    /// An in-memory dump of this interpreter, from which fresh clones start
    /// in microseconds ([`pdump::Snapshot`]).
    ///
    /// ```
    /// let mut lisp = minilisp::Lisp::new()?;
    /// lisp.eval("(defvar fixture (list 1 2 3))")?;
    /// let snapshot = lisp.snapshot()?;
    /// let mut a = snapshot.instantiate()?;
    /// a.eval("(setcar fixture 'changed)")?;
    /// let mut b = snapshot.instantiate()?;
    /// assert_eq!(b.eval_to::<Vec<i64>>("fixture")?, [1, 2, 3]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn snapshot(&mut self) -> Result<pdump::Snapshot, pdump::Error> {
        pdump::Snapshot::take(self)
    }

    /// How this interpreter was loaded from a dump, if it was (see
    /// [`dump`](Lisp::dump)); `None` for one booted from sources.
    pub fn dump_stats(&self) -> Option<&DumpStats> {
        self.m.dump_stats.as_ref()
    }

    // ---- the machine ----

    /// Runs a full collection now; what it found.
    ///
    /// ```
    /// let mut lisp = minilisp::Lisp::new()?;
    /// let kept = lisp.eval("(make-list 1000 'x)")?;
    /// let stats = lisp.gc();
    /// assert!(stats.conses.0 >= 1000); // live conses (the list is rooted by `kept`)
    /// # drop(kept);
    /// # Ok::<(), minilisp::LispError>(())
    /// ```
    pub fn gc(&mut self) -> crate::GcStats {
        self.m.gc(&[])
    }

    /// Runs a minor collection now: it traces only the objects allocated
    /// since the last collection (and old ones written since), and sweeps
    /// only the blocks they were allocated in, so its cost follows the new
    /// data, not the heap. The interpreter runs these by itself; an
    /// embedder may run one at a quiet moment (between frames, requests).
    /// Its statistics cover the swept blocks only (`full` is false).
    ///
    /// ```
    /// let mut lisp = minilisp::Lisp::new()?;
    /// let big = lisp.eval("(make-list 100000 'old)")?;
    /// lisp.gc(); // `big` is old now
    /// lisp.eval("(make-list 1000 'garbage)")?;
    /// let stats = lisp.gc_minor();
    /// assert!(!stats.full);
    /// assert!(stats.conses.0 < 100000); // the old list was not swept
    /// # drop(big);
    /// # Ok::<(), minilisp::LispError>(())
    /// ```
    pub fn gc_minor(&mut self) -> crate::GcStats {
        self.m.gc_of_kind(&[], crate::gc::GcKind::Minor)
    }

    /// Collect before every allocation (slow; finds rooting bugs). Also
    /// set for every interpreter by `MINILISP_GC_STRESS=1`.
    ///
    /// ```
    /// let mut lisp = minilisp::Lisp::new()?;
    /// lisp.set_gc_stress(true);
    /// let v = lisp.eval("(mapcar (lambda (x) (* x x)) '(1 2 3))")?;
    /// assert_eq!(lisp.prin1(&v), "(1 4 9)");
    /// # Ok::<(), minilisp::LispError>(())
    /// ```
    pub fn set_gc_stress(&mut self, on: bool) {
        self.m.heap.stress = on;
    }

    /// Counters of the heap: blocks, remembered set, live handles.
    ///
    /// ```
    /// let mut lisp = minilisp::Lisp::new()?;
    /// let v = lisp.eval("(make-list 3 'x)")?;
    /// assert_eq!(lisp.heap_stats().handles, 1);
    /// drop(v);
    /// assert_eq!(lisp.heap_stats().handles, 0);
    /// # Ok::<(), minilisp::LispError>(())
    /// ```
    pub fn heap_stats(&self) -> HeapStats {
        HeapStats {
            blocks: self.m.heap.block_count(),
            remembered: self.m.heap.dirty_count(),
            handles: self.m.handles.lock().live(),
            collections: self.m.heap.gc_count,
            major_collections: self.m.heap.major_gc_count,
            old_bytes: self.m.heap.old_bytes(),
        }
    }

    /// A flag that, set from another thread or a signal handler, makes the
    /// running evaluation signal `quit` at its next function call or loop
    /// iteration (host functions see it through their calls back into
    /// Lisp, or [`Ctx::check_interrupt`]).
    ///
    /// ```
    /// use std::sync::atomic::Ordering;
    /// let mut lisp = minilisp::Lisp::new()?;
    /// let flag = lisp.interrupt_flag();
    /// std::thread::spawn(move || {
    ///     std::thread::sleep(std::time::Duration::from_millis(20));
    ///     flag.store(true, Ordering::Relaxed);
    /// });
    /// assert_eq!(lisp.eval("(while t)").unwrap_err().object, "(quit)");
    /// # Ok::<(), minilisp::LispError>(())
    /// ```
    pub fn interrupt_flag(&self) -> Arc<AtomicBool> {
        self.m.interrupt_flag()
    }

    /// Where `print`, `princ` and friends write (standard output by default).
    ///
    /// ```
    /// use std::io::Write;
    /// use std::sync::{Arc, Mutex};
    /// #[derive(Clone, Default)]
    /// struct Capture(Arc<Mutex<Vec<u8>>>);
    /// impl Write for Capture {
    ///     fn write(&mut self, b: &[u8]) -> std::io::Result<usize> { self.0.lock().unwrap().write(b) }
    ///     fn flush(&mut self) -> std::io::Result<()> { Ok(()) }
    /// }
    /// let out = Capture::default();
    /// let mut lisp = minilisp::Lisp::new()?;
    /// lisp.set_stdout(Box::new(out.clone()));
    /// lisp.eval("(princ \"hi\") (print 'there)")?;
    /// assert_eq!(String::from_utf8(out.0.lock().unwrap().clone()).unwrap(), "hi\nthere\n");
    /// # Ok::<(), minilisp::LispError>(())
    /// ```
    pub fn set_stdout(&mut self, out: Box<dyn Write + Send>) {
        self.m.stdout = out;
    }

    /// Where `message` writes (standard error by default; see
    /// [`set_stdout`](Lisp::set_stdout) for an example).
    pub fn set_stderr(&mut self, out: Box<dyn Write + Send>) {
        self.m.stderr = out;
    }
}

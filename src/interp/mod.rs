//! The interpreter: one `Interp` owns one heap and everything that refers
//! into it (root stack, dynamic bindings, lexical environment, pending
//! non-local exit). Several interpreters can live in one process, each on
//! its own thread; nothing here is global and mutable.
//!
//! # Rooting rule (read this before writing a built-in)
//! A collection can happen at any allocation (`cons`, `make_string`, ...,
//! and anything that evaluates Lisp). Values reachable from a root survive:
//! symbols, `self.stack`, dynamic bindings, `self.lexenv`, the pending
//! exit, and the arguments of the allocating call itself. A `Value` held in
//! a Rust local across an allocation that is *not* otherwise reachable must
//! be pushed on `self.stack` first (`let slot = self.push_root(v)` ...
//! `self.stack.truncate(slot)`). Built-in arguments are already on the stack.
//! `MINILISP_GC_STRESS=1` collects at every allocation to catch mistakes
//! (minor collections, and a major one every eighth time).

pub mod buffer;
pub mod builtins;
pub mod equal;
pub mod error;
pub mod eval;
pub mod hashtable;
pub mod macroexpand;
pub mod printer;
pub mod reader;
pub mod regex;
pub mod subr;
pub mod symbols;
pub mod unicode;

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::gc::{GcKind, GcStats, Heap, SymFlags, Value};
pub use error::{Flow, LResult};
use symbols as sym;

/// An error that escaped to the embedding Rust code.
///
/// ```
/// let mut lisp = minilisp::Lisp::new()?;
/// let e = lisp.eval("(signal 'wrong-type-argument '(numberp \"x\"))").unwrap_err();
/// assert_eq!(e.message, "Wrong type argument: numberp, \"x\"");
/// assert_eq!(e.object, "(wrong-type-argument numberp \"x\")");
/// assert_eq!(lisp.eval("(kill-emacs 3)").unwrap_err().exit_status, Some(3));
/// # Ok::<(), minilisp::LispError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LispError {
    /// What Emacs would print for it (`error-message-string`).
    pub message: String,
    /// The error object printed with `prin1`, e.g. `(void-variable x)`.
    pub object: String,
    /// Set when the program called `kill-emacs`.
    pub exit_status: Option<i32>,
}

impl std::fmt::Display for LispError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for LispError {}

/// Where `print`/`princ` and `message` write.
pub type Output = Box<dyn Write + Send>;

/// Emacs 28.2's default `max-lisp-eval-depth` (as this Debian build reports it).
pub const DEFAULT_MAX_EVAL_DEPTH: usize = 1600;

pub struct Interp {
    pub heap: Heap,
    /// The root stack: temporaries, evaluated arguments, saved environments.
    pub stack: Vec<Value>,
    /// Dynamic bindings: (symbol, value to restore).
    pub(crate) specpdl: Vec<(Value, Value)>,
    /// The lexical environment, an alist as in Emacs (`(t)` at top level of
    /// lexical code, `nil` for dynamic binding).
    pub lexenv: Value,
    /// Tags of active `catch` forms, innermost last.
    pub(crate) catch_tags: Vec<Value>,
    /// Payload of the non-local exit in flight (see `error.rs`).
    pub(crate) pending: (Value, Value),
    pub(crate) depth: usize,
    pub max_depth: usize,
    pub stdout: Output,
    pub stderr: Output,
    /// `(pdumper-stats)`: set when this interpreter came from a dump.
    pub dump_stats: Option<DumpStats>,
    /// A process-unique number: a handle (`embed::Value`) made by this
    /// interpreter is refused by any other.
    pub(crate) id: u64,
    /// Values held by the embedder's handles; roots that survive errors.
    pub(crate) handles: crate::embed::Handles,
    /// Host functions, indexed by the payload of their immediates (a
    /// loaded dump fixes the order of those it refers to).
    pub(crate) host_fns: Vec<Arc<crate::embed::HostFn>>,
    /// Emacs has one empty string and one empty vector: `(eq "" "")` is t.
    pub(crate) empty_string: Value,
    pub(crate) empty_vector: Value,
    /// The `0.0` that a dump stores in `gc-elapsed`, made once (nil until
    /// the first dump) so that dumping twice allocates nothing new and the
    /// same state gives the same bytes.
    dump_zero: Value,
    /// Something was printed to stdout since the last `message`: Emacs's
    /// batch `message` then starts on a new line (`noninteractive_need_newline`).
    need_newline: bool,
    /// The last character written to stdout (Emacs's `printchar_stdout_last`).
    stdout_last: char,
    /// Set from outside (another thread, a SIGINT handler) to make the
    /// running evaluation signal `quit`: Emacs's `quit-flag`. See
    /// [`Interp::interrupt_flag`].
    interrupt: Arc<AtomicBool>,
    /// The match data of the last successful string search (Emacs's
    /// `search_regs`): character bounds of each group, `None` when unset;
    /// empty before any search. Plain integers, so not a GC root.
    pub(crate) match_data: Vec<Option<(i64, i64)>>,
    /// The buffers (see `buffer.rs`): rooted here, out of a dump's reach.
    pub(crate) buffers: buffer::Buffers,
}

/// What `(pdumper-stats)` reports.
///
/// ```
/// use minilisp::{Lisp, pdump::LoadOptions};
/// let path = std::env::temp_dir().join("minilisp-doc-stats.pdmp");
/// Lisp::new()?.dump(&path)?;
/// let lisp = Lisp::load_dump(&path, &LoadOptions::default())?;
/// let stats = lisp.dump_stats().unwrap();
/// assert!(stats.file_name.ends_with("minilisp-doc-stats.pdmp"));
/// assert!(stats.image_len > 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct DumpStats {
    /// Seconds from opening the file to a running interpreter.
    pub load_seconds: f64,
    /// The dump's absolute path (`<snapshot>` for a snapshot clone).
    pub file_name: String,
    /// False when the image was mapped at its preferred address.
    pub relocated: bool,
    /// Where the heap image lies.
    pub address: usize,
    /// The heap image's length in bytes.
    pub image_len: usize,
    /// How the dump was checked: "full" (every object), "record" (metadata
    /// only: a verification record shows the file unchanged since this
    /// build verified or wrote it), "process" (nothing: this process
    /// verified the same unchanged file before), "trusted" (metadata only, asked for:
    /// `--trust-dump`), or "snapshot" (an instance of an in-memory
    /// snapshot, checked when the snapshot was made).
    pub verified: &'static str,
}

impl Interp {
    /// A bare interpreter: built-ins and standard errors, no prelude.
    pub fn bare() -> Interp {
        let mut heap = Heap::new();
        let empty_string = heap.alloc_string("");
        let empty_vector = heap.alloc_vector(0, Value::NIL);
        let mut interp = Interp::from_heap(heap, empty_string, empty_vector);
        for (i, name) in sym::NAMES.iter().enumerate() {
            let s = interp.heap.symbols.intern(name);
            assert_eq!(s.as_symbol(), Some(i as u32), "well-known symbol {name} out of order");
        }
        subr::install(&mut interp);
        interp.define_standard_errors();
        builtins::init_variables(&mut interp);
        interp
    }

    /// An interpreter around an existing heap (booted, or loaded from a
    /// dump) whose shared empty string and vector are given.
    pub(crate) fn from_heap(mut heap: Heap, empty_string: Value, empty_vector: Value) -> Interp {
        heap.stress = std::env::var("MINILISP_GC_STRESS").is_ok_and(|v| v == "1");
        Interp {
            heap,
            stack: Vec::with_capacity(1024),
            specpdl: Vec::new(),
            lexenv: Value::NIL,
            catch_tags: Vec::new(),
            pending: (Value::NIL, Value::NIL),
            depth: 0,
            max_depth: DEFAULT_MAX_EVAL_DEPTH,
            stdout: Box::new(std::io::stdout()),
            stderr: Box::new(std::io::stderr()),
            dump_stats: None,
            id: crate::embed::next_interp_id(),
            handles: Default::default(),
            host_fns: Vec::new(),
            empty_string,
            empty_vector,
            dump_zero: Value::NIL,
            need_newline: false,
            interrupt: Arc::new(AtomicBool::new(false)),
            stdout_last: '\0',
            match_data: Vec::new(),
            buffers: buffer::Buffers::default(),
        }
    }

    /// An interpreter with the prelude evaluated from the embedded sources.
    pub fn new() -> Result<Interp, LispError> {
        let mut interp = Interp::bare();
        interp.load_prelude()?;
        Ok(interp)
    }

    /// Evaluates the embedded `lisp/` prelude.
    pub fn load_prelude(&mut self) -> Result<(), LispError> {
        for (name, src) in builtins::PRELUDE {
            self.eval_source(src, name).map_err(|e| LispError {
                message: format!("prelude {name}: {}", e.message),
                ..e
            })?;
        }
        Ok(())
    }

    /// Reads and evaluates every form of `src` as a lexical-binding file
    /// would be loaded; returns the value of the last form.
    pub fn eval_source(&mut self, src: &str, file_name: &str) -> Result<Value, LispError> {
        let r = builtins::load::eval_source(self, src, file_name);
        self.to_lisp_error(r)
    }

    /// Evaluates one expression given as text (lexical binding).
    pub fn eval_str(&mut self, src: &str) -> Result<Value, LispError> {
        self.eval_source(src, "--eval")
    }

    /// Turns an escaped non-local exit into a `LispError` and resets the
    /// evaluator state so the interpreter can go on.
    #[allow(clippy::wrong_self_convention)] // converts `r`, not `self`, and resets `self`: needs `&mut`
    pub fn to_lisp_error(&mut self, r: LResult) -> Result<Value, LispError> {
        match r {
            Ok(v) => Ok(v),
            Err(flow) => {
                let (a, b) = self.pending;
                let err = match flow {
                    Flow::Throw => {
                        // An uncaught throw surfaces as no-catch, as in Emacs.
                        self.signal_list(sym::NO_CATCH, &[a, b]);
                        self.pending_pair()
                    }
                    _ => self.cons(a, b),
                };
                let exit_status = (flow == Flow::Exit).then(|| b.as_fixnum().unwrap_or(0) as i32);
                let e = LispError {
                    message: self.error_message_string(err),
                    object: self.prin1_to_string(err),
                    exit_status,
                };
                self.reset_after_error();
                Err(e)
            }
        }
    }

    /// Restores top-level state after an error escaped to Rust.
    pub fn reset_after_error(&mut self) {
        self.unbind_to(0);
        self.stack.clear();
        self.catch_tags.clear();
        self.lexenv = Value::NIL;
        self.depth = 0;
        self.pending = (Value::NIL, Value::NIL);
    }

    // ---- allocation (may collect) ----

    /// Runs a full collection; `extra` are additional roots. Updates
    /// `gcs-done` and `gc-elapsed`.
    pub fn gc(&mut self, extra: &[Value]) -> GcStats {
        self.gc_of_kind(extra, GcKind::Major)
    }

    /// Runs a collection of the given kind, counted in `gcs-done` and
    /// `gc-elapsed`.
    pub fn gc_of_kind(&mut self, extra: &[Value], kind: GcKind) -> GcStats {
        let stats = self.collect_of_kind(extra, kind);
        let (count, seconds) = (self.heap.gc_count, self.heap.gc_seconds);
        let _ = self.set_symbol_value(sym::GCS_DONE, Value::fixnum(count as i64));
        let elapsed = self.heap.alloc_float(seconds);
        let _ = self.set_symbol_value(sym::GC_ELAPSED, elapsed);
        stats
    }

    /// The interrupt flag, to be set from another thread or a signal
    /// handler (`signal_hook::flag::register(SIGINT, flag)`): the running
    /// evaluation then signals `quit` (a non-`error` condition, as Emacs's
    /// C-g) at its next function call or loop iteration, and the flag is
    /// cleared. Long-running built-ins are not interrupted midway.
    pub fn interrupt_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.interrupt)
    }

    /// Signals `quit` if the interrupt flag is set (Emacs's `maybe_quit`).
    #[inline(always)]
    pub(crate) fn maybe_quit(&mut self) -> LResult<()> {
        if self.interrupt.load(Ordering::Relaxed) { Err(self.quit()) } else { Ok(()) }
    }

    #[cold]
    fn quit(&mut self) -> Flow {
        self.interrupt.store(false, Ordering::Relaxed);
        self.signal(sym::QUIT, Value::NIL)
    }

    /// The values of `gcs-done` and `gc-elapsed` and the heap's counters.
    pub(crate) fn save_gc_counters(&self) -> (Value, Value, u64, f64) {
        let (a, b) = (self.symbol_value(sym::GCS_DONE), self.symbol_value(sym::GC_ELAPSED));
        (a, b, self.heap.gc_count, self.heap.gc_seconds)
    }

    pub(crate) fn restore_gc_counters(&mut self, (a, b, count, secs): (Value, Value, u64, f64)) {
        let _ = self.set_symbol_value(sym::GCS_DONE, a);
        let _ = self.set_symbol_value(sym::GC_ELAPSED, b);
        self.heap.gc_count = count;
        self.heap.gc_seconds = secs;
    }

    /// Takes a loaded dump's `gc-elapsed` (the `0.0` its writer stored) as
    /// the zero to store again, so a dump of a loaded dump adds no float.
    pub(crate) fn adopt_dump_zero(&mut self) {
        let v = self.symbol_value(sym::GC_ELAPSED);
        if v.is_float() && self.heap.float(v).to_bits() == 0 {
            self.dump_zero = v;
        }
    }

    /// Sets `gcs-done` and `gc-elapsed` to zero (a fresh start).
    pub(crate) fn reset_gc_counters(&mut self) {
        // First the one allocation (which may collect and count it).
        if self.dump_zero.is_nil() {
            self.dump_zero = self.make_float(0.0);
        }
        self.heap.gc_count = 0;
        self.heap.gc_seconds = 0.0;
        let _ = self.set_symbol_value(sym::GCS_DONE, Value::fixnum(0));
        let _ = self.set_symbol_value(sym::GC_ELAPSED, self.dump_zero);
    }

    /// A full collection that leaves the Lisp-visible counters alone (the
    /// dumper's, so that dumping the same state twice gives the same bytes).
    pub(crate) fn collect(&mut self, extra: &[Value]) -> GcStats {
        self.collect_of_kind(extra, GcKind::Major)
    }

    fn collect_of_kind(&mut self, extra: &[Value], kind: GcKind) -> GcStats {
        let heap = &mut self.heap;
        heap.begin_gc(kind);
        for &v in extra {
            heap.mark(v);
        }
        for &v in &self.stack {
            heap.mark(v);
        }
        for &(s, v) in &self.specpdl {
            heap.mark(s);
            heap.mark(v);
        }
        for &v in &self.catch_tags {
            heap.mark(v);
        }
        for &v in self.handles.lock().values() {
            heap.mark(v);
        }
        for v in self.buffers.roots() {
            heap.mark(v);
        }
        heap.mark(self.empty_string);
        heap.mark(self.empty_vector);
        heap.mark(self.dump_zero);
        heap.mark(self.lexenv);
        heap.mark(self.pending.0);
        heap.mark(self.pending.1);
        heap.finish_gc()
    }

    #[inline(always)]
    fn maybe_gc(&mut self, extra: &[Value]) {
        if self.heap.needs_gc() {
            let kind = self.heap.next_gc_kind();
            self.gc_of_kind(extra, kind);
        }
    }

    #[inline]
    pub fn cons(&mut self, car: Value, cdr: Value) -> Value {
        self.maybe_gc(&[car, cdr]);
        self.heap.alloc_cons(car, cdr)
    }

    /// `((key . value) . rest)` in one step (both conses or neither).
    #[inline]
    pub fn acons(&mut self, key: Value, value: Value, rest: Value) -> Value {
        self.maybe_gc(&[key, value, rest]);
        let pair = self.heap.alloc_cons(key, value);
        self.heap.alloc_cons(pair, rest)
    }

    pub fn make_float(&mut self, f: f64) -> Value {
        self.maybe_gc(&[]);
        self.heap.alloc_float(f)
    }

    pub fn make_string(&mut self, s: &str) -> Value {
        if s.is_empty() {
            return self.empty_string;
        }
        self.maybe_gc(&[]);
        self.heap.alloc_string(s)
    }

    pub fn make_vector(&mut self, len: usize, init: Value) -> Value {
        if len == 0 {
            return self.empty_vector;
        }
        self.maybe_gc(&[init]);
        self.heap.alloc_vector(len, init)
    }

    /// A vector of `items`, which are rooted for the allocation.
    pub fn vector_from(&mut self, items: &[Value]) -> Value {
        if items.is_empty() {
            return self.empty_vector;
        }
        self.maybe_gc(items);
        self.heap.alloc_vector_from(items)
    }

    /// A record of `items` (slot 0 is the type), which are rooted for the
    /// allocation. `items` must not be empty.
    pub fn record_from(&mut self, items: &[Value]) -> Value {
        debug_assert!(!items.is_empty());
        self.maybe_gc(items);
        self.heap.alloc_record_from(items)
    }

    pub fn make_bignum(&mut self, negative: bool, limbs: &[u64]) -> Value {
        self.maybe_gc(&[]);
        self.heap.alloc_bignum(negative, limbs)
    }

    /// A host object holding `value`, of Lisp type `type_name` (see
    /// `embed::object`).
    pub(crate) fn make_host_object(
        &mut self,
        value: Arc<dyn std::any::Any + Send + Sync>,
        type_name: &'static str,
    ) -> Value {
        self.maybe_gc(&[]);
        self.heap.alloc_host_object(value, type_name)
    }

    pub fn make_hash_table(&mut self, test: crate::gc::HashTest, size: usize) -> Value {
        self.maybe_gc(&[]);
        self.heap.alloc_hash_table(test, size)
    }

    /// A fresh list of `items` (rooted while it is built).
    pub fn list(&mut self, items: &[Value]) -> Value {
        self.list_with_tail(items, Value::NIL)
    }

    /// `(items... . tail)`.
    pub fn list_with_tail(&mut self, items: &[Value], tail: Value) -> Value {
        let base = self.stack.len();
        self.stack.extend_from_slice(items);
        self.stack.push(tail);
        for i in (0..items.len()).rev() {
            let acc = self.stack[base + items.len()];
            let x = self.stack[base + i];
            self.stack[base + items.len()] = self.cons(x, acc);
        }
        let r = self.stack[base + items.len()];
        self.stack.truncate(base);
        r
    }

    /// Pushes `v` on the root stack and returns its slot.
    #[inline]
    pub fn push_root(&mut self, v: Value) -> usize {
        self.stack.push(v);
        self.stack.len() - 1
    }

    // ---- symbols ----

    pub fn intern(&mut self, name: &str) -> Value {
        self.heap.symbols.intern(name)
    }

    pub fn symbol_name(&self, s: Value) -> &str {
        self.heap.symbols.name(s.as_symbol().expect("symbol"))
    }

    pub fn is_special(&self, s: Value) -> bool {
        self.heap.symbols.get(s.as_symbol().unwrap()).flags.contains(SymFlags::SPECIAL)
    }

    pub fn set_special(&mut self, s: Value) {
        self.heap.symbols.get_mut(s.as_symbol().unwrap()).flags |= SymFlags::SPECIAL;
    }

    pub fn is_constant(&self, s: Value) -> bool {
        self.heap.symbols.get(s.as_symbol().unwrap()).flags.contains(SymFlags::CONSTANT)
    }

    /// The global (or innermost dynamic) value; `UNBOUND` if void.
    #[inline]
    pub fn symbol_value(&self, s: Value) -> Value {
        self.heap.symbols.get(s.as_symbol().unwrap()).value
    }

    /// Sets a symbol's dynamic value, refusing constants.
    pub fn set_symbol_value(&mut self, s: Value, v: Value) -> LResult<()> {
        if self.is_constant(s) {
            return Err(self.setting_constant(s));
        }
        self.heap.symbols.get_mut(s.as_symbol().unwrap()).value = v;
        self.variable_changed(s);
        Ok(())
    }

    /// Refreshes what the runtime caches of a variable's value (Emacs's
    /// variable watchers on `max-lisp-eval-depth`, `gc-cons-threshold`,
    /// `gc-cons-percentage`); called on every set, bind and unbind.
    #[inline(always)]
    fn variable_changed(&mut self, s: Value) {
        if s == sym::MAX_LISP_EVAL_DEPTH {
            self.refresh_depth_limit();
        } else if s == sym::GC_CONS_THRESHOLD || s == sym::GC_CONS_PERCENTAGE {
            self.refresh_gc_pacing();
        }
    }

    /// Hands `gc-cons-threshold` and `gc-cons-percentage` to the heap,
    /// which recomputes its allocation budget at once (see `gc::pacing`).
    /// A threshold that is not an integer is ignored (the last one stays);
    /// a negative one counts as 0 and a bignum as unlimited, so
    /// `most-positive-fixnum` and beyond cannot overflow. A percentage
    /// that is not a float is ignored, as in Emacs.
    pub(crate) fn refresh_gc_pacing(&mut self) {
        let t = self.symbol_value(sym::GC_CONS_THRESHOLD);
        let threshold = if let Some(n) = t.as_fixnum() {
            usize::try_from(n).unwrap_or(0)
        } else if self.heap.is_bignum(t) {
            if self.heap.bignum(t).0 { 0 } else { usize::MAX }
        } else {
            self.heap.pacing.threshold
        };
        let p = self.symbol_value(sym::GC_CONS_PERCENTAGE);
        let percentage = p.is_float().then(|| self.heap.float(p));
        self.heap.set_gc_pacing(threshold, percentage);
    }

    #[inline]
    pub fn symbol_function(&self, s: Value) -> Value {
        self.heap.symbols.get(s.as_symbol().unwrap()).function
    }

    pub fn set_symbol_function(&mut self, s: Value, f: Value) {
        self.heap.symbols.get_mut(s.as_symbol().unwrap()).function = f;
    }

    /// `(get SYMBOL PROP)`.
    pub fn get(&self, s: Value, prop: Value) -> Value {
        let Some(i) = s.as_symbol() else { return Value::NIL };
        let mut pl = self.heap.symbols.get(i).plist;
        while pl.is_cons() {
            let k = self.heap.car(pl);
            let rest = self.heap.cdr(pl);
            if !rest.is_cons() {
                break;
            }
            if k == prop {
                return self.heap.car(rest);
            }
            pl = self.heap.cdr(rest);
        }
        Value::NIL
    }

    /// `(put SYMBOL PROP VALUE)`.
    pub fn put(&mut self, s: Value, prop: Value, value: Value) {
        let i = s.as_symbol().unwrap();
        let mut pl = self.heap.symbols.get(i).plist;
        while pl.is_cons() {
            let rest = self.heap.cdr(pl);
            if !rest.is_cons() {
                break;
            }
            if self.heap.car(pl) == prop {
                self.heap.set_car(rest, value);
                return;
            }
            pl = self.heap.cdr(rest);
        }
        let old = self.heap.symbols.get(i).plist;
        let tail = self.cons(value, Value::NIL);
        let slot = self.push_root(tail);
        let head = self.cons(prop, tail);
        self.stack.truncate(slot);
        // Append at the end, as Emacs does, so plists print in insertion order.
        if old.is_cons() {
            let mut last = old;
            while self.heap.cdr(last).is_cons() {
                last = self.heap.cdr(last);
            }
            self.heap.set_cdr(last, head);
        } else {
            self.heap.symbols.get_mut(i).plist = head;
        }
    }

    // ---- dynamic binding ----

    /// Binds `s` dynamically to `v` until `unbind_to` pops it.
    pub fn specbind(&mut self, s: Value, v: Value) -> LResult<()> {
        if self.is_constant(s) {
            return Err(self.setting_constant(s));
        }
        let old = self.symbol_value(s);
        self.specpdl.push((s, old));
        self.heap.symbols.get_mut(s.as_symbol().unwrap()).value = v;
        self.variable_changed(s);
        Ok(())
    }

    pub fn specpdl_depth(&self) -> usize {
        self.specpdl.len()
    }

    /// Undoes dynamic bindings down to `depth`.
    pub fn unbind_to(&mut self, depth: usize) {
        while self.specpdl.len() > depth {
            let (s, old) = self.specpdl.pop().unwrap();
            self.heap.symbols.get_mut(s.as_symbol().unwrap()).value = old;
            self.variable_changed(s);
        }
    }

    // ---- printing shortcuts ----

    pub fn prin1_to_string(&self, v: Value) -> String {
        printer::to_string(self, v, true)
    }

    pub fn princ_to_string(&self, v: Value) -> String {
        printer::to_string(self, v, false)
    }

    /// Writes to standard output, as `print`/`princ` do.
    pub fn write_stdout(&mut self, s: &str) {
        if let Some(c) = s.chars().next_back() {
            self.need_newline = true;
            self.stdout_last = c;
        }
        let _ = self.stdout.write_all(s.as_bytes());
    }

    /// True if nothing was printed to stdout yet or the last text ended a line.
    pub fn stdout_at_line_start(&self) -> bool {
        self.stdout_last == '\n'
    }

    /// Writes `line` and a newline to stderr as batch `message` does:
    /// preceded by a newline if stdout was written since the last message.
    pub fn message_line(&mut self, line: &str) {
        let nl = if std::mem::take(&mut self.need_newline) { "\n" } else { "" };
        self.write_stderr(&format!("{nl}{line}\n"));
    }

    /// Writes a line to standard error, as `message` does in batch mode.
    pub fn write_stderr(&mut self, s: &str) {
        let _ = self.stdout.flush();
        let _ = self.stderr.write_all(s.as_bytes());
        let _ = self.stderr.flush();
    }

    // ---- list helpers ----

    /// The elements of a proper list (signals `wrong-type-argument listp`).
    /// The returned values are reachable from `list` as long as it is.
    /// A circular list signals `circular-list` (it would grow the vector
    /// until memory runs out).
    pub fn list_to_vec(&mut self, list: Value) -> LResult<Vec<Value>> {
        let mut out = Vec::new();
        let mut l = list;
        let mut tails = builtins::sequences::Tails::new(l);
        while l.is_cons() {
            out.push(self.heap.car(l));
            l = self.heap.cdr(l);
            if tails.advance(l) {
                return Err(builtins::sequences::circular(self, l));
            }
        }
        if !l.is_nil() {
            return Err(self.wrong_type(sym::LISTP, list));
        }
        Ok(out)
    }
}

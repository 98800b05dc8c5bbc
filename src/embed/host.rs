//! Host functions: Rust closures callable from Lisp.
//!
//! A host function is an immediate value (`gc::Value::host_fn(i)`) naming
//! slot `i` of its interpreter's host table, so a dump stores it as a plain
//! word and records the table itself: each function's name and arity. A
//! load looks every recorded name up in the embedder's [`HostFunctions`]
//! and refuses the dump, naming each one, if any is missing or changed its
//! arity (the closures themselves are code, which no image can carry).
//!
//! A call from Lisp ([`call`]) finds the arguments already on the root
//! stack (padded with nil up to the arity, as for built-ins), converts them
//! with [`FromArgs`], runs the closure inside `catch_unwind` (a panic
//! becomes a Lisp `error`; it never unwinds through the evaluator) and
//! converts the result back.

use std::any::Any;
use std::fmt;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use super::Value;
use super::convert::{ArgKind, FromArgs, FromLisp, IntoArgs, IntoLisp};
use crate::gc;
use crate::interp::symbols as sym;
use crate::interp::{Flow, Interp, LResult};

type Callback = dyn Fn(&mut Ctx<'_>, &[gc::Value]) -> LResult + Send + Sync;

/// One registered host function.
pub(crate) struct HostFn {
    pub(crate) name: String,
    pub(crate) min: u16,
    /// `None` means `&rest`.
    pub(crate) max: Option<u16>,
    call: Box<Callback>,
}

impl HostFn {
    /// What a dump records of it.
    pub(crate) fn signature(&self) -> (&str, u16, Option<u16>) {
        (&self.name, self.min, self.max)
    }
}

impl fmt::Debug for HostFn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({} .. {:?})", self.name, self.min, self.max)
    }
}

/// The arity `(min, max)` of a parameter list; `max` is `None` for `&rest`.
///
/// # Panics
/// If a required parameter follows an optional one, or `Rest` is not last.
fn arity(name: &str, kinds: &[ArgKind]) -> (u16, Option<u16>) {
    let mut min = 0u16;
    let mut seen_optional = false;
    for (i, k) in kinds.iter().enumerate() {
        match k {
            ArgKind::Required => {
                assert!(!seen_optional, "host function {name}: a required parameter follows an optional one");
                min += 1;
            }
            ArgKind::Optional => seen_optional = true,
            ArgKind::Rest => {
                assert!(i + 1 == kinds.len(), "host function {name}: Rest must be the last parameter");
                return (min, None);
            }
        }
    }
    (min, Some(kinds.len() as u16))
}

/// What a host function may return: a value ([`IntoLisp`], or `()` for
/// nil), or a `Result` of one whose error becomes a Lisp signal (see
/// [`HostFunctions::register`]).
pub trait HostResult: sealed::Sealed {
    #[doc(hidden)]
    #[allow(private_interfaces)]
    fn into_result(self, cx: &mut Ctx<'_>) -> LResult;
}

mod sealed {
    pub trait Sealed {}
}

impl<T: IntoLisp> sealed::Sealed for T {}
impl<T: IntoLisp> HostResult for T {
    #[allow(private_interfaces)]
    fn into_result(self, cx: &mut Ctx<'_>) -> LResult {
        self.into_lisp(cx.m)
    }
}
impl sealed::Sealed for () {}
impl HostResult for () {
    #[allow(private_interfaces)]
    fn into_result(self, _: &mut Ctx<'_>) -> LResult {
        Ok(gc::Value::NIL)
    }
}
impl<T: HostResult, E: Into<Signal>> sealed::Sealed for Result<T, E> {}
impl<T: HostResult, E: Into<Signal>> HostResult for Result<T, E> {
    #[allow(private_interfaces)]
    fn into_result(self, cx: &mut Ctx<'_>) -> LResult {
        match self {
            Ok(x) => x.into_result(cx),
            Err(e) => Err(e.into().raise(cx.m)),
        }
    }
}

/// A set of host functions, registered once and given to every
/// interpreter that needs them: to a fresh one ([`Lisp::install`](crate::Lisp::install)),
/// and to the load of a dump that refers to them
/// ([`LoadOptions::host`](crate::pdump::LoadOptions::host)). Cloning is cheap
/// (the closures are shared).
///
/// ```
/// use minilisp::{HostFunctions, Lisp};
/// let mut host = HostFunctions::new();
/// host.register("greet", |_, name: String| format!("hello, {name}"));
/// let mut lisp = Lisp::new()?;
/// lisp.install(&host);
/// assert_eq!(lisp.eval_to::<String>(r#"(greet "world")"#)?, "hello, world");
/// # Ok::<(), minilisp::LispError>(())
/// ```
#[derive(Clone, Default, Debug)]
pub struct HostFunctions {
    pub(crate) fns: Vec<Arc<HostFn>>,
}

impl HostFunctions {
    /// An empty set.
    pub fn new() -> HostFunctions {
        HostFunctions::default()
    }

    /// Adds (or replaces) the function `name`. Its parameters are the
    /// closure's second argument: one type or a tuple of them, each
    /// [`FromLisp`] (required), `Option<T>` (`&optional`) or
    /// [`Rest<T>`](crate::Rest) (`&rest`). It returns any [`IntoLisp`], `()`,
    /// or a `Result` whose error is a [`Signal`] (or any
    /// `std::error::Error`, which becomes `(error "its message")`).
    ///
    /// # Panics
    /// If a required parameter follows an optional one, `Rest` is not
    /// last, or `name` is empty.
    ///
    /// ```
    /// use minilisp::{HostFunctions, Lisp, Rest};
    /// let mut host = HostFunctions::new();
    /// host.register("clamp", |_, (x, lo, hi): (i64, Option<i64>, Option<i64>)| {
    ///     x.max(lo.unwrap_or(i64::MIN)).min(hi.unwrap_or(i64::MAX))
    /// });
    /// host.register("max-of", |_, (first, Rest(more)): (f64, Rest<f64>)| more.into_iter().fold(first, f64::max));
    /// let mut lisp = Lisp::new()?;
    /// lisp.install(&host);
    /// assert_eq!(lisp.eval_to::<i64>("(clamp 15 0 10)")?, 10);
    /// assert_eq!(lisp.eval_to::<i64>("(clamp -5 0)")?, 0);
    /// assert_eq!(lisp.eval_to::<f64>("(max-of 1 2.5 2)")?, 2.5);
    /// assert_eq!(lisp.eval_to::<String>("(prin1-to-string (func-arity 'clamp))")?, "(1 . 3)");
    /// # Ok::<(), minilisp::LispError>(())
    /// ```
    pub fn register<A, R, F>(&mut self, name: &str, f: F) -> &mut Self
    where
        A: FromArgs,
        R: HostResult,
        F: Fn(&mut Ctx<'_>, A) -> R + Send + Sync + 'static,
    {
        assert!(!name.is_empty(), "a host function needs a name");
        let (min, max) = arity(name, &A::kinds());
        let call = move |cx: &mut Ctx<'_>, args: &[gc::Value]| {
            let a = A::from_args(cx.m, args)?;
            f(cx, a).into_result(cx)
        };
        let hf = Arc::new(HostFn { name: name.to_owned(), min, max, call: Box::new(call) });
        match self.fns.iter_mut().find(|h| h.name == name) {
            Some(slot) => *slot = hf,
            None => self.fns.push(hf),
        }
        self
    }

    /// The registered function `name`.
    pub(crate) fn get(&self, name: &str) -> Option<&Arc<HostFn>> {
        self.fns.iter().find(|h| h.name == name)
    }

    /// The names, in registration order.
    ///
    /// ```
    /// let mut host = minilisp::HostFunctions::new();
    /// host.register("b", |_, ()| 1).register("a", |_, ()| 2);
    /// assert_eq!(host.names().collect::<Vec<_>>(), ["b", "a"]);
    /// ```
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.fns.iter().map(|h| h.name.as_str())
    }
}

/// Makes `f` the function of symbol `f.name` in `m` (replacing a host
/// function of the same name in place, so values naming it stay valid).
pub(crate) fn install(m: &mut Interp, f: &Arc<HostFn>) {
    let index = match m.host_fns.iter().position(|h| h.name == f.name) {
        Some(i) => {
            m.host_fns[i] = Arc::clone(f);
            i
        }
        None => {
            m.host_fns.push(Arc::clone(f));
            m.host_fns.len() - 1
        }
    };
    let symbol = m.intern(&f.name);
    m.set_symbol_function(symbol, gc::Value::host_fn(index as u32));
}

/// Calls host function `id` with the arguments at `stack[base..]`; the
/// caller truncates the stack afterwards. `who` names the function in a
/// `wrong-number-of-arguments` error (the symbol called, or the function).
pub(crate) fn call(m: &mut Interp, id: u32, base: usize, who: gc::Value) -> LResult {
    let Some(f) = m.host_fns.get(id as usize).cloned() else {
        return Err(m.signal_list(sym::INVALID_FUNCTION, &[gc::Value::host_fn(id)]));
    };
    let nargs = m.stack.len() - base;
    if nargs < f.min as usize || f.max.is_some_and(|x| nargs > x as usize) {
        return Err(m.wrong_number_of_args(who, nargs));
    }
    if let Some(x) = f.max {
        m.stack.resize(base + x as usize, gc::Value::NIL);
    }
    // The arguments stay on the root stack for the whole call.
    let args: smallvec::SmallVec<[gc::Value; 8]> = smallvec::SmallVec::from_slice(&m.stack[base..]);
    let mut cx = Ctx { m };
    match catch_unwind(AssertUnwindSafe(|| (f.call)(&mut cx, &args))) {
        Ok(r) => r,
        Err(panic) => {
            let msg = format!("Host function {} panicked: {}", f.name, panic_message(&*panic));
            Err(cx.m.error(&msg))
        }
    }
}

fn panic_message(p: &(dyn Any + Send)) -> &str {
    p.downcast_ref::<&str>().copied().or_else(|| p.downcast_ref::<String>().map(|s| s.as_str())).unwrap_or("(no message)")
}

/// The interpreter as a host function sees it: call back into Lisp,
/// convert values, signal errors. Given as `&mut Ctx` for one call only.
///
/// ```
/// use minilisp::{Lisp, Signal, Value};
/// let mut lisp = Lisp::new()?;
/// // (host-filter PRED LIST): the elements for which PRED, a Lisp function, is non-nil.
/// lisp.register("host-filter", |cx, (pred, xs): (Value, Vec<Value>)| -> Result<Vec<Value>, Signal> {
///     let mut kept = Vec::new();
///     for x in xs {
///         let keep = cx.call(&pred, &x)?;
///         if cx.get::<bool>(&keep)? {
///             kept.push(x);
///         }
///     }
///     Ok(kept)
/// });
/// let v = lisp.eval("(host-filter (lambda (x) (= (% x 2) 0)) '(1 2 3 4))")?;
/// assert_eq!(lisp.prin1(&v), "(2 4)");
/// # Ok::<(), minilisp::LispError>(())
/// ```
pub struct Ctx<'a> {
    pub(crate) m: &'a mut Interp,
}

impl Ctx<'_> {
    /// Calls `f` (a function value, or the name of a function) with `args`.
    /// An error or `throw` inside comes back as a [`Signal`] which, returned
    /// from the host function, goes on unwinding as it would have.
    ///
    /// ```
    /// let mut lisp = minilisp::Lisp::new()?;
    /// lisp.register("host-twice", |cx, f: minilisp::Value| -> Result<minilisp::Value, minilisp::Signal> {
    ///     let once = cx.call(&f, 1)?;
    ///     cx.call(&f, once)
    /// });
    /// assert_eq!(lisp.eval_to::<i64>("(host-twice (lambda (x) (* x 10)))")?, 100);
    /// // A throw passes through the host function.
    /// assert_eq!(lisp.eval_to::<i64>("(catch 'done (host-twice (lambda (x) (throw 'done 7))))")?, 7);
    /// # Ok::<(), minilisp::LispError>(())
    /// ```
    pub fn call(&mut self, f: impl Callee, args: impl IntoArgs) -> Result<Value, Signal> {
        let r = call_lisp(self.m, f, args);
        self.finish(r)
    }

    /// Evaluates `src` (all its forms, lexical binding); the last value.
    ///
    /// ```
    /// let mut lisp = minilisp::Lisp::new()?;
    /// lisp.register("host-eval-twice", |cx, src: String| -> Result<i64, minilisp::Signal> {
    ///     let a = cx.eval(&src)?;
    ///     let b = cx.eval(&src)?;
    ///     Ok(cx.get::<i64>(&a)? + cx.get::<i64>(&b)?)
    /// });
    /// lisp.eval("(defvar n 0)")?;
    /// assert_eq!(lisp.eval_to::<i64>("(host-eval-twice \"(setq n (1+ n))\")")?, 3);
    /// # Ok::<(), minilisp::LispError>(())
    /// ```
    pub fn eval(&mut self, src: &str) -> Result<Value, Signal> {
        let r = crate::interp::builtins::load::eval_source(self.m, src, "--eval");
        self.finish(r)
    }

    /// Converts `v` to a Rust value (see [`Ctx`] for an example).
    pub fn get<T: FromLisp>(&mut self, v: &Value) -> Result<T, Signal> {
        let raw = v.get(self.m);
        let r = T::from_lisp(self.m, raw);
        r.map_err(|flow| Signal::pending(self.m, flow))
    }

    /// Converts `x` to a Lisp value, rooted.
    ///
    /// ```
    /// let mut lisp = minilisp::Lisp::new()?;
    /// lisp.register("host-pair", |cx, ()| -> Result<String, minilisp::Signal> {
    ///     let v = cx.value(vec!["a", "b"])?;
    ///     Ok(cx.prin1(&v))
    /// });
    /// assert_eq!(lisp.eval_to::<String>("(host-pair)")?, "(\"a\" \"b\")");
    /// # Ok::<(), minilisp::LispError>(())
    /// ```
    pub fn value(&mut self, x: impl IntoLisp) -> Result<Value, Signal> {
        let r = x.into_lisp(self.m);
        self.finish(r)
    }

    /// `v` as `prin1` prints it (see [`value`](Ctx::value)).
    pub fn prin1(&self, v: &Value) -> String {
        self.m.prin1_to_string(v.get(self.m))
    }

    /// `v` as `princ` prints it.
    pub fn princ(&self, v: &Value) -> String {
        self.m.princ_to_string(v.get(self.m))
    }

    /// A signal of error `symbol` with `data` (usually a list), for the
    /// host function to return.
    ///
    /// ```
    /// let mut lisp = minilisp::Lisp::new()?;
    /// lisp.register("host-open", |cx, name: String| -> Result<(), minilisp::Signal> {
    ///     Err(cx.signal("file-missing", vec!["Opening input file", "No such file or directory", &name]))
    /// });
    /// let e = lisp.eval("(host-open \"/nope\")").unwrap_err();
    /// assert_eq!(e.message, "Opening input file: No such file or directory, /nope");
    /// # Ok::<(), minilisp::LispError>(())
    /// ```
    pub fn signal(&mut self, symbol: &str, data: impl IntoLisp) -> Signal {
        let s = self.m.intern(symbol);
        match data.into_lisp(self.m) {
            Ok(d) => {
                let flow = self.m.signal(s, d);
                Signal::pending(self.m, flow)
            }
            Err(flow) => Signal::pending(self.m, flow),
        }
    }

    /// Signals `quit` if the interpreter was interrupted
    /// ([`Lisp::interrupt_flag`](crate::Lisp::interrupt_flag)): a long
    /// host function calls this now and then (see
    /// [`Lisp::interrupt_flag`](crate::Lisp::interrupt_flag)).
    pub fn check_interrupt(&mut self) -> Result<(), Signal> {
        self.m.maybe_quit().map_err(|flow| Signal::pending(self.m, flow))
    }

    fn finish(&mut self, r: LResult) -> Result<Value, Signal> {
        match r {
            Ok(v) => Ok(Value::new(self.m, v)),
            Err(flow) => Err(Signal::pending(self.m, flow)),
        }
    }
}

/// Something callable: a function [`Value`] or a function's name (see
/// [`Lisp::call`](crate::Lisp::call)).
pub trait Callee: sealed::Sealed {
    #[doc(hidden)]
    #[allow(private_interfaces)]
    fn function(&self, m: &mut Interp) -> gc::Value;
}
impl Callee for &Value {
    #[allow(private_interfaces)]
    fn function(&self, m: &mut Interp) -> gc::Value {
        self.get(m)
    }
}
impl Callee for &str {
    #[allow(private_interfaces)]
    fn function(&self, m: &mut Interp) -> gc::Value {
        m.intern(self)
    }
}

/// Calls `f` with `args`, each converted and rooted on the stack.
pub(crate) fn call_lisp(m: &mut Interp, f: impl Callee, args: impl IntoArgs) -> LResult {
    let f = f.function(m);
    let base = m.push_root(f);
    let r = args.push_args(m).and_then(|()| m.call_on_stack(base));
    m.stack.truncate(base);
    r
}

/// A Lisp error (or `throw`) on its way out of a host function.
///
/// Make one with [`Signal::error`] (`(error "message")`), with
/// [`Ctx::signal`] (any condition), or with `?` on any `std::error::Error`.
/// An error from a call back into Lisp ([`Ctx::call`]) is a `Signal` too:
/// returned, it goes on as the original error, `throw` included.
///
/// ```
/// use minilisp::{Lisp, Signal};
/// let mut lisp = Lisp::new()?;
/// lisp.register("parse-port", |_, s: String| -> Result<u16, Signal> {
///     let port: u16 = s.parse()?; // a ParseIntError becomes (error "...")
///     if port < 1024 { return Err(Signal::error(format!("port {port} is privileged"))) }
///     Ok(port)
/// });
/// assert_eq!(lisp.eval_to::<u16>("(parse-port \"8080\")")?, 8080);
/// assert_eq!(lisp.eval("(parse-port \"80\")").unwrap_err().message, "port 80 is privileged");
/// assert_eq!(lisp.eval("(parse-port \"x\")").unwrap_err().message, "invalid digit found in string");
/// # Ok::<(), minilisp::LispError>(())
/// ```
pub struct Signal(SignalKind);

enum SignalKind {
    /// `(error MESSAGE)`.
    Error(String),
    /// A non-local exit that already started: its kind and payload (rooted).
    Pending { flow: Flow, payload: (Value, Value) },
}

impl Signal {
    /// `(error MESSAGE)` (see [`Signal`]).
    pub fn error(message: impl Into<String>) -> Signal {
        Signal(SignalKind::Error(message.into()))
    }

    /// Captures the exit in flight in `m` (its payload rooted by handles).
    fn pending(m: &mut Interp, flow: Flow) -> Signal {
        let (a, b) = m.pending;
        let payload = (Value::new(m, a), Value::new(m, b));
        Signal(SignalKind::Pending { flow, payload })
    }

    /// Starts (or resumes) the exit in `m`.
    pub(crate) fn raise(self, m: &mut Interp) -> Flow {
        match self.0 {
            SignalKind::Error(msg) => m.error(&msg),
            SignalKind::Pending { flow, payload } => {
                m.pending = (payload.0.get(m), payload.1.get(m));
                flow
            }
        }
    }
}

impl fmt::Debug for Signal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            SignalKind::Error(m) => write!(f, "Signal::error({m:?})"),
            SignalKind::Pending { flow, .. } => write!(f, "Signal({flow:?})"),
        }
    }
}

impl<E: std::error::Error> From<E> for Signal {
    fn from(e: E) -> Signal {
        Signal::error(e.to_string())
    }
}

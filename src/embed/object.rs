//! Host objects: opaque Rust values carried in Lisp, as Emacs modules'
//! `user-ptr`s are.
//!
//! A host object is a heap cell owning one `Arc` of a Rust value and the
//! name Lisp knows its type by. Lisp can store it anywhere, compare it with
//! `eq`, ask its `type-of` (that name, as a symbol) and print it
//! (`#<user-ptr NAME>`); only Rust can look inside, by converting it back
//! to `Arc<T>` ([`FromLisp`]). When a collection finds the cell unreachable
//! it drops its `Arc`, and when that was the last reference the value's
//! `Drop` runs: that is the finalizer. Cells still alive when the
//! interpreter is dropped are finalized then. A dump cannot carry a host
//! object: it fails with the path to one (see [`pdump`](crate::pdump)).

// The conversions are sealed trait impls over engine types (see convert.rs).
#![allow(private_interfaces, private_bounds)]

use std::any::Any;
use std::sync::Arc;

use super::convert::sealed::Sealed;
use super::{Ctx, FromLisp, IntoLisp, Lisp, Value};
use crate::gc;
use crate::interp::{Interp, LResult};

/// A Rust type that Lisp can carry as a host object.
///
/// Wrap a value with [`Lisp::object`] (or [`Ctx::object`] inside a host
/// function, or return an `Arc<T>` from one), and take it back as an
/// `Arc<T>`: a host function's parameter of type `Arc<T>` accepts only a
/// host object of type `T`, and anything else signals
/// `(wrong-type-argument user-ptrp VALUE)`, as an Emacs module's
/// `get_user_ptr` does. The value's `Drop` is its finalizer.
///
/// ```
/// use std::sync::Arc;
/// use minilisp::{HostObject, Lisp};
///
/// struct Counter(std::sync::atomic::AtomicI64);
/// impl HostObject for Counter {
///     const TYPE_NAME: &'static str = "counter";
/// }
///
/// let mut lisp = Lisp::new()?;
/// lisp.register("counter-bump", |_, c: Arc<Counter>| {
///     c.0.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1
/// });
/// let c = lisp.object(Counter(0.into()));
/// lisp.set_global("my-counter", &c)?;
/// assert_eq!(lisp.eval_to::<i64>("(progn (counter-bump my-counter) (counter-bump my-counter))")?, 2);
/// assert_eq!(lisp.eval_to::<String>("(symbol-name (type-of my-counter))")?, "counter");
/// assert_eq!(lisp.prin1(&c), "#<user-ptr counter>");
/// # Ok::<(), minilisp::LispError>(())
/// ```
pub trait HostObject: Any + Send + Sync {
    /// The Lisp name of the type: what `type-of` returns (as a symbol)
    /// and the printer shows.
    const TYPE_NAME: &'static str;
}

/// A new host object cell holding `x`.
fn make<T: HostObject>(m: &mut Interp, x: Arc<T>) -> gc::Value {
    m.make_host_object(x, T::TYPE_NAME)
}

impl Lisp {
    /// Wraps `x` in a new host object (see [`HostObject`]).
    ///
    /// ```
    /// use minilisp::{HostObject, Lisp};
    /// struct Db;
    /// impl HostObject for Db {
    ///     const TYPE_NAME: &'static str = "my-db";
    /// }
    /// let mut lisp = Lisp::new()?;
    /// let db = lisp.object(Db);
    /// let f = lisp.eval("(lambda (x) (list (user-ptrp x) (type-of x)))")?;
    /// let r = lisp.call(&f, &db)?;
    /// assert_eq!(lisp.prin1(&r), "(t my-db)");
    /// # Ok::<(), minilisp::LispError>(())
    /// ```
    pub fn object<T: HostObject>(&mut self, x: T) -> Value {
        let v = make(&mut self.m, Arc::new(x));
        Value::new(&self.m, v)
    }
}

impl Ctx<'_> {
    /// Wraps `x` in a new host object (see [`HostObject`]), for a host
    /// function to store or return.
    ///
    /// ```
    /// use minilisp::{HostObject, Lisp};
    /// struct Conn { name: String }
    /// impl HostObject for Conn {
    ///     const TYPE_NAME: &'static str = "conn";
    /// }
    /// let mut lisp = Lisp::new()?;
    /// lisp.register("connect", |cx, name: String| cx.object(Conn { name }));
    /// lisp.register("conn-name", |_, c: std::sync::Arc<Conn>| c.name.clone());
    /// assert_eq!(lisp.eval_to::<String>(r#"(conn-name (connect "db1"))"#)?, "db1");
    /// # Ok::<(), minilisp::LispError>(())
    /// ```
    pub fn object<T: HostObject>(&mut self, x: T) -> Value {
        let v = make(self.m, Arc::new(x));
        Value::new(self.m, v)
    }
}

impl<T: HostObject> Sealed for Arc<T> {}

/// A host object of type `T` (a new reference to its value); anything
/// else signals `(wrong-type-argument user-ptrp VALUE)`.
impl<T: HostObject> FromLisp for Arc<T> {
    fn from_lisp(m: &mut Interp, v: gc::Value) -> LResult<Self> {
        if m.heap.is_host_object(v)
            && let Ok(x) = Arc::clone(&m.heap.host_object(v).value).downcast::<T>()
        {
            return Ok(x);
        }
        let predicate = m.intern("user-ptrp");
        Err(m.wrong_type(predicate, v))
    }
}

/// A new host object cell around this reference (so two conversions of one
/// `Arc` are two objects, not `eq`: keep the [`Value`] to keep identity).
impl<T: HostObject> IntoLisp for Arc<T> {
    fn into_lisp(self, m: &mut Interp) -> LResult<gc::Value> {
        Ok(make(m, self))
    }
}

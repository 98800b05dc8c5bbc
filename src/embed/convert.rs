//! Conversions between Rust and Lisp values: [`FromLisp`], [`IntoLisp`],
//! and the argument lists of host functions ([`FromArgs`], [`IntoArgs`]).
//!
//! A conversion that does not fit signals what an Emacs built-in would:
//! `(wrong-type-argument integerp "x")` for the wrong type, with the
//! predicate Emacs names, and `(overflow-error 300)` for an integer outside
//! the Rust type's range (as the Emacs module API's `extract_integer`).
//!
//! The traits are sealed: their methods work on the engine's raw values,
//! which only this crate may touch. Carry a Rust type of your own in Lisp
//! as a host object ([`HostObject`](crate::HostObject)) or convert it to a `Value`.
//!
//! Invariant behind the raw values here: `FromLisp` never allocates on the
//! Lisp heap (so never collects), so the raw value it reads, and everything
//! reachable from it, stays valid for the whole conversion.

// The traits are public but sealed; their methods name engine types that
// are unreachable from outside the crate, which is the point.
#![allow(private_interfaces, private_bounds)]

use std::collections::HashMap;
use std::hash::Hash;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::Value;
use crate::gc::{self, HashTest};
use crate::interp::symbols as sym;
use crate::interp::{Interp, LResult};

pub(super) mod sealed {
    pub trait Sealed {}
}
use sealed::Sealed;

/// A Rust type that can be read from a Lisp value (the argument types of
/// host functions, and [`Lisp::get`](crate::Lisp::get)).
///
/// | Rust | Lisp | wrong type signals |
/// | --- | --- | --- |
/// | `i8` … `i128`, `u8` … `u128`, `isize`, `usize` | integer, fixnum or bignum (`overflow-error` out of range) | `integerp` |
/// | `f64`, `f32` | any number | `numberp` |
/// | `bool` | nil is false, anything else true | — |
/// | `char` | a character code | `characterp` |
/// | `String` | string | `stringp` |
/// | [`Symbol`] | symbol | `symbolp` |
/// | `Option<T>` | nil is `None`, else `T` | as `T` |
/// | `Vec<T>` | proper list | `listp` |
/// | `HashMap<K, V>` | hash table | `hash-table-p` |
/// | [`Value`] | anything (a rooted handle) | — |
/// | `Arc<T>` for a [`HostObject`](crate::HostObject) `T` | host object of type `T` | `user-ptrp` |
///
/// ```
/// let mut lisp = minilisp::Lisp::new()?;
/// let v = lisp.eval("(list 1 2 (* 1000000000000 1000000000000))")?;
/// let numbers: Vec<i128> = lisp.get(&v)?;
/// assert_eq!(numbers, [1, 2, 1_000_000_000_000_000_000_000_000]);
/// let err = lisp.get::<Vec<i64>>(&v).unwrap_err();
/// assert_eq!(err.object, "(overflow-error 1000000000000000000000000)");
/// # Ok::<(), minilisp::LispError>(())
/// ```
pub trait FromLisp: Sized + Sealed {
    /// `nil` may stand for a missing value (`Option`): such a parameter of
    /// a host function is `&optional`.
    #[doc(hidden)]
    const OPTIONAL: bool = false;
    #[doc(hidden)]
    fn from_lisp(m: &mut Interp, v: gc::Value) -> LResult<Self>;
}

/// A Rust value that can become a Lisp value (host-function results,
/// arguments of [`Lisp::call`](crate::Lisp::call), [`Lisp::value`](crate::Lisp::value)):
/// the types of [`FromLisp`], plus `&str`, `&Symbol` and `&Value`.
/// Integers too large for a fixnum become bignums; `Vec`s become lists and
/// `HashMap`s `equal` hash tables. (A host function returning `()` returns
/// nil.)
///
/// ```
/// use std::collections::HashMap;
/// let mut lisp = minilisp::Lisp::new()?;
/// let scores = lisp.value(HashMap::from([("ada".to_string(), 3)]))?;
/// let r = lisp.call("gethash", ("ada", &scores))?;
/// assert_eq!(lisp.get::<i64>(&r)?, 3);
/// let big = lisp.value(u64::MAX)?;
/// assert_eq!(lisp.prin1(&big), "18446744073709551615"); // a bignum
/// # Ok::<(), minilisp::LispError>(())
/// ```
pub trait IntoLisp: Sealed {
    #[doc(hidden)]
    fn into_lisp(self, m: &mut Interp) -> LResult<gc::Value>;
}

/// A symbol, by name (`symbolp`).
///
/// ```
/// use minilisp::Symbol;
/// let mut lisp = minilisp::Lisp::new()?;
/// let v = lisp.eval("'hello")?;
/// assert_eq!(lisp.get::<Symbol>(&v)?, Symbol::new("hello"));
/// # Ok::<(), minilisp::LispError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Symbol(pub String);

impl Symbol {
    /// The symbol named `name`.
    pub fn new(name: impl Into<String>) -> Symbol {
        Symbol(name.into())
    }
    /// Its name.
    pub fn name(&self) -> &str {
        &self.0
    }
}

/// The remaining arguments of a host function (`&rest`): the last
/// parameter only.
///
/// ```
/// use minilisp::{Lisp, Rest};
/// let mut lisp = Lisp::new()?;
/// lisp.register("sum", |_, Rest(xs): Rest<i64>| xs.iter().sum::<i64>());
/// assert_eq!(lisp.eval_to::<i64>("(sum 1 2 3)")?, 6);
/// # Ok::<(), minilisp::LispError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rest<T>(pub Vec<T>);

// ---- integers ----

/// The integer `v` as a `BigInt` (fixnum or bignum), or `integerp` error.
fn integer(m: &mut Interp, v: gc::Value) -> LResult<BigInt> {
    match crate::interp::builtins::numbers::integer_to_bigint(&m.heap, v) {
        Some(b) => Ok(b),
        None => Err(m.wrong_type(sym::INTEGERP, v)),
    }
}

macro_rules! integers {
    ($($t:ty => $to:ident),*) => {$(
        impl Sealed for $t {}
        impl FromLisp for $t {
            fn from_lisp(m: &mut Interp, v: gc::Value) -> LResult<Self> {
                if let Some(i) = v.as_fixnum() {
                    // The common case: no bignum arithmetic (and for i64
                    // and wider no failure).
                    #[allow(irrefutable_let_patterns)]
                    if let Ok(x) = <$t>::try_from(i) {
                        return Ok(x);
                    }
                    return Err(m.signal_list(sym::OVERFLOW_ERROR, &[v]));
                }
                match integer(m, v)?.$to() {
                    Some(x) => Ok(x),
                    None => Err(m.signal_list(sym::OVERFLOW_ERROR, &[v])),
                }
            }
        }
        impl IntoLisp for $t {
            fn into_lisp(self, m: &mut Interp) -> LResult<gc::Value> {
                if let Some(v) = i64::try_from(self).ok().and_then(gc::Value::try_fixnum) {
                    return Ok(v);
                }
                crate::interp::builtins::numbers::make_integer(m, BigInt::from(self))
            }
        }
    )*};
}

integers!(i8 => to_i8, i16 => to_i16, i32 => to_i32, i64 => to_i64, i128 => to_i128, isize => to_isize,
          u8 => to_u8, u16 => to_u16, u32 => to_u32, u64 => to_u64, u128 => to_u128, usize => to_usize);

// ---- floats ----

impl Sealed for f64 {}
impl FromLisp for f64 {
    fn from_lisp(m: &mut Interp, v: gc::Value) -> LResult<Self> {
        if v.is_float() {
            return Ok(m.heap.float(v));
        }
        if let Some(i) = v.as_fixnum() {
            return Ok(i as f64);
        }
        match crate::interp::builtins::numbers::integer_to_bigint(&m.heap, v) {
            Some(b) => Ok(crate::interp::builtins::numbers::bigint_to_f64(&b)),
            None => Err(m.wrong_type(sym::NUMBERP, v)),
        }
    }
}
impl IntoLisp for f64 {
    fn into_lisp(self, m: &mut Interp) -> LResult<gc::Value> {
        Ok(m.make_float(self))
    }
}

impl Sealed for f32 {}
impl FromLisp for f32 {
    fn from_lisp(m: &mut Interp, v: gc::Value) -> LResult<Self> {
        f64::from_lisp(m, v).map(|x| x as f32)
    }
}
impl IntoLisp for f32 {
    fn into_lisp(self, m: &mut Interp) -> LResult<gc::Value> {
        Ok(m.make_float(self as f64))
    }
}

// ---- nil, t, characters, strings, symbols ----

impl Sealed for bool {}
impl FromLisp for bool {
    fn from_lisp(_: &mut Interp, v: gc::Value) -> LResult<Self> {
        Ok(!v.is_nil())
    }
}
impl IntoLisp for bool {
    fn into_lisp(self, _: &mut Interp) -> LResult<gc::Value> {
        Ok(gc::Value::bool(self))
    }
}

impl Sealed for char {}
impl FromLisp for char {
    fn from_lisp(m: &mut Interp, v: gc::Value) -> LResult<Self> {
        match v.as_fixnum().and_then(|i| u32::try_from(i).ok()).and_then(char::from_u32) {
            Some(c) => Ok(c),
            None => Err(m.wrong_type(sym::CHARACTERP, v)),
        }
    }
}
impl IntoLisp for char {
    fn into_lisp(self, _: &mut Interp) -> LResult<gc::Value> {
        Ok(gc::Value::fixnum(self as i64))
    }
}

impl Sealed for String {}
impl FromLisp for String {
    fn from_lisp(m: &mut Interp, v: gc::Value) -> LResult<Self> {
        if v.is_string() { Ok(m.heap.str(v).to_owned()) } else { Err(m.wrong_type(sym::STRINGP, v)) }
    }
}
impl IntoLisp for String {
    fn into_lisp(self, m: &mut Interp) -> LResult<gc::Value> {
        Ok(m.make_string(&self))
    }
}
impl Sealed for &str {}
impl IntoLisp for &str {
    fn into_lisp(self, m: &mut Interp) -> LResult<gc::Value> {
        Ok(m.make_string(self))
    }
}

impl Sealed for Symbol {}
impl FromLisp for Symbol {
    fn from_lisp(m: &mut Interp, v: gc::Value) -> LResult<Self> {
        if v.is_symbol() { Ok(Symbol(m.symbol_name(v).to_owned())) } else { Err(m.wrong_type(sym::SYMBOLP, v)) }
    }
}
impl IntoLisp for Symbol {
    fn into_lisp(self, m: &mut Interp) -> LResult<gc::Value> {
        Ok(m.intern(&self.0))
    }
}
impl Sealed for &Symbol {}
impl IntoLisp for &Symbol {
    fn into_lisp(self, m: &mut Interp) -> LResult<gc::Value> {
        Ok(m.intern(&self.0))
    }
}

// ---- handles ----

impl Sealed for Value {}
impl FromLisp for Value {
    fn from_lisp(m: &mut Interp, v: gc::Value) -> LResult<Self> {
        Ok(Value::new(m, v))
    }
}
impl IntoLisp for Value {
    fn into_lisp(self, m: &mut Interp) -> LResult<gc::Value> {
        Ok(self.get(m))
    }
}
impl Sealed for &Value {}
impl IntoLisp for &Value {
    fn into_lisp(self, m: &mut Interp) -> LResult<gc::Value> {
        Ok(self.get(m))
    }
}

// ---- containers ----

impl<T> Sealed for Option<T> {}
impl<T: FromLisp> FromLisp for Option<T> {
    const OPTIONAL: bool = true;
    fn from_lisp(m: &mut Interp, v: gc::Value) -> LResult<Self> {
        if v.is_nil() { Ok(None) } else { T::from_lisp(m, v).map(Some) }
    }
}
impl<T: IntoLisp> IntoLisp for Option<T> {
    fn into_lisp(self, m: &mut Interp) -> LResult<gc::Value> {
        match self {
            Some(x) => x.into_lisp(m),
            None => Ok(gc::Value::NIL),
        }
    }
}

impl<T> Sealed for Vec<T> {}
impl<T: FromLisp> FromLisp for Vec<T> {
    fn from_lisp(m: &mut Interp, v: gc::Value) -> LResult<Self> {
        let items = m.list_to_vec(v)?;
        items.into_iter().map(|x| T::from_lisp(m, x)).collect()
    }
}
impl<T: IntoLisp> IntoLisp for Vec<T> {
    fn into_lisp(self, m: &mut Interp) -> LResult<gc::Value> {
        // Each converted element is rooted on the stack while the next
        // one is converted (a conversion may allocate and collect).
        let base = m.stack.len();
        let r = (|| {
            for x in self {
                let v = x.into_lisp(m)?;
                m.stack.push(v);
            }
            let items: Vec<gc::Value> = m.stack[base..].to_vec();
            Ok(m.list(&items))
        })();
        m.stack.truncate(base);
        r
    }
}

impl<K, V> Sealed for HashMap<K, V> {}
impl<K: FromLisp + Eq + Hash, V: FromLisp> FromLisp for HashMap<K, V> {
    fn from_lisp(m: &mut Interp, v: gc::Value) -> LResult<Self> {
        if !v.is_veclike() || m.heap.veclike_kind(v) != gc::VecKind::HashTable {
            return Err(m.wrong_type(sym::HASH_TABLE_P, v));
        }
        let entries = m.hash_entries(v);
        let mut out = HashMap::with_capacity(entries.len());
        for (k, x) in entries {
            out.insert(K::from_lisp(m, k)?, V::from_lisp(m, x)?);
        }
        Ok(out)
    }
}
impl<K: IntoLisp + FromLisp + Eq + Hash, V: IntoLisp + FromLisp> IntoLisp for HashMap<K, V> {
    fn into_lisp(self, m: &mut Interp) -> LResult<gc::Value> {
        let table = m.make_hash_table(HashTest::Equal, self.len());
        let base = m.push_root(table);
        let r = (|| {
            for (k, x) in self {
                let k = k.into_lisp(m)?;
                m.stack.push(k);
                let x = x.into_lisp(m)?;
                m.hash_put(table, k, x)?;
                m.stack.pop();
            }
            Ok(table)
        })();
        m.stack.truncate(base);
        r
    }
}

// ---- argument lists ----

/// How a host-function parameter takes its argument.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[doc(hidden)]
pub enum ArgKind {
    Required,
    Optional,
    Rest,
}

/// One parameter of a host function: a [`FromLisp`] type, `Option<T>`
/// (`&optional`) or [`Rest<T>`] (`&rest`, last only); see
/// [`HostFunctions::register`](crate::HostFunctions::register).
pub trait FromArg: Sized + Sealed {
    #[doc(hidden)]
    const KIND: ArgKind;
    /// Takes argument `args[*i]` (or all from there, for `&rest`).
    #[doc(hidden)]
    fn from_arg(m: &mut Interp, args: &[gc::Value], i: &mut usize) -> LResult<Self>;
}

impl<T: FromLisp> FromArg for T {
    const KIND: ArgKind = if T::OPTIONAL { ArgKind::Optional } else { ArgKind::Required };
    #[inline]
    fn from_arg(m: &mut Interp, args: &[gc::Value], i: &mut usize) -> LResult<Self> {
        let v = args.get(*i).copied().unwrap_or(gc::Value::NIL);
        *i += 1;
        T::from_lisp(m, v)
    }
}

impl<T> Sealed for Rest<T> {}
impl<T: FromLisp> FromArg for Rest<T> {
    const KIND: ArgKind = ArgKind::Rest;
    fn from_arg(m: &mut Interp, args: &[gc::Value], i: &mut usize) -> LResult<Self> {
        let rest = &args[(*i).min(args.len())..];
        *i = args.len();
        rest.iter().map(|&v| T::from_lisp(m, v)).collect::<LResult<Vec<T>>>().map(Rest)
    }
}

/// The parameter list of a host function: one [`FromArg`] type, or a
/// tuple of up to eight (`()` for none); see
/// [`HostFunctions::register`](crate::HostFunctions::register).
pub trait FromArgs: Sized + SealedFromArgs {
    #[doc(hidden)]
    fn kinds() -> Vec<ArgKind>;
    #[doc(hidden)]
    fn from_args(m: &mut Interp, args: &[gc::Value]) -> LResult<Self>;
}

mod sealed_args {
    pub trait SealedFromArgs {}
    pub trait SealedIntoArgs {}
}
use sealed_args::{SealedFromArgs, SealedIntoArgs};

impl<T: FromArg> SealedFromArgs for T {}
impl<T: FromArg> FromArgs for T {
    fn kinds() -> Vec<ArgKind> {
        vec![T::KIND]
    }
    #[inline]
    fn from_args(m: &mut Interp, args: &[gc::Value]) -> LResult<Self> {
        T::from_arg(m, args, &mut 0)
    }
}

/// Arguments passed to Lisp ([`Lisp::call`](crate::Lisp::call)): one
/// [`IntoLisp`] value, a tuple of up to eight, or `()` for none.
///
/// ```
/// let mut lisp = minilisp::Lisp::new()?;
/// let list = lisp.call("list", ())?;
/// assert_eq!(lisp.prin1(&list), "nil");
/// let one = lisp.call("list", "a")?;
/// assert_eq!(lisp.prin1(&one), "(\"a\")");
/// let many = lisp.call("list", (1, 2.5, 'c', true, minilisp::Symbol::new("s")))?;
/// assert_eq!(lisp.prin1(&many), "(1 2.5 99 t s)");
/// # Ok::<(), minilisp::LispError>(())
/// ```
pub trait IntoArgs: SealedIntoArgs {
    #[doc(hidden)]
    fn push_args(self, m: &mut Interp) -> LResult<()>;
}

impl<T: IntoLisp> SealedIntoArgs for T {}
impl<T: IntoLisp> IntoArgs for T {
    fn push_args(self, m: &mut Interp) -> LResult<()> {
        let v = self.into_lisp(m)?;
        m.stack.push(v);
        Ok(())
    }
}

macro_rules! tuples {
    ($(($($t:ident),*)),*) => {$(
        impl<$($t),*> SealedFromArgs for ($($t,)*) {}
        impl<$($t),*> SealedIntoArgs for ($($t,)*) {}
        impl<$($t: FromArg),*> FromArgs for ($($t,)*) {
            fn kinds() -> Vec<ArgKind> {
                vec![$($t::KIND),*]
            }
            #[inline]
            #[allow(unused_variables, unused_mut)]
            fn from_args(m: &mut Interp, args: &[gc::Value]) -> LResult<Self> {
                let mut i = 0;
                Ok(($($t::from_arg(m, args, &mut i)?,)*))
            }
        }
        impl<$($t: IntoLisp),*> IntoArgs for ($($t,)*) {
            #[allow(non_snake_case, unused_variables)]
            fn push_args(self, m: &mut Interp) -> LResult<()> {
                let ($($t,)*) = self;
                $(let v = $t.into_lisp(m)?; m.stack.push(v);)*
                Ok(())
            }
        }
    )*};
}

tuples!((A), (A, B), (A, B, C), (A, B, C, D), (A, B, C, D, E), (A, B, C, D, E, F), (A, B, C, D, E, F, G),
        (A, B, C, D, E, F, G, H));

impl SealedFromArgs for () {}
impl SealedIntoArgs for () {}
impl FromArgs for () {
    fn kinds() -> Vec<ArgKind> {
        Vec::new()
    }
    fn from_args(_: &mut Interp, _: &[gc::Value]) -> LResult<Self> {
        Ok(())
    }
}

impl IntoArgs for () {
    fn push_args(self, _: &mut Interp) -> LResult<()> {
        Ok(())
    }
}

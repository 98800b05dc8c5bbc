//! Built-in functions ("subrs") and special forms.
//!
//! Every built-in is a `Subr` in one static table; its `Value` is an
//! immediate holding the table index (see `gc/value.rs`), so built-ins need
//! no heap object and a dump refers to them by index. The table is built in
//! a fixed order from each module's `SUBRS` slice; the build fingerprint
//! covers the sources, so a dump and the binary always agree on it.

use std::sync::LazyLock;

use super::{Interp, LResult, builtins, eval};
use crate::gc::Value;

/// A built-in function: receives its evaluated arguments, with optional
/// ones padded with `nil` up to `max` (all arguments when `max` is `None`).
pub type SubrFn = fn(&mut Interp, &[Value]) -> LResult;
/// A special form: receives its unevaluated argument list.
pub type SpecialFn = fn(&mut Interp, Value) -> LResult;

#[derive(Copy, Clone)]
pub enum SubrKind {
    Fn(SubrFn),
    Special(SpecialFn),
}

#[derive(Copy, Clone)]
pub struct Subr {
    pub name: &'static str,
    pub min: u16,
    /// `None` means `&rest` (Emacs's MANY, or UNEVALLED for special forms).
    pub max: Option<u16>,
    pub kind: SubrKind,
}

impl Subr {
    pub const fn f(name: &'static str, min: u16, max: Option<u16>, f: SubrFn) -> Subr {
        Subr { name, min, max, kind: SubrKind::Fn(f) }
    }
    pub const fn special(name: &'static str, min: u16, max: Option<u16>, f: SpecialFn) -> Subr {
        Subr { name, min, max, kind: SubrKind::Special(f) }
    }
}

/// The table of all built-ins, in a fixed order.
pub static SUBRS: LazyLock<Vec<Subr>> = LazyLock::new(|| {
    let mut all = Vec::new();
    all.extend_from_slice(eval::SPECIAL_FORMS);
    for module in builtins::ALL_SUBRS {
        all.extend_from_slice(module);
    }
    all
});

#[inline(always)]
pub fn subr(id: u32) -> &'static Subr {
    &SUBRS[id as usize]
}

/// Sets the function cell of each built-in's symbol.
pub fn install(interp: &mut Interp) {
    for (i, s) in SUBRS.iter().enumerate() {
        let name = interp.intern(s.name);
        interp.set_symbol_function(name, Value::subr(i as u32));
    }
}

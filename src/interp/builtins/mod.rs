//! Built-in functions, one module per area. Each module exports a
//! `SUBRS` table; `ALL_SUBRS` fixes their order (and so the subr ids).

pub mod buffer_search;
pub mod buffers;
pub mod core;
pub mod load;
pub mod lists;
pub mod hash;
pub mod numbers;
pub mod predicates;
pub mod print;
pub mod process;
pub mod regexp;
pub mod sequences;
pub mod strings;
pub mod symbols;

use super::Interp;
use super::subr::Subr;

/// Every module's table, in subr-id order.
pub const ALL_SUBRS: &[&[Subr]] = &[
    core::SUBRS,
    load::SUBRS,
    lists::SUBRS,
    sequences::SUBRS,
    strings::SUBRS,
    symbols::SUBRS,
    numbers::SUBRS,
    predicates::SUBRS,
    hash::SUBRS,
    print::SUBRS,
    process::SUBRS,
    regexp::SUBRS,
    buffers::SUBRS,
    buffer_search::SUBRS,
];

/// The Lisp prelude, evaluated in this order at boot (embedded so the
/// binary is self-contained).
pub const PRELUDE: &[(&str, &str)] = &[
    ("subr.el", include_str!("../../../lisp/subr.el")),
    ("regexp.el", include_str!("../../../lisp/regexp.el")),
    ("gv.el", include_str!("../../../lisp/gv.el")),
    ("pcase.el", include_str!("../../../lisp/pcase.el")),
    ("subr-x.el", include_str!("../../../lisp/subr-x.el")),
    ("seq.el", include_str!("../../../lisp/seq.el")),
    ("buffers.el", include_str!("../../../lisp/buffers.el")),
    ("fill.el", include_str!("../../../lisp/fill.el")),
    ("ert-autoloads.el", include_str!("../../../lisp/ert-autoloads.el")),
    ("rx-autoloads.el", include_str!("../../../lisp/rx-autoloads.el")),
];

/// Libraries embedded in the binary but not in the prelude: `require`
/// evaluates one (as a prelude file: no `load-file-name`) the first time
/// its feature is required, so starts that do not use it pay nothing (the
/// default dump stays small). Feature name and source.
pub const LIBRARIES: &[(&str, &str)] = &[
    // As in `emacs -Q`, cl-lib is there after `(require 'cl-lib)`; in the
    // prelude it doubled the boot and the default dump.
    ("cl-lib", include_str!("../../../lisp/cl-lib.el")),
    ("ert", include_str!("../../../lisp/ert.el")),
    // Autoloaded, as in Emacs: 30 KB that most programs never use.
    ("rx", include_str!("../../../lisp/rx.el")),
];

/// Global variables the runtime provides (`load-path`, `features`, ...).
pub fn init_variables(interp: &mut Interp) {
    use crate::gc::Value;
    use crate::interp::symbols as sym;
    use crate::gc::value::{MOST_NEGATIVE_FIXNUM, MOST_POSITIVE_FIXNUM};
    let vars: &[(Value, Value)] = &[
        (sym::LOAD_PATH, Value::NIL),
        (sym::FEATURES, Value::NIL),
        (sym::LOAD_FILE_NAME, Value::NIL),
        (sym::LOAD_IN_PROGRESS, Value::NIL),
        (sym::COMMAND_LINE_ARGS_LEFT, Value::NIL),
        (sym::NONINTERACTIVE, Value::T),
        (sym::MOST_POSITIVE_FIXNUM, Value::fixnum(MOST_POSITIVE_FIXNUM)),
        (sym::MOST_NEGATIVE_FIXNUM, Value::fixnum(MOST_NEGATIVE_FIXNUM)),
        (sym::GC_CONS_THRESHOLD, Value::fixnum(crate::gc::pacing::DEFAULT_CONS_THRESHOLD as i64)),
        (sym::GCS_DONE, Value::fixnum(0)),
        (sym::MAX_LISP_EVAL_DEPTH, Value::fixnum(super::DEFAULT_MAX_EVAL_DEPTH as i64)),
        (sym::GENSYM_COUNTER, Value::fixnum(0)),
    ];
    let printer_vars: &[(&str, Value)] = &[
        ("standard-output", Value::T),
        ("print-gensym", Value::NIL),
        ("print-length", Value::NIL),
        ("print-level", Value::NIL),
        ("print-escape-newlines", Value::NIL),
        ("print-quoted", Value::T),
        ("print-circle", Value::NIL),
        ("backtrace-on-error-noninteractive", Value::T),
        ("case-fold-search", Value::T),
        ("inhibit-changing-match-data", Value::NIL),
    ];
    for &(name, v) in printer_vars {
        let s = interp.intern(name);
        interp.set_special(s);
        let _ = interp.set_symbol_value(s, v);
    }
    for &(s, v) in vars {
        interp.set_special(s);
        let _ = interp.set_symbol_value(s, v);
    }
    let pct = interp.make_float(crate::gc::pacing::DEFAULT_CONS_PERCENTAGE);
    interp.set_special(sym::GC_CONS_PERCENTAGE);
    let _ = interp.set_symbol_value(sym::GC_CONS_PERCENTAGE, pct);
    let pi = interp.make_float(std::f64::consts::PI);
    interp.set_special(sym::FLOAT_PI);
    let _ = interp.set_symbol_value(sym::FLOAT_PI, pi);
    let e = interp.intern("float-e");
    let ev = interp.make_float(std::f64::consts::E);
    interp.set_special(e);
    let _ = interp.set_symbol_value(e, ev);
}

//! Evaluation built-ins: `eval`, `funcall`, `apply`, macro expansion,
//! `throw`, `signal`, `func-arity`, `run-hooks`, and the `interactive`
//! special form.

use smallvec::SmallVec;

use crate::gc::Value;
use crate::interp::subr::{Subr, SubrKind, subr};
use crate::interp::symbols as sym;
use crate::interp::{Flow, Interp, LResult};

pub const SUBRS: &[Subr] = &[
    Subr::f("eval", 1, Some(2), eval),
    Subr::f("funcall", 1, None, funcall),
    Subr::f("apply", 1, None, apply),
    Subr::f("macroexpand", 1, Some(2), macroexpand),
    Subr::f("macroexpand-1", 1, Some(2), macroexpand_1),
    Subr::f("macroexpand-all", 1, Some(2), macroexpand_all),
    Subr::f("throw", 2, Some(2), throw),
    Subr::f("signal", 2, Some(2), signal),
    Subr::f("func-arity", 1, Some(1), func_arity),
    Subr::f("run-hooks", 0, None, run_hooks),
    Subr::special("interactive", 0, None, sf_interactive),
];

/// `(eval FORM &optional LEXICAL)`.
fn eval(interp: &mut Interp, args: &[Value]) -> LResult {
    let (form, lexical) = (args[0], args[1]);
    let saved = interp.lexenv;
    let slot = interp.push_root(saved);
    interp.lexenv = if lexical.is_nil() || lexical.is_cons() { lexical } else { interp.cons(Value::T, Value::NIL) };
    let r = interp.eval(form);
    interp.lexenv = saved;
    interp.stack.truncate(slot);
    r
}

/// `(funcall FUNCTION &rest ARGS)`.
fn funcall(interp: &mut Interp, args: &[Value]) -> LResult {
    interp.funcall(args[0], &args[1..])
}

/// `(apply FUNCTION &rest ARGS)`: the last argument is a list of further
/// arguments; with a single argument, it is `(FUNCTION . ARGS)`.
fn apply(interp: &mut Interp, args: &[Value]) -> LResult {
    // As Emacs, the spread list's length first: a circular list signals
    // `circular-list` (instead of growing a vector until memory runs out),
    // a dotted one `(wrong-type-argument listp TAIL)`.
    super::sequences::list_length(interp, args[args.len() - 1])?;
    if args.len() == 1 {
        let l = args[0];
        if l.is_nil() {
            return Err(interp.void_function(Value::NIL));
        }
        let items = interp.list_to_vec(l)?;
        return interp.funcall(items[0], &items[1..]);
    }
    let last = args[args.len() - 1];
    let spread = interp.list_to_vec(last)?;
    let base = interp.stack.len();
    interp.stack.extend_from_slice(&args[..args.len() - 1]);
    interp.stack.extend_from_slice(&spread);
    let r = interp.call_on_stack(base);
    interp.stack.truncate(base);
    r
}

fn macroexpand(interp: &mut Interp, args: &[Value]) -> LResult {
    interp.macroexpand(args[0], args[1])
}

fn macroexpand_1(interp: &mut Interp, args: &[Value]) -> LResult {
    interp.macroexpand_1(args[0], args[1])
}

fn macroexpand_all(interp: &mut Interp, args: &[Value]) -> LResult {
    interp.macroexpand_all(args[0], args[1])
}

/// `(throw TAG VALUE)`.
fn throw(interp: &mut Interp, args: &[Value]) -> LResult {
    let (tag, value) = (args[0], args[1]);
    if interp.catch_tags.contains(&tag) {
        interp.pending = (tag, value);
        return Err(Flow::Throw);
    }
    Err(interp.signal_list(sym::NO_CATCH, &[tag, value]))
}

/// `(signal ERROR-SYMBOL DATA)`; `(signal nil OBJ)` signals the error
/// object OBJ = `(ERROR-SYMBOL . DATA)` itself.
fn signal(interp: &mut Interp, args: &[Value]) -> LResult {
    let (s, data) = (args[0], args[1]);
    if s.is_nil() && data.is_nil() {
        // Emacs's `signal_or_quit` turns nonsense into a plain `(error)`
        // ("peculiar error" when uncaught).
        return Err(interp.signal(sym::ERROR, Value::NIL));
    }
    if s.is_nil() && data.is_cons() {
        let (s2, d2) = (interp.heap.car(data), interp.heap.cdr(data));
        return Err(interp.signal(s2, d2));
    }
    Err(interp.signal(s, data))
}

/// `(func-arity FUNCTION)`: `(MIN . MAX)`, MAX a number, `many` or
/// `unevalled`.
fn func_arity(interp: &mut Interp, args: &[Value]) -> LResult {
    let original = args[0];
    let mut f = if original.is_symbol() { interp.indirect_function(original)? } else { original };
    if f.is_nil() {
        return Err(interp.void_function(original));
    }
    if f.is_cons() && interp.heap.car(f) == sym::MACRO {
        f = interp.heap.cdr(f);
        if f.is_symbol() {
            f = interp.indirect_function(f)?;
        }
    }
    if let Some(id) = f.as_subr() {
        let s = subr(id);
        let max = match (s.max, s.kind) {
            (_, SubrKind::Special(_)) => interp.intern("unevalled"),
            (None, _) => interp.intern("many"),
            (Some(m), _) => Value::fixnum(m as i64),
        };
        return Ok(interp.cons(Value::fixnum(s.min as i64), max));
    }
    if let Some(h) = f.as_host_fn().and_then(|id| interp.host_fns.get(id as usize)) {
        let (min, max) = (h.min, h.max);
        let max = match max {
            None => interp.intern("many"),
            Some(m) => Value::fixnum(m as i64),
        };
        return Ok(interp.cons(Value::fixnum(min as i64), max));
    }
    if f.is_cons() {
        let head = interp.heap.car(f);
        let params = if head == sym::LAMBDA {
            interp.car_safe(interp.heap.cdr(f))
        } else if head == sym::CLOSURE {
            interp.car_safe(interp.cdr_safe(interp.heap.cdr(f)))
        } else {
            return Err(interp.signal_list(sym::INVALID_FUNCTION, &[original]));
        };
        let (mut min, mut max, mut optional) = (0i64, 0i64, false);
        let mut p = params;
        while p.is_cons() {
            let x = interp.heap.car(p);
            if x == sym::AND_REST {
                let many = interp.intern("many");
                return Ok(interp.cons(Value::fixnum(min), many));
            } else if x == sym::AND_OPTIONAL {
                optional = true;
            } else {
                if !optional {
                    min += 1;
                }
                max += 1;
            }
            p = interp.heap.cdr(p);
        }
        return Ok(interp.cons(Value::fixnum(min), Value::fixnum(max)));
    }
    Err(interp.signal_list(sym::INVALID_FUNCTION, &[original]))
}

/// `(run-hooks &rest HOOKS)`: calls each function of each hook variable.
fn run_hooks(interp: &mut Interp, args: &[Value]) -> LResult {
    for &hook in args {
        if !hook.is_symbol() {
            return Err(interp.wrong_type(sym::SYMBOLP, hook));
        }
        let v = interp.symbol_value(hook);
        if v.is_unbound() || v.is_nil() {
            continue;
        }
        let slot = interp.push_root(v);
        let r = (|| {
            if v.is_cons() && interp.heap.car(v) != sym::LAMBDA && interp.heap.car(v) != sym::CLOSURE {
                let fns: SmallVec<[Value; 8]> = SmallVec::from_vec(interp.list_to_vec(v)?);
                for f in fns {
                    if f == sym::T {
                        continue;
                    }
                    interp.funcall(f, &[])?;
                }
            } else {
                interp.funcall(v, &[])?;
            }
            Ok(())
        })();
        interp.stack.truncate(slot);
        r?;
    }
    Ok(Value::NIL)
}

/// `(interactive ...)`: a declaration; evaluating it does nothing.
fn sf_interactive(_interp: &mut Interp, _args: Value) -> LResult {
    Ok(Value::NIL)
}

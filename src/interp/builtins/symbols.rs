//! Symbol built-ins: names and obarray, value and function cells, property
//! lists. `set`/`symbol-value` act on the dynamic (global or innermost
//! `let`-bound special) value, never on lexical bindings, as in Emacs.

use super::strings::check_string;
use crate::gc::Value;
use crate::interp::subr::Subr;
use crate::interp::symbols as sym;
use crate::interp::{Interp, LResult};

pub const SUBRS: &[Subr] = &[
    Subr::f("symbol-name", 1, Some(1), symbol_name),
    Subr::f("intern", 1, Some(2), intern),
    Subr::f("intern-soft", 1, Some(2), intern_soft),
    Subr::f("unintern", 1, Some(2), unintern),
    Subr::f("make-symbol", 1, Some(1), make_symbol),
    Subr::f("gensym", 0, Some(1), gensym),
    Subr::f("symbol-value", 1, Some(1), symbol_value),
    Subr::f("set", 2, Some(2), set),
    Subr::f("default-value", 1, Some(1), symbol_value),
    Subr::f("set-default", 2, Some(2), set),
    Subr::f("default-boundp", 1, Some(1), boundp),
    Subr::f("boundp", 1, Some(1), boundp),
    Subr::f("makunbound", 1, Some(1), makunbound),
    Subr::f("special-variable-p", 1, Some(1), special_variable_p),
    Subr::f("symbol-function", 1, Some(1), symbol_function),
    Subr::f("indirect-function", 1, Some(2), indirect_function),
    Subr::f("fset", 2, Some(2), fset),
    Subr::f("defalias", 2, Some(3), defalias),
    Subr::f("fboundp", 1, Some(1), fboundp),
    Subr::f("fmakunbound", 1, Some(1), fmakunbound),
    Subr::f("get", 2, Some(2), get),
    Subr::f("put", 3, Some(3), put),
    Subr::f("symbol-plist", 1, Some(1), symbol_plist),
    Subr::f("setplist", 2, Some(2), setplist),
];

#[inline]
fn check_symbol(interp: &mut Interp, v: Value) -> LResult<u32> {
    match v.as_symbol() {
        Some(i) => Ok(i),
        None => Err(interp.wrong_type(sym::SYMBOLP, v)),
    }
}

fn symbol_name(interp: &mut Interp, args: &[Value]) -> LResult {
    check_symbol(interp, args[0])?;
    let name = interp.symbol_name(args[0]).to_owned();
    Ok(interp.make_string(&name))
}

fn intern(interp: &mut Interp, args: &[Value]) -> LResult {
    check_string(interp, args[0])?;
    let name = interp.heap.str(args[0]).to_owned();
    Ok(interp.intern(&name))
}

fn intern_soft(interp: &mut Interp, args: &[Value]) -> LResult {
    let name = args[0];
    if let Some(i) = name.as_symbol() {
        let n = interp.heap.symbols.name(i).to_owned();
        return Ok(match interp.heap.symbols.find(&n) {
            Some(s) if s == name => name,
            _ => Value::NIL,
        });
    }
    check_string(interp, name)?;
    let n = interp.heap.str(name).to_owned();
    Ok(interp.heap.symbols.find(&n).unwrap_or(Value::NIL))
}

fn unintern(interp: &mut Interp, args: &[Value]) -> LResult {
    let name = args[0];
    let target = if let Some(i) = name.as_symbol() {
        let n = interp.heap.symbols.name(i).to_owned();
        match interp.heap.symbols.find(&n) {
            Some(s) if s == name => s,
            _ => return Ok(Value::NIL),
        }
    } else {
        check_string(interp, name)?;
        let n = interp.heap.str(name).to_owned();
        match interp.heap.symbols.find(&n) {
            Some(s) => s,
            None => return Ok(Value::NIL),
        }
    };
    if target == Value::NIL || target == Value::T {
        return Err(interp.error("Attempt to unintern t or nil"));
    }
    // The well-known symbols must keep their identity: refuse quietly.
    if (target.as_symbol().unwrap_or(0) as usize) < sym::NAMES.len() {
        return Ok(Value::NIL);
    }
    interp.heap.symbols.unintern(target.as_symbol().unwrap_or(0));
    Ok(Value::T)
}

fn make_symbol(interp: &mut Interp, args: &[Value]) -> LResult {
    check_string(interp, args[0])?;
    let name = interp.heap.str(args[0]).to_owned();
    Ok(interp.heap.symbols.make_uninterned(&name))
}

/// subr.el's `gensym`: PREFIX (default "g") followed by `gensym-counter`.
fn gensym(interp: &mut Interp, args: &[Value]) -> LResult {
    let prefix = if args[0].is_nil() { "g".to_owned() } else { interp.princ_to_string(args[0]) };
    let num = interp.symbol_value(sym::GENSYM_COUNTER);
    if num.is_unbound() {
        return Err(interp.void_variable(sym::GENSYM_COUNTER));
    }
    let next = match num.as_fixnum().and_then(|n| n.checked_add(1)).and_then(Value::try_fixnum) {
        Some(v) => v,
        None => {
            // Let Lisp arithmetic produce the error or the bignum.
            let plus1 = interp.intern("1+");
            interp.funcall(plus1, &[num])?
        }
    };
    interp.set_symbol_value(sym::GENSYM_COUNTER, next)?;
    let digits = match num.as_fixnum() {
        Some(n) => n.to_string(),
        None => interp.princ_to_string(num),
    };
    Ok(interp.heap.symbols.make_uninterned(&format!("{prefix}{digits}")))
}

fn symbol_value(interp: &mut Interp, args: &[Value]) -> LResult {
    check_symbol(interp, args[0])?;
    let v = interp.symbol_value(args[0]);
    if v.is_unbound() { Err(interp.void_variable(args[0])) } else { Ok(v) }
}

/// Emacs's `set_internal` check: constants refuse, except a keyword set to
/// itself.
fn check_settable(interp: &mut Interp, s: Value, v: Value) -> LResult<bool> {
    if interp.is_constant(s) {
        let keyword = interp.symbol_name(s).starts_with(':') && s != Value::NIL && s != Value::T;
        if keyword && v == s {
            return Ok(false);
        }
        return Err(interp.setting_constant(s));
    }
    Ok(true)
}

fn set(interp: &mut Interp, args: &[Value]) -> LResult {
    let (s, v) = (args[0], args[1]);
    check_symbol(interp, s)?;
    if check_settable(interp, s, v)? {
        interp.set_symbol_value(s, v)?;
    }
    Ok(v)
}

fn boundp(interp: &mut Interp, args: &[Value]) -> LResult {
    check_symbol(interp, args[0])?;
    Ok(Value::bool(!interp.symbol_value(args[0]).is_unbound()))
}

fn makunbound(interp: &mut Interp, args: &[Value]) -> LResult {
    let s = args[0];
    check_symbol(interp, s)?;
    if interp.is_constant(s) {
        return Err(interp.setting_constant(s));
    }
    interp.set_symbol_value(s, Value::UNBOUND)?;
    Ok(s)
}

fn special_variable_p(interp: &mut Interp, args: &[Value]) -> LResult {
    check_symbol(interp, args[0])?;
    Ok(Value::bool(interp.is_special(args[0])))
}

fn symbol_function(interp: &mut Interp, args: &[Value]) -> LResult {
    check_symbol(interp, args[0])?;
    Ok(interp.symbol_function(args[0]))
}

fn indirect_function(interp: &mut Interp, args: &[Value]) -> LResult {
    let f = args[0];
    if f.is_nil() {
        return Ok(Value::NIL);
    }
    interp.indirect_function(f)
}

fn fset(interp: &mut Interp, args: &[Value]) -> LResult {
    let (s, def) = (args[0], args[1]);
    check_symbol(interp, s)?;
    if s.is_nil() && !def.is_nil() {
        return Err(interp.setting_constant(s));
    }
    interp.set_symbol_function(s, def);
    Ok(def)
}

/// `(defalias SYMBOL DEFINITION &optional DOCSTRING)`: sets the function
/// cell and returns SYMBOL. The docstring is ignored.
fn defalias(interp: &mut Interp, args: &[Value]) -> LResult {
    let (s, def) = (args[0], args[1]);
    check_symbol(interp, s)?;
    fset(interp, &[s, def])?;
    Ok(s)
}

fn fboundp(interp: &mut Interp, args: &[Value]) -> LResult {
    check_symbol(interp, args[0])?;
    Ok(Value::bool(!interp.symbol_function(args[0]).is_nil()))
}

fn fmakunbound(interp: &mut Interp, args: &[Value]) -> LResult {
    let s = args[0];
    check_symbol(interp, s)?;
    if s.is_nil() || s == Value::T {
        return Err(interp.setting_constant(s));
    }
    interp.set_symbol_function(s, Value::NIL);
    Ok(s)
}

fn get(interp: &mut Interp, args: &[Value]) -> LResult {
    check_symbol(interp, args[0])?;
    Ok(interp.get(args[0], args[1]))
}

fn put(interp: &mut Interp, args: &[Value]) -> LResult {
    check_symbol(interp, args[0])?;
    interp.put(args[0], args[1], args[2]);
    Ok(args[2])
}

fn symbol_plist(interp: &mut Interp, args: &[Value]) -> LResult {
    let i = check_symbol(interp, args[0])?;
    Ok(interp.heap.symbols.get(i).plist)
}

fn setplist(interp: &mut Interp, args: &[Value]) -> LResult {
    let i = check_symbol(interp, args[0])?;
    interp.heap.symbols.get_mut(i).plist = args[1];
    Ok(args[1])
}

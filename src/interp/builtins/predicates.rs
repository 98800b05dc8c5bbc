//! Type predicates and equality: `null consp ... functionp eq eql equal`,
//! and `type-of`.

use crate::gc::{SymFlags, Value};
use crate::interp::builtins::numbers::{is_integer, is_number};
use crate::interp::subr::{Subr, SubrKind, subr};
use crate::interp::symbols as sym;
use crate::interp::{Interp, LResult};

pub const SUBRS: &[Subr] = &[
    Subr::f("null", 1, Some(1), null),
    Subr::f("not", 1, Some(1), null),
    Subr::f("consp", 1, Some(1), consp),
    Subr::f("atom", 1, Some(1), atom),
    Subr::f("listp", 1, Some(1), listp),
    Subr::f("nlistp", 1, Some(1), nlistp),
    Subr::f("symbolp", 1, Some(1), symbolp),
    Subr::f("keywordp", 1, Some(1), keywordp),
    Subr::f("stringp", 1, Some(1), stringp),
    Subr::f("numberp", 1, Some(1), numberp),
    Subr::f("number-or-marker-p", 1, Some(1), numberp),
    Subr::f("integerp", 1, Some(1), integerp),
    Subr::f("integer-or-marker-p", 1, Some(1), integerp),
    Subr::f("fixnump", 1, Some(1), fixnump),
    Subr::f("bignump", 1, Some(1), bignump),
    Subr::f("floatp", 1, Some(1), floatp),
    Subr::f("natnump", 1, Some(1), natnump),
    Subr::f("wholenump", 1, Some(1), natnump),
    Subr::f("characterp", 1, Some(2), characterp),
    Subr::f("vectorp", 1, Some(1), vectorp),
    Subr::f("sequencep", 1, Some(1), sequencep),
    Subr::f("arrayp", 1, Some(1), arrayp),
    Subr::f("functionp", 1, Some(1), functionp),
    Subr::f("subrp", 1, Some(1), subrp),
    Subr::f("special-form-p", 1, Some(1), special_form_p),
    Subr::f("macrop", 1, Some(1), macrop),
    Subr::f("booleanp", 1, Some(1), booleanp),
    Subr::f("hash-table-p", 1, Some(1), hash_table_p),
    Subr::f("user-ptrp", 1, Some(1), user_ptrp),
    Subr::f("type-of", 1, Some(1), type_of),
    Subr::f("eq", 2, Some(2), eq),
    Subr::f("eql", 2, Some(2), eql),
    Subr::f("equal", 2, Some(2), equal),
    Subr::f("equal-including-properties", 2, Some(2), equal),
    Subr::f("sxhash-eq", 1, Some(1), sxhash_eq),
    Subr::f("sxhash-eql", 1, Some(1), sxhash_eql),
    Subr::f("sxhash-equal", 1, Some(1), sxhash_equal),
    Subr::f("sxhash", 1, Some(1), sxhash_equal),
];

/// Emacs's `MAX_CHAR`.
const MAX_CHAR: i64 = 0x3F_FFFF;

fn null(_: &mut Interp, args: &[Value]) -> LResult {
    Ok(Value::bool(args[0].is_nil()))
}

fn consp(_: &mut Interp, args: &[Value]) -> LResult {
    Ok(Value::bool(args[0].is_cons()))
}

fn atom(_: &mut Interp, args: &[Value]) -> LResult {
    Ok(Value::bool(!args[0].is_cons()))
}

fn listp(_: &mut Interp, args: &[Value]) -> LResult {
    Ok(Value::bool(args[0].is_cons() || args[0].is_nil()))
}

fn nlistp(_: &mut Interp, args: &[Value]) -> LResult {
    Ok(Value::bool(!(args[0].is_cons() || args[0].is_nil())))
}

fn symbolp(_: &mut Interp, args: &[Value]) -> LResult {
    Ok(Value::bool(args[0].is_symbol()))
}

/// True for interned symbols whose name starts with `:`.
pub fn is_keyword(interp: &Interp, v: Value) -> bool {
    let Some(i) = v.as_symbol() else { return false };
    let s = interp.heap.symbols.get(i);
    s.flags.contains(SymFlags::INTERNED) && interp.heap.symbols.name(i).starts_with(':')
}

fn keywordp(interp: &mut Interp, args: &[Value]) -> LResult {
    Ok(Value::bool(is_keyword(interp, args[0])))
}

fn stringp(_: &mut Interp, args: &[Value]) -> LResult {
    Ok(Value::bool(args[0].is_string()))
}

fn numberp(interp: &mut Interp, args: &[Value]) -> LResult {
    Ok(Value::bool(is_number(&interp.heap, args[0])))
}

fn integerp(interp: &mut Interp, args: &[Value]) -> LResult {
    Ok(Value::bool(is_integer(&interp.heap, args[0])))
}

fn fixnump(_: &mut Interp, args: &[Value]) -> LResult {
    Ok(Value::bool(args[0].is_fixnum()))
}

fn bignump(interp: &mut Interp, args: &[Value]) -> LResult {
    Ok(Value::bool(interp.heap.is_bignum(args[0])))
}

fn floatp(_: &mut Interp, args: &[Value]) -> LResult {
    Ok(Value::bool(args[0].is_float()))
}

/// `natnump`: a non-negative integer.
pub fn is_natnum(interp: &Interp, v: Value) -> bool {
    if let Some(i) = v.as_fixnum() {
        i >= 0
    } else {
        interp.heap.is_bignum(v) && !interp.heap.bignum(v).0
    }
}

fn natnump(interp: &mut Interp, args: &[Value]) -> LResult {
    Ok(Value::bool(is_natnum(interp, args[0])))
}

fn characterp(_: &mut Interp, args: &[Value]) -> LResult {
    Ok(Value::bool(args[0].as_fixnum().is_some_and(|c| (0..=MAX_CHAR).contains(&c))))
}

/// `(type-of OBJECT)`, as Emacs 28: a record's type is its slot 0, or,
/// when that is itself a record of two or more slots (a class), its slot 1.
fn type_of(interp: &mut Interp, args: &[Value]) -> LResult {
    use crate::gc::{Tag, VecKind};
    let v = args[0];
    let name = match v.tag() {
        Tag::Fixnum => "integer",
        Tag::Symbol => "symbol",
        Tag::String => "string",
        Tag::Float => "float",
        Tag::Cons => "cons",
        Tag::VecLike => match interp.heap.veclike_kind(v) {
            VecKind::Vector => "vector",
            VecKind::HashTable => "hash-table",
            VecKind::Bignum => "integer",
            // Emacs says `user-ptr` for every one: the type's name is more
            // useful, and `user-ptrp` still tells them apart.
            VecKind::HostObject => interp.heap.host_object(v).type_name,
            VecKind::Record => {
                let t = interp.heap.vec_get(v, 0);
                if interp.heap.is_record(t) && interp.heap.vec_len(t) > 1 {
                    return Ok(interp.heap.vec_get(t, 1));
                }
                return Ok(t);
            }
        },
        Tag::Immediate => {
            if v.as_host_fn().is_some() {
                "module-function"
            } else {
                "subr"
            }
        }
    };
    Ok(interp.intern(name))
}

fn vectorp(interp: &mut Interp, args: &[Value]) -> LResult {
    Ok(Value::bool(interp.heap.is_vector(args[0])))
}

fn sequencep(interp: &mut Interp, args: &[Value]) -> LResult {
    let v = args[0];
    Ok(Value::bool(v.is_cons() || v.is_nil() || v.is_string() || interp.heap.is_vector(v)))
}

fn arrayp(interp: &mut Interp, args: &[Value]) -> LResult {
    let v = args[0];
    Ok(Value::bool(v.is_string() || interp.heap.is_vector(v)))
}

/// Follows a symbol's function indirections without signalling: the final
/// definition, or nil when void or cyclic.
fn indirect_function_quiet(interp: &Interp, mut f: Value) -> Value {
    let mut hops = 0;
    while f.is_symbol() && !f.is_nil() {
        f = interp.symbol_function(f);
        hops += 1;
        if hops > 1000 {
            return Value::NIL;
        }
    }
    f
}

/// Emacs's `FUNCTIONP`: subrs that are not special forms, `lambda` and
/// `closure` lists, and symbols whose definition is one of those.
pub fn is_function(interp: &Interp, v: Value) -> bool {
    let mut object = v;
    if object.is_symbol() && !object.is_nil() && !interp.symbol_function(object).is_nil() {
        object = indirect_function_quiet(interp, object);
        if object.is_cons() && interp.symbol_name_is(interp.heap.car(object), "autoload") {
            let mut o = object;
            for _ in 0..4 {
                if !o.is_cons() {
                    break;
                }
                o = interp.heap.cdr(o);
            }
            return !o.is_cons() || interp.heap.car(o).is_nil();
        }
    }
    if let Some(id) = object.as_subr() {
        return matches!(subr(id).kind, SubrKind::Fn(_));
    }
    if object.as_host_fn().is_some() {
        return true;
    }
    if object.is_cons() {
        let car = interp.heap.car(object);
        return car == sym::LAMBDA || car == sym::CLOSURE;
    }
    false
}

trait SymbolNameIs {
    fn symbol_name_is(&self, v: Value, name: &str) -> bool;
}

impl SymbolNameIs for Interp {
    fn symbol_name_is(&self, v: Value, name: &str) -> bool {
        v.is_symbol() && self.symbol_name(v) == name
    }
}

fn functionp(interp: &mut Interp, args: &[Value]) -> LResult {
    Ok(Value::bool(is_function(interp, args[0])))
}

fn subrp(_: &mut Interp, args: &[Value]) -> LResult {
    Ok(Value::bool(args[0].as_subr().is_some()))
}

fn special_form_p(interp: &mut Interp, args: &[Value]) -> LResult {
    let mut object = args[0];
    if object.is_symbol() && !interp.symbol_function(object).is_nil() {
        object = indirect_function_quiet(interp, object);
    }
    Ok(Value::bool(object.as_subr().is_some_and(|id| matches!(subr(id).kind, SubrKind::Special(_)))))
}

/// Emacs's `macrop` (Lisp in Emacs): the definition is `(macro . F)` or an
/// autoload of a macro.
fn macrop(interp: &mut Interp, args: &[Value]) -> LResult {
    let def = indirect_function_quiet(interp, args[0]);
    if !def.is_cons() {
        return Ok(Value::NIL);
    }
    let car = interp.heap.car(def);
    if car == sym::MACRO {
        return Ok(Value::T);
    }
    if interp.symbol_name_is(car, "autoload") {
        // (autoload FILE DOC INTERACTIVE TYPE): (nth 4 def) in '(macro t).
        let mut o = def;
        for _ in 0..4 {
            o = interp.cdr_safe(o);
        }
        let ty = interp.car_safe(o);
        if ty == sym::MACRO || ty == Value::T {
            // memq returns the tail.
            return Ok(interp.list(if ty == sym::MACRO { &[sym::MACRO, Value::T] } else { &[Value::T] }));
        }
    }
    Ok(Value::NIL)
}

fn booleanp(_: &mut Interp, args: &[Value]) -> LResult {
    Ok(Value::bool(args[0].is_nil() || args[0] == Value::T))
}

fn hash_table_p(interp: &mut Interp, args: &[Value]) -> LResult {
    Ok(Value::bool(interp.heap.is_hash_table(args[0])))
}

/// True for a host object (Emacs's `user-ptr`), but not for a buffer
/// (which minilisp carries in a host-object cell).
fn user_ptrp(interp: &mut Interp, args: &[Value]) -> LResult {
    Ok(Value::bool(interp.heap.is_host_object(args[0]) && !crate::interp::buffer::is_buffer(interp, args[0])))
}

fn eq(_: &mut Interp, args: &[Value]) -> LResult {
    Ok(Value::bool(args[0] == args[1]))
}

fn eql(interp: &mut Interp, args: &[Value]) -> LResult {
    Ok(Value::bool(interp.eql(args[0], args[1])))
}

fn equal(interp: &mut Interp, args: &[Value]) -> LResult {
    Ok(Value::bool(interp.equal(args[0], args[1])?))
}

fn sxhash_eq(_: &mut Interp, args: &[Value]) -> LResult {
    Ok(crate::gc::hash::sxhash_eq(args[0]))
}

fn sxhash_eql(interp: &mut Interp, args: &[Value]) -> LResult {
    Ok(crate::gc::hash::sxhash_eql(&interp.heap, args[0]))
}

fn sxhash_equal(interp: &mut Interp, args: &[Value]) -> LResult {
    Ok(crate::gc::hash::sxhash_equal(&interp.heap, args[0]))
}

//! The printer: `prin1` (readable) and `princ` (raw) text of any value.
//! (Placeholder being completed: floats, escapes, circularity.)

use super::Interp;
use crate::gc::{Tag, Value};

/// The printed representation of `v`; `escape` selects `prin1` over `princ`.
pub fn to_string(interp: &Interp, v: Value, escape: bool) -> String {
    let mut out = String::new();
    print(interp, v, escape, &mut out);
    out
}

fn print(interp: &Interp, v: Value, escape: bool, out: &mut String) {
    let heap = &interp.heap;
    match v.tag() {
        Tag::Fixnum => out.push_str(&v.as_fixnum().unwrap().to_string()),
        Tag::Symbol => out.push_str(interp.symbol_name(v)),
        Tag::String => {
            if escape {
                out.push_str(&format!("{:?}", heap.str(v)))
            } else {
                out.push_str(heap.str(v))
            }
        }
        Tag::Float => out.push_str(&format!("{:?}", heap.float(v))),
        Tag::Cons => {
            out.push('(');
            let mut l = v;
            let mut first = true;
            while l.is_cons() {
                if !first {
                    out.push(' ');
                }
                first = false;
                print(interp, heap.car(l), escape, out);
                l = heap.cdr(l);
            }
            if !l.is_nil() {
                out.push_str(" . ");
                print(interp, l, escape, out);
            }
            out.push(')');
        }
        Tag::VecLike => out.push_str("#<veclike>"),
        Tag::Immediate => match v.as_subr() {
            Some(id) => out.push_str(&format!("#<subr {}>", super::subr::subr(id).name)),
            None => out.push_str("#<unbound>"),
        },
    }
}

/// Emacs's float printing (shortest of %.15g/%.16g/%.17g that reads back,
/// `.0` added when needed, `1.0e+INF`, `0.0e+NaN`). Used by `number-to-string`.
pub fn format_float(f: f64) -> String {
    format!("{f:?}")
}

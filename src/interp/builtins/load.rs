//! Loading source: `load`, `require`, `provide`, and the read-eval loop
//! shared by files, the prelude and `--eval`.

use crate::gc::Value;
use crate::interp::reader::Reader;
use crate::interp::subr::Subr;
use crate::interp::{Interp, LResult};

pub const SUBRS: &[Subr] = &[];

/// Reads and evaluates every form of `src` with lexical binding, as
/// Emacs loads a file with `lexical-binding: t`.
pub fn eval_source(interp: &mut Interp, src: &str, _file_name: &str) -> LResult {
    let mut reader = Reader::new(src);
    let mut last = Value::NIL;
    while let Some(form) = reader.read(interp)? {
        let slot = interp.push_root(form);
        let saved = interp.lexenv;
        interp.lexenv = interp.cons(Value::T, Value::NIL);
        let r = interp.eval(form);
        interp.lexenv = saved;
        interp.stack.truncate(slot);
        last = r?;
    }
    Ok(last)
}

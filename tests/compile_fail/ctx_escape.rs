// A host function's `Ctx` is borrowed for one call only: it cannot be
// stored where it would outlive the call.
use std::sync::Mutex;

use minilisp::{Ctx, Lisp};

static ESCAPED: Mutex<Option<&'static mut Ctx<'static>>> = Mutex::new(None);

fn main() {
    let mut lisp = Lisp::bare();
    lisp.register("leak", |ctx: &mut Ctx<'_>, (): ()| {
        *ESCAPED.lock().unwrap() = Some(ctx);
    });
}

// The interpreter behind a `Lisp` and its heap and stack are private.
fn main() {
    let mut lisp = minilisp::Lisp::bare();
    let _engine = &mut lisp.m;
    let _heap = &mut lisp.heap;
    let _stack = &mut lisp.stack;
}

//! Macro expansion as Emacs 28 does it: `macroexpand-1` (macroexp.el),
//! `macroexpand` (eval.c) and `macroexpand-all` (macroexp.el's
//! `macroexp--expand-all`, including its compiler-macro and
//! `(funcall #'f ...)`/`((lambda ...) ...)` rewrites), used eagerly when a
//! file is loaded.
//!
//! The walk is recursive but counts Lisp nesting depth (so a form nested
//! deeper than `max-lisp-eval-depth` signals the usual error) and grows the
//! Rust stack on demand. Every intermediate value is kept on the root stack.

use super::symbols as sym;
use super::{Flow, Interp, LResult};
use crate::gc::Value;

const STACK_RED_ZONE: usize = 128 * 1024;
const STACK_SEGMENT: usize = 2 * 1024 * 1024;

/// Symbols the walker compares against, interned once per expansion.
struct Ctx {
    env: Value,
    funcall: Value,
    compiler_macro: Value,
    funarg_positions: Value,
    cxr_handler: Value,
    backquote_list: Value,
}

impl Interp {
    /// `(assq KEY ENV)`, skipping non-cons elements and stopping at a
    /// non-list tail.
    fn env_assq(&self, key: Value, mut env: Value) -> Value {
        while env.is_cons() {
            let b = self.heap.car(env);
            if b.is_cons() && self.heap.car(b) == key {
                return b;
            }
            env = self.heap.cdr(env);
        }
        Value::NIL
    }

    /// `(apply EXPANDER ARGS)` for a macro call's unevaluated arguments.
    fn apply_expander(&mut self, expander: Value, args: Value) -> LResult {
        let base = self.push_root(expander);
        let r = (|| {
            let mut a = args;
            while a.is_cons() {
                self.stack.push(self.heap.car(a));
                a = self.heap.cdr(a);
            }
            if !a.is_nil() {
                return Err(self.wrong_type(sym::LISTP, args));
            }
            self.call_on_stack(base)
        })();
        self.stack.truncate(base);
        r
    }

    /// True if `f` (after symbol indirection) is a macro.
    fn macro_indirect_p(&mut self, f: Value) -> LResult<bool> {
        let def = self.indirect_function(f)?;
        Ok(def.is_cons() && self.heap.car(def) == sym::MACRO)
    }

    /// `(macroexpand-1 FORM ENVIRONMENT)`.
    pub fn macroexpand_1(&mut self, form: Value, env: Value) -> LResult {
        if !form.is_cons() {
            return Ok(form);
        }
        let head = self.heap.car(form);
        let args = self.heap.cdr(form);
        let e = self.env_assq(head, env);
        if e.is_cons() {
            let expander = self.heap.cdr(e);
            return if expander.is_nil() { Ok(form) } else { self.apply_expander(expander, args) };
        }
        if !head.is_symbol() {
            return Ok(form);
        }
        let def = self.symbol_function(head);
        if def.is_nil() {
            return Ok(form);
        }
        if def.is_symbol() {
            return if self.macro_indirect_p(def)? { Ok(self.cons(def, args)) } else { Ok(form) };
        }
        if def.is_cons() && self.heap.car(def) == sym::MACRO {
            let expander = self.heap.cdr(def);
            return self.apply_expander(expander, args);
        }
        Ok(form)
    }

    /// `(macroexpand FORM ENVIRONMENT)`: expands until the head is no
    /// longer a macro (or an expansion returns its argument unchanged).
    pub fn macroexpand(&mut self, form: Value, env: Value) -> LResult {
        let slot = self.push_root(form);
        let r = self.macroexpand_loop(slot, env);
        self.stack.truncate(slot);
        r
    }

    fn macroexpand_loop(&mut self, slot: usize, env: Value) -> LResult {
        loop {
            let form = self.stack[slot];
            if !form.is_cons() {
                return Ok(form);
            }
            let mut def = self.heap.car(form);
            let mut tem = Value::NIL;
            let mut hops = 0;
            while def.is_symbol() {
                tem = self.env_assq(def, env);
                if tem.is_nil() {
                    let next = self.symbol_function(def);
                    if !next.is_nil() && hops < 100 {
                        def = next;
                        hops += 1;
                        continue;
                    }
                    def = next;
                }
                break;
            }
            let expander = if tem.is_nil() {
                if !def.is_cons() || self.heap.car(def) != sym::MACRO {
                    return Ok(form);
                }
                self.heap.cdr(def)
            } else {
                let x = self.heap.cdr(tem);
                if x.is_nil() {
                    return Ok(form);
                }
                x
            };
            let newform = self.apply_expander(expander, self.heap.cdr(form))?;
            if newform == form {
                return Ok(form);
            }
            self.stack[slot] = newform;
        }
    }

    /// `(macroexpand-all FORM ENVIRONMENT)`.
    pub fn macroexpand_all(&mut self, form: Value, env: Value) -> LResult {
        let base = self.stack.len();
        self.stack.push(form);
        self.stack.push(env);
        let ctx = Ctx {
            env,
            funcall: self.intern("funcall"),
            compiler_macro: self.intern("compiler-macro"),
            funarg_positions: self.intern("funarg-positions"),
            cxr_handler: self.intern("internal--compiler-macro-cXXr"),
            backquote_list: self.intern("backquote-list*"),
        };
        let count = self.specpdl_depth();
        let envsym = self.intern("macroexpand-all-environment");
        let r = self.specbind(envsym, env).and_then(|()| {
            self.enter()?;
            let r = self.expand_all(&ctx, form);
            self.depth -= 1;
            r
        });
        self.unbind_to(count);
        self.stack.truncate(base);
        r
    }

    /// Runs `f`; an error whose conditions include `error` is caught: the
    /// evaluator state is restored and the error object `(SYMBOL . DATA)`
    /// returned as `Ok(Err(obj))` (the caller must root it).
    pub(crate) fn catch_error(&mut self, f: impl FnOnce(&mut Interp) -> LResult) -> LResult<Result<Value, Value>> {
        let base = self.stack.len();
        let count = self.specpdl_depth();
        let ntags = self.catch_tags.len();
        let env = self.lexenv;
        self.stack.push(env);
        let r = f(self);
        match r {
            Ok(v) => {
                self.stack.truncate(base);
                Ok(Ok(v))
            }
            Err(Flow::Signal) if self.condition_matches(self.pending.0, sym::ERROR) => {
                self.stack.truncate(base);
                self.unbind_to(count);
                self.catch_tags.truncate(ntags);
                self.lexenv = env;
                let e = self.pending_pair();
                self.pending = (Value::NIL, Value::NIL);
                Ok(Err(e))
            }
            Err(flow) => {
                self.stack.truncate(base);
                Err(flow)
            }
        }
    }

    /// Counts `n` levels of Lisp nesting (undone with `self.depth -= n`).
    pub(crate) fn enter_n(&mut self, n: usize) -> LResult<()> {
        for i in 0..n {
            if let Err(e) = self.enter() {
                self.depth -= i;
                return Err(e);
            }
        }
        Ok(())
    }

    fn expand_all(&mut self, ctx: &Ctx, form: Value) -> LResult {
        // Emacs's byte-compiled walker uses two Lisp frames per level.
        self.enter_n(2)?;
        let base = self.push_root(form);
        let r = stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || self.expand_all_inner(ctx, form));
        self.stack.truncate(base);
        self.depth -= 2;
        r
    }

    /// `(if (and (eq car (car orig)) (eq cdr (cdr orig))) orig (cons car cdr))`.
    fn mcons(&mut self, car: Value, cdr: Value, orig: Value) -> Value {
        if orig.is_cons() && self.heap.car(orig) == car && self.heap.cdr(orig) == cdr {
            orig
        } else {
            self.cons(car, cdr)
        }
    }

    fn expand_all_inner(&mut self, ctx: &Ctx, form: Value) -> LResult {
        if form.is_cons() && self.heap.car(form) == ctx.backquote_list {
            let args = self.all_forms(ctx, form, 1)?;
            return self.macroexpand(args, ctx.env);
        }
        let form = self.macroexpand(form, ctx.env)?;
        self.stack.push(form);
        if !form.is_cons() {
            return Ok(form);
        }
        let head = self.heap.car(form);
        let rest = self.heap.cdr(form);
        if head == sym::COND {
            let nc = self.all_clauses(ctx, rest, 0)?;
            return Ok(self.mcons(sym::COND, nc, form));
        }
        // (A malformed condition-case falls through to the generic case.)
        if head == sym::CONDITION_CASE && rest.is_cons() && self.heap.cdr(rest).is_cons() {
            let var = self.heap.car(rest);
            let rest2 = self.heap.cdr(rest);
            let body = self.heap.car(rest2);
            let handlers = self.heap.cdr(rest2);
            let nb = self.expand_all(ctx, body)?;
            self.stack.push(nb);
            let nh = self.all_clauses(ctx, handlers, 1)?;
            self.stack.push(nh);
            let c2 = self.mcons(nb, nh, rest2);
            self.stack.push(c2);
            let c1 = self.mcons(var, c2, rest);
            self.stack.push(c1);
            return Ok(self.mcons(sym::CONDITION_CASE, c1, form));
        }
        if head == sym::DEFVAR || head == sym::DEFCONST {
            return self.all_forms(ctx, form, 2);
        }
        if head == sym::FUNCTION {
            if rest.is_cons() && self.heap.cdr(rest).is_nil() {
                let f = self.heap.car(rest);
                if f.is_cons() && self.heap.car(f) == sym::LAMBDA {
                    let nf = self.all_forms(ctx, f, 2)?;
                    self.stack.push(nf);
                    let inner = self.mcons(nf, Value::NIL, rest);
                    self.stack.push(inner);
                    return Ok(self.mcons(sym::FUNCTION, inner, form));
                }
            }
            return Ok(form);
        }
        if head == sym::QUOTE {
            return Ok(form);
        }
        if head == sym::LET || head == sym::LET_STAR {
            let bindings = self.car_safe(rest);
            let body = self.cdr_safe(rest);
            let nb = self.all_clauses(ctx, bindings, 1)?;
            self.stack.push(nb);
            let nbody = if body.is_nil() { self.cons(Value::NIL, Value::NIL) } else { self.all_forms(ctx, body, 0)? };
            self.stack.push(nbody);
            let inner = self.mcons(nb, nbody, rest);
            self.stack.push(inner);
            return Ok(self.mcons(head, inner, form));
        }
        if head.is_cons() && self.heap.car(head) == sym::LAMBDA {
            let newform = self.unfold_lambda(form)?;
            if newform == form {
                let nf = self.all_forms(ctx, head, 2)?;
                self.stack.push(nf);
                let na = self.all_forms(ctx, rest, 0)?;
                self.stack.push(na);
                return Ok(self.mcons(nf, na, form));
            }
            self.stack.push(newform);
            return self.expand_all(ctx, newform);
        }
        if head == ctx.funcall {
            let (exp, args) = if rest.is_cons() { (self.heap.car(rest), self.heap.cdr(rest)) } else { (Value::NIL, Value::NIL) };
            let eexp = self.expand_all(ctx, exp)?;
            self.stack.push(eexp);
            let eargs = self.all_forms(ctx, args, 0)?;
            self.stack.push(eargs);
            if eexp.is_cons() && self.heap.car(eexp) == sym::FUNCTION {
                let t = self.heap.cdr(eexp);
                if t.is_cons() && self.heap.cdr(t).is_nil() {
                    let f = self.heap.car(t);
                    let nf = self.cons(f, eargs);
                    self.stack.push(nf);
                    return self.expand_all(ctx, nf);
                }
            }
            return Ok(self.list_with_tail(&[ctx.funcall, eexp], eargs));
        }
        // A function call (or a special form): check for a compiler macro.
        let handler = self.function_get(head, ctx.compiler_macro);
        self.warn_quoted_lambdas(ctx, form)?;
        if handler.is_nil() {
            return self.all_forms(ctx, form, 1);
        }
        self.stack.push(handler);
        let newform = self.call_compiler_macro(ctx, handler, form)?;
        self.stack.push(newform);
        if newform != form {
            return self.expand_all(ctx, newform);
        }
        let newform = self.all_forms(ctx, form, 1)?;
        self.stack.push(newform);
        if self.equal(form, newform)? {
            return Ok(form);
        }
        let again = self.call_compiler_macro(ctx, handler, newform)?;
        self.stack.push(again);
        if again == newform { Ok(newform) } else { self.expand_all(ctx, again) }
    }

    /// Emacs's `function-get`: a property of a function symbol, following
    /// aliases.
    pub fn function_get(&self, f: Value, prop: Value) -> Value {
        let mut f = f;
        let mut hops = 0;
        while f.is_symbol() && hops < 100 {
            let v = self.get(f, prop);
            if !v.is_nil() {
                return v;
            }
            let def = self.symbol_function(f);
            if def.is_nil() {
                return Value::NIL;
            }
            f = def;
            hops += 1;
        }
        Value::NIL
    }

    /// `(funarg-positions)`: warn about `'(lambda ...)` arguments.
    fn warn_quoted_lambdas(&mut self, ctx: &Ctx, form: Value) -> LResult<()> {
        let positions = self.function_get(self.heap.car(form), ctx.funarg_positions);
        let mut p = positions;
        while p.is_cons() {
            let n = self.heap.car(p).as_fixnum().unwrap_or(-1);
            p = self.heap.cdr(p);
            if n < 0 {
                continue;
            }
            let mut arg = form;
            for _ in 0..n {
                arg = self.cdr_safe(arg);
            }
            let arg = self.car_safe(arg);
            if arg.is_cons() && self.heap.car(arg) == sym::QUOTE {
                let f = self.car_safe(self.heap.cdr(arg));
                if f.is_cons() && self.heap.car(f) == sym::LAMBDA {
                    let args = self.car_safe(self.heap.cdr(f));
                    let what = format!("(lambda {} \\.\\.\\.)", self.prin1_to_string(args));
                    self.warn(&format!("{what} quoted with ' rather than with #'"));
                }
            }
        }
        Ok(())
    }

    /// `macroexp-warn-and-return`'s message when not compiling.
    pub(crate) fn warn(&mut self, msg: &str) {
        let file = self.symbol_value(sym::LOAD_FILE_NAME);
        let prefix = if file.is_string() {
            format!("{}: ", file_relative_name(self.heap.str(file)))
        } else {
            String::new()
        };
        let line = format!("{prefix}Warning: {msg}");
        crate::interp::builtins::load::message(self, &line);
    }

    /// Applies a compiler macro; an error is reported and leaves the form.
    fn call_compiler_macro(&mut self, ctx: &Ctx, handler: Value, form: Value) -> LResult {
        if handler == ctx.cxr_handler
            && let Some(v) = self.cxr_expand(form)?
        {
            return Ok(v);
        }
        let r = self.catch_error(|interp| {
            let base = interp.push_root(handler);
            interp.stack.push(form);
            let r = {
                let mut a = interp.heap.cdr(form);
                while a.is_cons() {
                    interp.stack.push(interp.heap.car(a));
                    a = interp.heap.cdr(a);
                }
                interp.call_on_stack(base)
            };
            interp.stack.truncate(base);
            r
        })?;
        match r {
            Ok(v) => Ok(v),
            Err(e) => {
                let msg = format!(
                    "Compiler-macro error for {}: {}",
                    self.prin1_to_string(self.heap.car(form)),
                    self.prin1_to_string(e)
                );
                crate::interp::builtins::load::message(self, &msg);
                Ok(form)
            }
        }
    }

    /// `internal--compiler-macro-cXXr`: `(cadr X)` → `(car (cdr X))`.
    /// `None` when the form does not fit (the generic path reports it).
    fn cxr_expand(&mut self, form: Value) -> LResult<Option<Value>> {
        let args = self.heap.cdr(form);
        if !args.is_cons() || !self.heap.cdr(args).is_nil() {
            return Ok(None);
        }
        let mut head = self.heap.car(form);
        let mut hops = 0;
        let ops = loop {
            if !head.is_symbol() || hops > 100 {
                return Ok(None);
            }
            if let Some(ops) = cxr_ops(self.symbol_name(head)) {
                break ops.to_vec();
            }
            head = self.symbol_function(head);
            hops += 1;
        };
        let mut x = self.heap.car(args);
        let slot = self.push_root(x);
        // Innermost operation last in the name: (cadr x) = (car (cdr x)).
        for &op in ops.iter().rev() {
            let f = if op == b'a' { self.intern("car") } else { self.intern("cdr") };
            x = self.list(&[f, x]);
            self.stack[slot] = x;
        }
        self.stack.truncate(slot);
        Ok(Some(x))
    }

    /// `macroexp--all-forms`: expands the elements of `forms` after the
    /// first `skip`, sharing the unchanged tail.
    fn all_forms(&mut self, ctx: &Ctx, forms: Value, skip: usize) -> LResult {
        self.map_shared(forms, |interp, i, x| if i < skip { Ok(x) } else { interp.expand_all(ctx, x) })
    }

    /// `macroexp--all-clauses`: `all_forms` on each list element.
    fn all_clauses(&mut self, ctx: &Ctx, clauses: Value, skip: usize) -> LResult {
        self.map_shared(clauses, |interp, _, c| {
            if c.is_cons() || c.is_nil() { interp.all_forms(ctx, c, skip) } else { Ok(c) }
        })
    }

    /// `macroexp--accumulate`: maps `f` over the elements of a (possibly
    /// dotted) list, returning the list itself when nothing changed and
    /// otherwise sharing the tail after the last changed element.
    fn map_shared(&mut self, list: Value, mut f: impl FnMut(&mut Interp, usize, Value) -> LResult) -> LResult {
        let base = self.push_root(list);
        let r = (|| {
            let mut tail = list;
            let mut i = 0;
            let mut last_changed: Option<usize> = None;
            while tail.is_cons() {
                let x = self.heap.car(tail);
                let nx = f(self, i, x)?;
                self.stack.push(nx);
                if nx != x {
                    last_changed = Some(i);
                }
                tail = self.heap.cdr(tail);
                i += 1;
            }
            let Some(last) = last_changed else { return Ok(list) };
            let mut shared = list;
            for _ in 0..=last {
                shared = self.heap.cdr(shared);
            }
            let items: Vec<Value> = self.stack[base + 1..base + 2 + last].to_vec();
            Ok(self.list_with_tail(&items, shared))
        })();
        self.stack.truncate(base);
        r
    }

    /// `macroexp--unfold-lambda`: `((lambda ARGS . BODY) . VALUES)` to
    /// `(let BINDINGS . BODY)`; returns `form` itself when it cannot.
    fn unfold_lambda(&mut self, form: Value) -> LResult {
        let base = self.push_root(form);
        let r = self.unfold_lambda_inner(form, base);
        self.stack.truncate(base);
        r
    }

    fn unfold_lambda_inner(&mut self, form: Value, base: usize) -> LResult {
        let lambda = self.heap.car(form);
        let mut values = self.heap.cdr(form);
        let arglist = self.car_safe(self.cdr_safe(lambda));
        let mut body = self.cdr_safe(self.cdr_safe(lambda));
        if self.car_safe(body).is_string() && !self.cdr_safe(body).is_nil() {
            body = self.heap.cdr(body);
        }
        let first = self.car_safe(body);
        if first.is_cons() && self.heap.car(first) == sym::INTERACTIVE {
            body = self.heap.cdr(body);
        }
        let name = "anonymous lambda";
        let mut optionalp = false;
        let mut restp = false;
        let mut too_few = false;
        // Bindings accumulate on the stack as (var value-form) lists.
        let bstart = self.stack.len();
        let mut a = arglist;
        while !a.is_nil() {
            if !a.is_cons() {
                return Err(self.wrong_type(sym::LISTP, a));
            }
            let p = self.heap.car(a);
            let next = self.heap.cdr(a);
            if p == sym::AND_OPTIONAL {
                if restp {
                    return Err(self.error(&format!("&optional found after &rest in {name}")));
                }
                if next.is_nil() {
                    return Err(self.error(&format!("Nothing after &optional in {name}")));
                }
                optionalp = true;
            } else if p == sym::AND_REST {
                if next.is_nil() {
                    return Err(self.error(&format!("Nothing after &rest in {name}")));
                }
                if !self.cdr_safe(next).is_nil() {
                    return Err(self.error(&format!("Multiple vars after &rest in {name}")));
                }
                restp = true;
            } else if restp {
                let v = if values.is_nil() {
                    Value::NIL
                } else {
                    let l = self.intern("list");
                    self.cons(l, values)
                };
                let b = self.list(&[p, v]);
                self.stack.push(b);
                values = Value::NIL;
            } else if !optionalp && values.is_nil() {
                too_few = true;
                break;
            } else {
                let v = self.car_safe(values);
                let b = self.list(&[p, v]);
                self.stack.push(b);
                values = self.cdr_safe(values);
            }
            a = next;
        }
        if too_few || !values.is_nil() {
            let which = if too_few { "too few" } else { "too many" };
            self.warn(&format!("attempt to open-code `{name}' with {which} arguments"));
            return Ok(form);
        }
        let _ = base;
        let bindings: Vec<Value> = self.stack[bstart..].to_vec();
        if !bindings.is_empty() {
            let bl = self.list(&bindings);
            self.stack.push(bl);
            return Ok(self.list_with_tail(&[sym::LET, bl], body));
        }
        // macroexp-progn
        if self.cdr_safe(body).is_nil() {
            Ok(self.car_safe(body))
        } else {
            Ok(self.cons(sym::PROGN, body))
        }
    }
}

/// The car/cdr letters of a `c[ad]+r` suffix of `name` (as
/// `(string-match "c[ad]+r\\'" name)` finds it).
fn cxr_ops(name: &str) -> Option<&[u8]> {
    let b = name.as_bytes();
    if b.len() < 3 || b[b.len() - 1] != b'r' {
        return None;
    }
    let end = b.len() - 1;
    let mut start = end;
    while start > 0 && (b[start - 1] == b'a' || b[start - 1] == b'd') {
        start -= 1;
    }
    if start == end || start == 0 || b[start - 1] != b'c' {
        // Maybe a shorter run: the regex needs "c" right before the run.
        return None;
    }
    Some(&b[start..end])
}

/// `(file-relative-name FILE)` against the current directory.
pub fn file_relative_name(file: &str) -> String {
    let Ok(cwd) = std::env::current_dir() else { return file.to_string() };
    let cwd = cwd.to_string_lossy().to_string();
    let cwd_parts: Vec<&str> = cwd.split('/').filter(|s| !s.is_empty()).collect();
    let file_parts: Vec<&str> = file.split('/').filter(|s| !s.is_empty()).collect();
    if !file.starts_with('/') {
        return file.to_string();
    }
    let common = cwd_parts.iter().zip(file_parts.iter()).take_while(|(a, b)| a == b).count();
    let mut out: Vec<&str> = vec![".."; cwd_parts.len() - common];
    out.extend_from_slice(&file_parts[common..]);
    if out.is_empty() { ".".to_string() } else { out.join("/") }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(src: &str) -> String {
        let mut interp = Interp::new().expect("prelude");
        match interp.eval_str(src) {
            Ok(v) => interp.prin1_to_string(v),
            Err(e) => format!("ERR {}", e.object),
        }
    }

    #[test]
    fn expands_all_levels() {
        assert_eq!(run("(macroexpand-all '(when a (unless b c)))"), "(if a (progn (if b nil c)))");
        assert_eq!(run("(macroexpand-all '(cadr (funcall #'caar x)))"), "(car (cdr (car (car x))))");
        assert_eq!(run("(macroexpand-all '((lambda (x) x) 1))"), "(let ((x 1)) x)");
        assert_eq!(run("(macroexpand-all ''(when a b))"), "'(when a b)");
        assert_eq!(run("(macroexpand-all '(condition-case when (when a b) (when (when c d))))"),
                   "(condition-case when (if a (progn b)) (when (if c (progn d))))");
    }

    #[test]
    fn shares_unchanged_structure() {
        assert_eq!(run("(let ((f '(foo (bar 1) (baz 2)))) (eq f (macroexpand-all f)))"), "t");
        assert_eq!(run("(let* ((f '(foo (when a b) (baz 2))) (g (macroexpand-all f))) (eq (nthcdr 2 f) (nthcdr 2 g)))"), "t");
    }

    #[test]
    fn environment_shadows_macros() {
        assert_eq!(run("(macroexpand '(when a b) '((when . nil)))"), "(when a b)");
        assert_eq!(run("(macroexpand-1 '(m 1) (list (cons 'm (lambda (x) (list 'quote x)))))"), "'1");
    }

    #[test]
    fn deep_forms_signal_instead_of_overflowing() {
        let n = 100_000;
        let deep = format!("(quote {}1{})", "(list ".repeat(n), ")".repeat(n));
        let src = format!("(condition-case e (progn (macroexpand-all (car (cdr {deep}))) 'no) (error (car e)))");
        assert_eq!(run(&src), "error");
    }

    #[test]
    fn cxr_names() {
        assert_eq!(cxr_ops("cadr"), Some(&b"ad"[..]));
        assert_eq!(cxr_ops("cddddr"), Some(&b"dddd"[..]));
        assert_eq!(cxr_ops("my-cadr"), Some(&b"ad"[..]));
        assert_eq!(cxr_ops("car"), Some(&b"a"[..]));
        assert_eq!(cxr_ops("cr"), None);
        assert_eq!(cxr_ops("foo"), None);
        assert_eq!(cxr_ops("xadr"), None);
    }
}

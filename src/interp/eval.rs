//! The evaluator: `eval`, function calls and the special forms.
//!
//! It follows Emacs 28's `eval_sub`/`funcall_lambda`: interpreted closures
//! are the lists `(closure ENV ARGS . BODY)`, macros are `(macro . FN)`, and
//! the lexical environment is an alist (`(t)` at the top of lexical code).
//! Every frame restores the lexical environment, the dynamic bindings and
//! the root stack on both its normal and its error path, so a catching
//! frame (`catch`, `condition-case`) finds a consistent state.

use smallvec::SmallVec;

use super::builtins::sequences::{Tails, circular, list_length};
use super::subr::{Subr, SubrKind, subr};
use super::symbols as sym;
use super::{Flow, Interp, LResult};
use crate::gc::Value;

/// Grow the Rust stack when less than this much is left...
const STACK_RED_ZONE: usize = 128 * 1024;
/// ...by a new segment of this size (so deep Lisp recursion can never
/// overflow the native stack; `max-lisp-eval-depth` bounds it first).
const STACK_SEGMENT: usize = 2 * 1024 * 1024;

/// Lexical environment entries searched before checking for a cycle.
const LEXENV_UNCHECKED_ENTRIES: usize = 64;
/// Arguments counted before checking for a cycle.
const SHORT_ARG_LIST: usize = 32;

pub const SPECIAL_FORMS: &[Subr] = &[
    Subr::special("quote", 1, None, sf_quote),
    Subr::special("function", 1, None, sf_function),
    Subr::special("if", 2, None, sf_if),
    Subr::special("cond", 0, None, sf_cond),
    Subr::special("and", 0, None, sf_and),
    Subr::special("or", 0, None, sf_or),
    Subr::special("progn", 0, None, sf_progn),
    Subr::special("prog1", 1, None, sf_prog1),
    Subr::special("prog2", 2, None, sf_prog2),
    Subr::special("let", 1, None, sf_let),
    Subr::special("let*", 1, None, sf_let_star),
    Subr::special("setq", 0, None, sf_setq),
    Subr::special("while", 1, None, sf_while),
    Subr::special("defvar", 1, None, sf_defvar),
    Subr::special("defconst", 2, None, sf_defconst),
    Subr::special("catch", 1, None, sf_catch),
    Subr::special("unwind-protect", 1, None, sf_unwind_protect),
    Subr::special("condition-case", 2, None, sf_condition_case),
];

impl Interp {
    #[inline(always)]
    fn car(&self, v: Value) -> Value {
        self.heap.car(v)
    }

    #[inline(always)]
    fn cdr(&self, v: Value) -> Value {
        self.heap.cdr(v)
    }

    /// `car` that treats non-conses as nil (Emacs's `Fcar` on forms that
    /// were already checked, or `car-safe`).
    #[inline(always)]
    pub fn car_safe(&self, v: Value) -> Value {
        if v.is_cons() { self.heap.car(v) } else { Value::NIL }
    }

    #[inline(always)]
    pub fn cdr_safe(&self, v: Value) -> Value {
        if v.is_cons() { self.heap.cdr(v) } else { Value::NIL }
    }

    /// Evaluates `form` in the current environment.
    #[inline]
    pub fn eval(&mut self, form: Value) -> LResult {
        if form.is_symbol() {
            self.eval_symbol(form)
        } else if form.is_cons() {
            self.eval_form(form)
        } else {
            Ok(form)
        }
    }

    /// A variable reference: the lexical binding if any, else the dynamic value.
    #[inline]
    pub fn eval_symbol(&mut self, s: Value) -> LResult {
        if let Some(b) = self.lexical_binding(s)? {
            return Ok(self.cdr(b));
        }
        let v = self.symbol_value(s);
        if v.is_unbound() { Err(self.void_variable(s)) } else { Ok(v) }
    }

    /// The `(SYMBOL . VALUE)` cell binding `s` in the lexical environment.
    /// Like Emacs's `Fassq`, signals `circular-list` if the environment
    /// loops (only a hand-made or mutated closure can make it so); the
    /// check starts past the first entries so ordinary lookups stay a
    /// plain walk.
    #[inline]
    pub fn lexical_binding(&mut self, s: Value) -> LResult<Option<Value>> {
        let mut env = self.lexenv;
        for _ in 0..LEXENV_UNCHECKED_ENTRIES {
            if !env.is_cons() {
                return Ok(None);
            }
            let b = self.car(env);
            if b.is_cons() && self.car(b) == s {
                return Ok(Some(b));
            }
            env = self.cdr(env);
        }
        self.lexical_binding_checked(s)
    }

    /// The same walk from the start with Emacs's cycle check, so a loop is
    /// reported at the tail Emacs reports.
    #[cold]
    fn lexical_binding_checked(&mut self, s: Value) -> LResult<Option<Value>> {
        let mut env = self.lexenv;
        let mut tails = Tails::new(env);
        while env.is_cons() {
            let b = self.car(env);
            if b.is_cons() && self.car(b) == s {
                return Ok(Some(b));
            }
            env = self.cdr(env);
            if tails.advance(env) {
                return Err(circular(self, env));
            }
        }
        Ok(None)
    }

    /// Counts one level of Lisp nesting, signalling Emacs's error past
    /// `max-lisp-eval-depth`, or `quit` when interrupted.
    #[inline]
    pub(crate) fn enter(&mut self) -> LResult<()> {
        self.maybe_quit()?;
        self.depth += 1;
        if self.depth > self.max_depth {
            self.depth -= 1;
            return Err(self.nesting_error());
        }
        Ok(())
    }

    /// Caches the current `max-lisp-eval-depth` (at least 100, as in Emacs)
    /// in `max_depth`, so the hot path compares against a field; called
    /// whenever the variable's value changes (set, bound, unbound, loaded).
    pub(crate) fn refresh_depth_limit(&mut self) {
        let v = self.symbol_value(sym::MAX_LISP_EVAL_DEPTH).as_fixnum().unwrap_or(0);
        self.max_depth = usize::try_from(v).unwrap_or(0).max(100);
    }

    #[cold]
    fn nesting_error(&mut self) -> Flow {
        // Emacs 28 signals a plain `error`; give the handler some room.
        self.error("Lisp nesting exceeds ‘max-lisp-eval-depth’")
    }

    fn eval_form(&mut self, form: Value) -> LResult {
        self.enter()?;
        let r = stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || self.eval_form_inner(form));
        self.depth -= 1;
        r
    }

    /// Follows symbol function indirections (`defalias` to a symbol).
    pub fn indirect_function(&mut self, f: Value) -> LResult {
        let mut f = f;
        let mut hops = 0;
        while f.is_symbol() && !f.is_nil() {
            let next = self.symbol_function(f);
            if next.is_nil() {
                return Ok(Value::NIL);
            }
            f = next;
            hops += 1;
            if hops > 100 {
                return Err(self.signal_list(sym::CYCLIC_FUNCTION_INDIRECTION, &[f]));
            }
        }
        Ok(f)
    }

    fn is_autoload_head(&self, v: Value) -> bool {
        v.is_symbol() && self.symbol_name(v) == "autoload"
    }

    /// Emacs's `autoload-do-load` for a function: loads the file named by
    /// the autoload object FUNDEF (`(autoload FILE ...)`), which must
    /// define FUNNAME.
    fn autoload_do_load(&mut self, fundef: Value, funname: Value) -> LResult<()> {
        let file = self.car(self.cdr(fundef));
        let load = self.intern("load");
        self.funcall(load, &[file, Value::NIL, Value::T])?;
        let def = self.indirect_function(funname)?;
        if def == fundef || (def.is_cons() && self.is_autoload_head(self.car(def))) {
            let file = if file.is_string() { self.heap.str(file).to_owned() } else { String::new() };
            let name = self.symbol_name(funname).to_owned();
            return Err(self.error(&format!("Autoloading file {file} failed to define function {name}")));
        }
        Ok(())
    }

    fn eval_form_inner(&mut self, form: Value) -> LResult {
        let head = self.car(form);
        let args = self.cdr(form);
        let f = if head.is_symbol() {
            self.indirect_function(head)?
        } else if head.is_cons() && self.car(head) == sym::LAMBDA && !self.lexenv.is_nil() {
            // Emacs 28 evaluates a lambda head as `(function (lambda ...))`,
            // so it closes over the current lexical environment.
            let tail = self.cdr(head);
            let inner = self.cons(self.lexenv, tail);
            self.cons(sym::CLOSURE, inner)
        } else {
            head
        };
        if let Some(id) = f.as_subr() {
            let s = subr(id);
            let n = self.arg_count(args)?;
            if n < s.min as usize || s.max.is_some_and(|m| n > m as usize) {
                return Err(self.wrong_number_of_args(head, n));
            }
            return match s.kind {
                SubrKind::Special(sf) => sf(self, args),
                SubrKind::Fn(func) => {
                    let base = self.stack.len();
                    let r = self.eval_args_onto_stack(args);
                    let r = r.and_then(|()| {
                        if let Some(m) = s.max {
                            self.stack.resize(base + m as usize, Value::NIL);
                        }
                        let argv: SmallVec<[Value; 8]> = SmallVec::from_slice(&self.stack[base..]);
                        func(self, &argv)
                    });
                    self.stack.truncate(base);
                    r
                }
            };
        }
        if let Some(id) = f.as_host_fn() {
            self.arg_count(args)?;
            let base = self.stack.len();
            let r = self.eval_args_onto_stack(args).and_then(|()| crate::embed::host::call(self, id, base, head));
            self.stack.truncate(base);
            return r;
        }
        if f.is_cons() {
            let fh = self.car(f);
            if fh == sym::MACRO {
                let base = self.push_root(f);
                let r = self.expand_macro_call(self.cdr(f), args).and_then(|exp| {
                    self.stack.push(exp);
                    self.eval(exp)
                });
                self.stack.truncate(base);
                return r;
            }
            if fh == sym::LAMBDA || fh == sym::CLOSURE {
                self.arg_count(args)?; // as Emacs's `apply_lambda`
                let base = self.push_root(f);
                let r = self.eval_args_onto_stack(args).and_then(|()| self.funcall_lambda(base));
                self.stack.truncate(base);
                return r;
            }
            if head.is_symbol() && self.is_autoload_head(fh) {
                self.autoload_do_load(f, head)?;
                return self.eval_form_inner(form);
            }
        }
        if f.is_nil() && head.is_symbol() {
            return Err(self.void_function(head));
        }
        Err(self.signal_list(sym::INVALID_FUNCTION, &[if head.is_symbol() { f } else { head }]))
    }

    /// The length of a call's argument list, measured first as Emacs's
    /// `eval_sub` does, so a circular or dotted one is an error, not a
    /// loop. Short proper lists (every ordinary call) skip the cycle check.
    #[inline]
    fn arg_count(&mut self, args: Value) -> LResult<usize> {
        let mut n = 0;
        let mut a = args;
        while a.is_cons() && n < SHORT_ARG_LIST {
            n += 1;
            a = self.cdr(a);
        }
        if a.is_nil() { Ok(n) } else { list_length(self, args) }
    }

    /// Evaluates each form of `args` and pushes the values on the stack.
    fn eval_args_onto_stack(&mut self, mut args: Value) -> LResult<()> {
        while args.is_cons() {
            let v = self.eval(self.car(args))?;
            self.stack.push(v);
            args = self.cdr(args);
        }
        Ok(())
    }

    /// Applies macro expander `expander` to the unevaluated `args`.
    pub fn expand_macro_call(&mut self, expander: Value, args: Value) -> LResult {
        list_length(self, args)?; // Emacs applies the expander with `Fapply`
        let base = self.push_root(expander);
        let r = {
            let mut a = args;
            while a.is_cons() {
                self.stack.push(self.car(a));
                a = self.cdr(a);
            }
            self.call_on_stack(base)
        };
        self.stack.truncate(base);
        r
    }

    /// `(funcall F ARGS...)`; `f` and `args` must be rooted by the caller.
    pub fn funcall(&mut self, f: Value, args: &[Value]) -> LResult {
        let base = self.push_root(f);
        self.stack.extend_from_slice(args);
        let r = self.call_on_stack(base);
        self.stack.truncate(base);
        r
    }

    /// Calls the function at `stack[base]` with the arguments above it.
    /// The stack above `base` is left for the caller to truncate.
    pub fn call_on_stack(&mut self, base: usize) -> LResult {
        self.enter()?;
        let r = stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || self.call_on_stack_inner(base));
        self.depth -= 1;
        r
    }

    fn call_on_stack_inner(&mut self, base: usize) -> LResult {
        let original = self.stack[base];
        let f = if original.is_symbol() { self.indirect_function(original)? } else { original };
        let nargs = self.stack.len() - base - 1;
        if let Some(id) = f.as_subr() {
            let s = subr(id);
            let SubrKind::Fn(func) = s.kind else {
                return Err(self.signal_list(sym::INVALID_FUNCTION, &[f]));
            };
            if nargs < s.min as usize || s.max.is_some_and(|m| nargs > m as usize) {
                return Err(self.wrong_number_of_args(f, nargs));
            }
            if let Some(m) = s.max {
                self.stack.resize(base + 1 + m as usize, Value::NIL);
            }
            let argv: SmallVec<[Value; 8]> = SmallVec::from_slice(&self.stack[base + 1..]);
            return func(self, &argv);
        }
        if let Some(id) = f.as_host_fn() {
            return crate::embed::host::call(self, id, base + 1, f);
        }
        if f.is_cons() {
            let fh = self.car(f);
            if fh == sym::LAMBDA || fh == sym::CLOSURE {
                self.stack[base] = f;
                return self.funcall_lambda(base);
            }
            if original.is_symbol() && self.is_autoload_head(fh) {
                self.autoload_do_load(f, original)?;
                return self.call_on_stack_inner(base);
            }
        }
        if f.is_nil() {
            return Err(self.void_function(original));
        }
        Err(self.signal_list(sym::INVALID_FUNCTION, &[original]))
    }

    /// Calls the interpreted function at `stack[base]` (a `lambda` or
    /// `closure` list) with the arguments above it.
    fn funcall_lambda(&mut self, base: usize) -> LResult {
        let fun = self.stack[base];
        let nargs = self.stack.len() - base - 1;
        let rest = self.cdr(fun);
        // Emacs 28 drops the `closure' head before binding, so errors about
        // the arguments show `(ENV ARGS . BODY)`.
        let (env, params, body, fun) = if self.car(fun) == sym::CLOSURE {
            let params_cell = self.cdr_safe(rest);
            if !rest.is_cons() || !params_cell.is_cons() {
                return Err(self.signal_list(sym::INVALID_FUNCTION, &[fun]));
            }
            (self.car(rest), self.car(params_cell), self.cdr(params_cell), rest)
        } else {
            if !rest.is_cons() {
                return Err(self.signal_list(sym::INVALID_FUNCTION, &[fun]));
            }
            (Value::NIL, self.car(rest), self.cdr(rest), fun)
        };
        let saved_env = self.lexenv;
        self.stack.push(saved_env);
        let count = self.specpdl_depth();
        self.lexenv = env;
        let r = self.bind_params(fun, env, params, base, nargs).and_then(|()| self.progn(body));
        self.unbind_to(count);
        self.lexenv = saved_env;
        r
    }

    fn bind_params(&mut self, fun: Value, env: Value, params: Value, base: usize, nargs: usize) -> LResult<()> {
        let mut p = params;
        let mut i = 0;
        let mut optional = false;
        let mut rest = false;
        while p.is_cons() {
            let name = self.car(p);
            p = self.cdr(p);
            if name == sym::AND_OPTIONAL {
                optional = true;
                continue;
            }
            if name == sym::AND_REST {
                rest = true;
                continue;
            }
            if !name.is_symbol() {
                return Err(self.signal_list(sym::INVALID_FUNCTION, &[fun]));
            }
            let arg = if rest {
                let items: SmallVec<[Value; 8]> = SmallVec::from_slice(&self.stack[base + 1 + i.min(nargs)..base + 1 + nargs]);
                i = nargs;
                self.list(&items)
            } else if i < nargs {
                i += 1;
                self.stack[base + i]
            } else if optional {
                Value::NIL
            } else {
                return Err(self.wrong_number_of_args(fun, nargs));
            };
            if !env.is_nil() {
                self.lexenv = self.acons(name, arg, self.lexenv);
            } else {
                self.specbind(name, arg)?;
            }
            if rest {
                break;
            }
        }
        if i < nargs {
            return Err(self.wrong_number_of_args(fun, nargs));
        }
        Ok(())
    }

    /// Evaluates the forms of `body` in order; the value of the last.
    #[inline]
    pub fn progn(&mut self, mut body: Value) -> LResult {
        let mut r = Value::NIL;
        while body.is_cons() {
            r = self.eval(self.car(body))?;
            body = self.cdr(body);
        }
        Ok(r)
    }

    /// `setq` of one variable: the lexical binding if there is one, else
    /// the dynamic value.
    pub fn set_variable(&mut self, s: Value, v: Value) -> LResult<()> {
        if !s.is_symbol() {
            return Err(self.wrong_type(sym::SYMBOLP, s));
        }
        if let Some(b) = self.lexical_binding(s)? {
            self.heap.set_cdr(b, v);
            Ok(())
        } else {
            self.set_symbol_value(s, v)
        }
    }

    /// Binds `var` to `val` the way `let` does: lexically in lexical code
    /// unless the variable is special (globally or by a local `defvar`).
    fn let_bind(&mut self, var: Value, val: Value, outer_env: Value) -> LResult<()> {
        if !var.is_symbol() {
            return Err(self.wrong_type(sym::SYMBOLP, var));
        }
        if !self.lexenv.is_nil() && !self.is_special(var) && !self.memq_bare(var, outer_env) {
            self.lexenv = self.acons(var, val, self.lexenv);
            Ok(())
        } else {
            self.specbind(var, val)
        }
    }

    /// True if `s` appears as a bare symbol (a local special declaration).
    fn memq_bare(&self, s: Value, mut env: Value) -> bool {
        while env.is_cons() {
            if self.car(env) == s {
                return true;
            }
            env = self.cdr(env);
        }
        false
    }

    /// Runs `body` with `self.lexenv` and dynamic bindings restored after.
    fn with_scope(&mut self, body: impl FnOnce(&mut Interp) -> LResult) -> LResult {
        let saved_env = self.lexenv;
        let slot = self.push_root(saved_env);
        let count = self.specpdl_depth();
        let r = body(self);
        self.unbind_to(count);
        self.lexenv = saved_env;
        self.stack.truncate(slot);
        r
    }
}

/// Signals Emacs's error for a malformed `let` binding.
fn let_binding_parts(interp: &mut Interp, b: Value) -> LResult<(Value, Value)> {
    if b.is_symbol() {
        return Ok((b, Value::NIL));
    }
    if !b.is_cons() {
        return Err(interp.wrong_type(sym::LISTP, b));
    }
    let var = interp.car(b);
    let rest = interp.cdr(b);
    if rest.is_cons() && !interp.cdr(rest).is_nil() {
        let msg = interp.make_string("`let' bindings can have only one value-form");
        let items = interp.list_to_vec(b)?;
        let mut all = vec![msg];
        all.extend(items);
        return Err(interp.signal_list(sym::ERROR, &all));
    }
    Ok((var, interp.car_safe(rest)))
}

fn sf_quote(interp: &mut Interp, args: Value) -> LResult {
    if !interp.cdr(args).is_nil() {
        let n = list_length(interp, args)?;
        return Err(interp.wrong_number_of_args(sym::QUOTE, n));
    }
    Ok(interp.car(args))
}

fn sf_function(interp: &mut Interp, args: Value) -> LResult {
    if !interp.cdr(args).is_nil() {
        let n = list_length(interp, args)?;
        return Err(interp.wrong_number_of_args(sym::FUNCTION, n));
    }
    let f = interp.car(args);
    if !interp.lexenv.is_nil() && f.is_cons() && interp.car(f) == sym::LAMBDA {
        let env = interp.lexenv;
        let tail = interp.cdr(f);
        let inner = interp.cons(env, tail);
        return Ok(interp.cons(sym::CLOSURE, inner));
    }
    Ok(f)
}

fn sf_if(interp: &mut Interp, args: Value) -> LResult {
    let c = interp.eval(interp.car(args))?;
    let rest = interp.cdr(args);
    if !c.is_nil() { interp.eval(interp.car(rest)) } else { interp.progn(interp.cdr(rest)) }
}

fn sf_cond(interp: &mut Interp, args: Value) -> LResult {
    let mut clauses = args;
    while clauses.is_cons() {
        let clause = interp.car(clauses);
        if !clause.is_cons() && !clause.is_nil() {
            return Err(interp.wrong_type(sym::LISTP, clause));
        }
        let v = interp.eval(interp.car_safe(clause))?;
        if !v.is_nil() {
            let body = interp.cdr_safe(clause);
            return if body.is_nil() { Ok(v) } else { interp.progn(body) };
        }
        clauses = interp.cdr(clauses);
    }
    Ok(Value::NIL)
}

fn sf_and(interp: &mut Interp, args: Value) -> LResult {
    let mut r = Value::T;
    let mut a = args;
    while a.is_cons() {
        r = interp.eval(interp.car(a))?;
        if r.is_nil() {
            break;
        }
        a = interp.cdr(a);
    }
    Ok(r)
}

fn sf_or(interp: &mut Interp, args: Value) -> LResult {
    let mut a = args;
    while a.is_cons() {
        let r = interp.eval(interp.car(a))?;
        if !r.is_nil() {
            return Ok(r);
        }
        a = interp.cdr(a);
    }
    Ok(Value::NIL)
}

fn sf_progn(interp: &mut Interp, args: Value) -> LResult {
    interp.progn(args)
}

fn sf_prog1(interp: &mut Interp, args: Value) -> LResult {
    let first = interp.eval(interp.car(args))?;
    let slot = interp.push_root(first);
    let r = interp.progn(interp.cdr(args));
    interp.stack.truncate(slot);
    r.map(|_| first)
}

fn sf_prog2(interp: &mut Interp, args: Value) -> LResult {
    interp.eval(interp.car(args))?;
    sf_prog1(interp, interp.cdr(args))
}

fn sf_let(interp: &mut Interp, args: Value) -> LResult {
    let bindings = interp.car(args);
    let body = interp.cdr(args);
    list_length(interp, bindings)?; // as Emacs's `Flet`: no loop on a cycle
    let base = interp.stack.len();
    // Evaluate every init form first, then bind them all.
    let r = (|| {
        let mut b = bindings;
        while b.is_cons() {
            let (var, init) = let_binding_parts(interp, interp.car(b))?;
            let v = interp.eval(init)?;
            interp.stack.push(var);
            interp.stack.push(v);
            b = interp.cdr(b);
        }
        if !b.is_nil() {
            return Err(interp.wrong_type(sym::LISTP, bindings));
        }
        let end = interp.stack.len();
        interp.with_scope(|interp| {
            let outer = interp.lexenv;
            let mut i = base;
            while i < end {
                let (var, val) = (interp.stack[i], interp.stack[i + 1]);
                interp.let_bind(var, val, outer)?;
                i += 2;
            }
            interp.progn(body)
        })
    })();
    interp.stack.truncate(base);
    r
}

fn sf_let_star(interp: &mut Interp, args: Value) -> LResult {
    let bindings = interp.car(args);
    let body = interp.cdr(args);
    interp.with_scope(|interp| {
        let outer = interp.lexenv;
        let mut b = bindings;
        while b.is_cons() {
            let (var, init) = let_binding_parts(interp, interp.car(b))?;
            let v = interp.eval(init)?;
            interp.let_bind(var, v, outer)?;
            b = interp.cdr(b);
        }
        if !b.is_nil() {
            return Err(interp.wrong_type(sym::LISTP, bindings));
        }
        interp.progn(body)
    })
}

fn sf_setq(interp: &mut Interp, args: Value) -> LResult {
    let n = list_length(interp, args)?;
    if n % 2 != 0 {
        return Err(interp.wrong_number_of_args(sym::SETQ, n));
    }
    let mut val = Value::NIL;
    let mut a = args;
    while a.is_cons() {
        let var = interp.car(a);
        let rest = interp.cdr(a);
        val = interp.eval(interp.car(rest))?;
        interp.set_variable(var, val)?;
        a = interp.cdr(rest);
    }
    Ok(val)
}

fn sf_while(interp: &mut Interp, args: Value) -> LResult {
    let test = interp.car(args);
    let body = interp.cdr(args);
    while !interp.eval(test)?.is_nil() {
        interp.progn(body)?;
        interp.maybe_quit()?; // `(while t)` calls nothing that would check
    }
    Ok(Value::NIL)
}

fn sf_defvar(interp: &mut Interp, args: Value) -> LResult {
    let s = interp.car(args);
    if !s.is_symbol() {
        return Err(interp.wrong_type(sym::SYMBOLP, s));
    }
    let tail = interp.cdr(args);
    if tail.is_cons() {
        if !interp.cdr_safe(interp.cdr(tail)).is_nil() {
            return Err(interp.error("Too many arguments"));
        }
        interp.set_special(s);
        if interp.symbol_value(s).is_unbound() {
            let v = interp.eval(interp.car(tail))?;
            interp.set_symbol_value(s, v)?;
        }
    } else if !interp.lexenv.is_nil() && !interp.is_special(s) {
        // `(defvar x)`: x is dynamically bound in the rest of this scope.
        interp.lexenv = interp.cons(s, interp.lexenv);
    }
    Ok(s)
}

fn sf_defconst(interp: &mut Interp, args: Value) -> LResult {
    let s = interp.car(args);
    if !s.is_symbol() {
        return Err(interp.wrong_type(sym::SYMBOLP, s));
    }
    let tail = interp.cdr(args);
    if !interp.cdr_safe(interp.cdr(tail)).is_nil() {
        return Err(interp.error("Too many arguments"));
    }
    let v = interp.eval(interp.car(tail))?;
    interp.set_special(s);
    interp.set_symbol_value(s, v)?;
    let risky = interp.intern("risky-local-variable");
    interp.put(s, risky, Value::T);
    Ok(s)
}

fn sf_catch(interp: &mut Interp, args: Value) -> LResult {
    let tag = interp.eval(interp.car(args))?;
    let base = interp.stack.len();
    let count = interp.specpdl_depth();
    interp.catch_tags.push(tag);
    let ntags = interp.catch_tags.len();
    let r = interp.progn(interp.cdr(args));
    interp.catch_tags.truncate(ntags - 1);
    match r {
        Err(Flow::Throw) if interp.pending.0 == tag => {
            let v = interp.pending.1;
            interp.pending = (Value::NIL, Value::NIL);
            interp.stack.truncate(base);
            interp.unbind_to(count);
            Ok(v)
        }
        other => other,
    }
}

fn sf_unwind_protect(interp: &mut Interp, args: Value) -> LResult {
    let r = interp.eval(interp.car(args));
    let cleanup = interp.cdr(args);
    let base = interp.stack.len();
    let out = match r {
        Ok(v) => {
            interp.stack.push(v);
            interp.progn(cleanup).map(|_| v)
        }
        // kill-emacs leaves at once, as in Emacs.
        Err(Flow::Exit) => Err(Flow::Exit),
        Err(flow) => {
            let (a, b) = interp.pending;
            interp.stack.push(a);
            interp.stack.push(b);
            match interp.progn(cleanup) {
                Ok(_) => {
                    interp.pending = (a, b);
                    Err(flow)
                }
                Err(e) => Err(e),
            }
        }
    };
    interp.stack.truncate(base);
    out
}

fn sf_condition_case(interp: &mut Interp, args: Value) -> LResult {
    let var = interp.car(args);
    if !var.is_symbol() {
        return Err(interp.wrong_type(sym::SYMBOLP, var));
    }
    let rest = interp.cdr(args);
    let bodyform = interp.car(rest);
    let handlers = interp.cdr(rest);
    // Emacs checks the handlers before running the body.
    let mut h = handlers;
    while h.is_cons() {
        let clause = interp.car(h);
        let ok = clause.is_nil() || (clause.is_cons() && (interp.car(clause).is_symbol() || interp.car(clause).is_cons()));
        if !ok {
            let msg = format!("Invalid condition handler: {}", interp.prin1_to_string(clause));
            return Err(interp.error(&msg));
        }
        h = interp.cdr(h);
    }
    let base = interp.stack.len();
    let count = interp.specpdl_depth();
    let ntags = interp.catch_tags.len();
    let r = interp.eval(bodyform);
    let (clause, value) = match r {
        Ok(v) => match find_clause(interp, handlers, |_, spec| spec == sym::SUCCESS) {
            Some(c) => (c, v),
            None => return Ok(v),
        },
        Err(Flow::Signal) => {
            let err = interp.pending.0;
            let found =
                find_clause(interp, handlers, |i, spec| spec != sym::SUCCESS && i.condition_matches(err, spec));
            let Some(c) = found else { return Err(Flow::Signal) };
            interp.stack.truncate(base);
            interp.unbind_to(count);
            interp.catch_tags.truncate(ntags);
            let e = interp.pending_pair();
            interp.pending = (Value::NIL, Value::NIL);
            (c, e)
        }
        Err(other) => return Err(other),
    };
    let body = interp.cdr(clause);
    if var.is_nil() {
        return interp.progn(body);
    }
    interp.with_scope(|interp| {
        if !interp.lexenv.is_nil() {
            interp.lexenv = interp.acons(var, value, interp.lexenv);
        } else {
            interp.specbind(var, value)?;
        }
        interp.progn(body)
    })
}

fn find_clause(interp: &Interp, handlers: Value, matches: impl Fn(&Interp, Value) -> bool) -> Option<Value> {
    let mut h = handlers;
    while h.is_cons() {
        let clause = interp.car(h);
        if clause.is_cons() && matches(interp, interp.car(clause)) {
            return Some(clause);
        }
        h = interp.cdr(h);
    }
    None
}

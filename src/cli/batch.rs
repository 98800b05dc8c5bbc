//! Batch mode: the command-line actions, run in order as Emacs's
//! `command-line-1` does, and the report of an error that escapes.

use std::io::Write;

use crate::gc::Value;
use crate::interp::reader::Reader;
use crate::interp::symbols as sym;
use crate::interp::{Interp, LResult, LispError};

use super::EXIT_ERROR;
use super::args::{Item, UsageError, next_item};

/// Why batch processing stopped before the end of the command line.
#[derive(Debug)]
pub enum Stop {
    /// Exit with this status (an escaped error was reported, or `kill-emacs`).
    Exit(i32),
    /// The command line left after Lisp code edited it is malformed.
    Usage(UsageError),
}

/// Runs the actions of `argv` (program name first) in order. While each
/// runs, `command-line-args-left` holds the arguments after it; Lisp code
/// may pop some (Emacs's idiom for options a script handles itself), and
/// processing goes on from what it left. After the script `FILE`, nothing
/// else is processed: the arguments after it are the script's.
pub fn run(interp: &mut Interp, argv: &[String]) -> Result<(), Stop> {
    let command_line_args = interp.intern("command-line-args");
    set_string_list(interp, command_line_args, argv);
    let mut rest: Vec<String> = argv.get(1..).unwrap_or_default().to_vec();
    while !rest.is_empty() {
        let (item, used) = next_item(&rest).map_err(Stop::Usage)?;
        let after = rest.split_off(used);
        set_string_list(interp, sym::COMMAND_LINE_ARGS_LEFT, &after);
        let r = match item {
            Item::Eval(expr) => eval_expression(interp, &expr),
            Item::Load(file) => load(interp, &file),
            Item::Funcall(f) => {
                let f = interp.intern(&f);
                let r = interp.funcall(f, &[]);
                interp.to_lisp_error(r).map(drop)
            }
            Item::Directory(dir) => {
                add_to_load_path(interp, &dir);
                Ok(())
            }
            Item::Script(file) => {
                let r = load(interp, &file);
                return r.map_err(|e| Stop::Exit(report(interp, &e)));
            }
            _ => Ok(()),
        };
        if let Err(e) = r {
            return Err(Stop::Exit(report(interp, &e)));
        }
        rest = string_list(interp, sym::COMMAND_LINE_ARGS_LEFT)
            .ok_or_else(|| Stop::Usage(UsageError("command-line-args-left is not a list of strings".into())))?;
    }
    set_string_list(interp, sym::COMMAND_LINE_ARGS_LEFT, &[]);
    Ok(())
}

/// Reports an escaped error as Emacs's batch mode does (the message and a
/// newline on standard error, after flushing standard output) and returns
/// the exit status: 255, or the status given to `kill-emacs`.
///
/// Emacs 28 prints a backtrace instead when `backtrace-on-error-noninteractive`
/// is non-nil (its default); minilisp keeps no backtrace and always prints
/// what Emacs prints with that variable nil (and what Emacs 27 printed).
pub fn report(interp: &mut Interp, e: &LispError) -> i32 {
    if let Some(status) = e.exit_status {
        let _ = interp.stdout.flush();
        return status;
    }
    interp.write_stderr(&format!("{}\n", e.message));
    EXIT_ERROR
}

/// `--eval EXPR`: Emacs 28 does `(eval (car (read-from-string EXPR)) t)`:
/// one form, lexical binding, anything after the form ignored.
pub fn eval_expression(interp: &mut Interp, expr: &str) -> Result<(), LispError> {
    let r = match Reader::new(expr).read(interp) {
        Ok(Some(form)) => eval_lexical(interp, form),
        Ok(None) => Err(interp.signal(sym::END_OF_FILE, Value::NIL)),
        Err(flow) => Err(flow),
    };
    interp.to_lisp_error(r).map(drop)
}

/// `(eval FORM t)`. The caller keeps `form` reachable or it is rooted here.
pub fn eval_lexical(interp: &mut Interp, form: Value) -> LResult {
    let slot = interp.push_root(form);
    let saved = interp.lexenv;
    interp.lexenv = interp.cons(Value::T, Value::NIL);
    let r = interp.eval(form);
    interp.lexenv = saved;
    interp.stack.truncate(slot);
    r
}

/// `-l FILE` and the script: Emacs takes FILE from the current directory
/// (as an absolute, symlink-free name) when it is a regular file there,
/// and otherwise lets `load` search `load-path`; it loads with NOMESSAGE.
pub fn load(interp: &mut Interp, file: &str) -> Result<(), LispError> {
    let path = std::path::Path::new(file);
    let name = match std::fs::canonicalize(path) {
        Ok(p) if p.is_file() => p.to_string_lossy().into_owned(),
        _ => file.to_owned(),
    };
    let load = interp.intern("load");
    let s = interp.make_string(&name);
    let slot = interp.push_root(s);
    let r = interp.funcall(load, &[s, Value::NIL, Value::T]);
    interp.stack.truncate(slot);
    interp.to_lisp_error(r).map(drop)
}

/// `-L DIR`: `(push (expand-file-name DIR) load-path)`; `-L :DIR` appends.
fn add_to_load_path(interp: &mut Interp, dir: &str) {
    let (dir, append) = match dir.strip_prefix(':') {
        Some(d) => (d, true),
        None => (dir, false),
    };
    let abs = std::path::absolute(dir).map(|p| p.to_string_lossy().into_owned()).unwrap_or_else(|_| dir.to_owned());
    let mut dirs = string_list(interp, sym::LOAD_PATH).unwrap_or_default();
    if append {
        dirs.push(abs);
    } else {
        dirs.insert(0, abs);
    }
    set_string_list(interp, sym::LOAD_PATH, &dirs);
}

/// Sets the variable `var` to a fresh list of strings.
fn set_string_list(interp: &mut Interp, var: Value, items: &[String]) {
    let slot = interp.push_root(Value::NIL);
    for s in items.iter().rev() {
        let v = interp.make_string(s);
        let acc = interp.stack[slot];
        interp.stack[slot] = interp.cons(v, acc);
    }
    let list = interp.stack[slot];
    interp.stack.truncate(slot);
    interp.set_special(var);
    let _ = interp.set_symbol_value(var, list);
}

/// The value of `var` if it is a proper list of strings.
fn string_list(interp: &Interp, var: Value) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut l = interp.symbol_value(var);
    if l.is_unbound() {
        return Some(out);
    }
    while l.is_cons() {
        if out.len() > 1 << 20 {
            return None; // circular
        }
        let x = interp.heap.car(l);
        if !x.is_string() {
            return None;
        }
        out.push(interp.heap.str(x).to_owned());
        l = interp.heap.cdr(l);
    }
    l.is_nil().then_some(out)
}

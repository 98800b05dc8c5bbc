//! Loading source: `load`, `require`, `provide`, `featurep`, and the
//! read-eval loop shared by files, the prelude and `--eval`.
//!
//! Like Emacs's `readevalloop`, each top-level form of a file is
//! macroexpanded eagerly before it is evaluated: its head first (a
//! resulting `progn` has each subform processed in turn, so a `defmacro`
//! inside it is usable by the next one), then fully (`macroexpand-all`).
//! An error during expansion is reported ("Eager macro-expansion
//! failure: ...") and the unexpanded form is evaluated instead.

use crate::gc::Value;
use crate::interp::reader::Reader;
use crate::interp::subr::Subr;
use crate::interp::symbols as sym;
use crate::interp::{Interp, LResult};

pub const SUBRS: &[Subr] = &[
    Subr::f("load", 1, Some(5), load),
    Subr::f("require", 1, Some(3), require),
    Subr::f("provide", 1, Some(2), provide),
    Subr::f("featurep", 1, Some(2), featurep),
];

/// Writes one line to standard error the way `message` does in batch mode.
pub fn message(interp: &mut Interp, line: &str) {
    interp.message_line(line);
}

/// Reads and evaluates every form of `src` with lexical binding, as
/// Emacs loads a file with `lexical-binding: t`. `file_name` is the file's
/// name (bound to `load-file-name` while it runs), `"--eval"` for command
/// line expressions (no eager macroexpansion, as Emacs's `--eval`), or a
/// prelude file name.
pub fn eval_source(interp: &mut Interp, src: &str, file_name: &str) -> LResult {
    if file_name == "--eval" {
        return read_eval_loop(interp, src, None, false);
    }
    if super::PRELUDE.iter().any(|(n, _)| *n == file_name) {
        return read_eval_loop(interp, src, None, true);
    }
    let abs = expand_file_name(file_name);
    let r = with_load_bindings(interp, &abs, |interp| read_eval_loop(interp, src, Some(&abs), true))?;
    let slot = interp.push_root(r);
    let a = after_load(interp, &abs);
    interp.stack.truncate(slot);
    a.map(|()| r)
}

/// What Emacs's `load` does once a file has been loaded: calls the Lisp
/// function `do-after-load-evaluation` (which runs `after-load-functions`)
/// with the file's absolute name, if the prelude defines it.
fn after_load(interp: &mut Interp, abs: &str) -> LResult<()> {
    let f = interp.intern("do-after-load-evaluation");
    if interp.symbol_function(f).is_nil() {
        return Ok(());
    }
    let name = interp.make_string(abs);
    interp.funcall(f, &[name])?;
    Ok(())
}

/// Files being loaded, innermost first (Emacs's `Vloads_in_progress`).
const LOADS_IN_PROGRESS: &str = "minilisp--loads-in-progress";

/// Binds `load-file-name`, `load-true-file-name` and `load-in-progress`
/// around `f`.
fn with_load_bindings(interp: &mut Interp, abs: &str, f: impl FnOnce(&mut Interp) -> LResult) -> LResult {
    let count = interp.specpdl_depth();
    let r = (|| {
        let name = interp.make_string(abs);
        interp.specbind(sym::LOAD_FILE_NAME, name)?;
        let true_name = interp.intern("load-true-file-name");
        let name = interp.symbol_value(sym::LOAD_FILE_NAME);
        interp.specbind(true_name, name)?;
        interp.specbind(sym::LOAD_IN_PROGRESS, Value::T)?;
        let loads_var = interp.intern(LOADS_IN_PROGRESS);
        let mut old = interp.symbol_value(loads_var);
        if old.is_unbound() {
            old = Value::NIL;
        }
        let name = interp.symbol_value(sym::LOAD_FILE_NAME);
        let new = interp.cons(name, old);
        interp.specbind(loads_var, new)?;
        f(interp)
    })();
    interp.unbind_to(count);
    r
}

/// The loop itself: the lexical environment is `(t)` for the whole file
/// (so a top-level `(defvar x)` affects the rest of it, as in Emacs).
fn read_eval_loop(interp: &mut Interp, src: &str, file: Option<&str>, eager: bool) -> LResult {
    let saved_env = interp.lexenv;
    let base = interp.push_root(saved_env);
    interp.lexenv = interp.cons(Value::T, Value::NIL);
    let r = (|| {
        let mut reader = Reader::new(src);
        let mut last = Value::NIL;
        loop {
            let form = match reader.read(interp) {
                Ok(Some(f)) => f,
                Ok(None) => break,
                Err(flow) => return Err(adjust_read_error(interp, flow, file)),
            };
            let slot = interp.push_root(form);
            let r = if eager { eager_eval(interp, form) } else { interp.eval(form) };
            interp.stack.truncate(slot);
            last = r?;
        }
        Ok(last)
    })();
    interp.lexenv = saved_env;
    interp.stack.truncate(base);
    r
}

/// Emacs reports a reader error in a loaded file as `(end-of-file FILE)`
/// and `(invalid-read-syntax TEXT 1 0)` (it reads from a buffer).
fn adjust_read_error(interp: &mut Interp, flow: crate::interp::Flow, file: Option<&str>) -> crate::interp::Flow {
    use crate::interp::Flow;
    let Some(file) = file else { return flow };
    if flow != Flow::Signal {
        return flow;
    }
    let (s, data) = interp.pending;
    if s == sym::END_OF_FILE {
        let f = interp.make_string(file);
        return interp.signal_list(sym::END_OF_FILE, &[f]);
    }
    if s == sym::INVALID_READ_SYNTAX && data.is_cons() && interp.heap.cdr(data).is_nil() {
        let text = interp.heap.car(data);
        return interp.signal_list(sym::INVALID_READ_SYNTAX, &[text, Value::fixnum(1), Value::fixnum(0)]);
    }
    flow
}

/// `readevalloop_eager_expand_eval`. `form` is rooted by the caller.
fn eager_eval(interp: &mut Interp, form: Value) -> LResult {
    stacker::maybe_grow(128 * 1024, 2 * 1024 * 1024, || {
        let exp = expand_for_load(interp, form, false)?;
        let slot = interp.push_root(exp);
        let r = (|| {
            if exp.is_cons() && interp.heap.car(exp) == sym::PROGN {
                let mut val = Value::NIL;
                let mut sub = interp.heap.cdr(exp);
                while sub.is_cons() {
                    val = eager_eval(interp, interp.heap.car(sub))?;
                    sub = interp.heap.cdr(sub);
                }
                Ok(val)
            } else {
                let full = expand_for_load(interp, exp, true)?;
                interp.stack.push(full);
                interp.eval(full)
            }
        })();
        interp.stack.truncate(slot);
        r
    })
}

/// `internal-macroexpand-for-load`: an error is reported and the form
/// left unexpanded.
fn expand_for_load(interp: &mut Interp, form: Value, full: bool) -> LResult {
    // The frames of Emacs's `internal-macroexpand-for-load' and friends
    // count towards `max-lisp-eval-depth' too.
    const LOAD_FRAMES: usize = 6;
    let r = interp.catch_error(|i| {
        i.enter_n(LOAD_FRAMES)?;
        let r = if full { i.macroexpand_all(form, Value::NIL) } else { i.macroexpand(form, Value::NIL) };
        i.depth -= LOAD_FRAMES;
        r
    })?;
    match r {
        Ok(v) => Ok(v),
        Err(e) => {
            let msg = format!("Eager macro-expansion failure: {}", interp.prin1_to_string(e));
            message(interp, &msg);
            Ok(form)
        }
    }
}

/// `(expand-file-name NAME)` against the current directory: absolute,
/// with `.`/`..` components and repeated slashes removed, `~` expanded.
pub fn expand_file_name(name: &str) -> String {
    let mut path = if name == "~" || name.starts_with("~/") {
        let home = std::env::var("HOME").unwrap_or_default();
        format!("{}/{}", home, name.get(1..).unwrap_or(""))
    } else if name.starts_with('/') {
        name.to_string()
    } else {
        let cwd = std::env::current_dir().map(|p| p.to_string_lossy().to_string()).unwrap_or_else(|_| "/".into());
        format!("{cwd}/{name}")
    };
    let trailing = path.ends_with('/') && path.len() > 1;
    let mut parts: Vec<&str> = Vec::new();
    for p in path.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            _ => parts.push(p),
        }
    }
    path = format!("/{}", parts.join("/"));
    if trailing && path != "/" {
        path.push('/');
    }
    path
}

/// What `locate_file` found.
enum Found {
    File(String),
    /// Nothing found; `true` if a candidate was a directory.
    Missing(bool),
}

/// Emacs's `openp` over `load-path` with the given suffixes.
fn locate_file(interp: &Interp, name: &str, suffixes: &[&str]) -> Found {
    let mut dirs: Vec<Option<String>> = Vec::new();
    let absolute = name.starts_with('/') || name == "~" || name.starts_with("~/");
    if absolute {
        dirs.push(None);
    } else {
        let mut lp = interp.symbol_value(sym::LOAD_PATH);
        let mut n = 0;
        while lp.is_cons() && n < 100_000 {
            let d = interp.heap.car(lp);
            if d.is_nil() {
                dirs.push(None);
            } else if d.is_string() {
                dirs.push(Some(interp.heap.str(d).to_string()));
            }
            lp = interp.heap.cdr(lp);
            n += 1;
        }
    }
    let mut saw_dir = false;
    for dir in &dirs {
        for suffix in suffixes {
            let candidate = match dir {
                None => format!("{name}{suffix}"),
                Some(d) if d.ends_with('/') => format!("{d}{name}{suffix}"),
                Some(d) => format!("{d}/{name}{suffix}"),
            };
            let full = expand_file_name(&candidate);
            match std::fs::metadata(&full) {
                Ok(m) if m.is_dir() => saw_dir = true,
                Ok(_) => return Found::File(full),
                Err(_) => {}
            }
        }
    }
    Found::Missing(saw_dir)
}

/// The core of `load`: returns the absolute name of the file loaded, or
/// `None` if it was not found and `noerror` is set.
pub fn load_file(
    interp: &mut Interp,
    file: Value,
    noerror: bool,
    nomessage: bool,
    nosuffix: bool,
    must_suffix: bool,
) -> LResult<Option<String>> {
    if !file.is_string() {
        return Err(interp.wrong_type(sym::STRINGP, file));
    }
    let name = interp.heap.str(file).to_string();
    let has_suffix = name.ends_with(".el") || name.ends_with(".elc");
    let must_suffix = must_suffix && !has_suffix && !name.contains('/');
    let suffixes: &[&str] = if nosuffix {
        &[""]
    } else if must_suffix {
        &[".el"]
    } else {
        &[".el", ""]
    };
    let found = if name.is_empty() { Found::Missing(false) } else { locate_file(interp, &name, suffixes) };
    let path = match found {
        Found::File(p) => p,
        Found::Missing(_) if noerror => return Ok(None),
        Found::Missing(is_dir) => {
            let what = interp.make_string("Cannot open load file");
            let slot = interp.push_root(what);
            let reason = interp.make_string(if is_dir { "Is a directory" } else { "No such file or directory" });
            interp.stack.push(reason);
            let f = interp.make_string(&name);
            interp.stack.truncate(slot);
            let s = if is_dir { sym::FILE_ERROR } else { sym::FILE_MISSING };
            return Err(interp.signal_list(s, &[what, reason, f]));
        }
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            if noerror {
                return Ok(None);
            }
            let what = interp.make_string("Opening input file");
            let slot = interp.push_root(what);
            let reason = interp.make_string(&io_error_text(&e));
            interp.stack.push(reason);
            let f = interp.make_string(&path);
            interp.stack.truncate(slot);
            return Err(interp.signal_list(sym::FILE_ERROR, &[what, reason, f]));
        }
    };
    let Ok(src) = String::from_utf8(bytes) else {
        return Err(interp.error(&format!("Invalid UTF-8 in file {path}")));
    };
    if !nomessage {
        let line = if path.ends_with(".el") {
            format!("Loading {path} (source)...")
        } else {
            format!("Loading {path}...")
        };
        message(interp, &line);
    }
    // Emacs refuses a file already being loaded more than three times.
    let loads_var = interp.intern(LOADS_IN_PROGRESS);
    let mut in_progress = interp.symbol_value(loads_var);
    if in_progress.is_unbound() {
        in_progress = Value::NIL;
    }
    let mut count = 0;
    let mut l = in_progress;
    while l.is_cons() {
        let x = interp.heap.car(l);
        if x.is_string() && interp.heap.str(x) == path {
            count += 1;
        }
        l = interp.heap.cdr(l);
    }
    let pathv = interp.make_string(&path);
    let slot = interp.push_root(pathv);
    if count > 3 {
        let msg = interp.make_string("Recursive load");
        let items = interp.list_with_tail(&[msg, pathv], in_progress);
        interp.stack.truncate(slot);
        return Err(interp.signal(sym::ERROR, items));
    }
    let r = with_load_bindings(interp, &path, |interp| read_eval_loop(interp, &src, Some(&path), true));
    interp.stack.truncate(slot);
    r?;
    after_load(interp, &path)?;
    Ok(Some(path))
}

fn io_error_text(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

/// `(load FILE &optional NOERROR NOMESSAGE NOSUFFIX MUST-SUFFIX)`.
fn load(interp: &mut Interp, args: &[Value]) -> LResult {
    let r = load_file(interp, args[0], !args[1].is_nil(), !args[2].is_nil(), !args[3].is_nil(), !args[4].is_nil())?;
    Ok(Value::bool(r.is_some()))
}

fn memq(interp: &Interp, x: Value, mut l: Value) -> bool {
    while l.is_cons() {
        if interp.heap.car(l) == x {
            return true;
        }
        l = interp.heap.cdr(l);
    }
    false
}

fn features_list(interp: &Interp) -> Value {
    let f = interp.symbol_value(sym::FEATURES);
    if f.is_unbound() { Value::NIL } else { f }
}

/// Libraries Emacs loads from files whose definitions minilisp has in its
/// prelude: `require` just marks them provided.
const BUILTIN_LIBRARIES: &[&str] = &["subr-x", "seq", "benchmark", "gv", "pcase"];

/// `(require FEATURE &optional FILENAME NOERROR)`.
fn require(interp: &mut Interp, args: &[Value]) -> LResult {
    let (feature, filename, noerror) = (args[0], args[1], args[2]);
    if !feature.is_symbol() {
        return Err(interp.wrong_type(sym::SYMBOLP, feature));
    }
    if memq(interp, feature, features_list(interp)) {
        return Ok(feature);
    }
    let name = interp.symbol_name(feature).to_string();
    if filename.is_nil() && BUILTIN_LIBRARIES.contains(&name.as_str()) {
        let features = features_list(interp);
        let new = interp.cons(feature, features);
        interp.set_symbol_value(sym::FEATURES, new)?;
        return Ok(feature);
    }
    // An embedded library (`super::LIBRARIES`), evaluated from the binary.
    if filename.is_nil()
        && let Some((_, src)) = super::LIBRARIES.iter().find(|(n, _)| *n == name)
    {
        read_eval_loop(interp, src, None, true)?;
        if !memq(interp, feature, features_list(interp)) {
            return Err(interp.error(&format!("Loading embedded library {name} failed to provide feature ‘{name}’")));
        }
        return Ok(feature);
    }
    // Emacs gives up after three nested requires of the same feature.
    let nesting_var = interp.intern("minilisp--require-nesting");
    let mut nesting = interp.symbol_value(nesting_var);
    if nesting.is_unbound() {
        nesting = Value::NIL;
    }
    let mut n = 0;
    let mut l = nesting;
    while l.is_cons() {
        if interp.heap.car(l) == feature {
            n += 1;
        }
        l = interp.heap.cdr(l);
    }
    if n > 3 {
        return Err(interp.error(&format!("Recursive ‘require’ for feature ‘{name}’")));
    }
    let file = if filename.is_nil() { interp.make_string(&name) } else { filename };
    let slot = interp.push_root(file);
    let depth = interp.specpdl_depth();
    let r = (|| {
        let new = interp.cons(feature, nesting);
        interp.specbind(nesting_var, new)?;
        load_file(interp, file, !noerror.is_nil(), true, false, filename.is_nil())
    })();
    interp.unbind_to(depth);
    interp.stack.truncate(slot);
    let Some(path) = r? else { return Ok(Value::NIL) };
    if !memq(interp, feature, features_list(interp)) {
        return Err(interp.error(&format!("Loading file {path} failed to provide feature ‘{name}’")));
    }
    Ok(feature)
}

/// `(provide FEATURE &optional SUBFEATURES)`.
fn provide(interp: &mut Interp, args: &[Value]) -> LResult {
    let (feature, subfeatures) = (args[0], args[1]);
    if !feature.is_symbol() {
        return Err(interp.wrong_type(sym::SYMBOLP, feature));
    }
    if !subfeatures.is_nil() && !subfeatures.is_cons() {
        return Err(interp.wrong_type(sym::LISTP, subfeatures));
    }
    let features = features_list(interp);
    if !memq(interp, feature, features) {
        let new = interp.cons(feature, features);
        interp.set_symbol_value(sym::FEATURES, new)?;
    }
    if !subfeatures.is_nil() {
        let prop = interp.intern("subfeatures");
        interp.put(feature, prop, subfeatures);
    }
    // Run the `eval-after-load' functions waiting for this feature.
    let alist_var = interp.intern("after-load-alist");
    let alist = interp.symbol_value(alist_var);
    let mut l = if alist.is_unbound() { Value::NIL } else { alist };
    while l.is_cons() {
        let entry = interp.heap.car(l);
        if entry.is_cons() && interp.heap.car(entry) == feature {
            let slot = interp.push_root(entry);
            let mut fns = interp.heap.cdr(entry);
            let r = (|| {
                while fns.is_cons() {
                    let f = interp.heap.car(fns);
                    interp.funcall(f, &[])?;
                    fns = interp.heap.cdr(fns);
                }
                Ok(())
            })();
            interp.stack.truncate(slot);
            r?;
            break;
        }
        l = interp.heap.cdr(l);
    }
    Ok(feature)
}

/// `(featurep FEATURE &optional SUBFEATURE)`.
fn featurep(interp: &mut Interp, args: &[Value]) -> LResult {
    let (feature, sub) = (args[0], args[1]);
    if !feature.is_symbol() {
        return Err(interp.wrong_type(sym::SYMBOLP, feature));
    }
    if !memq(interp, feature, features_list(interp)) {
        return Ok(Value::NIL);
    }
    if sub.is_nil() {
        return Ok(Value::T);
    }
    let prop = interp.intern("subfeatures");
    let mut l = interp.get(feature, prop);
    while l.is_cons() {
        let x = interp.heap.car(l);
        if interp.equal(x, sub)? {
            return Ok(Value::T);
        }
        l = interp.heap.cdr(l);
    }
    Ok(Value::NIL)
}

#[cfg(test)]
mod tests {
    use super::expand_file_name;
    use crate::interp::Interp;

    fn run(interp: &mut Interp, src: &str) -> String {
        match interp.eval_str(src) {
            Ok(v) => interp.prin1_to_string(v),
            Err(e) => format!("ERR {}", e.object),
        }
    }

    #[test]
    fn load_and_require() {
        let dir = std::env::temp_dir().join(format!("minilisp-load-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("ml-feat.el"), "(defvar ml-feat-count 0)\n(setq ml-feat-count (1+ ml-feat-count))\n(provide 'ml-feat)\n").unwrap();
        std::fs::write(dir.join("ml-nofeat.el"), "(defun ml-nofeat () 1)\n").unwrap();
        std::fs::write(dir.join("ml-eof.el"), "(setq ml-eof 1)\n(foo\n").unwrap();
        std::fs::write(dir.join("ml-latin1.el"), b"(setq x \"\xe9\")\n").unwrap();
        let d = dir.to_string_lossy().to_string();
        let mut interp = Interp::new().unwrap();
        run(&mut interp, &format!("(setq load-path (list {:?}))", d));
        assert_eq!(run(&mut interp, "(require 'ml-feat)"), "ml-feat");
        assert_eq!(run(&mut interp, "(require 'ml-feat)"), "ml-feat");
        assert_eq!(run(&mut interp, "ml-feat-count"), "1");
        assert_eq!(run(&mut interp, "(load \"ml-feat\" nil t)"), "t");
        assert_eq!(run(&mut interp, "ml-feat-count"), "2");
        assert_eq!(run(&mut interp, "(load \"ml-missing\" t)"), "nil");
        assert_eq!(
            run(&mut interp, "(condition-case e (load \"ml-missing\") (error e))"),
            "(file-missing \"Cannot open load file\" \"No such file or directory\" \"ml-missing\")"
        );
        let nofeat = run(&mut interp, "(condition-case e (require 'ml-nofeat) (error e))");
        assert!(nofeat.starts_with("(error \"Loading file /") && nofeat.ends_with("failed to provide feature ‘ml-nofeat’\")"), "{nofeat}");
        let eof = run(&mut interp, "(condition-case e (load \"ml-eof\" nil t) (error e))");
        assert!(eof.starts_with("(end-of-file \"/") && eof.ends_with("ml-eof.el\")"), "{eof}");
        assert_eq!(run(&mut interp, "ml-eof"), "1");
        let bad = run(&mut interp, "(condition-case e (load \"ml-latin1\" nil t) (error (car e)))");
        assert_eq!(bad, "error");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn expands_names() {
        assert_eq!(expand_file_name("/a/b/../c/./d"), "/a/c/d");
        assert_eq!(expand_file_name("/a//b/"), "/a/b/");
        assert_eq!(expand_file_name("/.."), "/");
        assert!(expand_file_name("x.el").ends_with("/x.el"));
    }
}

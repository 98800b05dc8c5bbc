//! Non-local exits: `signal` and `throw`.
//!
//! A Rust `Err(Flow)` unwinds the evaluator; the Lisp payload (error symbol
//! and data, or catch tag and value) waits in the interpreter's `pending`
//! fields, which are GC roots, so `unwind-protect` cleanups can allocate
//! while an error is in flight.

use super::Interp;
use super::symbols as sym;
use crate::gc::Value;

/// Why evaluation stopped early; the payload is in `Interp::pending`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Flow {
    /// An error: `pending.0` is the error symbol, `pending.1` its data.
    Signal,
    /// `throw`: `pending.0` is the tag, `pending.1` the value.
    Throw,
    /// `kill-emacs`: `pending.1` holds the exit status (a fixnum).
    Exit,
}

pub type LResult<T = Value> = Result<T, Flow>;

/// The standard errors: (symbol, parent conditions after itself, message).
/// Emacs's `error-conditions` of each is `(SYMBOL . PARENTS) `.
pub(crate) const STANDARD_ERRORS: &[(Value, &[Value], &str)] = &[
    (sym::ERROR, &[], "error"),
    (sym::QUIT, &[], "Quit"),
    (sym::USER_ERROR, &[sym::ERROR], ""),
    (sym::ARGS_OUT_OF_RANGE, &[sym::ERROR], "Args out of range"),
    (sym::ARITH_ERROR, &[sym::ERROR], "Arithmetic error"),
    (sym::RANGE_ERROR, &[sym::ARITH_ERROR, sym::ERROR], "Arithmetic range error"),
    (sym::DOMAIN_ERROR, &[sym::ARITH_ERROR, sym::ERROR], "Arithmetic domain error"),
    (sym::OVERFLOW_ERROR, &[sym::RANGE_ERROR, sym::ARITH_ERROR, sym::ERROR], "Arithmetic overflow error"),
    (sym::VOID_FUNCTION, &[sym::ERROR], "Symbol's function definition is void"),
    (sym::VOID_VARIABLE, &[sym::ERROR], "Symbol's value as variable is void"),
    (sym::WRONG_TYPE_ARGUMENT, &[sym::ERROR], "Wrong type argument"),
    (sym::WRONG_NUMBER_OF_ARGUMENTS, &[sym::ERROR], "Wrong number of arguments"),
    (sym::INVALID_FUNCTION, &[sym::ERROR], "Invalid function"),
    (sym::NO_CATCH, &[sym::ERROR], "No catch for tag"),
    (sym::END_OF_FILE, &[sym::ERROR], "End of file during parsing"),
    (sym::INVALID_READ_SYNTAX, &[sym::ERROR], "Invalid read syntax"),
    (sym::SETTING_CONSTANT, &[sym::ERROR], "Attempt to set a constant symbol"),
    (sym::CIRCULAR_LIST, &[sym::ERROR], "List contains a loop"),
    (
        sym::CYCLIC_FUNCTION_INDIRECTION,
        &[sym::ERROR],
        "Symbol's chain of function indirections contains a loop",
    ),
    (sym::FILE_ERROR, &[sym::ERROR], "File error"),
    (sym::FILE_MISSING, &[sym::FILE_ERROR, sym::ERROR], "No such file or directory"),
    (sym::WRONG_LENGTH_ARGUMENT, &[sym::ERROR], "Wrong length argument"),
    (sym::INVALID_REGEXP, &[sym::ERROR], "Invalid regexp"),
    (sym::EXCESSIVE_LISP_NESTING, &[sym::ERROR], "Lisp nesting exceeds ‘max-lisp-eval-depth’"),
];

impl Interp {
    /// Gives every standard error its `error-conditions` and `error-message`.
    pub(crate) fn define_standard_errors(&mut self) {
        for &(s, parents, msg) in STANDARD_ERRORS {
            let mut conds = vec![s];
            conds.extend_from_slice(parents);
            let conds = self.list(&conds);
            self.put(s, sym::ERROR_CONDITIONS, conds);
            let msg = self.make_string(msg);
            self.put(s, sym::ERROR_MESSAGE, msg);
        }
    }

    /// Starts unwinding with error `symbol` and `data`; returns the marker
    /// to propagate (`return Err(interp.signal(...))`).
    #[cold]
    pub fn signal(&mut self, symbol: Value, data: Value) -> Flow {
        self.pending = (symbol, data);
        Flow::Signal
    }

    /// `(error "MESSAGE")` with an already formatted message.
    #[cold]
    pub fn error(&mut self, message: &str) -> Flow {
        let m = self.make_string(message);
        let data = self.list(&[m]);
        self.signal(sym::ERROR, data)
    }

    #[cold]
    pub fn signal_list(&mut self, symbol: Value, items: &[Value]) -> Flow {
        let data = self.list(items);
        self.signal(symbol, data)
    }

    /// `(wrong-type-argument PREDICATE VALUE)`.
    #[cold]
    pub fn wrong_type(&mut self, predicate: Value, value: Value) -> Flow {
        self.signal_list(sym::WRONG_TYPE_ARGUMENT, &[predicate, value])
    }

    #[cold]
    pub fn args_out_of_range(&mut self, a: Value, b: Value) -> Flow {
        self.signal_list(sym::ARGS_OUT_OF_RANGE, &[a, b])
    }

    #[cold]
    pub fn args_out_of_range3(&mut self, a: Value, b: Value, c: Value) -> Flow {
        self.signal_list(sym::ARGS_OUT_OF_RANGE, &[a, b, c])
    }

    #[cold]
    pub fn wrong_number_of_args(&mut self, function: Value, n: usize) -> Flow {
        self.signal_list(sym::WRONG_NUMBER_OF_ARGUMENTS, &[function, Value::fixnum(n as i64)])
    }

    #[cold]
    pub fn arith_error(&mut self) -> Flow {
        self.signal(sym::ARITH_ERROR, Value::NIL)
    }

    #[cold]
    pub fn void_variable(&mut self, s: Value) -> Flow {
        self.signal_list(sym::VOID_VARIABLE, &[s])
    }

    #[cold]
    pub fn void_function(&mut self, s: Value) -> Flow {
        self.signal_list(sym::VOID_FUNCTION, &[s])
    }

    #[cold]
    pub fn setting_constant(&mut self, s: Value) -> Flow {
        self.signal_list(sym::SETTING_CONSTANT, &[s])
    }

    /// The in-flight error or throw as `(SYMBOL . DATA)` / `(TAG . VALUE)`.
    pub fn pending_pair(&mut self) -> Value {
        let (a, b) = self.pending;
        self.cons(a, b)
    }

    /// Emacs's `error-message-string` of an error object `(SYMBOL . DATA)`.
    pub fn error_message_string(&self, err: Value) -> String {
        let heap = &self.heap;
        let mut out = String::new();
        if !err.is_cons() {
            // Emacs: a non-list "error" prints as peculiar.
            return "peculiar error".into();
        }
        let errname = heap.car(err);
        let mut data = err;
        let errmsg;
        let mut file_error = false;
        if errname == sym::ERROR {
            data = heap.cdr(err);
            if !data.is_cons() {
                data = Value::NIL;
            }
            errmsg = if data.is_cons() { heap.car(data) } else { Value::NIL };
        } else {
            errmsg = self.get(errname, sym::ERROR_MESSAGE);
            let conds = self.get(errname, sym::ERROR_CONDITIONS);
            file_error = self.memq(sym::FILE_ERROR, conds);
        }
        let mut tail = if data.is_cons() { heap.cdr(data) } else { Value::NIL };
        let mut errmsg = errmsg;
        if file_error && tail.is_cons() {
            errmsg = heap.car(tail);
            tail = heap.cdr(tail);
        }
        let mut sep = Some(": ");
        if !errmsg.is_string() {
            out.push_str("peculiar error");
        } else if !heap.str(errmsg).is_empty() {
            if errname == sym::ERROR {
                out.push_str(heap.str(errmsg));
            } else {
                // Emacs passes the message through `substitute-command-keys`.
                out.push_str(&curve_quotes(heap.str(errmsg)));
            }
        } else {
            sep = None;
        }
        let princ = file_error || errname == sym::END_OF_FILE || errname == sym::USER_ERROR;
        let mut steps = 0usize;
        while tail.is_cons() && steps < 1_000_000 {
            if let Some(s) = sep {
                out.push_str(s);
            }
            sep = Some(", ");
            let item = heap.car(tail);
            if princ {
                out.push_str(&self.princ_to_string(item));
            } else {
                out.push_str(&self.prin1_to_string(item));
            }
            tail = heap.cdr(tail);
            steps += 1;
        }
        out
    }

    fn memq(&self, x: Value, mut list: Value) -> bool {
        while list.is_cons() {
            if self.heap.car(list) == x {
                return true;
            }
            list = self.heap.cdr(list);
        }
        false
    }

    /// True if error symbol `err` is caught by condition spec `spec`
    /// (a symbol or a list of symbols, `t` catching everything).
    pub(crate) fn condition_matches(&self, err: Value, spec: Value) -> bool {
        let conds = self.get(err, sym::ERROR_CONDITIONS);
        let check = |h: Value| h == sym::T || self.memq(h, conds);
        if spec.is_cons() {
            let mut s = spec;
            while s.is_cons() {
                if check(self.heap.car(s)) {
                    return true;
                }
                s = self.heap.cdr(s);
            }
            false
        } else {
            !spec.is_nil() && check(spec)
        }
    }
}

/// Emacs's `text-quoting-style` `curve`: `like this' becomes ‘like this’.
pub fn curve_quotes(s: &str) -> String {
    s.replace('`', "‘").replace('\'', "’")
}

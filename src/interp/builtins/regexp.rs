//! Regexp built-ins on strings: `string-match`, the match data
//! (`match-beginning`, `match-end`, `match-data`, `set-match-data`),
//! `replace-match` (on a string, or on the buffer after a buffer search:
//! `buffer_search.rs`), `regexp-quote`.
//!
//! The engine is [`crate::interp::regex`]; `lisp/regexp.el` builds
//! `save-match-data`, `match-string`, `replace-regexp-in-string` and
//! `regexp-opt` on these, as Emacs's subr.el and regexp-opt.el do.
//!
//! The match data live on the interpreter ([`Interp::match_data`]) as plain
//! character positions, like Emacs's `search_regs` after a string search:
//! they hold no Lisp objects, so they need no rooting.

use std::cell::RefCell;
use std::rc::Rc;

use super::sequences::concat_to_string;
use super::strings::{CaseAction, casify_str, check_string, error_kind};
use crate::gc::Value;
use crate::interp::regex::{Groups, MatchError, Regex};
use crate::interp::subr::Subr;
use crate::interp::symbols as sym;
use crate::interp::{Interp, LResult};

pub const SUBRS: &[Subr] = &[
    Subr::f("string-match", 2, Some(3), string_match),
    Subr::f("string-match-p", 2, Some(3), string_match_p),
    Subr::f("match-beginning", 1, Some(1), match_beginning),
    Subr::f("match-end", 1, Some(1), match_end),
    Subr::f("match-data", 0, Some(3), match_data),
    Subr::f("set-match-data", 1, Some(2), set_match_data),
    Subr::f("match-data--translate", 1, Some(1), match_data_translate),
    Subr::f("replace-match", 1, Some(5), replace_match),
    Subr::f("regexp-quote", 1, Some(1), regexp_quote),
];

/// The value of `case-fold-search` (t when it was never set).
pub(crate) fn case_fold(interp: &mut Interp) -> bool {
    let s = interp.intern("case-fold-search");
    let v = interp.symbol_value(s);
    v.is_unbound() || !v.is_nil()
}

thread_local! {
    /// Recently compiled patterns (Emacs keeps a cache of 20).
    static CACHE: RefCell<Vec<(String, Rc<Regex>)>> = const { RefCell::new(Vec::new()) };
}
const CACHE_SIZE: usize = 20;

thread_local! {
    /// The last multibyte string searched, decoded (see [`search_string`]).
    static DECODED: RefCell<Option<(String, Rc<Vec<char>>)>> = const { RefCell::new(None) };
}

/// Compiles `pattern`, signalling `invalid-regexp` as Emacs does.
pub(crate) fn compile_regex(interp: &mut Interp, pattern: &str) -> LResult<Rc<Regex>> {
    if let Some(re) = CACHE.with(|c| {
        let mut c = c.borrow_mut();
        let i = c.iter().position(|(p, _)| p == pattern)?;
        let hit = c.remove(i);
        let re = Rc::clone(&hit.1);
        c.insert(0, hit);
        Some(re)
    }) {
        return Ok(re);
    }
    match Regex::new(pattern) {
        Ok(re) => {
            let re = Rc::new(re);
            CACHE.with(|c| {
                let mut c = c.borrow_mut();
                c.truncate(CACHE_SIZE - 1);
                c.insert(0, (pattern.to_owned(), Rc::clone(&re)));
            });
            Ok(re)
        }
        Err(msg) => {
            let kind = error_kind(interp, "invalid-regexp", "Invalid regexp");
            let m = interp.make_string(msg);
            Err(interp.signal_list(kind, &[m]))
        }
    }
}

/// Searches `text` from character `start`: the groups of the leftmost
/// match. Signals `quit` when interrupted, and Emacs's error when the
/// backtrack stack overflows.
pub(crate) fn search_groups(
    interp: &mut Interp,
    re: &Regex,
    text: &[char],
    start: usize,
    fold: bool,
) -> LResult<Option<Groups>> {
    let flag = interp.interrupt_flag();
    let mut quit = || flag.load(std::sync::atomic::Ordering::Relaxed);
    re.search(text, start, fold, &mut quit).map_err(|e| match_error(interp, e))
}

/// Turns an engine error into Emacs's: `quit`, or the overflow error.
pub(crate) fn match_error(interp: &mut Interp, e: MatchError) -> crate::interp::Flow {
    match e {
        MatchError::Interrupted => match interp.maybe_quit() {
            Err(f) => f,
            Ok(()) => interp.signal(sym::QUIT, Value::NIL),
        },
        MatchError::StackOverflow => interp.error("Stack overflow in regexp matcher"),
    }
}

/// Searches the Lisp string `string` from character `start`, in place when
/// it is ASCII (no copy: searching a long string repeatedly stays linear).
pub(crate) fn search_string(
    interp: &mut Interp,
    re: &Regex,
    string: Value,
    start: usize,
    fold: bool,
) -> LResult<Option<Groups>> {
    let flag = interp.interrupt_flag();
    let mut quit = || flag.load(std::sync::atomic::Ordering::Relaxed);
    let r = if interp.heap.string_multibyte(string) {
        // Decoding is the costly part of searching a long multibyte string
        // repeatedly (`split-string`, `replace-regexp-in-string`): keep the
        // last decoding, reused only for identical text.
        let text = interp.heap.str(string);
        let chars = DECODED.with(|d| {
            let mut d = d.borrow_mut();
            match &*d {
                Some((t, c)) if t.as_str() == text => Rc::clone(c),
                _ => {
                    let c: Rc<Vec<char>> = Rc::new(text.chars().collect());
                    *d = Some((text.to_owned(), Rc::clone(&c)));
                    c
                }
            }
        });
        re.search(&chars[..], start, fold, &mut quit)
    } else {
        re.search(interp.heap.str(string).as_bytes(), start, fold, &mut quit)
    };
    r.map_err(|e| match_error(interp, e))
}

/// The whole-match bounds of the leftmost match at or after `start`.
pub(crate) fn search(interp: &mut Interp, re: &Regex, text: &[char], start: usize, fold: bool) -> LResult<Option<(usize, usize)>> {
    Ok(search_groups(interp, re, text, start, fold)?.and_then(|g| g[0]))
}

/// `string-match`'s core: the match position, updating the match data
/// unless `inhibit`.
fn string_match_1(interp: &mut Interp, regexp: Value, string: Value, start: Value, inhibit: bool) -> LResult {
    check_string(interp, regexp)?;
    check_string(interp, string)?;
    let len = interp.heap.string_chars(string) as i64;
    let pos = if start.is_nil() {
        0
    } else {
        let Some(p) = start.as_fixnum() else { return Err(interp.wrong_type(sym::FIXNUMP, start)) };
        if p < 0 && -p <= len {
            len + p
        } else if p < 0 || p > len {
            return Err(interp.args_out_of_range(string, start));
        } else {
            p
        }
    };
    let pattern = interp.heap.str(regexp).to_owned();
    let re = compile_regex(interp, &pattern)?;
    let fold = case_fold(interp);
    let Some(groups) = search_string(interp, &re, string, pos as usize, fold)? else { return Ok(Value::NIL) };
    let at = groups[0].map_or(0, |g| g.0);
    if !inhibit {
        store_match_data(interp, &groups);
    }
    Ok(Value::fixnum(at as i64))
}

/// Records a successful match as the match data.
pub(crate) fn store_match_data(interp: &mut Interp, groups: &[Option<(usize, usize)>]) {
    // Like Emacs's registers, the match data only ever grow.
    let mut data: Vec<Option<(i64, i64)>> = groups.iter().map(|g| g.map(|(b, e)| (b as i64, e as i64))).collect();
    data.resize(data.len().max(interp.match_data.len()), None);
    interp.match_data = data;
    interp.buffers.last_searched = Value::NIL;
}

fn string_match(interp: &mut Interp, args: &[Value]) -> LResult {
    let s = interp.intern("inhibit-changing-match-data");
    let v = interp.symbol_value(s);
    let inhibit = !v.is_nil() && !v.is_unbound();
    string_match_1(interp, args[0], args[1], args[2], inhibit)
}

fn string_match_p(interp: &mut Interp, args: &[Value]) -> LResult {
    string_match_1(interp, args[0], args[1], args[2], true)
}

fn match_limit(interp: &mut Interp, num: Value, beginning: bool) -> LResult {
    let Some(n) = num.as_fixnum() else { return Err(interp.wrong_type(sym::FIXNUMP, num)) };
    if n < 0 {
        return Err(interp.args_out_of_range(num, Value::fixnum(0)));
    }
    if interp.match_data.is_empty() {
        return Err(interp.error("No match data, because no search succeeded"));
    }
    match interp.match_data.get(n as usize).copied().flatten() {
        Some((b, e)) => Ok(Value::fixnum(if beginning { b } else { e })),
        None => Ok(Value::NIL),
    }
}

fn match_beginning(interp: &mut Interp, args: &[Value]) -> LResult {
    match_limit(interp, args[0], true)
}

fn match_end(interp: &mut Interp, args: &[Value]) -> LResult {
    match_limit(interp, args[0], false)
}

/// `(match-data &optional INTEGERS REUSE RESEAT)`: string searches give
/// integers; REUSE, a list, is filled in (and the rest set to nil). After
/// a buffer search, INTEGERS adds the buffer at the end, as in Emacs
/// (which gives markers without INTEGERS; minilisp has none).
fn match_data(interp: &mut Interp, args: &[Value]) -> LResult {
    let reuse = args[1];
    let buffer = interp.buffers.last_searched;
    let mut len = 0;
    let mut items = Vec::with_capacity(2 * interp.match_data.len());
    for (i, g) in interp.match_data.iter().enumerate() {
        match g {
            Some((b, e)) => {
                items.push(Value::fixnum(*b));
                items.push(Value::fixnum(*e));
                len = 2 * i + 2;
            }
            None => {
                items.push(Value::NIL);
                items.push(Value::NIL);
            }
        }
    }
    items.truncate(len);
    if !args[0].is_nil() && !buffer.is_nil() {
        items.push(buffer);
    }
    if !reuse.is_cons() {
        return Ok(interp.list(&items));
    }
    // Store into REUSE as far as it goes; the rest of REUSE becomes nil.
    let mut tail = reuse;
    let mut i = 0;
    while tail.is_cons() {
        let v = items.get(i).copied().unwrap_or(Value::NIL);
        interp.heap.set_car(tail, v);
        i += 1;
        if i < items.len() && !interp.heap.cdr(tail).is_cons() {
            let rest = interp.list(&items[i..]);
            interp.heap.set_cdr(tail, rest);
            break;
        }
        tail = interp.heap.cdr(tail);
    }
    Ok(reuse)
}

fn set_match_data(interp: &mut Interp, args: &[Value]) -> LResult {
    let mut list = args[0];
    if !list.is_nil() && !list.is_cons() {
        return Err(interp.wrong_type(sym::LISTP, list));
    }
    let mut data: Vec<Option<(i64, i64)>> = Vec::new();
    let mut buffer = Value::NIL;
    while list.is_cons() {
        let from = interp.heap.car(list);
        // `(match-data t)` ends with the buffer searched.
        if crate::interp::buffer::is_buffer(interp, from) {
            buffer = from;
            break;
        }
        if from.is_nil() {
            data.push(None);
            list = interp.heap.cdr(list);
            if list.is_cons() {
                list = interp.heap.cdr(list);
            }
            continue;
        }
        let Some(b) = from.as_fixnum() else { return Err(interp.wrong_type(sym::INTEGER_OR_MARKER_P, from)) };
        list = interp.heap.cdr(list);
        if !list.is_cons() {
            break;
        }
        let to = interp.heap.car(list);
        let Some(e) = to.as_fixnum() else { return Err(interp.wrong_type(sym::INTEGER_OR_MARKER_P, to)) };
        data.push(Some((b, e)));
        list = interp.heap.cdr(list);
    }
    data.resize(data.len().max(interp.match_data.len()), None);
    interp.match_data = data;
    interp.buffers.last_searched = buffer;
    Ok(Value::NIL)
}

/// `(match-data--translate N)`: shift every position by N.
fn match_data_translate(interp: &mut Interp, args: &[Value]) -> LResult {
    let Some(n) = args[0].as_fixnum() else { return Err(interp.wrong_type(sym::FIXNUMP, args[0])) };
    for g in interp.match_data.iter_mut().flatten() {
        g.0 = (g.0 + n).max(0);
        g.1 = (g.1 + n).max(0);
    }
    Ok(Value::NIL)
}

/// Characters `from..to` of `s` (already validated).
fn char_range(chars: &[char], from: i64, to: i64) -> String {
    chars[from as usize..to as usize].iter().collect()
}

/// `(replace-match NEWTEXT FIXEDCASE LITERAL STRING SUBEXP)` on a string,
/// as search.c's `Freplace_match` does it.
fn replace_match(interp: &mut Interp, args: &[Value]) -> LResult {
    let (newtext, fixedcase, literal, string, subexp) = (args[0], args[1], args[2], args[3], args[4]);
    check_string(interp, newtext)?;
    let in_buffer = string.is_nil();
    if !in_buffer {
        check_string(interp, string)?;
    }
    let num_regs = interp.match_data.len();
    if num_regs == 0 {
        return Err(interp.error("\u{2018}replace-match\u{2019} called before any match found"));
    }
    let sub = if subexp.is_nil() {
        0
    } else {
        match subexp.as_fixnum() {
            Some(n) if n >= 0 && (n as usize) < num_regs => n as usize,
            Some(_) => {
                let hi = Value::fixnum(num_regs as i64 - 1);
                return Err(interp.args_out_of_range3(subexp, Value::fixnum(0), hi));
            }
            None => return Err(interp.wrong_type(sym::FIXNUMP, subexp)),
        }
    };
    // The text the match data index: the string, or the part of the buffer
    // they cover, from position `offset`; the accessible part (or the
    // string) bounds the groups.
    let (chars, offset, lo, hi) = if in_buffer {
        let (text, first, begv, zv) = super::buffer_search::buffer_text(interp);
        (text, first as i64, begv as i64, zv as i64)
    } else {
        let chars: Vec<char> = interp.heap.str(string).chars().collect();
        let n = chars.len() as i64;
        (chars, 0, 0, n)
    };
    let (sub_start, sub_end) = match interp.match_data[sub] {
        Some((b, e)) if b >= lo && b <= e && e <= hi => (b, e),
        Some((b, e)) => return Err(interp.args_out_of_range(Value::fixnum(b), Value::fixnum(e))),
        None => {
            let msg = interp.make_string("replace-match subexpression does not exist");
            return Err(interp.signal_list(sym::ERROR, &[msg, subexp]));
        }
    };
    #[derive(PartialEq)]
    enum Action {
        NoChange,
        AllCaps,
        CapInitial,
    }
    let mut action = Action::NoChange;
    if fixedcase.is_nil() {
        use crate::interp::unicode::{lowercasep, syntax_class, uppercasep};
        let (mut some_multiletter_word, mut some_lowercase, mut some_nonuppercase_initial, mut some_uppercase) =
            (false, false, false, false);
        let mut prevc = '\n' as u32;
        for &ch in &chars[(sub_start - offset) as usize..(sub_end - offset) as usize] {
            let c = ch as u32;
            let prev_word = syntax_class(prevc) == b'w';
            if lowercasep(c) {
                some_lowercase = true;
                if !prev_word {
                    some_nonuppercase_initial = true;
                } else {
                    some_multiletter_word = true;
                }
            } else if uppercasep(c) {
                some_uppercase = true;
                if prev_word {
                    some_multiletter_word = true;
                }
            } else if !prev_word {
                some_nonuppercase_initial = true;
            }
            prevc = c;
        }
        action = if !some_lowercase && some_multiletter_word {
            Action::AllCaps
        } else if !some_nonuppercase_initial && some_multiletter_word {
            Action::CapInitial
        } else if !some_nonuppercase_initial && some_uppercase {
            Action::AllCaps
        } else {
            Action::NoChange
        };
    }
    let nt: Vec<char> = interp.heap.str(newtext).chars().collect();
    let mut text = String::new();
    if literal.is_nil() {
        let mut i = 0;
        while i < nt.len() {
            let c = nt[i];
            i += 1;
            if c != '\\' {
                text.push(c);
                continue;
            }
            let Some(&d) = nt.get(i) else {
                return Err(interp.error("Invalid use of \u{2018}\\\u{2019} in replacement text"));
            };
            i += 1;
            match d {
                '&' => {
                    text.push_str(&char_range(&chars, sub_start - offset, sub_end - offset));
                }
                '1'..='9' => {
                    let g = d as usize - '0' as usize;
                    if let Some(Some((b, e))) = interp.match_data.get(g).copied()
                        && b >= 0
                    {
                        if b > e || b < lo || e > hi {
                            return Err(interp.args_out_of_range3(string, Value::fixnum(b), Value::fixnum(e)));
                        }
                        text.push_str(&char_range(&chars, b - offset, e - offset));
                    }
                }
                '\\' => text.push('\\'),
                // Kept in a string; in a buffer Emacs refuses it.
                '?' if !in_buffer => {
                    text.push('\\');
                    text.push('?');
                }
                _ => return Err(interp.error("Invalid use of \u{2018}\\\u{2019} in replacement text")),
            }
        }
    } else {
        text.extend(nt.iter());
    }
    let text = match action {
        Action::AllCaps => casify_str(&text, CaseAction::Up),
        Action::CapInitial => casify_str(&text, CaseAction::CapitalizeUp),
        Action::NoChange => text,
    };
    if in_buffer {
        return super::buffer_search::replace_in_buffer(interp, sub_start as usize, sub_end as usize, &text);
    }
    let before = char_range(&chars, 0, sub_start);
    let after = char_range(&chars, sub_end, chars.len() as i64);
    let out = format!("{before}{text}{after}");
    Ok(interp.make_string(&out))
}

fn regexp_quote(interp: &mut Interp, args: &[Value]) -> LResult {
    check_string(interp, args[0])?;
    let q = crate::interp::regex::quote(interp.heap.str(args[0]));
    if q.len() == interp.heap.str(args[0]).len() {
        return Ok(args[0]);
    }
    Ok(interp.make_string(&q))
}

/// A regexp argument: a string, or any sequence `concat` accepts.
pub(crate) fn regexp_text(interp: &mut Interp, v: Value, default: &str) -> LResult<String> {
    if v.is_nil() {
        Ok(default.to_owned())
    } else if v.is_string() {
        Ok(interp.heap.str(v).to_owned())
    } else {
        concat_to_string(interp, &[v])
    }
}

#[cfg(test)]
mod tests {
    use crate::interp::Interp;
    use std::sync::atomic::Ordering;
    use std::time::{Duration, Instant};

    #[test]
    fn interrupt_stops_a_long_match_with_quit() {
        let mut interp = Interp::new().unwrap();
        let flag = interp.interrupt_flag();
        let setter = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(200));
            flag.store(true, Ordering::Relaxed);
        });
        // Back references turn the memo off: exponential, as in Emacs.
        let t0 = Instant::now();
        let r = interp.eval_str(r#"(string-match "\\(a*\\)*\\1b" (make-string 60 ?a))"#);
        setter.join().unwrap();
        let e = r.expect_err("interrupted");
        assert_eq!(e.object, "(quit)");
        assert!(t0.elapsed() < Duration::from_secs(10));
        // The interpreter carries on, and the match data are untouched.
        assert!(interp.eval_str(r#"(string-match "b" "abc")"#).is_ok());
        let md = interp.eval_str("(match-data)").unwrap();
        assert_eq!(interp.prin1_to_string(md), "(1 2)");
    }

    #[test]
    fn overflow_and_pathological_patterns_from_lisp() {
        let mut interp = Interp::new().unwrap();
        let e = interp.eval_str(r#"(string-match "\\(?:a\\|b\\)*c" (make-string 1000000 ?a))"#).unwrap_err();
        assert_eq!(e.object, r#"(error "Stack overflow in regexp matcher")"#);
        let v = interp.eval_str(r#"(string-match "\\(a*\\)*b" (make-string 30 ?a))"#).unwrap();
        assert!(v.is_nil());
        let v = interp.eval_str(r#"(list (string-match "\\(a*\\)*b" (concat (make-string 30 ?a) "b")) (match-data))"#).unwrap();
        assert_eq!(interp.prin1_to_string(v), "(0 (0 31 30 30))");
    }
}

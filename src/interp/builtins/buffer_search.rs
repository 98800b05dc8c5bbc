//! Searching the current buffer: `re-search-forward`/`-backward`,
//! `search-forward`/`-backward`, `looking-at`, and `replace-match` on the
//! buffer, as Emacs's search.c does them, on the regexp engine that string
//! searches use.
//!
//! The engine sees the accessible text as one slice (index 0 is
//! `point-min`); a forward search tries start positions from point up to
//! the bound and consumes nothing past it, a backward search tries them
//! from point down to the bound and consumes nothing past point (Emacs's
//! `re_search_2` with a negative range and `stop` at point). The match data
//! then hold buffer positions, and `match-data` with INTEGERS ends with the
//! buffer, as in Emacs (minilisp has no markers: without INTEGERS it gives
//! integers too).

use super::buffers::{check_pos, cur, current};
use super::regexp::{case_fold, compile_regex, store_match_data};
use super::strings::check_string;
use crate::gc::Value;
use crate::interp::regex::{Groups, Span};
use crate::interp::subr::Subr;
use crate::interp::symbols as sym;
use crate::interp::{Interp, LResult};

pub const SUBRS: &[Subr] = &[
    Subr::f("re-search-forward", 1, Some(4), re_search_forward),
    Subr::f("re-search-backward", 1, Some(4), re_search_backward),
    Subr::f("search-forward", 1, Some(4), search_forward),
    Subr::f("search-backward", 1, Some(4), search_backward),
    Subr::f("search-forward-regexp", 1, Some(4), re_search_forward),
    Subr::f("search-backward-regexp", 1, Some(4), re_search_backward),
    Subr::f("looking-at", 1, Some(2), looking_at),
    Subr::f("looking-at-p", 1, Some(1), looking_at_p),
];

/// True when `inhibit-changing-match-data` is set.
fn inhibit_match_data(interp: &mut Interp) -> bool {
    let s = interp.intern("inhibit-changing-match-data");
    let v = interp.symbol_value(s);
    !v.is_nil() && !v.is_unbound()
}

/// Records a match in the current buffer: `groups` index the accessible
/// text, whose first position is `begv`.
fn store_buffer_match(interp: &mut Interp, groups: &Groups, begv: usize) {
    let shifted: Groups = groups.iter().map(|g| g.map(|(b, e)| (b + begv, e + begv))).collect();
    store_match_data(interp, &shifted);
    interp.buffers.last_searched = current(interp);
}

/// Runs `span` over the accessible text of the current buffer.
fn run_search(interp: &mut Interp, re: &crate::interp::regex::Regex, span: Span, fold: bool) -> LResult<Option<Groups>> {
    let buf = cur(interp);
    let flag = interp.interrupt_flag();
    let mut quit = || flag.load(std::sync::atomic::Ordering::Relaxed);
    let r = {
        let st = buf.lock();
        re.search_span(st.accessible(), span, fold, &mut quit)
    };
    r.map_err(|e| super::regexp::match_error(interp, e))
}

/// `search_command` of search.c: `(FN STRING &optional BOUND NOERROR
/// COUNT)`, a regexp or literal search, forward or backward.
fn search_command(interp: &mut Interp, args: &[Value], regexp: bool, forward: bool) -> LResult {
    let (pattern, bound, noerror, count) = (args[0], args[1], args[2], args[3]);
    check_string(interp, pattern)?;
    let mut n = if count.is_nil() {
        1
    } else {
        match count.as_fixnum() {
            Some(k) => k,
            None => return Err(interp.wrong_type(sym::FIXNUMP, count)),
        }
    };
    let mut forward = forward;
    if n < 0 {
        n = -n;
        forward = !forward;
    }
    let buf = cur(interp);
    let (pt, begv, zv) = {
        let st = buf.lock();
        (st.pt, st.begv, st.zv)
    };
    let lim = if bound.is_nil() {
        if forward { zv } else { begv }
    } else {
        let l = check_pos(interp, bound)?;
        if if forward { l < pt as i64 } else { l > pt as i64 } {
            return Err(interp.error("Invalid search bound (wrong side of point)"));
        }
        l.clamp(begv as i64, zv as i64) as usize
    };
    let source = interp.heap.str(pattern).to_owned();
    let re = if regexp { compile_regex(interp, &source)? } else { compile_regex(interp, &crate::interp::regex::quote(&source))? };
    let fold = case_fold(interp);
    let inhibit = inhibit_match_data(interp);
    let mut pos = pt;
    let mut found = true;
    for _ in 0..n {
        interp.maybe_quit()?;
        let span = if forward {
            Span { first: pos - begv, last: lim - begv, stop: lim - begv, point: Some(pt - begv) }
        } else {
            Span { first: pos - begv, last: lim - begv, stop: pos - begv, point: Some(pt - begv) }
        };
        match run_search(interp, &re, span, fold)? {
            Some(groups) => {
                let (b, e) = groups[0].expect("a match has bounds");
                let next = begv + if forward { e } else { b };
                if !inhibit {
                    store_buffer_match(interp, &groups, begv);
                }
                // An empty match where the search started would be found
                // again by every remaining repetition: the result is this.
                let again = b == e && next == pos;
                pos = next;
                if again {
                    break;
                }
            }
            None => {
                found = false;
                break;
            }
        }
    }
    if !found {
        if noerror.is_nil() {
            let kind = search_failed(interp);
            return Err(interp.signal_list(kind, &[pattern]));
        }
        if noerror != Value::T {
            buf.lock().pt = lim;
        }
        return Ok(Value::NIL);
    }
    buf.lock().pt = pos;
    Ok(Value::fixnum(pos as i64))
}

/// The `search-failed` error symbol (defined in lisp/buffers.el).
fn search_failed(interp: &mut Interp) -> Value {
    interp.intern("search-failed")
}

fn re_search_forward(interp: &mut Interp, args: &[Value]) -> LResult {
    search_command(interp, args, true, true)
}

fn re_search_backward(interp: &mut Interp, args: &[Value]) -> LResult {
    search_command(interp, args, true, false)
}

fn search_forward(interp: &mut Interp, args: &[Value]) -> LResult {
    search_command(interp, args, false, true)
}

fn search_backward(interp: &mut Interp, args: &[Value]) -> LResult {
    search_command(interp, args, false, false)
}

/// `looking-at`: does the text after point match REGEXP?
fn looking_at_1(interp: &mut Interp, regexp: Value, inhibit: bool) -> LResult {
    check_string(interp, regexp)?;
    let source = interp.heap.str(regexp).to_owned();
    let re = compile_regex(interp, &source)?;
    let fold = case_fold(interp);
    let buf = cur(interp);
    let (pt, begv, zv) = {
        let st = buf.lock();
        (st.pt, st.begv, st.zv)
    };
    let at = pt - begv;
    let span = Span { first: at, last: at, stop: zv - begv, point: Some(at) };
    match run_search(interp, &re, span, fold)? {
        Some(groups) => {
            if !inhibit {
                store_buffer_match(interp, &groups, begv);
            }
            Ok(Value::T)
        }
        None => Ok(Value::NIL),
    }
}

fn looking_at(interp: &mut Interp, args: &[Value]) -> LResult {
    let inhibit = !args[1].is_nil() || inhibit_match_data(interp);
    looking_at_1(interp, args[0], inhibit)
}

fn looking_at_p(interp: &mut Interp, args: &[Value]) -> LResult {
    looking_at_1(interp, args[0], true)
}

/// `replace-match` without STRING: replaces the matched text (group
/// `sub`, at buffer positions) in the current buffer by `text`, leaves
/// point after it and shifts the match data as Emacs's
/// `update_search_regs` does.
pub(crate) fn replace_in_buffer(interp: &mut Interp, sub_start: usize, sub_end: usize, text: &str) -> LResult {
    let new: Vec<char> = text.chars().collect();
    let buf = cur(interp);
    {
        let mut st = buf.lock();
        st.replace(sub_start, sub_end, &new);
        st.pt = sub_start + new.len();
    }
    let newend = (sub_start + new.len()) as i64;
    let (oldstart, oldend) = (sub_start as i64, sub_end as i64);
    let change = newend - oldend;
    for (b, e) in interp.match_data.iter_mut().flatten() {
        for p in [b, e] {
            if *p >= oldend {
                *p += change;
            } else if *p > oldstart {
                *p = oldstart;
            }
        }
    }
    Ok(Value::NIL)
}

/// The part of the current buffer's text that the match data cover (for
/// `replace-match` to read groups from: copying only it keeps a
/// replacement loop linear), the position of its first character, and the
/// accessible bounds.
pub(crate) fn buffer_text(interp: &mut Interp) -> (Vec<char>, usize, usize, usize) {
    let buf = cur(interp);
    let st = buf.lock();
    let (begv, zv) = (st.begv as i64, st.zv as i64);
    let clamp = |p: i64| p.clamp(begv, zv);
    let lo = interp.match_data.iter().flatten().map(|&(b, _)| clamp(b)).min().unwrap_or(begv);
    let hi = interp.match_data.iter().flatten().map(|&(_, e)| clamp(e)).max().unwrap_or(begv).max(lo);
    (st.text[lo as usize - 1..hi as usize - 1].to_vec(), lo as usize, st.begv, st.zv)
}

//! String built-ins: building, slicing, comparing, case conversion,
//! searching, splitting and trimming.
//!
//! Strings are UTF-8 in the heap; every index here is a character index.
//! Case conversion follows Emacs 28's `casefiddle.c` exactly, driven by the
//! tables of [`crate::interp::unicode`] (generated from Emacs 28.2 itself:
//! simple case mappings, the unconditional special casings, and the syntax
//! table of the `*scratch*` buffer that batch scripts run in, which decides
//! word boundaries).
//!
//! `split-string` and the `string-trim` family take Emacs regexps, matched
//! by [`crate::interp::regex`] through the helpers of [`super::regexp`]
//! (folding case when `case-fold-search` is non-nil, its default, as
//! `string-match` does).

use super::sequences::{
    check_char, check_natnum, concat_to_string, is_sequence, memory_full, seq_elements,
    seq_length, validate_subarray, MAX_ELEMENTS,
};
use super::regexp::{case_fold, compile_regex, regexp_text, search, search_string, store_match_data};
use crate::gc::Value;
use crate::interp::subr::Subr;
use crate::interp::unicode::{downcase_char, special_casing, syntax_class, titlecase_char, upcase_char, Special};
use crate::interp::symbols as sym;
use crate::interp::{Interp, LResult};

pub const SUBRS: &[Subr] = &[
    Subr::f("concat", 0, None, concat),
    Subr::f("substring", 1, Some(3), substring),
    Subr::f("substring-no-properties", 1, Some(3), substring_no_properties),
    Subr::f("string=", 2, Some(2), string_equal),
    Subr::f("string-equal", 2, Some(2), string_equal),
    Subr::f("string<", 2, Some(2), string_lessp),
    Subr::f("string-lessp", 2, Some(2), string_lessp),
    Subr::f("string>", 2, Some(2), string_greaterp),
    Subr::f("string-greaterp", 2, Some(2), string_greaterp),
    Subr::f("string-prefix-p", 2, Some(3), string_prefix_p),
    Subr::f("string-suffix-p", 2, Some(3), string_suffix_p),
    Subr::f("compare-strings", 6, Some(7), compare_strings),
    Subr::f("upcase", 1, Some(1), upcase),
    Subr::f("downcase", 1, Some(1), downcase),
    Subr::f("capitalize", 1, Some(1), capitalize),
    Subr::f("upcase-initials", 1, Some(1), upcase_initials),
    Subr::f("string-to-list", 1, Some(1), string_to_list),
    Subr::f("string-to-vector", 1, Some(1), string_to_vector),
    Subr::f("string-to-char", 1, Some(1), string_to_char),
    Subr::f("char-to-string", 1, Some(1), char_to_string),
    Subr::f("string", 0, None, string),
    Subr::f("make-string", 2, Some(3), make_string),
    Subr::f("string-join", 1, Some(2), string_join),
    Subr::f("string-trim", 1, Some(3), string_trim),
    Subr::f("string-trim-left", 1, Some(2), string_trim_left),
    Subr::f("string-trim-right", 1, Some(2), string_trim_right),
    Subr::f("string-search", 2, Some(3), string_search),
    Subr::f("string-replace", 3, Some(3), string_replace),
    Subr::f("string-empty-p", 1, Some(1), string_empty_p),
    Subr::f("string-bytes", 1, Some(1), string_bytes),
    Subr::f("multibyte-string-p", 1, Some(1), multibyte_string_p),
    Subr::f("string-blank-p", 1, Some(1), string_blank_p),
];

pub(super) fn check_string(interp: &mut Interp, v: Value) -> LResult<()> {
    if v.is_string() { Ok(()) } else { Err(interp.wrong_type(sym::STRINGP, v)) }
}

/// A string or a symbol's name (for `string=`, `string<`).
fn string_or_symbol_text(interp: &mut Interp, v: Value) -> LResult<String> {
    if v.is_symbol() {
        return Ok(interp.symbol_name(v).to_owned());
    }
    check_string(interp, v)?;
    Ok(interp.heap.str(v).to_owned())
}

/// An error symbol that Emacs defines but the shared error table may lack:
/// gives it its conditions and message on first use.
pub(super) fn error_kind(interp: &mut Interp, name: &str, message: &str) -> Value {
    let s = interp.intern(name);
    if interp.get(s, sym::ERROR_CONDITIONS).is_nil() {
        let conds = interp.list(&[s, sym::ERROR]);
        interp.put(s, sym::ERROR_CONDITIONS, conds);
        let msg = interp.make_string(message);
        interp.put(s, sym::ERROR_MESSAGE, msg);
    }
    s
}

// ---------------------------------------------------------------------------
// Building and slicing.

fn concat(interp: &mut Interp, args: &[Value]) -> LResult {
    let s = concat_to_string(interp, args)?;
    Ok(interp.make_string(&s))
}

/// Characters `from..to` of `s`.
fn char_slice(s: &str, from: usize, to: usize) -> &str {
    if s.is_ascii() {
        return &s[from.min(s.len())..to.min(s.len())];
    }
    let b0 = char_to_byte_fast(s, from);
    let rest = &s[b0..];
    let b1 = char_to_byte_fast(rest, to - from);
    &rest[..b1]
}

/// The byte offset of character `ci` of `s` (its length if beyond),
/// counting UTF-8 lead bytes 32 at a time: slicing a long multibyte string
/// (as `split-string` and `replace-regexp-in-string` do for every piece)
/// stays cheap.
fn char_to_byte_fast(s: &str, ci: usize) -> usize {
    let b = s.as_bytes();
    let is_lead = |x: &u8| (*x as i8) >= -0x40;
    let mut count = 0usize;
    let mut i = 0usize;
    while i + 32 <= b.len() {
        let n = b[i..i + 32].iter().filter(|x| is_lead(x)).count();
        if count + n > ci {
            break;
        }
        count += n;
        i += 32;
    }
    while i < b.len() {
        if is_lead(&b[i]) {
            if count == ci {
                return i;
            }
            count += 1;
        }
        i += 1;
    }
    b.len()
}

fn substring(interp: &mut Interp, args: &[Value]) -> LResult {
    let (s, from, to) = (args[0], args[1], args[2]);
    if s.is_string() {
        let n = interp.heap.string_chars(s);
        let (f, t) = validate_subarray(interp, s, from, to, n)?;
        let sub = char_slice(interp.heap.str(s), f, t).to_owned();
        return Ok(interp.make_string(&sub));
    }
    if interp.heap.is_vector(s) {
        let n = interp.heap.vec_len(s);
        let (f, t) = validate_subarray(interp, s, from, to, n)?;
        let items = interp.heap.vec_slice(s)[f..t].to_vec();
        return Ok(interp.vector_from(&items));
    }
    Err(interp.wrong_type(sym::ARRAYP, s))
}

fn substring_no_properties(interp: &mut Interp, args: &[Value]) -> LResult {
    check_string(interp, args[0])?;
    substring(interp, args)
}

/// `(substring S FROM TO)` on character indices already validated.
fn substring_of(interp: &mut Interp, s: Value, from: usize, to: usize) -> Value {
    let sub = char_slice(interp.heap.str(s), from, to).to_owned();
    interp.make_string(&sub)
}

/// The elements of a sequence argument (`string-to-list` and
/// `string-to-vector` accept any sequence, as `append`/`vconcat` do).
fn sequence_items(interp: &mut Interp, s: Value) -> LResult<Vec<Value>> {
    if !is_sequence(interp, s) {
        return Err(interp.wrong_type(sym::SEQUENCEP, s));
    }
    seq_elements(interp, s)
}

fn string_to_list(interp: &mut Interp, args: &[Value]) -> LResult {
    // `(append STRING nil)`.
    let items = sequence_items(interp, args[0])?;
    Ok(interp.list(&items))
}

fn string_to_vector(interp: &mut Interp, args: &[Value]) -> LResult {
    // `(vconcat STRING)`.
    let items = sequence_items(interp, args[0])?;
    Ok(interp.vector_from(&items))
}

fn string_to_char(interp: &mut Interp, args: &[Value]) -> LResult {
    check_string(interp, args[0])?;
    let c = interp.heap.str(args[0]).chars().next().map_or(0, |c| c as i64);
    Ok(Value::fixnum(c))
}

fn char_to_string(interp: &mut Interp, args: &[Value]) -> LResult {
    let c = check_char(interp, args[0])?;
    Ok(interp.make_string(c.encode_utf8(&mut [0; 4])))
}

fn string(interp: &mut Interp, args: &[Value]) -> LResult {
    let mut s = String::with_capacity(args.len());
    for &c in args {
        s.push(check_char(interp, c)?);
    }
    Ok(interp.make_string(&s))
}

fn make_string(interp: &mut Interp, args: &[Value]) -> LResult {
    let n = check_natnum(interp, args[0])?;
    let c = check_char(interp, args[1])?;
    if n > MAX_ELEMENTS {
        return Err(memory_full(interp));
    }
    let s: String = std::iter::repeat_n(c, n).collect();
    Ok(interp.make_string(&s))
}

// ---------------------------------------------------------------------------
// Comparison.

fn string_equal(interp: &mut Interp, args: &[Value]) -> LResult {
    let a = string_or_symbol_text(interp, args[0])?;
    let b = string_or_symbol_text(interp, args[1])?;
    Ok(Value::bool(a == b))
}

fn string_lessp(interp: &mut Interp, args: &[Value]) -> LResult {
    let a = string_or_symbol_text(interp, args[0])?;
    let b = string_or_symbol_text(interp, args[1])?;
    // UTF-8 byte order is code point order.
    Ok(Value::bool(a < b))
}

fn string_greaterp(interp: &mut Interp, args: &[Value]) -> LResult {
    string_lessp(interp, &[args[1], args[0]])
}

/// Emacs's `compare-strings` on already checked strings and bounds.
fn compare_chars(a: &[char], b: &[char], ignore_case: bool) -> Value {
    let (mut i1, mut i2) = (0usize, 0usize);
    while i1 < a.len() && i2 < b.len() {
        let (mut c1, mut c2) = (a[i1] as u32, b[i2] as u32);
        i1 += 1;
        i2 += 1;
        if c1 == c2 {
            continue;
        }
        if ignore_case {
            c1 = upcase_char(c1);
            c2 = upcase_char(c2);
        }
        if c1 == c2 {
            continue;
        }
        return if c1 < c2 { Value::fixnum(-(i1 as i64)) } else { Value::fixnum(i1 as i64) };
    }
    if i1 < a.len() {
        return Value::fixnum(i1 as i64 + 1);
    }
    if i2 < b.len() {
        return Value::fixnum(-(i1 as i64) - 1);
    }
    Value::T
}

fn compare_strings(interp: &mut Interp, args: &[Value]) -> LResult {
    let (s1, start1, mut end1, s2, start2, mut end2, ic) = (args[0], args[1], args[2], args[3], args[4], args[5], args[6]);
    check_string(interp, s1)?;
    check_string(interp, s2)?;
    let n1 = interp.heap.string_chars(s1);
    let n2 = interp.heap.string_chars(s2);
    if end1.as_fixnum().is_some_and(|e| e > n1 as i64) {
        end1 = Value::fixnum(n1 as i64);
    }
    if end2.as_fixnum().is_some_and(|e| e > n2 as i64) {
        end2 = Value::fixnum(n2 as i64);
    }
    let (f1, t1) = validate_subarray(interp, s1, start1, end1, n1)?;
    let (f2, t2) = validate_subarray(interp, s2, start2, end2, n2)?;
    let a: Vec<char> = char_slice(interp.heap.str(s1), f1, t1).chars().collect();
    let b: Vec<char> = char_slice(interp.heap.str(s2), f2, t2).chars().collect();
    Ok(compare_chars(&a, &b, !ic.is_nil()))
}

/// subr.el's `string-prefix-p`.
fn string_prefix_p(interp: &mut Interp, args: &[Value]) -> LResult {
    let (prefix, s, ic) = (args[0], args[1], args[2]);
    let plen = seq_length(interp, prefix)?;
    let slen = seq_length(interp, s)?;
    if plen > slen {
        return Ok(Value::NIL);
    }
    check_string(interp, prefix)?;
    check_string(interp, s)?;
    let a: Vec<char> = interp.heap.str(prefix).chars().collect();
    let b: Vec<char> = interp.heap.str(s).chars().take(plen).collect();
    Ok(Value::bool(compare_chars(&a, &b, !ic.is_nil()) == Value::T))
}

/// subr.el's `string-suffix-p`.
fn string_suffix_p(interp: &mut Interp, args: &[Value]) -> LResult {
    let (suffix, s, ic) = (args[0], args[1], args[2]);
    let slen = seq_length(interp, s)?;
    let xlen = seq_length(interp, suffix)?;
    if xlen > slen {
        return Ok(Value::NIL);
    }
    check_string(interp, suffix)?;
    check_string(interp, s)?;
    let a: Vec<char> = interp.heap.str(suffix).chars().collect();
    let b: Vec<char> = interp.heap.str(s).chars().skip(slen - xlen).collect();
    Ok(Value::bool(compare_chars(&a, &b, !ic.is_nil()) == Value::T))
}

fn string_empty_p(interp: &mut Interp, args: &[Value]) -> LResult {
    let a = string_or_symbol_text(interp, args[0])?;
    Ok(Value::bool(a.is_empty()))
}

/// `(string-bytes STRING)`: bytes in Emacs's internal (UTF-8) encoding.
fn string_bytes(interp: &mut Interp, args: &[Value]) -> LResult {
    if !args[0].is_string() {
        return Err(interp.wrong_type(sym::STRINGP, args[0]));
    }
    Ok(Value::fixnum(interp.heap.str(args[0]).len() as i64))
}

/// `(multibyte-string-p OBJECT)`: t for a string holding a non-ASCII
/// character (minilisp keeps no separate unibyte/multibyte flag; a string of
/// ASCII characters counts as unibyte, as literals and most results do in
/// Emacs).
fn multibyte_string_p(interp: &mut Interp, args: &[Value]) -> LResult {
    Ok(Value::bool(args[0].is_string() && interp.heap.string_multibyte(args[0])))
}

// ---------------------------------------------------------------------------
// Case conversion (casefiddle.c).


#[derive(Copy, Clone, PartialEq, Eq)]
pub(crate) enum CaseAction {
    Up,
    Down,
    Capitalize,
    CapitalizeUp,
}

enum Cased {
    Char(u32),
    Special(&'static str),
}

/// `case_character_impl`: updates the in-word state and cases `ch`.
fn case_character_impl(flag: CaseAction, inword: &mut bool, ch: u32, special: bool) -> Cased {
    let was_inword = *inword;
    *inword = syntax_class(ch) == b'w';
    let flag = match flag {
        CaseAction::Capitalize => {
            if was_inword {
                CaseAction::Down
            } else {
                CaseAction::Capitalize
            }
        }
        CaseAction::CapitalizeUp => {
            if was_inword {
                return Cased::Char(ch);
            }
            CaseAction::Capitalize
        }
        f => f,
    };
    if special {
        let table = match flag {
            CaseAction::Up => Special::Up,
            CaseAction::Down => Special::Down,
            _ => Special::Title,
        };
        if let Some(s) = special_casing(table, ch) {
            return Cased::Special(s);
        }
    }
    Cased::Char(match flag {
        CaseAction::Down => downcase_char(ch),
        CaseAction::Up => upcase_char(ch),
        _ => titlecase_char(ch),
    })
}

fn push_code(out: &mut String, c: u32) {
    out.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
}

pub(crate) fn casify_str(s: &str, flag: CaseAction) -> String {
    let mut out = String::with_capacity(s.len());
    let mut inword = false;
    if s.is_ascii() {
        // A unibyte string: one-to-one casing only.
        for ch in s.chars() {
            match case_character_impl(flag, &mut inword, ch as u32, false) {
                Cased::Char(c) if c < 128 => out.push(c as u8 as char),
                _ => out.push(ch),
            }
        }
        return out;
    }
    let chars: Vec<char> = s.chars().collect();
    for (i, &ch) in chars.iter().enumerate() {
        let was_inword = inword;
        let (changed, cased) = match case_character_impl(flag, &mut inword, ch as u32, true) {
            Cased::Special(t) => (true, Err(t)),
            Cased::Char(c) => (c != ch as u32, Ok(c)),
        };
        if was_inword
            && ch == '\u{3A3}'
            && changed
            && chars.get(i + 1).is_none_or(|&n| syntax_class(n as u32) != b'w')
        {
            out.push('\u{3C2}');
            continue;
        }
        match cased {
            Ok(c) => push_code(&mut out, c),
            Err(t) => out.push_str(t),
        }
    }
    out
}

fn casify(interp: &mut Interp, obj: Value, flag: CaseAction) -> LResult {
    const FLAGBITS: i64 = 0x0400000 | 0x0800000 | 0x1000000 | 0x2000000 | 0x4000000 | 0x8000000;
    if let Some(ch) = obj.as_fixnum().filter(|&c| c >= 0) {
        if ch > FLAGBITS {
            return Ok(obj);
        }
        let flags = ch & FLAGBITS;
        let base = (ch & !FLAGBITS) as u32;
        let mut inword = false;
        let cased = match case_character_impl(flag, &mut inword, base, false) {
            Cased::Char(c) => c,
            Cased::Special(_) => base,
        };
        if cased == base {
            return Ok(obj);
        }
        return Ok(Value::fixnum(cased as i64 | flags));
    }
    if !obj.is_string() {
        return Err(interp.wrong_type(sym::CHAR_OR_STRING_P, obj));
    }
    if interp.heap.string_chars(obj) == 0 {
        return Ok(obj);
    }
    let s = casify_str(interp.heap.str(obj), flag);
    Ok(interp.make_string(&s))
}

fn upcase(interp: &mut Interp, args: &[Value]) -> LResult {
    casify(interp, args[0], CaseAction::Up)
}

fn downcase(interp: &mut Interp, args: &[Value]) -> LResult {
    casify(interp, args[0], CaseAction::Down)
}

fn capitalize(interp: &mut Interp, args: &[Value]) -> LResult {
    casify(interp, args[0], CaseAction::Capitalize)
}

fn upcase_initials(interp: &mut Interp, args: &[Value]) -> LResult {
    casify(interp, args[0], CaseAction::CapitalizeUp)
}

// ---------------------------------------------------------------------------
// Searching and replacing.

fn string_search(interp: &mut Interp, args: &[Value]) -> LResult {
    let (needle, haystack, start_pos) = (args[0], args[1], args[2]);
    check_string(interp, needle)?;
    check_string(interp, haystack)?;
    let nh = interp.heap.string_chars(haystack);
    let mut start = 0usize;
    if !start_pos.is_nil() {
        let Some(s) = start_pos.as_fixnum() else {
            return Err(interp.wrong_type(sym::FIXNUMP, start_pos));
        };
        if s < 0 || s as usize > nh {
            return Err(interp.signal_list(sym::ARGS_OUT_OF_RANGE, &[start_pos]));
        }
        start = s as usize;
    }
    if interp.heap.string_chars(needle) > nh - start {
        return Ok(Value::NIL);
    }
    let h = interp.heap.str(haystack);
    let b = super::sequences::char_to_byte(h, start);
    match h[b..].find(interp.heap.str(needle)) {
        Some(off) => {
            let ci = start + count_chars(&h[b..b + off]);
            Ok(Value::fixnum(ci as i64))
        }
        None => Ok(Value::NIL),
    }
}

fn count_chars(s: &str) -> usize {
    if s.is_ascii() { s.len() } else { s.chars().count() }
}

/// subr.el's `string-replace`.
fn string_replace(interp: &mut Interp, args: &[Value]) -> LResult {
    let (from, to, input) = (args[0], args[1], args[2]);
    if from.is_string() && interp.heap.string_chars(from) == 0 {
        let kind = error_kind(interp, "wrong-length-argument", "Wrong length argument");
        return Err(interp.signal_list(kind, &[Value::fixnum(0)]));
    }
    check_string(interp, from)?;
    check_string(interp, input)?;
    let f = interp.heap.str(from).to_owned();
    if !interp.heap.str(input).contains(f.as_str()) {
        return Ok(input);
    }
    let to_text = concat_to_string(interp, &[to])?;
    let out = interp.heap.str(input).replace(f.as_str(), &to_text);
    Ok(interp.make_string(&out))
}

// ---------------------------------------------------------------------------
// Regexp-based functions.

const DEFAULT_TRIM: &str = "[ \t\n\r]+";

fn string_trim_left_value(interp: &mut Interp, s: Value, re: Value) -> LResult {
    let re = regexp_text(interp, re, DEFAULT_TRIM)?;
    let rx = compile_regex(interp, &format!("\\`\\(?:{re}\\)"))?;
    check_string(interp, s)?;
    let fold = case_fold(interp);
    // `string-match`, so the match data are set as in Emacs.
    match search_string(interp, &rx, s, 0, fold)? {
        Some(groups) => {
            store_match_data(interp, &groups);
            let end = groups[0].map_or(0, |g| g.1);
            let n = interp.heap.string_chars(s);
            Ok(substring_of(interp, s, end, n))
        }
        None => Ok(s),
    }
}

fn string_trim_right_value(interp: &mut Interp, s: Value, re: Value) -> LResult {
    let re = regexp_text(interp, re, DEFAULT_TRIM)?;
    let rx = compile_regex(interp, &format!("\\(?:{re}\\)\\'"))?;
    check_string(interp, s)?;
    let chars: Vec<char> = interp.heap.str(s).chars().collect();
    let fold = case_fold(interp);
    match search(interp, &rx, &chars, 0, fold)? {
        Some((i, _)) => Ok(substring_of(interp, s, 0, i)),
        None => Ok(s),
    }
}

fn string_trim_left(interp: &mut Interp, args: &[Value]) -> LResult {
    string_trim_left_value(interp, args[0], args[1])
}

fn string_trim_right(interp: &mut Interp, args: &[Value]) -> LResult {
    string_trim_right_value(interp, args[0], args[1])
}

fn string_trim(interp: &mut Interp, args: &[Value]) -> LResult {
    let r = string_trim_right_value(interp, args[0], args[2])?;
    let slot = interp.push_root(r);
    let out = string_trim_left_value(interp, r, args[1]);
    interp.stack.truncate(slot);
    out
}

fn string_blank_p(interp: &mut Interp, args: &[Value]) -> LResult {
    check_string(interp, args[0])?;
    let blank = interp.heap.str(args[0]).chars().all(|c| matches!(c, ' ' | '\t' | '\n' | '\r'));
    Ok(if blank { Value::fixnum(0) } else { Value::NIL })
}

/// subr-x's `string-join`: `(mapconcat #'identity STRINGS SEPARATOR)`.
fn string_join(interp: &mut Interp, args: &[Value]) -> LResult {
    let (strings, sep) = (args[0], args[1]);
    seq_length(interp, strings)?;
    let items = seq_elements(interp, strings)?;
    let mut parts = Vec::with_capacity(items.len() * 2);
    for (i, x) in items.into_iter().enumerate() {
        if i > 0 {
            parts.push(sep);
        }
        parts.push(x);
    }
    let s = concat_to_string(interp, &parts)?;
    Ok(interp.make_string(&s))
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_slices() {
        let s = "é".repeat(40) + "abc" + &"ü".repeat(40);
        for (f, t) in [(0, 0), (0, 40), (39, 44), (40, 43), (43, 83), (83, 83), (10, 70)] {
            let want: String = s.chars().skip(f).take(t - f).collect();
            assert_eq!(char_slice(&s, f, t), want, "{f} {t}");
        }
    }

    #[test]
    fn casing_matches_emacs() {
        assert_eq!(casify_str("straße", CaseAction::Up), "STRASSE");
        assert_eq!(upcase_char('ß' as u32), 7838);
        assert_eq!(casify_str("don't stop", CaseAction::Capitalize), "Don'T Stop");
        assert_eq!(casify_str("ΣΑΣ ΟΔΟΣ.", CaseAction::Down), "σας οδος.");
        assert_eq!(casify_str("ǆemal ǅx", CaseAction::Capitalize), "ǅemal ǅx");
        assert_eq!(casify_str("hello wORLD", CaseAction::CapitalizeUp), "Hello WORLD");
        assert_eq!(casify_str("ﬁx ßa", CaseAction::CapitalizeUp), "Fix Ssa");
        assert_eq!(casify_str("x1y z_w", CaseAction::Capitalize), "X1y Z_W");
    }
}


//! String built-ins: building, slicing, comparing, case conversion,
//! searching, splitting and trimming.
//!
//! Strings are UTF-8 in the heap; every index here is a character index.
//! Case conversion follows Emacs 28's `casefiddle.c` exactly, driven by
//! tables dumped from Emacs 28.2 itself (simple case mappings, the
//! unconditional special casings, and the syntax table of the `*scratch*`
//! buffer that batch scripts run in, which decides word boundaries).
//!
//! `split-string` and the `string-trim` family take Emacs regexps; they use
//! the small backtracking engine in `regex` below, which supports: literal
//! characters, `.`, bracket sets (ranges, negation, `[:alpha:]`-style
//! classes), `*` `+` `?` and their non-greedy forms, `\{M,N\}`, groups
//! `\(...\)` / `\(?:...\)`, alternation `\|`, back references `\N`,
//! anchors `^ $ \` \'`, `\b \B \< \> \_< \_>`, `\w \W \sC \SC`. Matching
//! folds case when `case-fold-search` is non-nil (its default), as
//! `string-match` does.

use super::sequences::{
    check_char, check_natnum, concat_to_string, is_sequence, memory_full, seq_elements,
    seq_length, validate_subarray, MAX_ELEMENTS,
};
use crate::gc::Value;
use crate::interp::subr::Subr;
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
    Subr::f("split-string", 1, Some(4), split_string),
    Subr::f("string-join", 1, Some(2), string_join),
    Subr::f("string-trim", 1, Some(3), string_trim),
    Subr::f("string-trim-left", 1, Some(2), string_trim_left),
    Subr::f("string-trim-right", 1, Some(2), string_trim_right),
    Subr::f("string-search", 2, Some(3), string_search),
    Subr::f("string-replace", 3, Some(3), string_replace),
    Subr::f("string-empty-p", 1, Some(1), string_empty_p),
    Subr::f("string-bytes", 1, Some(1), string_bytes),
    Subr::f("string-blank-p", 1, Some(1), string_blank_p),
];

fn check_string(interp: &mut Interp, v: Value) -> LResult<()> {
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
fn error_kind(interp: &mut Interp, name: &str, message: &str) -> Value {
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
    let b0 = super::sequences::char_to_byte(s, from);
    let rest = &s[b0..];
    let b1 = super::sequences::char_to_byte(rest, to - from);
    &rest[..b1]
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

// ---------------------------------------------------------------------------
// Case conversion (casefiddle.c).

fn case_entry(c: u32) -> Option<&'static (u32, u32, u32, u32)> {
    tables::CASE.binary_search_by_key(&c, |e| e.0).ok().map(|i| &tables::CASE[i])
}

/// Emacs's `upcase` of one character (the case table).
pub(crate) fn upcase_char(c: u32) -> u32 {
    case_entry(c).map_or(c, |e| e.1)
}

/// Emacs's `downcase` of one character.
pub(crate) fn downcase_char(c: u32) -> u32 {
    case_entry(c).map_or(c, |e| e.2)
}

/// The title case Emacs's `capitalize` gives one character.
fn titlecase_char(c: u32) -> u32 {
    case_entry(c).map_or(c, |e| e.3)
}

fn special_casing(table: &'static [(u32, &'static str)], c: u32) -> Option<&'static str> {
    table.binary_search_by_key(&c, |e| e.0).ok().map(|i| table[i].1)
}

/// The syntax class character of `c` (`w` word, ` ` whitespace, ...).
pub(crate) fn syntax_class(c: u32) -> u8 {
    let t = tables::SYNTAX;
    match t.binary_search_by(|&(lo, hi, _)| {
        if hi < c {
            std::cmp::Ordering::Less
        } else if lo > c {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    }) {
        Ok(i) => t[i].2,
        Err(_) => b'w',
    }
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum CaseAction {
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
            CaseAction::Up => tables::SPECIAL_UP,
            CaseAction::Down => tables::SPECIAL_DOWN,
            _ => tables::SPECIAL_TITLE,
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

fn casify_str(s: &str, flag: CaseAction) -> String {
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

/// The value of `case-fold-search` (t when it was never set).
fn case_fold(interp: &mut Interp) -> bool {
    let s = interp.intern("case-fold-search");
    let v = interp.symbol_value(s);
    v.is_unbound() || !v.is_nil()
}

fn compile_regex(interp: &mut Interp, pattern: &str) -> LResult<regex::Regex> {
    regex::Regex::new(pattern).map_err(|msg| {
        let kind = error_kind(interp, "invalid-regexp", "Invalid regexp");
        let m = interp.make_string(msg);
        interp.signal_list(kind, &[m])
    })
}

/// `(string-match RE TEXT START)`: the whole-match bounds.
fn search(interp: &mut Interp, re: &regex::Regex, text: &[char], start: usize, fold: bool) -> LResult<Option<(usize, usize)>> {
    match re.search(text, start, fold) {
        Ok(m) => Ok(m),
        Err(msg) => Err(interp.error(msg)),
    }
}

/// A regexp argument: a string, or any sequence `concat` accepts.
fn regexp_text(interp: &mut Interp, v: Value, default: &str) -> LResult<String> {
    if v.is_nil() {
        Ok(default.to_owned())
    } else if v.is_string() {
        Ok(interp.heap.str(v).to_owned())
    } else {
        concat_to_string(interp, &[v])
    }
}

const DEFAULT_TRIM: &str = "[ \t\n\r]+";

fn string_trim_left_value(interp: &mut Interp, s: Value, re: Value) -> LResult {
    let re = regexp_text(interp, re, DEFAULT_TRIM)?;
    let rx = compile_regex(interp, &format!("\\`\\(?:{re}\\)"))?;
    check_string(interp, s)?;
    let chars: Vec<char> = interp.heap.str(s).chars().collect();
    let fold = case_fold(interp);
    match search(interp, &rx, &chars, 0, fold)? {
        Some((_, end)) => Ok(substring_of(interp, s, end, chars.len())),
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

/// subr.el's `split-string`, step for step.
fn split_string(interp: &mut Interp, args: &[Value]) -> LResult {
    let (string, separators, omit_nulls, trim) = (args[0], args[1], args[2], args[3]);
    let keep_nulls = !(if separators.is_nil() { true } else { !omit_nulls.is_nil() });
    // `string-match` checks the regexp, then the string; TRIM is matched later.
    if !separators.is_nil() {
        check_string(interp, separators)?;
    }
    let rexp = regexp_text(interp, separators, "[ \u{c}\t\n\r\u{b}]+")?;
    let rx = compile_regex(interp, &rexp)?;
    check_string(interp, string)?;
    let trim_rx = if trim.is_nil() {
        None
    } else {
        check_string(interp, trim)?;
        let t = regexp_text(interp, trim, "")?;
        Some((compile_regex(interp, &t)?, compile_regex(interp, &format!("{t}\\'"))?))
    };
    let fold = case_fold(interp);
    let chars: Vec<char> = interp.heap.str(string).chars().collect();
    let len = chars.len();
    let base = interp.stack.len();
    let r = (|| {
        let mut start = 0usize;
        let mut notfirst = false;
        let mut last_mb = 0usize;
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        loop {
            let from = if notfirst && start == last_mb && start < len { start + 1 } else { start };
            let Some((mb, me)) = search(interp, &rx, &chars, from, fold)? else { break };
            last_mb = mb;
            if start >= len {
                break;
            }
            notfirst = true;
            pieces.push((start, mb));
            start = me;
        }
        pieces.push((start, len));
        for (mut this_start, this_end) in pieces {
            if let Some((trx, _)) = &trim_rx
                && let Some((tb, te)) = search(interp, trx, &chars, this_start, fold)?
                && tb == this_start
            {
                this_start = te;
            }
            if keep_nulls || this_start < this_end {
                if this_start > this_end {
                    let (a, b) = (Value::fixnum(this_start as i64), Value::fixnum(this_end as i64));
                    return Err(interp.args_out_of_range3(string, a, b));
                }
                let mut piece: Vec<char> = chars[this_start..this_end].to_vec();
                if let Some((_, trx_end)) = &trim_rx
                    && let Some((tb, _)) = search(interp, trx_end, &piece, 0, fold)?
                    && tb < piece.len()
                {
                    piece.truncate(tb);
                }
                if keep_nulls || !piece.is_empty() {
                    let s: String = piece.into_iter().collect();
                    let v = interp.make_string(&s);
                    interp.stack.push(v);
                }
            }
        }
        let items = interp.stack[base..].to_vec();
        Ok(interp.list(&items))
    })();
    interp.stack.truncate(base);
    r
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


// ---------------------------------------------------------------------------
// A small backtracking matcher for Emacs regexps.

/// Emacs regexps over character slices (usable by `string-match` & co.).
pub(crate) mod regex {
    use super::{downcase_char, syntax_class, upcase_char};

    /// Emacs's `RE_DUP_MAX`.
    const DUP_MAX: u32 = 65535;
    /// Refuse programs larger than this (Emacs: "Regular expression too big").
    const MAX_PROG: usize = 1 << 20;
    /// Backtracking steps allowed when memoization is off (back references).
    const MAX_STEPS: u64 = 200_000_000;

    #[derive(Copy, Clone, Debug, PartialEq, Eq)]
    enum Class {
        Alpha,
        Alnum,
        Digit,
        Xdigit,
        Upper,
        Lower,
        Space,
        Word,
        Punct,
        Blank,
        Cntrl,
        Print,
        Graph,
        Ascii,
        Nonascii,
        Multibyte,
        Unibyte,
    }

    impl Class {
        fn from_name(name: &str) -> Option<Class> {
            Some(match name {
                "alpha" => Class::Alpha,
                "alnum" => Class::Alnum,
                "digit" => Class::Digit,
                "xdigit" => Class::Xdigit,
                "upper" => Class::Upper,
                "lower" => Class::Lower,
                "space" => Class::Space,
                "word" => Class::Word,
                "punct" => Class::Punct,
                "blank" => Class::Blank,
                "cntrl" => Class::Cntrl,
                "print" => Class::Print,
                "graph" => Class::Graph,
                "ascii" => Class::Ascii,
                "nonascii" => Class::Nonascii,
                "multibyte" => Class::Multibyte,
                "unibyte" => Class::Unibyte,
                _ => return None,
            })
        }

        fn matches(self, c: u32) -> bool {
            let ch = char::from_u32(c).unwrap_or('\u{FFFD}');
            match self {
                Class::Alpha => ch.is_alphabetic(),
                Class::Alnum => ch.is_alphanumeric(),
                Class::Digit => ch.is_ascii_digit(),
                Class::Xdigit => ch.is_ascii_hexdigit(),
                Class::Upper => downcase_char(c) != c,
                Class::Lower => upcase_char(c) != c,
                Class::Space => syntax_class(c) == b' ',
                Class::Word => syntax_class(c) == b'w',
                Class::Punct => {
                    if c < 128 {
                        ch.is_ascii_punctuation()
                    } else {
                        syntax_class(c) != b'w'
                    }
                }
                Class::Blank => ch == ' ' || ch == '\t' || (c >= 128 && ch.is_whitespace() && ch != '\u{85}'),
                Class::Cntrl => c < 32,
                Class::Print => c >= 32 && c != 127 && !(128..160).contains(&c),
                Class::Graph => c > 32 && c != 127 && !(128..161).contains(&c) && !ch.is_whitespace(),
                Class::Ascii | Class::Unibyte => c < 128,
                Class::Nonascii | Class::Multibyte => c >= 128,
            }
        }
    }

    #[derive(Clone, Debug, Default)]
    struct CharSet {
        negated: bool,
        ranges: Vec<(u32, u32)>,
        classes: Vec<Class>,
    }

    impl CharSet {
        fn contains_raw(&self, c: u32) -> bool {
            self.ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi) || self.classes.iter().any(|k| k.matches(c))
        }

        fn matches(&self, c: u32, fold: bool) -> bool {
            let mut hit = self.contains_raw(c);
            if !hit && fold {
                let (d, u) = (downcase_char(c), upcase_char(c));
                hit = (d != c && self.contains_raw(d)) || (u != c && self.contains_raw(u));
            }
            hit != self.negated
        }
    }

    #[derive(Copy, Clone, Debug, PartialEq, Eq)]
    enum Assert {
        LineStart,
        LineEnd,
        TextStart,
        TextEnd,
        Point,
        WordBound,
        NotWordBound,
        WordStart,
        WordEnd,
        SymbolStart,
        SymbolEnd,
    }

    #[derive(Clone, Debug)]
    enum Ast {
        Empty,
        Char(u32),
        Any,
        Set(usize),
        Syntax(bool, u8),
        Assert(Assert),
        Group(Option<usize>, Box<Ast>),
        Concat(Vec<Ast>),
        Alt(Vec<Ast>),
        Repeat(Box<Ast>, u32, Option<u32>, bool),
        Backref(usize),
    }

    #[derive(Copy, Clone, Debug)]
    enum Inst {
        Char(u32),
        Any,
        Set(usize),
        /// Syntax class test; `true` negates.
        Syntax(bool, u8),
        Split(usize, usize),
        Jmp(usize),
        Save(usize),
        Assert(Assert),
        Backref(usize),
        Match,
    }

    pub(crate) struct Regex {
        prog: Vec<Inst>,
        sets: Vec<CharSet>,
        ncaps: usize,
        backrefs: bool,
        anchored: bool,
    }

    struct Parser {
        p: Vec<char>,
        i: usize,
        sets: Vec<CharSet>,
        next_group: usize,
        max_group: usize,
        backrefs: bool,
    }

    impl Parser {
        fn at(&self, s: &str) -> bool {
            self.at_from(self.i, s)
        }

        fn at_from(&self, k: usize, s: &str) -> bool {
            (k..).zip(s.chars()).all(|(j, c)| self.p.get(j) == Some(&c))
        }

        fn parse_alt(&mut self) -> Result<Ast, &'static str> {
            let mut branches = vec![self.parse_seq()?];
            while self.at("\\|") {
                self.i += 2;
                branches.push(self.parse_seq()?);
            }
            Ok(if branches.len() == 1 { branches.pop().unwrap_or(Ast::Empty) } else { Ast::Alt(branches) })
        }

        fn parse_seq(&mut self) -> Result<Ast, &'static str> {
            let mut items: Vec<Ast> = Vec::new();
            // True where `*+?` are literal: at the start of a branch or after `^`.
            let mut start_context = true;
            while self.i < self.p.len() && !self.at("\\|") && !self.at("\\)") {
                let c = self.p[self.i];
                if start_context && matches!(c, '*' | '+' | '?') {
                    self.i += 1;
                    items.push(Ast::Char(c as u32));
                    start_context = false;
                    self.parse_postfix(&mut items)?;
                    continue;
                }
                if c == '^' && items.is_empty() {
                    self.i += 1;
                    items.push(Ast::Assert(Assert::LineStart));
                    start_context = true;
                    continue;
                }
                if c == '$'
                    && (self.i + 1 == self.p.len() || self.at_from(self.i + 1, "\\)") || self.at_from(self.i + 1, "\\|"))
                {
                    self.i += 1;
                    items.push(Ast::Assert(Assert::LineEnd));
                    start_context = false;
                    continue;
                }
                start_context = false;
                let atom = self.parse_atom()?;
                items.push(atom);
                self.parse_postfix(&mut items)?;
            }
            Ok(match items.len() {
                0 => Ast::Empty,
                1 => items.pop().unwrap_or(Ast::Empty),
                _ => Ast::Concat(items),
            })
        }

        fn parse_postfix(&mut self, items: &mut Vec<Ast>) -> Result<(), &'static str> {
            loop {
                let (min, max) = match self.p.get(self.i) {
                    Some('*') => {
                        self.i += 1;
                        (0, None)
                    }
                    Some('+') => {
                        self.i += 1;
                        (1, None)
                    }
                    Some('?') => {
                        self.i += 1;
                        (0, Some(1))
                    }
                    Some('\\') if self.at("\\{") => {
                        self.i += 2;
                        self.parse_interval()?
                    }
                    _ => return Ok(()),
                };
                let greedy = if self.p.get(self.i) == Some(&'?') {
                    self.i += 1;
                    false
                } else {
                    true
                };
                let Some(last) = items.pop() else { return Ok(()) };
                items.push(Ast::Repeat(Box::new(last), min, max, greedy));
            }
        }

        fn parse_number(&mut self) -> Option<u32> {
            let start = self.i;
            let mut n: u32 = 0;
            while let Some(d) = self.p.get(self.i).and_then(|c| c.to_digit(10)) {
                n = n.saturating_mul(10).saturating_add(d);
                self.i += 1;
            }
            if self.i > start { Some(n) } else { None }
        }

        fn parse_interval(&mut self) -> Result<(u32, Option<u32>), &'static str> {
            const BAD: &str = "Invalid content of \\{\\}";
            let min = self.parse_number();
            let max = if self.p.get(self.i) == Some(&',') {
                self.i += 1;
                self.parse_number()
            } else {
                Some(min.unwrap_or(0))
            };
            if !self.at("\\}") {
                return Err(BAD);
            }
            self.i += 2;
            let min = min.unwrap_or(0);
            if max.is_some_and(|m| m < min) || min > DUP_MAX || max.is_some_and(|m| m > DUP_MAX) {
                return Err(BAD);
            }
            Ok((min, max))
        }

        fn parse_atom(&mut self) -> Result<Ast, &'static str> {
            let c = self.p[self.i];
            self.i += 1;
            match c {
                '.' => Ok(Ast::Any),
                '[' => self.parse_set(),
                '\\' => self.parse_escape(),
                _ => Ok(Ast::Char(c as u32)),
            }
        }

        fn parse_escape(&mut self) -> Result<Ast, &'static str> {
            let Some(&c) = self.p.get(self.i) else { return Err("Trailing backslash") };
            self.i += 1;
            Ok(match c {
                '(' => {
                    let mut index = None;
                    if self.p.get(self.i) == Some(&'?') {
                        self.i += 1;
                        if self.p.get(self.i) == Some(&':') {
                            self.i += 1;
                        } else {
                            let Some(n) = self.parse_number() else { return Err("Invalid regular expression") };
                            if self.p.get(self.i) != Some(&':') || n == 0 || n > 255 {
                                return Err("Invalid regular expression");
                            }
                            self.i += 1;
                            index = Some(n as usize);
                            self.next_group = self.next_group.max(n as usize + 1);
                        }
                    } else {
                        index = Some(self.next_group);
                        self.next_group += 1;
                    }
                    if let Some(n) = index {
                        self.max_group = self.max_group.max(n);
                    }
                    let inner = self.parse_alt()?;
                    if !self.at("\\)") {
                        return Err("Unmatched ( or \\(");
                    }
                    self.i += 2;
                    Ast::Group(index, Box::new(inner))
                }
                '1'..='9' => {
                    let n = c as usize - '0' as usize;
                    if n >= self.next_group {
                        return Err("Invalid back reference");
                    }
                    self.backrefs = true;
                    Ast::Backref(n)
                }
                'w' => Ast::Syntax(false, b'w'),
                'W' => Ast::Syntax(true, b'w'),
                's' | 'S' => {
                    let Some(&k) = self.p.get(self.i) else { return Err("Invalid syntax designator") };
                    self.i += 1;
                    let k = if k == '-' { b' ' } else { k as u8 };
                    Ast::Syntax(c == 'S', k)
                }
                'c' | 'C' => {
                    // Character categories: not modelled; `\cX` matches any
                    // character, `\CX` none.
                    self.i += 1;
                    if c == 'c' { Ast::Any } else { Ast::Set(self.add_set(CharSet { negated: true, ..Default::default() }).0) }
                }
                '`' => Ast::Assert(Assert::TextStart),
                '\'' => Ast::Assert(Assert::TextEnd),
                '=' => Ast::Assert(Assert::Point),
                'b' => Ast::Assert(Assert::WordBound),
                'B' => Ast::Assert(Assert::NotWordBound),
                '<' => Ast::Assert(Assert::WordStart),
                '>' => Ast::Assert(Assert::WordEnd),
                '_' => match self.p.get(self.i) {
                    Some('<') => {
                        self.i += 1;
                        Ast::Assert(Assert::SymbolStart)
                    }
                    Some('>') => {
                        self.i += 1;
                        Ast::Assert(Assert::SymbolEnd)
                    }
                    _ => return Err("Invalid regular expression"),
                },
                '{' => return Err("Invalid preceding regular expression"),
                other => Ast::Char(other as u32),
            })
        }

        fn add_set(&mut self, s: CharSet) -> (usize, ()) {
            self.sets.push(s);
            (self.sets.len() - 1, ())
        }

        fn parse_set(&mut self) -> Result<Ast, &'static str> {
            const UNMATCHED: &str = "Unmatched [ or [^";
            let mut set = CharSet::default();
            if self.p.get(self.i) == Some(&'^') {
                set.negated = true;
                self.i += 1;
            }
            let mut first = true;
            loop {
                let Some(&c) = self.p.get(self.i) else { return Err(UNMATCHED) };
                if c == ']' && !first {
                    self.i += 1;
                    break;
                }
                first = false;
                if c == '[' && self.p.get(self.i + 1) == Some(&':') {
                    // A character class `[:name:]`.
                    let rest: String = self.p[self.i + 2..].iter().collect();
                    if let Some(end) = rest.find(":]") {
                        let name = &rest[..end];
                        if let Some(k) = Class::from_name(name) {
                            set.classes.push(k);
                            self.i += 2 + name.chars().count() + 2;
                            continue;
                        }
                        return Err("Invalid character class name");
                    }
                }
                self.i += 1;
                if self.p.get(self.i) == Some(&'-') && self.p.get(self.i + 1).is_some_and(|&d| d != ']') {
                    let d = self.p[self.i + 1];
                    self.i += 2;
                    if (c as u32) <= (d as u32) {
                        set.ranges.push((c as u32, d as u32));
                    }
                } else {
                    set.ranges.push((c as u32, c as u32));
                }
            }
            Ok(Ast::Set(self.add_set(set).0))
        }
    }

    struct Compiler {
        prog: Vec<Inst>,
    }

    impl Compiler {
        fn emit(&mut self, i: Inst) -> Result<usize, &'static str> {
            if self.prog.len() >= MAX_PROG {
                return Err("Regular expression too big");
            }
            self.prog.push(i);
            Ok(self.prog.len() - 1)
        }

        fn compile(&mut self, ast: &Ast) -> Result<(), &'static str> {
            match ast {
                Ast::Empty => {}
                Ast::Char(c) => {
                    self.emit(Inst::Char(*c))?;
                }
                Ast::Any => {
                    self.emit(Inst::Any)?;
                }
                Ast::Set(i) => {
                    self.emit(Inst::Set(*i))?;
                }
                Ast::Syntax(neg, k) => {
                    self.emit(Inst::Syntax(*neg, *k))?;
                }
                Ast::Assert(a) => {
                    self.emit(Inst::Assert(*a))?;
                }
                Ast::Backref(n) => {
                    self.emit(Inst::Backref(*n))?;
                }
                Ast::Group(index, inner) => {
                    if let Some(n) = index {
                        self.emit(Inst::Save(2 * n))?;
                    }
                    self.compile(inner)?;
                    if let Some(n) = index {
                        self.emit(Inst::Save(2 * n + 1))?;
                    }
                }
                Ast::Concat(items) => {
                    for a in items {
                        self.compile(a)?;
                    }
                }
                Ast::Alt(branches) => {
                    let mut jumps = Vec::new();
                    for (k, b) in branches.iter().enumerate() {
                        if k + 1 < branches.len() {
                            let split = self.emit(Inst::Split(0, 0))?;
                            self.compile(b)?;
                            jumps.push(self.emit(Inst::Jmp(0))?);
                            let next = self.prog.len();
                            self.prog[split] = Inst::Split(split + 1, next);
                        } else {
                            self.compile(b)?;
                        }
                    }
                    let end = self.prog.len();
                    for j in jumps {
                        self.prog[j] = Inst::Jmp(end);
                    }
                }
                Ast::Repeat(inner, min, max, greedy) => {
                    for _ in 0..*min {
                        self.compile(inner)?;
                    }
                    match max {
                        None => {
                            let split = self.emit(Inst::Split(0, 0))?;
                            self.compile(inner)?;
                            self.emit(Inst::Jmp(split))?;
                            let end = self.prog.len();
                            self.prog[split] = if *greedy { Inst::Split(split + 1, end) } else { Inst::Split(end, split + 1) };
                        }
                        Some(max) => {
                            let mut splits = Vec::new();
                            for _ in *min..*max {
                                splits.push(self.emit(Inst::Split(0, 0))?);
                                self.compile(inner)?;
                            }
                            let end = self.prog.len();
                            for s in splits {
                                self.prog[s] = if *greedy { Inst::Split(s + 1, end) } else { Inst::Split(end, s + 1) };
                            }
                        }
                    }
                }
            }
            Ok(())
        }
    }

    fn fold_eq(a: u32, b: u32) -> bool {
        a == b || downcase_char(a) == downcase_char(b) || upcase_char(a) == upcase_char(b)
    }

    fn is_word(c: char) -> bool {
        syntax_class(c as u32) == b'w'
    }

    fn is_symbol_constituent(c: char) -> bool {
        matches!(syntax_class(c as u32), b'w' | b'_')
    }

    impl Regex {
        pub fn new(pattern: &str) -> Result<Regex, &'static str> {
            let mut p = Parser {
                p: pattern.chars().collect(),
                i: 0,
                sets: Vec::new(),
                next_group: 1,
                max_group: 0,
                backrefs: false,
            };
            let ast = p.parse_alt()?;
            if p.i < p.p.len() {
                return Err("Unmatched ) or \\)");
            }
            let anchored = match &ast {
                Ast::Assert(Assert::TextStart) => true,
                Ast::Concat(items) => matches!(items.first(), Some(Ast::Assert(Assert::TextStart))),
                _ => false,
            };
            let mut c = Compiler { prog: Vec::new() };
            c.emit(Inst::Save(0))?;
            c.compile(&ast)?;
            c.emit(Inst::Save(1))?;
            c.emit(Inst::Match)?;
            Ok(Regex { prog: c.prog, sets: p.sets, ncaps: p.max_group + 1, backrefs: p.backrefs, anchored })
        }

        /// The leftmost match at or after character `start`: its bounds.
        pub fn search(&self, text: &[char], start: usize, fold: bool) -> Result<Option<(usize, usize)>, &'static str> {
            Ok(self.search_groups(text, start, fold)?.and_then(|caps| Some((caps[0]?, caps[1]?))))
        }

        /// The leftmost match at or after character `start`: the start and
        /// end of the whole match and of each group (`match-data` order), in
        /// characters; `None` for groups that did not participate.
        pub fn search_groups(&self, text: &[char], start: usize, fold: bool) -> Result<Option<Vec<Option<usize>>>, &'static str> {
            let n = text.len();
            if start > n {
                return Ok(None);
            }
            let plen = self.prog.len();
            let memo = !self.backrefs && plen.saturating_mul(n + 1) <= (1 << 30);
            // (pc, pos) pairs known to fail, for positions from `start` on;
            // grown on demand so a match near `start` costs little.
            let mut visited: Vec<u64> = Vec::new();
            let mut caps: Vec<Option<usize>> = vec![None; 2 * self.ncaps];
            let mut steps = 0u64;
            let last = if self.anchored { start } else { n };
            for s in start..=last {
                if self.anchored && s != 0 {
                    break;
                }
                caps.iter_mut().for_each(|c| *c = None);
                if self.run(text, s, start, fold, &mut caps, memo, &mut visited, &mut steps)? {
                    return Ok(Some(caps));
                }
            }
            Ok(None)
        }

        #[allow(clippy::too_many_arguments)]
        fn run(
            &self,
            text: &[char],
            start: usize,
            base: usize,
            fold: bool,
            caps: &mut [Option<usize>],
            memo: bool,
            visited: &mut Vec<u64>,
            steps: &mut u64,
        ) -> Result<bool, &'static str> {
            enum Job {
                Thread(usize, usize),
                Restore(usize, Option<usize>),
            }
            let n = text.len();
            let plen = self.prog.len();
            let mut stack = vec![Job::Thread(0, start)];
            while let Some(job) = stack.pop() {
                let (mut pc, mut pos) = match job {
                    Job::Restore(slot, old) => {
                        caps[slot] = old;
                        continue;
                    }
                    Job::Thread(pc, pos) => (pc, pos),
                };
                loop {
                    if memo {
                        let k = (pos - base) * plen + pc;
                        if k / 64 >= visited.len() {
                            let want = (k / 64 + 1).max(visited.len() * 2).max(64);
                            visited.resize(want, 0);
                        }
                        if visited[k / 64] & (1 << (k % 64)) != 0 {
                            break;
                        }
                        visited[k / 64] |= 1 << (k % 64);
                    } else {
                        *steps += 1;
                        if *steps > MAX_STEPS {
                            return Err("Stack overflow in regexp matcher");
                        }
                    }
                    match self.prog[pc] {
                        Inst::Char(c) => {
                            if pos < n && (text[pos] as u32 == c || (fold && fold_eq(text[pos] as u32, c))) {
                                pc += 1;
                                pos += 1;
                            } else {
                                break;
                            }
                        }
                        Inst::Any => {
                            if pos < n && text[pos] != '\n' {
                                pc += 1;
                                pos += 1;
                            } else {
                                break;
                            }
                        }
                        Inst::Set(i) => {
                            if pos < n && self.sets[i].matches(text[pos] as u32, fold) {
                                pc += 1;
                                pos += 1;
                            } else {
                                break;
                            }
                        }
                        Inst::Syntax(neg, k) => {
                            if pos < n && (syntax_class(text[pos] as u32) == k) != neg {
                                pc += 1;
                                pos += 1;
                            } else {
                                break;
                            }
                        }
                        Inst::Split(a, b) => {
                            stack.push(Job::Thread(b, pos));
                            pc = a;
                        }
                        Inst::Jmp(a) => pc = a,
                        Inst::Save(slot) => {
                            stack.push(Job::Restore(slot, caps[slot]));
                            caps[slot] = Some(pos);
                            pc += 1;
                        }
                        Inst::Assert(a) => {
                            if self.check(a, text, pos) {
                                pc += 1;
                            } else {
                                break;
                            }
                        }
                        Inst::Backref(g) => {
                            let (Some(b), Some(e)) = (caps.get(2 * g).copied().flatten(), caps.get(2 * g + 1).copied().flatten())
                            else {
                                break;
                            };
                            let len = e - b;
                            if pos + len <= n
                                && (0..len).all(|k| {
                                    let (x, y) = (text[b + k] as u32, text[pos + k] as u32);
                                    x == y || (fold && fold_eq(x, y))
                                })
                            {
                                pos += len;
                                pc += 1;
                            } else {
                                break;
                            }
                        }
                        Inst::Match => return Ok(true),
                    }
                }
            }
            Ok(false)
        }

        fn check(&self, a: Assert, text: &[char], pos: usize) -> bool {
            let n = text.len();
            let prev = if pos > 0 { Some(text[pos - 1]) } else { None };
            let next = text.get(pos).copied();
            match a {
                Assert::LineStart => pos == 0 || prev == Some('\n'),
                Assert::LineEnd => pos == n || next == Some('\n'),
                Assert::TextStart => pos == 0,
                Assert::TextEnd => pos == n,
                Assert::Point => false,
                Assert::WordBound => {
                    pos == 0 || pos == n || prev.is_some_and(is_word) != next.is_some_and(is_word)
                }
                Assert::NotWordBound => {
                    !(pos == 0 || pos == n || prev.is_some_and(is_word) != next.is_some_and(is_word))
                }
                Assert::WordStart => next.is_some_and(is_word) && !prev.is_some_and(is_word),
                Assert::WordEnd => prev.is_some_and(is_word) && !next.is_some_and(is_word),
                Assert::SymbolStart => next.is_some_and(is_symbol_constituent) && !prev.is_some_and(is_symbol_constituent),
                Assert::SymbolEnd => prev.is_some_and(is_symbol_constituent) && !next.is_some_and(is_symbol_constituent),
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use super::Regex;

        fn find(re: &str, text: &str, start: usize, fold: bool) -> Option<(usize, usize)> {
            let chars: Vec<char> = text.chars().collect();
            Regex::new(re).unwrap().search(&chars, start, fold).unwrap()
        }

        #[test]
        fn basics() {
            assert_eq!(find("[ \t\n]+", "ab  c", 0, true), Some((2, 4)));
            assert_eq!(find("x", "aXbxc", 0, true), Some((1, 2)));
            assert_eq!(find("x", "aXbxc", 0, false), Some((3, 4)));
            assert_eq!(find("-+", "a--b", 0, false), Some((1, 3)));
            assert_eq!(find("", "abc", 1, false), Some((1, 1)));
            assert_eq!(find("\\`\\(?:x+\\)", "xxab", 0, false), Some((0, 2)));
            assert_eq!(find("\\(?:[ \t]+\\)\\'", "ab  ", 0, false), Some((2, 4)));
            assert_eq!(find("a\\|b", "xxb", 0, false), Some((2, 3)));
            assert_eq!(find("a*?b", "aab", 0, false), Some((0, 3)));
            assert_eq!(find("\\(a\\)\\1", "xaa", 0, false), Some((1, 3)));
            assert_eq!(find("a\\{2,3\\}", "aaaa", 0, false), Some((0, 3)));
            assert_eq!(find("[[:digit:]]+", "ab12c", 0, false), Some((2, 4)));
            assert_eq!(find("^b", "a\nb", 0, false), Some((2, 3)));
            assert_eq!(find("*a", "x*a", 0, false), Some((1, 3)));
            assert_eq!(find("\\bfoo\\b", "a foo b", 0, false), Some((2, 5)));
            assert_eq!(find("[]a]", "x]", 0, false), Some((1, 2)));
            assert!(Regex::new("[abc").is_err());
            assert!(Regex::new("\\(abc").is_err());
            assert!(Regex::new("abc\\)").is_err());
        }

        #[test]
        fn empty_loops_terminate() {
            assert_eq!(find("\\(a*\\)*b", "aaac", 0, false), None);
            assert_eq!(find("\\(\\)*x", "x", 0, false), Some((0, 1)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn syntax_table_lookups() {
        assert_eq!(syntax_class('a' as u32), b'w');
        assert_eq!(syntax_class(' ' as u32), b' ');
        assert_eq!(syntax_class('_' as u32), b'_');
        assert_eq!(syntax_class('\'' as u32), b'\'');
        assert_eq!(syntax_class('é' as u32), b'w');
    }
}

// ---------------------------------------------------------------------------
// Tables dumped from Emacs 28.2 (see the module documentation).

#[rustfmt::skip]
mod tables {
    /// Emacs 28.2's simple case mappings: (char, upcase, downcase, titlecase),
    /// for every character where one differs (dumped from Emacs).
    pub(super) static CASE: &[(u32, u32, u32, u32)] = &[
        (65, 65, 97, 65), (66, 66, 98, 66), (67, 67, 99, 67), (68, 68, 100, 68),
        (69, 69, 101, 69), (70, 70, 102, 70), (71, 71, 103, 71), (72, 72, 104, 72),
        (73, 73, 105, 73), (74, 74, 106, 74), (75, 75, 107, 75), (76, 76, 108, 76),
        (77, 77, 109, 77), (78, 78, 110, 78), (79, 79, 111, 79), (80, 80, 112, 80),
        (81, 81, 113, 81), (82, 82, 114, 82), (83, 83, 115, 83), (84, 84, 116, 84),
        (85, 85, 117, 85), (86, 86, 118, 86), (87, 87, 119, 87), (88, 88, 120, 88),
        (89, 89, 121, 89), (90, 90, 122, 90), (97, 65, 97, 65), (98, 66, 98, 66),
        (99, 67, 99, 67), (100, 68, 100, 68), (101, 69, 101, 69), (102, 70, 102, 70),
        (103, 71, 103, 71), (104, 72, 104, 72), (105, 73, 105, 73), (106, 74, 106, 74),
        (107, 75, 107, 75), (108, 76, 108, 76), (109, 77, 109, 77), (110, 78, 110, 78),
        (111, 79, 111, 79), (112, 80, 112, 80), (113, 81, 113, 81), (114, 82, 114, 82),
        (115, 83, 115, 83), (116, 84, 116, 84), (117, 85, 117, 85), (118, 86, 118, 86),
        (119, 87, 119, 87), (120, 88, 120, 88), (121, 89, 121, 89), (122, 90, 122, 90),
        (181, 924, 181, 924), (192, 192, 224, 192), (193, 193, 225, 193), (194, 194, 226, 194),
        (195, 195, 227, 195), (196, 196, 228, 196), (197, 197, 229, 197), (198, 198, 230, 198),
        (199, 199, 231, 199), (200, 200, 232, 200), (201, 201, 233, 201), (202, 202, 234, 202),
        (203, 203, 235, 203), (204, 204, 236, 204), (205, 205, 237, 205), (206, 206, 238, 206),
        (207, 207, 239, 207), (208, 208, 240, 208), (209, 209, 241, 209), (210, 210, 242, 210),
        (211, 211, 243, 211), (212, 212, 244, 212), (213, 213, 245, 213), (214, 214, 246, 214),
        (216, 216, 248, 216), (217, 217, 249, 217), (218, 218, 250, 218), (219, 219, 251, 219),
        (220, 220, 252, 220), (221, 221, 253, 221), (222, 222, 254, 222), (223, 7838, 223, 7838),
        (224, 192, 224, 192), (225, 193, 225, 193), (226, 194, 226, 194), (227, 195, 227, 195),
        (228, 196, 228, 196), (229, 197, 229, 197), (230, 198, 230, 198), (231, 199, 231, 199),
        (232, 200, 232, 200), (233, 201, 233, 201), (234, 202, 234, 202), (235, 203, 235, 203),
        (236, 204, 236, 204), (237, 205, 237, 205), (238, 206, 238, 206), (239, 207, 239, 207),
        (240, 208, 240, 208), (241, 209, 241, 209), (242, 210, 242, 210), (243, 211, 243, 211),
        (244, 212, 244, 212), (245, 213, 245, 213), (246, 214, 246, 214), (248, 216, 248, 216),
        (249, 217, 249, 217), (250, 218, 250, 218), (251, 219, 251, 219), (252, 220, 252, 220),
        (253, 221, 253, 221), (254, 222, 254, 222), (255, 376, 255, 376), (256, 256, 257, 256),
        (257, 256, 257, 256), (258, 258, 259, 258), (259, 258, 259, 258), (260, 260, 261, 260),
        (261, 260, 261, 260), (262, 262, 263, 262), (263, 262, 263, 262), (264, 264, 265, 264),
        (265, 264, 265, 264), (266, 266, 267, 266), (267, 266, 267, 266), (268, 268, 269, 268),
        (269, 268, 269, 268), (270, 270, 271, 270), (271, 270, 271, 270), (272, 272, 273, 272),
        (273, 272, 273, 272), (274, 274, 275, 274), (275, 274, 275, 274), (276, 276, 277, 276),
        (277, 276, 277, 276), (278, 278, 279, 278), (279, 278, 279, 278), (280, 280, 281, 280),
        (281, 280, 281, 280), (282, 282, 283, 282), (283, 282, 283, 282), (284, 284, 285, 284),
        (285, 284, 285, 284), (286, 286, 287, 286), (287, 286, 287, 286), (288, 288, 289, 288),
        (289, 288, 289, 288), (290, 290, 291, 290), (291, 290, 291, 290), (292, 292, 293, 292),
        (293, 292, 293, 292), (294, 294, 295, 294), (295, 294, 295, 294), (296, 296, 297, 296),
        (297, 296, 297, 296), (298, 298, 299, 298), (299, 298, 299, 298), (300, 300, 301, 300),
        (301, 300, 301, 300), (302, 302, 303, 302), (303, 302, 303, 302), (305, 305, 305, 73),
        (306, 306, 307, 306), (307, 306, 307, 306), (308, 308, 309, 308), (309, 308, 309, 308),
        (310, 310, 311, 310), (311, 310, 311, 310), (313, 313, 314, 313), (314, 313, 314, 313),
        (315, 315, 316, 315), (316, 315, 316, 315), (317, 317, 318, 317), (318, 317, 318, 317),
        (319, 319, 320, 319), (320, 319, 320, 319), (321, 321, 322, 321), (322, 321, 322, 321),
        (323, 323, 324, 323), (324, 323, 324, 323), (325, 325, 326, 325), (326, 325, 326, 325),
        (327, 327, 328, 327), (328, 327, 328, 327), (330, 330, 331, 330), (331, 330, 331, 330),
        (332, 332, 333, 332), (333, 332, 333, 332), (334, 334, 335, 334), (335, 334, 335, 334),
        (336, 336, 337, 336), (337, 336, 337, 336), (338, 338, 339, 338), (339, 338, 339, 338),
        (340, 340, 341, 340), (341, 340, 341, 340), (342, 342, 343, 342), (343, 342, 343, 342),
        (344, 344, 345, 344), (345, 344, 345, 344), (346, 346, 347, 346), (347, 346, 347, 346),
        (348, 348, 349, 348), (349, 348, 349, 348), (350, 350, 351, 350), (351, 350, 351, 350),
        (352, 352, 353, 352), (353, 352, 353, 352), (354, 354, 355, 354), (355, 354, 355, 354),
        (356, 356, 357, 356), (357, 356, 357, 356), (358, 358, 359, 358), (359, 358, 359, 358),
        (360, 360, 361, 360), (361, 360, 361, 360), (362, 362, 363, 362), (363, 362, 363, 362),
        (364, 364, 365, 364), (365, 364, 365, 364), (366, 366, 367, 366), (367, 366, 367, 366),
        (368, 368, 369, 368), (369, 368, 369, 368), (370, 370, 371, 370), (371, 370, 371, 370),
        (372, 372, 373, 372), (373, 372, 373, 372), (374, 374, 375, 374), (375, 374, 375, 374),
        (376, 376, 255, 376), (377, 377, 378, 377), (378, 377, 378, 377), (379, 379, 380, 379),
        (380, 379, 380, 379), (381, 381, 382, 381), (382, 381, 382, 381), (383, 383, 383, 83),
        (384, 579, 384, 579), (385, 385, 595, 385), (386, 386, 387, 386), (387, 386, 387, 386),
        (388, 388, 389, 388), (389, 388, 389, 388), (390, 390, 596, 390), (391, 391, 392, 391),
        (392, 391, 392, 391), (393, 393, 598, 393), (394, 394, 599, 394), (395, 395, 396, 395),
        (396, 395, 396, 395), (398, 398, 477, 398), (399, 399, 601, 399), (400, 400, 603, 400),
        (401, 401, 402, 401), (402, 401, 402, 401), (403, 403, 608, 403), (404, 404, 611, 404),
        (405, 502, 405, 502), (406, 406, 617, 406), (407, 407, 616, 407), (408, 408, 409, 408),
        (409, 408, 409, 408), (410, 573, 410, 573), (412, 412, 623, 412), (413, 413, 626, 413),
        (414, 544, 414, 544), (415, 415, 629, 415), (416, 416, 417, 416), (417, 416, 417, 416),
        (418, 418, 419, 418), (419, 418, 419, 418), (420, 420, 421, 420), (421, 420, 421, 420),
        (422, 422, 640, 422), (423, 423, 424, 423), (424, 423, 424, 423), (425, 425, 643, 425),
        (428, 428, 429, 428), (429, 428, 429, 428), (430, 430, 648, 430), (431, 431, 432, 431),
        (432, 431, 432, 431), (433, 433, 650, 433), (434, 434, 651, 434), (435, 435, 436, 435),
        (436, 435, 436, 435), (437, 437, 438, 437), (438, 437, 438, 437), (439, 439, 658, 439),
        (440, 440, 441, 440), (441, 440, 441, 440), (444, 444, 445, 444), (445, 444, 445, 444),
        (447, 503, 447, 503), (452, 452, 454, 453), (453, 452, 454, 453), (454, 452, 454, 453),
        (455, 455, 457, 456), (456, 455, 457, 456), (457, 455, 457, 456), (458, 458, 460, 459),
        (459, 458, 460, 459), (460, 458, 460, 459), (461, 461, 462, 461), (462, 461, 462, 461),
        (463, 463, 464, 463), (464, 463, 464, 463), (465, 465, 466, 465), (466, 465, 466, 465),
        (467, 467, 468, 467), (468, 467, 468, 467), (469, 469, 470, 469), (470, 469, 470, 469),
        (471, 471, 472, 471), (472, 471, 472, 471), (473, 473, 474, 473), (474, 473, 474, 473),
        (475, 475, 476, 475), (476, 475, 476, 475), (477, 398, 477, 398), (478, 478, 479, 478),
        (479, 478, 479, 478), (480, 480, 481, 480), (481, 480, 481, 480), (482, 482, 483, 482),
        (483, 482, 483, 482), (484, 484, 485, 484), (485, 484, 485, 484), (486, 486, 487, 486),
        (487, 486, 487, 486), (488, 488, 489, 488), (489, 488, 489, 488), (490, 490, 491, 490),
        (491, 490, 491, 490), (492, 492, 493, 492), (493, 492, 493, 492), (494, 494, 495, 494),
        (495, 494, 495, 494), (497, 497, 499, 498), (498, 497, 499, 498), (499, 497, 499, 498),
        (500, 500, 501, 500), (501, 500, 501, 500), (502, 502, 405, 502), (503, 503, 447, 503),
        (504, 504, 505, 504), (505, 504, 505, 504), (506, 506, 507, 506), (507, 506, 507, 506),
        (508, 508, 509, 508), (509, 508, 509, 508), (510, 510, 511, 510), (511, 510, 511, 510),
        (512, 512, 513, 512), (513, 512, 513, 512), (514, 514, 515, 514), (515, 514, 515, 514),
        (516, 516, 517, 516), (517, 516, 517, 516), (518, 518, 519, 518), (519, 518, 519, 518),
        (520, 520, 521, 520), (521, 520, 521, 520), (522, 522, 523, 522), (523, 522, 523, 522),
        (524, 524, 525, 524), (525, 524, 525, 524), (526, 526, 527, 526), (527, 526, 527, 526),
        (528, 528, 529, 528), (529, 528, 529, 528), (530, 530, 531, 530), (531, 530, 531, 530),
        (532, 532, 533, 532), (533, 532, 533, 532), (534, 534, 535, 534), (535, 534, 535, 534),
        (536, 536, 537, 536), (537, 536, 537, 536), (538, 538, 539, 538), (539, 538, 539, 538),
        (540, 540, 541, 540), (541, 540, 541, 540), (542, 542, 543, 542), (543, 542, 543, 542),
        (544, 544, 414, 544), (546, 546, 547, 546), (547, 546, 547, 546), (548, 548, 549, 548),
        (549, 548, 549, 548), (550, 550, 551, 550), (551, 550, 551, 550), (552, 552, 553, 552),
        (553, 552, 553, 552), (554, 554, 555, 554), (555, 554, 555, 554), (556, 556, 557, 556),
        (557, 556, 557, 556), (558, 558, 559, 558), (559, 558, 559, 558), (560, 560, 561, 560),
        (561, 560, 561, 560), (562, 562, 563, 562), (563, 562, 563, 562), (570, 570, 11365, 570),
        (571, 571, 572, 571), (572, 571, 572, 571), (573, 573, 410, 573), (574, 574, 11366, 574),
        (575, 11390, 575, 11390), (576, 11391, 576, 11391), (577, 577, 578, 577), (578, 577, 578, 577),
        (579, 579, 384, 579), (580, 580, 649, 580), (581, 581, 652, 581), (582, 582, 583, 582),
        (583, 582, 583, 582), (584, 584, 585, 584), (585, 584, 585, 584), (586, 586, 587, 586),
        (587, 586, 587, 586), (588, 588, 589, 588), (589, 588, 589, 588), (590, 590, 591, 590),
        (591, 590, 591, 590), (592, 11375, 592, 11375), (593, 11373, 593, 11373), (594, 11376, 594, 11376),
        (595, 385, 595, 385), (596, 390, 596, 390), (598, 393, 598, 393), (599, 394, 599, 394),
        (601, 399, 601, 399), (603, 400, 603, 400), (604, 42923, 604, 42923), (608, 403, 608, 403),
        (609, 42924, 609, 42924), (611, 404, 611, 404), (613, 42893, 613, 42893), (614, 42922, 614, 42922),
        (616, 407, 616, 407), (617, 406, 617, 406), (618, 42926, 618, 42926), (619, 11362, 619, 11362),
        (620, 42925, 620, 42925), (623, 412, 623, 412), (625, 11374, 625, 11374), (626, 413, 626, 413),
        (629, 415, 629, 415), (637, 11364, 637, 11364), (640, 422, 640, 422), (642, 42949, 642, 42949),
        (643, 425, 643, 425), (647, 42929, 647, 42929), (648, 430, 648, 430), (649, 580, 649, 580),
        (650, 433, 650, 433), (651, 434, 651, 434), (652, 581, 652, 581), (658, 439, 658, 439),
        (669, 42930, 669, 42930), (670, 42928, 670, 42928), (837, 921, 837, 921), (880, 880, 881, 880),
        (881, 880, 881, 880), (882, 882, 883, 882), (883, 882, 883, 882), (886, 886, 887, 886),
        (887, 886, 887, 886), (891, 1021, 891, 1021), (892, 1022, 892, 1022), (893, 1023, 893, 1023),
        (895, 895, 1011, 895), (902, 902, 940, 902), (904, 904, 941, 904), (905, 905, 942, 905),
        (906, 906, 943, 906), (908, 908, 972, 908), (910, 910, 973, 910), (911, 911, 974, 911),
        (913, 913, 945, 913), (914, 914, 946, 914), (915, 915, 947, 915), (916, 916, 948, 916),
        (917, 917, 949, 917), (918, 918, 950, 918), (919, 919, 951, 919), (920, 920, 952, 920),
        (921, 921, 953, 921), (922, 922, 954, 922), (923, 923, 955, 923), (924, 924, 956, 924),
        (925, 925, 957, 925), (926, 926, 958, 926), (927, 927, 959, 927), (928, 928, 960, 928),
        (929, 929, 961, 929), (931, 931, 963, 931), (932, 932, 964, 932), (933, 933, 965, 933),
        (934, 934, 966, 934), (935, 935, 967, 935), (936, 936, 968, 936), (937, 937, 969, 937),
        (938, 938, 970, 938), (939, 939, 971, 939), (940, 902, 940, 902), (941, 904, 941, 904),
        (942, 905, 942, 905), (943, 906, 943, 906), (945, 913, 945, 913), (946, 914, 946, 914),
        (947, 915, 947, 915), (948, 916, 948, 916), (949, 917, 949, 917), (950, 918, 950, 918),
        (951, 919, 951, 919), (952, 920, 952, 920), (953, 921, 953, 921), (954, 922, 954, 922),
        (955, 923, 955, 923), (956, 924, 956, 924), (957, 925, 957, 925), (958, 926, 958, 926),
        (959, 927, 959, 927), (960, 928, 960, 928), (961, 929, 961, 929), (962, 931, 962, 931),
        (963, 931, 963, 931), (964, 932, 964, 932), (965, 933, 965, 933), (966, 934, 966, 934),
        (967, 935, 967, 935), (968, 936, 968, 936), (969, 937, 969, 937), (970, 938, 970, 938),
        (971, 939, 971, 939), (972, 908, 972, 908), (973, 910, 973, 910), (974, 911, 974, 911),
        (975, 975, 983, 975), (976, 914, 976, 914), (977, 920, 977, 920), (981, 934, 981, 934),
        (982, 928, 982, 928), (983, 975, 983, 975), (984, 984, 985, 984), (985, 984, 985, 984),
        (986, 986, 987, 986), (987, 986, 987, 986), (988, 988, 989, 988), (989, 988, 989, 988),
        (990, 990, 991, 990), (991, 990, 991, 990), (992, 992, 993, 992), (993, 992, 993, 992),
        (994, 994, 995, 994), (995, 994, 995, 994), (996, 996, 997, 996), (997, 996, 997, 996),
        (998, 998, 999, 998), (999, 998, 999, 998), (1000, 1000, 1001, 1000), (1001, 1000, 1001, 1000),
        (1002, 1002, 1003, 1002), (1003, 1002, 1003, 1002), (1004, 1004, 1005, 1004), (1005, 1004, 1005, 1004),
        (1006, 1006, 1007, 1006), (1007, 1006, 1007, 1006), (1008, 922, 1008, 922), (1009, 929, 1009, 929),
        (1010, 1017, 1010, 1017), (1011, 895, 1011, 895), (1012, 1012, 952, 1012), (1013, 917, 1013, 917),
        (1015, 1015, 1016, 1015), (1016, 1015, 1016, 1015), (1017, 1017, 1010, 1017), (1018, 1018, 1019, 1018),
        (1019, 1018, 1019, 1018), (1021, 1021, 891, 1021), (1022, 1022, 892, 1022), (1023, 1023, 893, 1023),
        (1024, 1024, 1104, 1024), (1025, 1025, 1105, 1025), (1026, 1026, 1106, 1026), (1027, 1027, 1107, 1027),
        (1028, 1028, 1108, 1028), (1029, 1029, 1109, 1029), (1030, 1030, 1110, 1030), (1031, 1031, 1111, 1031),
        (1032, 1032, 1112, 1032), (1033, 1033, 1113, 1033), (1034, 1034, 1114, 1034), (1035, 1035, 1115, 1035),
        (1036, 1036, 1116, 1036), (1037, 1037, 1117, 1037), (1038, 1038, 1118, 1038), (1039, 1039, 1119, 1039),
        (1040, 1040, 1072, 1040), (1041, 1041, 1073, 1041), (1042, 1042, 1074, 1042), (1043, 1043, 1075, 1043),
        (1044, 1044, 1076, 1044), (1045, 1045, 1077, 1045), (1046, 1046, 1078, 1046), (1047, 1047, 1079, 1047),
        (1048, 1048, 1080, 1048), (1049, 1049, 1081, 1049), (1050, 1050, 1082, 1050), (1051, 1051, 1083, 1051),
        (1052, 1052, 1084, 1052), (1053, 1053, 1085, 1053), (1054, 1054, 1086, 1054), (1055, 1055, 1087, 1055),
        (1056, 1056, 1088, 1056), (1057, 1057, 1089, 1057), (1058, 1058, 1090, 1058), (1059, 1059, 1091, 1059),
        (1060, 1060, 1092, 1060), (1061, 1061, 1093, 1061), (1062, 1062, 1094, 1062), (1063, 1063, 1095, 1063),
        (1064, 1064, 1096, 1064), (1065, 1065, 1097, 1065), (1066, 1066, 1098, 1066), (1067, 1067, 1099, 1067),
        (1068, 1068, 1100, 1068), (1069, 1069, 1101, 1069), (1070, 1070, 1102, 1070), (1071, 1071, 1103, 1071),
        (1072, 1040, 1072, 1040), (1073, 1041, 1073, 1041), (1074, 1042, 1074, 1042), (1075, 1043, 1075, 1043),
        (1076, 1044, 1076, 1044), (1077, 1045, 1077, 1045), (1078, 1046, 1078, 1046), (1079, 1047, 1079, 1047),
        (1080, 1048, 1080, 1048), (1081, 1049, 1081, 1049), (1082, 1050, 1082, 1050), (1083, 1051, 1083, 1051),
        (1084, 1052, 1084, 1052), (1085, 1053, 1085, 1053), (1086, 1054, 1086, 1054), (1087, 1055, 1087, 1055),
        (1088, 1056, 1088, 1056), (1089, 1057, 1089, 1057), (1090, 1058, 1090, 1058), (1091, 1059, 1091, 1059),
        (1092, 1060, 1092, 1060), (1093, 1061, 1093, 1061), (1094, 1062, 1094, 1062), (1095, 1063, 1095, 1063),
        (1096, 1064, 1096, 1064), (1097, 1065, 1097, 1065), (1098, 1066, 1098, 1066), (1099, 1067, 1099, 1067),
        (1100, 1068, 1100, 1068), (1101, 1069, 1101, 1069), (1102, 1070, 1102, 1070), (1103, 1071, 1103, 1071),
        (1104, 1024, 1104, 1024), (1105, 1025, 1105, 1025), (1106, 1026, 1106, 1026), (1107, 1027, 1107, 1027),
        (1108, 1028, 1108, 1028), (1109, 1029, 1109, 1029), (1110, 1030, 1110, 1030), (1111, 1031, 1111, 1031),
        (1112, 1032, 1112, 1032), (1113, 1033, 1113, 1033), (1114, 1034, 1114, 1034), (1115, 1035, 1115, 1035),
        (1116, 1036, 1116, 1036), (1117, 1037, 1117, 1037), (1118, 1038, 1118, 1038), (1119, 1039, 1119, 1039),
        (1120, 1120, 1121, 1120), (1121, 1120, 1121, 1120), (1122, 1122, 1123, 1122), (1123, 1122, 1123, 1122),
        (1124, 1124, 1125, 1124), (1125, 1124, 1125, 1124), (1126, 1126, 1127, 1126), (1127, 1126, 1127, 1126),
        (1128, 1128, 1129, 1128), (1129, 1128, 1129, 1128), (1130, 1130, 1131, 1130), (1131, 1130, 1131, 1130),
        (1132, 1132, 1133, 1132), (1133, 1132, 1133, 1132), (1134, 1134, 1135, 1134), (1135, 1134, 1135, 1134),
        (1136, 1136, 1137, 1136), (1137, 1136, 1137, 1136), (1138, 1138, 1139, 1138), (1139, 1138, 1139, 1138),
        (1140, 1140, 1141, 1140), (1141, 1140, 1141, 1140), (1142, 1142, 1143, 1142), (1143, 1142, 1143, 1142),
        (1144, 1144, 1145, 1144), (1145, 1144, 1145, 1144), (1146, 1146, 1147, 1146), (1147, 1146, 1147, 1146),
        (1148, 1148, 1149, 1148), (1149, 1148, 1149, 1148), (1150, 1150, 1151, 1150), (1151, 1150, 1151, 1150),
        (1152, 1152, 1153, 1152), (1153, 1152, 1153, 1152), (1162, 1162, 1163, 1162), (1163, 1162, 1163, 1162),
        (1164, 1164, 1165, 1164), (1165, 1164, 1165, 1164), (1166, 1166, 1167, 1166), (1167, 1166, 1167, 1166),
        (1168, 1168, 1169, 1168), (1169, 1168, 1169, 1168), (1170, 1170, 1171, 1170), (1171, 1170, 1171, 1170),
        (1172, 1172, 1173, 1172), (1173, 1172, 1173, 1172), (1174, 1174, 1175, 1174), (1175, 1174, 1175, 1174),
        (1176, 1176, 1177, 1176), (1177, 1176, 1177, 1176), (1178, 1178, 1179, 1178), (1179, 1178, 1179, 1178),
        (1180, 1180, 1181, 1180), (1181, 1180, 1181, 1180), (1182, 1182, 1183, 1182), (1183, 1182, 1183, 1182),
        (1184, 1184, 1185, 1184), (1185, 1184, 1185, 1184), (1186, 1186, 1187, 1186), (1187, 1186, 1187, 1186),
        (1188, 1188, 1189, 1188), (1189, 1188, 1189, 1188), (1190, 1190, 1191, 1190), (1191, 1190, 1191, 1190),
        (1192, 1192, 1193, 1192), (1193, 1192, 1193, 1192), (1194, 1194, 1195, 1194), (1195, 1194, 1195, 1194),
        (1196, 1196, 1197, 1196), (1197, 1196, 1197, 1196), (1198, 1198, 1199, 1198), (1199, 1198, 1199, 1198),
        (1200, 1200, 1201, 1200), (1201, 1200, 1201, 1200), (1202, 1202, 1203, 1202), (1203, 1202, 1203, 1202),
        (1204, 1204, 1205, 1204), (1205, 1204, 1205, 1204), (1206, 1206, 1207, 1206), (1207, 1206, 1207, 1206),
        (1208, 1208, 1209, 1208), (1209, 1208, 1209, 1208), (1210, 1210, 1211, 1210), (1211, 1210, 1211, 1210),
        (1212, 1212, 1213, 1212), (1213, 1212, 1213, 1212), (1214, 1214, 1215, 1214), (1215, 1214, 1215, 1214),
        (1216, 1216, 1231, 1216), (1217, 1217, 1218, 1217), (1218, 1217, 1218, 1217), (1219, 1219, 1220, 1219),
        (1220, 1219, 1220, 1219), (1221, 1221, 1222, 1221), (1222, 1221, 1222, 1221), (1223, 1223, 1224, 1223),
        (1224, 1223, 1224, 1223), (1225, 1225, 1226, 1225), (1226, 1225, 1226, 1225), (1227, 1227, 1228, 1227),
        (1228, 1227, 1228, 1227), (1229, 1229, 1230, 1229), (1230, 1229, 1230, 1229), (1231, 1216, 1231, 1216),
        (1232, 1232, 1233, 1232), (1233, 1232, 1233, 1232), (1234, 1234, 1235, 1234), (1235, 1234, 1235, 1234),
        (1236, 1236, 1237, 1236), (1237, 1236, 1237, 1236), (1238, 1238, 1239, 1238), (1239, 1238, 1239, 1238),
        (1240, 1240, 1241, 1240), (1241, 1240, 1241, 1240), (1242, 1242, 1243, 1242), (1243, 1242, 1243, 1242),
        (1244, 1244, 1245, 1244), (1245, 1244, 1245, 1244), (1246, 1246, 1247, 1246), (1247, 1246, 1247, 1246),
        (1248, 1248, 1249, 1248), (1249, 1248, 1249, 1248), (1250, 1250, 1251, 1250), (1251, 1250, 1251, 1250),
        (1252, 1252, 1253, 1252), (1253, 1252, 1253, 1252), (1254, 1254, 1255, 1254), (1255, 1254, 1255, 1254),
        (1256, 1256, 1257, 1256), (1257, 1256, 1257, 1256), (1258, 1258, 1259, 1258), (1259, 1258, 1259, 1258),
        (1260, 1260, 1261, 1260), (1261, 1260, 1261, 1260), (1262, 1262, 1263, 1262), (1263, 1262, 1263, 1262),
        (1264, 1264, 1265, 1264), (1265, 1264, 1265, 1264), (1266, 1266, 1267, 1266), (1267, 1266, 1267, 1266),
        (1268, 1268, 1269, 1268), (1269, 1268, 1269, 1268), (1270, 1270, 1271, 1270), (1271, 1270, 1271, 1270),
        (1272, 1272, 1273, 1272), (1273, 1272, 1273, 1272), (1274, 1274, 1275, 1274), (1275, 1274, 1275, 1274),
        (1276, 1276, 1277, 1276), (1277, 1276, 1277, 1276), (1278, 1278, 1279, 1278), (1279, 1278, 1279, 1278),
        (1280, 1280, 1281, 1280), (1281, 1280, 1281, 1280), (1282, 1282, 1283, 1282), (1283, 1282, 1283, 1282),
        (1284, 1284, 1285, 1284), (1285, 1284, 1285, 1284), (1286, 1286, 1287, 1286), (1287, 1286, 1287, 1286),
        (1288, 1288, 1289, 1288), (1289, 1288, 1289, 1288), (1290, 1290, 1291, 1290), (1291, 1290, 1291, 1290),
        (1292, 1292, 1293, 1292), (1293, 1292, 1293, 1292), (1294, 1294, 1295, 1294), (1295, 1294, 1295, 1294),
        (1296, 1296, 1297, 1296), (1297, 1296, 1297, 1296), (1298, 1298, 1299, 1298), (1299, 1298, 1299, 1298),
        (1300, 1300, 1301, 1300), (1301, 1300, 1301, 1300), (1302, 1302, 1303, 1302), (1303, 1302, 1303, 1302),
        (1304, 1304, 1305, 1304), (1305, 1304, 1305, 1304), (1306, 1306, 1307, 1306), (1307, 1306, 1307, 1306),
        (1308, 1308, 1309, 1308), (1309, 1308, 1309, 1308), (1310, 1310, 1311, 1310), (1311, 1310, 1311, 1310),
        (1312, 1312, 1313, 1312), (1313, 1312, 1313, 1312), (1314, 1314, 1315, 1314), (1315, 1314, 1315, 1314),
        (1316, 1316, 1317, 1316), (1317, 1316, 1317, 1316), (1318, 1318, 1319, 1318), (1319, 1318, 1319, 1318),
        (1320, 1320, 1321, 1320), (1321, 1320, 1321, 1320), (1322, 1322, 1323, 1322), (1323, 1322, 1323, 1322),
        (1324, 1324, 1325, 1324), (1325, 1324, 1325, 1324), (1326, 1326, 1327, 1326), (1327, 1326, 1327, 1326),
        (1329, 1329, 1377, 1329), (1330, 1330, 1378, 1330), (1331, 1331, 1379, 1331), (1332, 1332, 1380, 1332),
        (1333, 1333, 1381, 1333), (1334, 1334, 1382, 1334), (1335, 1335, 1383, 1335), (1336, 1336, 1384, 1336),
        (1337, 1337, 1385, 1337), (1338, 1338, 1386, 1338), (1339, 1339, 1387, 1339), (1340, 1340, 1388, 1340),
        (1341, 1341, 1389, 1341), (1342, 1342, 1390, 1342), (1343, 1343, 1391, 1343), (1344, 1344, 1392, 1344),
        (1345, 1345, 1393, 1345), (1346, 1346, 1394, 1346), (1347, 1347, 1395, 1347), (1348, 1348, 1396, 1348),
        (1349, 1349, 1397, 1349), (1350, 1350, 1398, 1350), (1351, 1351, 1399, 1351), (1352, 1352, 1400, 1352),
        (1353, 1353, 1401, 1353), (1354, 1354, 1402, 1354), (1355, 1355, 1403, 1355), (1356, 1356, 1404, 1356),
        (1357, 1357, 1405, 1357), (1358, 1358, 1406, 1358), (1359, 1359, 1407, 1359), (1360, 1360, 1408, 1360),
        (1361, 1361, 1409, 1361), (1362, 1362, 1410, 1362), (1363, 1363, 1411, 1363), (1364, 1364, 1412, 1364),
        (1365, 1365, 1413, 1365), (1366, 1366, 1414, 1366), (1377, 1329, 1377, 1329), (1378, 1330, 1378, 1330),
        (1379, 1331, 1379, 1331), (1380, 1332, 1380, 1332), (1381, 1333, 1381, 1333), (1382, 1334, 1382, 1334),
        (1383, 1335, 1383, 1335), (1384, 1336, 1384, 1336), (1385, 1337, 1385, 1337), (1386, 1338, 1386, 1338),
        (1387, 1339, 1387, 1339), (1388, 1340, 1388, 1340), (1389, 1341, 1389, 1341), (1390, 1342, 1390, 1342),
        (1391, 1343, 1391, 1343), (1392, 1344, 1392, 1344), (1393, 1345, 1393, 1345), (1394, 1346, 1394, 1346),
        (1395, 1347, 1395, 1347), (1396, 1348, 1396, 1348), (1397, 1349, 1397, 1349), (1398, 1350, 1398, 1350),
        (1399, 1351, 1399, 1351), (1400, 1352, 1400, 1352), (1401, 1353, 1401, 1353), (1402, 1354, 1402, 1354),
        (1403, 1355, 1403, 1355), (1404, 1356, 1404, 1356), (1405, 1357, 1405, 1357), (1406, 1358, 1406, 1358),
        (1407, 1359, 1407, 1359), (1408, 1360, 1408, 1360), (1409, 1361, 1409, 1361), (1410, 1362, 1410, 1362),
        (1411, 1363, 1411, 1363), (1412, 1364, 1412, 1364), (1413, 1365, 1413, 1365), (1414, 1366, 1414, 1366),
        (4256, 4256, 11520, 4256), (4257, 4257, 11521, 4257), (4258, 4258, 11522, 4258), (4259, 4259, 11523, 4259),
        (4260, 4260, 11524, 4260), (4261, 4261, 11525, 4261), (4262, 4262, 11526, 4262), (4263, 4263, 11527, 4263),
        (4264, 4264, 11528, 4264), (4265, 4265, 11529, 4265), (4266, 4266, 11530, 4266), (4267, 4267, 11531, 4267),
        (4268, 4268, 11532, 4268), (4269, 4269, 11533, 4269), (4270, 4270, 11534, 4270), (4271, 4271, 11535, 4271),
        (4272, 4272, 11536, 4272), (4273, 4273, 11537, 4273), (4274, 4274, 11538, 4274), (4275, 4275, 11539, 4275),
        (4276, 4276, 11540, 4276), (4277, 4277, 11541, 4277), (4278, 4278, 11542, 4278), (4279, 4279, 11543, 4279),
        (4280, 4280, 11544, 4280), (4281, 4281, 11545, 4281), (4282, 4282, 11546, 4282), (4283, 4283, 11547, 4283),
        (4284, 4284, 11548, 4284), (4285, 4285, 11549, 4285), (4286, 4286, 11550, 4286), (4287, 4287, 11551, 4287),
        (4288, 4288, 11552, 4288), (4289, 4289, 11553, 4289), (4290, 4290, 11554, 4290), (4291, 4291, 11555, 4291),
        (4292, 4292, 11556, 4292), (4293, 4293, 11557, 4293), (4295, 4295, 11559, 4295), (4301, 4301, 11565, 4301),
        (4304, 7312, 4304, 4304), (4305, 7313, 4305, 4305), (4306, 7314, 4306, 4306), (4307, 7315, 4307, 4307),
        (4308, 7316, 4308, 4308), (4309, 7317, 4309, 4309), (4310, 7318, 4310, 4310), (4311, 7319, 4311, 4311),
        (4312, 7320, 4312, 4312), (4313, 7321, 4313, 4313), (4314, 7322, 4314, 4314), (4315, 7323, 4315, 4315),
        (4316, 7324, 4316, 4316), (4317, 7325, 4317, 4317), (4318, 7326, 4318, 4318), (4319, 7327, 4319, 4319),
        (4320, 7328, 4320, 4320), (4321, 7329, 4321, 4321), (4322, 7330, 4322, 4322), (4323, 7331, 4323, 4323),
        (4324, 7332, 4324, 4324), (4325, 7333, 4325, 4325), (4326, 7334, 4326, 4326), (4327, 7335, 4327, 4327),
        (4328, 7336, 4328, 4328), (4329, 7337, 4329, 4329), (4330, 7338, 4330, 4330), (4331, 7339, 4331, 4331),
        (4332, 7340, 4332, 4332), (4333, 7341, 4333, 4333), (4334, 7342, 4334, 4334), (4335, 7343, 4335, 4335),
        (4336, 7344, 4336, 4336), (4337, 7345, 4337, 4337), (4338, 7346, 4338, 4338), (4339, 7347, 4339, 4339),
        (4340, 7348, 4340, 4340), (4341, 7349, 4341, 4341), (4342, 7350, 4342, 4342), (4343, 7351, 4343, 4343),
        (4344, 7352, 4344, 4344), (4345, 7353, 4345, 4345), (4346, 7354, 4346, 4346), (4349, 7357, 4349, 4349),
        (4350, 7358, 4350, 4350), (4351, 7359, 4351, 4351), (5024, 5024, 43888, 5024), (5025, 5025, 43889, 5025),
        (5026, 5026, 43890, 5026), (5027, 5027, 43891, 5027), (5028, 5028, 43892, 5028), (5029, 5029, 43893, 5029),
        (5030, 5030, 43894, 5030), (5031, 5031, 43895, 5031), (5032, 5032, 43896, 5032), (5033, 5033, 43897, 5033),
        (5034, 5034, 43898, 5034), (5035, 5035, 43899, 5035), (5036, 5036, 43900, 5036), (5037, 5037, 43901, 5037),
        (5038, 5038, 43902, 5038), (5039, 5039, 43903, 5039), (5040, 5040, 43904, 5040), (5041, 5041, 43905, 5041),
        (5042, 5042, 43906, 5042), (5043, 5043, 43907, 5043), (5044, 5044, 43908, 5044), (5045, 5045, 43909, 5045),
        (5046, 5046, 43910, 5046), (5047, 5047, 43911, 5047), (5048, 5048, 43912, 5048), (5049, 5049, 43913, 5049),
        (5050, 5050, 43914, 5050), (5051, 5051, 43915, 5051), (5052, 5052, 43916, 5052), (5053, 5053, 43917, 5053),
        (5054, 5054, 43918, 5054), (5055, 5055, 43919, 5055), (5056, 5056, 43920, 5056), (5057, 5057, 43921, 5057),
        (5058, 5058, 43922, 5058), (5059, 5059, 43923, 5059), (5060, 5060, 43924, 5060), (5061, 5061, 43925, 5061),
        (5062, 5062, 43926, 5062), (5063, 5063, 43927, 5063), (5064, 5064, 43928, 5064), (5065, 5065, 43929, 5065),
        (5066, 5066, 43930, 5066), (5067, 5067, 43931, 5067), (5068, 5068, 43932, 5068), (5069, 5069, 43933, 5069),
        (5070, 5070, 43934, 5070), (5071, 5071, 43935, 5071), (5072, 5072, 43936, 5072), (5073, 5073, 43937, 5073),
        (5074, 5074, 43938, 5074), (5075, 5075, 43939, 5075), (5076, 5076, 43940, 5076), (5077, 5077, 43941, 5077),
        (5078, 5078, 43942, 5078), (5079, 5079, 43943, 5079), (5080, 5080, 43944, 5080), (5081, 5081, 43945, 5081),
        (5082, 5082, 43946, 5082), (5083, 5083, 43947, 5083), (5084, 5084, 43948, 5084), (5085, 5085, 43949, 5085),
        (5086, 5086, 43950, 5086), (5087, 5087, 43951, 5087), (5088, 5088, 43952, 5088), (5089, 5089, 43953, 5089),
        (5090, 5090, 43954, 5090), (5091, 5091, 43955, 5091), (5092, 5092, 43956, 5092), (5093, 5093, 43957, 5093),
        (5094, 5094, 43958, 5094), (5095, 5095, 43959, 5095), (5096, 5096, 43960, 5096), (5097, 5097, 43961, 5097),
        (5098, 5098, 43962, 5098), (5099, 5099, 43963, 5099), (5100, 5100, 43964, 5100), (5101, 5101, 43965, 5101),
        (5102, 5102, 43966, 5102), (5103, 5103, 43967, 5103), (5104, 5104, 5112, 5104), (5105, 5105, 5113, 5105),
        (5106, 5106, 5114, 5106), (5107, 5107, 5115, 5107), (5108, 5108, 5116, 5108), (5109, 5109, 5117, 5109),
        (5112, 5104, 5112, 5104), (5113, 5105, 5113, 5105), (5114, 5106, 5114, 5106), (5115, 5107, 5115, 5107),
        (5116, 5108, 5116, 5108), (5117, 5109, 5117, 5109), (7296, 1042, 7296, 1042), (7297, 1044, 7297, 1044),
        (7298, 1054, 7298, 1054), (7299, 1057, 7299, 1057), (7300, 1058, 7300, 1058), (7301, 1058, 7301, 1058),
        (7302, 1066, 7302, 1066), (7303, 1122, 7303, 1122), (7304, 42570, 7304, 42570), (7312, 7312, 4304, 7312),
        (7313, 7313, 4305, 7313), (7314, 7314, 4306, 7314), (7315, 7315, 4307, 7315), (7316, 7316, 4308, 7316),
        (7317, 7317, 4309, 7317), (7318, 7318, 4310, 7318), (7319, 7319, 4311, 7319), (7320, 7320, 4312, 7320),
        (7321, 7321, 4313, 7321), (7322, 7322, 4314, 7322), (7323, 7323, 4315, 7323), (7324, 7324, 4316, 7324),
        (7325, 7325, 4317, 7325), (7326, 7326, 4318, 7326), (7327, 7327, 4319, 7327), (7328, 7328, 4320, 7328),
        (7329, 7329, 4321, 7329), (7330, 7330, 4322, 7330), (7331, 7331, 4323, 7331), (7332, 7332, 4324, 7332),
        (7333, 7333, 4325, 7333), (7334, 7334, 4326, 7334), (7335, 7335, 4327, 7335), (7336, 7336, 4328, 7336),
        (7337, 7337, 4329, 7337), (7338, 7338, 4330, 7338), (7339, 7339, 4331, 7339), (7340, 7340, 4332, 7340),
        (7341, 7341, 4333, 7341), (7342, 7342, 4334, 7342), (7343, 7343, 4335, 7343), (7344, 7344, 4336, 7344),
        (7345, 7345, 4337, 7345), (7346, 7346, 4338, 7346), (7347, 7347, 4339, 7347), (7348, 7348, 4340, 7348),
        (7349, 7349, 4341, 7349), (7350, 7350, 4342, 7350), (7351, 7351, 4343, 7351), (7352, 7352, 4344, 7352),
        (7353, 7353, 4345, 7353), (7354, 7354, 4346, 7354), (7357, 7357, 4349, 7357), (7358, 7358, 4350, 7358),
        (7359, 7359, 4351, 7359), (7545, 42877, 7545, 42877), (7549, 11363, 7549, 11363), (7566, 42950, 7566, 42950),
        (7680, 7680, 7681, 7680), (7681, 7680, 7681, 7680), (7682, 7682, 7683, 7682), (7683, 7682, 7683, 7682),
        (7684, 7684, 7685, 7684), (7685, 7684, 7685, 7684), (7686, 7686, 7687, 7686), (7687, 7686, 7687, 7686),
        (7688, 7688, 7689, 7688), (7689, 7688, 7689, 7688), (7690, 7690, 7691, 7690), (7691, 7690, 7691, 7690),
        (7692, 7692, 7693, 7692), (7693, 7692, 7693, 7692), (7694, 7694, 7695, 7694), (7695, 7694, 7695, 7694),
        (7696, 7696, 7697, 7696), (7697, 7696, 7697, 7696), (7698, 7698, 7699, 7698), (7699, 7698, 7699, 7698),
        (7700, 7700, 7701, 7700), (7701, 7700, 7701, 7700), (7702, 7702, 7703, 7702), (7703, 7702, 7703, 7702),
        (7704, 7704, 7705, 7704), (7705, 7704, 7705, 7704), (7706, 7706, 7707, 7706), (7707, 7706, 7707, 7706),
        (7708, 7708, 7709, 7708), (7709, 7708, 7709, 7708), (7710, 7710, 7711, 7710), (7711, 7710, 7711, 7710),
        (7712, 7712, 7713, 7712), (7713, 7712, 7713, 7712), (7714, 7714, 7715, 7714), (7715, 7714, 7715, 7714),
        (7716, 7716, 7717, 7716), (7717, 7716, 7717, 7716), (7718, 7718, 7719, 7718), (7719, 7718, 7719, 7718),
        (7720, 7720, 7721, 7720), (7721, 7720, 7721, 7720), (7722, 7722, 7723, 7722), (7723, 7722, 7723, 7722),
        (7724, 7724, 7725, 7724), (7725, 7724, 7725, 7724), (7726, 7726, 7727, 7726), (7727, 7726, 7727, 7726),
        (7728, 7728, 7729, 7728), (7729, 7728, 7729, 7728), (7730, 7730, 7731, 7730), (7731, 7730, 7731, 7730),
        (7732, 7732, 7733, 7732), (7733, 7732, 7733, 7732), (7734, 7734, 7735, 7734), (7735, 7734, 7735, 7734),
        (7736, 7736, 7737, 7736), (7737, 7736, 7737, 7736), (7738, 7738, 7739, 7738), (7739, 7738, 7739, 7738),
        (7740, 7740, 7741, 7740), (7741, 7740, 7741, 7740), (7742, 7742, 7743, 7742), (7743, 7742, 7743, 7742),
        (7744, 7744, 7745, 7744), (7745, 7744, 7745, 7744), (7746, 7746, 7747, 7746), (7747, 7746, 7747, 7746),
        (7748, 7748, 7749, 7748), (7749, 7748, 7749, 7748), (7750, 7750, 7751, 7750), (7751, 7750, 7751, 7750),
        (7752, 7752, 7753, 7752), (7753, 7752, 7753, 7752), (7754, 7754, 7755, 7754), (7755, 7754, 7755, 7754),
        (7756, 7756, 7757, 7756), (7757, 7756, 7757, 7756), (7758, 7758, 7759, 7758), (7759, 7758, 7759, 7758),
        (7760, 7760, 7761, 7760), (7761, 7760, 7761, 7760), (7762, 7762, 7763, 7762), (7763, 7762, 7763, 7762),
        (7764, 7764, 7765, 7764), (7765, 7764, 7765, 7764), (7766, 7766, 7767, 7766), (7767, 7766, 7767, 7766),
        (7768, 7768, 7769, 7768), (7769, 7768, 7769, 7768), (7770, 7770, 7771, 7770), (7771, 7770, 7771, 7770),
        (7772, 7772, 7773, 7772), (7773, 7772, 7773, 7772), (7774, 7774, 7775, 7774), (7775, 7774, 7775, 7774),
        (7776, 7776, 7777, 7776), (7777, 7776, 7777, 7776), (7778, 7778, 7779, 7778), (7779, 7778, 7779, 7778),
        (7780, 7780, 7781, 7780), (7781, 7780, 7781, 7780), (7782, 7782, 7783, 7782), (7783, 7782, 7783, 7782),
        (7784, 7784, 7785, 7784), (7785, 7784, 7785, 7784), (7786, 7786, 7787, 7786), (7787, 7786, 7787, 7786),
        (7788, 7788, 7789, 7788), (7789, 7788, 7789, 7788), (7790, 7790, 7791, 7790), (7791, 7790, 7791, 7790),
        (7792, 7792, 7793, 7792), (7793, 7792, 7793, 7792), (7794, 7794, 7795, 7794), (7795, 7794, 7795, 7794),
        (7796, 7796, 7797, 7796), (7797, 7796, 7797, 7796), (7798, 7798, 7799, 7798), (7799, 7798, 7799, 7798),
        (7800, 7800, 7801, 7800), (7801, 7800, 7801, 7800), (7802, 7802, 7803, 7802), (7803, 7802, 7803, 7802),
        (7804, 7804, 7805, 7804), (7805, 7804, 7805, 7804), (7806, 7806, 7807, 7806), (7807, 7806, 7807, 7806),
        (7808, 7808, 7809, 7808), (7809, 7808, 7809, 7808), (7810, 7810, 7811, 7810), (7811, 7810, 7811, 7810),
        (7812, 7812, 7813, 7812), (7813, 7812, 7813, 7812), (7814, 7814, 7815, 7814), (7815, 7814, 7815, 7814),
        (7816, 7816, 7817, 7816), (7817, 7816, 7817, 7816), (7818, 7818, 7819, 7818), (7819, 7818, 7819, 7818),
        (7820, 7820, 7821, 7820), (7821, 7820, 7821, 7820), (7822, 7822, 7823, 7822), (7823, 7822, 7823, 7822),
        (7824, 7824, 7825, 7824), (7825, 7824, 7825, 7824), (7826, 7826, 7827, 7826), (7827, 7826, 7827, 7826),
        (7828, 7828, 7829, 7828), (7829, 7828, 7829, 7828), (7835, 7776, 7835, 7776), (7838, 7838, 223, 7838),
        (7840, 7840, 7841, 7840), (7841, 7840, 7841, 7840), (7842, 7842, 7843, 7842), (7843, 7842, 7843, 7842),
        (7844, 7844, 7845, 7844), (7845, 7844, 7845, 7844), (7846, 7846, 7847, 7846), (7847, 7846, 7847, 7846),
        (7848, 7848, 7849, 7848), (7849, 7848, 7849, 7848), (7850, 7850, 7851, 7850), (7851, 7850, 7851, 7850),
        (7852, 7852, 7853, 7852), (7853, 7852, 7853, 7852), (7854, 7854, 7855, 7854), (7855, 7854, 7855, 7854),
        (7856, 7856, 7857, 7856), (7857, 7856, 7857, 7856), (7858, 7858, 7859, 7858), (7859, 7858, 7859, 7858),
        (7860, 7860, 7861, 7860), (7861, 7860, 7861, 7860), (7862, 7862, 7863, 7862), (7863, 7862, 7863, 7862),
        (7864, 7864, 7865, 7864), (7865, 7864, 7865, 7864), (7866, 7866, 7867, 7866), (7867, 7866, 7867, 7866),
        (7868, 7868, 7869, 7868), (7869, 7868, 7869, 7868), (7870, 7870, 7871, 7870), (7871, 7870, 7871, 7870),
        (7872, 7872, 7873, 7872), (7873, 7872, 7873, 7872), (7874, 7874, 7875, 7874), (7875, 7874, 7875, 7874),
        (7876, 7876, 7877, 7876), (7877, 7876, 7877, 7876), (7878, 7878, 7879, 7878), (7879, 7878, 7879, 7878),
        (7880, 7880, 7881, 7880), (7881, 7880, 7881, 7880), (7882, 7882, 7883, 7882), (7883, 7882, 7883, 7882),
        (7884, 7884, 7885, 7884), (7885, 7884, 7885, 7884), (7886, 7886, 7887, 7886), (7887, 7886, 7887, 7886),
        (7888, 7888, 7889, 7888), (7889, 7888, 7889, 7888), (7890, 7890, 7891, 7890), (7891, 7890, 7891, 7890),
        (7892, 7892, 7893, 7892), (7893, 7892, 7893, 7892), (7894, 7894, 7895, 7894), (7895, 7894, 7895, 7894),
        (7896, 7896, 7897, 7896), (7897, 7896, 7897, 7896), (7898, 7898, 7899, 7898), (7899, 7898, 7899, 7898),
        (7900, 7900, 7901, 7900), (7901, 7900, 7901, 7900), (7902, 7902, 7903, 7902), (7903, 7902, 7903, 7902),
        (7904, 7904, 7905, 7904), (7905, 7904, 7905, 7904), (7906, 7906, 7907, 7906), (7907, 7906, 7907, 7906),
        (7908, 7908, 7909, 7908), (7909, 7908, 7909, 7908), (7910, 7910, 7911, 7910), (7911, 7910, 7911, 7910),
        (7912, 7912, 7913, 7912), (7913, 7912, 7913, 7912), (7914, 7914, 7915, 7914), (7915, 7914, 7915, 7914),
        (7916, 7916, 7917, 7916), (7917, 7916, 7917, 7916), (7918, 7918, 7919, 7918), (7919, 7918, 7919, 7918),
        (7920, 7920, 7921, 7920), (7921, 7920, 7921, 7920), (7922, 7922, 7923, 7922), (7923, 7922, 7923, 7922),
        (7924, 7924, 7925, 7924), (7925, 7924, 7925, 7924), (7926, 7926, 7927, 7926), (7927, 7926, 7927, 7926),
        (7928, 7928, 7929, 7928), (7929, 7928, 7929, 7928), (7930, 7930, 7931, 7930), (7931, 7930, 7931, 7930),
        (7932, 7932, 7933, 7932), (7933, 7932, 7933, 7932), (7934, 7934, 7935, 7934), (7935, 7934, 7935, 7934),
        (7936, 7944, 7936, 7944), (7937, 7945, 7937, 7945), (7938, 7946, 7938, 7946), (7939, 7947, 7939, 7947),
        (7940, 7948, 7940, 7948), (7941, 7949, 7941, 7949), (7942, 7950, 7942, 7950), (7943, 7951, 7943, 7951),
        (7944, 7944, 7936, 7944), (7945, 7945, 7937, 7945), (7946, 7946, 7938, 7946), (7947, 7947, 7939, 7947),
        (7948, 7948, 7940, 7948), (7949, 7949, 7941, 7949), (7950, 7950, 7942, 7950), (7951, 7951, 7943, 7951),
        (7952, 7960, 7952, 7960), (7953, 7961, 7953, 7961), (7954, 7962, 7954, 7962), (7955, 7963, 7955, 7963),
        (7956, 7964, 7956, 7964), (7957, 7965, 7957, 7965), (7960, 7960, 7952, 7960), (7961, 7961, 7953, 7961),
        (7962, 7962, 7954, 7962), (7963, 7963, 7955, 7963), (7964, 7964, 7956, 7964), (7965, 7965, 7957, 7965),
        (7968, 7976, 7968, 7976), (7969, 7977, 7969, 7977), (7970, 7978, 7970, 7978), (7971, 7979, 7971, 7979),
        (7972, 7980, 7972, 7980), (7973, 7981, 7973, 7981), (7974, 7982, 7974, 7982), (7975, 7983, 7975, 7983),
        (7976, 7976, 7968, 7976), (7977, 7977, 7969, 7977), (7978, 7978, 7970, 7978), (7979, 7979, 7971, 7979),
        (7980, 7980, 7972, 7980), (7981, 7981, 7973, 7981), (7982, 7982, 7974, 7982), (7983, 7983, 7975, 7983),
        (7984, 7992, 7984, 7992), (7985, 7993, 7985, 7993), (7986, 7994, 7986, 7994), (7987, 7995, 7987, 7995),
        (7988, 7996, 7988, 7996), (7989, 7997, 7989, 7997), (7990, 7998, 7990, 7998), (7991, 7999, 7991, 7999),
        (7992, 7992, 7984, 7992), (7993, 7993, 7985, 7993), (7994, 7994, 7986, 7994), (7995, 7995, 7987, 7995),
        (7996, 7996, 7988, 7996), (7997, 7997, 7989, 7997), (7998, 7998, 7990, 7998), (7999, 7999, 7991, 7999),
        (8000, 8008, 8000, 8008), (8001, 8009, 8001, 8009), (8002, 8010, 8002, 8010), (8003, 8011, 8003, 8011),
        (8004, 8012, 8004, 8012), (8005, 8013, 8005, 8013), (8008, 8008, 8000, 8008), (8009, 8009, 8001, 8009),
        (8010, 8010, 8002, 8010), (8011, 8011, 8003, 8011), (8012, 8012, 8004, 8012), (8013, 8013, 8005, 8013),
        (8017, 8025, 8017, 8025), (8019, 8027, 8019, 8027), (8021, 8029, 8021, 8029), (8023, 8031, 8023, 8031),
        (8025, 8025, 8017, 8025), (8027, 8027, 8019, 8027), (8029, 8029, 8021, 8029), (8031, 8031, 8023, 8031),
        (8032, 8040, 8032, 8040), (8033, 8041, 8033, 8041), (8034, 8042, 8034, 8042), (8035, 8043, 8035, 8043),
        (8036, 8044, 8036, 8044), (8037, 8045, 8037, 8045), (8038, 8046, 8038, 8046), (8039, 8047, 8039, 8047),
        (8040, 8040, 8032, 8040), (8041, 8041, 8033, 8041), (8042, 8042, 8034, 8042), (8043, 8043, 8035, 8043),
        (8044, 8044, 8036, 8044), (8045, 8045, 8037, 8045), (8046, 8046, 8038, 8046), (8047, 8047, 8039, 8047),
        (8048, 8122, 8048, 8122), (8049, 8123, 8049, 8123), (8050, 8136, 8050, 8136), (8051, 8137, 8051, 8137),
        (8052, 8138, 8052, 8138), (8053, 8139, 8053, 8139), (8054, 8154, 8054, 8154), (8055, 8155, 8055, 8155),
        (8056, 8184, 8056, 8184), (8057, 8185, 8057, 8185), (8058, 8170, 8058, 8170), (8059, 8171, 8059, 8171),
        (8060, 8186, 8060, 8186), (8061, 8187, 8061, 8187), (8064, 8072, 8064, 8072), (8065, 8073, 8065, 8073),
        (8066, 8074, 8066, 8074), (8067, 8075, 8067, 8075), (8068, 8076, 8068, 8076), (8069, 8077, 8069, 8077),
        (8070, 8078, 8070, 8078), (8071, 8079, 8071, 8079), (8072, 8072, 8064, 8072), (8073, 8073, 8065, 8073),
        (8074, 8074, 8066, 8074), (8075, 8075, 8067, 8075), (8076, 8076, 8068, 8076), (8077, 8077, 8069, 8077),
        (8078, 8078, 8070, 8078), (8079, 8079, 8071, 8079), (8080, 8088, 8080, 8088), (8081, 8089, 8081, 8089),
        (8082, 8090, 8082, 8090), (8083, 8091, 8083, 8091), (8084, 8092, 8084, 8092), (8085, 8093, 8085, 8093),
        (8086, 8094, 8086, 8094), (8087, 8095, 8087, 8095), (8088, 8088, 8080, 8088), (8089, 8089, 8081, 8089),
        (8090, 8090, 8082, 8090), (8091, 8091, 8083, 8091), (8092, 8092, 8084, 8092), (8093, 8093, 8085, 8093),
        (8094, 8094, 8086, 8094), (8095, 8095, 8087, 8095), (8096, 8104, 8096, 8104), (8097, 8105, 8097, 8105),
        (8098, 8106, 8098, 8106), (8099, 8107, 8099, 8107), (8100, 8108, 8100, 8108), (8101, 8109, 8101, 8109),
        (8102, 8110, 8102, 8110), (8103, 8111, 8103, 8111), (8104, 8104, 8096, 8104), (8105, 8105, 8097, 8105),
        (8106, 8106, 8098, 8106), (8107, 8107, 8099, 8107), (8108, 8108, 8100, 8108), (8109, 8109, 8101, 8109),
        (8110, 8110, 8102, 8110), (8111, 8111, 8103, 8111), (8112, 8120, 8112, 8120), (8113, 8121, 8113, 8121),
        (8115, 8124, 8115, 8124), (8120, 8120, 8112, 8120), (8121, 8121, 8113, 8121), (8122, 8122, 8048, 8122),
        (8123, 8123, 8049, 8123), (8124, 8124, 8115, 8124), (8126, 921, 8126, 921), (8131, 8140, 8131, 8140),
        (8136, 8136, 8050, 8136), (8137, 8137, 8051, 8137), (8138, 8138, 8052, 8138), (8139, 8139, 8053, 8139),
        (8140, 8140, 8131, 8140), (8144, 8152, 8144, 8152), (8145, 8153, 8145, 8153), (8152, 8152, 8144, 8152),
        (8153, 8153, 8145, 8153), (8154, 8154, 8054, 8154), (8155, 8155, 8055, 8155), (8160, 8168, 8160, 8168),
        (8161, 8169, 8161, 8169), (8165, 8172, 8165, 8172), (8168, 8168, 8160, 8168), (8169, 8169, 8161, 8169),
        (8170, 8170, 8058, 8170), (8171, 8171, 8059, 8171), (8172, 8172, 8165, 8172), (8179, 8188, 8179, 8188),
        (8184, 8184, 8056, 8184), (8185, 8185, 8057, 8185), (8186, 8186, 8060, 8186), (8187, 8187, 8061, 8187),
        (8188, 8188, 8179, 8188), (8486, 8486, 969, 8486), (8491, 8491, 229, 8491), (8498, 8498, 8526, 8498),
        (8526, 8498, 8526, 8498), (8544, 8544, 8560, 8544), (8545, 8545, 8561, 8545), (8546, 8546, 8562, 8546),
        (8547, 8547, 8563, 8547), (8548, 8548, 8564, 8548), (8549, 8549, 8565, 8549), (8550, 8550, 8566, 8550),
        (8551, 8551, 8567, 8551), (8552, 8552, 8568, 8552), (8553, 8553, 8569, 8553), (8554, 8554, 8570, 8554),
        (8555, 8555, 8571, 8555), (8556, 8556, 8572, 8556), (8557, 8557, 8573, 8557), (8558, 8558, 8574, 8558),
        (8559, 8559, 8575, 8559), (8560, 8544, 8560, 8544), (8561, 8545, 8561, 8545), (8562, 8546, 8562, 8546),
        (8563, 8547, 8563, 8547), (8564, 8548, 8564, 8548), (8565, 8549, 8565, 8549), (8566, 8550, 8566, 8550),
        (8567, 8551, 8567, 8551), (8568, 8552, 8568, 8552), (8569, 8553, 8569, 8553), (8570, 8554, 8570, 8554),
        (8571, 8555, 8571, 8555), (8572, 8556, 8572, 8556), (8573, 8557, 8573, 8557), (8574, 8558, 8574, 8558),
        (8575, 8559, 8575, 8559), (8579, 8579, 8580, 8579), (8580, 8579, 8580, 8579), (9398, 9398, 9424, 9398),
        (9399, 9399, 9425, 9399), (9400, 9400, 9426, 9400), (9401, 9401, 9427, 9401), (9402, 9402, 9428, 9402),
        (9403, 9403, 9429, 9403), (9404, 9404, 9430, 9404), (9405, 9405, 9431, 9405), (9406, 9406, 9432, 9406),
        (9407, 9407, 9433, 9407), (9408, 9408, 9434, 9408), (9409, 9409, 9435, 9409), (9410, 9410, 9436, 9410),
        (9411, 9411, 9437, 9411), (9412, 9412, 9438, 9412), (9413, 9413, 9439, 9413), (9414, 9414, 9440, 9414),
        (9415, 9415, 9441, 9415), (9416, 9416, 9442, 9416), (9417, 9417, 9443, 9417), (9418, 9418, 9444, 9418),
        (9419, 9419, 9445, 9419), (9420, 9420, 9446, 9420), (9421, 9421, 9447, 9421), (9422, 9422, 9448, 9422),
        (9423, 9423, 9449, 9423), (9424, 9398, 9424, 9398), (9425, 9399, 9425, 9399), (9426, 9400, 9426, 9400),
        (9427, 9401, 9427, 9401), (9428, 9402, 9428, 9402), (9429, 9403, 9429, 9403), (9430, 9404, 9430, 9404),
        (9431, 9405, 9431, 9405), (9432, 9406, 9432, 9406), (9433, 9407, 9433, 9407), (9434, 9408, 9434, 9408),
        (9435, 9409, 9435, 9409), (9436, 9410, 9436, 9410), (9437, 9411, 9437, 9411), (9438, 9412, 9438, 9412),
        (9439, 9413, 9439, 9413), (9440, 9414, 9440, 9414), (9441, 9415, 9441, 9415), (9442, 9416, 9442, 9416),
        (9443, 9417, 9443, 9417), (9444, 9418, 9444, 9418), (9445, 9419, 9445, 9419), (9446, 9420, 9446, 9420),
        (9447, 9421, 9447, 9421), (9448, 9422, 9448, 9422), (9449, 9423, 9449, 9423), (11264, 11264, 11312, 11264),
        (11265, 11265, 11313, 11265), (11266, 11266, 11314, 11266), (11267, 11267, 11315, 11267), (11268, 11268, 11316, 11268),
        (11269, 11269, 11317, 11269), (11270, 11270, 11318, 11270), (11271, 11271, 11319, 11271), (11272, 11272, 11320, 11272),
        (11273, 11273, 11321, 11273), (11274, 11274, 11322, 11274), (11275, 11275, 11323, 11275), (11276, 11276, 11324, 11276),
        (11277, 11277, 11325, 11277), (11278, 11278, 11326, 11278), (11279, 11279, 11327, 11279), (11280, 11280, 11328, 11280),
        (11281, 11281, 11329, 11281), (11282, 11282, 11330, 11282), (11283, 11283, 11331, 11283), (11284, 11284, 11332, 11284),
        (11285, 11285, 11333, 11285), (11286, 11286, 11334, 11286), (11287, 11287, 11335, 11287), (11288, 11288, 11336, 11288),
        (11289, 11289, 11337, 11289), (11290, 11290, 11338, 11290), (11291, 11291, 11339, 11291), (11292, 11292, 11340, 11292),
        (11293, 11293, 11341, 11293), (11294, 11294, 11342, 11294), (11295, 11295, 11343, 11295), (11296, 11296, 11344, 11296),
        (11297, 11297, 11345, 11297), (11298, 11298, 11346, 11298), (11299, 11299, 11347, 11299), (11300, 11300, 11348, 11300),
        (11301, 11301, 11349, 11301), (11302, 11302, 11350, 11302), (11303, 11303, 11351, 11303), (11304, 11304, 11352, 11304),
        (11305, 11305, 11353, 11305), (11306, 11306, 11354, 11306), (11307, 11307, 11355, 11307), (11308, 11308, 11356, 11308),
        (11309, 11309, 11357, 11309), (11310, 11310, 11358, 11310), (11311, 11311, 11359, 11311), (11312, 11264, 11312, 11264),
        (11313, 11265, 11313, 11265), (11314, 11266, 11314, 11266), (11315, 11267, 11315, 11267), (11316, 11268, 11316, 11268),
        (11317, 11269, 11317, 11269), (11318, 11270, 11318, 11270), (11319, 11271, 11319, 11271), (11320, 11272, 11320, 11272),
        (11321, 11273, 11321, 11273), (11322, 11274, 11322, 11274), (11323, 11275, 11323, 11275), (11324, 11276, 11324, 11276),
        (11325, 11277, 11325, 11277), (11326, 11278, 11326, 11278), (11327, 11279, 11327, 11279), (11328, 11280, 11328, 11280),
        (11329, 11281, 11329, 11281), (11330, 11282, 11330, 11282), (11331, 11283, 11331, 11283), (11332, 11284, 11332, 11284),
        (11333, 11285, 11333, 11285), (11334, 11286, 11334, 11286), (11335, 11287, 11335, 11287), (11336, 11288, 11336, 11288),
        (11337, 11289, 11337, 11289), (11338, 11290, 11338, 11290), (11339, 11291, 11339, 11291), (11340, 11292, 11340, 11292),
        (11341, 11293, 11341, 11293), (11342, 11294, 11342, 11294), (11343, 11295, 11343, 11295), (11344, 11296, 11344, 11296),
        (11345, 11297, 11345, 11297), (11346, 11298, 11346, 11298), (11347, 11299, 11347, 11299), (11348, 11300, 11348, 11300),
        (11349, 11301, 11349, 11301), (11350, 11302, 11350, 11302), (11351, 11303, 11351, 11303), (11352, 11304, 11352, 11304),
        (11353, 11305, 11353, 11305), (11354, 11306, 11354, 11306), (11355, 11307, 11355, 11307), (11356, 11308, 11356, 11308),
        (11357, 11309, 11357, 11309), (11358, 11310, 11358, 11310), (11359, 11311, 11359, 11311), (11360, 11360, 11361, 11360),
        (11361, 11360, 11361, 11360), (11362, 11362, 619, 11362), (11363, 11363, 7549, 11363), (11364, 11364, 637, 11364),
        (11365, 570, 11365, 570), (11366, 574, 11366, 574), (11367, 11367, 11368, 11367), (11368, 11367, 11368, 11367),
        (11369, 11369, 11370, 11369), (11370, 11369, 11370, 11369), (11371, 11371, 11372, 11371), (11372, 11371, 11372, 11371),
        (11373, 11373, 593, 11373), (11374, 11374, 625, 11374), (11375, 11375, 592, 11375), (11376, 11376, 594, 11376),
        (11378, 11378, 11379, 11378), (11379, 11378, 11379, 11378), (11381, 11381, 11382, 11381), (11382, 11381, 11382, 11381),
        (11390, 11390, 575, 11390), (11391, 11391, 576, 11391), (11392, 11392, 11393, 11392), (11393, 11392, 11393, 11392),
        (11394, 11394, 11395, 11394), (11395, 11394, 11395, 11394), (11396, 11396, 11397, 11396), (11397, 11396, 11397, 11396),
        (11398, 11398, 11399, 11398), (11399, 11398, 11399, 11398), (11400, 11400, 11401, 11400), (11401, 11400, 11401, 11400),
        (11402, 11402, 11403, 11402), (11403, 11402, 11403, 11402), (11404, 11404, 11405, 11404), (11405, 11404, 11405, 11404),
        (11406, 11406, 11407, 11406), (11407, 11406, 11407, 11406), (11408, 11408, 11409, 11408), (11409, 11408, 11409, 11408),
        (11410, 11410, 11411, 11410), (11411, 11410, 11411, 11410), (11412, 11412, 11413, 11412), (11413, 11412, 11413, 11412),
        (11414, 11414, 11415, 11414), (11415, 11414, 11415, 11414), (11416, 11416, 11417, 11416), (11417, 11416, 11417, 11416),
        (11418, 11418, 11419, 11418), (11419, 11418, 11419, 11418), (11420, 11420, 11421, 11420), (11421, 11420, 11421, 11420),
        (11422, 11422, 11423, 11422), (11423, 11422, 11423, 11422), (11424, 11424, 11425, 11424), (11425, 11424, 11425, 11424),
        (11426, 11426, 11427, 11426), (11427, 11426, 11427, 11426), (11428, 11428, 11429, 11428), (11429, 11428, 11429, 11428),
        (11430, 11430, 11431, 11430), (11431, 11430, 11431, 11430), (11432, 11432, 11433, 11432), (11433, 11432, 11433, 11432),
        (11434, 11434, 11435, 11434), (11435, 11434, 11435, 11434), (11436, 11436, 11437, 11436), (11437, 11436, 11437, 11436),
        (11438, 11438, 11439, 11438), (11439, 11438, 11439, 11438), (11440, 11440, 11441, 11440), (11441, 11440, 11441, 11440),
        (11442, 11442, 11443, 11442), (11443, 11442, 11443, 11442), (11444, 11444, 11445, 11444), (11445, 11444, 11445, 11444),
        (11446, 11446, 11447, 11446), (11447, 11446, 11447, 11446), (11448, 11448, 11449, 11448), (11449, 11448, 11449, 11448),
        (11450, 11450, 11451, 11450), (11451, 11450, 11451, 11450), (11452, 11452, 11453, 11452), (11453, 11452, 11453, 11452),
        (11454, 11454, 11455, 11454), (11455, 11454, 11455, 11454), (11456, 11456, 11457, 11456), (11457, 11456, 11457, 11456),
        (11458, 11458, 11459, 11458), (11459, 11458, 11459, 11458), (11460, 11460, 11461, 11460), (11461, 11460, 11461, 11460),
        (11462, 11462, 11463, 11462), (11463, 11462, 11463, 11462), (11464, 11464, 11465, 11464), (11465, 11464, 11465, 11464),
        (11466, 11466, 11467, 11466), (11467, 11466, 11467, 11466), (11468, 11468, 11469, 11468), (11469, 11468, 11469, 11468),
        (11470, 11470, 11471, 11470), (11471, 11470, 11471, 11470), (11472, 11472, 11473, 11472), (11473, 11472, 11473, 11472),
        (11474, 11474, 11475, 11474), (11475, 11474, 11475, 11474), (11476, 11476, 11477, 11476), (11477, 11476, 11477, 11476),
        (11478, 11478, 11479, 11478), (11479, 11478, 11479, 11478), (11480, 11480, 11481, 11480), (11481, 11480, 11481, 11480),
        (11482, 11482, 11483, 11482), (11483, 11482, 11483, 11482), (11484, 11484, 11485, 11484), (11485, 11484, 11485, 11484),
        (11486, 11486, 11487, 11486), (11487, 11486, 11487, 11486), (11488, 11488, 11489, 11488), (11489, 11488, 11489, 11488),
        (11490, 11490, 11491, 11490), (11491, 11490, 11491, 11490), (11499, 11499, 11500, 11499), (11500, 11499, 11500, 11499),
        (11501, 11501, 11502, 11501), (11502, 11501, 11502, 11501), (11506, 11506, 11507, 11506), (11507, 11506, 11507, 11506),
        (11520, 4256, 11520, 4256), (11521, 4257, 11521, 4257), (11522, 4258, 11522, 4258), (11523, 4259, 11523, 4259),
        (11524, 4260, 11524, 4260), (11525, 4261, 11525, 4261), (11526, 4262, 11526, 4262), (11527, 4263, 11527, 4263),
        (11528, 4264, 11528, 4264), (11529, 4265, 11529, 4265), (11530, 4266, 11530, 4266), (11531, 4267, 11531, 4267),
        (11532, 4268, 11532, 4268), (11533, 4269, 11533, 4269), (11534, 4270, 11534, 4270), (11535, 4271, 11535, 4271),
        (11536, 4272, 11536, 4272), (11537, 4273, 11537, 4273), (11538, 4274, 11538, 4274), (11539, 4275, 11539, 4275),
        (11540, 4276, 11540, 4276), (11541, 4277, 11541, 4277), (11542, 4278, 11542, 4278), (11543, 4279, 11543, 4279),
        (11544, 4280, 11544, 4280), (11545, 4281, 11545, 4281), (11546, 4282, 11546, 4282), (11547, 4283, 11547, 4283),
        (11548, 4284, 11548, 4284), (11549, 4285, 11549, 4285), (11550, 4286, 11550, 4286), (11551, 4287, 11551, 4287),
        (11552, 4288, 11552, 4288), (11553, 4289, 11553, 4289), (11554, 4290, 11554, 4290), (11555, 4291, 11555, 4291),
        (11556, 4292, 11556, 4292), (11557, 4293, 11557, 4293), (11559, 4295, 11559, 4295), (11565, 4301, 11565, 4301),
        (42560, 42560, 42561, 42560), (42561, 42560, 42561, 42560), (42562, 42562, 42563, 42562), (42563, 42562, 42563, 42562),
        (42564, 42564, 42565, 42564), (42565, 42564, 42565, 42564), (42566, 42566, 42567, 42566), (42567, 42566, 42567, 42566),
        (42568, 42568, 42569, 42568), (42569, 42568, 42569, 42568), (42570, 42570, 42571, 42570), (42571, 42570, 42571, 42570),
        (42572, 42572, 42573, 42572), (42573, 42572, 42573, 42572), (42574, 42574, 42575, 42574), (42575, 42574, 42575, 42574),
        (42576, 42576, 42577, 42576), (42577, 42576, 42577, 42576), (42578, 42578, 42579, 42578), (42579, 42578, 42579, 42578),
        (42580, 42580, 42581, 42580), (42581, 42580, 42581, 42580), (42582, 42582, 42583, 42582), (42583, 42582, 42583, 42582),
        (42584, 42584, 42585, 42584), (42585, 42584, 42585, 42584), (42586, 42586, 42587, 42586), (42587, 42586, 42587, 42586),
        (42588, 42588, 42589, 42588), (42589, 42588, 42589, 42588), (42590, 42590, 42591, 42590), (42591, 42590, 42591, 42590),
        (42592, 42592, 42593, 42592), (42593, 42592, 42593, 42592), (42594, 42594, 42595, 42594), (42595, 42594, 42595, 42594),
        (42596, 42596, 42597, 42596), (42597, 42596, 42597, 42596), (42598, 42598, 42599, 42598), (42599, 42598, 42599, 42598),
        (42600, 42600, 42601, 42600), (42601, 42600, 42601, 42600), (42602, 42602, 42603, 42602), (42603, 42602, 42603, 42602),
        (42604, 42604, 42605, 42604), (42605, 42604, 42605, 42604), (42624, 42624, 42625, 42624), (42625, 42624, 42625, 42624),
        (42626, 42626, 42627, 42626), (42627, 42626, 42627, 42626), (42628, 42628, 42629, 42628), (42629, 42628, 42629, 42628),
        (42630, 42630, 42631, 42630), (42631, 42630, 42631, 42630), (42632, 42632, 42633, 42632), (42633, 42632, 42633, 42632),
        (42634, 42634, 42635, 42634), (42635, 42634, 42635, 42634), (42636, 42636, 42637, 42636), (42637, 42636, 42637, 42636),
        (42638, 42638, 42639, 42638), (42639, 42638, 42639, 42638), (42640, 42640, 42641, 42640), (42641, 42640, 42641, 42640),
        (42642, 42642, 42643, 42642), (42643, 42642, 42643, 42642), (42644, 42644, 42645, 42644), (42645, 42644, 42645, 42644),
        (42646, 42646, 42647, 42646), (42647, 42646, 42647, 42646), (42648, 42648, 42649, 42648), (42649, 42648, 42649, 42648),
        (42650, 42650, 42651, 42650), (42651, 42650, 42651, 42650), (42786, 42786, 42787, 42786), (42787, 42786, 42787, 42786),
        (42788, 42788, 42789, 42788), (42789, 42788, 42789, 42788), (42790, 42790, 42791, 42790), (42791, 42790, 42791, 42790),
        (42792, 42792, 42793, 42792), (42793, 42792, 42793, 42792), (42794, 42794, 42795, 42794), (42795, 42794, 42795, 42794),
        (42796, 42796, 42797, 42796), (42797, 42796, 42797, 42796), (42798, 42798, 42799, 42798), (42799, 42798, 42799, 42798),
        (42802, 42802, 42803, 42802), (42803, 42802, 42803, 42802), (42804, 42804, 42805, 42804), (42805, 42804, 42805, 42804),
        (42806, 42806, 42807, 42806), (42807, 42806, 42807, 42806), (42808, 42808, 42809, 42808), (42809, 42808, 42809, 42808),
        (42810, 42810, 42811, 42810), (42811, 42810, 42811, 42810), (42812, 42812, 42813, 42812), (42813, 42812, 42813, 42812),
        (42814, 42814, 42815, 42814), (42815, 42814, 42815, 42814), (42816, 42816, 42817, 42816), (42817, 42816, 42817, 42816),
        (42818, 42818, 42819, 42818), (42819, 42818, 42819, 42818), (42820, 42820, 42821, 42820), (42821, 42820, 42821, 42820),
        (42822, 42822, 42823, 42822), (42823, 42822, 42823, 42822), (42824, 42824, 42825, 42824), (42825, 42824, 42825, 42824),
        (42826, 42826, 42827, 42826), (42827, 42826, 42827, 42826), (42828, 42828, 42829, 42828), (42829, 42828, 42829, 42828),
        (42830, 42830, 42831, 42830), (42831, 42830, 42831, 42830), (42832, 42832, 42833, 42832), (42833, 42832, 42833, 42832),
        (42834, 42834, 42835, 42834), (42835, 42834, 42835, 42834), (42836, 42836, 42837, 42836), (42837, 42836, 42837, 42836),
        (42838, 42838, 42839, 42838), (42839, 42838, 42839, 42838), (42840, 42840, 42841, 42840), (42841, 42840, 42841, 42840),
        (42842, 42842, 42843, 42842), (42843, 42842, 42843, 42842), (42844, 42844, 42845, 42844), (42845, 42844, 42845, 42844),
        (42846, 42846, 42847, 42846), (42847, 42846, 42847, 42846), (42848, 42848, 42849, 42848), (42849, 42848, 42849, 42848),
        (42850, 42850, 42851, 42850), (42851, 42850, 42851, 42850), (42852, 42852, 42853, 42852), (42853, 42852, 42853, 42852),
        (42854, 42854, 42855, 42854), (42855, 42854, 42855, 42854), (42856, 42856, 42857, 42856), (42857, 42856, 42857, 42856),
        (42858, 42858, 42859, 42858), (42859, 42858, 42859, 42858), (42860, 42860, 42861, 42860), (42861, 42860, 42861, 42860),
        (42862, 42862, 42863, 42862), (42863, 42862, 42863, 42862), (42873, 42873, 42874, 42873), (42874, 42873, 42874, 42873),
        (42875, 42875, 42876, 42875), (42876, 42875, 42876, 42875), (42877, 42877, 7545, 42877), (42878, 42878, 42879, 42878),
        (42879, 42878, 42879, 42878), (42880, 42880, 42881, 42880), (42881, 42880, 42881, 42880), (42882, 42882, 42883, 42882),
        (42883, 42882, 42883, 42882), (42884, 42884, 42885, 42884), (42885, 42884, 42885, 42884), (42886, 42886, 42887, 42886),
        (42887, 42886, 42887, 42886), (42891, 42891, 42892, 42891), (42892, 42891, 42892, 42891), (42893, 42893, 613, 42893),
        (42896, 42896, 42897, 42896), (42897, 42896, 42897, 42896), (42898, 42898, 42899, 42898), (42899, 42898, 42899, 42898),
        (42900, 42948, 42900, 42948), (42902, 42902, 42903, 42902), (42903, 42902, 42903, 42902), (42904, 42904, 42905, 42904),
        (42905, 42904, 42905, 42904), (42906, 42906, 42907, 42906), (42907, 42906, 42907, 42906), (42908, 42908, 42909, 42908),
        (42909, 42908, 42909, 42908), (42910, 42910, 42911, 42910), (42911, 42910, 42911, 42910), (42912, 42912, 42913, 42912),
        (42913, 42912, 42913, 42912), (42914, 42914, 42915, 42914), (42915, 42914, 42915, 42914), (42916, 42916, 42917, 42916),
        (42917, 42916, 42917, 42916), (42918, 42918, 42919, 42918), (42919, 42918, 42919, 42918), (42920, 42920, 42921, 42920),
        (42921, 42920, 42921, 42920), (42922, 42922, 614, 42922), (42923, 42923, 604, 42923), (42924, 42924, 609, 42924),
        (42925, 42925, 620, 42925), (42926, 42926, 618, 42926), (42928, 42928, 670, 42928), (42929, 42929, 647, 42929),
        (42930, 42930, 669, 42930), (42931, 42931, 43859, 42931), (42932, 42932, 42933, 42932), (42933, 42932, 42933, 42932),
        (42934, 42934, 42935, 42934), (42935, 42934, 42935, 42934), (42936, 42936, 42937, 42936), (42937, 42936, 42937, 42936),
        (42938, 42938, 42939, 42938), (42939, 42938, 42939, 42938), (42940, 42940, 42941, 42940), (42941, 42940, 42941, 42940),
        (42942, 42942, 42943, 42942), (42943, 42942, 42943, 42942), (42944, 42944, 42945, 42944), (42945, 42944, 42945, 42944),
        (42946, 42946, 42947, 42946), (42947, 42946, 42947, 42946), (42948, 42948, 42900, 42948), (42949, 42949, 642, 42949),
        (42950, 42950, 7566, 42950), (42951, 42951, 42952, 42951), (42952, 42951, 42952, 42951), (42953, 42953, 42954, 42953),
        (42954, 42953, 42954, 42953), (42960, 42960, 42961, 42960), (42961, 42960, 42961, 42960), (42966, 42966, 42967, 42966),
        (42967, 42966, 42967, 42966), (42968, 42968, 42969, 42968), (42969, 42968, 42969, 42968), (42997, 42997, 42998, 42997),
        (42998, 42997, 42998, 42997), (43859, 42931, 43859, 42931), (43888, 5024, 43888, 5024), (43889, 5025, 43889, 5025),
        (43890, 5026, 43890, 5026), (43891, 5027, 43891, 5027), (43892, 5028, 43892, 5028), (43893, 5029, 43893, 5029),
        (43894, 5030, 43894, 5030), (43895, 5031, 43895, 5031), (43896, 5032, 43896, 5032), (43897, 5033, 43897, 5033),
        (43898, 5034, 43898, 5034), (43899, 5035, 43899, 5035), (43900, 5036, 43900, 5036), (43901, 5037, 43901, 5037),
        (43902, 5038, 43902, 5038), (43903, 5039, 43903, 5039), (43904, 5040, 43904, 5040), (43905, 5041, 43905, 5041),
        (43906, 5042, 43906, 5042), (43907, 5043, 43907, 5043), (43908, 5044, 43908, 5044), (43909, 5045, 43909, 5045),
        (43910, 5046, 43910, 5046), (43911, 5047, 43911, 5047), (43912, 5048, 43912, 5048), (43913, 5049, 43913, 5049),
        (43914, 5050, 43914, 5050), (43915, 5051, 43915, 5051), (43916, 5052, 43916, 5052), (43917, 5053, 43917, 5053),
        (43918, 5054, 43918, 5054), (43919, 5055, 43919, 5055), (43920, 5056, 43920, 5056), (43921, 5057, 43921, 5057),
        (43922, 5058, 43922, 5058), (43923, 5059, 43923, 5059), (43924, 5060, 43924, 5060), (43925, 5061, 43925, 5061),
        (43926, 5062, 43926, 5062), (43927, 5063, 43927, 5063), (43928, 5064, 43928, 5064), (43929, 5065, 43929, 5065),
        (43930, 5066, 43930, 5066), (43931, 5067, 43931, 5067), (43932, 5068, 43932, 5068), (43933, 5069, 43933, 5069),
        (43934, 5070, 43934, 5070), (43935, 5071, 43935, 5071), (43936, 5072, 43936, 5072), (43937, 5073, 43937, 5073),
        (43938, 5074, 43938, 5074), (43939, 5075, 43939, 5075), (43940, 5076, 43940, 5076), (43941, 5077, 43941, 5077),
        (43942, 5078, 43942, 5078), (43943, 5079, 43943, 5079), (43944, 5080, 43944, 5080), (43945, 5081, 43945, 5081),
        (43946, 5082, 43946, 5082), (43947, 5083, 43947, 5083), (43948, 5084, 43948, 5084), (43949, 5085, 43949, 5085),
        (43950, 5086, 43950, 5086), (43951, 5087, 43951, 5087), (43952, 5088, 43952, 5088), (43953, 5089, 43953, 5089),
        (43954, 5090, 43954, 5090), (43955, 5091, 43955, 5091), (43956, 5092, 43956, 5092), (43957, 5093, 43957, 5093),
        (43958, 5094, 43958, 5094), (43959, 5095, 43959, 5095), (43960, 5096, 43960, 5096), (43961, 5097, 43961, 5097),
        (43962, 5098, 43962, 5098), (43963, 5099, 43963, 5099), (43964, 5100, 43964, 5100), (43965, 5101, 43965, 5101),
        (43966, 5102, 43966, 5102), (43967, 5103, 43967, 5103), (65313, 65313, 65345, 65313), (65314, 65314, 65346, 65314),
        (65315, 65315, 65347, 65315), (65316, 65316, 65348, 65316), (65317, 65317, 65349, 65317), (65318, 65318, 65350, 65318),
        (65319, 65319, 65351, 65319), (65320, 65320, 65352, 65320), (65321, 65321, 65353, 65321), (65322, 65322, 65354, 65322),
        (65323, 65323, 65355, 65323), (65324, 65324, 65356, 65324), (65325, 65325, 65357, 65325), (65326, 65326, 65358, 65326),
        (65327, 65327, 65359, 65327), (65328, 65328, 65360, 65328), (65329, 65329, 65361, 65329), (65330, 65330, 65362, 65330),
        (65331, 65331, 65363, 65331), (65332, 65332, 65364, 65332), (65333, 65333, 65365, 65333), (65334, 65334, 65366, 65334),
        (65335, 65335, 65367, 65335), (65336, 65336, 65368, 65336), (65337, 65337, 65369, 65337), (65338, 65338, 65370, 65338),
        (65345, 65313, 65345, 65313), (65346, 65314, 65346, 65314), (65347, 65315, 65347, 65315), (65348, 65316, 65348, 65316),
        (65349, 65317, 65349, 65317), (65350, 65318, 65350, 65318), (65351, 65319, 65351, 65319), (65352, 65320, 65352, 65320),
        (65353, 65321, 65353, 65321), (65354, 65322, 65354, 65322), (65355, 65323, 65355, 65323), (65356, 65324, 65356, 65324),
        (65357, 65325, 65357, 65325), (65358, 65326, 65358, 65326), (65359, 65327, 65359, 65327), (65360, 65328, 65360, 65328),
        (65361, 65329, 65361, 65329), (65362, 65330, 65362, 65330), (65363, 65331, 65363, 65331), (65364, 65332, 65364, 65332),
        (65365, 65333, 65365, 65333), (65366, 65334, 65366, 65334), (65367, 65335, 65367, 65335), (65368, 65336, 65368, 65336),
        (65369, 65337, 65369, 65337), (65370, 65338, 65370, 65338), (66560, 66560, 66600, 66560), (66561, 66561, 66601, 66561),
        (66562, 66562, 66602, 66562), (66563, 66563, 66603, 66563), (66564, 66564, 66604, 66564), (66565, 66565, 66605, 66565),
        (66566, 66566, 66606, 66566), (66567, 66567, 66607, 66567), (66568, 66568, 66608, 66568), (66569, 66569, 66609, 66569),
        (66570, 66570, 66610, 66570), (66571, 66571, 66611, 66571), (66572, 66572, 66612, 66572), (66573, 66573, 66613, 66573),
        (66574, 66574, 66614, 66574), (66575, 66575, 66615, 66575), (66576, 66576, 66616, 66576), (66577, 66577, 66617, 66577),
        (66578, 66578, 66618, 66578), (66579, 66579, 66619, 66579), (66580, 66580, 66620, 66580), (66581, 66581, 66621, 66581),
        (66582, 66582, 66622, 66582), (66583, 66583, 66623, 66583), (66584, 66584, 66624, 66584), (66585, 66585, 66625, 66585),
        (66586, 66586, 66626, 66586), (66587, 66587, 66627, 66587), (66588, 66588, 66628, 66588), (66589, 66589, 66629, 66589),
        (66590, 66590, 66630, 66590), (66591, 66591, 66631, 66591), (66592, 66592, 66632, 66592), (66593, 66593, 66633, 66593),
        (66594, 66594, 66634, 66594), (66595, 66595, 66635, 66595), (66596, 66596, 66636, 66596), (66597, 66597, 66637, 66597),
        (66598, 66598, 66638, 66598), (66599, 66599, 66639, 66599), (66600, 66560, 66600, 66560), (66601, 66561, 66601, 66561),
        (66602, 66562, 66602, 66562), (66603, 66563, 66603, 66563), (66604, 66564, 66604, 66564), (66605, 66565, 66605, 66565),
        (66606, 66566, 66606, 66566), (66607, 66567, 66607, 66567), (66608, 66568, 66608, 66568), (66609, 66569, 66609, 66569),
        (66610, 66570, 66610, 66570), (66611, 66571, 66611, 66571), (66612, 66572, 66612, 66572), (66613, 66573, 66613, 66573),
        (66614, 66574, 66614, 66574), (66615, 66575, 66615, 66575), (66616, 66576, 66616, 66576), (66617, 66577, 66617, 66577),
        (66618, 66578, 66618, 66578), (66619, 66579, 66619, 66579), (66620, 66580, 66620, 66580), (66621, 66581, 66621, 66581),
        (66622, 66582, 66622, 66582), (66623, 66583, 66623, 66583), (66624, 66584, 66624, 66584), (66625, 66585, 66625, 66585),
        (66626, 66586, 66626, 66586), (66627, 66587, 66627, 66587), (66628, 66588, 66628, 66588), (66629, 66589, 66629, 66589),
        (66630, 66590, 66630, 66590), (66631, 66591, 66631, 66591), (66632, 66592, 66632, 66592), (66633, 66593, 66633, 66593),
        (66634, 66594, 66634, 66594), (66635, 66595, 66635, 66595), (66636, 66596, 66636, 66596), (66637, 66597, 66637, 66597),
        (66638, 66598, 66638, 66598), (66639, 66599, 66639, 66599), (66736, 66736, 66776, 66736), (66737, 66737, 66777, 66737),
        (66738, 66738, 66778, 66738), (66739, 66739, 66779, 66739), (66740, 66740, 66780, 66740), (66741, 66741, 66781, 66741),
        (66742, 66742, 66782, 66742), (66743, 66743, 66783, 66743), (66744, 66744, 66784, 66744), (66745, 66745, 66785, 66745),
        (66746, 66746, 66786, 66746), (66747, 66747, 66787, 66747), (66748, 66748, 66788, 66748), (66749, 66749, 66789, 66749),
        (66750, 66750, 66790, 66750), (66751, 66751, 66791, 66751), (66752, 66752, 66792, 66752), (66753, 66753, 66793, 66753),
        (66754, 66754, 66794, 66754), (66755, 66755, 66795, 66755), (66756, 66756, 66796, 66756), (66757, 66757, 66797, 66757),
        (66758, 66758, 66798, 66758), (66759, 66759, 66799, 66759), (66760, 66760, 66800, 66760), (66761, 66761, 66801, 66761),
        (66762, 66762, 66802, 66762), (66763, 66763, 66803, 66763), (66764, 66764, 66804, 66764), (66765, 66765, 66805, 66765),
        (66766, 66766, 66806, 66766), (66767, 66767, 66807, 66767), (66768, 66768, 66808, 66768), (66769, 66769, 66809, 66769),
        (66770, 66770, 66810, 66770), (66771, 66771, 66811, 66771), (66776, 66736, 66776, 66736), (66777, 66737, 66777, 66737),
        (66778, 66738, 66778, 66738), (66779, 66739, 66779, 66739), (66780, 66740, 66780, 66740), (66781, 66741, 66781, 66741),
        (66782, 66742, 66782, 66742), (66783, 66743, 66783, 66743), (66784, 66744, 66784, 66744), (66785, 66745, 66785, 66745),
        (66786, 66746, 66786, 66746), (66787, 66747, 66787, 66747), (66788, 66748, 66788, 66748), (66789, 66749, 66789, 66749),
        (66790, 66750, 66790, 66750), (66791, 66751, 66791, 66751), (66792, 66752, 66792, 66752), (66793, 66753, 66793, 66753),
        (66794, 66754, 66794, 66754), (66795, 66755, 66795, 66755), (66796, 66756, 66796, 66756), (66797, 66757, 66797, 66757),
        (66798, 66758, 66798, 66758), (66799, 66759, 66799, 66759), (66800, 66760, 66800, 66760), (66801, 66761, 66801, 66761),
        (66802, 66762, 66802, 66762), (66803, 66763, 66803, 66763), (66804, 66764, 66804, 66764), (66805, 66765, 66805, 66765),
        (66806, 66766, 66806, 66766), (66807, 66767, 66807, 66767), (66808, 66768, 66808, 66768), (66809, 66769, 66809, 66769),
        (66810, 66770, 66810, 66770), (66811, 66771, 66811, 66771), (66928, 66928, 66967, 66928), (66929, 66929, 66968, 66929),
        (66930, 66930, 66969, 66930), (66931, 66931, 66970, 66931), (66932, 66932, 66971, 66932), (66933, 66933, 66972, 66933),
        (66934, 66934, 66973, 66934), (66935, 66935, 66974, 66935), (66936, 66936, 66975, 66936), (66937, 66937, 66976, 66937),
        (66938, 66938, 66977, 66938), (66940, 66940, 66979, 66940), (66941, 66941, 66980, 66941), (66942, 66942, 66981, 66942),
        (66943, 66943, 66982, 66943), (66944, 66944, 66983, 66944), (66945, 66945, 66984, 66945), (66946, 66946, 66985, 66946),
        (66947, 66947, 66986, 66947), (66948, 66948, 66987, 66948), (66949, 66949, 66988, 66949), (66950, 66950, 66989, 66950),
        (66951, 66951, 66990, 66951), (66952, 66952, 66991, 66952), (66953, 66953, 66992, 66953), (66954, 66954, 66993, 66954),
        (66956, 66956, 66995, 66956), (66957, 66957, 66996, 66957), (66958, 66958, 66997, 66958), (66959, 66959, 66998, 66959),
        (66960, 66960, 66999, 66960), (66961, 66961, 67000, 66961), (66962, 66962, 67001, 66962), (66964, 66964, 67003, 66964),
        (66965, 66965, 67004, 66965), (66967, 66928, 66967, 66928), (66968, 66929, 66968, 66929), (66969, 66930, 66969, 66930),
        (66970, 66931, 66970, 66931), (66971, 66932, 66971, 66932), (66972, 66933, 66972, 66933), (66973, 66934, 66973, 66934),
        (66974, 66935, 66974, 66935), (66975, 66936, 66975, 66936), (66976, 66937, 66976, 66937), (66977, 66938, 66977, 66938),
        (66979, 66940, 66979, 66940), (66980, 66941, 66980, 66941), (66981, 66942, 66981, 66942), (66982, 66943, 66982, 66943),
        (66983, 66944, 66983, 66944), (66984, 66945, 66984, 66945), (66985, 66946, 66985, 66946), (66986, 66947, 66986, 66947),
        (66987, 66948, 66987, 66948), (66988, 66949, 66988, 66949), (66989, 66950, 66989, 66950), (66990, 66951, 66990, 66951),
        (66991, 66952, 66991, 66952), (66992, 66953, 66992, 66953), (66993, 66954, 66993, 66954), (66995, 66956, 66995, 66956),
        (66996, 66957, 66996, 66957), (66997, 66958, 66997, 66958), (66998, 66959, 66998, 66959), (66999, 66960, 66999, 66960),
        (67000, 66961, 67000, 66961), (67001, 66962, 67001, 66962), (67003, 66964, 67003, 66964), (67004, 66965, 67004, 66965),
        (68736, 68736, 68800, 68736), (68737, 68737, 68801, 68737), (68738, 68738, 68802, 68738), (68739, 68739, 68803, 68739),
        (68740, 68740, 68804, 68740), (68741, 68741, 68805, 68741), (68742, 68742, 68806, 68742), (68743, 68743, 68807, 68743),
        (68744, 68744, 68808, 68744), (68745, 68745, 68809, 68745), (68746, 68746, 68810, 68746), (68747, 68747, 68811, 68747),
        (68748, 68748, 68812, 68748), (68749, 68749, 68813, 68749), (68750, 68750, 68814, 68750), (68751, 68751, 68815, 68751),
        (68752, 68752, 68816, 68752), (68753, 68753, 68817, 68753), (68754, 68754, 68818, 68754), (68755, 68755, 68819, 68755),
        (68756, 68756, 68820, 68756), (68757, 68757, 68821, 68757), (68758, 68758, 68822, 68758), (68759, 68759, 68823, 68759),
        (68760, 68760, 68824, 68760), (68761, 68761, 68825, 68761), (68762, 68762, 68826, 68762), (68763, 68763, 68827, 68763),
        (68764, 68764, 68828, 68764), (68765, 68765, 68829, 68765), (68766, 68766, 68830, 68766), (68767, 68767, 68831, 68767),
        (68768, 68768, 68832, 68768), (68769, 68769, 68833, 68769), (68770, 68770, 68834, 68770), (68771, 68771, 68835, 68771),
        (68772, 68772, 68836, 68772), (68773, 68773, 68837, 68773), (68774, 68774, 68838, 68774), (68775, 68775, 68839, 68775),
        (68776, 68776, 68840, 68776), (68777, 68777, 68841, 68777), (68778, 68778, 68842, 68778), (68779, 68779, 68843, 68779),
        (68780, 68780, 68844, 68780), (68781, 68781, 68845, 68781), (68782, 68782, 68846, 68782), (68783, 68783, 68847, 68783),
        (68784, 68784, 68848, 68784), (68785, 68785, 68849, 68785), (68786, 68786, 68850, 68786), (68800, 68736, 68800, 68736),
        (68801, 68737, 68801, 68737), (68802, 68738, 68802, 68738), (68803, 68739, 68803, 68739), (68804, 68740, 68804, 68740),
        (68805, 68741, 68805, 68741), (68806, 68742, 68806, 68742), (68807, 68743, 68807, 68743), (68808, 68744, 68808, 68744),
        (68809, 68745, 68809, 68745), (68810, 68746, 68810, 68746), (68811, 68747, 68811, 68747), (68812, 68748, 68812, 68748),
        (68813, 68749, 68813, 68749), (68814, 68750, 68814, 68750), (68815, 68751, 68815, 68751), (68816, 68752, 68816, 68752),
        (68817, 68753, 68817, 68753), (68818, 68754, 68818, 68754), (68819, 68755, 68819, 68755), (68820, 68756, 68820, 68756),
        (68821, 68757, 68821, 68757), (68822, 68758, 68822, 68758), (68823, 68759, 68823, 68759), (68824, 68760, 68824, 68760),
        (68825, 68761, 68825, 68761), (68826, 68762, 68826, 68762), (68827, 68763, 68827, 68763), (68828, 68764, 68828, 68764),
        (68829, 68765, 68829, 68765), (68830, 68766, 68830, 68766), (68831, 68767, 68831, 68767), (68832, 68768, 68832, 68768),
        (68833, 68769, 68833, 68769), (68834, 68770, 68834, 68770), (68835, 68771, 68835, 68771), (68836, 68772, 68836, 68772),
        (68837, 68773, 68837, 68773), (68838, 68774, 68838, 68774), (68839, 68775, 68839, 68775), (68840, 68776, 68840, 68776),
        (68841, 68777, 68841, 68777), (68842, 68778, 68842, 68778), (68843, 68779, 68843, 68779), (68844, 68780, 68844, 68780),
        (68845, 68781, 68845, 68781), (68846, 68782, 68846, 68782), (68847, 68783, 68847, 68783), (68848, 68784, 68848, 68784),
        (68849, 68785, 68849, 68785), (68850, 68786, 68850, 68786), (71840, 71840, 71872, 71840), (71841, 71841, 71873, 71841),
        (71842, 71842, 71874, 71842), (71843, 71843, 71875, 71843), (71844, 71844, 71876, 71844), (71845, 71845, 71877, 71845),
        (71846, 71846, 71878, 71846), (71847, 71847, 71879, 71847), (71848, 71848, 71880, 71848), (71849, 71849, 71881, 71849),
        (71850, 71850, 71882, 71850), (71851, 71851, 71883, 71851), (71852, 71852, 71884, 71852), (71853, 71853, 71885, 71853),
        (71854, 71854, 71886, 71854), (71855, 71855, 71887, 71855), (71856, 71856, 71888, 71856), (71857, 71857, 71889, 71857),
        (71858, 71858, 71890, 71858), (71859, 71859, 71891, 71859), (71860, 71860, 71892, 71860), (71861, 71861, 71893, 71861),
        (71862, 71862, 71894, 71862), (71863, 71863, 71895, 71863), (71864, 71864, 71896, 71864), (71865, 71865, 71897, 71865),
        (71866, 71866, 71898, 71866), (71867, 71867, 71899, 71867), (71868, 71868, 71900, 71868), (71869, 71869, 71901, 71869),
        (71870, 71870, 71902, 71870), (71871, 71871, 71903, 71871), (71872, 71840, 71872, 71840), (71873, 71841, 71873, 71841),
        (71874, 71842, 71874, 71842), (71875, 71843, 71875, 71843), (71876, 71844, 71876, 71844), (71877, 71845, 71877, 71845),
        (71878, 71846, 71878, 71846), (71879, 71847, 71879, 71847), (71880, 71848, 71880, 71848), (71881, 71849, 71881, 71849),
        (71882, 71850, 71882, 71850), (71883, 71851, 71883, 71851), (71884, 71852, 71884, 71852), (71885, 71853, 71885, 71853),
        (71886, 71854, 71886, 71854), (71887, 71855, 71887, 71855), (71888, 71856, 71888, 71856), (71889, 71857, 71889, 71857),
        (71890, 71858, 71890, 71858), (71891, 71859, 71891, 71859), (71892, 71860, 71892, 71860), (71893, 71861, 71893, 71861),
        (71894, 71862, 71894, 71862), (71895, 71863, 71895, 71863), (71896, 71864, 71896, 71864), (71897, 71865, 71897, 71865),
        (71898, 71866, 71898, 71866), (71899, 71867, 71899, 71867), (71900, 71868, 71900, 71868), (71901, 71869, 71901, 71869),
        (71902, 71870, 71902, 71870), (71903, 71871, 71903, 71871), (93760, 93760, 93792, 93760), (93761, 93761, 93793, 93761),
        (93762, 93762, 93794, 93762), (93763, 93763, 93795, 93763), (93764, 93764, 93796, 93764), (93765, 93765, 93797, 93765),
        (93766, 93766, 93798, 93766), (93767, 93767, 93799, 93767), (93768, 93768, 93800, 93768), (93769, 93769, 93801, 93769),
        (93770, 93770, 93802, 93770), (93771, 93771, 93803, 93771), (93772, 93772, 93804, 93772), (93773, 93773, 93805, 93773),
        (93774, 93774, 93806, 93774), (93775, 93775, 93807, 93775), (93776, 93776, 93808, 93776), (93777, 93777, 93809, 93777),
        (93778, 93778, 93810, 93778), (93779, 93779, 93811, 93779), (93780, 93780, 93812, 93780), (93781, 93781, 93813, 93781),
        (93782, 93782, 93814, 93782), (93783, 93783, 93815, 93783), (93784, 93784, 93816, 93784), (93785, 93785, 93817, 93785),
        (93786, 93786, 93818, 93786), (93787, 93787, 93819, 93787), (93788, 93788, 93820, 93788), (93789, 93789, 93821, 93789),
        (93790, 93790, 93822, 93790), (93791, 93791, 93823, 93791), (93792, 93760, 93792, 93760), (93793, 93761, 93793, 93761),
        (93794, 93762, 93794, 93762), (93795, 93763, 93795, 93763), (93796, 93764, 93796, 93764), (93797, 93765, 93797, 93765),
        (93798, 93766, 93798, 93766), (93799, 93767, 93799, 93767), (93800, 93768, 93800, 93768), (93801, 93769, 93801, 93769),
        (93802, 93770, 93802, 93770), (93803, 93771, 93803, 93771), (93804, 93772, 93804, 93772), (93805, 93773, 93805, 93773),
        (93806, 93774, 93806, 93774), (93807, 93775, 93807, 93775), (93808, 93776, 93808, 93776), (93809, 93777, 93809, 93777),
        (93810, 93778, 93810, 93778), (93811, 93779, 93811, 93779), (93812, 93780, 93812, 93780), (93813, 93781, 93813, 93781),
        (93814, 93782, 93814, 93782), (93815, 93783, 93815, 93783), (93816, 93784, 93816, 93784), (93817, 93785, 93817, 93785),
        (93818, 93786, 93818, 93786), (93819, 93787, 93819, 93787), (93820, 93788, 93820, 93788), (93821, 93789, 93821, 93789),
        (93822, 93790, 93822, 93790), (93823, 93791, 93823, 93791), (125184, 125184, 125218, 125184), (125185, 125185, 125219, 125185),
        (125186, 125186, 125220, 125186), (125187, 125187, 125221, 125187), (125188, 125188, 125222, 125188), (125189, 125189, 125223, 125189),
        (125190, 125190, 125224, 125190), (125191, 125191, 125225, 125191), (125192, 125192, 125226, 125192), (125193, 125193, 125227, 125193),
        (125194, 125194, 125228, 125194), (125195, 125195, 125229, 125195), (125196, 125196, 125230, 125196), (125197, 125197, 125231, 125197),
        (125198, 125198, 125232, 125198), (125199, 125199, 125233, 125199), (125200, 125200, 125234, 125200), (125201, 125201, 125235, 125201),
        (125202, 125202, 125236, 125202), (125203, 125203, 125237, 125203), (125204, 125204, 125238, 125204), (125205, 125205, 125239, 125205),
        (125206, 125206, 125240, 125206), (125207, 125207, 125241, 125207), (125208, 125208, 125242, 125208), (125209, 125209, 125243, 125209),
        (125210, 125210, 125244, 125210), (125211, 125211, 125245, 125211), (125212, 125212, 125246, 125212), (125213, 125213, 125247, 125213),
        (125214, 125214, 125248, 125214), (125215, 125215, 125249, 125215), (125216, 125216, 125250, 125216), (125217, 125217, 125251, 125217),
        (125218, 125184, 125218, 125184), (125219, 125185, 125219, 125185), (125220, 125186, 125220, 125186), (125221, 125187, 125221, 125187),
        (125222, 125188, 125222, 125188), (125223, 125189, 125223, 125189), (125224, 125190, 125224, 125190), (125225, 125191, 125225, 125191),
        (125226, 125192, 125226, 125192), (125227, 125193, 125227, 125193), (125228, 125194, 125228, 125194), (125229, 125195, 125229, 125195),
        (125230, 125196, 125230, 125196), (125231, 125197, 125231, 125197), (125232, 125198, 125232, 125198), (125233, 125199, 125233, 125199),
        (125234, 125200, 125234, 125200), (125235, 125201, 125235, 125201), (125236, 125202, 125236, 125202), (125237, 125203, 125237, 125203),
        (125238, 125204, 125238, 125204), (125239, 125205, 125239, 125205), (125240, 125206, 125240, 125206), (125241, 125207, 125241, 125207),
        (125242, 125208, 125242, 125208), (125243, 125209, 125243, 125209), (125244, 125210, 125244, 125210), (125245, 125211, 125245, 125211),
        (125246, 125212, 125246, 125212), (125247, 125213, 125247, 125213), (125248, 125214, 125248, 125214), (125249, 125215, 125249, 125215),
        (125250, 125216, 125250, 125216), (125251, 125217, 125251, 125217),
    ];
    /// Unconditional special upcasing (`special-uppercase`).
    pub(super) static SPECIAL_UP: &[(u32, &str)] = &[
        (223, "\u{53}\u{53}"),
        (329, "\u{2bc}\u{4e}"),
        (496, "\u{4a}\u{30c}"),
        (912, "\u{399}\u{308}\u{301}"),
        (944, "\u{3a5}\u{308}\u{301}"),
        (1415, "\u{535}\u{552}"),
        (7830, "\u{48}\u{331}"),
        (7831, "\u{54}\u{308}"),
        (7832, "\u{57}\u{30a}"),
        (7833, "\u{59}\u{30a}"),
        (7834, "\u{41}\u{2be}"),
        (8016, "\u{3a5}\u{313}"),
        (8018, "\u{3a5}\u{313}\u{300}"),
        (8020, "\u{3a5}\u{313}\u{301}"),
        (8022, "\u{3a5}\u{313}\u{342}"),
        (8064, "\u{1f08}\u{399}"),
        (8065, "\u{1f09}\u{399}"),
        (8066, "\u{1f0a}\u{399}"),
        (8067, "\u{1f0b}\u{399}"),
        (8068, "\u{1f0c}\u{399}"),
        (8069, "\u{1f0d}\u{399}"),
        (8070, "\u{1f0e}\u{399}"),
        (8071, "\u{1f0f}\u{399}"),
        (8072, "\u{1f08}\u{399}"),
        (8073, "\u{1f09}\u{399}"),
        (8074, "\u{1f0a}\u{399}"),
        (8075, "\u{1f0b}\u{399}"),
        (8076, "\u{1f0c}\u{399}"),
        (8077, "\u{1f0d}\u{399}"),
        (8078, "\u{1f0e}\u{399}"),
        (8079, "\u{1f0f}\u{399}"),
        (8080, "\u{1f28}\u{399}"),
        (8081, "\u{1f29}\u{399}"),
        (8082, "\u{1f2a}\u{399}"),
        (8083, "\u{1f2b}\u{399}"),
        (8084, "\u{1f2c}\u{399}"),
        (8085, "\u{1f2d}\u{399}"),
        (8086, "\u{1f2e}\u{399}"),
        (8087, "\u{1f2f}\u{399}"),
        (8088, "\u{1f28}\u{399}"),
        (8089, "\u{1f29}\u{399}"),
        (8090, "\u{1f2a}\u{399}"),
        (8091, "\u{1f2b}\u{399}"),
        (8092, "\u{1f2c}\u{399}"),
        (8093, "\u{1f2d}\u{399}"),
        (8094, "\u{1f2e}\u{399}"),
        (8095, "\u{1f2f}\u{399}"),
        (8096, "\u{1f68}\u{399}"),
        (8097, "\u{1f69}\u{399}"),
        (8098, "\u{1f6a}\u{399}"),
        (8099, "\u{1f6b}\u{399}"),
        (8100, "\u{1f6c}\u{399}"),
        (8101, "\u{1f6d}\u{399}"),
        (8102, "\u{1f6e}\u{399}"),
        (8103, "\u{1f6f}\u{399}"),
        (8104, "\u{1f68}\u{399}"),
        (8105, "\u{1f69}\u{399}"),
        (8106, "\u{1f6a}\u{399}"),
        (8107, "\u{1f6b}\u{399}"),
        (8108, "\u{1f6c}\u{399}"),
        (8109, "\u{1f6d}\u{399}"),
        (8110, "\u{1f6e}\u{399}"),
        (8111, "\u{1f6f}\u{399}"),
        (8114, "\u{1fba}\u{399}"),
        (8115, "\u{391}\u{399}"),
        (8116, "\u{386}\u{399}"),
        (8118, "\u{391}\u{342}"),
        (8119, "\u{391}\u{342}\u{399}"),
        (8124, "\u{391}\u{399}"),
        (8130, "\u{1fca}\u{399}"),
        (8131, "\u{397}\u{399}"),
        (8132, "\u{389}\u{399}"),
        (8134, "\u{397}\u{342}"),
        (8135, "\u{397}\u{342}\u{399}"),
        (8140, "\u{397}\u{399}"),
        (8146, "\u{399}\u{308}\u{300}"),
        (8147, "\u{399}\u{308}\u{301}"),
        (8150, "\u{399}\u{342}"),
        (8151, "\u{399}\u{308}\u{342}"),
        (8162, "\u{3a5}\u{308}\u{300}"),
        (8163, "\u{3a5}\u{308}\u{301}"),
        (8164, "\u{3a1}\u{313}"),
        (8166, "\u{3a5}\u{342}"),
        (8167, "\u{3a5}\u{308}\u{342}"),
        (8178, "\u{1ffa}\u{399}"),
        (8179, "\u{3a9}\u{399}"),
        (8180, "\u{38f}\u{399}"),
        (8182, "\u{3a9}\u{342}"),
        (8183, "\u{3a9}\u{342}\u{399}"),
        (8188, "\u{3a9}\u{399}"),
        (64256, "\u{46}\u{46}"),
        (64257, "\u{46}\u{49}"),
        (64258, "\u{46}\u{4c}"),
        (64259, "\u{46}\u{46}\u{49}"),
        (64260, "\u{46}\u{46}\u{4c}"),
        (64261, "\u{53}\u{54}"),
        (64262, "\u{53}\u{54}"),
        (64275, "\u{544}\u{546}"),
        (64276, "\u{544}\u{535}"),
        (64277, "\u{544}\u{53b}"),
        (64278, "\u{54e}\u{546}"),
        (64279, "\u{544}\u{53d}"),
    ];
    /// Unconditional special downcasing (`special-lowercase`).
    pub(super) static SPECIAL_DOWN: &[(u32, &str)] = &[
        (304, "\u{69}\u{307}"),
    ];
    /// Unconditional special titlecasing (`special-titlecase`).
    pub(super) static SPECIAL_TITLE: &[(u32, &str)] = &[
        (223, "\u{53}\u{73}"),
        (329, "\u{2bc}\u{4e}"),
        (496, "\u{4a}\u{30c}"),
        (912, "\u{399}\u{308}\u{301}"),
        (944, "\u{3a5}\u{308}\u{301}"),
        (1415, "\u{535}\u{582}"),
        (7830, "\u{48}\u{331}"),
        (7831, "\u{54}\u{308}"),
        (7832, "\u{57}\u{30a}"),
        (7833, "\u{59}\u{30a}"),
        (7834, "\u{41}\u{2be}"),
        (8016, "\u{3a5}\u{313}"),
        (8018, "\u{3a5}\u{313}\u{300}"),
        (8020, "\u{3a5}\u{313}\u{301}"),
        (8022, "\u{3a5}\u{313}\u{342}"),
        (8114, "\u{1fba}\u{345}"),
        (8116, "\u{386}\u{345}"),
        (8118, "\u{391}\u{342}"),
        (8119, "\u{391}\u{342}\u{345}"),
        (8130, "\u{1fca}\u{345}"),
        (8132, "\u{389}\u{345}"),
        (8134, "\u{397}\u{342}"),
        (8135, "\u{397}\u{342}\u{345}"),
        (8146, "\u{399}\u{308}\u{300}"),
        (8147, "\u{399}\u{308}\u{301}"),
        (8150, "\u{399}\u{342}"),
        (8151, "\u{399}\u{308}\u{342}"),
        (8162, "\u{3a5}\u{308}\u{300}"),
        (8163, "\u{3a5}\u{308}\u{301}"),
        (8164, "\u{3a1}\u{313}"),
        (8166, "\u{3a5}\u{342}"),
        (8167, "\u{3a5}\u{308}\u{342}"),
        (8178, "\u{1ffa}\u{345}"),
        (8180, "\u{38f}\u{345}"),
        (8182, "\u{3a9}\u{342}"),
        (8183, "\u{3a9}\u{342}\u{345}"),
        (64256, "\u{46}\u{66}"),
        (64257, "\u{46}\u{69}"),
        (64258, "\u{46}\u{6c}"),
        (64259, "\u{46}\u{66}\u{69}"),
        (64260, "\u{46}\u{66}\u{6c}"),
        (64261, "\u{53}\u{74}"),
        (64262, "\u{53}\u{74}"),
        (64275, "\u{544}\u{576}"),
        (64276, "\u{544}\u{565}"),
        (64277, "\u{544}\u{56b}"),
        (64278, "\u{54e}\u{576}"),
        (64279, "\u{544}\u{56d}"),
    ];
    /// Syntax classes of the `*scratch*` buffer (lisp-interaction-mode) that
    /// batch scripts run in: inclusive ranges with Emacs's class character.
    pub(super) static SYNTAX: &[(u32, u32, u8)] = &[
        (0, 8, b'_'), (9, 9, b' '), (10, 10, b'>'), (11, 11, b'_'), (12, 12, b' '),
        (13, 31, b'_'), (32, 32, b' '), (33, 33, b'_'), (34, 34, b'"'), (35, 35, b'\''),
        (36, 38, b'_'), (39, 39, b'\''), (40, 40, b'('), (41, 41, b')'), (42, 43, b'_'),
        (44, 44, b'\''), (45, 47, b'_'), (48, 57, b'w'), (58, 58, b'_'), (59, 59, b'<'),
        (60, 64, b'_'), (65, 90, b'w'), (91, 91, b'('), (92, 92, b'\\'), (93, 93, b')'),
        (94, 95, b'_'), (96, 96, b'\''), (97, 122, b'w'), (123, 127, b'_'), (128, 159, b'w'),
        (160, 160, b' '), (161, 161, b'.'), (162, 164, b'_'), (165, 165, b'w'), (166, 166, b'_'),
        (167, 167, b'.'), (168, 170, b'_'), (171, 171, b'.'), (172, 177, b'_'), (178, 179, b'w'),
        (180, 180, b'_'), (181, 181, b'w'), (182, 184, b'_'), (185, 185, b'w'), (186, 186, b'_'),
        (187, 187, b'.'), (188, 190, b'_'), (191, 191, b'.'), (192, 214, b'w'), (215, 215, b'_'),
        (216, 246, b'w'), (247, 247, b'_'), (248, 710, b'w'), (711, 711, b'_'), (712, 712, b'w'),
        (713, 713, b'_'), (714, 719, b'w'), (720, 720, b'_'), (721, 727, b'w'), (728, 731, b'_'),
        (732, 732, b'w'), (733, 733, b'_'), (734, 899, b'w'), (900, 901, b'_'), (902, 1469, b'w'),
        (1470, 1470, b'.'), (1471, 1471, b'w'), (1472, 1472, b'.'), (1473, 1474, b'w'), (1475, 1475, b'.'),
        (1476, 1477, b'w'), (1478, 1478, b'.'), (1479, 1522, b'w'), (1523, 1524, b'.'), (1525, 3630, b'w'),
        (3631, 3631, b'_'), (3632, 3646, b'w'), (3647, 3647, b'_'), (3648, 3653, b'w'), (3654, 3654, b'_'),
        (3655, 3662, b'w'), (3663, 3663, b'_'), (3664, 3673, b'w'), (3674, 3675, b'_'), (3676, 3758, b'w'),
        (3759, 3759, b'_'), (3760, 3781, b'w'), (3782, 3782, b'_'), (3783, 3839, b'w'), (3840, 3851, b'.'),
        (3852, 3852, b'w'), (3853, 3864, b'.'), (3865, 3865, b'w'), (3866, 3871, b'.'), (3872, 3891, b'w'),
        (3892, 3892, b'.'), (3893, 3893, b'w'), (3894, 3894, b'.'), (3895, 3895, b'w'), (3896, 3903, b'.'),
        (3904, 3966, b'w'), (3967, 3967, b'.'), (3968, 3972, b'w'), (3973, 3973, b'.'), (3974, 4029, b'w'),
        (4030, 4047, b'.'), (4048, 4960, b'w'), (4961, 4968, b'.'), (4969, 8191, b'w'), (8192, 8203, b' '),
        (8204, 8231, b'.'), (8232, 8238, b'w'), (8239, 8239, b' '), (8240, 8248, b'.'), (8249, 8250, b'_'),
        (8251, 8259, b'.'), (8260, 8260, b'_'), (8261, 8261, b'('), (8262, 8262, b')'), (8263, 8273, b'.'),
        (8274, 8274, b'_'), (8275, 8286, b'.'), (8287, 8287, b' '), (8288, 8316, b'w'), (8317, 8317, b'('),
        (8318, 8318, b')'), (8319, 8332, b'w'), (8333, 8333, b'('), (8334, 8334, b')'), (8335, 8363, b'w'),
        (8364, 8364, b'_'), (8365, 8450, b'w'), (8451, 8451, b'_'), (8452, 8456, b'w'), (8457, 8457, b'_'),
        (8458, 8469, b'w'), (8470, 8470, b'.'), (8471, 8480, b'w'), (8481, 8482, b'_'), (8483, 8530, b'w'),
        (8531, 8532, b'_'), (8533, 8538, b'w'), (8539, 8542, b'_'), (8543, 8591, b'w'), (8592, 9000, b'_'),
        (9001, 9001, b'('), (9002, 9002, b')'), (9003, 9139, b'_'), (9140, 9140, b'('), (9141, 9141, b')'),
        (9142, 9295, b'_'), (9296, 9311, b'w'), (9312, 9326, b'_'), (9327, 9331, b'w'), (9332, 9397, b'_'),
        (9398, 9471, b'w'), (9472, 9547, b'_'), (9548, 9617, b'w'), (9618, 9618, b'_'), (9619, 9631, b'w'),
        (9632, 9633, b'_'), (9634, 9634, b'w'), (9635, 9641, b'_'), (9642, 9649, b'w'), (9650, 9651, b'_'),
        (9652, 9653, b'w'), (9654, 9655, b'_'), (9656, 9659, b'w'), (9660, 9661, b'_'), (9662, 9663, b'w'),
        (9664, 9665, b'_'), (9666, 9669, b'w'), (9670, 9672, b'_'), (9673, 9674, b'w'), (9675, 9675, b'_'),
        (9676, 9677, b'w'), (9678, 9681, b'_'), (9682, 9710, b'w'), (9711, 9711, b'_'), (9712, 9732, b'w'),
        (9733, 9734, b'_'), (9735, 9741, b'w'), (9742, 9743, b'_'), (9744, 9755, b'w'), (9756, 9756, b'_'),
        (9757, 9757, b'w'), (9758, 9758, b'_'), (9759, 9791, b'w'), (9792, 9792, b'_'), (9793, 9793, b'w'),
        (9794, 9794, b'_'), (9795, 9823, b'w'), (9824, 9825, b'_'), (9826, 9826, b'w'), (9827, 9829, b'_'),
        (9830, 9830, b'w'), (9831, 9834, b'_'), (9835, 9835, b'w'), (9836, 9837, b'_'), (9838, 9838, b'w'),
        (9839, 9839, b'_'), (9840, 10087, b'w'), (10088, 10088, b'('), (10089, 10089, b')'), (10090, 10090, b'('),
        (10091, 10091, b')'), (10092, 10092, b'('), (10093, 10093, b')'), (10094, 10095, b'w'), (10096, 10096, b'('),
        (10097, 10097, b')'), (10098, 10098, b'('), (10099, 10099, b')'), (10100, 10100, b'('), (10101, 10101, b')'),
        (10102, 10213, b'w'), (10214, 10214, b'('), (10215, 10215, b')'), (10216, 10216, b'('), (10217, 10217, b')'),
        (10218, 10218, b'('), (10219, 10219, b')'), (10220, 10626, b'w'), (10627, 10627, b'('), (10628, 10628, b')'),
        (10629, 10629, b'('), (10630, 10630, b')'), (10631, 10631, b'('), (10632, 10632, b')'), (10633, 10633, b'('),
        (10634, 10634, b')'), (10635, 10635, b'('), (10636, 10636, b')'), (10637, 10637, b'('), (10638, 10638, b')'),
        (10639, 10639, b'('), (10640, 10640, b')'), (10641, 10641, b'('), (10642, 10642, b')'), (10643, 10643, b'('),
        (10644, 10644, b')'), (10645, 10645, b'('), (10646, 10646, b')'), (10647, 10647, b'('), (10648, 10648, b')'),
        (10649, 10747, b'w'), (10748, 10748, b'('), (10749, 10749, b')'), (10750, 10751, b'w'), (10752, 11263, b'_'),
        (11264, 11775, b'w'), (11776, 11903, b'.'), (11904, 12287, b'w'), (12288, 12288, b' '), (12289, 12291, b'.'),
        (12292, 12295, b'w'), (12296, 12296, b'('), (12297, 12297, b')'), (12298, 12298, b'('), (12299, 12299, b')'),
        (12300, 12300, b'('), (12301, 12301, b')'), (12302, 12302, b'('), (12303, 12303, b')'), (12304, 12304, b'('),
        (12305, 12305, b')'), (12306, 12307, b'_'), (12308, 12308, b'('), (12309, 12309, b')'), (12310, 12310, b'('),
        (12311, 12311, b')'), (12312, 12312, b'('), (12313, 12313, b')'), (12314, 12314, b'('), (12315, 12315, b')'),
        (12316, 12316, b'_'), (12317, 12538, b'w'), (12539, 12539, b'.'), (12540, 12799, b'w'), (12800, 12828, b'_'),
        (12829, 12831, b'w'), (12832, 12841, b'_'), (12842, 12895, b'w'), (12896, 12923, b'_'), (12924, 12925, b'w'),
        (12926, 12927, b'_'), (12928, 13183, b'w'), (13184, 13188, b'_'), (13189, 13191, b'w'), (13192, 13258, b'_'),
        (13259, 13262, b'w'), (13263, 13264, b'_'), (13265, 13266, b'w'), (13267, 13267, b'_'), (13268, 13269, b'w'),
        (13270, 13270, b'_'), (13271, 13271, b'w'), (13272, 13272, b'_'), (13273, 13274, b'w'), (13275, 13277, b'_'),
        (13278, 43738, b'w'), (43739, 43743, b'_'), (43744, 64829, b'w'), (64830, 64830, b'('), (64831, 64831, b')'),
        (64832, 65076, b'w'), (65077, 65077, b'('), (65078, 65078, b')'), (65079, 65079, b'('), (65080, 65080, b')'),
        (65081, 65081, b'('), (65082, 65082, b')'), (65083, 65083, b'('), (65084, 65084, b')'), (65085, 65085, b'('),
        (65086, 65086, b')'), (65087, 65087, b'('), (65088, 65088, b')'), (65089, 65089, b'('), (65090, 65090, b')'),
        (65091, 65091, b'('), (65092, 65092, b')'), (65093, 65112, b'w'), (65113, 65113, b'('), (65114, 65114, b')'),
        (65115, 65115, b'('), (65116, 65116, b')'), (65117, 65117, b'('), (65118, 65118, b')'), (65119, 65280, b'w'),
        (65281, 65283, b'.'), (65284, 65284, b'_'), (65285, 65287, b'.'), (65288, 65288, b'('), (65289, 65289, b')'),
        (65290, 65290, b'.'), (65291, 65291, b'_'), (65292, 65295, b'.'), (65296, 65305, b'w'), (65306, 65307, b'.'),
        (65308, 65310, b'_'), (65311, 65312, b'.'), (65313, 65338, b'w'), (65339, 65339, b'('), (65340, 65340, b'_'),
        (65341, 65341, b')'), (65342, 65344, b'_'), (65345, 65370, b'w'), (65371, 65371, b'('), (65372, 65372, b'_'),
        (65373, 65373, b')'), (65374, 65374, b'_'), (65375, 65375, b'('), (65376, 65376, b')'), (65377, 65377, b'.'),
        (65378, 65378, b'('), (65379, 65379, b')'), (65380, 65381, b'.'), (65382, 65503, b'w'), (65504, 65507, b'_'),
        (65508, 65508, b'w'), (65509, 65509, b'_'), (65510, 129791, b'w'), (129792, 129994, b'_'), (129995, 130047, b'.'),
        (130048, 1114111, b'w'),
    ];
}

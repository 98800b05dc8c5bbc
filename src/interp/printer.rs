//! The printer: `prin1` (readable) and `princ` (raw) text of any value,
//! exactly as Emacs 28 prints it (with `print-circle` nil).
//!
//! Recursion follows the structure's car depth only, and Emacs's own limit
//! bounds it: an object more than 200 levels deep signals "Apparently
//! circular structure being printed". Lists are walked iteratively with
//! Emacs's cycle detection (`FOR_EACH_TAIL_SAFE`, Brent's algorithm), so a
//! circular tail prints as `. #N` with the same N as Emacs.

use num_bigint::{BigInt, Sign};

use super::Interp;
use super::symbols as sym;
use crate::gc::{HashTest, Tag, Value, VecKind};

/// Emacs's `PRINT_CIRCLE`: the depth at which printing gives up.
const PRINT_CIRCLE: usize = 200;

/// Printing gave up: "Apparently circular structure being printed".
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct CircularError;

pub const CIRCULAR_MESSAGE: &str = "Apparently circular structure being printed";

/// The printed representation of `v`; `escape` selects `prin1` over `princ`.
/// On a too-deep structure this returns the text printed before the error.
pub fn to_string(interp: &Interp, v: Value, escape: bool) -> String {
    let mut out = String::new();
    let _ = print_to(interp, v, escape, &mut out);
    out
}

/// Appends the printed representation of `v` to `out`. On error `out`
/// holds what was printed before it (Emacs streams its output the same way).
pub fn print_to(interp: &Interp, v: Value, escape: bool, out: &mut String) -> Result<(), CircularError> {
    // The printer variables (looked up without interning; unbound = default).
    let var = |name: &str| -> Value {
        match interp.heap.symbols.find(name) {
            Some(s) => interp.symbol_value(s),
            None => Value::UNBOUND,
        }
    };
    let truthy = |v: Value| !v.is_nil() && !v.is_unbound();
    let gensym = truthy(var("print-gensym"));
    let escape_newlines = truthy(var("print-escape-newlines"));
    let quoted = var("print-quoted");
    let quoted = quoted.is_unbound() || !quoted.is_nil();
    let length = var("print-length").as_fixnum().filter(|&n| n >= 0).map(|n| n as usize);
    let level = var("print-level").as_fixnum();
    let mut p = Printer {
        interp,
        escape,
        out,
        being: [Value::NIL; PRINT_CIRCLE],
        backquote: 0,
        gensym,
        escape_newlines,
        quoted,
        length,
        level,
    };
    p.obj(v, 0)
}

struct Printer<'a, 'o> {
    interp: &'a Interp,
    escape: bool,
    out: &'o mut String,
    /// Emacs's `being_printed`: the container at each depth (stale entries
    /// are kept, as in Emacs).
    being: [Value; PRINT_CIRCLE],
    /// Emacs's `new_backquote_output`.
    backquote: i32,
    gensym: bool,
    /// `print-escape-newlines`: `\n` and `\f` in strings print escaped.
    escape_newlines: bool,
    /// `print-quoted`: shorthand for quote, function and backquote forms.
    quoted: bool,
    /// `print-length` and `print-level`.
    length: Option<usize>,
    level: Option<i64>,
}

impl Printer<'_, '_> {
    fn obj(&mut self, v: Value, depth: usize) -> Result<(), CircularError> {
        if depth >= PRINT_CIRCLE {
            return Err(CircularError);
        }
        let heap = &self.interp.heap;
        let tracked = v.is_cons() || heap.has_slots(v);
        if tracked {
            for i in 0..depth {
                if self.being[i] == v {
                    self.out.push('#');
                    self.out.push_str(&i.to_string());
                    return Ok(());
                }
            }
            self.being[depth] = v;
        }
        match v.tag() {
            Tag::Fixnum => self.out.push_str(&v.as_fixnum().unwrap_or(0).to_string()),
            Tag::Symbol => self.symbol(v),
            Tag::String => {
                let s = heap.str(v);
                if self.escape {
                    self.out.push('"');
                    for c in s.chars() {
                        if self.escape_newlines && c == '\n' {
                            self.out.push_str("\\n");
                            continue;
                        }
                        if self.escape_newlines && c == '\u{c}' {
                            self.out.push_str("\\f");
                            continue;
                        }
                        if c == '"' || c == '\\' {
                            self.out.push('\\');
                        }
                        self.out.push(c);
                    }
                    self.out.push('"');
                } else {
                    self.out.push_str(s);
                }
            }
            Tag::Float => self.out.push_str(&format_float(heap.float(v))),
            Tag::Cons => self.cons(v, depth)?,
            Tag::VecLike => match heap.veclike_kind(v) {
                kind @ (VecKind::Vector | VecKind::Record) => {
                    self.out.push_str(if kind == VecKind::Record { "#s(" } else { "[" });
                    let real = heap.vec_len(v);
                    let n = self.length.map_or(real, |l| l.min(real));
                    for i in 0..n {
                        if i > 0 {
                            self.out.push(' ');
                        }
                        let e = self.interp.heap.vec_get(v, i);
                        self.obj(e, depth + 1)?;
                    }
                    if n < real {
                        self.out.push_str(" ...");
                    }
                    self.out.push(if kind == VecKind::Record { ')' } else { ']' });
                }
                VecKind::Bignum => {
                    let (neg, limbs) = heap.bignum(v);
                    self.out.push_str(&bignum_to_string(neg, limbs));
                }
                VecKind::HashTable => self.hash_table(v, depth)?,
                // Emacs prints `#<user-ptr ptr=0x... finalizer=0x...>`; we
                // keep its prefix and show the type name instead of
                // addresses, so the text is the same from run to run.
                VecKind::HostObject if crate::interp::buffer::is_buffer(self.interp, v) => {
                    let text = crate::interp::buffer::print_buffer(self.interp, v, self.escape).unwrap_or_default();
                    self.out.push_str(&text);
                }
                VecKind::HostObject => {
                    self.out.push_str("#<user-ptr ");
                    self.out.push_str(heap.host_object(v).type_name);
                    self.out.push('>');
                }
            },
            Tag::Immediate => match (v.as_subr(), v.as_host_fn()) {
                (Some(id), _) => {
                    self.out.push_str("#<subr ");
                    self.out.push_str(super::subr::subr(id).name);
                    self.out.push('>');
                }
                // As Emacs prints a module function.
                (_, Some(id)) => {
                    self.out.push_str("#<module function ");
                    self.out.push_str(self.interp.host_fns.get(id as usize).map_or("?", |f| f.name.as_str()));
                    self.out.push('>');
                }
                _ => self.out.push_str("#<unbound>"),
            },
        }
        Ok(())
    }

    fn hash_table(&mut self, v: Value, depth: usize) -> Result<(), CircularError> {
        let (size, test, entries) = {
            let t = self.interp.heap.hash_table(v);
            let kv = t.kv();
            let slots = self.length.map_or(t.size, |l| l.min(t.size));
            let entries: Vec<(Value, Value)> = kv
                .chunks_exact(2)
                .take(slots)
                .filter(|p| !p[0].is_unbound())
                .map(|p| (p[0], p[1]))
                .collect();
            (t.size, t.test, entries)
        };
        let truncated = self.length.is_some_and(|l| l < size);
        self.out.push_str("#s(hash-table size ");
        self.out.push_str(&size.to_string());
        self.out.push_str(" test ");
        let test_sym = match test {
            HashTest::Eq => sym::EQ,
            HashTest::Eql => sym::EQL,
            HashTest::Equal => sym::EQUAL,
        };
        self.obj(test_sym, depth + 1)?;
        if depth + 1 >= PRINT_CIRCLE {
            return Err(CircularError);
        }
        self.out.push_str(" rehash-size 1.5 rehash-threshold 0.8125 data (");
        for (i, (k, val)) in entries.into_iter().enumerate() {
            if i > 0 {
                self.out.push(' ');
            }
            self.obj(k, depth + 1)?;
            self.out.push(' ');
            self.obj(val, depth + 1)?;
        }
        if truncated {
            self.out.push_str(" ...");
        }
        self.out.push_str("))");
        Ok(())
    }

    fn cons(&mut self, v: Value, depth: usize) -> Result<(), CircularError> {
        let heap = &self.interp.heap;
        let head = heap.car(v);
        let rest = heap.cdr(v);
        if self.level.is_some_and(|l| depth as i64 + 1 > l) {
            self.out.push_str("...");
            return Ok(());
        }
        // `print-quoted` is t by default: shorthand for two-element forms.
        if self.quoted && rest.is_cons() && heap.cdr(rest).is_nil() {
            let arg = heap.car(rest);
            if head == sym::QUOTE {
                self.out.push('\'');
                return self.obj(arg, depth + 1);
            }
            if head == sym::FUNCTION {
                self.out.push_str("#'");
                return self.obj(arg, depth + 1);
            }
            if head == sym::BACKQUOTE {
                self.out.push('`');
                self.backquote += 1;
                let r = self.obj(arg, depth + 1);
                self.backquote -= 1;
                return r;
            }
            if (head == sym::COMMA || head == sym::COMMA_AT) && self.backquote > 0 {
                if depth + 1 >= PRINT_CIRCLE {
                    return Err(CircularError);
                }
                self.out.push_str(if head == sym::COMMA { "," } else { ",@" });
                self.backquote -= 1;
                let r = self.obj(arg, depth + 1);
                self.backquote += 1;
                return r;
            }
        }
        self.out.push('(');
        // FOR_EACH_TAIL_SAFE, exactly as Emacs 28 (Brent's cycle detection).
        let mut tail = v;
        let mut tortoise = v;
        let mut max: i64 = 2;
        let mut n: i64 = 0;
        let mut q: u16 = 2;
        let mut i: i64 = 0;
        let mut objtail = Value::NIL;
        while tail.is_cons() {
            if i != 0 {
                self.out.push(' ');
            }
            if self.length.is_some_and(|l| l as i64 <= i) {
                self.out.push_str("...");
                self.out.push(')');
                return Ok(());
            }
            i += 1;
            let (a, d) = (self.interp.heap.car(tail), self.interp.heap.cdr(tail));
            self.obj(a, depth + 1)?;
            objtail = d;
            tail = d;
            q = q.wrapping_sub(1);
            let mut check = q != 0;
            if !check {
                n -= 1;
                check = 0 < n;
            }
            if !check {
                max <<= 1;
                q = max as u16;
                n = max >> 16;
                tortoise = tail;
            } else if tail == tortoise {
                tail = Value::NIL;
            }
        }
        if !objtail.is_nil() {
            self.out.push_str(" . ");
            if objtail.is_cons() {
                self.out.push('#');
                self.out.push_str(&(i >> 1).to_string());
            } else {
                self.obj(objtail, depth + 1)?;
            }
        }
        self.out.push(')');
        Ok(())
    }

    fn symbol(&mut self, v: Value) {
        let interp = self.interp;
        let name = interp.symbol_name(v);
        let interned = interp.heap.symbols.get(v.as_symbol().unwrap_or(0)).flags.contains(crate::gc::SymFlags::INTERNED);
        if self.escape && self.gensym && !interned {
            self.out.push_str("#:");
        } else if name.is_empty() {
            self.out.push_str("##");
            return;
        }
        if !self.escape {
            self.out.push_str(name);
            return;
        }
        let mut confusing = symbol_looks_like_number(name);
        for c in name.chars() {
            if matches!(c, '"' | '\\' | '\'' | ';' | '#' | '(' | ')' | ',' | '.' | '`' | '[' | ']' | '?')
                || (c as u32) <= 0x20
                || c == '\u{a0}'
                || confusing
            {
                self.out.push('\\');
                confusing = false;
            }
            self.out.push(c);
        }
    }
}

/// Emacs 28's CONFUSING test: the name, read back, would be a number.
fn symbol_looks_like_number(name: &str) -> bool {
    let b = name.as_bytes();
    let signed = matches!(b.first(), Some(b'-' | b'+')) as usize;
    match b.get(signed) {
        Some(c) if c.is_ascii_digit() || *c == b'.' => super::reader::parse_number(name).is_some(),
        _ => false,
    }
}

/// Decimal text of a bignum given as sign and little-endian limbs.
pub fn bignum_to_string(negative: bool, limbs: &[u64]) -> String {
    let mut digits = Vec::with_capacity(limbs.len() * 2);
    for &l in limbs {
        digits.push(l as u32);
        digits.push((l >> 32) as u32);
    }
    let b = BigInt::new(if negative { Sign::Minus } else { Sign::Plus }, digits);
    b.to_string()
}

/// Emacs's float printing (shortest of %.15g/%.16g/%.17g that reads back,
/// `.0` added when needed, `1.0e+INF`, `0.0e+NaN`). Used by `number-to-string`.
pub fn format_float(f: f64) -> String {
    if f.is_infinite() {
        return if f > 0.0 { "1.0e+INF".into() } else { "-1.0e+INF".into() };
    }
    if f.is_nan() {
        let bits = f.to_bits();
        let payload = bits & ((1u64 << 51) - 1);
        let neg = bits >> 63 != 0;
        return format!("{}{}.0e+NaN", if neg { "-" } else { "" }, payload);
    }
    let mut s = String::new();
    // gnulib's dtoastr: subnormals (and zero) start at one digit.
    let start = if f.abs() < f64::MIN_POSITIVE { 1 } else { 15 };
    for prec in start..=17 {
        s = format_g(f, prec, false, false);
        if s.parse::<f64>().ok() == Some(f) {
            break;
        }
    }
    // Make sure there is a decimal point with a digit after, or an exponent.
    match s.find(|c: char| !(c.is_ascii_digit() || c == '-')) {
        None => s.push_str(".0"),
        Some(i) if &s[i..] == "." => s.push('0'),
        _ => {}
    }
    s
}

/// C's `%.PRECe` (exponent with at least two digits).
pub fn format_e(x: f64, prec: usize, upper: bool) -> String {
    if !x.is_finite() {
        return nonfinite(x, upper);
    }
    // Rust's formatter panics on a precision above 65535; a double has at
    // most 767 significant decimal digits, so further ones are zeros.
    let s = format!("{:.*e}", prec.min(MAX_SIGNIFICANT), x);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let e = if upper { 'E' } else { 'e' };
    let sign = if exp < 0 { '-' } else { '+' };
    let zeros = "0".repeat(prec.saturating_sub(MAX_SIGNIFICANT));
    format!("{mant}{zeros}{e}{sign}{:02}", exp.abs())
}

/// More significant digits than any double's exact decimal expansion has.
const MAX_SIGNIFICANT: usize = 800;
/// More fraction digits than any double's exact decimal expansion has.
const MAX_FRACTION: usize = 1100;

/// C's `%.PRECf`.
pub fn format_f(x: f64, prec: usize) -> String {
    if !x.is_finite() {
        return nonfinite(x, false);
    }
    let mut s = format!("{:.*}", prec.min(MAX_FRACTION), x);
    s.extend(std::iter::repeat_n('0', prec.saturating_sub(MAX_FRACTION)));
    s
}

fn nonfinite(x: f64, upper: bool) -> String {
    let s = if x.is_nan() {
        if x.is_sign_negative() { "-nan" } else { "nan" }
    } else if x > 0.0 {
        "inf"
    } else {
        "-inf"
    };
    if upper { s.to_uppercase() } else { s.to_string() }
}

/// C's `%.PRECg` (`alt` is the `#` flag: keep trailing zeros).
pub fn format_g(x: f64, prec: usize, alt: bool, upper: bool) -> String {
    if !x.is_finite() {
        return nonfinite(x, upper);
    }
    let p = if prec == 0 { 1 } else { prec };
    if p > MAX_SIGNIFICANT {
        // Digits past MAX_SIGNIFICANT are zeros (see format_e).
        let mut s = format_g(x, MAX_SIGNIFICANT, alt, upper);
        if alt {
            let at = s.find(['e', 'E']).unwrap_or(s.len());
            s.insert_str(at, &"0".repeat(p - MAX_SIGNIFICANT));
        }
        return s;
    }
    // The exponent the %e conversion would have.
    let es = format!("{:.*e}", p - 1, x);
    let exp: i64 = es.split_once('e').and_then(|(_, e)| e.parse().ok()).unwrap_or(0);
    let mut s = if exp < -4 || exp >= p as i64 {
        format_e(x, p - 1, upper)
    } else {
        format!("{:.*}", (p as i64 - 1 - exp).max(0) as usize, x)
    };
    if !alt {
        // Remove trailing zeros of the fraction (and a bare point).
        let (num, exp_part) = match s.find(['e', 'E']) {
            Some(i) => (s[..i].to_string(), s[i..].to_string()),
            None => (s.clone(), String::new()),
        };
        let num = if num.contains('.') { num.trim_end_matches('0').trim_end_matches('.').to_string() } else { num };
        s = num + &exp_part;
    } else if !s.contains('.') {
        match s.find(['e', 'E']) {
            Some(i) => s.insert(i, '.'),
            None => s.push('.'),
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_like_emacs() {
        let cases: &[(f64, &str)] = &[
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e15, "1e+15"),
            (1e16, "1e+16"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (1234567890123456.0, "1234567890123456.0"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (-0.0, "-0.0"),
            (f64::INFINITY, "1.0e+INF"),
            (f64::NEG_INFINITY, "-1.0e+INF"),
            (f64::NAN, "0.0e+NaN"),
            (-f64::NAN, "-0.0e+NaN"),
            (1e100, "1e+100"),
            (1.0 / 3.0, "0.3333333333333333"),
            (100.0, "100.0"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (12345.678, "12345.678"),
            (1.5e-7, "1.5e-07"),
            (123456.0, "123456.0"),
        ];
        for &(f, s) in cases {
            assert_eq!(format_float(f), s, "{f:e}");
        }
    }

    #[test]
    fn c_formats() {
        assert_eq!(format_f(1.125, 2), "1.12");
        assert_eq!(format_e(1234.5, 2, false), "1.23e+03");
        assert_eq!(format_g(0.0001, 6, false, false), "0.0001");
        assert_eq!(format_g(100000.0, 6, false, false), "100000");
        assert_eq!(format_g(1000000.0, 6, false, false), "1e+06");
        assert_eq!(format_g(1.5, 6, true, false), "1.50000");
        assert_eq!(format_g(0.0, 0, false, false), "0");
    }

    fn roundtrip(src: &str) -> String {
        let mut interp = Interp::bare();
        let mut r = super::super::reader::Reader::new(src);
        let v = r.read(&mut interp).ok().flatten().expect("datum");
        to_string(&interp, v, true)
    }

    #[test]
    fn circular_and_special_forms_print_like_emacs() {
        assert_eq!(roundtrip("#1=(1 2 3 . #1#)"), "(1 2 3 1 2 . #2)");
        assert_eq!(roundtrip("#1=(1 #1# 3)"), "(1 #0 3)");
        assert_eq!(roundtrip("#1=[1 #1# 3]"), "[1 #0 3]");
        assert_eq!(roundtrip("#1=(#1# 2 #1# 2 . #1#)"), "(#0 2 #0 2 #0 2 #0 2 #0 2 . #5)");
        assert_eq!(roundtrip("#1=(1 2 3 4 5 6 . #2=(3 4 5 6 . #2#))"), "(1 2 3 4 5 6 3 4 5 6 . #5)");
        assert_eq!(roundtrip("#1=(1 . #1#)"), "(1 . #0)");
        assert_eq!(roundtrip("(a . #1=(b #1#))"), "(a b (b #1))");
        assert_eq!(roundtrip("('a #'f `(a ,b ,@c) (quote a b) (\\, a) (a quote b))"), "('a #'f `(a ,b ,@c) (quote a b) (\\, a) (a quote b))");
        assert_eq!(roundtrip("(a\\.b \\1 \\-1\\.5 a\\ b \\?x x\\? ## e1 \\1e5 - 1+ \\+1)"), "(a\\.b \\1 \\-1\\.5 a\\ b \\?x x\\? ## e1 \\1e5 - 1+ \\+1)");
        assert_eq!(roundtrip("\"a\\\"b\\\\c\nd\""), "\"a\\\"b\\\\c\nd\"");
    }

    #[test]
    fn deep_nesting_signals_instead_of_overflowing() {
        let ok = format!("{}{}", "(".repeat(199), ")".repeat(199));
        assert_eq!(roundtrip(&ok).len(), 199 * 2 + 1);
        let mut interp = Interp::bare();
        let deep = format!("{}{}", "(".repeat(100_000), ")".repeat(100_000));
        let v = super::super::reader::Reader::new(&deep).read(&mut interp).ok().flatten().unwrap();
        let mut out = String::new();
        assert_eq!(print_to(&interp, v, true, &mut out), Err(CircularError));
        assert_eq!(out, "(".repeat(200));
    }

    #[test]
    fn bignums() {
        assert_eq!(bignum_to_string(false, &[0, 64]), "1180591620717411303424");
        assert_eq!(bignum_to_string(true, &[1 << 61]), "-2305843009213693952");
    }
}

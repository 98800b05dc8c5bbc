//! Printing and formatting built-ins: `print prin1 princ terpri
//! prin1-to-string message format format-message error user-error
//! read-from-string read error-message-string`.

use num_bigint::BigInt;
use num_traits::{FromPrimitive, Signed, Zero};

use crate::gc::Value;
use crate::interp::printer::{self, CIRCULAR_MESSAGE};
use crate::interp::reader::Reader;
use crate::interp::subr::Subr;
use crate::interp::symbols as sym;
use crate::interp::{Interp, LResult};

pub const SUBRS: &[Subr] = &[
    Subr::f("print", 1, Some(2), print),
    Subr::f("prin1", 1, Some(2), prin1),
    Subr::f("princ", 1, Some(2), princ),
    Subr::f("terpri", 0, Some(2), terpri),
    Subr::f("prin1-to-string", 1, Some(2), prin1_to_string),
    Subr::f("message", 1, None, message),
    Subr::f("format", 1, None, format),
    Subr::f("format-message", 1, None, format_message),
    Subr::f("error", 0, None, error),
    Subr::f("user-error", 1, None, user_error),
    Subr::f("read-from-string", 1, Some(3), read_from_string),
    Subr::f("read", 0, Some(1), read),
    Subr::f("error-message-string", 1, Some(1), error_message_string),
    Subr::f("external-debugging-output", 1, Some(1), external_debugging_output),
];

// ---- output ----

/// Where printed text goes.
enum Dest {
    Stdout,
    Stderr,
    /// A function called with each character.
    Function(Value),
    /// A buffer: the text is inserted at its point.
    Buffer(Value),
}

/// Resolves PRINTCHARFUN (nil means `standard-output`).
fn dest(interp: &mut Interp, printcharfun: Value) -> Dest {
    let mut f = printcharfun;
    if f.is_nil() {
        let so = interp.intern("standard-output");
        f = interp.symbol_value(so);
        if f.is_unbound() {
            f = Value::T;
        }
    }
    if f == Value::T || f.is_nil() {
        return Dest::Stdout;
    }
    if f.is_symbol() && interp.symbol_name(f) == "external-debugging-output" {
        return Dest::Stderr;
    }
    if crate::interp::buffer::is_buffer(interp, f) {
        return Dest::Buffer(f);
    }
    Dest::Function(f)
}

/// Sends `text` to PRINTCHARFUN.
fn output(interp: &mut Interp, printcharfun: Value, text: &str) -> LResult<()> {
    match dest(interp, printcharfun) {
        Dest::Stdout => {
            interp.write_stdout(text);
            Ok(())
        }
        Dest::Stderr => {
            interp.write_stderr(text);
            Ok(())
        }
        Dest::Buffer(b) => {
            let buf = crate::interp::buffer::buffer_of(interp, b).expect("a buffer");
            let mut st = buf.lock();
            if !st.live() {
                drop(st);
                return Err(interp.error("Selecting deleted buffer"));
            }
            let chars: Vec<char> = text.chars().collect();
            let pt = st.pt;
            st.insert_at(pt, &chars, true);
            Ok(())
        }
        Dest::Function(f) => {
            let slot = interp.push_root(f);
            for c in text.chars() {
                let r = interp.funcall(f, &[Value::fixnum(c as i64)]);
                if let Err(e) = r {
                    interp.stack.truncate(slot);
                    return Err(e);
                }
            }
            interp.stack.truncate(slot);
            Ok(())
        }
    }
}

/// Prints `v` into a string, signalling Emacs's error on too-deep structure
/// after handing the partial text to `partial`.
fn printed(interp: &mut Interp, v: Value, escape: bool) -> Result<String, String> {
    let mut out = String::new();
    match printer::print_to(interp, v, escape, &mut out) {
        Ok(()) => Ok(out),
        Err(_) => Err(out),
    }
}

fn circular_error(interp: &mut Interp) -> crate::interp::Flow {
    interp.error(CIRCULAR_MESSAGE)
}

fn print_object(interp: &mut Interp, v: Value, printcharfun: Value, escape: bool, before: &str, after: &str) -> LResult {
    match printed(interp, v, escape) {
        Ok(s) => {
            let text = format!("{before}{s}{after}");
            output(interp, printcharfun, &text)?;
            Ok(v)
        }
        Err(partial) => {
            let text = format!("{before}{partial}");
            output(interp, printcharfun, &text)?;
            Err(circular_error(interp))
        }
    }
}

fn print(interp: &mut Interp, args: &[Value]) -> LResult {
    print_object(interp, args[0], args[1], true, "\n", "\n")
}

fn prin1(interp: &mut Interp, args: &[Value]) -> LResult {
    print_object(interp, args[0], args[1], true, "", "")
}

fn princ(interp: &mut Interp, args: &[Value]) -> LResult {
    print_object(interp, args[0], args[1], false, "", "")
}

fn terpri(interp: &mut Interp, args: &[Value]) -> LResult {
    if !args[1].is_nil() {
        // ENSURE: only when not already at the beginning of a line.
        match dest(interp, args[0]) {
            Dest::Function(f) => {
                let m = interp.make_string("Unsupported function argument");
                return Err(interp.signal_list(sym::ERROR, &[m, f]));
            }
            _ => {
                if interp.stdout_at_line_start() {
                    return Ok(Value::NIL);
                }
            }
        }
    }
    output(interp, args[0], "\n")?;
    Ok(Value::T)
}

fn prin1_to_string(interp: &mut Interp, args: &[Value]) -> LResult {
    match printed(interp, args[0], args[1].is_nil()) {
        Ok(s) => Ok(interp.make_string(&s)),
        Err(_) => Err(circular_error(interp)),
    }
}

fn external_debugging_output(interp: &mut Interp, args: &[Value]) -> LResult {
    let Some(c) = args[0].as_fixnum().and_then(|c| u32::try_from(c).ok()).and_then(char::from_u32) else {
        return Err(interp.wrong_type(sym::CHARACTERP, args[0]));
    };
    let mut b = [0u8; 4];
    interp.write_stderr(c.encode_utf8(&mut b));
    Ok(args[0])
}

fn message(interp: &mut Interp, args: &[Value]) -> LResult {
    let f = args[0];
    if f.is_nil() || (f.is_string() && interp.heap.str(f).is_empty()) {
        interp.message_line("");
        return Ok(f);
    }
    let s = styled_format(interp, args, true)?;
    interp.message_line(&s);
    Ok(interp.make_string(&s))
}

fn format(interp: &mut Interp, args: &[Value]) -> LResult {
    // Emacs returns the argument itself for a bare "%s" of a string.
    if args.len() >= 2 && args[0].is_string() && args[1].is_string() && interp.heap.str(args[0]) == "%s" {
        return Ok(args[1]);
    }
    let s = styled_format(interp, args, false)?;
    Ok(interp.make_string(&s))
}

fn format_message(interp: &mut Interp, args: &[Value]) -> LResult {
    let s = styled_format(interp, args, true)?;
    Ok(interp.make_string(&s))
}

fn error(interp: &mut Interp, args: &[Value]) -> LResult {
    if args.is_empty() {
        // Emacs's `error' applies `format-message', which complains.
        let name = interp.intern("format-message");
        let f = interp.symbol_function(name);
        return Err(interp.wrong_number_of_args(if f.is_nil() { name } else { f }, 0));
    }
    let s = styled_format(interp, args, true)?;
    let m = interp.make_string(&s);
    Err(interp.signal_list(sym::ERROR, &[m]))
}

fn user_error(interp: &mut Interp, args: &[Value]) -> LResult {
    let s = styled_format(interp, args, true)?;
    let m = interp.make_string(&s);
    Err(interp.signal_list(sym::USER_ERROR, &[m]))
}

fn error_message_string(interp: &mut Interp, args: &[Value]) -> LResult {
    if !args[0].is_cons() && !args[0].is_nil() {
        return Err(interp.wrong_type(sym::LISTP, args[0]));
    }
    let s = interp.error_message_string(args[0]);
    Ok(interp.make_string(&s))
}

// ---- reading ----

/// Character index -> byte offset in `s` (`idx` <= char count).
fn char_to_byte(s: &str, idx: usize) -> usize {
    s.char_indices().nth(idx).map(|(b, _)| b).unwrap_or(s.len())
}

fn read_from_string(interp: &mut Interp, args: &[Value]) -> LResult {
    let (string, start, end) = (args[0], args[1], args[2]);
    if !string.is_string() {
        return Err(interp.wrong_type(sym::STRINGP, string));
    }
    let nchars = interp.heap.string_chars(string) as i64;
    let check_int = |interp: &mut Interp, v: Value, default: i64| -> LResult<i64> {
        if v.is_nil() {
            Ok(default)
        } else {
            v.as_fixnum().ok_or_else(|| interp.wrong_type(sym::INTEGERP, v))
        }
    };
    let mut from = check_int(interp, start, 0)?;
    let mut to = check_int(interp, end, nchars)?;
    if from < 0 {
        from += nchars;
    }
    if to < 0 {
        to += nchars;
    }
    if !(0 <= from && from <= to && to <= nchars) {
        return Err(interp.args_out_of_range3(string, start, end));
    }
    let text = interp.heap.str(string).to_string();
    let bfrom = char_to_byte(&text, from as usize);
    let bto = char_to_byte(&text, to as usize);
    let sub = &text[bfrom..bto];
    let mut reader = Reader::new(sub);
    let obj = match reader.read(interp)? {
        Some(v) => v,
        None => return Err(end_of_file(interp)),
    };
    let consumed = sub[..reader.position()].chars().count() as i64;
    let slot = interp.push_root(obj);
    let r = interp.cons(obj, Value::fixnum(from + consumed));
    interp.stack.truncate(slot);
    Ok(r)
}

fn end_of_file(interp: &mut Interp) -> crate::interp::Flow {
    for name in ["load-true-file-name", "load-file-name"] {
        let s = interp.intern(name);
        let v = interp.symbol_value(s);
        if v.is_string() {
            return interp.signal_list(sym::END_OF_FILE, &[v]);
        }
    }
    interp.signal(sym::END_OF_FILE, Value::NIL)
}

fn read(interp: &mut Interp, args: &[Value]) -> LResult {
    let stream = args[0];
    if !stream.is_string() {
        return Err(interp.error("minilisp: `read' supports only a string argument"));
    }
    let text = interp.heap.str(stream).to_string();
    let mut reader = Reader::new(&text);
    match reader.read(interp)? {
        Some(v) => Ok(v),
        None => Err(end_of_file(interp)),
    }
}

// ---- format ----

/// Display width of a character, as Emacs's `char-width` in a plain buffer.
pub fn char_width(c: char) -> usize {
    let u = c as u32;
    if u < 0x20 {
        return match c {
            '\t' => 8,
            '\n' => 0,
            _ => 2,
        };
    }
    if u == 0x7f {
        return 2;
    }
    if u < 0x7f {
        return 1;
    }
    if (0x300..=0x36F).contains(&u) || (0x200B..=0x200F).contains(&u) {
        return 0;
    }
    const WIDE: &[(u32, u32)] = &[
        (0x1100, 0x115F),
        (0x2E80, 0x303E),
        (0x3041, 0x33FF),
        (0x3400, 0x4DBF),
        (0x4E00, 0x9FFF),
        (0xA000, 0xA4CF),
        (0xAC00, 0xD7A3),
        (0xF900, 0xFAFF),
        (0xFE30, 0xFE4F),
        (0xFF00, 0xFF60),
        (0xFFE0, 0xFFE6),
        (0x1F300, 0x1F64F),
        (0x1F900, 0x1F9FF),
        (0x20000, 0x3FFFD),
    ];
    if WIDE.iter().any(|&(a, b)| (a..=b).contains(&u)) { 2 } else { 1 }
}

fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

#[derive(Default, Clone, Copy)]
struct Spec {
    minus: bool,
    plus: bool,
    space: bool,
    zero: bool,
    sharp: bool,
    width: usize,
    precision: Option<usize>,
}

fn pad(spec: &Spec, body: &str, out: &mut String) {
    let w = str_width(body);
    if w >= spec.width {
        out.push_str(body);
    } else if spec.minus {
        out.push_str(body);
        out.extend(std::iter::repeat_n(' ', spec.width - w));
    } else {
        out.extend(std::iter::repeat_n(' ', spec.width - w));
        out.push_str(body);
    }
}

/// Pads a number: `sign_prefix` then `digits`, zero-filled when the `0`
/// flag applies.
fn pad_number(spec: &Spec, prefix: &str, digits: &str, zero_ok: bool, out: &mut String) {
    let len = prefix.chars().count() + digits.chars().count();
    if spec.zero && !spec.minus && zero_ok && len < spec.width {
        out.push_str(prefix);
        out.extend(std::iter::repeat_n('0', spec.width - len));
        out.push_str(digits);
    } else {
        pad(spec, &format!("{prefix}{digits}"), out);
    }
}

fn mismatch(interp: &mut Interp) -> crate::interp::Flow {
    interp.error("Format specifier doesn’t match argument type")
}

/// Emacs's `styled_format`: `format` and (with `message`) `format-message`.
pub fn styled_format(interp: &mut Interp, args: &[Value], message: bool) -> LResult<String> {
    let fmt = args[0];
    if !fmt.is_string() {
        return Err(interp.wrong_type(sym::STRINGP, fmt));
    }
    let fmt: Vec<char> = interp.heap.str(fmt).chars().collect();
    let mut out = String::new();
    let mut i = 0;
    // Index of the next argument (into args).
    let mut n = 0usize;
    while i < fmt.len() {
        let c = fmt[i];
        if c != '%' {
            if message && c == '`' {
                out.push('‘');
            } else if message && c == '\'' {
                out.push('’');
            } else {
                out.push(c);
            }
            i += 1;
            continue;
        }
        i += 1;
        let ends_early = |interp: &mut Interp| interp.error("Format string ends in middle of format specifier");
        // Field number: N$.
        let mut j = i;
        while j < fmt.len() && fmt[j].is_ascii_digit() {
            j += 1;
        }
        if j > i && j < fmt.len() && fmt[j] == '$' {
            let num: usize = fmt[i..j].iter().collect::<String>().parse().unwrap_or(usize::MAX);
            if num >= 1 {
                n = num - 1;
            }
            i = j + 1;
        }
        let mut spec = Spec::default();
        while i < fmt.len() {
            match fmt[i] {
                '-' => spec.minus = true,
                '+' => spec.plus = true,
                ' ' => spec.space = true,
                '0' => spec.zero = true,
                '#' => spec.sharp = true,
                _ => break,
            }
            i += 1;
        }
        while i < fmt.len() && fmt[i].is_ascii_digit() {
            spec.width = spec.width.saturating_mul(10).saturating_add(fmt[i] as usize - '0' as usize);
            i += 1;
        }
        if i < fmt.len() && fmt[i] == '.' {
            i += 1;
            let mut p = 0usize;
            while i < fmt.len() && fmt[i].is_ascii_digit() {
                p = p.saturating_mul(10).saturating_add(fmt[i] as usize - '0' as usize);
                i += 1;
            }
            spec.precision = Some(p);
        }
        if i >= fmt.len() {
            return Err(ends_early(interp));
        }
        let conv = fmt[i];
        i += 1;
        // As Emacs: a width or precision past STRING_BYTES_BOUND
        // (most-positive-fixnum) is an error; short of that, a result this
        // large exhausts memory (Rust would abort, or panic on precisions
        // above 65535).
        let precision = spec.precision.filter(|_| !matches!(conv, '%' | 's' | 'S')).unwrap_or(0);
        let size = spec.width.max(precision);
        if size > (1usize << 61) - 1 {
            return Err(interp.error("Maximum string size exceeded"));
        }
        if size > crate::interp::builtins::sequences::MAX_ELEMENTS * 4 {
            return Err(crate::interp::builtins::sequences::memory_full(interp));
        }
        if conv == '%' {
            out.push('%');
            continue;
        }
        if !matches!(conv, 's' | 'S' | 'd' | 'o' | 'x' | 'X' | 'c' | 'e' | 'f' | 'g') {
            return Err(interp.error(&format!("Invalid format operation %{conv}")));
        }
        n += 1;
        if n >= args.len() {
            return Err(interp.error("Not enough arguments for format string"));
        }
        let arg = args[n];
        match conv {
            's' | 'S' => {
                let text = if arg.is_string() && conv == 's' {
                    interp.heap.str(arg).to_string()
                } else {
                    match printed(interp, arg, conv == 'S') {
                        Ok(s) => s,
                        Err(_) => return Err(circular_error(interp)),
                    }
                };
                let text = match spec.precision {
                    Some(p) => {
                        let mut w = 0;
                        let mut t = String::new();
                        for ch in text.chars() {
                            let cw = char_width(ch);
                            if w + cw > p {
                                break;
                            }
                            w += cw;
                            t.push(ch);
                        }
                        t
                    }
                    None => text,
                };
                pad(&spec, &text, &mut out);
            }
            'c' => {
                let Some(code) = arg.as_fixnum() else { return Err(mismatch(interp)) };
                let ch = match u32::try_from(code) {
                    Ok(u) if u <= 0x3FFFFF => {
                        let u = if u >= 0x3FFF80 { u - 0x3FFF00 } else { u };
                        char::from_u32(u).unwrap_or('\u{FFFD}')
                    }
                    _ => return Err(interp.wrong_type(sym::CHARACTERP, arg)),
                };
                pad(&spec, &ch.to_string(), &mut out);
            }
            'd' | 'o' | 'x' | 'X' => {
                let int: BigInt = if let Some(k) = arg.as_fixnum() {
                    BigInt::from(k)
                } else if interp.heap.is_bignum(arg) {
                    let (neg, limbs) = interp.heap.bignum(arg);
                    let s = printer::bignum_to_string(neg, limbs);
                    s.parse().unwrap_or_default()
                } else if arg.is_float() {
                    let f = interp.heap.float(arg);
                    if !f.is_finite() {
                        let body = printer::format_f(f, 0);
                        pad(&spec, &body, &mut out);
                        continue;
                    }
                    BigInt::from_f64(f.trunc()).unwrap_or_default()
                } else {
                    return Err(mismatch(interp));
                };
                let neg = int.is_negative();
                let mag = int.abs();
                let mut digits = match conv {
                    'd' => mag.to_str_radix(10),
                    'o' => mag.to_str_radix(8),
                    'x' => mag.to_str_radix(16),
                    _ => mag.to_str_radix(16).to_uppercase(),
                };
                if let Some(p) = spec.precision.filter(|&p| digits.len() < p) {
                    digits = "0".repeat(p - digits.len()) + &digits;
                }
                let mut prefix = String::new();
                if neg {
                    prefix.push('-');
                } else if spec.plus {
                    prefix.push('+');
                } else if spec.space {
                    prefix.push(' ');
                }
                if spec.sharp && !mag.is_zero() {
                    match conv {
                        'o' if !digits.starts_with('0') => prefix.push('0'),
                        'x' => prefix.push_str("0x"),
                        'X' => prefix.push_str("0X"),
                        _ => {}
                    }
                }
                pad_number(&spec, &prefix, &digits, spec.precision.is_none(), &mut out);
            }
            _ => {
                // e, f, g
                let x = if let Some(k) = arg.as_fixnum() {
                    k as f64
                } else if arg.is_float() {
                    interp.heap.float(arg)
                } else if interp.heap.is_bignum(arg) {
                    let (neg, limbs) = interp.heap.bignum(arg);
                    printer::bignum_to_string(neg, limbs).parse::<f64>().unwrap_or(0.0)
                } else {
                    return Err(mismatch(interp));
                };
                let prec = spec.precision.unwrap_or(6);
                let mut body = match conv {
                    'e' => printer::format_e(x.abs(), prec, false),
                    'f' => printer::format_f(x.abs(), prec),
                    _ => printer::format_g(x.abs(), prec, spec.sharp, false),
                };
                if x.is_nan() {
                    body = "nan".into();
                }
                if spec.sharp && conv != 'g' && x.is_finite() && !body.contains('.') {
                    match body.find('e') {
                        Some(k) => body.insert(k, '.'),
                        None => body.push('.'),
                    }
                }
                let negative = x.is_sign_negative() && !x.is_nan();
                let mut prefix = String::new();
                if negative {
                    prefix.push('-');
                } else if spec.plus {
                    prefix.push('+');
                } else if spec.space {
                    prefix.push(' ');
                }
                pad_number(&spec, &prefix, &body, x.is_finite(), &mut out);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(interp: &mut Interp, f: &str, args: &[Value]) -> String {
        let fs = interp.make_string(f);
        interp.push_root(fs);
        let mut all = vec![fs];
        all.extend_from_slice(args);
        match styled_format(interp, &all, false) {
            Ok(s) => s,
            Err(_) => {
                let p = interp.pending_pair();
                interp.prin1_to_string(p)
            }
        }
    }

    #[test]
    fn integer_formats() {
        let mut i = Interp::bare();
        let v = |k| Value::fixnum(k);
        assert_eq!(fmt(&mut i, "%5d|%-5d|%05d", &[v(42), v(42), v(42)]), "   42|42   |00042");
        assert_eq!(fmt(&mut i, "%05d %.3d %8.3d|", &[v(-42), v(7), v(7)]), "-0042 007      007|");
        assert_eq!(fmt(&mut i, "%#x %#o %#X %x %#x", &[v(255), v(8), v(255), v(-255), v(-255)]), "0xff 010 0XFF -ff -0xff");
        assert_eq!(fmt(&mut i, "%+x % x %#5x|", &[v(255), v(255), v(0)]), "+ff  ff     0|");
        assert_eq!(fmt(&mut i, "%d %s", &[v(1)]), "(error \"Not enough arguments for format string\")");
        assert_eq!(fmt(&mut i, "%2$s %1$s", &[v(1), v(2)]), "2 1");
    }

    #[test]
    fn float_formats() {
        let mut i = Interp::bare();
        // Each float is pushed on the root stack: the next allocation may collect.
        let f = |i: &mut Interp, x| {
            let v = i.make_float(x);
            i.push_root(v);
            v
        };
        #[allow(clippy::approx_constant)] // a value to round, not meant as π
        let a = [f(&mut i, 1.125), f(&mut i, 3.14159), f(&mut i, -3.14159), f(&mut i, 2.0)];
        assert_eq!(fmt(&mut i, "%.2f %10.3f| %010.3f| %#.0f", &a), "1.12      3.142| -00003.142| 2.");
        let b = [f(&mut i, 1234.5), f(&mut i, 1234.5), f(&mut i, 1.5), f(&mut i, f64::INFINITY)];
        assert_eq!(fmt(&mut i, "%e %g %#g %05f|", &b), "1.234500e+03 1234.5 1.50000   inf|");
        let c = f(&mut i, -3.7);
        assert_eq!(fmt(&mut i, "%d", &[c]), "-3");
    }
}

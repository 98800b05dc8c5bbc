//! The reader: Emacs Lisp text to values, with Emacs 28's syntax and errors.
//!
//! The reader is iterative: nesting is kept in an explicit frame stack and
//! partially read lists/vectors keep their elements on `interp.stack`, so
//! a list nested a million levels deep neither overflows the Rust stack nor
//! loses objects to a collection.

use num_bigint::{BigInt, Sign};

use super::symbols as sym;
use super::{Interp, LResult};
use crate::gc::Value;

/// Emacs's character modifier bits.
const CHAR_ALT: i64 = 0x0400000;
const CHAR_SUPER: i64 = 0x0800000;
const CHAR_HYPER: i64 = 0x1000000;
const CHAR_SHIFT: i64 = 0x2000000;
const CHAR_CTL: i64 = 0x4000000;
const CHAR_META: i64 = 0x8000000;
const CHAR_MODIFIER_MASK: i64 = CHAR_ALT | CHAR_SUPER | CHAR_HYPER | CHAR_SHIFT | CHAR_CTL | CHAR_META;
const NO_BREAK_SPACE: char = '\u{a0}';

pub struct Reader<'a> {
    src: &'a str,
    pos: usize,
    /// (byte offset, line, column) of the last error, 1-based line/column.
    err_pos: Option<(usize, usize, usize)>,
    /// Emacs 28 `load` reads from a buffer: invalid-read-syntax data then
    /// carries a line and column (always `1 0` in Emacs 28's load).
    load_mode: bool,
    /// Nesting of `\C-\M-...` escapes (bounded: they recurse).
    escape_depth: u32,
}

enum Dot {
    /// Still reading elements.
    No,
    /// Saw ` . `: the next datum is the tail.
    AwaitTail,
    /// Tail read (it is the last value on the stack): only `)` may follow.
    HaveTail,
}

enum Frame {
    List { base: usize, dot: Dot },
    Vector { base: usize },
    /// `'x`, `` `x ``, `,x`, `,@x`, `#'x`: wrap the next datum.
    Wrap(Value),
    /// `#N=`: the next datum is labelled N; the placeholder is in the labels alist.
    Label { n: i64, placeholder: Value },
    /// `#s(`: a hash-table literal, or else a record.
    HashLit { base: usize },
    /// `#(`: a string with text properties (the properties are dropped).
    StrProps { base: usize },
}

/// What one step of the tokenizer produced.
enum Tok {
    Datum(Value),
    Open,
    OpenVec,
    OpenHash,
    OpenStrProps,
    Close(char),
    Dot,
    Prefix(Value),
    Label(i64),
    Eof,
}

fn is_delim(c: char) -> bool {
    (c as u32) <= 0x20 || c == NO_BREAK_SPACE || ((c as u32) < 0x80 && "\"';()[]#`,".contains(c))
}

impl<'a> Reader<'a> {
    pub fn new(src: &'a str) -> Reader<'a> {
        Reader { src, pos: 0, err_pos: None, load_mode: false, escape_depth: 0 }
    }

    /// Byte offset of the next unread character.
    pub fn position(&self) -> usize {
        self.pos
    }

    fn peek(&self) -> Option<char> {
        self.src[self.pos..].chars().next()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn unread(&mut self, c: Option<char>) {
        if let Some(c) = c {
            self.pos -= c.len_utf8();
        }
    }

    fn record_error(&mut self) {
        let pos = self.pos.min(self.src.len());
        let before = &self.src[..pos];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
        let col = before[line_start..].chars().count() + 1;
        self.err_pos = Some((pos, line, col));
    }

    fn eof_error(&mut self, interp: &mut Interp) -> super::Flow {
        self.record_error();
        let mut file = Value::NIL;
        for name in ["load-true-file-name", "load-file-name"] {
            let s = interp.intern(name);
            let v = interp.symbol_value(s);
            if v.is_string() {
                file = v;
                break;
            }
        }
        if file.is_string() {
            interp.signal_list(sym::END_OF_FILE, &[file])
        } else {
            interp.signal(sym::END_OF_FILE, Value::NIL)
        }
    }

    fn syntax_error(&mut self, interp: &mut Interp, msg: &str) -> super::Flow {
        self.record_error();
        let m = interp.make_string(msg);
        if self.load_mode {
            interp.signal_list(sym::INVALID_READ_SYNTAX, &[m, Value::fixnum(1), Value::fixnum(0)])
        } else {
            interp.signal_list(sym::INVALID_READ_SYNTAX, &[m])
        }
    }

    fn plain_error(&mut self, interp: &mut Interp, msg: &str) -> super::Flow {
        self.record_error();
        interp.error(msg)
    }

    /// Reads the next datum; `None` at the end of the text.
    pub fn read(&mut self, interp: &mut Interp) -> LResult<Option<Value>> {
        self.err_pos = None;
        let base = interp.stack.len();
        // Slot holding the `#N=` labels alist ((N . OBJECT) ...).
        let labels_slot = interp.push_root(Value::NIL);
        let r = self.read_inner(interp, labels_slot);
        interp.stack.truncate(base);
        r
    }

    fn read_inner(&mut self, interp: &mut Interp, labels_slot: usize) -> LResult<Option<Value>> {
        let mut frames: Vec<Frame> = Vec::new();
        loop {
            let tok = self.token(interp, labels_slot)?;
            let mut v = match tok {
                Tok::Eof => {
                    if frames.is_empty() {
                        return Ok(None);
                    }
                    return Err(self.eof_error(interp));
                }
                Tok::Open => {
                    frames.push(Frame::List { base: interp.stack.len(), dot: Dot::No });
                    continue;
                }
                Tok::OpenVec => {
                    frames.push(Frame::Vector { base: interp.stack.len() });
                    continue;
                }
                Tok::OpenHash => {
                    frames.push(Frame::HashLit { base: interp.stack.len() });
                    continue;
                }
                Tok::OpenStrProps => {
                    frames.push(Frame::StrProps { base: interp.stack.len() });
                    continue;
                }
                Tok::Prefix(s) => {
                    frames.push(Frame::Wrap(s));
                    continue;
                }
                Tok::Label(n) => {
                    let placeholder = interp.cons(Value::NIL, Value::NIL);
                    let slot = interp.push_root(placeholder);
                    let labels = interp.stack[labels_slot];
                    let entry = interp.acons(Value::fixnum(n), placeholder, labels);
                    interp.stack[labels_slot] = entry;
                    interp.stack.truncate(slot);
                    frames.push(Frame::Label { n, placeholder });
                    continue;
                }
                Tok::Dot => match frames.last_mut() {
                    Some(Frame::List { base, dot }) => match dot {
                        Dot::No => {
                            let _ = base;
                            *dot = Dot::AwaitTail;
                            continue;
                        }
                        Dot::HaveTail => return Err(self.syntax_error(interp, ". in wrong context")),
                        Dot::AwaitTail => return Err(self.syntax_error(interp, ".")),
                    },
                    Some(Frame::Vector { .. }) | Some(Frame::HashLit { .. }) | Some(Frame::StrProps { .. }) => {
                        return Err(self.syntax_error(interp, ") or . in a vector"));
                    }
                    _ => return Err(self.syntax_error(interp, ".")),
                },
                Tok::Close(c) => match frames.last() {
                    Some(Frame::List { base, dot }) => {
                        let base = *base;
                        match dot {
                            Dot::AwaitTail => {
                                return Err(self.syntax_error(interp, if c == ')' { ")" } else { "]" }));
                            }
                            Dot::HaveTail if c != ')' => {
                                return Err(self.syntax_error(interp, ". in wrong context"));
                            }
                            Dot::No if c != ')' => return Err(self.syntax_error(interp, "] in a list")),
                            Dot::HaveTail => {
                                let items: Vec<Value> = interp.stack[base..].to_vec();
                                let (tail, elems) = items.split_last().unwrap();
                                let v = interp.list_with_tail(elems, *tail);
                                interp.stack.truncate(base);
                                frames.pop();
                                v
                            }
                            Dot::No => {
                                let items: Vec<Value> = interp.stack[base..].to_vec();
                                let v = interp.list(&items);
                                interp.stack.truncate(base);
                                frames.pop();
                                v
                            }
                        }
                    }
                    Some(Frame::Vector { base }) => {
                        let base = *base;
                        if c != ']' {
                            return Err(self.syntax_error(interp, ") or . in a vector"));
                        }
                        let items: Vec<Value> = interp.stack[base..].to_vec();
                        let v = interp.vector_from(&items);
                        interp.stack.truncate(base);
                        frames.pop();
                        v
                    }
                    Some(Frame::HashLit { base }) => {
                        let base = *base;
                        if c != ')' {
                            return Err(self.syntax_error(interp, "] in a list"));
                        }
                        let items: Vec<Value> = interp.stack[base..].to_vec();
                        frames.pop();
                        let v = self.make_hash_literal(interp, &items)?;
                        interp.stack.truncate(base);
                        v
                    }
                    Some(Frame::StrProps { base }) => {
                        let base = *base;
                        if c != ')' {
                            return Err(self.syntax_error(interp, "] in a list"));
                        }
                        let first = interp.stack.get(base).copied().unwrap_or(Value::NIL);
                        if !first.is_string() {
                            return Err(self.syntax_error(interp, "#"));
                        }
                        interp.stack.truncate(base);
                        frames.pop();
                        first
                    }
                    _ => return Err(self.syntax_error(interp, if c == ')' { ")" } else { "]" })),
                },
                Tok::Datum(v) => v,
            };
            // Deliver the completed datum `v` to the enclosing frames.
            loop {
                match frames.last_mut() {
                    None => return Ok(Some(v)),
                    Some(Frame::List { dot, .. }) => {
                        match dot {
                            Dot::No => {}
                            Dot::AwaitTail => *dot = Dot::HaveTail,
                            Dot::HaveTail => return Err(self.syntax_error(interp, ". in wrong context")),
                        }
                        interp.stack.push(v);
                        break;
                    }
                    Some(Frame::Vector { .. }) | Some(Frame::HashLit { .. }) | Some(Frame::StrProps { .. }) => {
                        interp.stack.push(v);
                        break;
                    }
                    Some(Frame::Wrap(s)) => {
                        let s = *s;
                        frames.pop();
                        v = interp.list(&[s, v]);
                    }
                    Some(Frame::Label { n, placeholder }) => {
                        let (n, ph) = (*n, *placeholder);
                        frames.pop();
                        if v.is_cons() {
                            let (a, d) = (interp.heap.car(v), interp.heap.cdr(v));
                            interp.heap.set_car(ph, a);
                            interp.heap.set_cdr(ph, d);
                            v = ph;
                        } else {
                            substitute(interp, v, ph, v);
                            // Later `#N#` refer to the real object.
                            let mut l = interp.stack[labels_slot];
                            while l.is_cons() {
                                let e = interp.heap.car(l);
                                if interp.heap.car(e) == Value::fixnum(n) {
                                    interp.heap.set_cdr(e, v);
                                    break;
                                }
                                l = interp.heap.cdr(l);
                            }
                        }
                    }
                }
            }
        }
    }

    /// Builds the hash table of a `#s(hash-table ...)` literal.
    fn make_hash_literal(&mut self, interp: &mut Interp, items: &[Value]) -> LResult {
        let hash_table = interp.intern("hash-table");
        if items.first() != Some(&hash_table) {
            // As Emacs 28: any other `#s(TYPE SLOTS...)` reads as a record.
            if items.is_empty() {
                return Err(interp.wrong_type(sym::WHOLENUMP, Value::fixnum(-1)));
            }
            return Ok(interp.record_from(items));
        }
        let mut test = sym::EQL;
        let mut size = Value::NIL;
        let mut data = Value::NIL;
        let data_kw = interp.intern("data");
        let size_kw = interp.intern("size");
        let test_kw = interp.intern("test");
        let mut i = 1;
        while i + 1 < items.len() {
            let (k, v) = (items[i], items[i + 1]);
            if k == test_kw {
                test = v;
            } else if k == size_kw {
                size = v;
            } else if k == data_kw {
                data = v;
            }
            i += 2;
        }
        let f = interp.intern("make-hash-table");
        let mut args = vec![sym::KW_TEST, test];
        if size.is_fixnum() {
            args.push(sym::KW_SIZE);
            args.push(size);
        }
        let base = interp.stack.len();
        interp.stack.extend_from_slice(&args);
        interp.stack.push(data);
        let table = interp.funcall(f, &args)?;
        interp.stack.push(table);
        let putf = interp.intern("puthash");
        let mut d = data;
        while d.is_cons() {
            let k = interp.heap.car(d);
            let rest = interp.heap.cdr(d);
            let v = if rest.is_cons() { interp.heap.car(rest) } else { Value::NIL };
            interp.funcall(putf, &[k, v, table])?;
            d = if rest.is_cons() { interp.heap.cdr(rest) } else { Value::NIL };
        }
        interp.stack.truncate(base);
        Ok(table)
    }

    /// Skips whitespace and comments; returns the next significant char.
    fn skip_ws(&mut self) -> Option<char> {
        loop {
            let c = self.next()?;
            if c == ';' {
                while let Some(c) = self.next() {
                    if c == '\n' {
                        break;
                    }
                }
                continue;
            }
            if (c as u32) <= 0x20 || c == NO_BREAK_SPACE {
                continue;
            }
            return Some(c);
        }
    }

    fn token(&mut self, interp: &mut Interp, labels_slot: usize) -> LResult<Tok> {
        loop {
            let Some(c) = self.skip_ws() else { return Ok(Tok::Eof) };
            return Ok(match c {
                '(' => Tok::Open,
                '[' => Tok::OpenVec,
                ')' | ']' => Tok::Close(c),
                '\'' => Tok::Prefix(sym::QUOTE),
                '`' => Tok::Prefix(sym::BACKQUOTE),
                ',' => {
                    if self.peek() == Some('@') {
                        self.pos += 1;
                        Tok::Prefix(sym::COMMA_AT)
                    } else {
                        Tok::Prefix(sym::COMMA)
                    }
                }
                '"' => Tok::Datum(self.read_string(interp)?),
                '?' => Tok::Datum(self.read_char_literal(interp)?),
                '#' => match self.read_hash(interp, labels_slot)? {
                    Some(t) => t,
                    None => continue,
                },
                '.' => {
                    let n = self.peek();
                    let special = match n {
                        None => true,
                        Some(n) => (n as u32) <= 0x20 || ((n as u32) < 0x80 && "\"';([#?`,".contains(n)),
                    };
                    if special {
                        Tok::Dot
                    } else {
                        self.unread(Some(c));
                        Tok::Datum(self.read_symbol(interp, false, true)?)
                    }
                }
                _ => {
                    self.unread(Some(c));
                    Tok::Datum(self.read_symbol(interp, false, true)?)
                }
            });
        }
    }

    /// After `#`: returns None when the syntax is skipped (`#!` lines, `#@N`).
    fn read_hash(&mut self, interp: &mut Interp, labels_slot: usize) -> LResult<Option<Tok>> {
        let c = self.next();
        Ok(Some(match c {
            Some('\'') => Tok::Prefix(sym::FUNCTION),
            Some(':') => match self.peek() {
                Some(n) if !is_delim(n) => Tok::Datum(self.read_symbol(interp, true, false)?),
                _ => {
                    let s = interp.heap.symbols.make_uninterned("");
                    Tok::Datum(s)
                }
            },
            Some('#') => Tok::Datum(interp.intern("")),
            Some('_') => match self.peek() {
                Some(n) if !is_delim(n) => Tok::Datum(self.read_symbol(interp, false, false)?),
                _ => Tok::Datum(interp.intern("")),
            },
            Some('!') => {
                while let Some(c) = self.next() {
                    if c == '\n' {
                        break;
                    }
                }
                return Ok(None);
            }
            Some('@') => {
                // #@NUMBER: a dynamic doc string. Emacs, reading from a
                // string, skips to the next \037 (`#@00` skips to the end).
                let mut digits = 0;
                let mut n: u64 = 0;
                let mut c = self.next();
                while let Some(d) = c.and_then(|c| c.to_digit(10)) {
                    digits += 1;
                    n = n.saturating_mul(10).saturating_add(d as u64);
                    if digits == 2 && n == 0 {
                        self.pos = self.src.len();
                        return Ok(None);
                    }
                    c = self.next();
                }
                if n == 0 {
                    self.unread(c);
                } else if c == Some('\u{1f}') {
                    return Ok(None);
                }
                while let Some(c) = self.next() {
                    if c == '\u{1f}' {
                        break;
                    }
                }
                return Ok(None);
            }
            Some('(') => Tok::OpenStrProps,
            Some('$') => {
                let s = interp.intern("load-file-name");
                let v = interp.symbol_value(s);
                Tok::Datum(if v.is_unbound() { Value::NIL } else { v })
            }
            Some('s') if self.peek() == Some('(') => {
                self.pos += 1;
                Tok::OpenHash
            }
            Some('x') | Some('X') => Tok::Datum(self.read_radix(interp, 16)?),
            Some('o') | Some('O') => Tok::Datum(self.read_radix(interp, 8)?),
            Some('b') | Some('B') => Tok::Datum(self.read_radix(interp, 2)?),
            Some(d) if d.is_ascii_digit() => {
                let mut n: i64 = d as i64 - '0' as i64;
                let mut overflow = false;
                let mut c = self.next();
                while let Some(d) = c.filter(|c| c.is_ascii_digit()) {
                    match n.checked_mul(10).and_then(|n| n.checked_add(d as i64 - '0' as i64)) {
                        Some(m) => n = m,
                        None => overflow = true,
                    }
                    c = self.next();
                }
                if !overflow && n <= crate::gc::value::MOST_POSITIVE_FIXNUM {
                    match c {
                        Some('r') | Some('R') => return Ok(Some(Tok::Datum(self.read_radix(interp, n)?))),
                        Some('=') => return Ok(Some(Tok::Label(n))),
                        Some('#') => {
                            let mut l = interp.stack[labels_slot];
                            while l.is_cons() {
                                let e = interp.heap.car(l);
                                if interp.heap.car(e) == Value::fixnum(n) {
                                    return Ok(Some(Tok::Datum(interp.heap.cdr(e))));
                                }
                                l = interp.heap.cdr(l);
                            }
                        }
                        _ => {}
                    }
                }
                self.unread(c);
                return Err(self.syntax_error(interp, "#"));
            }
            other => {
                self.unread(other);
                return Err(self.syntax_error(interp, "#"));
            }
        }))
    }

    /// `#xNN`, `#oNN`, `#bNN`, `#RADIXrNN`.
    fn read_radix(&mut self, interp: &mut Interp, radix: i64) -> LResult {
        let mut text = String::new();
        let mut valid: i32 = -1;
        let mut c = self.next();
        if let Some(s @ ('+' | '-')) = c {
            text.push(s);
            c = self.next();
        }
        if c == Some('0') {
            text.push('0');
            valid = 1;
            while c == Some('0') {
                c = self.next();
            }
        }
        let ok_radix = (2..=36).contains(&radix);
        while let Some(ch) = c {
            let d = match ch.to_digit(36) {
                Some(d) if ch.is_ascii_alphanumeric() => d as i64,
                _ => break,
            };
            if !ok_radix || d >= radix {
                valid = 0;
            }
            if valid < 0 {
                valid = 1;
            }
            text.push(ch);
            c = self.next();
        }
        self.unread(c);
        if valid != 1 || !ok_radix {
            return Err(self.syntax_error(interp, &format!("integer, radix {radix}")));
        }
        match BigInt::parse_bytes(text.as_bytes(), radix as u32) {
            Some(b) => Ok(make_integer(interp, &b)),
            None => Err(self.syntax_error(interp, &format!("integer, radix {radix}"))),
        }
    }

    /// A symbol or number token starting at the current position.
    fn read_symbol(&mut self, interp: &mut Interp, uninterned: bool, numbers: bool) -> LResult {
        let mut name = String::new();
        let mut quoted = false;
        while let Some(c) = self.peek() {
            if (!name.is_empty() || quoted) && is_delim(c) {
                break;
            }
            self.pos += c.len_utf8();
            if c == '\\' {
                match self.next() {
                    Some(e) => {
                        quoted = true;
                        name.push(e);
                    }
                    None => return Err(self.eof_error(interp)),
                }
            } else {
                name.push(c);
            }
        }
        if !quoted && !uninterned && numbers {
            match parse_number(&name) {
                Some(Num::Int(b)) => return Ok(make_integer(interp, &b)),
                Some(Num::Float(f)) => return Ok(interp.make_float(f)),
                None => {}
            }
        }
        Ok(if uninterned { interp.heap.symbols.make_uninterned(&name) } else { interp.intern(&name) })
    }

    fn read_string(&mut self, interp: &mut Interp) -> LResult {
        let mut s = String::new();
        loop {
            let Some(c) = self.next() else { return Err(self.eof_error(interp)) };
            match c {
                '"' => break,
                '\\' => {
                    let e = self.read_escape(interp, true)?;
                    if e == -1 {
                        continue;
                    }
                    let mut modifiers = e & CHAR_MODIFIER_MASK;
                    let mut ch = e & !CHAR_MODIFIER_MASK;
                    if (0..0x80).contains(&ch) {
                        if modifiers == CHAR_CTL {
                            if ch == ' ' as i64 {
                                ch = 0;
                                modifiers = 0;
                            } else if ch == '?' as i64 {
                                ch = 127;
                                modifiers = 0;
                            }
                        }
                        if modifiers & CHAR_SHIFT != 0 {
                            if (b'A' as i64..=b'Z' as i64).contains(&ch) {
                                modifiers &= !CHAR_SHIFT;
                            } else if (b'a' as i64..=b'z' as i64).contains(&ch) {
                                ch -= 32;
                                modifiers &= !CHAR_SHIFT;
                            }
                        }
                        if modifiers & CHAR_META != 0 {
                            modifiers &= !CHAR_META;
                            ch |= 0x80;
                        }
                    }
                    if modifiers != 0 {
                        return Err(self.syntax_error(interp, "Invalid modifier in string"));
                    }
                    // Raw bytes (Emacs's eight-bit chars) have no UTF-8
                    // form here; they are stored as the Latin-1 character.
                    if (0x3FFF80..=0x3FFFFF).contains(&ch) {
                        ch -= 0x3FFF00;
                    }
                    s.push(char::from_u32(ch as u32).unwrap_or('\u{FFFD}'));
                }
                c => s.push(c),
            }
        }
        Ok(interp.make_string(&s))
    }

    fn read_char_literal(&mut self, interp: &mut Interp) -> LResult {
        let Some(c) = self.next() else { return Err(self.eof_error(interp)) };
        if c == ' ' || c == '\t' {
            return Ok(Value::fixnum(c as i64));
        }
        let mut ch = if c == '\\' { self.read_escape(interp, false)? } else { c as i64 };
        let modifiers = ch & CHAR_MODIFIER_MASK;
        ch &= !CHAR_MODIFIER_MASK;
        if (0x3FFF80..=0x3FFFFF).contains(&ch) {
            ch -= 0x3FFF00;
        }
        ch |= modifiers;
        let ok = match self.peek() {
            None => true,
            Some(n) => (n as u32) <= 0x20 || ((n as u32) < 0x80 && "\"';()[]#?`,.".contains(n)),
        };
        if ok {
            Ok(Value::fixnum(ch))
        } else {
            Err(self.syntax_error(interp, "?"))
        }
    }

    /// After a backslash in a string or character literal (Emacs's
    /// `read_escape`). Returns -1 for an ignored escape (backslash-newline,
    /// and backslash-space in strings).
    fn read_escape(&mut self, interp: &mut Interp, stringp: bool) -> LResult<i64> {
        let Some(c) = self.next() else { return Err(self.eof_error(interp)) };
        Ok(match c {
            'a' => 7,
            'b' => 8,
            'd' => 127,
            'e' => 27,
            'f' => 12,
            'n' => 10,
            'r' => 13,
            't' => 9,
            'v' => 11,
            '\n' => -1,
            ' ' => {
                if stringp {
                    -1
                } else {
                    32
                }
            }
            'M' | 'S' | 'H' | 'A' => {
                let bit = match c {
                    'M' => CHAR_META,
                    'S' => CHAR_SHIFT,
                    'H' => CHAR_HYPER,
                    _ => CHAR_ALT,
                };
                if self.next() != Some('-') {
                    return Err(self.plain_error(interp, "Invalid escape character syntax"));
                }
                self.modified_char(interp)? | bit
            }
            's' => {
                let n = self.peek();
                if stringp || n != Some('-') {
                    32
                } else {
                    self.pos += 1;
                    self.modified_char(interp)? | CHAR_SUPER
                }
            }
            'C' | '^' => {
                if c == 'C' && self.next() != Some('-') {
                    return Err(self.plain_error(interp, "Invalid escape character syntax"));
                }
                let c = self.modified_char(interp)?;
                let base = c & !CHAR_MODIFIER_MASK;
                let mods = c & CHAR_MODIFIER_MASK;
                if base == '?' as i64 {
                    127 | mods
                } else if !(0..0x80).contains(&base) {
                    c | CHAR_CTL
                } else if ((c & 0o137) >= 0o101 && (c & 0o137) <= 0o132)
                    || ((c & 0o177) >= 0o100 && (c & 0o177) <= 0o137)
                {
                    // Letters (either case) and @[\]^_ make ASCII controls.
                    c & (0o37 | !0o177)
                } else {
                    c | CHAR_CTL
                }
            }
            '0'..='7' => {
                let mut i = c as i64 - '0' as i64;
                for _ in 0..2 {
                    match self.peek() {
                        Some(d @ '0'..='7') => {
                            self.pos += 1;
                            i = i * 8 + (d as i64 - '0' as i64);
                        }
                        _ => break,
                    }
                }
                if (0x80..0x100).contains(&i) {
                    i += 0x3FFF00;
                }
                i
            }
            'x' => {
                let mut i: i64 = 0;
                let mut count = 0;
                while let Some(d) = self.peek().and_then(|c| c.to_digit(16)) {
                    self.pos += 1;
                    i = (i << 4) + d as i64;
                    if i > (CHAR_META | (CHAR_META - 1)) {
                        return Err(self.plain_error(interp, &format!("Hex character out of range: \\x{i:x}...")));
                    }
                    if count < 3 {
                        count += 1;
                    }
                }
                if count < 3 && i >= 0x80 {
                    i + 0x3FFF00
                } else {
                    i
                }
            }
            'u' | 'U' => {
                let n = if c == 'u' { 4 } else { 8 };
                let mut i: i64 = 0;
                for _ in 0..n {
                    let Some(h) = self.next() else {
                        return Err(self.plain_error(interp, &format!("Malformed Unicode escape: \\{c}{i:x}")));
                    };
                    let Some(d) = h.to_digit(16) else {
                        return Err(self.plain_error(
                            interp,
                            &format!("Non-hex character used for Unicode escape: {h} ({})", h as u32),
                        ));
                    };
                    i = (i << 4) + d as i64;
                }
                if i > 0x10FFFF {
                    return Err(self.plain_error(interp, &format!("Non-Unicode character: 0x{i:x}")));
                }
                i
            }
            'N' => {
                // Only the `\N{U+XXXX}` form is supported.
                if self.next() != Some('{') {
                    return Err(self.plain_error(interp, "Expected opening brace after \\N"));
                }
                let mut name = String::new();
                loop {
                    match self.next() {
                        None => return Err(self.eof_error(interp)),
                        Some('}') => break,
                        Some(ch) => name.push(ch),
                    }
                }
                let code = name
                    .strip_prefix("U+")
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .filter(|&c| c <= 0x10FFFF);
                match code {
                    Some(c) => c as i64,
                    None => return Err(self.syntax_error(interp, &format!("\\N{{{name}}}"))),
                }
            }
            other => other as i64,
        })
    }

    /// The character after `\C-`, `\M-`...: itself or another escape.
    fn modified_char(&mut self, interp: &mut Interp) -> LResult<i64> {
        match self.next() {
            None => Ok(-1),
            Some('\\') => {
                if self.escape_depth >= 64 {
                    return Err(self.plain_error(interp, "Invalid escape character syntax"));
                }
                self.escape_depth += 1;
                let r = self.read_escape(interp, false);
                self.escape_depth -= 1;
                r
            }
            Some(c) => Ok(c as i64),
        }
    }
}

/// Replaces `placeholder` by `obj` inside `tree` (conses and vectors),
/// iteratively and visiting each object once.
fn substitute(interp: &mut Interp, tree: Value, placeholder: Value, obj: Value) {
    let mut seen = std::collections::HashSet::new();
    let mut todo = vec![tree];
    while let Some(x) = todo.pop() {
        if !(x.is_cons() || interp.heap.is_vector(x)) || !seen.insert(x.bits()) {
            continue;
        }
        if x.is_cons() {
            let (a, d) = (interp.heap.car(x), interp.heap.cdr(x));
            if a == placeholder {
                interp.heap.set_car(x, obj);
            } else {
                todo.push(a);
            }
            if d == placeholder {
                interp.heap.set_cdr(x, obj);
            } else {
                todo.push(d);
            }
        } else {
            let n = interp.heap.vec_len(x);
            for i in 0..n {
                let e = interp.heap.vec_get(x, i);
                if e == placeholder {
                    interp.heap.vec_set(x, i, obj);
                } else {
                    todo.push(e);
                }
            }
        }
    }
}

/// A fixnum when in range, else a bignum.
pub fn make_integer(interp: &mut Interp, b: &BigInt) -> Value {
    use num_traits::ToPrimitive;
    if let Some(v) = b.to_i64().and_then(Value::try_fixnum) {
        return v;
    }
    let (sign, limbs) = b.to_u64_digits();
    interp.make_bignum(sign == Sign::Minus, &limbs)
}

pub enum Num {
    Int(BigInt),
    Float(f64),
}

/// Emacs's `string_to_number` in base 10 for a whole token: `Some` only when
/// the entire text is number syntax.
pub fn parse_number(s: &str) -> Option<Num> {
    let b = s.as_bytes();
    let mut i = 0;
    let negative = matches!(b.first(), Some(b'-'));
    if matches!(b.first(), Some(b'-' | b'+')) {
        i = 1;
    }
    let lead_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let lead_int = i > lead_start;
    let lead_end = i;
    let mut dot = false;
    if i < b.len() && b[i] == b'.' {
        dot = true;
        i += 1;
    }
    let trail_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let trail_int = i > trail_start;
    let mut e_exp = false;
    let mut special: Option<f64> = None;
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let ecp = i;
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let ds = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i > ds {
            e_exp = true;
        } else if b[i - 1] == b'+' && b[i..].starts_with(b"INF") {
            e_exp = true;
            i += 3;
            special = Some(f64::INFINITY);
        } else if b[i - 1] == b'+' && b[i..].starts_with(b"NaN") {
            e_exp = true;
            i += 3;
            special = Some(f64::NAN);
        } else {
            i = ecp;
        }
    }
    if i != b.len() {
        return None;
    }
    let float_syntax = trail_int || (lead_int && e_exp);
    if float_syntax {
        let v = match special {
            Some(v) => v,
            None => s[lead_start..].parse::<f64>().ok()?,
        };
        return Some(Num::Float(if negative { -v } else { v }));
    }
    if !lead_int || e_exp {
        return None;
    }
    let _ = dot;
    let mut n = BigInt::parse_bytes(&b[lead_start..lead_end], 10)?;
    if negative {
        n = -n;
    }
    Some(Num::Int(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rd(src: &str) -> String {
        let mut interp = Interp::bare();
        let mut r = Reader::new(src);
        match r.read(&mut interp) {
            Ok(Some(v)) => interp.prin1_to_string(v),
            Ok(None) => "EOF".into(),
            Err(_) => {
                let p = interp.pending_pair();
                format!("ERR {}", interp.prin1_to_string(p))
            }
        }
    }

    #[test]
    fn numbers() {
        assert_eq!(rd("42"), "42");
        assert_eq!(rd("+1"), "1");
        assert_eq!(rd("1."), "1");
        assert_eq!(rd("#x1F"), "31");
        assert_eq!(rd("#24r1k"), "44");
        assert_eq!(rd("1.5e3"), "1500.0");
        assert_eq!(rd(".5"), "0.5");
        assert_eq!(rd("-1.0e+INF"), "-1.0e+INF");
        assert_eq!(rd("100000000000000000000"), "100000000000000000000");
        assert_eq!(rd("#b102"), "ERR (invalid-read-syntax \"integer, radix 2\")");
    }

    #[test]
    fn structure_and_errors() {
        assert_eq!(rd("(a . b)"), "(a . b)");
        assert_eq!(rd("(a .)"), "(a \\.)");
        assert_eq!(rd("(. b)"), "b");
        assert_eq!(rd("(a . b c)"), "ERR (invalid-read-syntax \". in wrong context\")");
        assert_eq!(rd("[1 2)"), "ERR (invalid-read-syntax \") or . in a vector\")");
        assert_eq!(rd("(1 2]"), "ERR (invalid-read-syntax \"] in a list\")");
        assert_eq!(rd("(a"), "ERR (end-of-file)");
        assert_eq!(rd("'x"), "'x");
        assert_eq!(rd("?\\C-a"), "1");
        assert_eq!(rd("?\\M-a"), "134217825");
        assert_eq!(rd("?ab"), "ERR (invalid-read-syntax \"?\")");
        assert_eq!(rd("#1=(a . #1#)"), "(a . #0)");
    }

    #[test]
    fn deep_nesting_is_safe() {
        let n = 200_000;
        let src = format!("{}{}", "(".repeat(n), ")".repeat(n));
        let mut interp = Interp::bare();
        let mut r = Reader::new(&src);
        assert!(r.read(&mut interp).unwrap().is_some());
    }
}

#[cfg(test)]
mod fuzz {
    use super::*;

    /// Random texts made of syntax-heavy characters never panic the reader.
    #[test]
    fn random_input_never_panics() {
        let alphabet: Vec<char> = "()[]'`,@#.?\\\"; \n\t0123456789abexrsoX+-=:_!$^CMSé日\u{0}\u{1f}\u{a0}".chars().collect();
        let mut interp = Interp::bare();
        let mut seed: u64 = 0x9E3779B97F4A7C15;
        for _ in 0..20_000 {
            let mut s = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 24) as usize;
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            let mut r = Reader::new(&s);
            for _ in 0..50 {
                match r.read(&mut interp) {
                    Ok(Some(v)) => {
                        let _ = interp.prin1_to_string(v);
                    }
                    _ => break,
                }
            }
            interp.reset_after_error();
        }
    }
}

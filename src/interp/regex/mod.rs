//! Emacs regular expressions over character slices: the engine behind
//! `string-match`, `replace-regexp-in-string`, `split-string` and the
//! `string-trim` family.
//!
//! # Supported syntax (Emacs 28's, `regex-emacs.c`)
//!
//! - Ordinary characters match themselves; `.` matches anything but newline.
//! - Bracket expressions `[...]` / `[^...]`: characters, ranges `a-z` (a
//!   reversed range is empty), `]` first and `-` first or last are literal,
//!   and the classes `[:alpha:] [:alnum:] [:digit:] [:xdigit:] [:upper:]
//!   [:lower:] [:space:] [:word:] [:punct:] [:blank:] [:cntrl:] [:print:]
//!   [:graph:] [:ascii:] [:nonascii:] [:multibyte:] [:unibyte:]`, with
//!   Emacs's definitions (ASCII rules below 128, Unicode properties and the
//!   syntax table above; see [`crate::interp::unicode`]). A negated set
//!   matches newline.
//! - Postfix operators `*`, `+`, `?`; a run of them collapses as Emacs does
//!   (`a**` is `a*`, `a+?`/`a*?`/`a??` are non-greedy); `\{N\}`, `\{N,\}`,
//!   `\{,M\}`, `\{N,M\}` (at most 65535).
//! - Groups `\( \)`, shy groups `\(?: \)`, explicitly numbered groups
//!   `\(?N: \)` (a later plain group takes the next number above the highest
//!   so far), alternation `\|`, back references `\1`..`\9`.
//! - `\w \W` (word syntax), `\sC \SC` (syntax class C, `-` or space for
//!   whitespace), `\cC \CC` (categories: only approximated, see below).
//! - Anchors `` \` \' \= `` (`\=` matches at point in a buffer, never in a string), `\b \B
//!   \< \> \_< \_>`, and `^ $`.
//! - Context rules: `^` is an anchor only at the start of the pattern or
//!   after `\(`, `\(?:`, `\|` (elsewhere literal); `$` only at the end or
//!   before `\)` or `\|`; `* + ?` are literal at the start or after such a
//!   `^`, and `\{` is literal there too.
//! - Any other escaped character is itself.
//!
//! Errors carry Emacs's messages ("Unmatched [ or [^", "Invalid back
//! reference", ...), which the caller signals as `invalid-regexp`.
//!
//! # Matching
//!
//! The pattern compiles to a small program (`Inst`) run by a backtracking
//! interpreter with an explicit stack: the leftmost match wins, and at one
//! start position the first alternative that succeeds (in the order
//! greedy/non-greedy and `\|` dictate) wins, as in Emacs, with the same
//! group results: a group keeps its last iteration's bounds, and a group that
//! did not take part is unset.
//!
//! A star whose body can match the empty string uses a loop instruction that
//! remembers the position of its last iteration, like Emacs's
//! `on_failure_jump_loop`: an iteration that matched nothing leaves the loop
//! (so `\(a*\)*b` on `b` sets group 1 to the empty match, as Emacs does)
//! instead of looping for ever. A greedy star of a single-character matcher
//! is one instruction that consumes a run and backs off one character at a
//! time (Emacs's `on_failure_keep_string_jump`), so `a*` over a long string
//! takes no stack.
//!
//! Without back references, failed (instruction, position) states are
//! remembered in a bit set (as RE2's "bit state" engine does), across start
//! positions too: a state that failed once fails again, so matching is
//! O(program × text) instead of exponential. With back references the
//! search is plain backtracking and may take exponential time, as in Emacs.
//!
//! Every path is bounded: the backtrack stack holds at most
//! [`MAX_BACKTRACK`] entries (then the match fails with
//! [`MatchError::StackOverflow`], Emacs's "Stack overflow in regexp
//! matcher"), and every [`QUIT_INTERVAL`] steps the caller's `quit` callback
//! is asked whether to stop ([`MatchError::Interrupted`], which the
//! interpreter turns into `quit`).
//!
//! Case folding (`case-fold-search`) compares characters through Emacs's
//! canonical case table (`downcase (upcase (downcase c))`).
//!
//! Buffers search the same way ([`Regex::search_span`]): start positions in
//! either direction, a `stop` beyond which nothing is consumed (a search
//! bound, or point for a backward search) while anchors still see the
//! text after it, and point for `\=`.
//!
//! Not modelled: character categories (`\cC` matches any character and
//! `\CC` none) and syntax-table text properties.

use crate::interp::unicode::{
    alphabeticp, alphanumericp, blankp, downcase_char, graphicp, lowercasep, printablep, syntax_class,
    upcase_char, uppercasep,
};

/// Emacs's `RE_DUP_MAX`.
const DUP_MAX: u32 = 65535;
/// Refuse programs larger than this (Emacs: "Regular expression too big").
const MAX_PROG: usize = 1 << 20;
/// Entries allowed on the backtrack stack. Emacs's limit on failure points
/// lies between 10^5 and 10^6 with the default stack: `\(?:a\|b\)*c`
/// overflows on a million `a`s in both and not on a hundred thousand.
pub const MAX_BACKTRACK: usize = 1_000_000;
/// Steps between two calls of the `quit` callback.
pub const QUIT_INTERVAL: u64 = 1 << 16;
/// Bits of memo allowed (program length × text length); beyond it the
/// matcher backtracks without memo.
const MAX_MEMO_BITS: usize = 1 << 28;

/// Why a match stopped without an answer.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum MatchError {
    /// The backtrack stack is full ("Stack overflow in regexp matcher").
    StackOverflow,
    /// The `quit` callback asked to stop.
    Interrupted,
}

/// Bounds of the whole match and of each group, in characters: index 0 is
/// the whole match, `None` a group that did not take part.
pub type Groups = Vec<Option<(usize, usize)>>;

/// Emacs's case canonicalisation (the `case-canon-table`).
pub fn canon(c: u32) -> u32 {
    downcase_char(upcase_char(downcase_char(c)))
}

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

    /// regex-emacs.c's `ISALPHA` & co. (multibyte strings).
    fn matches(self, c: u32, fold: bool) -> bool {
        let ascii = c < 128;
        let letter = |c: u32| (b'a' as u32..=b'z' as u32).contains(&c) || (b'A' as u32..=b'Z' as u32).contains(&c);
        let digit = |c: u32| (b'0' as u32..=b'9' as u32).contains(&c);
        match self {
            Class::Alpha => if ascii { letter(c) } else { alphabeticp(c) },
            Class::Alnum => if ascii { letter(c) || digit(c) } else { alphanumericp(c) },
            Class::Digit => digit(c),
            Class::Xdigit => digit(c) || (b'a' as u32..=b'f' as u32).contains(&c) || (b'A' as u32..=b'F' as u32).contains(&c),
            Class::Upper => uppercasep(c) || (fold && lowercasep(c)),
            Class::Lower => lowercasep(c) || (fold && uppercasep(c)),
            Class::Space => syntax_class(c) == b' ',
            Class::Word => syntax_class(c) == b'w',
            Class::Punct => if ascii { c > 32 && c < 127 && !letter(c) && !digit(c) } else { syntax_class(c) != b'w' },
            Class::Blank => if ascii { c == 32 || c == 9 } else { blankp(c) },
            Class::Cntrl => c < 32,
            Class::Print => if c < 256 { c >= 32 && !(127..160).contains(&c) } else { printablep(c) },
            Class::Graph => if c < 256 { c > 32 && !(127..=160).contains(&c) } else { graphicp(c) },
            Class::Ascii | Class::Unibyte => ascii,
            Class::Nonascii | Class::Multibyte => !ascii,
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
    fn contains_raw(&self, c: u32, fold: bool) -> bool {
        self.ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi) || self.classes.iter().any(|k| k.matches(c, fold))
    }

    fn matches(&self, c: u32, fold: bool) -> bool {
        let mut hit = self.contains_raw(c, fold);
        if !hit && fold {
            // Emacs adds each member's canonical case to the set and looks
            // the input's canonical case up: try the case variants of `c`.
            let k = canon(c);
            hit = [k, downcase_char(c), upcase_char(c)].into_iter().any(|v| v != c && self.contains_raw(v, fold));
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

/// A matcher of exactly one character.
#[derive(Copy, Clone, Debug)]
enum One {
    Char(u32),
    Any,
    Set(usize),
    /// Syntax class test; `true` negates.
    Syntax(bool, u8),
}

#[derive(Clone, Debug)]
enum Ast {
    Empty,
    One(One),
    Assert(Assert),
    Group(Option<usize>, Box<Ast>),
    Concat(Vec<Ast>),
    Alt(Vec<Ast>),
    Repeat(Box<Ast>, u32, Option<u32>, bool),
    Backref(usize),
}

impl Ast {
    /// Can this match the empty string (Emacs's `analyze_first` says "may")?
    fn nullable(&self) -> bool {
        match self {
            Ast::Empty | Ast::Assert(_) | Ast::Backref(_) => true,
            Ast::One(_) => false,
            Ast::Group(_, a) => a.nullable(),
            Ast::Concat(items) => items.iter().all(Ast::nullable),
            Ast::Alt(items) => items.iter().any(Ast::nullable),
            Ast::Repeat(a, min, _, _) => *min == 0 || a.nullable(),
        }
    }
}

#[derive(Copy, Clone, Debug)]
enum Inst {
    One(One),
    /// Greedy star of one-character matcher: consume a run, back off.
    Star(One),
    /// Try `.0` first, then `.1`.
    Split(usize, usize),
    /// A star loop whose body may match empty: `body`, `exit`, loop
    /// register, greedy. An iteration that began at the current position
    /// leaves the loop.
    Loop { body: usize, exit: usize, reg: usize, greedy: bool },
    Jmp(usize),
    Save(usize),
    Assert(Assert),
    Backref(usize),
    Match,
}

/// A compiled Emacs regexp.
#[derive(Debug)]
pub struct Regex {
    prog: Vec<Inst>,
    /// Per instruction: inside the body of a loop that may match empty,
    /// where a state can recur on the path that is exploring it, so it is
    /// remembered as failed only once its exploration is over.
    in_loop: Vec<bool>,
    sets: Vec<CharSet>,
    /// Groups including group 0.
    ngroups: usize,
    nloops: usize,
    backrefs: bool,
    anchored: bool,
}

struct Parser<'a> {
    p: &'a [char],
    i: usize,
    sets: Vec<CharSet>,
    next_group: usize,
    max_group: usize,
    /// Groups open at this point (back references may not name them).
    open: Vec<usize>,
    backrefs: bool,
}

type PResult<T> = Result<T, &'static str>;

impl Parser<'_> {
    fn at(&self, s: &str) -> bool {
        self.at_from(self.i, s)
    }

    fn at_from(&self, k: usize, s: &str) -> bool {
        (k..).zip(s.chars()).all(|(j, c)| self.p.get(j) == Some(&c))
    }

    fn parse_alt(&mut self) -> PResult<Ast> {
        let mut branches = vec![self.parse_seq()?];
        while self.at("\\|") {
            self.i += 2;
            branches.push(self.parse_seq()?);
        }
        Ok(if branches.len() == 1 { branches.pop().unwrap_or(Ast::Empty) } else { Ast::Alt(branches) })
    }

    fn parse_seq(&mut self) -> PResult<Ast> {
        let mut items: Vec<Ast> = Vec::new();
        // Emacs's `laststart`: where the last finished expression begins,
        // which a postfix operator applies to. The anchors `\b \B \` \' \=`
        // do not move it, so `a\b*` repeats `a\b`; with none (at the start
        // of a branch, after `^`, or after only such anchors) `* + ? \{`
        // are literal: `\b?` is `\b` then `?`.
        let mut last_start: Option<usize> = None;
        while self.i < self.p.len() && !self.at("\\|") && !self.at("\\)") {
            let c = self.p[self.i];
            if last_start.is_none() && matches!(c, '*' | '+' | '?') {
                self.i += 1;
                last_start = Some(items.len());
                items.push(Ast::One(One::Char(c as u32)));
                continue;
            }
            if last_start.is_none() && self.at("\\{") {
                self.i += 2;
                last_start = Some(items.len());
                items.push(Ast::One(One::Char('{' as u32)));
                continue;
            }
            if let Some(ls) = last_start
                && (matches!(c, '*' | '+' | '?') || self.at("\\{"))
            {
                let (min, max, greedy) = self.parse_postfix()?;
                let body = if items.len() - ls == 1 {
                    items.pop().unwrap_or(Ast::Empty)
                } else {
                    Ast::Concat(items.drain(ls..).collect())
                };
                items.push(Ast::Repeat(Box::new(body), min, max, greedy));
                continue;
            }
            if c == '^' && items.is_empty() {
                self.i += 1;
                items.push(Ast::Assert(Assert::LineStart));
                continue;
            }
            if c == '$' && (self.i + 1 == self.p.len() || self.at_from(self.i + 1, "\\)") || self.at_from(self.i + 1, "\\|")) {
                self.i += 1;
                items.push(Ast::Assert(Assert::LineEnd));
                continue;
            }
            let atom = self.parse_atom()?;
            // regex-emacs.c: `\b \B \` \' \=` leave `laststart` alone;
            // `\< \> \_< \_>` set it like any other expression.
            let sets_start = !matches!(
                atom,
                Ast::Assert(Assert::WordBound | Assert::NotWordBound | Assert::TextStart | Assert::TextEnd | Assert::Point)
            );
            if sets_start {
                last_start = Some(items.len());
            }
            items.push(atom);
        }
        Ok(match items.len() {
            0 => Ast::Empty,
            1 => items.pop().unwrap_or(Ast::Empty),
            _ => Ast::Concat(items),
        })
    }

    /// A postfix operator: (min, max, greedy).
    fn parse_postfix(&mut self) -> PResult<(u32, Option<u32>, bool)> {
        match self.p.get(self.i) {
            Some('*' | '+' | '?') => {
                // A run of repetition characters collapses to one operator
                // (regex_compile): `?` after another makes it non-greedy.
                let (mut zero, mut many, mut greedy) = (false, false, true);
                let mut first = true;
                while let Some(&c) = self.p.get(self.i) {
                    if !matches!(c, '*' | '+' | '?') {
                        break;
                    }
                    self.i += 1;
                    if c == '?' && !first && (zero || many) {
                        greedy = false;
                    } else {
                        zero |= c != '+';
                        many |= c != '?';
                    }
                    first = false;
                }
                Ok((if zero { 0 } else { 1 }, if many { None } else { Some(1) }, greedy))
            }
            _ => {
                self.i += 2;
                let (min, max) = self.parse_interval()?;
                Ok((min, max, true))
            }
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

    fn parse_interval(&mut self) -> PResult<(u32, Option<u32>)> {
        const BAD: &str = "Invalid content of \\{\\}";
        const UNMATCHED: &str = "Unmatched \\{";
        let min = self.parse_number();
        let max = if self.p.get(self.i) == Some(&',') {
            self.i += 1;
            self.parse_number()
        } else {
            Some(min.unwrap_or(0))
        };
        if self.i >= self.p.len() || (self.p[self.i] == '\\' && self.i + 1 >= self.p.len()) {
            return Err(UNMATCHED);
        }
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

    fn parse_atom(&mut self) -> PResult<Ast> {
        let c = self.p[self.i];
        self.i += 1;
        match c {
            '.' => Ok(Ast::One(One::Any)),
            '[' => self.parse_set(),
            '\\' => self.parse_escape(),
            _ => Ok(Ast::One(One::Char(c as u32))),
        }
    }

    fn parse_escape(&mut self) -> PResult<Ast> {
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
                        let n = self.parse_number();
                        if self.i >= self.p.len() {
                            return Err("Premature end of regular expression");
                        }
                        let Some(n) = n else { return Err("Invalid regular expression") };
                        if self.p[self.i] != ':' || n == 0 {
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
                    self.open.push(n);
                }
                let inner = self.parse_alt()?;
                if !self.at("\\)") {
                    return Err("Unmatched ( or \\(");
                }
                self.i += 2;
                if index.is_some() {
                    self.open.pop();
                }
                Ast::Group(index, Box::new(inner))
            }
            '1'..='9' => {
                // Emacs: at most the highest group number so far, and not a
                // group still open.
                let n = c as usize - '0' as usize;
                if n > self.max_group || self.open.contains(&n) {
                    return Err("Invalid back reference");
                }
                self.backrefs = true;
                Ast::Backref(n)
            }
            'w' => Ast::One(One::Syntax(false, b'w')),
            'W' => Ast::One(One::Syntax(true, b'w')),
            's' | 'S' => {
                let Some(&k) = self.p.get(self.i) else { return Err("Premature end of regular expression") };
                self.i += 1;
                let k = if k == '-' { b' ' } else if k.is_ascii() { k as u8 } else { 0 };
                Ast::One(One::Syntax(c == 'S', k))
            }
            'c' | 'C' => {
                // Character categories are not modelled: `\cX` matches any
                // character, `\CX` none.
                if self.p.get(self.i).is_none() {
                    return Err("Premature end of regular expression");
                }
                self.i += 1;
                if c == 'c' {
                    Ast::One(One::Set(self.add_set(CharSet { negated: true, ..Default::default() })))
                } else {
                    Ast::One(One::Set(self.add_set(CharSet::default())))
                }
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
                None => return Err("Premature end of regular expression"),
                _ => return Err("Invalid regular expression"),
            },
            '{' => return Err("Invalid preceding regular expression"),
            other => Ast::One(One::Char(other as u32)),
        })
    }

    fn add_set(&mut self, s: CharSet) -> usize {
        self.sets.push(s);
        self.sets.len() - 1
    }

    fn parse_set(&mut self) -> PResult<Ast> {
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
                let rest = &self.p[self.i + 2..];
                if let Some(end) = rest.windows(2).position(|w| w == [':', ']']) {
                    let name: String = rest[..end].iter().collect();
                    if let Some(k) = Class::from_name(&name) {
                        set.classes.push(k);
                        self.i += 2 + end + 2;
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
        Ok(Ast::One(One::Set(self.add_set(set))))
    }
}

struct Compiler {
    prog: Vec<Inst>,
    in_loop: Vec<bool>,
    loop_depth: usize,
    nloops: usize,
}

impl Compiler {
    fn emit(&mut self, i: Inst) -> PResult<usize> {
        if self.prog.len() >= MAX_PROG {
            return Err("Regular expression too big");
        }
        self.prog.push(i);
        self.in_loop.push(self.loop_depth > 0);
        Ok(self.prog.len() - 1)
    }

    fn compile(&mut self, ast: &Ast) -> PResult<()> {
        match ast {
            Ast::Empty => {}
            Ast::One(o) => {
                self.emit(Inst::One(*o))?;
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
                        if let (true, Ast::One(o)) = (*greedy, &**inner) {
                            self.emit(Inst::Star(*o))?;
                        } else if inner.nullable() {
                            let reg = self.nloops;
                            self.nloops += 1;
                            let top = self.emit(Inst::Loop { body: 0, exit: 0, reg, greedy: *greedy })?;
                            self.loop_depth += 1;
                            self.compile(inner)?;
                            self.emit(Inst::Jmp(top))?;
                            self.loop_depth -= 1;
                            let exit = self.prog.len();
                            self.prog[top] = Inst::Loop { body: top + 1, exit, reg, greedy: *greedy };
                        } else {
                            let split = self.emit(Inst::Split(0, 0))?;
                            self.compile(inner)?;
                            self.emit(Inst::Jmp(split))?;
                            let end = self.prog.len();
                            self.prog[split] = if *greedy { Inst::Split(split + 1, end) } else { Inst::Split(end, split + 1) };
                        }
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

fn is_word(c: u32) -> bool {
    syntax_class(c) == b'w'
}

fn is_symbol_constituent(c: u32) -> bool {
    matches!(syntax_class(c), b'w' | b'_')
}

/// A character of the text being searched: `u8` for an ASCII string
/// (searched in place, without decoding), `char` otherwise.
pub trait TextChar: Copy {
    fn code(self) -> u32;
}

impl TextChar for u8 {
    #[inline]
    fn code(self) -> u32 {
        self as u32
    }
}

impl TextChar for char {
    #[inline]
    fn code(self) -> u32 {
        self as u32
    }
}

/// The start positions and limits of a search: starts from `first` to
/// `last` (inclusive, either direction), no character consumed at or after
/// `stop`, `\=` matching at `point`.
#[derive(Copy, Clone, Debug)]
pub struct Span {
    pub first: usize,
    pub last: usize,
    pub stop: usize,
    pub point: Option<usize>,
}

/// One entry of the backtrack stack.
enum Job {
    /// Resume at instruction `.0`, position `.1`.
    Thread(usize, usize),
    /// Undo a capture slot.
    Restore(usize, Option<usize>),
    /// Undo a loop register.
    RestoreLoop(usize, Option<usize>),
    /// A greedy star that consumed up to `pos` from `min`: retry the rest
    /// (instruction `pc`) one character shorter.
    StarBack { pc: usize, min: usize, pos: usize },
    /// Everything tried from (`.0`, `.1`) has failed: remember it.
    Failed(usize, usize),
}

/// Per-search scratch state.
struct Run<'t, T> {
    text: &'t [T],
    /// Characters at or after `stop` are never consumed (a search bound),
    /// though anchors still see them, as in Emacs's `re_match_2`.
    stop: usize,
    /// Where `\=` matches (point, in a buffer).
    point: Option<usize>,
    fold: bool,
    caps: Vec<Option<usize>>,
    loops: Vec<Option<usize>>,
    memo: bool,
    base: usize,
    visited: Vec<u64>,
    steps: u64,
    stack: Vec<Job>,
}

impl Regex {
    /// Compiles `pattern`; the error is Emacs's `invalid-regexp` message.
    pub fn new(pattern: &str) -> Result<Regex, &'static str> {
        let chars: Vec<char> = pattern.chars().collect();
        let mut p = Parser {
            p: &chars,
            i: 0,
            sets: Vec::new(),
            next_group: 1,
            max_group: 0,
            open: Vec::new(),
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
        let mut c = Compiler { prog: Vec::new(), in_loop: Vec::new(), loop_depth: 0, nloops: 0 };
        c.emit(Inst::Save(0))?;
        c.compile(&ast)?;
        c.emit(Inst::Save(1))?;
        c.emit(Inst::Match)?;
        Ok(Regex {
            prog: c.prog,
            in_loop: c.in_loop,
            sets: p.sets,
            ngroups: p.max_group + 1,
            nloops: c.nloops,
            backrefs: p.backrefs,
            anchored,
        })
    }

    #[allow(dead_code)] // for tests and the buffer functions to come
    /// The number of groups, counting group 0 (the whole match).
    pub fn groups(&self) -> usize {
        self.ngroups
    }

    #[allow(dead_code)] // for tests and the buffer functions to come
    /// The leftmost match at or after character `start`, never quitting:
    /// its bounds. Matching errors count as no match.
    pub fn find<T: TextChar>(&self, text: &[T], start: usize, fold: bool) -> Option<(usize, usize)> {
        self.search(text, start, fold, &mut || false).ok().flatten().and_then(|g| g[0])
    }

    /// The leftmost match at or after character `start`: the bounds of the
    /// whole match and of each group. `quit` is called every
    /// [`QUIT_INTERVAL`] steps; returning true stops the search.
    pub fn search<T: TextChar>(&self, text: &[T], start: usize, fold: bool, quit: &mut dyn FnMut() -> bool) -> Result<Option<Groups>, MatchError> {
        let n = text.len();
        if start > n {
            return Ok(None);
        }
        // `\`` at the front: only position 0 can match.
        let last = if self.anchored { 0 } else { n };
        if start > last {
            return Ok(None);
        }
        self.search_range(text, Span { first: start, last, stop: n, point: None }, fold, quit)
    }

    /// A buffer search (Emacs's `re_search_2`): tries start positions from
    /// `span.first` to `span.last` in that order (descending for a
    /// backward search), consuming no character at or after `span.stop`.
    pub fn search_span<T: TextChar>(&self, text: &[T], span: Span, fold: bool, quit: &mut dyn FnMut() -> bool) -> Result<Option<Groups>, MatchError> {
        let n = text.len();
        if span.first > n || span.last > n || span.stop > n {
            return Ok(None);
        }
        self.search_range(text, span, fold, quit)
    }

    fn search_range<T: TextChar>(&self, text: &[T], span: Span, fold: bool, quit: &mut dyn FnMut() -> bool) -> Result<Option<Groups>, MatchError> {
        let n = text.len();
        let plen = self.prog.len();
        let start = span.first.min(span.last);
        let memo = !self.backrefs && plen.saturating_mul(n - start + 1) <= MAX_MEMO_BITS;
        let mut run = Run {
            text,
            stop: span.stop,
            point: span.point,
            fold,
            caps: vec![None; 2 * self.ngroups],
            loops: vec![None; self.nloops],
            memo,
            base: start,
            visited: Vec::new(),
            steps: 0,
            stack: Vec::new(),
        };
        let starts: Box<dyn Iterator<Item = usize>> =
            if span.first <= span.last { Box::new(span.first..=span.last) } else { Box::new((span.last..=span.first).rev()) };
        for s in starts {
            run.caps.iter_mut().for_each(|c| *c = None);
            run.loops.iter_mut().for_each(|c| *c = None);
            if self.run(&mut run, s, quit)? {
                let groups = (0..self.ngroups)
                    .map(|g| match (run.caps[2 * g], run.caps[2 * g + 1]) {
                        (Some(b), Some(e)) if b <= e => Some((b, e)),
                        _ => None,
                    })
                    .collect();
                return Ok(Some(groups));
            }
        }
        Ok(None)
    }

    fn one(&self, o: One, c: u32, fold: bool) -> bool {
        match o {
            One::Char(k) => c == k || (fold && canon(c) == canon(k)),
            One::Any => c != '\n' as u32,
            One::Set(i) => self.sets[i].matches(c, fold),
            One::Syntax(neg, k) => (syntax_class(c) == k) != neg,
        }
    }

    fn push<T>(r: &mut Run<T>, job: Job) -> Result<(), MatchError> {
        if r.stack.len() >= MAX_BACKTRACK {
            return Err(MatchError::StackOverflow);
        }
        r.stack.push(job);
        Ok(())
    }

    fn is_marked<T>(&self, r: &Run<T>, pc: usize, pos: usize) -> bool {
        let k = (pos - r.base) * self.prog.len() + pc;
        r.visited.get(k / 64).is_some_and(|w| w & (1u64 << (k % 64)) != 0)
    }

    fn mark<T>(&self, r: &mut Run<T>, pc: usize, pos: usize) {
        self.seen(r, pc, pos);
    }

    /// Marks (pc, pos) visited; true if it was already.
    fn seen<T>(&self, r: &mut Run<T>, pc: usize, pos: usize) -> bool {
        let k = (pos - r.base) * self.prog.len() + pc;
        if k / 64 >= r.visited.len() {
            let want = (k / 64 + 1).max(r.visited.len() * 2).max(64);
            r.visited.resize(want, 0);
        }
        let bit = 1u64 << (k % 64);
        if r.visited[k / 64] & bit != 0 {
            return true;
        }
        r.visited[k / 64] |= bit;
        false
    }

    fn run<T: TextChar>(&self, r: &mut Run<T>, start: usize, quit: &mut dyn FnMut() -> bool) -> Result<bool, MatchError> {
        let text = r.text;
        let n = r.stop;
        let point = r.point;
        let fold = r.fold;
        r.stack.clear();
        r.stack.push(Job::Thread(0, start));
        while let Some(job) = r.stack.pop() {
            let (mut pc, mut pos) = match job {
                Job::Restore(slot, old) => {
                    r.caps[slot] = old;
                    continue;
                }
                Job::RestoreLoop(reg, old) => {
                    r.loops[reg] = old;
                    continue;
                }
                Job::StarBack { pc, min, pos } => {
                    let pos = pos - 1;
                    if pos > min {
                        r.stack.push(Job::StarBack { pc, min, pos });
                    }
                    (pc, pos)
                }
                Job::Failed(pc, pos) => {
                    self.mark(r, pc, pos);
                    continue;
                }
                Job::Thread(pc, pos) => (pc, pos),
            };
            loop {
                r.steps += 1;
                if r.steps.is_multiple_of(QUIT_INTERVAL) && quit() {
                    return Err(MatchError::Interrupted);
                }
                let inst = self.prog[pc];
                if let Inst::Loop { exit, reg, .. } = inst
                    && r.loops[reg] == Some(pos)
                {
                    // The last iteration matched the empty string: leave.
                    pc = exit;
                    continue;
                }
                if r.memo {
                    if self.in_loop[pc] {
                        if self.is_marked(r, pc, pos) {
                            break;
                        }
                        Self::push(r, Job::Failed(pc, pos))?;
                    } else if self.seen(r, pc, pos) {
                        break;
                    }
                }
                match inst {
                    Inst::One(o) => {
                        if pos < n && self.one(o, text[pos].code(), fold) {
                            pc += 1;
                            pos += 1;
                        } else {
                            break;
                        }
                    }
                    Inst::Star(o) => {
                        // Consume the run. Outside loops, a star state met
                        // again further on was explored (and failed) from an
                        // earlier start: its continuations need no retry.
                        let from = pos;
                        let cut_ok = r.memo && !self.in_loop[pc];
                        let mut cut = false;
                        while pos < n && self.one(o, text[pos].code(), fold) {
                            pos += 1;
                            if cut_ok && self.seen(r, pc, pos) {
                                cut = true;
                                break;
                            }
                        }
                        if cut {
                            pos -= 1;
                        }
                        pc += 1;
                        if pos > from {
                            Self::push(r, Job::StarBack { pc, min: from, pos })?;
                        }
                    }
                    Inst::Split(a, b) => {
                        Self::push(r, Job::Thread(b, pos))?;
                        pc = a;
                    }
                    Inst::Loop { body, exit, reg, greedy } => {
                        Self::push(r, Job::RestoreLoop(reg, r.loops[reg]))?;
                        r.loops[reg] = Some(pos);
                        if greedy {
                            Self::push(r, Job::Thread(exit, pos))?;
                            pc = body;
                        } else {
                            Self::push(r, Job::Thread(body, pos))?;
                            pc = exit;
                        }
                    }
                    Inst::Jmp(a) => pc = a,
                    Inst::Save(slot) => {
                        Self::push(r, Job::Restore(slot, r.caps[slot]))?;
                        r.caps[slot] = Some(pos);
                        pc += 1;
                    }
                    Inst::Assert(a) => {
                        if self.check(a, text, pos, point) {
                            pc += 1;
                        } else {
                            break;
                        }
                    }
                    Inst::Backref(g) => {
                        let (Some(b), Some(e)) = (r.caps.get(2 * g).copied().flatten(), r.caps.get(2 * g + 1).copied().flatten())
                        else {
                            break;
                        };
                        let len = e.saturating_sub(b);
                        if pos + len <= n
                            && (0..len).all(|k| {
                                let (x, y) = (text[b + k].code(), text[pos + k].code());
                                x == y || (fold && canon(x) == canon(y))
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

    fn check<T: TextChar>(&self, a: Assert, text: &[T], pos: usize, point: Option<usize>) -> bool {
        let n = text.len();
        let prev = if pos > 0 { Some(text[pos - 1].code()) } else { None };
        let next = text.get(pos).map(|c| c.code());
        let bound = pos == 0 || pos == n || prev.is_some_and(is_word) != next.is_some_and(is_word);
        match a {
            Assert::LineStart => pos == 0 || prev == Some('\n' as u32),
            Assert::LineEnd => pos == n || next == Some('\n' as u32),
            Assert::TextStart => pos == 0,
            Assert::TextEnd => pos == n,
            Assert::Point => point == Some(pos),
            Assert::WordBound => bound,
            Assert::NotWordBound => !bound,
            Assert::WordStart => next.is_some_and(is_word) && !prev.is_some_and(is_word),
            Assert::WordEnd => prev.is_some_and(is_word) && !next.is_some_and(is_word),
            Assert::SymbolStart => next.is_some_and(is_symbol_constituent) && !prev.is_some_and(is_symbol_constituent),
            Assert::SymbolEnd => prev.is_some_and(is_symbol_constituent) && !next.is_some_and(is_symbol_constituent),
        }
    }
}

/// Emacs's `regexp-quote`: a regexp matching exactly `s`.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '[' | '*' | '.' | '\\' | '?' | '+' | '^' | '$') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests;

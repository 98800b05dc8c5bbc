//! Character data as Emacs 28.2 has it: case mappings, special casing,
//! the syntax classes of the buffer batch scripts run in, and the Unicode
//! predicates behind the regexp classes `[:alpha:]`, `[:alnum:]`,
//! `[:graph:]`, `[:print:]` and `[:blank:]`.
//!
//! The tables in `tables.rs` are GENERATED from Emacs itself by
//! `scripts/gen-char-tables.sh` (which runs `scripts/gen-char-tables.el`
//! in `emacs -Q --batch`): Emacs is the oracle, so asking it is the only
//! way to get its data exactly. Python's `unicodedata` (Unicode 14 in the
//! Python this was checked with) differs from Emacs 28.2's case table in 31
//! characters: Emacs maps `ß` to `ẞ`, leaves `ı` and `ſ` alone, gives the
//! Greek iota-subscript letters their title-case forms, and so on.

#[rustfmt::skip]
mod tables;

use std::cmp::Ordering;

fn case_entry(c: u32) -> Option<&'static (u32, u32, u32, u32)> {
    tables::CASE.binary_search_by_key(&c, |e| e.0).ok().map(|i| &tables::CASE[i])
}

/// Emacs's `upcase` of one character (the standard case table).
pub(crate) fn upcase_char(c: u32) -> u32 {
    case_entry(c).map_or(c, |e| e.1)
}

/// Emacs's `downcase` of one character.
pub(crate) fn downcase_char(c: u32) -> u32 {
    case_entry(c).map_or(c, |e| e.2)
}

/// The title case Emacs's `capitalize` gives one character.
pub(crate) fn titlecase_char(c: u32) -> u32 {
    case_entry(c).map_or(c, |e| e.3)
}

/// Which special-casing table to consult.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub(crate) enum Special {
    Up,
    Down,
    Title,
}

/// The unconditional special casing of `c` (`ß` → `SS`), if any.
pub(crate) fn special_casing(which: Special, c: u32) -> Option<&'static str> {
    let table = match which {
        Special::Up => tables::SPECIAL_UP,
        Special::Down => tables::SPECIAL_DOWN,
        Special::Title => tables::SPECIAL_TITLE,
    };
    table.binary_search_by_key(&c, |e| e.0).ok().map(|i| table[i].1)
}

fn range_lookup(t: &[(u32, u32, u8)], c: u32, default: u8) -> u8 {
    match t.binary_search_by(|&(lo, hi, _)| {
        if hi < c {
            Ordering::Less
        } else if lo > c {
            Ordering::Greater
        } else {
            Ordering::Equal
        }
    }) {
        Ok(i) => t[i].2,
        Err(_) => default,
    }
}

/// The syntax class character of `c` (`w` word, ` ` whitespace, `_`
/// symbol, `.` punctuation, ...).
pub(crate) fn syntax_class(c: u32) -> u8 {
    range_lookup(tables::SYNTAX, c, b'w')
}

fn ctype(c: u32) -> u8 {
    range_lookup(tables::CTYPE, c, 0)
}

/// character.c's `alphabeticp`: general category L*, M* or Nl.
pub(crate) fn alphabeticp(c: u32) -> bool {
    ctype(c) & 1 != 0
}

/// character.c's `alphanumericp`: `alphabeticp` or Nd.
pub(crate) fn alphanumericp(c: u32) -> bool {
    ctype(c) & 2 != 0
}

/// character.c's `graphicp`: not a space, separator, control, surrogate
/// or unassigned.
pub(crate) fn graphicp(c: u32) -> bool {
    ctype(c) & 4 != 0
}

/// character.c's `printablep`: not a control, surrogate or unassigned.
pub(crate) fn printablep(c: u32) -> bool {
    ctype(c) & 8 != 0
}

/// character.c's `blankp`: general category Zs.
pub(crate) fn blankp(c: u32) -> bool {
    ctype(c) & 16 != 0
}

/// buffer.h's `uppercasep`: the character has a different lower case.
pub(crate) fn uppercasep(c: u32) -> bool {
    downcase_char(c) != c
}

/// buffer.h's `lowercasep`: not upper case, but has a different upper case.
pub(crate) fn lowercasep(c: u32) -> bool {
    !uppercasep(c) && upcase_char(c) != c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_match_emacs() {
        assert_eq!(upcase_char('a' as u32), 'A' as u32);
        assert_eq!(upcase_char('ß' as u32), 7838);
        assert_eq!(downcase_char('É' as u32), 'é' as u32);
        assert_eq!(titlecase_char('ǆ' as u32), 'ǅ' as u32);
        assert_eq!(special_casing(Special::Up, 'ß' as u32), Some("SS"));
        assert_eq!(syntax_class('a' as u32), b'w');
        assert_eq!(syntax_class(' ' as u32), b' ');
        assert_eq!(syntax_class('_' as u32), b'_');
        assert_eq!(syntax_class('\'' as u32), b'\'');
        assert_eq!(syntax_class('é' as u32), b'w');
        assert!(alphabeticp('é' as u32) && !alphabeticp('1' as u32) && alphanumericp('٣' as u32));
        assert!(blankp(0x3000) && !blankp('x' as u32));
        assert!(graphicp('é' as u32) && !graphicp(0x3000) && printablep(0x3000));
        assert!(!printablep(0x378), "unassigned");
        assert!(uppercasep('Q' as u32) && lowercasep('q' as u32) && !lowercasep('1' as u32));
    }
}

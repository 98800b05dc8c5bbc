//! Unit tests of the engine (expected values checked against Emacs 28.2).

use super::{quote, MatchError, Regex};

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

fn find(re: &str, text: &str, start: usize, fold: bool) -> Option<(usize, usize)> {
    Regex::new(re).unwrap().find(&chars(text), start, fold)
}

/// `match-data` as Emacs prints it: flattened bounds, trailing unset groups dropped.
fn data(re: &str, text: &str) -> Option<Vec<Option<usize>>> {
    let g = Regex::new(re).unwrap().search(&chars(text), 0, false, &mut || false).unwrap()?;
    let mut v: Vec<Option<usize>> = g.iter().flat_map(|x| [x.map(|p| p.0), x.map(|p| p.1)]).collect();
    while v.last() == Some(&None) {
        v.pop();
    }
    Some(v)
}

fn s(v: &[usize]) -> Option<Vec<Option<usize>>> {
    Some(v.iter().map(|&x| Some(x)).collect())
}

#[test]
fn basics() {
    assert_eq!(find("[ \t\n]+", "ab  c", 0, true), Some((2, 4)));
    assert_eq!(find("x", "aXbxc", 0, true), Some((1, 2)));
    assert_eq!(find("x", "aXbxc", 0, false), Some((3, 4)));
    assert_eq!(find("-+", "a--b", 0, false), Some((1, 3)));
    assert_eq!(find("", "abc", 1, false), Some((1, 1)));
    assert_eq!(find("\\`\\(?:x+\\)", "xxab", 0, false), Some((0, 2)));
    assert_eq!(find("\\`x", "xxab", 1, false), None);
    assert_eq!(find("\\(?:[ \t]+\\)\\'", "ab  ", 0, false), Some((2, 4)));
    assert_eq!(find("a\\|b", "xxb", 0, false), Some((2, 3)));
    assert_eq!(find("a*?b", "aab", 0, false), Some((0, 3)));
    assert_eq!(find("a+?", "aaa", 0, false), Some((0, 1)));
    assert_eq!(find("a??a", "aa", 0, false), Some((0, 1)));
    assert_eq!(find("\\(a\\)\\1", "xaa", 0, false), Some((1, 3)));
    assert_eq!(find("a\\{2,3\\}", "aaaa", 0, false), Some((0, 3)));
    assert_eq!(find("[[:digit:]]+", "ab12c", 0, false), Some((2, 4)));
    assert_eq!(find("^b", "a\nb", 0, false), Some((2, 3)));
    assert_eq!(find("*a", "x*a", 0, false), Some((1, 3)));
    assert_eq!(find("a^b", "a^b", 0, false), Some((0, 3)));
    assert_eq!(find("a$b", "a$b", 0, false), Some((0, 3)));
    assert_eq!(find("\\{1\\}a", "x{1}a", 0, false), Some((1, 5)));
    assert_eq!(find("\\bfoo\\b", "a foo b", 0, false), Some((2, 5)));
    assert_eq!(find("[]a]", "x]", 0, false), Some((1, 2)));
    assert_eq!(find("é+", "xÉé", 0, true), Some((1, 3)));
    assert_eq!(find("[[:upper:]]", "é", 0, true), Some((0, 1)));
    assert_eq!(find("\\_<foo-bar\\_>", "(foo-bar)", 0, false), Some((1, 8)));
    // Emacs's `laststart`: `\b` is no expression for `?` to repeat, `\>` is.
    assert_eq!(find("\\b?", "ab?", 0, false), Some((2, 3)));
    assert_eq!(find("\\>?x", "x", 0, false), Some((0, 1)));
    assert_eq!(find("a\\b*", "aa a", 0, false), Some((0, 0)));
}

#[test]
fn emacs_group_results() {
    // Values printed by Emacs 28.2's (match-data).
    assert_eq!(data("\\(a*\\)*b", "b"), s(&[0, 1, 0, 0]));
    assert_eq!(data("\\(a*\\)*b", "aab"), s(&[0, 3, 2, 2]));
    assert_eq!(data("\\(a\\|\\)*b", "ab"), s(&[0, 2, 1, 1]));
    assert_eq!(data("\\(?:\\(a\\)\\|b\\)*", "ab"), s(&[0, 2, 0, 1]));
    assert_eq!(data("\\(a\\)*", "aaa"), s(&[0, 3, 2, 3]));
    assert_eq!(data("x\\{\\}", "x"), s(&[0, 0]));
    assert_eq!(data("a**", "aaa"), s(&[0, 3]));
    assert_eq!(data("\\(?2:a\\)\\(b\\)", "ab"), Some(vec![Some(0), Some(2), None, None, Some(0), Some(1), Some(1), Some(2)]));
    assert_eq!(data("\\(?:\\(a*?\\)\\)*b", "aab"), s(&[0, 3, 2, 2]));
}

#[test]
fn invalid_regexps() {
    for (re, msg) in [
        ("\\(", "Unmatched ( or \\("),
        ("\\)", "Unmatched ) or \\)"),
        ("[a", "Unmatched [ or [^"),
        ("[[:foo:]]", "Invalid character class name"),
        ("a\\{2,1\\}", "Invalid content of \\{\\}"),
        ("a\\{1", "Unmatched \\{"),
        ("a\\{70000\\}", "Invalid content of \\{\\}"),
        ("\\", "Trailing backslash"),
        ("\\1", "Invalid back reference"),
        ("\\(a\\1\\)", "Invalid back reference"),
        ("\\_x", "Invalid regular expression"),
        ("\\(?3", "Premature end of regular expression"),
        ("\\(?0:a\\)", "Invalid regular expression"),
        ("[]", "Unmatched [ or [^"),
    ] {
        assert_eq!(Regex::new(re).err(), Some(msg), "{re}");
    }
}

#[test]
fn empty_loops_terminate() {
    assert_eq!(find("\\(a*\\)*b", "aaac", 0, false), None);
    assert_eq!(find("\\(\\)*x", "x", 0, false), Some((0, 1)));
    assert_eq!(find("\\(a*\\)*?b", "aab", 0, false), Some((0, 3)));
}

#[test]
fn pathological_patterns_stay_bounded() {
    // Exponential for a naive backtracker; the memo makes it linear.
    let a30 = "a".repeat(30);
    assert_eq!(find("\\(a*\\)*b", &a30, 0, false), None);
    assert_eq!(find("\\(a\\|aa\\)*c", &"a".repeat(5000), 0, false), None);
    // A long run on a single-character star needs no stack.
    let long = "a".repeat(3_000_000);
    assert_eq!(find("a*c", &long, 0, false), None);
    // Failure points per iteration: a bounded stack, then Emacs's error.
    let re = Regex::new("\\(?:a\\|b\\)*c").unwrap();
    assert_eq!(re.search(&chars(&"a".repeat(100_000)), 0, false, &mut || false), Ok(None));
    assert_eq!(re.search(&chars(&"a".repeat(1_000_000)), 0, false, &mut || false), Err(MatchError::StackOverflow));
}

#[test]
fn quit_stops_an_exponential_match() {
    // Back references turn the memo off: this takes exponential time.
    let re = Regex::new("\\(a*\\)*\\1b").unwrap();
    let text = chars(&"a".repeat(40));
    let mut calls = 0;
    let r = re.search(&text, 0, false, &mut || {
        calls += 1;
        calls > 3
    });
    assert_eq!(r, Err(MatchError::Interrupted));
}

#[test]
fn multibyte_positions_are_characters() {
    assert_eq!(find("b", "ééb", 0, false), Some((2, 3)));
    assert_eq!(data("\\(é\\)\\(ü+\\)", "xéüü"), s(&[1, 4, 1, 2, 2, 4]));
    assert_eq!(find("[[:alpha:]]+", "12日本語x!", 0, false), Some((2, 6)));
}

#[test]
fn regexp_quote() {
    assert_eq!(quote("a.b*c[d]^$\\+?"), "a\\.b\\*c\\[d]\\^\\$\\\\\\+\\?");
}

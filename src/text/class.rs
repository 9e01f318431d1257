//! Unicode character classes, and the words they make.
//!
//! The hand-written scanners of the readers (the quotation reader's tokens, the name reader's
//! words) classify characters by the regex crate's own Unicode tables, taken from
//! `regex-syntax`, so a scanner reads exactly what the regex it replaced read: ASCII by a
//! direct test, other characters by a binary search in the class's ranges.

use std::sync::LazyLock;

use regex::Regex;
use regex_syntax::hir::{Class, HirKind};

/// The code point ranges (inclusive, sorted, disjoint) of a Unicode class as the regex crate
/// compiles it, e.g. `[\p{L}\p{N}]`; empty when `class` is not a Unicode class. The callers'
/// classes are constants, each checked against the regex by a test.
pub fn class_ranges(class: &str) -> Vec<(u32, u32)> {
    match regex_syntax::Parser::new()
        .parse(class)
        .map(|h| h.into_kind())
    {
        Ok(HirKind::Class(Class::Unicode(c))) => c
            .ranges()
            .iter()
            .map(|r| (u32::from(r.start()), u32::from(r.end())))
            .collect(),
        _ => Vec::new(),
    }
}

/// Is code point `c` in `ranges` (as [`class_ranges`] returns them)?
pub fn in_ranges(ranges: &[(u32, u32)], c: u32) -> bool {
    let i = ranges.partition_point(|&(_, hi)| hi < c);
    ranges.get(i).is_some_and(|&(lo, _)| lo <= c)
}

/// `[\p{L}\p{N}]` outside ASCII.
static WORD_RANGES: LazyLock<Vec<(u32, u32)>> = LazyLock::new(|| class_ranges(r"[\p{L}\p{N}]"));

/// Is `c` a letter or a digit of any script (`[\p{L}\p{N}]`)?
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    in_ranges(&WORD_RANGES, u32::from(c))
}

/// A word: letters and digits, joined by single apostrophes or hyphens ("Moscow’s",
/// "co-op"); a period does not join, so "U.S" is two words.
static WORD: LazyLock<Regex> = LazyLock::new(|| {
    // A constant pattern, tested below; a failure is a programming error.
    Regex::new(r"[\p{L}\p{N}]+(?:[’'\-][\p{L}\p{N}]+)*")
        .unwrap_or_else(|e| panic!("invalid built-in word pattern: {e}"))
});

/// The words of `s`, in order.
pub fn words(s: &str) -> impl Iterator<Item = &str> {
    WORD.find_iter(s).map(|m| m.as_str())
}

/// How many words `s` has.
pub fn word_count(s: &str) -> usize {
    WORD.find_iter(s).count()
}

/// Does `s` have a word at all?
pub fn has_word(s: &str) -> bool {
    WORD.is_match(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_class_matches_the_regex_on_every_code_point() {
        let re = Regex::new(r"^[\p{L}\p{N}]$").unwrap();
        let ws = Regex::new(r"^\s$").unwrap();
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut buf);
            assert_eq!(is_word_char(c), re.is_match(s), "{c:?}");
            assert_eq!(c.is_whitespace(), ws.is_match(s), "{c:?}");
        }
    }

    #[test]
    fn class_ranges_of_a_class_and_of_anything_else() {
        let r = class_ranges(r"[a-cx]");
        assert_eq!(r, [(97, 99), (120, 120)]);
        assert!(in_ranges(&r, 98) && in_ranges(&r, 120));
        assert!(!in_ranges(&r, 100) && !in_ranges(&r, 0) && !in_ranges(&r, 200));
        // Not a class, or not a pattern: no ranges, no panic.
        assert!(class_ranges("ab").is_empty());
        assert!(class_ranges("[").is_empty());
        assert!(!in_ranges(&[], 97));
    }

    #[test]
    fn words_join_on_apostrophes_and_hyphens_only() {
        let ws: Vec<&str> = words("Moscow’s co-op, U.S. 3.5 don't -x ٣٤").collect();
        assert_eq!(
            ws,
            ["Moscow’s", "co-op", "U", "S", "3", "5", "don't", "x", "٣٤"]
        );
        assert_eq!(word_count("— … !"), 0);
        assert!(has_word("— a") && !has_word("— …"));
    }
}

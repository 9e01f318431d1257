//! Byte-level reading for the quotation reader: tokens and quote marks, without a regex
//! pass or an allocation per token.
//!
//! Hand-written on purpose, and to stay so: the quotation reader tokenises every paragraph
//! (full names) and every sentence with a speech verb (claims), and as a regex match per
//! token this was its main cost in the benchmarks (docs/performance.md). The tokenizer here
//! reads exactly what the regex `[\p{L}\p{N}]+(?:[’'\-.][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]`
//! matches (a property test compares both): ASCII bytes are classified directly, other
//! characters through the regex crate's own Unicode tables ([`crate::text::is_word_char`]),
//! so a Unicode text tokenises as the regex did.

use std::ops::Range;

use crate::text::is_word_char;

/// One token: a word (letters and digits, joined by ’ ' - .) or one other non-space character.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Tok<'a> {
    pub s: &'a str,
    /// Byte range in the article text.
    pub r: Range<usize>,
}

/// The character starting at byte `i` of `s` (`i` on a character boundary).
fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|t| t.chars().next())
}

/// Is a word character at byte `i` of `s`? Returns its length.
fn word_char_len(s: &str, i: usize) -> Option<usize> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return b.is_ascii_alphanumeric().then_some(1);
    }
    let c = char_at(s, i)?;
    is_word_char(c).then(|| c.len_utf8())
}

/// Tokens of `text[range]` (empty when `range` is not a valid slice), appended to `out`.
pub(super) fn tokens_into<'a>(text: &'a str, range: &Range<usize>, out: &mut Vec<Tok<'a>>) {
    let Some(s) = text.get(range.clone()) else {
        return;
    };
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let start = i;
        let word_start = if b.is_ascii_alphanumeric() {
            Some(1)
        } else if b >= 0x80 {
            word_char_len(s, i)
        } else {
            None
        };
        if let Some(n) = word_start {
            // A word: runs of letters and digits joined by one ’ ' - or . each.
            i += n;
            loop {
                // ASCII letters and digits in a tight loop; other characters by their class.
                while let Some(&b) = bytes.get(i) {
                    if b.is_ascii_alphanumeric() {
                        i += 1;
                    } else if let Some(n) = (b >= 0x80).then(|| word_char_len(s, i)).flatten() {
                        i += n;
                    } else {
                        break;
                    }
                }
                let joiner = match bytes.get(i) {
                    Some(b'\'' | b'-' | b'.') => 1,
                    Some(0xE2) if s.get(i..).is_some_and(|t| t.starts_with('’')) => 3,
                    _ => 0,
                };
                match (joiner > 0).then(|| word_char_len(s, i + joiner)).flatten() {
                    Some(n) => i += joiner + n,
                    None => break,
                }
            }
        } else if b < 0x80 {
            i += 1;
            if matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r') {
                continue;
            }
        } else {
            let Some(c) = char_at(s, i) else {
                return;
            };
            i += c.len_utf8();
            if c.is_whitespace() {
                continue;
            }
        }
        if let Some(t) = s.get(start..i) {
            out.push(Tok {
                s: t,
                r: range.start + start..range.start + i,
            });
        }
    }
}

/// Tokens of `text[range]`.
pub(super) fn tokens<'a>(text: &'a str, range: &Range<usize>) -> Vec<Tok<'a>> {
    let mut out = Vec::new();
    tokens_into(text, range, &mut out);
    out
}

/// The double quote marks of `s` (`"`, `“`, `”`, `„`, `«`, `»`: the glyphs that can open or
/// close a quotation) with their byte offsets, found by jumping to their first bytes.
pub(super) fn marks(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = s.as_bytes();
    // '"' is itself; “ ” „ start with E2, « » with C2.
    memchr::memchr3_iter(b'"', 0xE2, 0xC2, bytes).filter_map(move |i| {
        let c = char_at(s, i)?;
        matches!(c, '"' | '“' | '”' | '„' | '«' | '»').then_some((i, c))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;

    /// The regex this tokenizer replaces.
    fn regex_tokens(text: &str, range: &Range<usize>) -> Vec<(String, Range<usize>)> {
        let re = Regex::new(r"[\p{L}\p{N}]+(?:[’'\-.][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]").unwrap();
        let s = text.get(range.clone()).unwrap_or("");
        re.find_iter(s)
            .map(|m| {
                (
                    m.as_str().to_string(),
                    range.start + m.start()..range.start + m.end(),
                )
            })
            .collect()
    }

    fn toks(text: &str) -> Vec<&str> {
        tokens(text, &(0..text.len())).iter().map(|t| t.s).collect()
    }

    #[test]
    fn words_joiners_and_punctuation() {
        assert_eq!(
            toks("Mr. O’Neill's co-op, U.S. 3.5 -x"),
            [
                "Mr",
                ".",
                "O’Neill's",
                "co-op",
                ",",
                "U.S",
                ".",
                "3.5",
                "-",
                "x"
            ]
        );
        // A joiner needs a letter or digit after it; two joiners end the word.
        assert_eq!(
            toks("end. a--b it’"),
            ["end", ".", "a", "-", "-", "b", "it", "’"]
        );
        // Non-ASCII letters and digits, other symbols one character each, spaces skipped.
        assert_eq!(
            toks("Łukasz\u{a0}Żak—«café» ٣٤ ½"),
            ["Łukasz", "Żak", "—", "«", "café", "»", "٣٤", "½"]
        );
    }

    #[test]
    fn spans_are_absolute_and_the_range_bounds_lookahead() {
        let text = "xx Hill.Jr yy";
        let t = tokens(text, &(3..8));
        assert_eq!(t.len(), 2);
        assert_eq!((t[0].s, t[0].r.clone()), ("Hill", 3..7));
        assert_eq!((t[1].s, t[1].r.clone()), (".", 7..8));
        // Not a slice of the text: no tokens, no panic.
        assert!(tokens("é", &(1..2)).is_empty());
        assert!(tokens("ab", &(1..5)).is_empty());
    }

    #[test]
    fn marks_are_found_by_their_first_byte() {
        let s = "a \"b\" “c” „d“ «e» ‘f’ – é\u{a0}";
        let got: Vec<(usize, char)> = marks(s).collect();
        let want: Vec<(usize, char)> = s
            .char_indices()
            .filter(|(_, c)| "\"“”„«»".contains(*c))
            .collect();
        assert_eq!(got.len(), 8);
        assert_eq!(got, want);
        assert_eq!(got[0], (2, '"'));
    }

    proptest! {
        #[test]
        fn same_tokens_as_the_regex(
            text in r"[a-zA-Z0-9 .,'’\-\n\t\u{a0}“”«»éŁ٣½—\u{200b}\u{212a}]{0,40}",
            a in 0usize..50,
            b in 0usize..50,
        ) {
            let range = a.min(b)..a.max(b);
            let got: Vec<(String, Range<usize>)> = tokens(&text, &range)
                .into_iter()
                .map(|t| (t.s.to_string(), t.r))
                .collect();
            prop_assert_eq!(got, regex_tokens(&text, &range));
        }

        #[test]
        fn same_tokens_as_the_regex_on_any_text(text in any::<String>()) {
            let range = 0..text.len();
            let got: Vec<(String, Range<usize>)> = tokens(&text, &range)
                .into_iter()
                .map(|t| (t.s.to_string(), t.r))
                .collect();
            prop_assert_eq!(got, regex_tokens(&text, &range));
        }
    }
}

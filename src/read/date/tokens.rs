//! The words, commas and hard breaks of a sentence, which the tense cues and offsets read.
//!
//! Hand-written on purpose, and to stay so: the benchmarks justified it. The regex it
//! replaced asked for captures at every token, which ran the regex crate's backtracker some
//! forty times a sentence (callgrind, 200 generated articles: 150M of the 200M instructions
//! spent resolving dates; resolving fell from 185M to 60M). A test holds the two equal on
//! news text and on arbitrary strings.

use std::sync::LazyLock;

use regex::Regex;

use super::pattern::compile;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum TokKind {
    Word,
    Comma,
    Hard,
}

pub(super) struct Tok<'a> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: &'a str,
    pub(super) kind: TokKind,
}

/// The words, commas and hard breaks of a sentence, as the regex
/// `(?P<w>[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*)|(?P<c>,)|(?P<h>[;:()\[\]—–"“”]|\s--?\s)` finds
/// them (leftmost first, in order), read by hand: the regex asked for captures at every token,
/// which ran the regex crate's backtracker some forty times a sentence. A test holds the two
/// equal on news text and on arbitrary strings.
pub(super) fn tokens(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let (end, kind) = if is_letter_or_number(c) {
            // A run of letters and digits, then any number of (joiner, run) pairs.
            let mut end = start + c.len_utf8();
            loop {
                match s.get(end..).and_then(|r| r.chars().next()) {
                    Some(n) if is_letter_or_number(n) => end += n.len_utf8(),
                    Some(j @ ('\'' | '’' | '.' | '-'))
                        if s.get(end + j.len_utf8()..)
                            .and_then(|r| r.chars().next())
                            .is_some_and(is_letter_or_number) =>
                    {
                        end += j.len_utf8();
                    }
                    _ => break,
                }
            }
            (end, TokKind::Word)
        } else if c == ',' {
            (start + 1, TokKind::Comma)
        } else if matches!(
            c,
            ';' | ':' | '(' | ')' | '[' | ']' | '—' | '–' | '"' | '“' | '”'
        ) {
            (start + c.len_utf8(), TokKind::Hard)
        } else if let Some(end) = c
            .is_whitespace()
            .then(|| spaced_dash_end(s, start + c.len_utf8()))
            .flatten()
        {
            (end, TokKind::Hard)
        } else {
            continue;
        };
        out.push(Tok {
            start,
            end,
            text: s.get(start..end).unwrap_or(""),
            kind,
        });
        while chars.next_if(|&(i, _)| i < end).is_some() {}
    }
    out
}

/// After a white space at `at - 1`: the end of `--?\s` (a dash or two, then white space).
fn spaced_dash_end(s: &str, at: usize) -> Option<usize> {
    let rest = s.get(at..)?;
    let after = rest
        .strip_prefix("--")
        .filter(|r| r.starts_with(char::is_whitespace))
        .or_else(|| rest.strip_prefix('-'))?;
    let ws = after.chars().next().filter(|c| c.is_whitespace())?;
    Some(s.len() - after.len() + ws.len_utf8())
}

/// `[\p{L}\p{N}]`: a letter or a number of any script. `char::is_numeric` is exactly `\p{N}`;
/// `char::is_alphabetic` is wider than `\p{L}` (it takes some marks), so letters outside
/// ASCII ask the regex crate's own tables.
fn is_letter_or_number(c: char) -> bool {
    static LETTER: LazyLock<Regex> = LazyLock::new(|| compile(r"\A\p{L}\z"));
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if c.is_numeric() {
        return true;
    }
    // The general punctuation block (spaces, dashes, quotes) holds no letter.
    if ('\u{2000}'..='\u{206f}').contains(&c) || !c.is_alphabetic() {
        return false;
    }
    let mut buf = [0u8; 4];
    LETTER.is_match(c.encode_utf8(&mut buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`tokens`] reads by hand, as the regex it replaced.
    fn regex_tokens(s: &str) -> Vec<(usize, usize, TokKind)> {
        static RE_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
            compile(
                r#"(?P<w>[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*)|(?P<c>,)|(?P<h>[;:()\[\]—–"“”]|\s--?\s)"#,
            )
        });
        RE_TOKEN
            .captures_iter(s)
            .filter_map(|c| {
                let (m, kind) = if let Some(m) = c.name("w") {
                    (m, TokKind::Word)
                } else if let Some(m) = c.name("c") {
                    (m, TokKind::Comma)
                } else {
                    (c.name("h")?, TokKind::Hard)
                };
                Some((m.start(), m.end(), kind))
            })
            .collect()
    }

    fn hand_tokens(s: &str) -> Vec<(usize, usize, TokKind)> {
        tokens(s).iter().map(|t| (t.start, t.end, t.kind)).collect()
    }

    #[test]
    fn tokens_are_words_commas_and_hard_breaks() {
        let s = "U.S. officials didn’t say, at 5.30 -- or 6 - when (talks) end—x – y";
        let texts: Vec<(&str, TokKind)> = tokens(s).iter().map(|t| (t.text, t.kind)).collect();
        use TokKind::{Comma as C, Hard as H, Word as W};
        assert_eq!(
            texts,
            [
                ("U.S", W),
                ("officials", W),
                ("didn’t", W),
                ("say", W),
                (",", C),
                ("at", W),
                ("5.30", W),
                (" -- ", H),
                ("or", W),
                ("6", W),
                (" - ", H),
                ("when", W),
                ("(", H),
                ("talks", W),
                (")", H),
                ("end", W),
                ("—", H),
                ("x", W),
                ("–", H),
                ("y", W),
            ]
        );
    }

    #[test]
    fn hand_tokens_equal_the_regex_tokens() {
        for s in [
            "",
            "“On Monday,” Rustam-Bek Oralov said; troops—1,500 of them—arrived [sic].",
            "a --b a-- b a -- b a\u{a0}-\u{2009}b a\n--\nb a - - b x--y 'quoted' ’tis o’clock",
            "Тарків, 3 січня: café e\u{301}te ٣٤ x\u{301}y Ⅻ² ½ 你好。",
            "...,,;;  --  -- -",
        ] {
            assert_eq!(hand_tokens(s), regex_tokens(s), "{s:?}");
        }
        let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config {
            cases: 2000,
            failure_persistence: None,
            ..Default::default()
        });
        let alphabet = proptest::collection::vec(
            proptest::sample::select(vec![
                'a', 'Z', '7', ' ', '\n', '\u{a0}', '-', '.', '\'', '’', ',', ';', '(', ']', '—',
                '–', '"', '“', '”', 'é', 'Ж', '\u{301}', '٣', 'Ⅻ', '²', '…', '_', '\u{2009}',
            ]),
            0..24,
        );
        runner
            .run(&alphabet, |chars| {
                let s: String = chars.into_iter().collect();
                proptest::prop_assert_eq!(hand_tokens(&s), regex_tokens(&s), "{:?}", s);
                Ok(())
            })
            .unwrap();
    }
}

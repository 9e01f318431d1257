//! The name reader's word scanner: the words of a text, one at a time, without a regex.
//!
//! A word is what the regex `[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-‐'’.][\p{L}\p{M}\p{N}]+)*`
//! matches, found left to right as the regex crate's `find_iter` finds them: letters or
//! digits, with internal hyphens, apostrophes or dots ("Rustam-Bek", "Tarkiv’s", "U.S",
//! "Dalnews.org"). The name reader reads every word of an article twice (once for the
//! evidence, once for the names), so this scanner does by hand what the regex did: one table
//! look-up per ASCII character, a binary search in the regex crate's own Unicode tables
//! (taken from `regex-syntax`, so the classes are the same) for the rest.
//!
//! Hand-written on purpose, and to stay so: the benchmarks justified it. It replaced the
//! word regex when the name reader went to two passes, and callgrind on 200 generated
//! articles then took it from 102M to 62M instructions once ASCII became a plain byte test.
//! A test checks it against the regex on every BMP character and on the corpora.
//!
//! `class_ranges` below is one of two copies (the quote reader's scanner has the other); the
//! shared one belongs on the ground floor, in `text`.

use std::sync::LazyLock;

use crate::text::{class_ranges, in_ranges};

/// May open a word: `\p{L}` or `\p{N}`.
const START: u8 = 1;
/// May continue a word: `\p{L}`, `\p{M}` or `\p{N}`.
const CONT: u8 = 2;

struct Classes {
    ascii: [u8; 128],
    /// Sorted, disjoint inclusive ranges of code points.
    start: Vec<(u32, u32)>,
    cont: Vec<(u32, u32)>,
}

static CLASSES: LazyLock<Classes> = LazyLock::new(|| {
    let start = class_ranges(r"[\p{L}\p{N}]");
    let cont = class_ranges(r"[\p{L}\p{M}\p{N}]");
    let mut ascii = [0u8; 128];
    for (b, flags) in ascii.iter_mut().enumerate() {
        let c = b as u32;
        if in_ranges(&start, c) {
            *flags |= START;
        }
        if in_ranges(&cont, c) {
            *flags |= CONT;
        }
    }
    Classes { ascii, start, cont }
});

impl Classes {
    fn of(&self, c: char) -> u8 {
        if let Some(&flags) = self.ascii.get(c as usize) {
            return flags;
        }
        let c = u32::from(c);
        let mut flags = 0;
        if in_ranges(&self.cont, c) {
            flags |= CONT;
            if in_ranges(&self.start, c) {
                flags |= START;
            }
        }
        flags
    }
}

/// A separator that may join two parts of one word.
fn is_separator(c: char) -> bool {
    matches!(c, '-' | '‐' | '\'' | '’' | '.')
}

/// One word found by [`Scanner`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Found {
    pub start: usize,
    pub end: usize,
    /// The word holds a separator (hyphen, apostrophe or dot): without one there is no
    /// possessive, dotted acronym or hyphenated part to look for.
    pub joined: bool,
}

/// The words of `text` from a byte offset on, in order.
#[derive(Debug, Clone)]
pub(super) struct Scanner<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Scanner<'a> {
    /// Words of `text` starting at or after `from` (a character boundary).
    pub fn new(text: &'a str, from: usize) -> Self {
        Scanner { text, pos: from }
    }

    /// The character at byte `i` (not ASCII) and its classes.
    fn wide(&self, i: usize) -> Option<(char, u8)> {
        let c = self.text.get(i..)?.chars().next()?;
        Some((c, CLASSES.of(c)))
    }

    /// Past every character from `i` on that may continue a word. ASCII letters and digits
    /// are the only ASCII characters in `\p{L}`, `\p{M}` and `\p{N}`.
    fn skip_cont(&self, mut i: usize) -> usize {
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(i) {
            if b < 0x80 {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                i += 1;
            } else {
                match self.wide(i) {
                    Some((c, flags)) if flags & CONT != 0 => i += c.len_utf8(),
                    _ => break,
                }
            }
        }
        i
    }

    /// The separator at byte `i`, if there is one, and its length.
    fn separator(&self, i: usize) -> Option<usize> {
        match *self.text.as_bytes().get(i)? {
            b'-' | b'\'' | b'.' => Some(1),
            b if b < 0x80 => None,
            _ => self
                .wide(i)
                .filter(|&(c, _)| is_separator(c))
                .map(|(c, _)| c.len_utf8()),
        }
    }
}

impl Iterator for Scanner<'_> {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        let bytes = self.text.as_bytes();
        let mut i = self.pos;
        let start = loop {
            let Some(&b) = bytes.get(i) else {
                self.pos = self.text.len();
                return None;
            };
            if b < 0x80 {
                if b.is_ascii_alphanumeric() {
                    break i;
                }
                i += 1;
            } else {
                let Some((c, flags)) = self.wide(i) else {
                    self.pos = self.text.len();
                    return None;
                };
                if flags & START != 0 {
                    break i;
                }
                i += c.len_utf8();
            }
        };
        // Every character that may open a word may also continue one.
        let mut end = self.skip_cont(start);
        let mut joined = false;
        // Separator then at least one word character, as often as they come.
        while let Some(len) = self.separator(end) {
            let after = self.skip_cont(end + len);
            if after == end + len {
                break;
            }
            end = after;
            joined = true;
        }
        self.pos = end;
        Some(Found { start, end, joined })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// The regex this scanner replaces.
    static WORD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-‐'’.][\p{L}\p{M}\p{N}]+)*").expect("valid")
    });

    fn regex_words(text: &str) -> Vec<(usize, usize)> {
        WORD.find_iter(text).map(|m| (m.start(), m.end())).collect()
    }

    fn words(text: &str) -> Vec<&str> {
        Scanner::new(text, 0)
            .map(|f| &text[f.start..f.end])
            .collect()
    }

    #[test]
    fn words_as_written() {
        assert_eq!(
            words("Jean-Luc Marchand’s U.S. trip, Example.org -- 2,000 (R.Politik)."),
            [
                "Jean-Luc",
                "Marchand’s",
                "U.S",
                "trip",
                "Example.org",
                "2",
                "000",
                "R.Politik"
            ]
        );
        // A separator needs a word character after it; a mark cannot open a word but
        // continues one; digits in other scripts are digits.
        assert_eq!(words("end-- o'. x.-y"), ["end", "o", "x", "y"]);
        assert_eq!(words("\u{301}e\u{301}té ٣٤ Ли"), ["e\u{301}té", "٣٤", "Ли"]);
        assert_eq!(words(""), Vec::<&str>::new());
        assert!(Scanner::new("ab cd", 5).next().is_none());
        let f: Vec<bool> = Scanner::new("a-b c", 0).map(|f| f.joined).collect();
        assert_eq!(f, [true, false]);
    }

    #[test]
    fn ascii_word_characters_are_letters_and_digits() {
        for b in 0..0x80u8 {
            let flags = CLASSES.ascii[usize::from(b)];
            let want = if b.is_ascii_alphanumeric() {
                START | CONT
            } else {
                0
            };
            assert_eq!(flags, want, "{:?}", char::from(b));
        }
    }

    #[test]
    fn same_words_as_the_regex() {
        let mut texts = vec![
            "Vashenkyy met “Brecke” in Tarkiv — Škoda’s plant, O’Brien’s U.S. firm.\nMr. Ли Kim-Jong al-Rashani."
                .to_string(),
            "x\u{301}\u{302}-\u{301}a ‐‐b ’’c '.d 1.2.3 ²³ Ⅻ ǅungla ﬁne 🇦🇶 a\u{200d}b".to_string(),
        ];
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for dir in ["corpus", "tests/fixtures/hostile"] {
            for e in std::fs::read_dir(root.join(dir)).expect("fixture folder") {
                let bytes = std::fs::read(e.expect("entry").path()).expect("fixture");
                texts.push(String::from_utf8_lossy(&bytes).into_owned());
            }
        }
        for t in &texts {
            let ours: Vec<(usize, usize)> = Scanner::new(t, 0).map(|f| (f.start, f.end)).collect();
            assert_eq!(ours, regex_words(t));
        }
        // Every character of the Basic Multilingual Plane, alone and inside a word.
        for c in (0..0x1_0000u32).filter_map(char::from_u32) {
            let t = format!("a{c}b {c}. -{c}{c}");
            assert_eq!(
                Scanner::new(&t, 0)
                    .map(|f| (f.start, f.end))
                    .collect::<Vec<_>>(),
                regex_words(&t),
                "{:?}",
                c
            );
        }
    }
}

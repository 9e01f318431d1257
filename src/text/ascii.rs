//! Whether a text can be searched with ASCII word boundaries.
//!
//! Patterns (the rules' and the date reader's) come in two forms: one with Unicode word
//! boundaries, one with ASCII ones (`(?-u:\b)`). The second runs on the regex crate's fast
//! engine, the first falls back to a slower one at the first non-ASCII byte, which news text
//! has in every curly quote and dash. [`has_non_ascii_word`] says when the two are the same,
//! so a caller may pick the fast one. It lives on the ground floor because both the readers
//! and the rules ask it.

/// Does `text` hold a word character outside ASCII ("é", "ж", a combining accent)?
///
/// Where it does not, a Unicode word boundary (`\b`) and an ASCII one (`(?-u:\b)`) hold at the
/// same places (every other non-ASCII character, a curly quote or a dash, is no word character
/// either way), so a regex may be swapped for its ASCII-boundary twin, which the regex crate
/// runs on its fast engine; a Unicode `\b` sends it to a slower one at the first non-ASCII
/// byte. Word characters are the regex crate's own (`regex_syntax::is_word_character`).
pub fn has_non_ascii_word(text: &str) -> bool {
    !text.is_ascii()
        && text
            .chars()
            .any(|c| !c.is_ascii() && regex_syntax::is_word_character(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_ascii_word_characters_are_letters_digits_and_marks_not_punctuation() {
        assert!(!has_non_ascii_word("plain ASCII, 1,500 troops"));
        assert!(!has_non_ascii_word(
            "“Tarkiv” – ‘no’ — 2\u{a0}000 \u{2009}… €5"
        ));
        assert!(has_non_ascii_word(
            "Vashenkyy in Tarkiv and Brenholm, not Türkiye"
        ));
        assert!(has_non_ascii_word("Тарків"));
        // A combining accent is a word character of its own (e + U+0301).
        assert!(has_non_ascii_word("cafe\u{301}"));
        assert!(has_non_ascii_word("٣ days"));
    }
}

//! Fixed word lists, looked up without hashing: among the words of the same length and
//! first byte, instead of a walk through every entry.
//!
//! The quotation reader asks a dozen lists about every capitalised word of an article (is it
//! a title, an organisation word, a stop word?); most lists hold a few dozen words, where a
//! length bucket and a first-byte check beat a hash of the word.

/// A fixed list of words (case-sensitive; see [`WordList::contains_lowercase`]).
pub struct WordList {
    /// Index: word length in bytes; each bucket sorted, without repeats.
    by_len: Vec<Vec<&'static str>>,
}

impl WordList {
    pub fn new(list: &[&'static str]) -> Self {
        let mut by_len: Vec<Vec<&'static str>> = Vec::new();
        for &w in list {
            if by_len.len() <= w.len() {
                by_len.resize_with(w.len() + 1, Vec::new);
            }
            by_len[w.len()].push(w);
        }
        for b in &mut by_len {
            b.sort_unstable();
            b.dedup();
        }
        WordList { by_len }
    }

    pub fn contains(&self, w: &str) -> bool {
        self.contains_bytes(w.as_bytes())
    }

    fn contains_bytes(&self, w: &[u8]) -> bool {
        let Some(first) = w.first() else {
            return self.by_len.first().is_some_and(|b| !b.is_empty());
        };
        self.by_len.get(w.len()).is_some_and(|bucket| {
            bucket
                .iter()
                .any(|e| e.as_bytes().first() == Some(first) && e.as_bytes() == w)
        })
    }

    /// Does the list hold `w` lowercased (`w.to_lowercase()`)? ASCII words are lowercased on
    /// the stack; others go through `to_lowercase` (one allocation, rare).
    pub fn contains_lowercase(&self, w: &str) -> bool {
        const MAX: usize = 32;
        if w.is_ascii() && w.len() <= MAX {
            let mut buf = [0u8; MAX];
            let low = &mut buf[..w.len()];
            low.copy_from_slice(w.as_bytes());
            low.make_ascii_lowercase();
            return self.contains_bytes(low);
        }
        self.contains(&w.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists() {
        let w = WordList::new(&["spokesman", "head", "communiqué", "head"]);
        assert!(w.contains("head") && !w.contains("Head") && !w.contains("hea"));
        assert!(!w.contains("") && !w.contains("spokesmanx") && !w.contains("heat"));
        assert!(WordList::new(&["", "a"]).contains(""));
        assert!(w.contains_lowercase("Spokesman") && w.contains_lowercase("HEAD"));
        assert!(w.contains_lowercase("COMMUNIQUÉ"));
        assert!(!w.contains_lowercase("Spokesmen"));
        // The Kelvin sign lowercases to an ASCII k, as `to_lowercase` says.
        let k = WordList::new(&["kiosk"]);
        assert!(k.contains_lowercase("\u{212A}iosk"));
    }
}

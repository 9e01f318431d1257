//! The first pass: what the whole article says about each distinct word (how often it is
//! capitalised, written in lowercase, capitalised in running text), read before any name is
//! decided.

use std::borrow::Cow;

use super::lines::{Batch, joined_by_space};
use super::runs::is_stop;
use super::word::Word;

/// What the whole article says about a word (lowercased), read before any name is decided.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Seen {
    /// Times capitalised.
    pub(super) caps: u64,
    /// Times written in lowercase.
    pub(super) lower: u64,
    /// Capitalised in running text: mid-sentence, not in a headline, not a stop word, and
    /// not only as the first part of a longer name ("New" in "New Times" says nothing
    /// about it alone).
    pub(super) mid_caps: bool,
}

/// [`Seen`] for every distinct word of an article. Words already lowercase in the text
/// are borrowed from it; the map grows with the vocabulary, not with the text.
#[derive(Default)]
pub(super) struct Vocabulary<'a> {
    words: foldhash::HashMap<Cow<'a, str>, Seen>,
}

impl<'a> Vocabulary<'a> {
    pub(super) fn get(&self, lower: &str) -> Seen {
        self.words.get(lower).copied().unwrap_or_default()
    }

    fn update(&mut self, text: &'a str, w: &Word, lower: &str, f: impl FnOnce(&mut Seen)) {
        if let Some(seen) = self.words.get_mut(lower) {
            f(seen);
            return;
        }
        let key = match text.get(w.start..w.end) {
            Some(k) if k == lower => Cow::Borrowed(k),
            _ => Cow::Owned(lower.to_string()),
        };
        let mut seen = Seen::default();
        f(&mut seen);
        self.words.insert(key, seen);
    }

    /// First pass: count a batch's words.
    pub(super) fn observe(&mut self, b: &Batch<'a, '_>) {
        for i in b.from..b.to {
            let w = &b.words[i];
            let lower = b.lower(w);
            if w.cap {
                let followed_by_cap = !w.ends_seq
                    && b.words
                        .get(i + 1)
                        .is_some_and(|n| n.cap && joined_by_space(b.text, w.end, n.start));
                let mid = !w.initial && !b.headline && !followed_by_cap && !is_stop(b, i);
                self.update(b.text, w, lower, |s| {
                    s.caps += 1;
                    s.mid_caps |= mid;
                });
            } else if !w.numeric {
                self.update(b.text, w, lower, |s| s.lower += 1);
            }
        }
    }
}

//! Name reader: the capitalised name sequences an article body writes ("Jonas Brekke",
//! "Bank of Velsland", "Rustam-Bek Oralov"), each marked when a title makes it a person's.
//!
//! A pure text reader: [`extract_names`] reads one text, with no rule (a title such as
//! "President" marks the name after it as a person). Looking across sources for spellings of
//! one name that differ ("Jonas Brekke" for Jonas Brecke, Tarkov vs Tarkiv) is comparison, done
//! by `compare::name` on what this reader found.
//!
//! # Layout
//! * `scan`: the words of a text, one at a time (hand-written; see its module doc).
//! * `word`: a scanned word cut to the part that can be a name token ("Tarkiv’s" → "Tarkiv",
//!   "Marovia-led" → "Marovia"), with its lowercase form and the lists it is on.
//! * `lists`: the word lists (stop words, titles, connectors, particles), one bit each.
//! * `lines`: words handed on a line at a time (a long line in bounded batches), and whether
//!   the line is a title-case headline.
//! * `evidence`: the first pass, what the whole article says about each word.
//! * `runs`: the second pass, runs of capitalised words read as names.

mod evidence;
mod lines;
mod lists;
mod mentions;
mod runs;
mod scan;
mod word;

pub use mentions::{MentionRef, Mentions, Uses, kind_bit, merge_uses};

use std::borrow::Cow;
use std::ops::Range;

use evidence::Vocabulary;
use lines::{LIMITS, Limits, read_words};
use runs::read_names;

/// A capitalised name sequence found in an article body.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct NameMention {
    /// Byte range into the text given to [`extract_names`] (possessive `'s` excluded).
    pub span: Range<usize>,
    /// The name as written, e.g. "Jonas Brekke" (whitespace runs collapsed to one space).
    pub text: String,
    /// What kind of name it is, from the cues around it.
    pub kind: NameKind,
}

impl NameMention {
    /// Preceded by a title or honorific ("President", "Chancellor", "Mr.", "spokesman"), or
    /// a name of two words or more followed by a speech verb.
    pub fn is_person(&self) -> bool {
        self.kind == NameKind::Person
    }
}

/// What kind of name a mention is, decided from general cues around it, never from a list
/// of names (see `runs::name_kind`).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum NameKind {
    /// No cue either way.
    #[default]
    Unknown,
    /// A title or honorific before it ("President", "Mr.", "spokesman"), or a speech verb
    /// after a name of two words or more.
    Person,
    /// "in", "from", "near" … before it.
    Place,
    /// An organisation word as its last word ("Drug Administration"), or first before "of".
    Organisation,
    /// Words the article also writes in lowercase ("Food" beside "food prices", "Market
    /// Data" beside "market data"): a common word or phrase in capitals.
    Common,
}

/// Capitalised name sequences in an article body. `text` is the article text and
/// `body_start` where the body begins; `sentence_starts` are byte offsets where sentences
/// start (so sentence-initial common words such as "The", "But", "In" are skipped; a
/// stoplist of function words, months and weekdays applies everywhere).
///
/// A sentence-initial capitalised word is kept only if the article also capitalises it
/// mid-sentence, or it is followed directly by another capitalised word and never written
/// in lowercase ("Anton Veselin, a leading..."). In headline-like title-case lines only
/// words the article capitalises in running text are kept. A title ("President", "Deputy
/// Foreign Minister", "Mr.") is not part of the name; it marks the name after it as a person.
///
/// The text is read twice: first for what the article says about each distinct word
/// (`Seen`), then line by line for the names. Memory is the names found, the article's
/// vocabulary and one line's words (bounded on long lines), never a record per word.
pub fn extract_names(text: &str, body_start: usize, sentence_starts: &[usize]) -> Vec<NameMention> {
    names_within(text, body_start, sentence_starts, LIMITS)
}

fn names_within(
    text: &str,
    body_start: usize,
    sentence_starts: &[usize],
    limits: Limits,
) -> Vec<NameMention> {
    let mut body_start = body_start.min(text.len());
    while !text.is_char_boundary(body_start) {
        body_start += 1;
    }
    let starts: Cow<[usize]> = if sentence_starts.is_sorted() {
        Cow::Borrowed(sentence_starts)
    } else {
        let mut s = sentence_starts.to_vec();
        s.sort_unstable();
        Cow::Owned(s)
    };
    let mut evidence = Vocabulary::default();
    read_words(text, body_start, &starts, limits, |b| evidence.observe(b));
    let mut out = Vec::new();
    let mut run = Vec::new();
    read_words(text, body_start, &starts, limits, |b| {
        read_names(b, &evidence, &mut run, &mut out);
    });
    out
}

#[cfg(test)]
mod tests;

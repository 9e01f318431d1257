//! Quotations and their speakers: every quoted passage of an article, each attributed to
//! the person or organisation that said it.
//!
//! A reader like the others (text → values), needing no rule: every article body is scanned
//! for quoted passages (`marks`), speech verbs and their subjects are found outside them
//! (`claims`, `names`), and each quotation is given the speaker its own sentence names
//! (`attribute`). Across the corpus, [`SpeakerIndex`] puts a speaker's name in one form;
//! pairing the quotations of different sources is comparison's job
//! ([`crate::compare::quote`]).
//!
//! Why each step is the way it is:
//! - Fewer than [`MIN_QUOTE_WORDS`] words inside marks is a phrase (scare quotes such as
//!   "ultimatum"), not somebody's statement; phrases only get a speaker when one is written
//!   right after them ("“Never,” the minister said").
//! - Attribution looks at the quotation's own sentence and the one before, and resolves
//!   pronouns and references only two paragraphs back ([`PRONOUN_WINDOW_PARAGRAPHS`],
//!   [`REFERENCE_WINDOW_PARAGRAPHS`]): the reader says a quotation has no speaker rather than
//!   guessing from far away (the rules are in `attribute` and docs/accuracy.md).
//! - Titles in quote marks ("Meet the Press") are phrases with no speaker: a title is
//!   nobody's statement, and giving it a speaker made false attribution conflicts.
//! - The paragraphs and sentences are the article's (`layout`): one splitter for every
//!   reader.
//! - Speaker identity ([`SpeakerIndex`]) expands surnames to the one full name seen anywhere
//!   in the corpus; two full names sharing a surname leave the written form alone.
//!
//! The modules, in the order the reader runs them: `layout` (paragraphs and sentence
//! starts), `marks` (quotations), `scan` (tokens, hand-written for speed), `words` (word
//! lists), `names` (speaker names), `claims` (speech verbs and their subjects), `attribute`
//! (who said what), `speakers` (identity across the corpus).

use std::collections::HashSet;
use std::ops::Range;

use serde::Serialize;

use crate::corpus::Article;

mod attribute;
mod claims;
mod layout;
mod marks;
mod names;
mod scan;
mod speakers;
mod words;

pub use names::full_names;
pub use speakers::{SpeakerIndex, Who, WhoKind};

use layout::Layout;

/// Fewer words than this inside quote marks makes a phrase (scare quotes), not a quote.
pub const MIN_QUOTE_WORDS: usize = 4;
/// How many paragraphs back a pronoun may look for its speaker ("never guess from far away").
pub const PRONOUN_WINDOW_PARAGRAPHS: usize = 2;
/// How many paragraphs back "the statement said" / "the president said" may look for
/// whom it refers to (as far as a pronoun: the same rule for both).
pub const REFERENCE_WINDOW_PARAGRAPHS: usize = 2;

/// A statement, or a few words in marks.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Quote,
    Phrase,
}

/// How the speaker was found.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Attribution {
    /// The speaker is named in the quotation's sentence.
    Explicit,
    /// "he said" / "she said", resolved to the speaker named last before.
    Pronoun,
    /// No attribution in the sentence: the quotation continues the previous one.
    Continuation,
    /// "…, according to X".
    AccordingTo,
    /// "the statement said" / "the ministry said": resolved to the organisation (or person)
    /// named last before.
    Reference,
}

/// Who said a quotation, as the article names them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Speaker {
    /// As written nearest the quote, pronoun already resolved: "Ortega", "Maria Ortega".
    pub name: String,
    /// Where that name is written (for a pronoun: where its antecedent is written).
    pub span: Option<Range<usize>>,
    pub attribution: Attribution,
    /// How the article describes the speaker: "the union's chief negotiator", "Finance
    /// Minister".
    pub description: Option<String>,
}

/// One quoted passage of an article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// Marks included; for a multi-paragraph quotation from the first opening mark to the last
    /// closing mark (or the paragraph end when unbalanced).
    pub span: Range<usize>,
    /// The words inside the marks, whitespace normalised, paragraphs joined with a space.
    pub text: String,
    pub kind: QuoteKind,
    /// The closing mark is missing; the quotation was cut at the paragraph end.
    pub unbalanced: bool,
    pub speaker: Option<Speaker>,
}

/// The quotations of an article's body, with their speakers as written.
pub fn quotes(article: &Article) -> Vec<Quote> {
    quotes_and_names(article).0
}

/// [`quotes`], and the [`full_names`] the article's body writes, which the reader needs
/// anyway: reading them here saves a second tokenisation of every article.
pub fn quotes_and_names(article: &Article) -> (Vec<Quote>, Vec<String>) {
    read_in(
        &article.text,
        article.body_start,
        &Layout::of_article(article),
    )
}

/// The quotations of `text[body_start..]` (spans into `text`) and its full names, for text
/// read without an [`Article`].
#[cfg(test)]
fn read(text: &str, body_start: usize) -> (Vec<Quote>, Vec<String>) {
    read_in(text, body_start, &Layout::of_text(text, body_start))
}

/// [`read`] in a given layout of paragraphs and sentences.
fn read_in(text: &str, body_start: usize, layout: &Layout) -> (Vec<Quote>, Vec<String>) {
    let paras = &layout.paras;
    let founds = marks::find_quotes(text, paras);
    // The body from its first paragraph: only white space comes before it, so its full names
    // are those of the whole body. No paragraph: the body is blank and names nobody.
    let mut names = paras.first().map_or_else(Vec::new, |first| {
        full_names(sub(text, &(first.start..text.len())))
    });
    let surnames: HashSet<String> = names.iter().filter_map(|n| names::surname_of(n)).collect();
    if text.get(body_start..).is_none() {
        // Not a character boundary: the article's body reads as empty (`Article::body`).
        names.clear();
    }
    let segments = marks::outside(&founds, paras);
    let (orgs, mut mentions) = claims::find_names(text, &segments, &layout.starts);
    let mut claims = claims::find_claims(text, &segments, &layout.starts, &mentions);
    let body = paras
        .first()
        .map_or("", |first| sub(text, &(first.start..text.len())));
    attribute::resolve_claims(&mut claims, &orgs, &mut mentions, &surnames, body);
    let mut quotes = attribute::attribute(text, &founds, layout, &claims, &mentions);
    expand_acronyms(text, paras, &mut quotes);
    (quotes, names)
}

/// A speaker named by an acronym ("the NWSB said") is named by the expansion the article
/// gives ("Northern Water Safety Board"), when it gives one.
fn expand_acronyms(text: &str, paras: &[Range<usize>], quotes: &mut [Quote]) {
    let wanted: HashSet<String> = quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref())
        .filter(|s| names::is_acronym(&s.name))
        .map(|s| s.name.clone())
        .collect();
    if wanted.is_empty() {
        return;
    }
    let expansions = names::acronym_expansions(text, paras, &wanted);
    for s in quotes.iter_mut().filter_map(|q| q.speaker.as_mut()) {
        if let Some(full) = expansions.get(&s.name) {
            s.description.get_or_insert_with(|| s.name.clone());
            s.name.clone_from(full);
        }
    }
}

/// `text[range]`, or "" when `range` is not a slice of it.
fn sub<'a>(text: &'a str, range: &Range<usize>) -> &'a str {
    text.get(range.clone()).unwrap_or("")
}

/// The last of the sorted `starts` at or before `pos`.
fn last_at_or_before(starts: &[usize], pos: usize) -> Option<usize> {
    let i = starts.partition_point(|&s| s <= pos);
    i.checked_sub(1).and_then(|i| starts.get(i)).copied()
}

#[cfg(test)]
mod tests;

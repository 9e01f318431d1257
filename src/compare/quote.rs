//! Quotations across sources: which quotations of different sources are the same statement,
//! and how their wording and speakers differ.
//!
//! Flow: extract → **compare** → report. The quotation reader ([`crate::read::quote`]) gives
//! every article's quotations with their speakers; here the quotations (not phrases) of
//! different sources are paired by the similarity of their words ([`pair_quotes`]), each pair
//! gets a [`QuoteStatus`] (the same words given to different people is an attribution
//! conflict), and a word diff shows what one source changed.
//!
//! Pairing compares content words loosely (typo- and inflection-tolerant, [`similarity`])
//! because translations and trims of the same statement rarely share exact wording; it is
//! near-linear in the number of quotations, not all-pairs (see [`pair_quotes`] and `pair.rs`),
//! with a test that it finds exactly the pairs an all-pairs reference finds.

use std::ops::Range;
use std::sync::LazyLock;

use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices};

use crate::extract::Extraction;
use crate::placed::Detail;
use crate::read::quote::QuoteKind;
use crate::text::WordList;

mod card;
mod pair;
pub mod people;

/// Words that carry no content of their own, left out when two wordings are compared.
#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that",
    "these", "those", "there", "here", "which", "who", "whom", "what", "when", "where", "why",
    "how", "i", "we", "you", "he", "she", "they", "me", "us", "him", "her", "them", "my", "our",
    "your", "his", "their", "not", "no", "so", "than", "then", "too", "very", "can", "could",
    "will", "would", "shall", "should", "may", "might", "must", "do", "does", "did", "has", "have",
    "had", "having", "into", "about", "over", "under", "again", "also", "just", "only", "all",
    "any", "each", "more", "most", "other", "some", "such", "own", "same", "up", "down", "out",
    "off", "much", "many", "s", "t", "d", "ll", "re", "ve", "m", "that's", "it's", "let", "order",
];

static STOPWORDS_SET: LazyLock<WordList> = LazyLock::new(|| WordList::new(STOPWORDS));

/// Serialised as `{"op": "same" | "removed" | "added", "text": "…"}`.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(tag = "op", content = "text", rename_all = "lowercase")]
pub enum DiffOp {
    Same(String),
    Removed(String),
    Added(String),
}

fn diff_key(w: &str) -> String {
    let k: String = w
        .chars()
        .map(|c| if c == '’' { '\'' } else { c })
        .collect::<String>()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if k.is_empty() { w.to_string() } else { k }
}

/// Do two wordings have the same words, compared as [`word_diff`] compares them (without
/// case and surrounding punctuation)? Exactly when their diff is all [`DiffOp::Same`].
pub fn same_words(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (mut wa, mut wb) = (a.split_whitespace(), b.split_whitespace());
    loop {
        match (wa.next(), wb.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y || same_key(x, y) => {}
            _ => return false,
        }
    }
}

/// `diff_key(x) == diff_key(y)`, without allocating when both words are ASCII.
fn same_key(x: &str, y: &str) -> bool {
    if !(x.is_ascii() && y.is_ascii()) {
        return diff_key(x) == diff_key(y);
    }
    fn trim(w: &str) -> &str {
        w.trim_matches(|c: char| !c.is_ascii_alphanumeric())
    }
    match (trim(x), trim(y)) {
        // A word of punctuation only is its own key; a key with letters never equals it.
        ("", "") => x == y,
        ("", _) | (_, "") => false,
        (kx, ky) => kx.eq_ignore_ascii_case(ky),
    }
}

/// Word-level diff (similar crate), e.g. nonstandard -> unconventional. Words compare without
/// case and surrounding punctuation; consecutive words of one kind are grouped.
pub fn word_diff(a: &str, b: &str) -> Vec<DiffOp> {
    let wa: Vec<&str> = a.split_whitespace().collect();
    let wb: Vec<&str> = b.split_whitespace().collect();
    let ka: Vec<String> = wa.iter().map(|w| diff_key(w)).collect();
    let kb: Vec<String> = wb.iter().map(|w| diff_key(w)).collect();
    let mut out: Vec<DiffOp> = Vec::new();
    let mut push = |op: DiffOp| {
        match (out.last_mut(), &op) {
            (Some(DiffOp::Same(x)), DiffOp::Same(y))
            | (Some(DiffOp::Removed(x)), DiffOp::Removed(y))
            | (Some(DiffOp::Added(x)), DiffOp::Added(y)) => {
                x.push(' ');
                x.push_str(y);
                return;
            }
            _ => {}
        }
        out.push(op);
    };
    let join = |ws: &[&str], r: Range<usize>| ws.get(r).map(|s| s.join(" ")).unwrap_or_default();
    for op in capture_diff_slices(Algorithm::Myers, &ka, &kb) {
        let (tag, ra, rb) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => push(DiffOp::Same(join(&wa, ra))),
            DiffTag::Delete => push(DiffOp::Removed(join(&wa, ra))),
            DiffTag::Insert => push(DiffOp::Added(join(&wb, rb))),
            DiffTag::Replace => {
                push(DiffOp::Removed(join(&wa, ra)));
                push(DiffOp::Added(join(&wb, rb)));
            }
        }
    }
    out
}

/// Similarity of two quotations' wordings in \[0, 1\]: over content words (lowercase,
/// apostrophes straightened, stopwords and repeats dropped; inflections matched loosely: same
/// first three letters, both at least five long, Jaro-Winkler ≥ 0.88), the larger of the Dice
/// overlap and 0.85 × containment of the shorter in the longer (a source that trims a
/// quotation still pairs, a little lower). The containment term needs at least three shared
/// content words, so two common words ("part", "country") cannot pair a short quotation with
/// a long unrelated one. Words are matched greedily in `a`'s order, exact matches first.
pub fn similarity(a: &str, b: &str) -> f64 {
    let mut vocab = pair::Vocab::default();
    let (mut ca, mut cb) = (Vec::new(), Vec::new());
    vocab.content_words(a, &mut ca);
    vocab.content_words(b, &mut cb);
    vocab.similarity_both(&ca, &cb).0
}

/// Quotations at least this similar are the same statement (translations and trims of one
/// quotation score 0.6–1.0; different statements on the corpus stay under 0.35).
pub const PAIR_THRESHOLD: f64 = 0.5;

/// Candidate partners a quotation considers, at most. A quotation pairs with at most one
/// quotation per other source, so on a corpus of a few sources this never binds (the bundled
/// corpus has fewer than four candidates per quotation); on a wire story republished
/// thousands of times it keeps the pairs, and the work, linear in the number of quotations.
pub const MAX_CANDIDATES: usize = 16;

/// Postings a wording probes for similar wordings, at most: keys are probed rarest first, so
/// the cap only drops partners that share nothing but very common word prefixes.
pub const PROBE_BUDGET: usize = 4096;

/// Pair quotations across different sources: input is (source index, quote text); output pairs
/// (i, j, similarity) with i < j and different sources, each quotation in at most its best pair
/// per other source (greedy by similarity, ties by index).
///
/// Near-linear, not all-pairs: quotations with the same content words are one *wording*
/// (a republished quotation is one wording however often it appears); similar wordings are
/// found through an index of content-word keys (first three letters), probed rarest key first
/// within [`PROBE_BUDGET`] postings (exact below it: two quotations with no key in common have
/// similarity 0); each quotation then takes its first [`MAX_CANDIDATES`] partners from other
/// sources among the similar wordings, walking each wording's quotations from its own
/// position on, so a quotation repeated n times is compared O(n) times, not O(n²). Words are
/// interned once (see `pair.rs`), and pairs are scored and assigned one block of
/// similar wordings at a time.
pub fn pair_quotes(items: &[(usize, &str)]) -> Vec<(usize, usize, f64)> {
    pair::pair_quotes_with(items, MAX_CANDIDATES, PROBE_BUDGET, PAIR_THRESHOLD)
}

/// What one statement across sources is, as a whole card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteStatus {
    /// The same words given to two different people.
    AttributionConflict,
    /// The same statement in different words (translation, a word changed or cut inside).
    Reworded,
    /// The same words, one source or more quoting only part of them (words dropped at
    /// either end, the rest identical).
    Shortened,
    /// The same words everywhere.
    Same,
    /// Only one source carries it.
    Single,
}

impl QuoteStatus {
    pub fn name(self) -> &'static str {
        match self {
            QuoteStatus::AttributionConflict => "attribution-conflict",
            QuoteStatus::Reworded => "reworded",
            QuoteStatus::Shortened => "shortened",
            QuoteStatus::Same => "same",
            QuoteStatus::Single => "single",
        }
    }
}

/// How one source's wording compares with the card's reference wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Wording {
    /// The reference itself: the card's longest wording (the first of the longest).
    Reference,
    /// The reference's words.
    Same,
    /// The reference's words with some dropped at either end, the rest identical.
    Shortened,
    /// Other words.
    Reworded,
}

impl Wording {
    pub fn name(self) -> &'static str {
        match self {
            Wording::Reference => "reference",
            Wording::Same => "same",
            Wording::Shortened => "shortened",
            Wording::Reworded => "reworded",
        }
    }
}

/// One source's quotation on a card.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct QuoteMember {
    /// Index into [`Extraction::quotes`].
    pub quote: usize,
    pub wording: Wording,
    /// Similarity of this wording to the reference, in \[0, 1\] (1 for the reference).
    pub similarity: f64,
    /// Word-level differences from the reference to this wording (empty for the reference,
    /// and when the comparison was asked for without diffs).
    pub diff: Vec<DiffOp>,
    /// Index into [`QuoteFinding::people`]; `None` when the quotation has no speaker.
    pub person: Option<usize>,
}

/// One person (or organisation) a card's words are given to, however each source writes
/// them.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Person {
    /// The fullest of the written forms (most words, then first).
    pub name: String,
    /// Each canonical form the sources use for them, in order of first use.
    pub written: Vec<String>,
}

/// One statement across sources: every source's wording and speaker.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteFinding {
    pub status: QuoteStatus,
    /// Indices into [`Extraction::quotes`] of every member, in order.
    pub quotes: Vec<usize>,
    /// The reference wording's index into [`Extraction::quotes`].
    pub reference: usize,
    /// Per member (in the order of `quotes`): wording, similarity, diff and speaker.
    pub members: Vec<QuoteMember>,
    /// The distinct people the words are given to, in order of first member.
    pub people: Vec<Person>,
    /// Pairs of `people` (i < j) who are different people: what makes an attribution
    /// conflict.
    pub conflicts: Vec<(usize, usize)>,
    /// Names one person is written with that are spellings of one name ("Jon Ortega",
    /// "John Ortega"): evidence for the name comparison, not shown with the card.
    #[serde(skip)]
    pub spelled: Vec<(String, String)>,
}

/// Group quotations (not phrases) across sources by wording, one card per statement,
/// keeping what `detail` says (the word diffs only at [`Detail::Full`]; statuses and
/// members are the same at every level).
///
/// Pairs from [`pair_quotes`] are joined into cards, strongest first (a statement one source
/// splits in two still makes one card, but two cards join only when their longest wordings
/// pair too: no chaining through a short fragment); each card's reference is its longest
/// wording, every member is compared with it once, and the speakers are compared as people
/// (`people.rs`). Linear in the number of quotations besides pairing: one similarity and at
/// most one diff per member, and speaker comparisons only among a card's distinct names.
pub fn compare_quotes(extraction: &Extraction, detail: Detail) -> Vec<QuoteFinding> {
    // Speakers are already canonical in the extraction ([`Extraction::canonicalise_speakers`]).
    let quotes = &extraction.quotes;
    let keep: Vec<usize> = (0..quotes.len())
        .filter(|&i| quotes[i].quote.kind == QuoteKind::Quote)
        .collect();
    let items: Vec<(usize, &str)> = keep
        .iter()
        .map(|&i| (quotes[i].article, quotes[i].quote.text.as_str()))
        .collect();
    // Pairs are joined into cards as each block of them is made, never all held.
    let text = |k: usize| items[k].1;
    let mut joined = card::Cards::new(keep.len(), text);
    pair::pair_blocks_with(
        &items,
        MAX_CANDIDATES,
        PROBE_BUDGET,
        PAIR_THRESHOLD,
        |block| joined.join(block, text),
    );
    let mut cards = joined.finish();
    let mut found: Vec<QuoteFinding> = cards
        .iter_mut()
        .map(|members| {
            members.iter_mut().for_each(|m| *m = keep[*m]);
            card::card(extraction, members, detail)
        })
        .collect();
    found.sort_by_key(|f| (f.status, f.quotes.first().copied()));
    found
}

/// Names one person is written with that are spellings of one name, from every card:
/// evidence the name comparison takes (two sources giving the same words to "Jon Ortega"
/// and "John Ortega").
pub fn spelled_speakers(findings: &[QuoteFinding]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = findings
        .iter()
        .flat_map(|f| f.spelled.iter().cloned())
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests;

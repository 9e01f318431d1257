//! The quotation cards and the lines about quotations, computed once and rendered by each
//! writer (text, Markdown, HTML): which statements make a card, each card's marker,
//! heading and members, who said each quotation and how the tool knows, and which
//! quotations only one source carries. A writer only decides how these look, so two
//! formats cannot tell a card differently.

use std::collections::HashSet;

use super::{QuoteEntry, QuoteFindingEntry, QuoteMember, Report};
use crate::compare::QuoteStatus;
use crate::compare::quote::DiffOp;
use crate::read::quote::{Attribution, QuoteKind};

/// One character per card status: ✗ attribution conflict, ≠ reworded, ≈ shortened,
/// ✓ same words, · one source.
pub fn quote_marker(s: QuoteStatus) -> &'static str {
    match s {
        QuoteStatus::AttributionConflict => "✗",
        QuoteStatus::Reworded => "≠",
        QuoteStatus::Shortened => "≈",
        QuoteStatus::Same => "✓",
        QuoteStatus::Single => "·",
    }
}

/// The card statuses a "disagreements only" view keeps.
pub fn quote_is_disagreement(status: QuoteStatus) -> bool {
    matches!(
        status,
        QuoteStatus::AttributionConflict | QuoteStatus::Reworded
    )
}

/// Who a quotation is given to, in parts a writer can style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// The canonical speaker, or "no speaker found".
    pub who: String,
    /// How the speaker was found when not simply named beside it (" (“he/she said”)"),
    /// else empty.
    pub how: &'static str,
    /// What the article says the speaker is.
    pub description: Option<String>,
}

impl Speaker {
    pub fn of(q: &QuoteEntry) -> Speaker {
        let how = match q.attribution {
            Some(Attribution::Pronoun) => " (“he/she said”)",
            Some(Attribution::Continuation) => " (continued quotation)",
            Some(Attribution::Reference) => " (“the statement said”)",
            _ => "",
        };
        Speaker {
            who: q
                .speaker
                .clone()
                .unwrap_or_else(|| "no speaker found".into()),
            how,
            description: q.description.clone(),
        }
    }

    /// "Dana Ortega (“he/she said”) — a spokeswoman", each part passed through `who` and
    /// `text` (escaping, emphasis) as the format needs.
    pub fn render(&self, who: impl Fn(&str) -> String, text: impl Fn(&str) -> String) -> String {
        match &self.description {
            Some(d) => format!("{}{} — {}", who(&self.who), self.how, text(d)),
            None => format!("{}{}", who(&self.who), self.how),
        }
    }

    /// As plain text.
    pub fn plain(&self) -> String {
        self.render(str::to_string, str::to_string)
    }
}

/// One member of a card: a source's quotation of the statement.
#[derive(Debug, Clone)]
pub struct CardMember<'a> {
    /// Index into [`Report::quotes`].
    pub index: usize,
    pub quote: &'a QuoteEntry,
    pub member: &'a QuoteMember,
    pub speaker: Speaker,
    /// "reference wording", "same words", "shortened, similarity 0.85".
    pub note: String,
    /// Whether its words differ from the reference's (a word diff is worth showing).
    pub changed: bool,
}

/// One statement that more than one quotation carries.
#[derive(Debug, Clone)]
pub struct Card<'a> {
    pub entry: &'a QuoteFindingEntry,
    pub status: QuoteStatus,
    pub marker: &'static str,
    /// "[1], [2] and [4]".
    pub sources: String,
    /// Who the words are given to, when that needs saying ([`QuoteFindingEntry::who`]).
    pub who: Option<String>,
    pub disagreement: bool,
    pub members: Vec<CardMember<'a>>,
}

/// A quotation (not a short phrase) with what the cards say of it.
#[derive(Debug, Clone)]
pub struct Quotation<'a> {
    /// Index into [`Report::quotes`].
    pub index: usize,
    pub quote: &'a QuoteEntry,
    pub speaker: Speaker,
    /// On no card: only this source carries it.
    pub only_here: bool,
}

/// Everything the writers show about quotations.
#[derive(Debug, Clone)]
pub struct QuoteCards<'a> {
    /// Statements carried by more than one quotation, in the report's order.
    pub cards: Vec<Card<'a>>,
    /// Every quotation (phrases aside), in the report's order.
    pub quotations: Vec<Quotation<'a>>,
    /// Short phrases in quote marks (not quotations).
    pub phrases: Vec<&'a QuoteEntry>,
}

impl<'a> QuoteCards<'a> {
    pub fn of(r: &'a Report) -> QuoteCards<'a> {
        let cards: Vec<Card<'a>> = r
            .quote_findings
            .iter()
            .filter(|f| f.quotes.len() > 1)
            .map(|f| Card {
                entry: f,
                status: f.status,
                marker: quote_marker(f.status),
                sources: f.sources(r),
                who: f.who(),
                disagreement: quote_is_disagreement(f.status),
                members: f
                    .members
                    .iter()
                    .filter_map(|m| {
                        let quote = r.quotes.get(m.quote)?;
                        Some(CardMember {
                            index: m.quote,
                            quote,
                            member: m,
                            speaker: Speaker::of(quote),
                            note: m.note(),
                            changed: !m.diff.iter().all(|d| matches!(d, DiffOp::Same(_))),
                        })
                    })
                    .collect(),
            })
            .collect();
        let paired: HashSet<usize> = cards
            .iter()
            .flat_map(|c| c.entry.quotes.iter().copied())
            .collect();
        let quotations = r
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| q.kind == QuoteKind::Quote)
            .map(|(index, quote)| Quotation {
                index,
                quote,
                speaker: Speaker::of(quote),
                only_here: !paired.contains(&index),
            })
            .collect();
        let phrases = r
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Phrase)
            .collect();
        QuoteCards {
            cards,
            quotations,
            phrases,
        }
    }
}

//! Findings with a stable identity, and the located messages CI shows for them.
//!
//! A [`Report`] says, per fact, which values conflict. CI needs more: to know whether a
//! finding is one a desk has already accepted (a baseline, [`crate::baseline`]) and to put a
//! message on the line of each observation involved (GitHub annotations, SARIF). This module
//! turns a report into [`Finding`]s, each with a [`key`](Finding::key) that does not depend on
//! article order, file names, line numbers or unrelated edits, and findings into [`Flag`]s:
//! one per observation involved, with the other side as related locations.
//!
//! What "the same finding" is:
//! - **conflict**: a fact and one canonical value that cannot be true with some other value
//!   of the fact (`conflict | ua.border_troops | 10000..99999`): one finding per value in
//!   conflict, never one per pair of values, so a fact with thousands of distinct values
//!   makes thousands of findings, not millions. Another article repeating a value adds no
//!   new finding; an article with a new value that conflicts with another makes a new one.
//!   The finding names the first value it cannot be true with (and how many in all), with a
//!   few of that value's sources as related locations. Baselines written before (version 1,
//!   one finding per pair) are read as accepting each value of each pair.
//! - **framing**: a term fact and a wording class that some sources use and others do not
//!   (`framing | kz.action | invasion`).
//! - **attribution-conflict**: the quotation's words (lower case, letters and digits only)
//!   and the two speakers it is given to, sorted. A card given to several different people
//!   makes one finding per pair of them, each side the first quotation given to that person,
//!   so a two-source card has the key a pair of quotations had before cards (schema 1): a
//!   baseline written then still matches.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::{Deserialize, Serialize};

use super::{Evidence, QuoteEntry, Report};
use crate::compare::{QuoteStatus, Status};

/// What kind of finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    Conflict,
    Framing,
    AttributionConflict,
}

impl FindingKind {
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::Conflict => "conflict",
            FindingKind::Framing => "framing",
            FindingKind::AttributionConflict => "attribution-conflict",
        }
    }
}

/// The rule id SARIF and annotations give a quotation finding.
pub const QUOTE_RULE: &str = "quote.attribution";

/// One finding of a run.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub kind: FindingKind,
    /// The fact id, or [`QUOTE_RULE`].
    pub fact: String,
    /// Conflict: the two values, sorted; framing: the class; attribution: the two speakers.
    pub values: Vec<String>,
    /// Attribution: the quotation's normalised words.
    pub quote: Option<String>,
    /// The observations on each side: evidence indices for facts, quote indices for quotes,
    /// in the order of `values` (one side for framing).
    pub sides: Vec<Vec<usize>>,
    /// Why the sides cannot both be right, when the report says.
    pub reason: Option<String>,
    /// Conflict: the first value this one cannot be true with, as flags show it.
    pub against: Option<Opposed>,
}

/// The other side of a conflict finding: not every value in conflict with it (there may be
/// thousands), the first one, with a few of the sources that state it.
#[derive(Debug, Clone, PartialEq)]
pub struct Opposed {
    /// The value, canonical.
    pub value: String,
    /// Its first observation in each of its first sources (at most [`NAMED`] + 1).
    pub evidence: Vec<usize>,
    /// How many sources state it.
    pub sources: usize,
    /// How many values in all cannot be true with the finding's value.
    pub values: usize,
}

/// How many sources a message names before "and N other sources".
pub const NAMED: usize = 3;

impl Finding {
    /// The identity a baseline records: kind, fact, values (and the quotation's words).
    pub fn key(&self) -> String {
        let mut parts = vec![self.kind.name().to_string(), self.fact.clone()];
        parts.extend(self.values.iter().cloned());
        if let Some(q) = &self.quote {
            parts.push(q.clone());
        }
        parts.join(" | ")
    }

    /// The file names involved, sorted and unique: for people reading a baseline.
    pub fn files(&self, report: &Report) -> Vec<String> {
        let mut files = BTreeSet::new();
        for side in &self.sides {
            for &i in side {
                let f = match self.kind {
                    FindingKind::AttributionConflict => report.quotes.get(i).map(|q| &q.file),
                    _ => report.evidence.get(i).map(|e| &e.file),
                };
                if let Some(f) = f {
                    files.insert(f.to_string());
                }
            }
        }
        files.into_iter().collect()
    }
}

/// Lower case words of letters and digits, one space apart: a quotation's identity.
pub fn normalise_quote(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every conflict, framing and attribution finding of a report, sorted by key.
pub fn findings(report: &Report) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    // Findings already made, so each is made once (a set, not a search: conflicts and
    // attribution conflicts grow with the corpus).
    let mut made: HashSet<String> = HashSet::new();
    for f in &report.facts {
        let of_fact: Vec<(usize, &Evidence)> = report
            .evidence
            .iter()
            .enumerate()
            .filter(|(_, e)| *e.fact == *f.fact)
            .collect();
        match f.status {
            Status::Conflict => {
                // One finding per value in conflict: its observations, and the first value
                // it cannot be true with as the other side (a few of its sources).
                for g in f.values.iter().filter(|g| g.conflicts > 0) {
                    let Some(a) = &g.against else {
                        continue;
                    };
                    let other = f.values.get(a.index);
                    let mut seen = BTreeSet::new();
                    let evidence: Vec<usize> = other
                        .map(|o| o.evidence.as_slice())
                        .unwrap_or_default()
                        .iter()
                        .copied()
                        .filter(|&i| {
                            report
                                .evidence
                                .get(i)
                                .is_some_and(|e| seen.insert(e.source_number))
                        })
                        .take(NAMED + 1)
                        .collect();
                    out.push(Finding {
                        kind: FindingKind::Conflict,
                        fact: f.fact.clone(),
                        values: vec![g.value.clone()],
                        quote: None,
                        sides: vec![g.evidence.clone()],
                        reason: Some(a.reason.clone()),
                        against: Some(Opposed {
                            value: a.value.clone(),
                            evidence,
                            sources: other.map_or(0, |o| o.sources.len()),
                            values: g.conflicts,
                        }),
                    });
                }
            }
            Status::Framing => {
                // Classes that some sources use and others do not.
                let mut users: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
                let mut sources = BTreeSet::new();
                for (_, e) in &of_fact {
                    if !e.value.starts_with("not:") {
                        users.entry(&e.value).or_default().insert(e.source_number);
                        sources.insert(e.source_number);
                    }
                }
                for (class, who) in users {
                    if who.len() == sources.len() {
                        continue;
                    }
                    out.push(Finding {
                        kind: FindingKind::Framing,
                        fact: f.fact.clone(),
                        values: vec![class.to_string()],
                        quote: None,
                        sides: vec![
                            of_fact
                                .iter()
                                .filter(|(_, e)| e.value == class)
                                .map(|(i, _)| *i)
                                .collect(),
                        ],
                        reason: Some(format!(
                            "{} of {} sources word it so",
                            who.len(),
                            sources.len()
                        )),
                        against: None,
                    });
                }
            }
            _ => {}
        }
    }
    for q in &report.quote_findings {
        if q.status != QuoteStatus::AttributionConflict {
            continue;
        }
        // One finding per pair of different people on the card, each side its first
        // quotation given to that person (so a card of two makes the finding a pair made).
        let first_of = |person: usize| {
            q.members
                .iter()
                .find(|m| m.person == Some(person))
                .map(|m| m.quote)
        };
        for &(x, y) in &q.conflicts {
            let (Some(a), Some(b)) = (first_of(x), first_of(y)) else {
                continue;
            };
            let (Some(qa), Some(qb)) = (report.quotes.get(a), report.quotes.get(b)) else {
                continue;
            };
            let (Some(sa), Some(sb)) = (&qa.speaker, &qb.speaker) else {
                continue;
            };
            let mut sides = [(sa.clone(), a), (sb.clone(), b)];
            sides.sort();
            let mut words = [normalise_quote(&qa.text), normalise_quote(&qb.text)];
            words.sort();
            let quote = if words[0] == words[1] {
                words[0].clone()
            } else {
                words.join(" / ")
            };
            let finding = Finding {
                kind: FindingKind::AttributionConflict,
                fact: QUOTE_RULE.to_string(),
                values: sides.iter().map(|(s, _)| s.clone()).collect(),
                quote: Some(quote),
                sides: sides.iter().map(|(_, i)| vec![*i]).collect(),
                reason: None,
                against: None,
            };
            if made.insert(finding.key()) {
                out.push(finding);
            }
        }
    }
    out.sort_by_cached_key(Finding::key);
    out
}

/// What a baseline already accepts, as far as annotations need to know.
#[derive(Debug, Clone, Default)]
pub struct Accepted {
    /// Keys of accepted findings.
    pub keys: BTreeSet<String>,
}

/// Whether a flag's finding is in the baseline, when one was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BaselineState {
    New,
    Unchanged,
}

/// How loud a flag is: conflicts warn, framing differences are notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Warning,
    Note,
}

/// A place in an article.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Place {
    /// The article path as given (`corpus/x.txt`).
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// The words there.
    pub text: String,
}

/// One message on one observation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flag {
    pub kind: FindingKind,
    /// Fact id, or [`QUOTE_RULE`].
    pub rule: String,
    pub level: Level,
    pub place: Place,
    /// What the observation says ("People killed by the flood: this article says 30").
    pub head: String,
    /// What it is at odds with, and why ("city-paper.txt says 12: …").
    pub detail: String,
    /// The other side, each with what it says.
    pub related: Vec<(Place, String)>,
    /// The finding's key.
    pub key: String,
    /// Set when a baseline was given.
    pub baseline: Option<BaselineState>,
}

impl Flag {
    /// The whole message: head and detail.
    pub fn message(&self) -> String {
        if self.detail.is_empty() {
            self.head.clone()
        } else {
            format!("{}; {}", self.head, self.detail)
        }
    }
}

fn evidence_place(report: &Report, e: &Evidence) -> Place {
    Place {
        path: path_of(report, e.source_number, &e.file),
        line: e.line,
        column: e.column,
        end_line: e.end_line,
        end_column: e.end_column,
        text: e.raw.clone(),
    }
}

fn quote_place(report: &Report, q: &QuoteEntry) -> Place {
    Place {
        path: path_of(report, q.source_number, &q.file),
        line: q.line,
        column: q.column,
        end_line: q.end_line,
        end_column: q.end_column,
        text: q.text.clone(),
    }
}

fn path_of(report: &Report, source_number: usize, file: &str) -> String {
    report
        .sources
        .iter()
        .find(|s| s.number == source_number)
        .map_or_else(|| file.to_string(), |s| s.path.clone())
}

/// Flags for findings: one per observation involved (for a conflict, per observation of the
/// value in conflict; the first value it cannot be true with is its related locations, a
/// few of them). With a baseline, a finding is new or unchanged by its key: an article
/// bringing a new value in conflict is flagged, the values already accepted are marked
/// unchanged. Sorted by place, then rule and key.
pub fn flags(report: &Report, findings: &[Finding], accepted: Option<&Accepted>) -> Vec<Flag> {
    let mut out = Vec::new();
    for f in findings {
        let key = f.key();
        let state = accepted.map(|a| {
            if a.keys.contains(&key) {
                BaselineState::Unchanged
            } else {
                BaselineState::New
            }
        });
        let label = report
            .facts
            .iter()
            .find(|x| x.fact == f.fact)
            .map_or("", |x| x.label.as_str());
        match f.kind {
            FindingKind::Conflict => {
                let Some(o) = &f.against else {
                    continue;
                };
                let other: Vec<&Evidence> = o
                    .evidence
                    .iter()
                    .filter_map(|&i| report.evidence.get(i))
                    .collect();
                let related: Vec<(Place, String)> = other
                    .iter()
                    .map(|e| {
                        (
                            evidence_place(report, e),
                            format!("{} says {}", e.file, e.value),
                        )
                    })
                    .collect();
                // "a.txt says", "a.txt and b.txt say", "a.txt, b.txt, c.txt and 9 other
                // sources say": a few sources named, however many there are.
                let shown = if o.sources > NAMED + 1 {
                    NAMED
                } else {
                    o.sources
                };
                let mut named: Vec<String> = other
                    .iter()
                    .take(shown)
                    .map(|e| e.file.to_string())
                    .collect();
                named.sort();
                if o.sources > named.len() {
                    named.push(format!("{} other sources", o.sources - named.len()));
                }
                let verb = if o.sources == 1 { "says" } else { "say" };
                let mut detail = format!("{} {verb} {}", super::and_list(&named), o.value);
                if let Some(r) = &f.reason {
                    detail.push_str(&format!(" ({r})"));
                }
                if o.values > 1 {
                    detail.push_str(&format!(
                        "; {} values in all cannot be true with it",
                        o.values
                    ));
                }
                for e in f.sides[0].iter().filter_map(|&i| report.evidence.get(i)) {
                    out.push(Flag {
                        kind: f.kind,
                        rule: f.fact.clone(),
                        level: Level::Warning,
                        place: evidence_place(report, e),
                        head: format!("{label}: this article says {} (\"{}\")", e.value, e.raw),
                        detail: detail.clone(),
                        related: related.clone(),
                        key: key.clone(),
                        baseline: state,
                    });
                }
            }
            FindingKind::Framing => {
                for e in f.sides[0].iter().filter_map(|&i| report.evidence.get(i)) {
                    out.push(Flag {
                        kind: f.kind,
                        rule: f.fact.clone(),
                        level: Level::Note,
                        place: evidence_place(report, e),
                        head: format!("{label}: worded as {} (\"{}\")", e.value, e.raw),
                        detail: f
                            .reason
                            .clone()
                            .unwrap_or_else(|| "not every source words it so".into()),
                        related: vec![],
                        key: key.clone(),
                        baseline: state,
                    });
                }
            }
            FindingKind::AttributionConflict => {
                for (s, side) in f.sides.iter().enumerate() {
                    let other = 1 - s.min(1);
                    let Some(q) = side.first().and_then(|&i| report.quotes.get(i)) else {
                        continue;
                    };
                    let Some(o) = f.sides[other].first().and_then(|&i| report.quotes.get(i)) else {
                        continue;
                    };
                    out.push(Flag {
                        kind: f.kind,
                        rule: f.fact.clone(),
                        level: Level::Warning,
                        place: quote_place(report, q),
                        head: format!("“{}” is given to {} here", q.text, f.values[s]),
                        detail: format!(
                            "{}:{}:{} gives it to {}",
                            o.file, o.line, o.column, f.values[other]
                        ),
                        related: vec![(
                            quote_place(report, o),
                            format!("{} gives it to {}", o.file, f.values[other]),
                        )],
                        key: key.clone(),
                        baseline: state,
                    });
                }
            }
        }
    }
    out.sort_by(|a, b| (&a.place, &a.rule, &a.key).cmp(&(&b.place, &b.rule, &b.key)));
    out
}

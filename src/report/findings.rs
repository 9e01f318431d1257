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
//! - **conflict**: a fact and the two canonical values that cannot both be true
//!   (`conflict | ua.border_troops | 10000..99999 | >=100000`). Another article repeating one
//!   of the two values adds no new finding; an article with a value that conflicts with any
//!   other value makes a new pair, so a new finding.
//! - **framing**: a term fact and a wording class that some sources use and others do not
//!   (`framing | kz.action | invasion`).
//! - **attribution-conflict**: the quotation's words (lower case, letters and digits only)
//!   and the two speakers it is given to, sorted. A card given to several different people
//!   makes one finding per pair of them, each side the first quotation given to that person,
//!   so a two-source card has the key a pair of quotations had before cards (schema 1): a
//!   baseline written then still matches.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

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
}

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
        let mut with_value: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, e) in &of_fact {
            with_value.entry(e.value.as_str()).or_default().push(*i);
        }
        match f.status {
            Status::Conflict => {
                for (pair, reason) in f.conflicts.iter().zip(&f.disagreements) {
                    let (Some(a), Some(b)) =
                        (report.evidence.get(pair.0), report.evidence.get(pair.1))
                    else {
                        continue;
                    };
                    let mut values = vec![a.value.clone(), b.value.clone()];
                    values.sort();
                    values.dedup();
                    if values.len() != 2
                        || !made.insert(format!("{}\n{}\n{}", f.fact, values[0], values[1]))
                    {
                        continue;
                    }
                    let sides = values
                        .iter()
                        .map(|v| with_value.get(v.as_str()).cloned().unwrap_or_default())
                        .collect();
                    out.push(Finding {
                        kind: FindingKind::Conflict,
                        fact: f.fact.clone(),
                        values,
                        quote: None,
                        sides,
                        reason: reason.rsplit_once(": ").map(|(_, r)| r.to_string()),
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
    /// Per fact, every value some accepted conflict involves: an article repeating one of
    /// them is not what makes a new conflict new.
    pub values: BTreeMap<String, BTreeSet<String>>,
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

/// Flags for findings: one per observation involved. With a baseline, a new conflict is
/// flagged on the side that brings a value no accepted conflict has (the new article), or on
/// both sides when neither or both do; accepted findings keep all their flags, marked
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
                let known = accepted.and_then(|a| a.values.get(&f.fact));
                let fresh: Vec<bool> = f
                    .values
                    .iter()
                    .map(|v| known.is_none_or(|k| !k.contains(v)))
                    .collect();
                let only_fresh =
                    state == Some(BaselineState::New) && fresh.iter().filter(|x| **x).count() == 1;
                for (s, side) in f.sides.iter().enumerate() {
                    if only_fresh && !fresh[s] {
                        continue;
                    }
                    let other = 1 - s.min(1);
                    let related: Vec<(Place, String)> = f.sides[other]
                        .iter()
                        .filter_map(|&i| report.evidence.get(i))
                        .map(|e| {
                            (
                                evidence_place(report, e),
                                format!("{} says {}", e.file, e.value),
                            )
                        })
                        .collect();
                    let others: BTreeSet<&str> = f.sides[other]
                        .iter()
                        .filter_map(|&i| report.evidence.get(i))
                        .map(|e| &*e.file)
                        .collect();
                    let others: Vec<String> = others.into_iter().map(str::to_string).collect();
                    // "a.txt says", "a.txt and b.txt say".
                    let verb = if others.len() == 1 { "says" } else { "say" };
                    for e in side.iter().filter_map(|&i| report.evidence.get(i)) {
                        let mut detail =
                            format!("{} {verb} {}", super::and_list(&others), f.values[other]);
                        if let Some(r) = &f.reason {
                            detail.push_str(&format!(" ({r})"));
                        }
                        out.push(Flag {
                            kind: f.kind,
                            rule: f.fact.clone(),
                            level: Level::Warning,
                            place: evidence_place(report, e),
                            head: format!("{label}: this article says {} (\"{}\")", e.value, e.raw),
                            detail,
                            related: related.clone(),
                            key: key.clone(),
                            baseline: state,
                        });
                    }
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

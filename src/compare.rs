//! Comparison: per fact, the values each source gives, and whether they agree.
//!
//! Third stage of the flow (rules + articles → extract → **compare** → report). A
//! [`Finding`] per fact groups the observations by article and decides a [`Status`]:
//!
//! - quantities are intervals (`~2000`, `>=100000`, `10000..99999`); an approximate value is
//!   widened by the rule's `approx_margin` (default 10%), every value by its `tolerance`;
//!   two values conflict when the widened intervals do not overlap. Identical canonical
//!   values agree; overlapping but different ones agree only loosely.
//! - dates compare by day; a month is loosely compatible with a day inside it; a weekday that
//!   could not be resolved (no publication date) cannot be compared and says so.
//! - terms compare the set of wording classes each source uses; different sets are a
//!   framing difference, which is not a factual conflict.
//!
//! Quotations are paired across sources by the similarity of their words
//! ([`crate::extract::quote::compare_quotes`]) and given a [`QuoteStatus`]; names are
//! clustered into spellings of one name ([`crate::extract::name::cluster_names`]), with the
//! rule file's canonical entities as anchors.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::extract::name::{self, KnownEntity, NameCluster};
use crate::extract::quote::{self, DiffOp, QuoteKind};
use crate::extract::{Extraction, Observation, Value};
use crate::rules::{Fact, Kind, RuleSet};

/// Everything the comparison found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Findings {
    /// One per rule fact, in rule order.
    pub facts: Vec<Finding>,
    /// Quotations: pairs across sources, then those only one source carries.
    pub quotes: Vec<QuoteFinding>,
    /// Names spelled in more than one way, or unlike their canonical form.
    pub names: Vec<NameCluster>,
}

/// How two sources' versions of one quotation compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteStatus {
    /// The same words attributed to different people.
    AttributionConflict,
    /// The same statement in different words (translation, trim).
    Reworded,
    /// The same words, the same speaker.
    Same,
    /// Only one source carries it.
    Single,
}

impl QuoteStatus {
    pub fn name(self) -> &'static str {
        match self {
            QuoteStatus::AttributionConflict => "attribution-conflict",
            QuoteStatus::Reworded => "reworded",
            QuoteStatus::Same => "same",
            QuoteStatus::Single => "single",
        }
    }
}

/// One quotation across sources.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteFinding {
    pub status: QuoteStatus,
    /// Indices into [`Extraction::quotes`]: two for a pair, one for a single.
    pub quotes: Vec<usize>,
    /// Similarity of the two wordings in [0, 1], for a pair.
    pub similarity: Option<f64>,
    /// Word-level differences from the first wording to the second, for a pair.
    pub diff: Vec<DiffOp>,
}

/// Compare rule facts, quotations and names.
pub fn compare_all(rules: &RuleSet, extraction: &Extraction, source_names: &[String]) -> Findings {
    let mentions = name::Mentions::from_docs(&extraction.names);
    compare_all_with(rules, extraction, &mentions, source_names, Detail::Full)
}

/// How much of the comparison to keep: word diffs and every use cost time and memory, and
/// not every report prints them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Everything.
    Full,
    /// No word diffs of quotation pairs.
    NoDiffs,
    /// No word diffs; for each quotation only its first comparison (the one that gives it
    /// its status) besides every attribution conflict; for each spelling of a name only its
    /// first use in each source. What a table of findings (`check --format csv`) prints.
    FirstOnly,
}

/// [`compare_all`] with the name mentions held apart (compactly: `extraction.names` is not
/// read), keeping what `detail` says (statuses are the same at every level).
pub fn compare_all_with(
    rules: &RuleSet,
    extraction: &Extraction,
    mentions: &name::Mentions,
    source_names: &[String],
    detail: Detail,
) -> Findings {
    Findings {
        facts: compare(rules, &extraction.observations, source_names),
        quotes: compare_quotes_with(extraction, detail),
        names: name::cluster_mentions(
            mentions,
            &known_entities(rules),
            detail == Detail::FirstOnly,
        ),
    }
}

/// Pair quotations (not phrases) across sources by wording.
pub fn compare_quotes(extraction: &Extraction) -> Vec<QuoteFinding> {
    compare_quotes_with(extraction, Detail::Full)
}

/// [`compare_quotes`], keeping what `detail` says.
pub fn compare_quotes_with(extraction: &Extraction, detail: Detail) -> Vec<QuoteFinding> {
    // As quote::compare_quotes, without its per-pair copies of speakers and descriptions:
    // speakers are already canonical in the extraction.
    let quotes = &extraction.quotes;
    let keep: Vec<usize> = (0..quotes.len())
        .filter(|&i| quotes[i].quote.kind == QuoteKind::Quote)
        .collect();
    let items: Vec<(usize, &str)> = keep
        .iter()
        .map(|&i| (quotes[i].article, quotes[i].quote.text.as_str()))
        .collect();
    let mut paired = vec![false; quotes.len()];
    // (status, first, second, similarity), sorted as the findings are.
    // Sized once: at 10k articles the pairs are a million, and growing by doubling would
    // hold two copies at once (this list is the comparison's heap peak).
    let pairs = quote::pair_quotes(&items);
    let mut found: Vec<(QuoteStatus, usize, Option<usize>, f64)> =
        Vec::with_capacity(pairs.len() + keep.len());
    for (x, y, similarity) in pairs {
        let (a, b) = (keep[x], keep[y]);
        paired[a] = true;
        paired[b] = true;
        let (qa, qb) = (&quotes[a], &quotes[b]);
        let status = match (&qa.speaker, &qb.speaker) {
            (Some(x), Some(y)) if x != y => QuoteStatus::AttributionConflict,
            _ if quote::same_words(&qa.quote.text, &qb.quote.text) => QuoteStatus::Same,
            _ => QuoteStatus::Reworded,
        };
        found.push((status, a, Some(b), similarity));
    }
    for &i in &keep {
        if !paired[i] {
            found.push((QuoteStatus::Single, i, None, 0.0));
        }
    }
    found.sort_by_key(|&(status, a, b, _)| (status, a, b));
    if detail == Detail::FirstOnly {
        let mut seen = vec![false; quotes.len()];
        found.retain(|&(status, a, b, _)| {
            let first = !seen[a] || b.is_some_and(|b| !seen[b]);
            seen[a] = true;
            b.inspect(|&b| seen[b] = true);
            first || status == QuoteStatus::AttributionConflict
        });
    }
    found
        .into_iter()
        .map(|(status, a, b, similarity)| match b {
            Some(b) => QuoteFinding {
                status,
                quotes: vec![a, b],
                similarity: Some(similarity),
                diff: if detail == Detail::Full {
                    quote::word_diff(&quotes[a].quote.text, &quotes[b].quote.text)
                } else {
                    Vec::new()
                },
            },
            None => QuoteFinding {
                status,
                quotes: vec![a],
                similarity: None,
                diff: vec![],
            },
        })
        .collect()
}

/// Cluster the corpus's names, with the rule file's entities as canonical anchors.
pub fn compare_names(rules: &RuleSet, extraction: &Extraction) -> Vec<NameCluster> {
    name::cluster_names(&extraction.names, &known_entities(rules))
}

/// The rule file's entities, as name clustering takes them.
fn known_entities(rules: &RuleSet) -> Vec<KnownEntity> {
    rules
        .entities
        .iter()
        .map(|e| KnownEntity {
            name: e.name.clone(),
            variants: e.variants.clone(),
            note: e.note.clone(),
        })
        .collect()
}

/// What the sources say about one fact, taken together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Values that cannot all be true together.
    Conflict,
    /// Sources word the same act differently (term facts).
    Framing,
    /// Compatible, but not the same value: a vague or approximate value next to another.
    Loose,
    /// The same value everywhere.
    Agree,
    /// Only one source states it.
    Single,
    /// Stated, but not comparable (e.g. a weekday without a publication date).
    Unresolved,
    /// No source states it.
    None,
}

impl Status {
    /// One character for tables and legends: ✗ conflict, ≠ framing, ≈ loose, ✓ agree,
    /// · one source, ? unresolved, – none.
    pub fn marker(self) -> &'static str {
        match self {
            Status::Conflict => "✗",
            Status::Framing => "≠",
            Status::Loose => "≈",
            Status::Agree => "✓",
            Status::Single => "·",
            Status::Unresolved => "?",
            Status::None => "–",
        }
    }

    /// The statuses a "disagreements only" view keeps.
    pub fn is_disagreement(self) -> bool {
        matches!(self, Status::Conflict | Status::Framing)
    }

    pub fn name(self) -> &'static str {
        match self {
            Status::Conflict => "conflict",
            Status::Framing => "framing",
            Status::Loose => "loose",
            Status::Agree => "agree",
            Status::Single => "single",
            Status::Unresolved => "unresolved",
            Status::None => "none",
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One article's observations of a fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceValues {
    /// Index of the article in the corpus.
    pub article: usize,
    /// Indices into the observation list, in text order.
    pub observations: Vec<usize>,
    /// Distinct canonical values, in order of first appearance.
    pub values: Vec<String>,
}

/// Two observations that cannot both be right, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    pub a: usize,
    pub b: usize,
    pub reason: String,
}

/// The comparison of one fact across the corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub fact: String,
    pub label: String,
    pub kind: Kind,
    pub status: Status,
    pub sources: Vec<SourceValues>,
    pub disagreements: Vec<Disagreement>,
    /// Plain-language remarks (unresolved values, framing per source).
    pub notes: Vec<String>,
}

/// Compare every fact of the rule set, in rule order.
pub fn compare(
    rules: &RuleSet,
    observations: &[Observation],
    source_names: &[String],
) -> Vec<Finding> {
    rules
        .facts
        .iter()
        .map(|fact| compare_fact(fact, observations, source_names))
        .collect()
}

fn compare_fact(fact: &Fact, observations: &[Observation], names: &[String]) -> Finding {
    let mut by_article: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, o) in observations.iter().enumerate() {
        if *o.fact == *fact.id {
            by_article.entry(o.article).or_default().push(i);
        }
    }
    let sources: Vec<SourceValues> = by_article
        .into_iter()
        .map(|(article, obs)| {
            let mut values: Vec<String> = Vec::new();
            for &i in &obs {
                let v = observations[i].value.canonical();
                if !values.contains(&v) {
                    values.push(v);
                }
            }
            SourceValues {
                article,
                observations: obs,
                values,
            }
        })
        .collect();
    let mut finding = Finding {
        fact: fact.id.clone(),
        label: fact.label.clone(),
        kind: fact.kind,
        status: Status::None,
        sources,
        disagreements: vec![],
        notes: vec![],
    };
    if finding.sources.is_empty() {
        return finding;
    }
    let name = |i: usize| {
        names
            .get(observations[i].article)
            .map_or("?", String::as_str)
    };
    let all: Vec<usize> = finding
        .sources
        .iter()
        .flat_map(|s| s.observations.iter().copied())
        .collect();
    match fact.kind {
        Kind::Quantity | Kind::Date => {
            // One representative per distinct (source, value): the first observation of it.
            let mut reps: Vec<usize> = Vec::new();
            let mut seen = BTreeSet::new();
            for &i in &all {
                if seen.insert((observations[i].article, observations[i].value.canonical())) {
                    reps.push(i);
                }
            }
            // Values conflict, not sources: compare each pair of distinct values once, named
            // by the first source of each, so a value repeated by thousands of sources costs
            // one comparison (all pairs of sources would be quadratic in the corpus).
            let mut unresolved = Vec::new();
            let mut by_value: Vec<(String, Vec<usize>)> = Vec::new();
            let mut slot: BTreeMap<String, usize> = BTreeMap::new();
            for &i in &reps {
                if unresolvable(&observations[i].value) {
                    unresolved.push(i);
                    continue;
                }
                let v = observations[i].value.canonical();
                let k = *slot.entry(v.clone()).or_insert_with(|| {
                    by_value.push((v, Vec::new()));
                    by_value.len() - 1
                });
                by_value[k].1.push(i);
            }
            let others = |n: usize| match n {
                0 => String::new(),
                1 => " (and 1 other source)".to_string(),
                n => format!(" (and {n} other sources)"),
            };
            for (x, (va, ra)) in by_value.iter().enumerate() {
                for (vb, rb) in &by_value[x + 1..] {
                    let (i, j) = (ra[0], rb[0]);
                    if let Some(reason) =
                        incompatible(fact, &observations[i].value, &observations[j].value)
                    {
                        let (i, j, va, vb, na, nb) = if i < j {
                            (i, j, va, vb, ra.len(), rb.len())
                        } else {
                            (j, i, vb, va, rb.len(), ra.len())
                        };
                        finding.disagreements.push(Disagreement {
                            a: i,
                            b: j,
                            reason: format!(
                                "{}{} says {va}, {}{} says {vb}: {reason}",
                                name(i),
                                others(na - 1),
                                name(j),
                                others(nb - 1),
                            ),
                        });
                    }
                }
            }
            finding.disagreements.sort_by_key(|d| (d.a, d.b));
            for &i in &unresolved {
                finding.notes.push(format!(
                    "{}: {:?} cannot be placed on the calendar: the article has no publication date",
                    name(i),
                    observations[i].raw
                ));
            }
            let comparable: BTreeSet<String> = reps
                .iter()
                .filter(|&&i| !unresolvable(&observations[i].value))
                .map(|&i| observations[i].value.canonical())
                .collect();
            finding.status = if !finding.disagreements.is_empty() {
                Status::Conflict
            } else if comparable.is_empty() {
                Status::Unresolved
            } else if finding.sources.len() == 1 {
                Status::Single
            } else if comparable.len() == 1 {
                Status::Agree
            } else {
                Status::Loose
            };
        }
        Kind::Term => {
            let mut sets: Vec<(usize, BTreeSet<String>)> = Vec::new();
            for s in &finding.sources {
                let classes: BTreeSet<String> = s
                    .observations
                    .iter()
                    .filter_map(|&i| match &observations[i].value {
                        Value::Term(t) if !t.negated => Some(t.class.clone()),
                        _ => None,
                    })
                    .collect();
                let negated: BTreeSet<String> = s
                    .observations
                    .iter()
                    .filter_map(|&i| match &observations[i].value {
                        Value::Term(t) if t.negated => Some(t.class.clone()),
                        _ => None,
                    })
                    .collect();
                let src = names.get(s.article).map_or("?", String::as_str);
                if !negated.is_empty() {
                    finding.notes.push(format!(
                        "{src}: denies {} (negated, not counted)",
                        negated.into_iter().collect::<Vec<_>>().join(", ")
                    ));
                }
                sets.push((s.article, classes));
            }
            let counted: Vec<&BTreeSet<String>> = sets
                .iter()
                .map(|(_, c)| c)
                .filter(|c| !c.is_empty())
                .collect();
            finding.status = if counted.is_empty() {
                Status::Unresolved
            } else if counted.len() == 1 {
                Status::Single
            } else if counted.windows(2).all(|w| w[0] == w[1]) {
                Status::Agree
            } else {
                // Name the classes that only some sources use.
                let union: BTreeSet<&String> = counted.iter().flat_map(|c| c.iter()).collect();
                for class in union {
                    let users: Vec<&str> = sets
                        .iter()
                        .filter(|(_, c)| c.contains(class))
                        .map(|(a, _)| names.get(*a).map_or("?", String::as_str))
                        .collect();
                    if users.len() < counted.len() {
                        finding
                            .notes
                            .push(format!("{class}: only {}", users.join(", ")));
                    }
                }
                Status::Framing
            };
        }
    }
    finding
}

fn unresolvable(v: &Value) -> bool {
    matches!(v, Value::Date(d) if d.span().is_none())
}

/// Why two values cannot both be true, or None when they are compatible.
fn incompatible(fact: &Fact, a: &Value, b: &Value) -> Option<String> {
    match (a, b) {
        (Value::Quantity(x), Value::Quantity(y)) => {
            let widen = |q: &crate::extract::Quantity| {
                let (lo, hi) = q.bounds();
                let (lo, hi) = if matches!(q, crate::extract::Quantity::Approx(_)) {
                    fact.approx_margin.widen(lo, hi)
                } else {
                    (lo, hi)
                };
                fact.tolerance.widen(lo, hi)
            };
            let (alo, ahi) = widen(x);
            let (blo, bhi) = widen(y);
            (ahi < blo || bhi < alo)
                .then(|| "the ranges do not overlap, even with the rule's tolerance".to_string())
        }
        (Value::Date(x), Value::Date(y)) => {
            // Days, weeks, months and years are spans of days; disjoint spans conflict.
            let ((a0, a1), (b0, b1)) = (x.span()?, y.span()?);
            if a1 < b0 || b1 < a0 {
                let apart = if a1 < b0 {
                    (b0 - a1).get_days()
                } else {
                    (a0 - b1).get_days()
                };
                Some(format!(
                    "{apart} day{} apart",
                    if apart == 1 { "" } else { "s" }
                ))
            } else {
                None
            }
        }
        _ => None,
    }
}

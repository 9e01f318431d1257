//! Comparison: per fact, the values each source gives, and whether they agree.
//!
//! Third stage of the flow (rules + articles → extract → **compare** → report). A
//! [`FactFinding`] per fact groups the observations by article and decides a [`Status`]:
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
//! Quotations of one statement across sources make one card, by the similarity of their
//! words ([`quote::compare_quotes`]), with a [`QuoteStatus`] and their speakers compared as
//! people; names are
//! clustered into spellings of one name ([`name::cluster_names`]), with the
//! rule file's canonical entities as anchors.

pub mod name;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

pub mod quote;

pub use quote::{QuoteFinding, QuoteStatus, compare_quotes};

use crate::extract::{Extraction, Observation, Value};
use crate::placed::Detail;
use crate::read::name::Mentions;
use crate::rules::{Fact, FactKind, Kind, RuleSet};
use name::{KnownEntity, NameCluster};

/// Everything the comparison found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Findings {
    /// One per rule fact, in rule order.
    pub facts: Vec<FactFinding>,
    /// Quotations: one card per statement across sources, then those only one source
    /// carries.
    pub quotes: Vec<QuoteFinding>,
    /// Names spelled in more than one way, or unlike their canonical form.
    pub names: Vec<NameCluster>,
}

/// Compare rule facts, quotations and names. The name mentions come apart from the
/// extraction (compactly: `extraction.names` is not read); what `detail` says is kept
/// (statuses are the same at every level).
pub fn compare_all(
    rules: &RuleSet,
    extraction: &Extraction,
    mentions: &Mentions,
    source_names: &[String],
    detail: Detail,
) -> Findings {
    let quotes = compare_quotes(extraction, detail);
    // One speaker given the same words under two spellings is evidence for the names.
    let links = quote::spelled_speakers(&quotes);
    Findings {
        facts: compare(rules, &extraction.observations, source_names),
        names: name::cluster_mentions_linked(
            mentions,
            &known_entities(rules),
            &links,
            detail == Detail::FirstOnly,
        ),
        quotes,
    }
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
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
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
    /// This source's state in the comparison, the one every report format shows for its
    /// cell: `conflict` when one of its values cannot be true with another source's value
    /// (whichever source stated that value first); `loose` for a source compatible with
    /// every value of a fact in conflict; `unresolved` when none of its values could be
    /// compared; otherwise the fact's status.
    pub status: Status,
}

/// Two observations that cannot both be right, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    pub a: usize,
    pub b: usize,
    pub reason: String,
}

/// One distinct value of a fact and everyone who states it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValueGroup {
    /// The canonical value.
    pub value: String,
    /// Every observation of it, source by source, in text order.
    pub observations: Vec<usize>,
    /// The articles that state it, in order.
    pub sources: Vec<usize>,
    /// How many of the fact's other values cannot be true with it (0: none).
    pub conflicts: usize,
    /// The first of those (an index into the fact's groups, by the order sources state
    /// them) and why the two cannot both be true.
    pub against: Option<(usize, String)>,
}

/// The comparison of one fact across the corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactFinding {
    pub fact: String,
    pub label: String,
    pub kind: Kind,
    pub status: Status,
    pub sources: Vec<SourceValues>,
    /// One per value in conflict (two values that are each other's first conflict make
    /// one), naming the first value it cannot be true with: as many as the values, not as
    /// the pairs of them.
    pub disagreements: Vec<Disagreement>,
    /// Amounts and days: each distinct comparable value with everyone who states it, in the
    /// order sources first state them (empty for wordings).
    pub groups: Vec<ValueGroup>,
    /// Plain-language remarks (unresolved values, framing per source).
    pub notes: Vec<String>,
}

/// Compare every fact of the rule set, in rule order.
pub fn compare(
    rules: &RuleSet,
    observations: &[Observation],
    source_names: &[String],
) -> Vec<FactFinding> {
    rules
        .facts
        .iter()
        .map(|fact| compare_fact(fact, observations, source_names))
        .collect()
}

fn compare_fact(fact: &Fact, observations: &[Observation], names: &[String]) -> FactFinding {
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
                status: Status::None,
            }
        })
        .collect();
    let mut finding = FactFinding {
        fact: fact.id.clone(),
        label: fact.label.clone(),
        kind: fact.kind.tag(),
        status: Status::None,
        sources,
        disagreements: vec![],
        groups: vec![],
        notes: vec![],
    };
    if finding.sources.is_empty() {
        return finding;
    }
    if fact.kind.tag().is_wording() {
        compare_wordings(&mut finding, observations, names);
    } else {
        compare_values(&mut finding, &fact.kind, observations, names);
    }
    finding
}

/// Amounts and days: pairs of distinct values that cannot both be true conflict; values
/// that can, but differ, agree only loosely.
fn compare_values(
    finding: &mut FactFinding,
    kind: &FactKind,
    observations: &[Observation],
    names: &[String],
) {
    let name = |i: usize| {
        names
            .get(observations[i].article)
            .map_or("?", String::as_str)
    };
    let all = finding
        .sources
        .iter()
        .flat_map(|s| s.observations.iter().copied());
    // One representative per distinct (source, value): the first observation of it.
    let mut reps: Vec<usize> = Vec::new();
    let mut seen = BTreeSet::new();
    for i in all {
        if seen.insert((observations[i].article, observations[i].value.canonical())) {
            reps.push(i);
        }
    }
    // Values conflict, not sources: compare each pair of distinct values once, named
    // by the first source of each, so a value repeated by thousands of sources costs
    // one comparison (all pairs of sources would be quadratic in the corpus).
    let mut unresolved = Vec::new();
    // Values that cannot be set against the first comparable one (another currency) are
    // noted, not compared: they neither agree nor conflict.
    let mut reference: Option<usize> = None;
    let mut incomparable: Vec<(usize, String)> = Vec::new();
    let mut by_value: Vec<(String, Vec<usize>)> = Vec::new();
    let mut slot: BTreeMap<String, usize> = BTreeMap::new();
    for &i in &reps {
        if observations[i].value.unresolved().is_some() {
            unresolved.push(i);
            continue;
        }
        match reference {
            None => reference = Some(i),
            Some(r) => {
                if let Some(why) = observations[i].value.incomparable(&observations[r].value) {
                    incomparable.push((i, why));
                    continue;
                }
            }
        }
        let v = observations[i].value.canonical();
        let k = *slot.entry(v.clone()).or_insert_with(|| {
            by_value.push((v, Vec::new()));
            by_value.len() - 1
        });
        by_value[k].1.push(i);
    }
    // "a.txt says", "a.txt and b.txt say", "a.txt, b.txt, c.txt and 4 other sources say":
    // every source of a value is named, up to a few.
    let who_says = |members: &[usize], value: &str| {
        const NAMED: usize = 3;
        let mut named: Vec<String> = members
            .iter()
            .take(if members.len() > NAMED + 1 {
                NAMED
            } else {
                members.len()
            })
            .map(|&i| name(i).to_string())
            .collect();
        let rest = members.len() - named.len();
        if rest > 0 {
            named.push(format!("{rest} other sources"));
        }
        let verb = if members.len() == 1 { "says" } else { "say" };
        format!("{} {verb} {value}", list(&named))
    };
    // Every observation of a comparable value joins its value's group (a source repeating
    // a value is in its group as often as it repeats it).
    let mut groups: Vec<ValueGroup> = by_value
        .iter()
        .map(|(v, _)| ValueGroup {
            value: v.clone(),
            observations: Vec::new(),
            sources: Vec::new(),
            conflicts: 0,
            against: None,
        })
        .collect();
    for s in &finding.sources {
        for &i in &s.observations {
            if let Some(&k) = slot.get(&observations[i].value.canonical()) {
                let g = &mut groups[k];
                g.observations.push(i);
                if g.sources.last() != Some(&s.article) {
                    g.sources.push(s.article);
                }
            }
        }
    }
    // Which values each value cannot be true with: how many, and the first of them (by
    // the order sources state them). Found by sorting the values' extents, so thousands of
    // distinct values cost a sort, not every pair.
    let firsts: Vec<usize> = by_value.iter().map(|(_, reps)| reps[0]).collect();
    let partners = first_conflicts(&firsts, observations, kind);
    for (k, (count, partner)) in partners.into_iter().enumerate() {
        groups[k].conflicts = count;
        if let Some(p) = partner {
            let reason = observations[firsts[k]]
                .value
                .incompatible(&observations[firsts[p]].value, kind)
                .unwrap_or_else(|| "they cannot both be true".to_string());
            groups[k].against = Some((p, reason));
        }
    }
    // One line per value in conflict, naming the first value it cannot be true with; two
    // values that name each other make one line. The lines grow with the number of values,
    // not with the number of pairs.
    // Each line, with the values whose first conflict it is (one, or both).
    let mut lines: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (k, g) in groups.iter().enumerate() {
        if let Some((p, _)) = &g.against {
            let pair = if firsts[k] < firsts[*p] {
                (k, *p)
            } else {
                (*p, k)
            };
            lines.entry(pair).or_default().push(k);
        }
    }
    for ((x, y), from) in lines {
        let (gx, gy) = (&groups[x], &groups[y]);
        let reason = groups[from[0]]
            .against
            .as_ref()
            .map_or("", |(_, r)| r.as_str());
        let mut line = format!(
            "{}, {}: {reason}",
            who_says(&by_value[x].1, &gx.value),
            who_says(&by_value[y].1, &gy.value)
        );
        for g in from.iter().map(|&k| &groups[k]) {
            if g.conflicts > 1 {
                line.push_str(&format!(
                    "; {} cannot be true with {} values in all",
                    g.value, g.conflicts
                ));
            }
        }
        finding.disagreements.push(Disagreement {
            a: firsts[x],
            b: firsts[y],
            reason: line,
        });
    }
    let conflicting: BTreeSet<&str> = groups
        .iter()
        .filter(|g| g.conflicts > 0)
        .map(|g| g.value.as_str())
        .collect();
    finding.disagreements.sort_by_key(|d| (d.a, d.b));
    for &i in &unresolved {
        let why = observations[i].value.unresolved().unwrap_or_default();
        finding
            .notes
            .push(format!("{}: {:?} {why}", name(i), observations[i].raw));
    }
    for (i, why) in &incomparable {
        finding
            .notes
            .push(format!("{}: {:?} {why}", name(*i), observations[*i].raw));
    }
    let comparable: BTreeSet<String> = by_value.iter().map(|(v, _)| v.clone()).collect();
    // A source whose only values cannot be placed (or are in another currency) states
    // nothing to agree with: one comparable source beside it is still the only one.
    let placed: BTreeSet<usize> = by_value
        .iter()
        .flat_map(|(_, members)| members.iter().map(|&i| observations[i].article))
        .collect();
    finding.status = if !finding.disagreements.is_empty() {
        Status::Conflict
    } else if comparable.is_empty() {
        Status::Unresolved
    } else if placed.len() == 1 {
        Status::Single
    } else if comparable.len() == 1 {
        Status::Agree
    } else {
        Status::Loose
    };
    // Each source's cell, from the same comparison: by the values it states.
    let status = finding.status;
    for s in &mut finding.sources {
        s.status = if s.values.iter().any(|v| conflicting.contains(v.as_str())) {
            Status::Conflict
        } else if !s.values.iter().any(|v| comparable.contains(v)) {
            Status::Unresolved
        } else if status == Status::Conflict {
            Status::Loose
        } else {
            status
        };
    }
    finding.groups = groups;
}

/// For each value (given as its first observation, in the order sources state them): how
/// many of the other values it cannot be true with, and the first of those (an index into
/// `firsts`). Values conflict when their extents ([`Value::extent`]) are disjoint, so after
/// sorting the extents by their ends and by their starts, the values entirely below one are
/// a prefix of the first order and those entirely above it a suffix of the second: a
/// binary search counts them and a running minimum names the first. Should a value have no
/// extent, every pair is compared instead.
fn first_conflicts(
    firsts: &[usize],
    observations: &[Observation],
    kind: &FactKind,
) -> Vec<(usize, Option<usize>)> {
    let n = firsts.len();
    let extents: Option<Vec<(f64, f64)>> = firsts
        .iter()
        .map(|&i| observations[i].value.extent(kind))
        .collect();
    let Some(extents) = extents else {
        return (0..n)
            .map(|k| {
                let others: Vec<usize> = (0..n)
                    .filter(|&j| {
                        j != k
                            && observations[firsts[k]]
                                .value
                                .incompatible(&observations[firsts[j]].value, kind)
                                .is_some()
                    })
                    .collect();
                (
                    others.len(),
                    others.iter().copied().min_by_key(|&j| firsts[j]),
                )
            })
            .collect();
    };
    let earlier = |a: usize, b: usize| if firsts[b] < firsts[a] { b } else { a };
    let mut by_end: Vec<usize> = (0..n).collect();
    by_end.sort_by(|&a, &b| extents[a].1.total_cmp(&extents[b].1));
    let mut by_start: Vec<usize> = (0..n).collect();
    by_start.sort_by(|&a, &b| extents[a].0.total_cmp(&extents[b].0));
    // The first value among the k lowest ends, and among the starts from k on.
    let mut low: Vec<usize> = Vec::with_capacity(n);
    for &k in &by_end {
        low.push(low.last().map_or(k, |&m| earlier(m, k)));
    }
    let mut high: Vec<usize> = vec![0; n];
    for (at, &k) in by_start.iter().enumerate().rev() {
        high[at] = if at + 1 < n {
            earlier(high[at + 1], k)
        } else {
            k
        };
    }
    (0..n)
        .map(|k| {
            let (lo, hi) = extents[k];
            let below = by_end.partition_point(|&j| extents[j].1 < lo);
            let from = by_start.partition_point(|&j| extents[j].0 <= hi);
            let left = (below > 0).then(|| low[below - 1]);
            let right = (from < n).then(|| high[from]);
            let first = match (left, right) {
                (Some(a), Some(b)) => Some(earlier(a, b)),
                (a, b) => a.or(b),
            };
            (below + (n - from), first)
        })
        .collect()
}

/// "a", "a and b", "a, b and c".
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Terms: the set of wording classes each source uses (denials aside); sources that use
/// different sets frame the act differently, which is not a factual conflict.
fn compare_wordings(finding: &mut FactFinding, observations: &[Observation], names: &[String]) {
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
    let counted_by: Vec<bool> = sets.iter().map(|(_, c)| !c.is_empty()).collect();
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
    // Each source's cell: a source whose every wording is denied states no wording.
    let status = finding.status;
    for (s, counted) in finding.sources.iter_mut().zip(counted_by) {
        s.status = if counted { status } else { Status::Unresolved };
    }
}

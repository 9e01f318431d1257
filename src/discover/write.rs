//! Groups of candidates written as a rule file: one `[[fact]]` per group.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use jiff::civil::Date;

use super::words::Weights;
use super::{Candidate, KEY_SPAN, PATTERN_WORDS, Stated, unit_name};
use crate::read::number::{Quantity, Unit};
use crate::rules::RuleSet;

/// How far two amounts of a discovered fact may differ and still agree: rounding ("$10.2
/// billion" for 10.26, "$10.3 billion" for the same) stays within it.
pub const TOLERANCE: f64 = 0.02;

/// Key words a label shows.
const SHOWN: usize = 4;

/// One discovered fact, before it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub id: String,
    pub label: String,
    /// A `date` fact (else a `quantity`).
    pub date: bool,
    /// `units = [...]`: the reader's unit, none for a count (its pattern names its noun).
    pub unit: Option<String>,
    /// The key words the group's members share, as written.
    pub context: Vec<String>,
    /// `approx_margin`: how far its approximate amounts are widened ([`approx_margin`]).
    pub margin: Option<String>,
    pub patterns: Vec<String>,
}

/// One `[[fact.example]]`.
#[derive(Debug, Clone, PartialEq)]
pub struct ExampleDraft {
    pub sentence: String,
    pub published: Option<Date>,
    pub value: String,
}

/// What an amount in `unit` is, for a label: "USD amount", "percentage", "count of stores".
fn what(unit: Unit, head: Option<&str>) -> String {
    match unit {
        Unit::Count => format!("count of {}", head.unwrap_or("things")),
        Unit::Currency(c) => format!("{c} amount"),
        Unit::Percent => "percentage".into(),
        Unit::Points => "percentage points".into(),
        Unit::Measure(m) => format!("{m} measure"),
    }
}

/// The comparer's margin for "about", which a discovered fact never exceeds.
const MAX_MARGIN: f64 = 0.10;

/// How far "about N" reaches: half a unit of N's last significant digit, relative to N
/// ("about 22" is 21.5 to 22.5, "about 40" 35 to 45), at most [`MAX_MARGIN`].
pub fn approx_margin(n: f64) -> f64 {
    if n <= 0.0 || !n.is_finite() {
        return MAX_MARGIN;
    }
    let mut unit = 1e12;
    while unit > 1e-6 {
        let q = n / unit;
        if (q - q.round()).abs() < 1e-9 * q.abs().max(1.0) && q.round() >= 1.0 {
            break;
        }
        unit /= 10.0;
    }
    (0.5 * unit / n).min(MAX_MARGIN)
}

/// An id part: lower-case ASCII letters and digits, other characters as `_`.
fn id_part(s: &str) -> String {
    let mut out: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    while out.contains("__") {
        out = out.replace("__", "_");
    }
    out.trim_matches('_').to_string()
}

/// A candidate's rarest key word (the first in order among equals): what it says that few
/// sentences of the corpus do.
fn rarest<'c>(m: &'c Candidate, w: &Weights) -> Option<&'c String> {
    m.key
        .iter()
        .max_by(|a, b| w.weight(a).total_cmp(&w.weight(b)).then(b.cmp(a)))
}

/// Each group as a draft fact: its shared key words (rarest first) make its label and id,
/// every member's pattern is one of its patterns.
pub fn drafts(cands: &[Candidate], groups: &[Vec<usize>], w: &Weights) -> Vec<Draft> {
    let mut ids: BTreeSet<String> = BTreeSet::new();
    let mut drafted: BTreeSet<BTreeSet<String>> = BTreeSet::new();
    let mut out = Vec::new();
    for g in groups {
        let members: Vec<&Candidate> = g.iter().map(|&i| &cands[i]).collect();
        let mut patterns: Vec<String> = Vec::new();
        for m in &members {
            if !patterns.contains(&m.pattern) {
                patterns.push(m.pattern.clone());
            }
        }
        // Two groups of the same sentences (wire copy that several outlets print, each
        // group one amount per source) would be one fact twice: its rule reads the same.
        if !drafted.insert(patterns.iter().cloned().collect::<BTreeSet<String>>()) {
            continue;
        }
        let first = members[0];
        let mut count: BTreeMap<&str, usize> = BTreeMap::new();
        for m in &members {
            for s in &m.key {
                *count.entry(s.as_str()).or_default() += 1;
            }
        }
        let mut shared: Vec<&str> = count
            .iter()
            .filter(|(s, n)| **n >= 2 && Some(**s) != first.head.as_deref())
            .map(|(s, _)| *s)
            .collect();
        shared.sort_by(|a, b| w.weight(b).total_cmp(&w.weight(a)).then(a.cmp(b)));
        let written = |s: &str| -> String {
            members
                .iter()
                .find_map(|m| m.written.get(s).cloned())
                .unwrap_or_else(|| s.to_string())
        };
        // Members grouped by one figure or one sum, whose keys share no word, each show
        // their own rarest word instead, so the label still says what was grouped.
        let own: Vec<&str> = if shared.is_empty() {
            let mut own: Vec<&str> = Vec::new();
            for m in &members {
                if let Some(k) = rarest(m, w)
                    && !own.contains(&k.as_str())
                {
                    own.push(k);
                }
            }
            own
        } else {
            Vec::new()
        };
        let shown: Vec<String> = shared
            .iter()
            .chain(&own)
            .take(SHOWN)
            .map(|s| written(s))
            .collect();
        let head_written = first.noun.clone();
        let unit = first.value.unit();
        let tag = match unit {
            None => "date".into(),
            Some(Unit::Count) => id_part(head_written.as_deref().unwrap_or("count")),
            Some(Unit::Percent) => "pct".into(),
            Some(other) => id_part(&unit_name(other)),
        };
        let words: Vec<String> = shown.iter().take(2).map(|s| id_part(s)).collect();
        let base = format!("d.{tag}.{}", words.join("_"));
        let base = base.trim_end_matches(['.', '_']).to_string();
        let mut id = base.clone();
        let mut n = 2;
        while ids.contains(&id) {
            id = format!("{base}_{n}");
            n += 1;
        }
        ids.insert(id.clone());
        let what = match unit {
            Some(u) => what(u, head_written.as_deref()),
            None => "date".into(),
        };
        let label = if shown.is_empty() {
            what
        } else {
            format!("{what} — {}", shown.join(", "))
        };
        let mut context: Vec<String> = Vec::new();
        for m in &members {
            for s in &shared {
                if let Some(x) = m.written.get(*s)
                    && !context.contains(x)
                {
                    context.push(x.clone());
                }
            }
        }
        if let Some(h) = &head_written
            && context.is_empty()
        {
            context.push(h.clone());
        }
        // A member that shares no key word with the others (a headline's figure, grouped by
        // one specific figure) brings its own: its head noun, else its rarest key word, so
        // that its pattern still reads it.
        if !context.is_empty() {
            for m in &members {
                if m.key.iter().any(|k| shared.contains(&k.as_str())) {
                    continue;
                }
                let own = m
                    .noun
                    .clone()
                    .or_else(|| rarest(m, w).and_then(|k| m.written.get(k).cloned()));
                if let Some(own) = own
                    && !context.contains(&own)
                {
                    context.push(own);
                }
            }
        }
        // The widest reach of the group's approximate amounts, up a tenth of a percent.
        let margin = members
            .iter()
            .filter_map(|m| match &m.value {
                Stated::Amount(a) => match a.quantity {
                    Quantity::Approx(n) => Some(approx_margin(n)),
                    _ => None,
                },
                Stated::Date(_) => None,
            })
            .reduce(f64::max)
            .map(|m| format!("{}%", (m * 1000.0).ceil() / 10.0));
        out.push(Draft {
            id,
            label,
            date: unit.is_none(),
            unit: unit.filter(|u| *u != Unit::Count).map(unit_name),
            context,
            margin,
            patterns,
        });
    }
    out
}

/// A TOML string (basic, escaped).
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The starter rule file: a header that says how it was made and what to do next, the
/// story, then one fact per draft with its examples.
pub fn rule_file(
    base: &RuleSet,
    articles: usize,
    drafts: &[Draft],
    examples: &BTreeMap<String, Vec<ExampleDraft>>,
) -> String {
    let mut t = String::new();
    let _ = writeln!(
        t,
        "# Starter rule file written by `crosscheck init` from {articles} articles: one fact per"
    );
    t.push_str(
        "# amount or day that two or more sources state, grouped by the words around it (see\n\
         # docs/discovery.md). Rename the ids, edit the labels, widen the patterns, add\n\
         # `[[fact.example]]`s; then `crosscheck lint`, `crosscheck test`, `crosscheck check`.\n\n",
    );
    let title = base.title.as_deref().unwrap_or("Discovered facts");
    let _ = writeln!(t, "[story]\ntitle = {}", quoted(title));
    if let Some(d) = &base.description {
        let _ = writeln!(t, "description = {}", quoted(d));
    }
    for d in drafts {
        let _ = writeln!(t, "\n[[fact]]");
        let _ = writeln!(t, "id = {}", quoted(&d.id));
        let _ = writeln!(t, "label = {}", quoted(&d.label));
        let kind = if d.date { "date" } else { "quantity" };
        let _ = writeln!(t, "kind = \"{kind}\"");
        if let Some(u) = &d.unit {
            let _ = writeln!(t, "units = [{}]", quoted(u));
        }
        let list = |xs: &[String]| xs.iter().map(|x| quoted(x)).collect::<Vec<_>>().join(", ");
        let _ = writeln!(t, "context = [{}]", list(&d.context));
        if !d.date {
            let _ = writeln!(t, "tolerance = \"{}%\"", TOLERANCE * 100.0);
        }
        if let Some(m) = &d.margin {
            let _ = writeln!(t, "approx_margin = \"{m}\"");
        }
        // "Near" means something only with context words (dates grouped by the sum their
        // sentences state may share none).
        if !d.context.is_empty() {
            let _ = writeln!(t, "window = {}", KEY_SPAN + PATTERN_WORDS);
        }
        let _ = writeln!(t, "patterns = [");
        for p in &d.patterns {
            let _ = writeln!(t, "  {},", quoted(p));
        }
        t.push_str("]\n");
        for e in examples.get(&d.id).into_iter().flatten() {
            t.push_str("\n[[fact.example]]\n");
            let _ = writeln!(t, "sentence = {}", quoted(&e.sentence));
            if let Some(p) = e.published {
                let _ = writeln!(t, "published = \"{p}\"");
            }
            let _ = writeln!(t, "value = {}", quoted(&e.value));
        }
    }
    t
}

/// Which articles discovery read, when it read a sample of them: "7 of the 20 articles
/// (--discover-from)"; None when it read them all. The report and `init` both say it.
pub fn sample_read((read, of): (usize, usize)) -> Option<String> {
    (read < of).then(|| format!("{read} of the {of} articles (--discover-from)"))
}

/// The report's one line that says the facts were discovered, not named by a rule file.
pub fn report_title(base: &RuleSet, facts: usize, read: (usize, usize)) -> String {
    let from = sample_read(read).unwrap_or_else(|| "the articles".to_string());
    let what = format!(
        "no rule file names a fact: {facts} discovered from {from}, each stated by two or more sources (`crosscheck init` writes them as rules)"
    );
    match &base.title {
        Some(t) => format!("{t} — {what}"),
        None => {
            let mut c = what.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        }
    }
}

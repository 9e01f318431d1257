//! The rule file as written: serde structs that mirror the TOML one to one.
//!
//! Kept apart from the runtime rules ([`super::Fact`]) so that serde rejects what it can
//! (unknown keys, wrong types) with a position, and [`super::validate`] rejects the rest
//! (unknown kinds, bad patterns, duplicate ids) with a position taken from the `Spanned`
//! fields below.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// A whole rule file: one story.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    /// What the story is; shown at the top of reports.
    #[serde(default)]
    pub story: Option<Story>,
    /// The comparable facts.
    #[serde(default)]
    pub fact: Vec<Spanned<RawFact>>,
    /// Known speakers and their aliases ("Solvik", "Mr. Solvik" → "Tomas Solvik").
    #[serde(default)]
    pub speaker: Vec<RawSpeaker>,
    /// Canonical spellings of names and their known variants.
    #[serde(default)]
    pub entity: Vec<RawEntity>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
}

/// One `[[fact]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFact {
    /// Stable identifier used in reports, baselines and gold files (`vd.troops`).
    pub id: Spanned<String>,
    /// What a reader calls it ("Russian troops sent to Valdoria").
    pub label: String,
    /// `quantity`, `date` or `term`.
    pub kind: Spanned<String>,
    /// Any one of these words must occur near the match (same sentence, or within `window`
    /// words). `*` at the end of a word matches any ending: `Valdor*`.
    #[serde(default)]
    pub context: Vec<Spanned<String>>,
    /// Every one of these must occur near the match; an entry may list alternatives with `|`.
    #[serde(default)]
    pub requires: Vec<Spanned<String>>,
    /// None of these may occur in the sentence.
    #[serde(default)]
    pub exclude: Vec<Spanned<String>>,
    /// How near is near for `context` and `requires`, in words either side of the match.
    /// Absent: anywhere in the same sentence.
    #[serde(default)]
    pub window: Option<Spanned<i64>>,
    /// Where `context` and `requires` are looked for: `sentence` (default) or `paragraph`,
    /// for pieces that name the subject once and then describe it.
    #[serde(default)]
    pub scope: Option<Spanned<String>>,
    /// When set, `exclude` words only count within this many words of the match, so that
    /// "invasion of Ostland" can be told from "invaded Valdoria" in one sentence.
    #[serde(default)]
    pub exclude_window: Option<Spanned<i64>>,
    /// Regular expressions with typed placeholders (`{number}`, `{date}`).
    #[serde(default)]
    pub patterns: Vec<Spanned<String>>,
    /// Quantity: unit words; without `patterns`, a number followed by one of these is a match.
    #[serde(default)]
    pub units: Vec<String>,
    /// Quantity: how far two values may differ and still agree: `"10%"` or an absolute number.
    #[serde(default)]
    pub tolerance: Option<Spanned<toml::Value>>,
    /// Quantity: extra margin for approximate values ("about 2,000"); default `"10%"`.
    #[serde(default)]
    pub approx_margin: Option<Spanned<toml::Value>>,
    /// Date: order of numeric dates such as 10/01/2022: `day-month` or `month-day`.
    #[serde(default)]
    pub numeric_order: Option<Spanned<String>>,
    /// Date: `day` keeps only values that name a day, dropping "this week", "last month".
    #[serde(default)]
    pub precision: Option<Spanned<String>>,
    /// Date: the first and last day (YYYY-MM-DD) a value may fall on; dates outside are
    /// other events of the same kind (a photo caption's 2021 summit in a story about 2022).
    #[serde(default)]
    pub within: Option<Spanned<Vec<String>>>,
    /// Count values inside parentheses. Default: false for dates, whose parentheses in news
    /// are mostly source citations ("(Tarkiv Herald, March 4, 2021)"), true otherwise.
    #[serde(default)]
    pub in_parentheses: Option<bool>,
    /// Term: wording classes, each a list of words or phrases.
    #[serde(default)]
    pub classes: BTreeMap<String, Spanned<Vec<String>>>,
    /// Term: the subject the wording must be about (same as `requires`, kept for readability).
    #[serde(default)]
    pub subject: Vec<Spanned<String>>,
    /// Examples that `crosscheck test` runs through extraction: `[[fact.example]]`.
    #[serde(default)]
    pub example: Vec<Spanned<RawExample>>,
}

impl RawFact {
    /// Where `key` is set in the fact, to point a message at it: the value, the first
    /// pattern or class, or the fact's id for `units` (a plain list has no position); None
    /// when the key is not set (or is not a key of the kind-specific options).
    pub fn span_of(&self, key: &str) -> Option<std::ops::Range<usize>> {
        match key {
            "tolerance" => self.tolerance.as_ref().map(Spanned::span),
            "approx_margin" => self.approx_margin.as_ref().map(Spanned::span),
            "units" => (!self.units.is_empty()).then(|| self.id.span()),
            "numeric_order" => self.numeric_order.as_ref().map(Spanned::span),
            "precision" => self.precision.as_ref().map(Spanned::span),
            "within" => self.within.as_ref().map(Spanned::span),
            "patterns" => self.patterns.first().map(Spanned::span),
            "classes" => self.classes.values().next().map(Spanned::span),
            _ => None,
        }
    }
}

/// One `[[fact.example]]`: a text the fact must read as `value`, or must not match at all.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExample {
    /// The text to run the fact on: one sentence or several (a paragraph).
    pub sentence: Spanned<String>,
    /// The article's publication date (YYYY-MM-DD), for weekdays and year-less dates.
    #[serde(default)]
    pub published: Option<Spanned<String>>,
    /// The canonical value the fact must give (`~2000`, `2022-01-06`, `invasion`), or
    /// `"none"` for a near miss that must not match.
    pub value: Spanned<String>,
    /// A known gap: reported, but does not fail the test run.
    #[serde(default)]
    pub todo: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSpeaker {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntity {
    pub name: String,
    #[serde(default)]
    pub variants: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Every key a `[[fact]]` accepts, for "did you mean" on unknown keys.
pub const FACT_KEYS: &[&str] = &[
    "id",
    "label",
    "kind",
    "context",
    "requires",
    "exclude",
    "window",
    "scope",
    "exclude_window",
    "patterns",
    "units",
    "tolerance",
    "approx_margin",
    "numeric_order",
    "classes",
    "in_parentheses",
    "precision",
    "within",
    "subject",
    "example",
];

/// Every key a `[[fact.example]]` accepts.
pub const EXAMPLE_KEYS: &[&str] = &["sentence", "published", "value", "todo"];

/// Every top-level key.
pub const TOP_KEYS: &[&str] = &["story", "fact", "speaker", "entity"];

//! One comparable fact, ready to run, and what a rule file says besides: examples,
//! speakers, entities.

use std::path::PathBuf;

use serde::Serialize;

use super::{FactKind, Pattern, WordSet};

/// Where context words are looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Sentence,
    Paragraph,
}

/// Where a fact is defined, for messages that point back at the rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleLocation {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
}

/// One comparable fact, ready to run.
#[derive(Debug, Clone)]
pub struct Fact {
    pub id: String,
    pub label: String,
    /// The kind of value, with the options only that kind reads.
    pub kind: FactKind,
    pub context: Option<WordSet>,
    pub requires: Vec<WordSet>,
    pub exclude: Option<WordSet>,
    /// Words either side of the match within which `context`/`requires` must occur.
    pub window: Option<usize>,
    pub scope: Scope,
    pub exclude_window: Option<usize>,
    pub patterns: Vec<Pattern>,
    /// Count values written inside parentheses.
    pub in_parentheses: bool,
    /// Examples for `crosscheck test`, in file order.
    pub examples: Vec<Example>,
    pub location: RuleLocation,
}

/// The `value` an example writes for "this text must not match the fact".
pub const NO_MATCH: &str = "none";

/// What an example must give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Expected {
    /// This canonical value, and no other.
    Value(String),
    /// No value at all: a near miss.
    None,
}

impl std::fmt::Display for Expected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Expected::Value(v) => f.write_str(v),
            Expected::None => f.write_str(NO_MATCH),
        }
    }
}

/// A `[[fact.example]]`: a text the fact must read as a value, or must not match.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// The text, as written in the rule file.
    pub sentence: String,
    /// The publication date an article holding the text would have.
    pub published: Option<jiff::civil::Date>,
    pub expected: Expected,
    /// A known gap: reported, does not fail.
    pub todo: bool,
    /// Where the example's `value` is written, for messages.
    pub location: RuleLocation,
}

/// A speaker with the other ways sources write their name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerRule {
    pub name: String,
    pub aliases: Vec<String>,
}

/// A canonical name with known variant spellings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityRule {
    pub name: String,
    pub variants: Vec<String>,
    pub note: Option<String>,
}

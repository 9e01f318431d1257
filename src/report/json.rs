//! JSON for programs: the whole [`Report`] as one document, or observations one per line.
//!
//! The wire shape lives here, apart from the writers of other formats: [`Document`] borrows
//! the report and names its parts for a reader who never saw the Rust types (articles,
//! rules, observations, findings, …). Its `version` is [`super::SCHEMA_VERSION`]; the
//! schema is documented in docs/output.md. Output is pretty-printed with fields in a fixed
//! order, so the same input gives the same bytes.

use std::io::{self, Write};

use serde::Serialize;

use super::{
    Evidence, FactReport, NameEntry, NameUse, Problem, QuoteEntry, QuoteFindingEntry, Report,
    SourceInfo, SpellingEntry,
};
use crate::compare::name::VariantKind;
use crate::rules::Kind;

/// `crosscheck check --format json` / `extract --format json`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Document<'a> {
    /// Schema version; bumped when a field changes meaning.
    pub version: u32,
    /// The story's title from the rule file.
    pub story: Option<&'a str>,
    /// The articles read, numbered from 1 in file-name order.
    pub articles: &'a [SourceInfo],
    pub rules: Rules<'a>,
    /// Every observation of a rule fact; `findings[].cells[].evidence` index into it.
    pub observations: &'a [Evidence],
    /// One per rule fact, in rule order.
    pub findings: &'a [FactReport],
    /// Every quotation and scare-quoted phrase; `quote_findings[].quotes` index into it.
    pub quotes: &'a [QuoteEntry],
    pub quote_findings: &'a [QuoteFindingEntry],
    #[schemars(with = "Vec<NameOut<'static>>")]
    pub names: Names<'a>,
    pub problems: &'a [Problem],
}

/// The report's names with each use's file beside its source number (the report keeps
/// the number only): each name is turned into its wire shape as it is written, so no
/// copy of the whole list is made.
#[derive(Debug)]
pub struct Names<'a> {
    names: &'a [NameEntry],
    report: &'a Report,
}

impl Serialize for Names<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.names.iter().map(|n| NameOut::new(n, self.report)))
    }
}

/// A name spelled in more than one way across the corpus.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "NameEntry")]
struct NameOut<'a> {
    canonical: &'a str,
    spellings: Vec<SpellingOut<'a>>,
}

/// One spelling of a name.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "SpellingEntry")]
struct SpellingOut<'a> {
    text: &'a str,
    kind: VariantKind,
    note: Option<&'a str>,
    /// Similarity to the canonical spelling (Jaro-Winkler, 1.0 = identical).
    similarity: f64,
    uses: Vec<UseOut<'a>>,
}

/// Where one spelling of a name is used.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "NameUse")]
struct UseOut<'a> {
    #[schemars(with = "usize")]
    source_number: u32,
    /// The source's file name, shared with every other row of the source.
    file: &'a str,
    #[schemars(with = "usize")]
    line: u32,
    #[schemars(with = "usize")]
    column: u32,
    sentence: &'a str,
}

impl<'a> NameOut<'a> {
    fn new(n: &'a NameEntry, r: &'a Report) -> Self {
        let spelling = |s: &'a SpellingEntry| SpellingOut {
            text: &s.text,
            kind: s.kind,
            note: s.note.as_deref(),
            similarity: s.similarity,
            uses: s.uses.iter().map(|u| UseOut::new(u, r)).collect(),
        };
        NameOut {
            canonical: &n.canonical,
            spellings: n.spellings.iter().map(spelling).collect(),
        }
    }
}

impl<'a> UseOut<'a> {
    fn new(u: &'a NameUse, r: &'a Report) -> Self {
        UseOut {
            source_number: u.source_number,
            file: r.file_of(u.source_number),
            line: u.line,
            column: u.column,
            sentence: u.sentence.as_str(),
        }
    }
}

/// The rule files of the run and the facts they name.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Rules<'a> {
    pub files: &'a [String],
    pub facts: Vec<RuleFact<'a>>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct RuleFact<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub kind: Kind,
    /// `"discovered"` for a fact found without a rule file; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<&'a str>,
}

impl<'a> Document<'a> {
    pub fn new(r: &'a Report) -> Document<'a> {
        Document {
            version: r.version,
            story: r.story.as_deref(),
            articles: &r.sources,
            rules: Rules {
                files: &r.rule_files,
                facts: r
                    .facts
                    .iter()
                    .map(|f| RuleFact {
                        id: &f.fact,
                        label: &f.label,
                        kind: f.kind,
                        origin: f.origin,
                    })
                    .collect(),
            },
            observations: &r.evidence,
            findings: &r.facts,
            quotes: &r.quotes,
            quote_findings: &r.quote_findings,
            names: Names {
                names: &r.names,
                report: r,
            },
            problems: &r.problems,
        }
    }
}

/// The whole report as one pretty-printed JSON document, ending with a newline.
pub fn write(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &Document::new(r)).map_err(io::Error::other)?;
    writeln!(out)
}

/// One line of `--format jsonl`: a `type` tag, then the row's own fields.
#[derive(Debug, Serialize)]
struct Line<'a, T: Serialize> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(flatten)]
    row: &'a T,
}

/// A name row: one use of a spelling that differs from the canonical one.
#[derive(Debug, Serialize)]
struct NameRow<'a> {
    canonical: &'a str,
    spelling: &'a str,
    variant: VariantKind,
    note: Option<&'a str>,
    similarity: f64,
    #[serde(flatten)]
    at: UseOut<'a>,
}

fn line<T: Serialize>(out: &mut dyn Write, kind: &'static str, row: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &Line { kind, row }).map_err(io::Error::other)?;
    writeln!(out)
}

/// `extract --format jsonl`: one JSON object per line, for `jq` and pipes. Observations
/// (`"type": "observation"`) in the same order as the CSV, then quotations (`"quote"`), then
/// uses of names spelled unlike their canonical form (`"name"`).
pub fn write_lines(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    for e in &r.evidence {
        line(out, "observation", e)?;
    }
    for q in &r.quotes {
        line(out, "quote", q)?;
    }
    for n in &r.names {
        for s in n
            .spellings
            .iter()
            .filter(|s| s.kind != VariantKind::Canonical)
        {
            for u in &s.uses {
                let row = NameRow {
                    canonical: &n.canonical,
                    spelling: &s.text,
                    variant: s.kind,
                    note: s.note.as_deref(),
                    similarity: s.similarity,
                    at: UseOut::new(u, r),
                };
                line(out, "name", &row)?;
            }
        }
    }
    Ok(())
}

/// The JSON Schema of [`Document`] (`--format json`), generated from the types that write
/// it, so it cannot drift from them; docs/report.schema.json is this, written out, and a
/// test checks it is current and that real reports validate against it.
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Document<'static>)).unwrap_or_default()
}

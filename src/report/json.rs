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
    Evidence, FactReport, NameEntry, Problem, QuoteEntry, QuoteFindingEntry, Report, SourceInfo,
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
    pub names: &'a [NameEntry],
    pub problems: &'a [Problem],
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
            names: &r.names,
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
    source_number: u32,
    file: &'a str,
    line: u32,
    column: u32,
    sentence: &'a str,
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
                    source_number: u.source_number,
                    file: &u.file,
                    line: u.line,
                    column: u.column,
                    sentence: u.sentence.as_str(),
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
